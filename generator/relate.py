"""Stage 4, relate: entities → one site graph whose edges keep their evidence.

Every view (an article's network, an entity's neighbourhood, the site-wide
Network page) is a subgraph of this one graph.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from .model import Corpus, Evidence, EntityType

# Dates make every edge a hub; they stay on the timeline, not in the network.
GRAPH_TYPES = frozenset(t for t in EntityType if t is not EntityType.DATE)
MAX_EVIDENCE_PER_EDGE = 5


def build_graph(corpus: Corpus) -> nx.Graph:
    """Site graph: nodes are entities (type, mentions), edges sentence co-occurrences (weight, evidence)."""
    graph = nx.Graph()
    mentions_of: dict[str, int] = defaultdict(int)
    articles_of: dict[str, set[str]] = defaultdict(set)
    for em in corpus.mentions:
        mentions_of[em.entity] += 1
        articles_of[em.entity].add(em.article)
    for entity_id in sorted(mentions_of):
        entity = corpus.entities[entity_id]
        if entity.type in GRAPH_TYPES:
            graph.add_node(entity_id, name=entity.name, type=entity.type.value,
                           mentions=mentions_of[entity_id], articles=len(articles_of[entity_id]))

    by_article = {item.article.slug: item for item in corpus.articles}
    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for em in corpus.mentions:
        if em.entity in graph:
            by_sentence[(em.article, em.mention.sentence)].add(em.entity)
    for (article_slug, sentence_index), members in sorted(by_sentence.items()):
        item = by_article[article_slug]
        sentence = item.sentences[sentence_index]
        anchor = item.article.blocks[sentence.block].anchor if sentence.block >= 0 else ""
        evidence = Evidence(article_slug, anchor, " ".join(sentence.text.split()))
        for a, b in combinations(sorted(members), 2):
            if graph.has_edge(a, b):
                data = graph.edges[a, b]
                data["weight"] += 1
                data["by_article"][article_slug] = data["by_article"].get(article_slug, 0) + 1
                if len(data["evidence"]) < MAX_EVIDENCE_PER_EDGE and evidence not in data["evidence"]:
                    data["evidence"].append(evidence)
            else:
                graph.add_edge(a, b, kind="co-occurrence", weight=1, evidence=[evidence],
                               by_article={article_slug: 1})
    return graph


def article_view(graph: nx.Graph, corpus: Corpus, article_slug: str) -> nx.Graph:
    """The article's own network: its entities, and edges with evidence from this article."""
    members = [e.entity for e in corpus.article_entities[article_slug] if e.entity in graph]
    view = nx.Graph()
    for node in members:
        view.add_node(node, **graph.nodes[node])
    for a, b in combinations(sorted(members), 2):
        if graph.has_edge(a, b):
            data = graph.edges[a, b]
            count = data["by_article"].get(article_slug, 0)
            if count:
                local = [ev for ev in data["evidence"] if ev.article == article_slug]
                view.add_edge(a, b, kind=data["kind"], weight=count, evidence=local)
    return view


def ego_view(graph: nx.Graph, entity_id: str, depth: int = 1) -> nx.Graph:
    """The entity's neighbourhood up to depth hops."""
    if entity_id not in graph:
        return nx.Graph()
    return nx.ego_graph(graph, entity_id, radius=depth).copy()
