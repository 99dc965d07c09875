"""Stage 5, render: corpus and graph → Markdown pages (and the site's assets).

Pages are Jinja2 templates fed with text that markup.py has already made safe;
the templates hold layout only. Links between generated pages are relative
.md links so MkDocs checks them; links inside raw HTML (the graph's SVG) use the
`explainer:` scheme, which the MkDocs hook turns into page URLs.

One module per kind of page; this one only lists them in order.
"""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..model import Corpus, Page
from .articles import render_article
from .assets import render_assets
from .common import SiteIndex
from .entities import render_entity
from .home import render_home
from .network_page import render_network


def render_site(corpus: Corpus, graph: nx.Graph, settings: Settings, site_name: str) -> list[Page]:
    """Every page of the site, in a stable order."""
    index = SiteIndex(corpus)
    pages = render_home(corpus, index, site_name)
    for item in corpus.articles:
        pages.append(render_article(item.article, corpus, graph, index, settings))
    for entity_id in sorted(corpus.entities):
        pages.append(render_entity(entity_id, corpus, graph, index, settings))
    pages.append(render_network(graph, index, settings))
    pages.extend(render_assets())
    return pages
