"""Stage 4, relate: entities → one site graph whose edges keep their evidence.

Every view a page draws (an article's network, an entity's neighbourhood, the
Network page) is a part of this one graph (render/views.py). Two entities are
linked when they are named in the same sentence; the Link's weight counts those
sentences and keeps the first few as evidence. Where the parse found who did
what to whom (extract's actions), the Link also carries the Acts: the verb, who
did it to whom, and the sentence that says so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from .model import TYPE_INFO, Act, Corpus, EntityType, Evidence, ExtractedArticle, Link, Node
from .verbs import SPEAK, VERB

# Dates make every edge a hub: they stay on the timeline, never in the graph (their type has no shape).
GRAPH_TYPES = frozenset(t for t in EntityType if TYPE_INFO[t].shape)
MAX_EVIDENCE_PER_EDGE = 5
MAX_ACTS_PER_EDGE = 5


@dataclass(frozen=True)
class SiteGraph:
    """The site graph: a Node per entity in it, a Link per pair of entities named together.

    adjacency[a][b] and adjacency[b][a] hold the same Link. Insertion orders are
    the build's (sorted by article and sentence), so every view of it is the same
    on every build.
    """

    nodes: dict[str, Node] = field(default_factory=dict)
    adjacency: dict[str, dict[str, Link]] = field(default_factory=dict)

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.nodes

    def __len__(self) -> int:
        return len(self.nodes)

    def link(self, a: str, b: str) -> Link | None:
        return self.adjacency.get(a, {}).get(b)

    def links(self):
        """Every link once, as (a, b, Link) with a < b, in a stable order."""
        for a, ties in self.adjacency.items():
            for b, link in ties.items():
                if a < b:
                    yield a, b, link


class _Tie:
    """A Link while relate builds it."""

    __slots__ = ("acts", "by_article", "evidence", "weight")

    def __init__(self, weight: int = 0, by_article: dict[str, int] | None = None):
        self.weight = weight
        self.evidence: list[Evidence] = []
        self.by_article: dict[str, int] = by_article or {}
        self.acts: list[Act] = []

    def frozen(self) -> Link:
        return Link(self.weight, tuple(self.evidence), self.by_article, tuple(self.acts))


def _evidence(item: ExtractedArticle, sentence_index: int) -> Evidence:
    sentence = item.sentences[sentence_index]
    anchor = item.article.blocks[sentence.block].anchor if sentence.block >= 0 else ""
    return Evidence(item.article.slug, anchor, " ".join(sentence.text.split()))


def build_graph(corpus: Corpus) -> SiteGraph:
    """The site graph: entities as nodes, co-occurrences and labelled acts as links."""
    mentions_of: Counter[str] = Counter()
    articles_of: dict[str, set[str]] = defaultdict(set)
    for em in corpus.mentions:
        mentions_of[em.entity] += 1
        articles_of[em.entity].add(em.article)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for slug in sorted(corpus.article_entities):
        for ae in corpus.article_entities[slug]:
            if ae.role:
                roles[ae.entity][ae.role] += ae.count
    nodes: dict[str, Node] = {}
    for entity_id in sorted(mentions_of):
        entity = corpus.entities[entity_id]
        # A demonym ('Russian') is its country's adjective: the country is the node (a role of it is the
        # country's, below), or the demonym would stand beside it, named with everyone its people are.
        if entity.type in GRAPH_TYPES and not entity.country:
            role = (
                min(roles[entity_id].items(), key=lambda kv: (-kv[1], kv[0]))[0] if roles[entity_id] else None
            )
            nodes[entity_id] = Node(
                entity.name, entity.type, mentions_of[entity_id], len(articles_of[entity_id]), role
            )
    ties: dict[str, dict[str, _Tie]] = {n: {} for n in nodes}

    evidence_cache: dict[tuple[str, int], Evidence] = {}
    by_slug = {item.article.slug: item for item in corpus.articles}

    def evidence(slug: str, index: int) -> Evidence:
        if (slug, index) not in evidence_cache:
            evidence_cache[(slug, index)] = _evidence(by_slug[slug], index)
        return evidence_cache[(slug, index)]

    def tie(a: str, b: str, made) -> _Tie:
        if b not in ties[a]:
            ties[a][b] = ties[b][a] = made()
        return ties[a][b]

    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for em in corpus.mentions:
        if em.entity in nodes:
            by_sentence[(em.article, em.mention.sentence)].add(em.entity)
    for (slug, index), members in sorted(by_sentence.items()):
        for a, b in combinations(sorted(members), 2):
            building = tie(a, b, _Tie)
            building.weight += 1
            building.by_article[slug] = building.by_article.get(slug, 0) + 1
            ev = evidence(slug, index)
            if len(building.evidence) < MAX_EVIDENCE_PER_EDGE and ev not in building.evidence:
                building.evidence.append(ev)

    _add_acts(ties, corpus, evidence)
    frozen = {}
    adjacency: dict[str, dict[str, Link]] = {}
    for a, neighbours in ties.items():
        adjacency[a] = {}
        for b, building in neighbours.items():
            key = (a, b) if a < b else (b, a)
            if key not in frozen:
                frozen[key] = building.frozen()
            adjacency[a][b] = frozen[key]
    return SiteGraph(nodes, adjacency)


def _add_acts(ties: dict[str, dict[str, _Tie]], corpus: Corpus, evidence) -> None:
    """The verbs extract found, keyed back to entities by mention offset."""
    entity_at = {(em.article, em.mention.start): em.entity for em in corpus.mentions}
    for item in corpus.articles:
        slug = item.article.slug
        for action in item.actions:
            source = entity_at.get((slug, action.subject))
            target = entity_at.get((slug, action.object))
            country = corpus.entities[target].country if target is not None else None
            if country in ties:  # 'Russian President': the president of Russia, not of the Russians
                target = country
            if (
                source is None
                or target is None
                or source == target
                or source not in ties
                or target not in ties
            ):
                continue
            if action.verb == SPEAK.key and corpus.entities[source].type is not EntityType.PERSON:
                continue  # a party or a band 'said': a quotation credited to no one person
            others = VERB[action.verb].others
            if others is not None and not action.mutual and corpus.entities[target].type not in others:
                continue  # 'will join Cragg': a surname the recogniser took for a body, resolved to a person
            if action.mutual and target < source:
                source, target = target, source
            if target not in ties[source]:
                ties[source][target] = ties[target][source] = _Tie(1, {slug: 1})
            building = ties[source][target]
            act = Act(
                action.verb,
                source,
                target,
                action.mutual,
                slug,
                evidence(slug, action.sentence),
                action.detail,
                action.mood,
            )
            if act not in building.acts and len(building.acts) < MAX_ACTS_PER_EDGE:
                building.acts.append(act)
