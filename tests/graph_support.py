"""Small builders for graph tests: a SiteGraph or a View from (a, b, weight) triples."""

from __future__ import annotations

from generator.model import EntityType, Link, Node
from generator.relate import SiteGraph
from generator.render.views import View


def node(name: str, mentions: int = 1, kind: EntityType = EntityType.PERSON) -> Node:
    return Node(name, kind, mentions, 1, None)


def site_graph(edges: list[tuple[str, str, int]], nodes: dict[str, Node] | None = None) -> SiteGraph:
    """A graph with these weighted links; nodes not given are people named by their id, mentioned once."""
    nodes = dict(nodes or {})
    adjacency: dict[str, dict[str, Link]] = {}
    for a, b, _ in edges:
        for end in (a, b):
            nodes.setdefault(end, node(end))
    for end in nodes:
        adjacency.setdefault(end, {})
    for a, b, weight in edges:
        link = Link(weight, ())
        adjacency[a][b] = adjacency[b][a] = link
    return SiteGraph(nodes, adjacency)


def view_of(edges: list[tuple[str, str, int]], nodes: dict[str, Node] | None = None) -> View:
    """A View with these weighted links (in this order)."""
    graph = site_graph(edges, nodes)
    return View(graph.nodes, {(min(a, b), max(a, b)): graph.link(a, b) for a, b, _ in edges})


def site_of(corpus, settings=None, name: str = "Test site"):
    """The Site of a hand-made corpus, with its graph."""
    from generator.config import Settings
    from generator.relate import build_graph
    from generator.render import Site

    return Site(settings or Settings(), name, corpus, build_graph(corpus))
