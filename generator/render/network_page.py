"""The site-wide Network page: every entity above the size threshold, and how they connect."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..model import Page
from ..relate import site_view
from .common import SiteIndex, front_matter, render_template
from .graphs import graph_context


PATH = "network.md"


def network_view(graph: nx.Graph, settings: Settings) -> nx.Graph:
    """The part of the site graph the Network page draws (all the page shows, with the graph's size)."""
    return site_view(graph, settings.network_min_mentions, settings.network_max_nodes)


def render_network(graph: nx.Graph, index: SiteIndex, settings: Settings, view: nx.Graph | None = None) -> Page:
    view = network_view(graph, settings) if view is None else view
    left_out = graph.number_of_nodes() - view.number_of_nodes()
    summary = f"{view.number_of_nodes()} entities and {view.number_of_edges()} connections across the site."
    if left_out:
        summary += (f" {left_out} less-mentioned entities are left out (fewer than "
                    f"{settings.network_min_mentions} mentions, or beyond the {settings.network_max_nodes} best connected).")
    context = {
        "front_matter": front_matter({"title": "Network", "explainer": "network"}),
        "summary": summary,
        "graph": graph_context(view, index, PATH, settings, "Every entity on the site and how they are connected",
                               max_edges=4 * settings.network_max_nodes),
    }
    return Page(PATH, render_template("network.md.j2", context))
