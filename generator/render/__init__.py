"""Stage 5, render: corpus and graph → Markdown pages (and the site's assets).

Pages are Jinja2 templates fed with text that markup.py has already made safe;
the templates hold layout only. Links between generated pages are relative
.md links so MkDocs checks them; links inside raw HTML (the graph's SVG) use the
`explainer:` scheme, which the MkDocs hook turns into page URLs.

One module per kind of page; this one only lists them in order.
"""

from __future__ import annotations

from importlib import resources

import networkx as nx
import scipy.optimize  # noqa: F401 - networkx's layouts load it lazily; load it first so its BLAS is limited too
from threadpoolctl import threadpool_limits

from ..config import Settings
from ..model import Corpus, Page
from ..relate import Neighbourhoods
from .articles import render_article
from .assets import render_assets
from .common import SiteIndex, entities_worth_a_page
from .entities import render_entity
from .facts import Facts
from .home import render_home
from .indexes import render_indexes
from .network_page import render_network
from .parallel import render_pages
from .timeline import render_timeline


def _page_assets() -> list[Page]:
    """Script and styles of the index, timeline and article furniture (filter box, 'At a glance')."""
    ours = resources.files("generator") / "assets"
    return [
        Page("assets/explainer/pages.js", (ours / "pages.js").read_bytes()),
        Page("assets/explainer/pages.css", (ours / "pages.css").read_bytes()),
    ]


def render_site(corpus: Corpus, graph: nx.Graph, settings: Settings, site_name: str) -> list[Page]:
    """Every page of the site, in a stable order."""
    # Layouts solve many tiny numeric problems: BLAS threads only fight each other (and the workers) there.
    with threadpool_limits(limits=1):
        return _render_site(corpus, graph, settings, site_name)


def _render_site(corpus: Corpus, graph: nx.Graph, settings: Settings, site_name: str) -> list[Page]:
    index = SiteIndex(corpus, entities_worth_a_page(corpus, settings))
    facts = Facts(corpus)
    timeline = render_timeline(facts, index)  # first: it resolves every date, and the article workers inherit that
    articles = {item.article.slug: item.article for item in corpus.articles}
    neighbourhoods = Neighbourhoods(graph)

    def render_one(key: tuple[str, str]) -> Page:
        kind, name = key
        if kind == "article":
            return render_article(articles[name], corpus, graph, index, settings, facts)
        return render_entity(name, corpus, graph, index, settings, facts, neighbourhoods)

    def site_pages() -> list[Page]:
        """The one-off pages, drawn in this process while the workers render the many."""
        return [render_home(facts, graph, index, settings, site_name), *render_indexes(facts, index),
                render_network(graph, index, settings)]

    keys = [("article", slug) for slug in articles] + [("entity", e) for e in sorted(index.entity_pages)]
    many, (home, *indexes, network) = render_pages(render_one, keys, settings.process_count, site_pages)
    return [home, *indexes, timeline, *many, network, *render_assets(), *_page_assets()]
