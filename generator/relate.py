"""Stage 4, relate: entities → one site graph whose edges keep their evidence.

Every view (an article's network, an entity's neighbourhood, the site-wide
Network page) is a subgraph of this one graph. An edge joins two entities named
in the same sentence; its weight counts those sentences. Where the parse found
who did what to whom (extract's actions), the edge also carries the verb, its
direction and the sentence that says so.

Node attributes: name, type, mentions, articles, role.
Edge attributes: kind (a verb label or "co-occurrence"), weight, evidence
(Evidence list), by_article (weight per article slug) and actions (dicts with
label, source, target, mutual, article and evidence).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from .model import Corpus, Evidence, EntityType, ExtractedArticle, Relation

# Dates make every edge a hub; they stay on the timeline, not in the network.
GRAPH_TYPES = frozenset(t for t in EntityType if t is not EntityType.DATE)
MAX_EVIDENCE_PER_EDGE = 5
MAX_ACTIONS_PER_EDGE = 5


def _evidence(item: ExtractedArticle, sentence_index: int) -> Evidence:
    sentence = item.sentences[sentence_index]
    anchor = item.article.blocks[sentence.block].anchor if sentence.block >= 0 else ""
    return Evidence(item.article.slug, anchor, " ".join(sentence.text.split()))


def build_graph(corpus: Corpus) -> nx.Graph:
    """The site graph: entities as nodes, co-occurrences and labelled actions as edges."""
    graph = nx.Graph()
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
    for entity_id in sorted(mentions_of):
        entity = corpus.entities[entity_id]
        if entity.type in GRAPH_TYPES:
            role = min(roles[entity_id].items(), key=lambda kv: (-kv[1], kv[0]))[0] if roles[entity_id] else None
            graph.add_node(entity_id, name=entity.name, type=entity.type.value, mentions=mentions_of[entity_id],
                           articles=len(articles_of[entity_id]), role=role)

    evidence_cache: dict[tuple[str, int], Evidence] = {}
    by_slug = {item.article.slug: item for item in corpus.articles}

    def evidence(slug: str, index: int) -> Evidence:
        if (slug, index) not in evidence_cache:
            evidence_cache[(slug, index)] = _evidence(by_slug[slug], index)
        return evidence_cache[(slug, index)]

    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for em in corpus.mentions:
        if em.entity in graph:
            by_sentence[(em.article, em.mention.sentence)].add(em.entity)
    for (slug, index), members in sorted(by_sentence.items()):
        for a, b in combinations(sorted(members), 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, kind="co-occurrence", weight=0, evidence=[], by_article={}, actions=[])
            data = graph.edges[a, b]
            data["weight"] += 1
            data["by_article"][slug] = data["by_article"].get(slug, 0) + 1
            ev = evidence(slug, index)
            if len(data["evidence"]) < MAX_EVIDENCE_PER_EDGE and ev not in data["evidence"]:
                data["evidence"].append(ev)

    _add_actions(graph, corpus, evidence)
    return graph


def _add_actions(graph: nx.Graph, corpus: Corpus, evidence) -> None:
    """Label edges with the verbs extract found, keyed back to entities by mention offset."""
    entity_at = {(em.article, em.mention.start): em.entity for em in corpus.mentions}
    for item in corpus.articles:
        slug = item.article.slug
        for action in getattr(item, "actions", ()):
            source = entity_at.get((slug, action.subject))
            target = entity_at.get((slug, action.object))
            if source is None or target is None or source == target or source not in graph or target not in graph:
                continue
            if action.mutual and target < source:
                source, target = target, source
            if not graph.has_edge(source, target):
                graph.add_edge(source, target, kind="co-occurrence", weight=1, evidence=[], by_article={slug: 1}, actions=[])
            data = graph.edges[source, target]
            record = {"label": action.label, "source": source, "target": target, "mutual": action.mutual,
                      "article": slug, "evidence": evidence(slug, action.sentence)}
            if record not in data["actions"] and len(data["actions"]) < MAX_ACTIONS_PER_EDGE:
                data["actions"].append(record)
    for _, _, data in graph.edges(data=True):
        if data["actions"]:
            labels = Counter(a["label"] for a in data["actions"])
            data["kind"] = min(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def relations(graph: nx.Graph) -> list[Relation]:
    """Every edge as a typed Relation (labelled ones first), for JSON output and tests."""
    out = []
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]))):
        a, b = sorted((a, b))
        for label in dict.fromkeys(action["label"] for action in data["actions"]):
            found = tuple(x["evidence"] for x in data["actions"] if x["label"] == label)
            out.append(Relation(a, b, label, len(found), found))
        out.append(Relation(a, b, "co-occurrence", data["weight"], tuple(data["evidence"])))
    return out


def article_view(graph: nx.Graph, corpus: Corpus, article_slug: str) -> nx.Graph:
    """The article's own network: its entities, and edges with evidence from this article."""
    members = sorted(e.entity for e in corpus.article_entities[article_slug] if e.entity in graph)
    view = nx.Graph()
    for node in members:
        view.add_node(node, **graph.nodes[node])
    for a, b in combinations(members, 2):
        if graph.has_edge(a, b):
            data = graph.edges[a, b]
            count = data["by_article"].get(article_slug, 0)
            if count:
                actions = [x for x in data["actions"] if x["article"] == article_slug]
                view.add_edge(a, b, kind=actions[0]["label"] if actions else "co-occurrence", weight=count,
                              evidence=[ev for ev in data["evidence"] if ev.article == article_slug],
                              by_article={article_slug: count}, actions=actions)
    return view


