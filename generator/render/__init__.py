"""Stage 5, render: the Site (corpus, graph, settings) → Markdown pages and the site's assets.

Pages are Jinja2 templates fed with text that markup.py has already made safe;
the templates hold layout only. Links between generated pages are relative .md
links so MkDocs checks them; links inside raw HTML (the graph's SVG) use the
`explainer:` scheme, which the MkDocs hook turns into page URLs.

One module per kind of page (kinds.py says what a kind is); KINDS lists them.
"""

from __future__ import annotations

import scipy.optimize  # noqa: F401 - networkx's layouts load it lazily; load it first so its BLAS is limited too
from threadpoolctl import threadpool_limits

from ..model import Memory, Page
from .articles import ArticlePages
from .assets import AssetFiles
from .cards import HoverCards
from .data_page import DataPage
from .embeds import TimelineEmbed
from .entities import EntityPages
from .exports import EntityData, SiteData
from .feeds import Feeds
from .home import HomePage
from .indexes import IndexPages
from .kinds import PageKind, Rendering, render_kinds
from .network_page import NetworkPage
from .site import Site
from .timeline import TimelinePage

KINDS: tuple[PageKind, ...] = (
    HomePage(),
    IndexPages(),
    NetworkPage(),
    TimelinePage(),
    ArticlePages(),
    EntityPages(),
    EntityData(),
    HoverCards(),
    Feeds(),
    TimelineEmbed(),
    DataPage(),
    SiteData(),
    AssetFiles(),
)

__all__ = ["KINDS", "Rendering", "Site", "render_site", "render_site_since"]


def render_site_since(
    site: Site, environment: str = "", previous: Memory | None = None, intact: frozenset[str] = frozenset()
) -> Rendering:
    """The site's pages since the last build: those drawn (every page, without a Memory), and those that
    stand.

    environment is a digest of what else shapes the pages (code, settings, libraries): the last build's
    pages are reused only when it is the same, and only those whose files are intact.
    """
    # Layouts solve many tiny numeric problems: BLAS threads only fight each other (and the workers) there.
    with threadpool_limits(limits=1):
        return render_kinds(site, KINDS, environment, previous, intact, site.settings.process_count)


def render_site(site: Site) -> list[Page]:
    """Every page of the site, in a stable order."""
    return render_site_since(site).pages
