"""Static files of the site: our script and stylesheet, and vis-network vendored from the pyvis wheel."""

from __future__ import annotations

from importlib import resources

from ..model import Page


def render_assets() -> list[Page]:
    """The site's one script, its stylesheet and the vendored vis-network (from the pyvis wheel)."""
    ours = resources.files("generator") / "assets"
    vis = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return [
        Page("assets/explainer/explainer.js", (ours / "explainer.js").read_bytes()),
        Page("assets/explainer/explainer.css", (ours / "explainer.css").read_bytes()),
        Page("assets/explainer/vis-network.min.js", vis.read_bytes()),
    ]
