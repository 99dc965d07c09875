"""What every page renderer shares: the Jinja2 environment, front matter, links between pages."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

import jinja2
import yaml

from ..markup import md_inline
from ..model import Corpus

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


def front_matter(values: dict) -> str:
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000)


def md_link(text: str, target: str, current: str) -> str:
    """A Markdown link from page `current` to docs path `target` (both relative to docs/)."""
    relative = posixpath.relpath(target.split("#")[0], posixpath.dirname(current) or ".")
    anchor = "#" + target.split("#", 1)[1] if "#" in target else ""
    return f"[{md_inline(text)}]({relative}{anchor})"


@dataclass(frozen=True)
class SiteIndex:
    """Where each page lives, so every renderer links the same way."""

    corpus: Corpus

    def article_path(self, slug: str) -> str:
        return f"articles/{slug}.md"

    def entity_path(self, entity_id: str) -> str | None:
        return f"entities/{entity_id}.md" if entity_id in self.corpus.entities else None
