"""The Site: the one build context every page kind reads (settings, corpus, graph, dates), and the record of
what each page read.

Pages read the site through the methods below only. Each method reads one kind
of fact, named by a key:

    e:<entity id>   the entity's record: name, type, aliases, description, link, its page (if any), and
                    for a place, what the articles call its people
    t:<entity id>   its ties: its graph node, its links, its mentions (with their sentences), roles and
                    quotations
    v:<entity id>   the view its page's figure draws (views.entity_view): made from the ties of the nodes
                    in it, but changed only when what the figure shows of them is (facts.py)
    a:<slug>        an article: its text and everything extract and resolve made of it
    h:<slug>        an article's headline: title, date, front matter, page
    n:<slug>        the articles before and after it in reading order
    o:              the reading order of all the articles (which there are, and in what order)
    m:              which entities are mentioned, and the type, name, mention count and page of each
    g:              which entities are in the graph, with the mentions and the links' weight of each
    d:              which entities are dates

A page that goes through a collection reads the collection's fact as well as
each member's: a new article or entity is a change to every page that lists them.

While a page is drawn (Site.recording), the keys it reads are recorded; the
next build draws the page again only if one of those facts has changed
(facts.py digests them, kinds.py decides).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..config import Settings
from ..model import (
    Act,
    ArticleEntity,
    Corpus,
    Entity,
    EntityMention,
    EntityType,
    ExtractedArticle,
    Link,
    Node,
    Quotation,
    Sentence,
)
from ..relate import SiteGraph
from .dates import DateResolver
from .paths import Headline, anchor_of, headline_of
from .site_data import SiteData
from .views import Neighbourhoods, View, article_view, entity_view, induced, site_view

ENTITY, TIES, VIEW, ARTICLE, HEADLINE, NEIGHBOURS = "e:", "t:", "v:", "a:", "h:", "n:"
ORDER, MENTIONED, IN_GRAPH, DATES = "o:", "m:", "g:", "d:"


class Site(SiteData):
    """See the module docstring."""

    def __init__(
        self,
        settings: Settings,
        site_name: str,
        corpus: Corpus,
        graph: SiteGraph,
        dates: DateResolver | None = None,
    ):
        self.settings = settings
        self.site_name = site_name
        self.dates = dates or DateResolver()
        self._corpus = corpus
        self._graph = graph
        self._reads: set[str] | None = None
        self._neighbourhoods = Neighbourhoods(graph)

    # --- recording ---

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        """The keys of the facts read inside the block."""
        reads: set[str] = set()
        self._reads = reads
        try:
            yield reads
        finally:
            self._reads = None

    def _read(self, kind: str, name: str) -> None:
        if self._reads is not None:
            self._reads.add(kind + name)

    def demonyms(self, place_id: str) -> list[str]:
        """What the articles call the people of this place (part of the place's record)."""
        self._read(ENTITY, place_id)
        return self._demonyms.get(place_id, [])

    # --- what the page kinds list (no fact: a new or vanished page is drawn or removed anyway) ---

    def article_slugs(self) -> list[str]:
        """Every article, in file order."""
        return list(self._by_slug)

    def entities_with_a_page(self) -> list[str]:
        return sorted(self._with_page)

    # --- entities ---

    def entity(self, entity_id: str) -> Entity:
        self._read(ENTITY, entity_id)
        return self._corpus.entities[entity_id]

    def entity_path(self, entity_id: str) -> str | None:
        """The docs path of the entity's page; None for an entity without one."""
        self._read(ENTITY, entity_id)
        return self._path_of(entity_id)

    def node(self, entity_id: str) -> Node | None:
        self._read(TIES, entity_id)
        return self._graph.nodes.get(entity_id)

    def mentions_of(self, entity_id: str) -> list[EntityMention]:
        self._read(TIES, entity_id)
        return self._mentions_by_entity.get(entity_id, [])

    def mention_count(self, entity_id: str) -> int:
        return len(self.mentions_of(entity_id))

    def sentence_of(self, em: EntityMention) -> tuple[Sentence, str]:
        """A mention's sentence, and the anchor of the paragraph it stands in ('' for the title)."""
        self._read(TIES, em.entity)
        item = self._by_slug[em.article]
        return item.sentences[em.mention.sentence], anchor_of(item, em.mention.sentence)

    def roles_of(self, entity_id: str) -> dict[str, str]:
        """Article slug → the role that article gives the entity, where it gives one."""
        self._read(TIES, entity_id)
        return self._roles_of(entity_id)

    def articles_of(self, entity_id: str) -> list[str]:
        """Slugs of the articles that mention the entity, in reading order."""
        slugs = {em.article for em in self.mentions_of(entity_id)}
        for slug in slugs:
            self._read(HEADLINE, slug)
        return sorted(slugs, key=self._position.__getitem__)

    def article_count(self, entity_id: str) -> int:
        """How many articles mention the entity."""
        return len({em.article for em in self.mentions_of(entity_id)})

    def related(self, entity_id: str, limit: int) -> list[str]:
        """The neighbours that share the most sentences with the entity, then by name: the first limit."""
        self._read(TIES, entity_id)
        if entity_id not in self._graph:
            return []
        ties = self._graph.adjacency[entity_id]
        by_weight = sorted(ties, key=lambda n: -ties[n].weight)
        if len(by_weight) > limit:
            # Names decide only among the neighbours tied at the cut-off weight: only theirs are read.
            cut = ties[by_weight[limit - 1]].weight
            by_weight = [n for n in by_weight if ties[n].weight >= cut]
        return sorted(by_weight, key=lambda n: (-ties[n].weight, self.entity(n).name.casefold(), n))[:limit]

    def acts_of(self, entity_id: str) -> list[Act]:
        """The relations that say what they are on the entity's links, the heaviest link first."""
        self._read(TIES, entity_id)
        ties = self._graph.adjacency.get(entity_id, {})
        labelled = sorted((n for n in ties if ties[n].acts), key=lambda n: (-ties[n].weight, n))
        return [act for other in labelled for act in ties[other].acts]

    def link_between(self, a: str, b: str) -> Link | None:
        self._read(TIES, a)
        return self._graph.link(a, b)

    def entity_view(self, entity_id: str) -> View:
        """What the entity's page draws (views.entity_view): its neighbourhood as seen from it; its own ties
        are read whole."""
        self._read(TIES, entity_id)
        self._read(VIEW, entity_id)
        return entity_view(self._neighbourhoods, entity_id)

    def ranked_entities(self, types: set[EntityType] | None = None, with_page: bool = False) -> list[str]:
        """Entity ids with mentions (of these types; with a page of their own), most mentioned first (ties by
        name). What is read is only the ranking: a page reads what it shows of each."""
        self._read(MENTIONED, "")
        return [
            e
            for e in self._ranking
            if (types is None or self._corpus.entities[e].type in types)
            and (not with_page or e in self._with_page)
        ]

    def is_date(self, entity_id: str) -> bool:
        self._read(DATES, "")
        return self._corpus.entities[entity_id].type is EntityType.DATE

    # --- articles ---

    def article(self, slug: str) -> ExtractedArticle:
        self._read(ARTICLE, slug)
        return self._by_slug[slug]

    def mentions_in(self, slug: str) -> list[EntityMention]:
        self._read(ARTICLE, slug)
        return self._mentions_by_article.get(slug, [])

    def article_entities(self, slug: str) -> tuple[ArticleEntity, ...]:
        """The article's entities as its sidebar lists them: most mentioned first."""
        self._read(ARTICLE, slug)
        return self._corpus.article_entities[slug]

    def headline(self, slug: str) -> Headline:
        self._read(HEADLINE, slug)
        return headline_of(self._by_slug[slug].article)

    def neighbours(self, slug: str) -> tuple[str | None, str | None]:
        """The previous and next article in reading order."""
        self._read(NEIGHBOURS, slug)
        return self._neighbours(slug)

    def reading_order(self) -> list[str]:
        """Every article's slug by date (undated last), then title; every headline is read."""
        self._read(ORDER, "")
        for slug in self._order:
            self._read(HEADLINE, slug)
        return list(self._order)

    def article_graph(self, slug: str) -> View:
        """The article's own network: its entities and the links with evidence from it."""
        members = self.article_entities(slug)
        for member in members:
            self._read(TIES, member.entity)
        return article_view(self._graph, members, slug)

    # --- quotations ---

    def quotations_of(self, entity_id: str) -> list[Quotation]:
        """What the entity said, in article and text order (part of its ties)."""
        self._read(TIES, entity_id)
        return self._quotations[0].get(entity_id, [])

    def quotations_in(self, slug: str) -> list[Quotation]:
        """The article's credited quotations, in text order."""
        self._read(ARTICLE, slug)
        return self._quotations[1].get(slug, [])

    # --- the graph ---

    def network(self) -> tuple[View, int]:
        """The Network page's view of the graph, and the number of entities in the graph."""
        self._read(IN_GRAPH, "")
        view = site_view(self._graph, self.settings.network_min_mentions, self.settings.network_max_nodes)
        for entity_id in view:
            self._read(TIES, entity_id)
        return view, len(self._graph)

    def among(self, entity_ids: list[str]) -> View:
        """The graph among these entities (each in the graph)."""
        for entity_id in entity_ids:
            self._read(TIES, entity_id)
        return induced(self._graph, entity_ids)

    # --- the whole site at once (the Data page's downloads read every fact they hold) ---

    def graph_links(self) -> list[tuple[str, str, Link]]:
        """Every link of the graph once, as (a, b, Link) with a < b, in a stable order."""
        self._read(IN_GRAPH, "")
        for entity_id in self._graph.nodes:
            self._read(TIES, entity_id)
        return list(self._graph.links())

    def graph_members(self) -> list[str]:
        """Every entity in the graph, in the graph's order."""
        self._read(IN_GRAPH, "")
        return list(self._graph.nodes)

    def every_quotation(self) -> list[Quotation]:
        """Every credited quotation, in article and text order. Quotations are part of their speakers' ties:
        those of every mentioned entity are read (any of them may be quoted next), not the articles."""
        self._read(MENTIONED, "")
        for entity_id in self._mentions_by_entity:
            self._read(TIES, entity_id)
        return list(self._corpus.quotations)
