"""The site-wide Network page: every entity above the size threshold, and how they connect."""

from __future__ import annotations

from ..model import Page
from .common import front_matter, render_template
from .graphs import graph_context
from .kinds import OnePage
from .site import Site

PATH = "network.md"


class NetworkPage(OnePage):
    PATH = PATH
    name = "network page"
    where = "here"
    embeds = True

    def draw(self, site: Site, key: str) -> Page:
        settings = site.settings
        view, in_graph = site.network()
        left_out = in_graph - len(view)
        summary = f"{len(view)} entities and {len(view.links)} connections across the site."
        if not view.links:
            summary = (
                "No connections yet: the network joins the people, places and organisations that an "
                "article names in one sentence."
            )
        if left_out:
            summary += (
                f" {left_out} less-mentioned entities are left out (fewer than "
                f"{settings.network_min_mentions} mentions, or beyond the {settings.network_max_nodes} "
                "best connected)."
            )
        context = {
            "front_matter": front_matter({"title": "Network", "explainer": "network"}),
            "summary": summary,
            "graph": graph_context(
                view,
                site,
                PATH,
                "Every entity on the site and how they are connected",
                max_edges=4 * settings.network_max_nodes,
                max_plain_edges=None,  # its own cap keeps the strongest edges of each entity
            ),
        }
        return Page(PATH, render_template("network.md.j2", context))