class Neighbourhoods:
    """Entities' neighbourhoods in one graph, for the many views a site draws from it.

    Each node's neighbours are ranked strongest tie first, once, on first use:
    a hub has thousands, and every small entity next to it would otherwise rank
    them all again.
    """

    def __init__(self, graph: nx.Graph):
        self.graph = graph
        # networkx's own neighbour dicts (graph.adjacency() hands them out): plain dict lookups are several
        # times faster than graph.adj's read-only views in these loops, which run for every entity page.
        self._adjacency: dict[str, dict[str, dict]] = dict(graph.adjacency())
        self._ranked: dict[str, list[str]] = {}

    def ranked(self, node: str) -> list[str]:
        """node's neighbours, the heaviest edge first (ties by id, so views are stable)."""
        if node not in self._ranked:
            ties = self._adjacency[node]
            self._ranked[node] = sorted(ties, key=lambda n: (-ties[n].get("weight", 1), n))
        return self._ranked[node]

    def ego(self, entity_id: str, depth: int = 1, max_nodes: int | None = None,
            first_ring: int | None = None) -> nx.Graph:
        """The entity's neighbourhood up to depth hops, ring by ring; the strongest ties first when capped.

        Each node's "hop" attribute says which ring it is in (0 for the entity).
        max_nodes caps the whole view and first_ring the direct ties, so a hub's
        view still has room for a few connections of connections. An outer node
        ranks by the weight of its ties to the ring inside it; when capped, only
        each inner node's strongest ties are candidates: the ones a capped view
        could keep.
        """
        if entity_id not in self.graph:
            return nx.Graph()
        hops = {entity_id: 0}
        # A direct tie left out by the first ring's cap is still a direct tie, never a connection of a connection.
        direct = set(self._adjacency[entity_id])
        ring = [entity_id]
        for hop in range(1, depth + 1):
            room = None if max_nodes is None else max_nodes - len(hops)
            if hop == 1 and first_ring is not None:
                room = first_ring if room is None else min(room, first_ring)
            if room is not None and room <= 0:
                break
            strength: Counter[str] = Counter()
            for near in ring:
                ties = self._adjacency[near]
                candidates = self.ranked(near) if room is None else self.ranked(near)[: room + len(hops)]
                for far in candidates:
                    if far not in hops and (hop == 1 or far not in direct):
                        strength[far] += ties[far].get("weight", 1)
            ring = sorted(strength, key=lambda n: (-strength[n], n))[:room]
            hops.update((node, hop) for node in ring)
        return self._induced(hops)

    def _induced(self, hops: dict[str, int]) -> nx.Graph:
        """The subgraph on the nodes of hops, with copies of the attribute dicts and each node's hop."""
        view = nx.Graph()
        view.add_nodes_from((n, {**self.graph.nodes[n], "hop": hop}) for n, hop in hops.items())
        for a in hops:
            neighbours = self._adjacency[a]
            # A hub has thousands of neighbours and a view has dozens of nodes: walk the shorter list.
            pairs = ((b, neighbours[b]) for b in hops if b in neighbours) if len(neighbours) > len(hops) \
                else neighbours.items()
            view.add_edges_from((a, b, d) for b, d in pairs if b in hops and a < b)  # copies d
        return view


def outer_ring(view: nx.Graph) -> set[str]:
    """The nodes of a neighbourhood (see Neighbourhoods.ego) beyond the direct ties: its connections of
    connections. Empty for any other view."""
    return {n for n, hop in view.nodes(data="hop", default=0) if hop > 1}


def ego_view(graph: nx.Graph, entity_id: str, depth: int = 1, max_nodes: int | None = None) -> nx.Graph:
    """One entity's neighbourhood (see Neighbourhoods.ego); for many, keep one Neighbourhoods."""
    return Neighbourhoods(graph).ego(entity_id, depth, max_nodes)


def site_view(graph: nx.Graph, min_mentions: int, max_nodes: int) -> nx.Graph:
    """The Network page's graph: entities with at least min_mentions, the best-connected max_nodes of them."""
    keep = [n for n, d in graph.nodes(data=True) if d["mentions"] >= min_mentions]
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(keep, key=lambda n: (-strength[n], -graph.nodes[n]["mentions"], n))[:max_nodes]
    return graph.subgraph(keep).copy()
