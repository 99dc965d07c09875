"""The site-wide Network page: every entity above the size threshold, and how they connect."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..model import Page
from ..relate import site_view
from .common import SiteIndex, front_matter, render_template
from .graphs import graph_context


def render_network(graph: nx.Graph, index: SiteIndex, settings: Settings) -> Page:
    view = site_view(graph, settings.network_min_mentions, settings.network_max_nodes)
    left_out = graph.number_of_nodes() - view.number_of_nodes()
    summary = f"{view.number_of_nodes()} entities and {view.number_of_edges()} connections across the site."
    if left_out:
        summary += (f" {left_out} less-mentioned entities are left out (fewer than "
                    f"{settings.network_min_mentions} mentions, or beyond the {settings.network_max_nodes} best connected).")
    context = {
        "front_matter": front_matter({"title": "Network", "explainer": "network"}),
        "summary": summary,
        "graph": graph_context(view, index, "network.md", settings, "Every entity on the site and how they are connected",
                               max_edges=4 * settings.network_max_nodes),
    }
    return Page("network.md", render_template("network.md.j2", context))
