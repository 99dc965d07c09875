"""The graph figure of a page: drawn view plus the list of relations under it."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..markup import html_attr, md_inline
from ..network import DrawnGraph, draw
from .common import SiteIndex, md_link


def graph_context(view: nx.Graph, index: SiteIndex, current: str, settings: Settings, caption: str) -> dict | None:
    """Template values for a graph figure and its list of relations."""
    if view.number_of_nodes() == 0:
        return None

    def href(node: str) -> str | None:
        path = index.entity_path(node)
        return f"explainer:{path}" if path else None

    drawn: DrawnGraph = draw(view, settings.layout_seed, href, caption)

    def link(node: str) -> str:
        path = index.entity_path(node)
        name = view.nodes[node]["name"]
        return md_link(name, path, current) if path else md_inline(name)

    relations = []
    ranked = sorted(view.edges(data=True), key=lambda e: (-e[2].get("weight", 1), min(e[0], e[1]), max(e[0], e[1])))
    for a, b, data in ranked:
        a, b = sorted((a, b))
        evidence = data.get("evidence") or []
        quote = f"“{md_inline(evidence[0].sentence)}”" if evidence else ""
        relations.append({"a_link": link(a), "b_link": link(b), "evidence": quote})
    return {
        "drawn": drawn,
        "data_attr": html_attr(drawn.data_json),
        "caption": md_inline(caption),
        "relations": relations,
    }
