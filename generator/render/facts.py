"""Digests of the Site's facts (site.py names them), for deciding which pages an edit reaches.

The Site's other half: it reads what the Site holds directly, since working out
a digest is not a page reading a fact.

Each fact is digested whole (a record, an article, an entity's ties), never as
one page shows it, so a page that shows more of a fact needs no change here.
Digests are worked out on demand, once per build.

An entity's ties (its node, links and mentions) are the costly fact, and they
are made only from the articles that name it (resolve.py, relate.py). So the
last build's digest still holds unless one of those articles changed, or an
entity named in a sentence with it changed its record (a date made an event
joins the graph, with links to everyone named beside it). Only those entities'
ties are digested again.

A figure's view is a fact worked out from other facts: the ties of the nodes it
was made from. While those stand, so does the view; when one changes, the view
is made again, and it changed only if what the figure shows changed (a hub's
new mention elsewhere leaves most figures that show the hub as they were).
"""

from __future__ import annotations

import hashlib

from ..model import EntityType, Memory
from .paths import anchor_of, headline_of
from .site import (
    ARTICLE,
    DATES,
    ENTITY,
    HEADLINE,
    IN_GRAPH,
    MENTIONED,
    NEIGHBOURS,
    ORDER,
    TIES,
    VIEW,
    Site,
)
from .views import entity_view


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Facts:
    """The digest of every fact key, given the Site and the last build's Memory (None: digest every fact)."""

    def __init__(self, site: Site, previous: Memory | None):
        self.site = site
        self.previous = previous
        self._digests: dict[str, str] = {}
        self._same: set[str] = set()  # keys found as the last build had them
        self._changed: set[str] = set()  # keys found otherwise
        self._made_from: dict[str, tuple[str, ...]] = {}
        corpus = site._corpus
        self.named = {
            slug: tuple(sorted({ae.entity for ae in rows})) for slug, rows in corpus.article_entities.items()
        }
        self._touched = self._ties_touched() if previous is not None else None

    def digest(self, key: str) -> str | None:
        """The fact's digest; None for a fact the site no longer has."""
        if key not in self._digests:
            self._digests[key] = self._work_out(key)
        return self._digests[key]

    def unchanged(self, keys: tuple[str, ...]) -> bool:
        """Whether every one of these facts is as the last build had it."""
        # Pages share most of their reads: a page's keys are looked up in the sets (in C) before any is
        # digested here (a big site's pages hold over a million reads).
        if self._same.issuperset(keys):
            return True
        if not self._changed.isdisjoint(keys):
            return False
        before = self.previous.facts if self.previous else {}
        for key in keys:
            if key in self._same:
                continue
            if key in before and self.digest(key) == before[key]:
                self._same.add(key)
            else:
                self._changed.add(key)
                return False
        return True

    def _work_out(self, key: str) -> str | None:
        kind, name = key[:2], key[2:]
        site, corpus = self.site, self.site._corpus
        if kind == ORDER:
            return _digest(site._order)
        if kind == MENTIONED:
            entities, mentions = corpus.entities, site._mentions_by_entity
            return _digest(
                [
                    (e, entities[e].name, entities[e].type, len(mentions[e]), e in site._with_page)
                    for e in sorted(mentions)
                ]
            )
        if kind == IN_GRAPH:
            graph = site._graph
            return _digest(
                [
                    (n, node.mentions, sum(link.weight for link in graph.adjacency[n].values()))
                    for n, node in sorted(graph.nodes.items())
                ]
            )
        if kind == DATES:
            return _digest(
                sorted(e for e, entity in corpus.entities.items() if entity.type is EntityType.DATE)
            )
        if kind == ENTITY:
            entity = corpus.entities.get(name)
            return _digest(entity, site._path_of(name), site._demonyms.get(name)) if entity else None
        if kind == TIES:
            if name not in corpus.entities:
                return None
            if self._touched is not None and name not in self._touched and key in self.previous.facts:
                return self.previous.facts[key]
            return self._ties(name)
        if kind == VIEW:
            return self._view(key, name) if name in corpus.entities else None
        item = site._by_slug.get(name)
        if item is None:
            return None
        article = item.article
        if kind == HEADLINE:
            return _digest(headline_of(article))
        if kind == NEIGHBOURS:
            return _digest(site._neighbours(name))
        if kind == ARTICLE:
            text = hashlib.blake2b(article.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
            resolved = [(em.mention.start, em.entity) for em in site._mentions_by_article.get(name, ())]
            return _digest(
                article.source.as_posix(),
                article.slug,
                text,
                article.title,
                resolved,
                corpus.article_entities.get(name),
            )
        raise ValueError(f"no such fact: {key}")

    def _ties(self, entity_id: str) -> str:
        site = self.site
        graph = site._graph
        links = sorted(graph.adjacency[entity_id].items()) if entity_id in graph else []
        mentions = []
        for em in site._mentions_by_entity.get(entity_id, ()):
            item = site._by_slug[em.article]
            mentions.append(
                (
                    em.article,
                    em.mention,
                    item.sentences[em.mention.sentence],
                    anchor_of(item, em.mention.sentence),
                )
            )
        roles = sorted(site._roles_of(entity_id).items())
        return _digest(graph.nodes.get(entity_id), links, mentions, roles, site._quotations[0].get(entity_id))

    def _view(self, key: str, entity_id: str) -> str:
        """The digest of the entity's view; the last build's while every fact it was made from stands."""
        sources = self.previous.made_from.get(key) if self.previous is not None else None
        if sources is not None and key in self.previous.facts and self.unchanged(sources):
            self._made_from[key] = sources
            return self.previous.facts[key]
        view = entity_view(self.site._neighbourhoods, entity_id)
        # The entity's own ties too: a view is empty until the entity has one.
        self._made_from[key] = tuple(TIES + node for node in sorted({entity_id, *view.nodes}))
        # Plain values (a dataclass's repr is slow); of the entity's own links only which there are: the page
        # reads its ties whole (Site.entity_view).
        nodes = [(n, node.name, node.type.value, node.mentions, node.role) for n, node in view.nodes.items()]
        links = [
            (
                k,
                None
                if entity_id in k
                else [(a.verb, a.source, a.target, a.mutual, a.detail, a.mood) for a in link.acts],
            )
            for k, link in view.links.items()
        ]
        return _digest(sorted(nodes), sorted(links, key=lambda kv: kv[0]), sorted(view.hops.items()))

    def _ties_touched(self) -> set[str]:
        """The entities whose ties may differ from the last build's (see the module docstring)."""
        previous = self.previous
        touched: set[str] = set()
        for slug in self.named.keys() | previous.named.keys():
            if (
                slug not in self.named
                or slug not in previous.named
                or self.digest(ARTICLE + slug) != previous.facts.get(ARTICLE + slug)
            ):
                touched.update(self.named.get(slug, ()), previous.named.get(slug, ()))
        relabelled = {
            e for e in self.site._corpus.entities if self.digest(ENTITY + e) != previous.facts.get(ENTITY + e)
        }
        return touched | relabelled | self._named_beside(relabelled)

    def _named_beside(self, entity_ids: set[str]) -> set[str]:
        """The entities named in a sentence with one of entity_ids."""
        site = self.site
        sentences = {
            (em.article, em.mention.sentence)
            for e in entity_ids
            for em in site._mentions_by_entity.get(e, ())
        }
        return {
            em.entity
            for slug, _ in sentences
            for em in site._mentions_by_article.get(slug, ())
            if (slug, em.mention.sentence) in sentences
        }

    def memory(self, environment: str, pages: dict[str, tuple[str, ...]]) -> Memory:
        """The Memory to leave for the next build: these pages' reads, and each fact's digest."""
        keys = sorted({key for reads in pages.values() for key in reads})
        facts = {key: digest for key in keys if (digest := self.digest(key)) is not None}
        made_from = {key: self._made_from[key] for key in keys if key in self._made_from}
        for source in sorted({source for sources in made_from.values() for source in sources} - set(facts)):
            if (digest := self.digest(source)) is not None:
                facts[source] = digest
        return Memory(environment, facts, dict(sorted(pages.items())), self.named, made_from)
