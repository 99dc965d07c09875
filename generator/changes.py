"""What changed since the last build, and which article and entity pages that reaches.

Each build leaves a Memory: a digest of what each page shows of its own
article or entity, and which entities each entity page shows. The next build
works out the same digests, and an article or entity page is drawn again only
when something it shows changed:

- an article page, when its text, its mentions, its sidebar rows or its
  neighbours in reading order changed, or one of its entities did;
- an entity page, when the entity changed, or an entity its graph or its
  Related list shows did, or a neighbour's record did (a new name can move it
  into the Related list).

An entity's record is its name, type, aliases, description, link and whether it
has a page. Its ties are its node (mentions, articles, role), its edges (weight,
evidence, actions) and its mentions (each with its sentence, article title,
date and anchor). Ties only change where an article that names the entity
changed, or beside an entity whose record changed (a date that becomes an event
joins the graph), so only those entities' ties are digested again; the rest
keep their digests from the last build.

Everything else a page depends on (the code, the settings, the libraries) is
in the environment digest: a different environment draws every page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import ExtractedArticle

if TYPE_CHECKING:  # the build stamp reads a Memory without importing networkx or the renderer
    import networkx as nx

    from .render.facts import Facts


@dataclass(frozen=True)
class Memory:
    """What the last build drew its article and entity pages from (see the module docstring)."""

    environment: str
    articles: dict[str, tuple[str, tuple[str, ...]]]  # slug → (digest, ids of the entities it names)
    entities: dict[str, tuple[str, str]]  # id → (record digest, ties digest)
    drawn: dict[str, tuple[str, ...]]  # entity id → ids of the other entities its page shows (graph, Related)
    views: dict[str, str] = field(default_factory=dict)  # docs path → digest of the graph view a site page draws


@dataclass(frozen=True)
class Plan:
    """Which article and entity pages to draw, and the Memory to leave for the next build
    (without the entity pages' drawings, which are known only once they are drawn)."""

    articles: frozenset[str]  # slugs of the articles whose page must be drawn
    entities: frozenset[str]  # ids of the entities whose page must be drawn
    memory: Memory


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _article_digest(facts: Facts, item: ExtractedArticle) -> str:
    """Everything an article's page shows of the article itself; its entities are digested on their own.

    Its sentences, mentions and actions are not digested: they follow from its file name and text
    (and the model and code, which are in the environment)."""
    article = item.article
    resolved = [(em.mention.start, em.entity) for em in facts.mentions_by_article.get(article.slug, ())]
    beside = [(slug, facts.by_slug[slug].article.title) if slug else None for slug in facts.neighbours(article.slug)]
    text = hashlib.blake2b(article.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    roles = [(ae.entity, ae.count, ae.role) for ae in facts.corpus.article_entities.get(article.slug, ())]
    return _digest(article.source.as_posix(), text, resolved, roles, beside)


def _record_digest(facts: Facts, entity_id: str, has_page: bool) -> str:
    """What any page that names the entity shows of it: its record, and whether it has a page."""
    return _digest(facts.corpus.entities[entity_id], has_page)


def _named_beside(facts: Facts, entity_ids: set[str]) -> set[str]:
    """The entities named in a sentence with one of entity_ids."""
    sentences = {(em.article, em.mention.sentence) for e in entity_ids for em in facts.mentions_by_entity.get(e, ())}
    return {em.entity for slug, _ in sentences for em in facts.mentions_by_article.get(slug, ())
            if (slug, em.mention.sentence) in sentences}


def _ties_digest(facts: Facts, entity_id: str, graph: nx.Graph) -> str:
    """The entity's node, edges and mentions, each as pages show them."""
    from .render.facts import anchor_of  # here, not above: the build stamp imports this module, not render's

    node = sorted(graph.nodes[entity_id].items()) if entity_id in graph else None
    ties = []
    if entity_id in graph:
        adjacency = graph.adj[entity_id]
        ties = [(other, data["weight"], data["kind"], data["evidence"], data["actions"])
                for other, data in sorted(adjacency.items())]
    mentions = []
    for em in facts.mentions_by_entity.get(entity_id, ()):
        item = facts.by_slug[em.article]
        sentence = item.sentences[em.mention.sentence]
        roles = [ae for ae in facts.corpus.article_entities.get(em.article, ()) if ae.entity == entity_id]
        mentions.append((em.article, item.article.title, item.article.meta.date, em.mention, sentence,
                         anchor_of(item, em.mention.sentence), roles))
    return _digest(node, ties, mentions)


def view_digest(view: nx.Graph, entity_path, *also: object) -> str:
    """Everything a page that draws only this graph view shows of it: nodes with their attributes and
    pages, edges with their weight, evidence and actions; and whatever else it shows (also)."""
    nodes = [(n, sorted(data.items()), entity_path(n)) for n, data in sorted(view.nodes(data=True))]
    edges = sorted((min(a, b), max(a, b), data["weight"], data["kind"], data["evidence"], data["actions"])
                   for a, b, data in view.edges(data=True))
    return _digest(nodes, edges, also)


def plan(facts: Facts, graph: nx.Graph, entity_pages: Iterable[str], environment: str, last: Memory | None,
         intact: frozenset[str], article_path, entity_path) -> Plan:
    """The pages that must be drawn again, given the last build's Memory and the pages it left intact.

    facts is the corpus grouped as the pages read it (with the articles' reading order);
    intact holds the docs paths whose files are exactly as the last build wrote them.
    """
    corpus = facts.corpus
    with_page = frozenset(entity_pages)
    articles = {
        slug: (_article_digest(facts, item),
               tuple(sorted({ae.entity for ae in corpus.article_entities.get(slug, ())})))
        for slug, item in facts.by_slug.items()
    }
    records = {e: _record_digest(facts, e, e in with_page) for e in corpus.entities}
    if last is None or last.environment != environment:
        entities = {e: (records[e], _ties_digest(facts, e, graph)) for e in corpus.entities}
        memory = Memory(environment, articles, entities, {})
        return Plan(frozenset(articles), with_page, memory)

    # Ties and mentions change where an article naming the entity changed (before or after the edit), and
    # beside an entity whose record changed: a new type can take it into or out of the graph (dates are no
    # nodes), which adds or drops its edges with everyone named in a sentence with it.
    touched: set[str] = set()
    for slug in articles.keys() | last.articles.keys():
        now, before = articles.get(slug), last.articles.get(slug)
        if now is None or before is None or now[0] != before[0]:
            touched.update(now[1] if now else ())
            touched.update(before[1] if before else ())
    relabelled = {e for e, record in records.items() if record != last.entities.get(e, ("",))[0]}
    touched |= relabelled | _named_beside(facts, relabelled)
    entities: dict[str, tuple[str, str]] = {}
    for e in corpus.entities:
        before_entity = last.entities.get(e)
        ties = _ties_digest(facts, e, graph) if e in touched or before_entity is None else before_entity[1]
        entities[e] = (records[e], ties)
    changed = {e for e in entities.keys() | last.entities.keys() if entities.get(e) != last.entities.get(e)}

    redraw_articles = frozenset(
        slug for slug, (digest, named) in articles.items()
        if article_path(slug) not in intact or last.articles.get(slug, ("",))[0] != digest
        or not changed.isdisjoint(named)
    )
    # A neighbour's new name (or page) can move it into an entity page's Related list, which ranks by name.
    beside_relabelled = {n for e in relabelled if e in graph for n in graph.adj[e]}
    redraw_entities = frozenset(
        e for e in with_page
        if entity_path(e) not in intact or e not in last.drawn or e in changed or e in beside_relabelled
        or not changed.isdisjoint(last.drawn[e])
    )
    kept_drawings = {e: last.drawn[e] for e in with_page - redraw_entities}
    return Plan(redraw_articles, redraw_entities, Memory(environment, articles, entities, kept_drawings))


def memory_to_plain(memory: Memory) -> dict:
    """The Memory as JSON-ready values."""
    return {
        "environment": memory.environment,
        "articles": {slug: [digest, list(named)] for slug, (digest, named) in memory.articles.items()},
        "entities": {e: list(digests) for e, digests in memory.entities.items()},
        "drawn": {e: list(ids) for e, ids in memory.drawn.items()},
        "views": dict(memory.views),
    }


def memory_from_plain(raw: dict) -> Memory:
    """The inverse of memory_to_plain; raises ValueError, KeyError or TypeError on data of another shape."""
    def ids(value) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError("expected a list of ids")
        return tuple(value)

    def text(value) -> str:
        if not isinstance(value, str):
            raise TypeError("expected a string")
        return value

    return Memory(
        environment=text(raw["environment"]),
        articles={text(slug): (text(digest), ids(named)) for slug, (digest, named) in raw["articles"].items()},
        entities={text(e): (text(record), text(ties)) for e, (record, ties) in raw["entities"].items()},
        drawn={text(e): ids(value) for e, value in raw["drawn"].items()},
        views={text(path): text(digest) for path, digest in raw.get("views", {}).items()},
    )
