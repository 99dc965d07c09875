"""The graph figure of a page: drawn view, legend, find box, and the list of relations under it."""

from __future__ import annotations

import networkx as nx

from ..cache import DrawingCache
from ..config import Settings
from ..markup import md_inline
from ..network import TYPE_LABELS, DrawnGraph, draw, legend_swatch, shorten
from ..relate import ego_view
from .common import SiteIndex, md_link

MAX_VIEW_EDGES = 150  # an article's or an entity's graph; the Network page sets its own bound
MAX_LISTED_RELATIONS = 400  # the Network page's list stops here; the graph itself shows every edge
EGO_MAX_NODES = 31  # a hub's full neighbourhood is unreadable: the entity and its 30 strongest ties
EGO_WIDE_MAX_NODES = 60  # depth 2 can reach most of a big site; keep the closest


def single_quoted_attr(value: str) -> str:
    """A value for a single-quoted HTML attribute: JSON's many double quotes stay one byte each."""
    return value.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;")


def _draw_cached(view: nx.Graph, settings: Settings, href, caption: str, focus: str | None) -> DrawnGraph:
    """draw(), or the drawing of an identical view from an earlier build."""
    cache = DrawingCache(settings.cache_dir / "drawings") if settings.cache_dir else None
    if cache is None:
        return draw(view, settings.layout_seed, href, caption, focus)
    nodes = sorted(view.nodes(data=True), key=lambda n: n[0])
    edges = sorted((min(a, b), max(a, b), d) for a, b, d in view.edges(data=True))
    key = cache.key([nodes, edges], [settings.layout_seed, caption, focus, [href(n) for n, _ in nodes]])
    drawn = cache.get(key, DrawnGraph)
    if drawn is None:
        drawn = draw(view, settings.layout_seed, href, caption, focus)
        cache.put(key, drawn)
    return drawn


def _figure(view: nx.Graph, index: SiteIndex, settings: Settings, caption: str, depth: int | None = None,
            focus: str | None = None) -> dict:
    def href(node: str) -> str | None:
        path = index.entity_path(node)
        return f"explainer:{path}" if path else None

    drawn = _draw_cached(view, settings, href, caption, focus)
    return {
        "drawn": drawn,
        "data_attr": single_quoted_attr(drawn.data_json),
        "aspect": f"{drawn.width} / {drawn.height}",
        "depth": depth,
        "legend": [
            {"type": t, "label": TYPE_LABELS[t], "swatch": legend_swatch(t)} for t in drawn.types
        ],
    }


def _relations(view: nx.Graph, index: SiteIndex, current: str) -> tuple[list[str], int]:
    """One Markdown list item per relation: labelled ones say who did what; each quotes its evidence."""
    names = {n: d["name"] for n, d in view.nodes(data=True)}

    def link(node: str) -> str:
        path = index.entity_path(node)
        return md_link(names[node], path, current) if path else md_inline(names[node])

    def source(ev) -> str:
        target = index.article_path(ev.article) + (f"#{ev.anchor}" if ev.anchor else "")
        return f"“{md_inline(shorten(ev.sentence))}” {md_link('↩', target, current)}"

    items = []
    ranked = sorted(view.edges(data=True), key=lambda e: (-len(e[2].get("actions", [])), -e[2].get("weight", 1),
                                                          min(e[0], e[1]), max(e[0], e[1])))
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


def strongest_edges(view: nx.Graph, max_edges: int | None) -> nx.Graph:
    """The view with only its max_edges strongest edges (every node kept): one crowded sentence can
    otherwise connect everything to everything and make a page of megabytes."""
    if max_edges is None or view.number_of_edges() <= max_edges:
        return view
    ranked = sorted(view.edges(data=True), key=lambda e: (-len(e[2].get("actions", [])), -e[2].get("weight", 1),
                                                          min(e[0], e[1]), max(e[0], e[1])))
    capped = nx.Graph()
    capped.add_nodes_from(view.nodes(data=True))
    capped.add_edges_from(ranked[:max_edges])
    return capped


def graph_context(view: nx.Graph, index: SiteIndex, current: str, settings: Settings, caption: str,
                  wider: nx.Graph | None = None, focus: str | None = None,
                  max_edges: int | None = MAX_VIEW_EDGES) -> dict | None:
    """Template values for a graph figure (and, with wider, a second depth to switch to) and its relations."""
    if view.number_of_nodes() == 0:
        return None
    view = strongest_edges(view, max_edges)
    wider = strongest_edges(wider, max_edges) if wider is not None else None
    figures = [_figure(view, index, settings, caption, 1 if wider is not None else None, focus)]
    if wider is not None and wider.number_of_nodes() > view.number_of_nodes():
        figures.append(_figure(wider, index, settings, caption, 2, focus))
    relations, more = _relations(view, index, current)
    return {
        "figures": figures,
        "drawn": figures[0]["drawn"],
        "caption": md_inline(caption),
        "relations": relations,
        "more_relations": more,
    }


def ego_graph_context(graph: nx.Graph, entity_id: str, index: SiteIndex, current: str, settings: Settings,
                      caption: str) -> dict | None:
    """An entity's network: its direct connections, with a control to show connections of connections."""
    return graph_context(ego_view(graph, entity_id, 1, max_nodes=EGO_MAX_NODES), index, current, settings, caption,
                         wider=ego_view(graph, entity_id, 2, max_nodes=EGO_WIDE_MAX_NODES), focus=entity_id)
