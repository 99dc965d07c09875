"""What every page kind shares: the Jinja2 environment, front matter, links between pages."""

from __future__ import annotations

import functools
import json
import posixpath
import re

import jinja2

from ..markup import md_inline
from ..model import Evidence
from .paths import article_path

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=False,  # Markdown out; every value is escaped by markup.py before it gets here
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def render_template(name: str, context: dict) -> bytes:
    return _env.get_template(name).render(context).encode("utf-8")


# Characters YAML will not read raw inside a quoted scalar (non-printables, and the ones it takes for
# line breaks).
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _flow(value) -> str:
    """A value as JSON, which YAML reads as a flow scalar, sequence or mapping (and is written many times
    faster)."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def front_matter(values: dict) -> str:
    """YAML front matter, one key per line; a list of mappings (an article's entities) one item per line."""
    lines = []
    for key, value in values.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{key}:")
            lines.extend(f"- {_flow(item)}" for item in value)
        else:
            lines.append(f"{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def md_link(text: str, target: str, current: str) -> str:
    """A Markdown link from page `current` to docs path `target` (both relative to docs/)."""
    path, _, anchor = target.partition("#")
    folder, _, name = path.rpartition("/")
    relative = _relative_folder(folder, current.rpartition("/")[0]) + name
    return f"[{md_inline(text)}]({relative}{'#' + anchor if anchor else ''})"


def evidence_link(ev: Evidence, current: str) -> str:
    """'↩', linked from page `current` to the paragraph that holds the evidence sentence."""
    return md_link("↩", article_path(ev.article) + (f"#{ev.anchor}" if ev.anchor else ""), current)


def name_link(name: str, target: str | None, current: str) -> str:
    """The name linked to target (a docs path), or as plain text when there is no page to link to."""
    return md_link(name, target, current) if target else md_inline(name)


@functools.lru_cache(maxsize=1024)
def _relative_folder(target_folder: str, current_folder: str) -> str:
    """'../entities/' and the like: the way from one docs folder to another (a site has few folders)."""
    relative = posixpath.relpath(target_folder or ".", current_folder or ".")
    return "" if relative == "." else relative + "/"
