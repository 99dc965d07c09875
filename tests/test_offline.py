"""The offline build (`make offline`): opened from file://, pages, sidebar, graph and search
all work, and the browser makes no network request at all."""

from __future__ import annotations

import re

import pytest

from generator.config import read_mkdocs_yml
from tests.conftest import ROOT, make_project, mkdocs_build
from tests.site_pages import NODE_MODULES, node_file

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The seed project built with mkdocs-offline.yml, once."""
    node_file(NODE_MODULES / "iframe-worker" / "shim" / "index.js")
    project = make_project(tmp_path_factory.mktemp("offline-site"))
    (project / "mkdocs-offline.yml").write_bytes((ROOT / "mkdocs-offline.yml").read_bytes())
    (project / "tools").symlink_to(ROOT / "tools")
    (project / "node_modules").symlink_to(NODE_MODULES)
    result = mkdocs_build(project, "--config-file", "mkdocs-offline.yml")
    assert result.returncode == 0, result.stderr
    return project / "site-offline"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, requests, errors
    context.close()


def network_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(LOCAL_SCHEMES)]


def test_offline_config_repeats_the_main_plugins_and_hooks():
    """INHERIT replaces lists: the offline config must not silently drop a plugin or hook of mkdocs.yml."""
    main = read_mkdocs_yml(ROOT / "mkdocs.yml")
    offline = read_mkdocs_yml(ROOT / "mkdocs-offline.yml")
    assert offline["INHERIT"] == "mkdocs.yml"
    for key in ("plugins", "hooks"):
        assert offline[key][: len(main[key])] == main[key], key
    assert "offline" in offline["plugins"]


def test_offline_build_references_no_remote_script_or_style(offline_site):
    """Nothing a browser would fetch points off the disk (the canonical link is never fetched)."""
    fetched = re.compile(
        r'<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]*)"'
        r'|<link\b(?![^>]*rel="canonical")[^>]*\bhref="([^"]*)"'
    )
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) > 3
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, page
        remote = [url for match in fetched.finditer(text) for url in match.groups() if url and "://" in url]
        assert remote == [], page
    assert (offline_site / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()


def test_pages_sidebar_and_graph_work_from_file_urls(offline_site, offline_page):
    page, requests, errors = offline_page
    page.goto((offline_site / "index.html").as_uri())
    article_link = page.locator(
        '.md-content a[href^="articles/"][href$=".html"]:not([href="articles/index.html"])'
    ).first
    article_link.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and page.url.endswith(".html")

    sidebar = page.locator("aside.explainer-sidebar")
    assert sidebar.is_visible()
    graph = page.locator("figure.explainer-graph").first
    assert graph.locator("svg").is_visible()
    graph.hover()
    page.wait_for_selector('figure.explainer-graph[data-state="interactive"] canvas')

    entity = sidebar.locator("a[href]").first
    name = entity.inner_text()
    entity.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(".html") and "/entities/" in page.url
    assert page.locator("article h1").inner_text() == name
    assert network_requests(requests) == []
    assert errors == []


def test_search_works_from_file_urls(offline_site, offline_page):
    page, requests, errors = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.wait_for_function("() => window.document$ !== undefined")  # the "/" shortcut needs Material set up
    page.keyboard.press("/")
    page.keyboard.type("Putin", delay=20)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and "index.html" not in page.url
    assert "Putin" in page.locator("article").inner_text()
    assert network_requests(requests) == []
    assert errors == []
