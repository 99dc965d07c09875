"""Graph figures kept out of the Markdown: a page's graph section lives in a companion file beside it.

A graph's SVG is most of a page's bytes, and MkDocs would parse it twice per
build (Markdown's HTML parser, then the search plugin's) only to pass it through
unchanged. So the render stage writes the section to docs/.figures/<page>.html
(a dot folder, which MkDocs does not publish) and leaves in the page a slot: an
HTML comment naming the companion and the digest of its bytes. The digest makes
the page's Markdown change whenever its figure does, which is what the site cache
keys on (site_cache.py). After the page is templated, the hook puts the figure
into the slot (fill), so the HTML is as if the section had been in the Markdown;
the section is excluded from search, so the search index is too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from .model import Page

FOLDER = ".figures"
SECTION_START, FIGURE_END, SECTION_END = '<section class="explainer-graphs', "</figure>", "</section>"
_SLOT = re.compile(r"<!-- explainer-figure (\.figures/[^ ]+\.html) ([0-9a-f]{64}) -->")


def figure_path(page_path: str) -> str:
    """'articles/x.md' → '.figures/articles/x.html'."""
    return f"{FOLDER}/{page_path.removesuffix('.md')}.html"


def section_bounds(content: str) -> tuple[int, int] | None:
    """Where the page's graph section starts and ends in content, or None for a page without one."""
    start = content.find(SECTION_START)
    figure_end = content.find(FIGURE_END, start)
    end = content.find(SECTION_END, figure_end)
    if start < 0 or figure_end < 0 or end < 0:
        return None
    return start, end + len(SECTION_END)


def split_figure(page: Page) -> tuple[Page, Page | None]:
    """The page with its graph section replaced by a slot, and the section as its companion file."""
    content = page.content.decode("utf-8")
    bounds = section_bounds(content)
    if bounds is None:
        return page, None
    start, end = bounds
    figure = content[start:end].encode("utf-8")
    path = figure_path(page.path)
    slot = f"<!-- explainer-figure {path} {hashlib.sha256(figure).hexdigest()} -->"
    return Page(page.path, (content[:start] + slot + content[end:]).encode("utf-8")), Page(path, figure)


class FigureMissing(Exception):
    """A slot whose companion file is missing, or not as the generator wrote it."""


def fill(html: str, docs: Path, links: Callable[[str], str]) -> str:
    """html with each slot replaced by its figure, whose explainer: links links() turns into URLs."""

    def figure(match: re.Match) -> str:
        path = docs / match.group(1)
        try:
            data = path.read_bytes()
        except OSError:
            raise FigureMissing(f"docs/{match.group(1)} is missing") from None
        if hashlib.sha256(data).hexdigest() != match.group(2):
            raise FigureMissing(f"docs/{match.group(1)} is not as the generator wrote it")
        return links(data.decode("utf-8"))

    return _SLOT.sub(figure, html)
