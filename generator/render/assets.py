"""Static files of the site: our scripts and stylesheets, and vis-network vendored from the pyvis wheel.

explainer.js takes the entity types and their node shapes from model.TYPES: its
EXPLAINER_TYPES and EXPLAINER_SHAPES are written in here.
"""

from __future__ import annotations

import json
from importlib import resources

from ..model import TYPES, Page
from .site import Site

OURS = ("explainer.css", "pages.js", "pages.css", "cards.js", "embed.css")
VIS = "vis-network.min.js"


def _graph_script() -> bytes:
    drawn = [info for info in TYPES if info.shape]
    types = json.dumps([info.type.value for info in drawn])
    shapes = "{ " + ", ".join(f'{info.type.value}: "{info.shape}"' for info in drawn) + " }"
    script = (resources.files("generator") / "assets" / "explainer.js").read_text(encoding="utf-8")
    return script.replace("EXPLAINER_TYPES", types).replace("EXPLAINER_SHAPES", shapes).encode("utf-8")


def _file(name: str) -> bytes:
    if name == "explainer.js":
        return _graph_script()
    if name == VIS:
        return (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / VIS).read_bytes()
    return (resources.files("generator") / "assets" / name).read_bytes()


class AssetFiles:
    """The site's scripts and stylesheets; they read no fact, so they change only with the generator."""

    name = "assets"
    where = "here"

    def keys(self, site: Site) -> list[str]:
        return ["explainer.js", "explainer.css", VIS, *OURS[1:]]

    def path(self, site: Site, key: str) -> str:
        return f"assets/explainer/{key}"

    def draw(self, site: Site, key: str) -> Page:
        return Page(self.path(site, key), _file(key))
