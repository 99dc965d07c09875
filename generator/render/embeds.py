"""Embeds: each graph (article, entity, site) and the timeline as a page of its own, with no site navigation,
for an <iframe> on another site; it works from file:// too.

A graph's embed is lifted from its page as drawn, not drawn again: the same
figure (its SVG and legend), wrapped in a small standalone HTML page with the
graph's script and styles. So an embed is written exactly when its page is
(kinds.py), and reads what its page read. Every link in an embed opens in the
top window (target="_top", and explainer.js does the same for the nodes it
opens), at the page's address on the site.
"""

from __future__ import annotations

import json
import posixpath
import re

from ..figures import section_bounds
from ..markup import html_text
from ..model import Page
from .dates import readable_date
from .paths import page_url
from .site import Site

FOLDER = "embed"
TIMELINE = f"{FOLDER}/timeline.html"
_INTERNAL = re.compile(r'xlink:href="explainer:([^"#]+)(#[^"]*)?"')
_TITLE = re.compile(r'^title: (".*")$', re.M)
EMBED_HEIGHT = {"network.md": 640}
DEFAULT_HEIGHT = 520


def embed_path(page_path: str) -> str:
    """'articles/x.md' → 'embed/articles/x.html'."""
    return f"{FOLDER}/{page_path.removesuffix('.md')}.html"


def snippet(site: Site, page_path: str, title: str) -> str:
    """The <iframe> to paste into another page, as text."""
    settings = site.settings
    src = page_url(settings.site_url, settings.directory_urls, embed_path(page_path))
    height = EMBED_HEIGHT.get(page_path, DEFAULT_HEIGHT)
    return (
        f'<iframe src="{html_text(src)}" title="{html_text(title)}" width="100%" height="{height}" '
        'style="border:0" loading="lazy"></iframe>'
    )


def _relative(site: Site, target: str, own: str) -> str:
    """The address of docs file target (a page or a file) from the embed at own."""
    url = page_url("", site.settings.directory_urls, target)
    return posixpath.relpath(url or ".", posixpath.dirname(own)) + (
        "/" if url.endswith("/") or not url else ""
    )


def _wrap(site: Site, own: str, title: str, body: str, page_path: str) -> bytes:
    assets = posixpath.relpath("assets/explainer", posixpath.dirname(own))
    back = _relative(site, page_path, own)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{html_text(title)} – {html_text(site.site_name)}</title>\n"
        f'<link rel="stylesheet" href="{assets}/explainer.css">\n'
        f'<link rel="stylesheet" href="{assets}/embed.css">\n'
        "</head>\n"
        '<body class="md-typeset explainer-embed">\n'
        # The reader's light or dark scheme, before anything is drawn (explainer.css keys its colours on it).
        "<script>document.body.setAttribute('data-md-color-scheme', "
        "matchMedia('(prefers-color-scheme: dark)').matches ? 'slate' : 'default')</script>\n"
        f"{body}\n"
        f'<p class="explainer-embed__credit"><a href="{html_text(back)}" target="_top">'
        f"{html_text(title)}</a> · "
        f"{html_text(site.site_name)}</p>\n"
        f'<script src="{assets}/explainer.js"></script>\n'
        "</body>\n</html>\n"
    ).encode()


def graph_embed(site: Site, page: Page) -> Page | None:
    """The embed of a page's graph figure; None for a page without one."""
    content = page.content.decode("utf-8")
    bounds = section_bounds(content)
    if bounds is None:
        return None
    start, end = bounds
    own = embed_path(page.path)
    title = _TITLE.search(content, 0, start)
    name = _title_of(title.group(1)) if title else page.path
    root = _relative(site, "index.md", own)  # every link of the figure is a page of the site

    def link(match: re.Match) -> str:
        address = root + page_url("", site.settings.directory_urls, match.group(1))
        return f'xlink:href="{html_text(address)}{match.group(2) or ""}" target="_top"'

    body = _INTERNAL.sub(link, content[start:end])
    return Page(own, _wrap(site, own, name, body, page.path))


def _title_of(front_matter_value: str) -> str:
    """The page's title as its front matter holds it (common.front_matter writes it as JSON)."""
    try:
        value = json.loads(front_matter_value)
    except ValueError:
        return front_matter_value
    return value if isinstance(value, str) else front_matter_value


class TimelineEmbed:
    """The timeline's embed: the dated articles, oldest first, each linked to its page on the site."""

    name = "timeline embed"
    where = "here"

    def keys(self, site: Site) -> list[str]:
        return [TIMELINE]

    def path(self, site: Site, key: str) -> str:
        return TIMELINE

    def draw(self, site: Site, key: str) -> Page:
        rows = []
        for slug in site.reading_order():
            headline = site.headline(slug)
            if not headline.date:
                continue
            where = html_text(_relative(site, headline.path, TIMELINE))
            outlet = (
                f' <span class="explainer-embed__outlet">{html_text(headline.source)}</span>'
                if headline.source
                else ""
            )
            day = html_text(readable_date(headline.date))
            when = f'<time datetime="{html_text(headline.date)}">{day}</time>'
            title = html_text(headline.title)
            rows.append(f'<li>{when} <a href="{where}" target="_top">{title}</a>{outlet}</li>')
        body = (
            f'<ol class="explainer-embed__timeline">\n{chr(10).join(rows)}\n</ol>'
            if rows
            else "<p>No dated articles yet.</p>"
        )
        return Page(TIMELINE, _wrap(site, TIMELINE, "Timeline", body, "timeline.md"))
