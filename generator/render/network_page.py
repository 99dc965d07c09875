"""The site-wide Network page."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..model import Page
from .common import SiteIndex, front_matter, render_template
from .graphs import graph_context


def render_network(graph: nx.Graph, index: SiteIndex, settings: Settings) -> Page:
    keep = [n for n, d in graph.nodes(data=True) if d["mentions"] >= settings.network_min_mentions]
    keep = sorted(keep, key=lambda n: (-graph.degree(n), n))[: settings.network_max_nodes]
    view = graph.subgraph(keep).copy()
    summary = f"{view.number_of_nodes()} entities and {view.number_of_edges()} connections across the site."
    context = {
        "front_matter": front_matter({"title": "Network", "explainer": "network"}),
        "summary": summary,
        "graph": graph_context(view, index, "network.md", settings, "Every entity on the site and how they are connected"),
    }
    return Page("network.md", render_template("network.md.j2", context))
