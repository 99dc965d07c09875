"""Article text as safe Markdown: text stays text, whatever characters it holds.

Seeds are data. Every character that Markdown or HTML would read as syntax is
written as a numeric character reference, so '<script>', '[x](javascript:…)',
'{: attr }' or '# heading' in an article reach the reader as the characters
they are and never as markup.
"""

from __future__ import annotations

import re

from markupsafe import escape

# Inline syntax of Markdown, HTML and the extensions mkdocs.yml enables.
_INLINE = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\\`*_[]{}|~^!=:$\"'"})
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")
_SPACE = re.compile(r"\s+")


def md_inline(text: str) -> str:
    """Text for the middle of a line: inline syntax escaped, whitespace collapsed."""
    return _SPACE.sub(" ", text).translate(_INLINE)


def escape_block_start(line: str) -> str:
    """Escape what would start a heading, quote or list at the start of an inline-escaped line."""
    return _BLOCK_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), line)


def md_text(text: str) -> str:
    """One line of Markdown that renders exactly as text."""
    return escape_block_start(md_inline(text).strip())


def html_attr(value: str) -> str:
    """A value safe inside a quoted HTML attribute (& < > \" ' escaped)."""
    return str(escape(value))


# markupsafe's escaping as a plain str.translate: byte-identical, without a Markup object per call.
# The graph drawings call it hundreds of thousands of times on a big site.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def html_text(value: str) -> str:
    """Text safe in HTML or SVG content and quoted attributes; the same output as markupsafe.escape."""
    return value.translate(_HTML)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from seeds become links; javascript:, data: and the rest do not."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url.strip(), re.I):
        return url.strip()
    return None
