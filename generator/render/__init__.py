"""Stage 5, render: corpus and graph → Markdown pages (and the site's assets).

Pages are Jinja2 templates fed with text that markup.py has already made safe;
the templates hold layout only. Links between generated pages are relative
.md links so MkDocs checks them; links inside raw HTML (the graph's SVG) use the
`explainer:` scheme, which the MkDocs hook turns into page URLs.

One module per kind of page; this one only lists them in order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib import resources

import networkx as nx
import scipy.optimize  # noqa: F401 - networkx's layouts load it lazily; load it first so its BLAS is limited too
from threadpoolctl import threadpool_limits

from ..changes import Memory, plan, view_digest
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
from .network_page import PATH as NETWORK_PATH
from .network_page import network_view, render_network
from .parallel import render_pages
from .timeline import render_timeline


def _page_assets() -> list[Page]:
    """Script and styles of the index, timeline and article furniture (filter box, 'At a glance')."""
    ours = resources.files("generator") / "assets"
    return [
        Page("assets/explainer/pages.js", (ours / "pages.js").read_bytes()),
        Page("assets/explainer/pages.css", (ours / "pages.css").read_bytes()),
    ]


@dataclass(frozen=True)
class Previous:
    """The last build, as far as rendering can use it."""

    memory: Memory
    intact: frozenset[str]  # docs paths whose files are exactly as the last build wrote them


@dataclass(frozen=True)
class Rendering:
    pages: list[Page]  # the pages drawn, in a stable order
    kept: list[str]  # docs paths of the last build's pages that stand as they are
    memory: Memory  # what this build drew its pages from, for the next one


def render_site(corpus: Corpus, graph: nx.Graph, settings: Settings, site_name: str) -> list[Page]:
    """Every page of the site, in a stable order."""
    return render_site_since(corpus, graph, settings, site_name).pages


def render_site_since(corpus: Corpus, graph: nx.Graph, settings: Settings, site_name: str, environment: str = "",
                      previous: Previous | None = None) -> Rendering:
    """The site's pages since the last build: those drawn (every page, without one), and those that stand.

    environment is a digest of what else shapes the pages (code, settings, libraries): the last
    build's pages are reused only when it is the same.
    """
    # Layouts solve many tiny numeric problems: BLAS threads only fight each other (and the workers) there.
    with threadpool_limits(limits=1):
        return _render_site(corpus, graph, settings, site_name, environment, previous)


def _render_site(corpus: Corpus, graph: nx.Graph, settings: Settings, site_name: str, environment: str,
                 previous: Previous | None) -> Rendering:
    index = SiteIndex(corpus, entities_worth_a_page(corpus, settings))
    facts = Facts(corpus)
    timeline = render_timeline(facts, index)  # first: it resolves every date, and the article workers inherit that
    articles = {item.article.slug: item.article for item in corpus.articles}
    neighbourhoods = Neighbourhoods(graph)
    with_page = sorted(corpus.entities if index.entity_pages is None else index.entity_pages)
    todo = plan(facts, graph, with_page, environment, previous.memory if previous else None,
                previous.intact if previous else frozenset(), index.article_path, index.entity_path)

    def render_one(key: tuple[str, str]) -> Page:
        kind, name = key
        if kind == "article":
            return render_article(articles[name], corpus, graph, index, settings, facts)
        return render_entity(name, corpus, graph, index, settings, facts, neighbourhoods)

    # The Network page shows only its view of the graph, and the graph's size: a small edit seldom changes it.
    network = network_view(graph, settings)
    network_digest = view_digest(network, index.entity_path, graph.number_of_nodes())
    keep_network = previous is not None and previous.memory.environment == environment \
        and NETWORK_PATH in previous.intact and previous.memory.views.get(NETWORK_PATH) == network_digest

    def site_pages() -> list[Page]:
        """The one-off pages, drawn in this process while the workers render the many."""
        drawn = [] if keep_network else [render_network(graph, index, settings, network)]
        return [render_home(facts, graph, index, settings, site_name), *render_indexes(facts, index), *drawn]

    keys = [("article", slug) for slug in articles if slug in todo.articles]
    keys += [("entity", e) for e in with_page if e in todo.entities]
    many, (home, *others) = render_pages(render_one, keys, settings.process_count, site_pages)
    kept = [NETWORK_PATH] if keep_network else []
    kept += [index.article_path(slug) for slug in articles if slug not in todo.articles]
    kept += [path for e in with_page if e not in todo.entities and (path := index.entity_path(e))]
    drawn = {**todo.memory.drawn, **{name: page.draws for (kind, name), page in zip(keys, many) if kind == "entity"}}
    memory = replace(todo.memory, drawn=dict(sorted(drawn.items())), views={NETWORK_PATH: network_digest})
    pages = [home, *others, timeline, *many, *render_assets(), *_page_assets()]
    return Rendering(pages, kept, memory)
