"""The graph figure of a page: drawn view, legend, find box, and the list of relations under it."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..markup import md_inline
from ..network import TYPE_LABELS, draw, legend_swatch, shorten
from ..relate import Neighbourhoods, outer_ring
from .common import SiteIndex, md_link

MAX_VIEW_EDGES = 100  # an article's graph (and the home page's); entity pages and the Network page set their own
MAX_LISTED_RELATIONS = 400  # the Network page's list stops here; the graph itself shows every edge
EGO_FIRST_RING = 30  # a hub's full neighbourhood is unreadable: the entity and its 30 strongest ties
EGO_MAX_NODES = 40  # with connections of connections; two hops reach most of a big site, so keep the closest
EGO_MAX_EDGES = 90  # a ring of 30 names with more chords than this is a hairball, and the bulk of the page
EGO_OUTER_MAX_EDGES = 60  # edges out to the second ring


def _figure(view: nx.Graph, index: SiteIndex, settings: Settings, caption: str, focus: str | None = None) -> dict:
    def href(node: str) -> str | None:
        path = index.entity_path(node)
        return f"explainer:{path}" if path else None

    drawn = draw(view, settings.layout_seed, href, caption, focus)
    return {
        "drawn": drawn,
        "aspect": f"{drawn.width} / {drawn.height}",
        "legend": [
            {"type": t, "label": TYPE_LABELS[t], "swatch": legend_swatch(t)} for t in drawn.types
        ],
    }


def _relations(view: nx.Graph, index: SiteIndex, current: str, quote: bool = True) -> tuple[list[str], int]:
    """One Markdown list item per relation: labelled ones say who did what; each quotes its evidence
    (or, with quote=False, on a page that holds the sentence itself, only links to it)."""
    names = {n: d["name"] for n, d in view.nodes(data=True)}

    def link(node: str) -> str:
        path = index.entity_path(node)
        return md_link(names[node], path, current) if path else md_inline(names[node])

    def source(ev) -> str:
        target = index.article_path(ev.article) + (f"#{ev.anchor}" if ev.anchor else "")
        back = md_link('↩', target, current)
        return f"“{md_inline(shorten(ev.sentence))}” {back}" if quote else back

    items = []
    ranked = sorted(view.edges(data=True), key=_strongest_first)
    for a, b, data in ranked:
        a, b = sorted((a, b))
        for action in data.get("actions", []):
            doer, other = link(action["source"]), link(action["target"])
            verb = md_inline(action["label"])
            said = f"{doer} and {other} {verb.removesuffix(' with')}" if action.get("mutual") else f"{doer} {verb} {other}"
            items.append(f"{said}: {source(action['evidence'])}")
        evidence = data.get("evidence") or []
        times = data.get("weight", 1)
        together = f"named together in {times} sentence{'s' if times != 1 else ''}"
        items.append(f"{link(a)} — {link(b)}, {together}" + (f": {source(evidence[0])}" if evidence else ""))
    return items[:MAX_LISTED_RELATIONS], max(0, len(items) - MAX_LISTED_RELATIONS)


def _strongest_first(edge: tuple[str, str, dict]) -> tuple:
    """Sort key: edges that say who did what first, then by how many sentences they share; stable by ends."""
    a, b, data = edge
    return -len(data.get("actions", [])), -data.get("weight", 1), min(a, b), max(a, b)


def strongest_edges(view: nx.Graph, max_edges: int | None, max_outer_edges: int | None = None,
                    focus: str | None = None) -> nx.Graph:
    """The view with only its strongest edges (every node kept): max_edges among the entity and its direct
    ties, max_outer_edges out to the second ring. One crowded sentence can otherwise connect everything to
    everything and make a page of megabytes. The focus keeps every one of its own edges: they are what
    puts its direct ties around it."""
    max_outer_edges = max_outer_edges or max_edges
    if max_edges is None or view.number_of_edges() <= min(max_edges, max_outer_edges):
        return view
    outer = outer_ring(view)
    ranked = sorted(view.edges(data=True), key=lambda e: (focus not in e[:2], *_strongest_first(e)))
    inner_edges, outer_edges = [], []
    for edge in ranked:
        (outer_edges if edge[0] in outer or edge[1] in outer else inner_edges).append(edge)
    capped = nx.Graph()
    capped.add_nodes_from(view.nodes(data=True))
    capped.add_edges_from(inner_edges[:max_edges] + outer_edges[:max_outer_edges])
    return capped


def graph_context(view: nx.Graph, index: SiteIndex, current: str, settings: Settings, caption: str,
                  focus: str | None = None, max_edges: int | None = MAX_VIEW_EDGES,
                  max_outer_edges: int | None = None, quote: bool = True) -> dict | None:
    """Template values for a graph figure and the relations listed under it.

    A neighbourhood with a second ring gets a control to show or hide it; the
    list covers the direct ties, the ones the figure shows first.
    """
    if view.number_of_nodes() == 0:
        return None
    view = strongest_edges(view, max_edges, max_outer_edges, focus)
    outer = outer_ring(view)
    relations, more = _relations(view.subgraph(set(view) - outer) if outer else view, index, current, quote)
    figure = _figure(view, index, settings, caption, focus)
    return {
        "figure": figure,
        "drawn": figure["drawn"],
        "two_hops": bool(outer),
        "caption": md_inline(caption),
        "relations": relations,
        "more_relations": more,
    }


def neighbourhood(neighbourhoods: Neighbourhoods, entity_id: str) -> nx.Graph:
    """What an entity's page draws: its strongest direct ties, and theirs on an outer ring."""
    return neighbourhoods.ego(entity_id, 2, max_nodes=EGO_MAX_NODES, first_ring=EGO_FIRST_RING)


def ego_graph_context(view: nx.Graph, entity_id: str, index: SiteIndex, current: str,
                      settings: Settings, caption: str) -> dict | None:
    """An entity's network (its neighbourhood): direct ties, and their ties on an outer ring the reader can show."""
    return graph_context(view, index, current, settings, caption, focus=entity_id,
                         max_edges=EGO_MAX_EDGES, max_outer_edges=EGO_OUTER_MAX_EDGES)
