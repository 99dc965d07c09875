"""What the site holds, worked out once from the corpus and the graph: the indexes the Site reads through.

These are no facts: pages reach them only through the Site's methods (site.py), which record the reads;
facts.py digests them directly.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from ..config import Settings
from ..model import Corpus, EntityMention, EntityType, ExtractedArticle, Quotation
from ..relate import SiteGraph
from .paths import entity_page_path

NO_PAGE_TYPES = frozenset({EntityType.DATE, EntityType.GROUP})


class SiteData:
    """The corpus and graph of a build, and indexes of them (each worked out on first use)."""

    settings: Settings
    _corpus: Corpus
    _graph: SiteGraph

    @cached_property
    def _by_slug(self) -> dict[str, ExtractedArticle]:
        return {item.article.slug: item for item in self._corpus.articles}

    @cached_property
    def _mentions_by_article(self) -> dict[str, list[EntityMention]]:
        grouped: dict[str, list[EntityMention]] = defaultdict(list)
        for em in self._corpus.mentions:
            grouped[em.article].append(em)
        return grouped

    @cached_property
    def _mentions_by_entity(self) -> dict[str, list[EntityMention]]:
        grouped: dict[str, list[EntityMention]] = defaultdict(list)
        for em in self._corpus.mentions:
            grouped[em.entity].append(em)
        return grouped

    @cached_property
    def _order(self) -> list[str]:
        """Article slugs by date (undated last), then title."""

        def key(item: ExtractedArticle) -> tuple:
            a = item.article
            return (a.meta.date is None, a.meta.date or "", a.title.casefold(), a.slug)

        return [item.article.slug for item in sorted(self._corpus.articles, key=key)]

    @cached_property
    def _position(self) -> dict[str, int]:
        return {slug: i for i, slug in enumerate(self._order)}

    @cached_property
    def _with_page(self) -> frozenset[str]:
        """The entities with a page: every named thing on a small site; on a big one, those with enough
        mentions or articles. Dates have the timeline, not pages (each Wednesday is another day), and a
        group (Russians, Democrats) is no one thing: its country's page names it.

        The rest still appear in sidebars and graphs, unlinked: a page per one-off
        name would multiply the site's size for pages nobody visits.
        """
        corpus, settings = self._corpus, self.settings
        named = [e for e, entity in corpus.entities.items() if entity.type not in NO_PAGE_TYPES]
        if len(corpus.articles) <= settings.small_site_articles:
            return frozenset(named)
        return frozenset(
            e
            for e in named
            if len(self._mentions_by_entity.get(e, ())) >= settings.entity_page_min_mentions
            or len({em.article for em in self._mentions_by_entity.get(e, ())})
            >= settings.entity_page_min_articles
        )

    @cached_property
    def _demonyms(self) -> dict[str, list[str]]:
        """Place id → the names of the groups named after it (North Korea → North Korean, North Koreans)."""
        found: dict[str, list[str]] = defaultdict(list)
        for entity in self._corpus.entities.values():
            if entity.country:
                found[entity.country] += [entity.name, *entity.aliases]
        return {place: sorted(set(names), key=lambda n: (n.casefold(), n)) for place, names in found.items()}

    def _path_of(self, entity_id: str) -> str | None:
        return entity_page_path(entity_id) if entity_id in self._with_page else None

    def _roles_of(self, entity_id: str) -> dict[str, str]:
        roles = {}
        for slug in {em.article for em in self._mentions_by_entity.get(entity_id, ())}:
            for ae in self._corpus.article_entities[slug]:
                if ae.entity == entity_id and ae.role:
                    roles[slug] = ae.role
        return roles

    @cached_property
    def _ranking(self) -> list[str]:
        entities, mentions = self._corpus.entities, self._mentions_by_entity
        return sorted(mentions, key=lambda e: (-len(mentions[e]), entities[e].name.casefold(), e))

    def _neighbours(self, slug: str) -> tuple[str | None, str | None]:
        i = self._position[slug]
        order = self._order
        return (order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)

    @cached_property
    def _quotations(self) -> tuple[dict[str, list[Quotation]], dict[str, list[Quotation]]]:
        by_speaker: dict[str, list[Quotation]] = defaultdict(list)
        by_article: dict[str, list[Quotation]] = defaultdict(list)
        for quotation in self._corpus.quotations:
            by_speaker[quotation.speaker].append(quotation)
            by_article[quotation.article].append(quotation)
        return by_speaker, by_article
