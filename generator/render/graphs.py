"""The graph figure of a page: drawn view, legend, find box, and the list of relations under it."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..markup import md_inline
from ..network import TYPE_LABELS, draw, legend_swatch, shorten
from ..relate import Neighbourhoods
from .common import SiteIndex, md_link

MAX_VIEW_EDGES = 150  # an article's or an entity's graph; the Network page sets its own bound
MAX_LISTED_RELATIONS = 400  # the Network page's list stops here; the graph itself shows every edge
EGO_MAX_NODES = 31  # a hub's full neighbourhood is unreadable: the entity and its 30 strongest ties
EGO_WIDE_MAX_NODES = 40  # depth 2 can reach most of a big site; keep the closest
EGO_MAX_EDGES = 90  # a ring of 30 names with more chords than this is a hairball, and the bulk of the page


def _figure(view: nx.Graph, index: SiteIndex, settings: Settings, caption: str, depth: int | None = None,
            focus: str | None = None) -> dict:
    def href(node: str) -> str | None:
        path = index.entity_path(node)
        return f"explainer:{path}" if path else None

    drawn = draw(view, settings.layout_seed, href, caption, focus)
    return {
        "drawn": drawn,
        "aspect": f"{drawn.width} / {drawn.height}",
        "depth": depth,
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
                  max_edges: int | None = MAX_VIEW_EDGES,
                  quote: bool = True) -> dict | None:
    """Template values for a graph figure (and, with wider, a second depth to switch to) and its relations."""
    if view.number_of_nodes() == 0:
        return None
    view = strongest_edges(view, max_edges)
    wider = strongest_edges(wider, max_edges) if wider is not None else None
    figures = [_figure(view, index, settings, caption, 1 if wider is not None else None, focus)]
    if wider is not None and wider.number_of_nodes() > view.number_of_nodes():
        figures.append(_figure(wider, index, settings, caption, 2, focus))
    relations, more = _relations(view, index, current, quote)
    return {
        "figures": figures,
        "drawn": figures[0]["drawn"],
        "caption": md_inline(caption),
        "relations": relations,
        "more_relations": more,
    }


def ego_graph_context(neighbourhoods: Neighbourhoods, entity_id: str, index: SiteIndex, current: str,
                      settings: Settings, caption: str) -> dict | None:
    """An entity's network: its direct connections, with a control to show connections of connections."""
    return graph_context(neighbourhoods.ego(entity_id, 1, max_nodes=EGO_MAX_NODES), index, current, settings, caption,
                         wider=neighbourhoods.ego(entity_id, 2, max_nodes=EGO_WIDE_MAX_NODES), focus=entity_id,
                         max_edges=EGO_MAX_EDGES)
