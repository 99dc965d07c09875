"""Accessibility in a real browser: axe-core over every kind of page, in light and dark mode.

Zero serious or critical violations, with nothing excluded: fixes go into the site,
not into the rule set. Pages the site does not have yet (the Timeline) are skipped by name.
"""

from __future__ import annotations

import pytest

from tests.conftest import built_and_served, make_project
from tests.site_pages import AXE, node_file, page_kinds

pytestmark = pytest.mark.browser

KINDS = ["home", "article", "entity", "network", "timeline"]
SCHEMES = ["light", "dark"]
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="session")
def seed_kinds(seed_site):
    return page_kinds(seed_site.site)


@pytest.fixture(params=SCHEMES)
def scheme_page(request, browser):
    """A page whose operating system asks for the given colour scheme (Material follows it)."""
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def blocking_violations(page) -> list[str]:
    page.add_script_tag(path=str(node_file(AXE)))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:5]}"
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


def open_kind(page, seed_server, seed_kinds, kind: str) -> None:
    url = seed_kinds[kind]
    if url is None:
        pytest.skip(f"the site has no {kind} page yet")
    page.goto(seed_server + url)
    page.wait_for_load_state("networkidle")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    wanted = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert scheme == ("slate" if wanted else "default")


@pytest.mark.parametrize("kind", KINDS)
def test_page_has_no_serious_axe_violations(scheme_page, seed_server, seed_kinds, kind):
    open_kind(scheme_page, seed_server, seed_kinds, kind)
    assert blocking_violations(scheme_page) == []


@pytest.mark.parametrize("kind", ["article", "network"])
def test_interactive_graph_has_no_serious_axe_violations(scheme_page, seed_server, seed_kinds, kind):
    open_kind(scheme_page, seed_server, seed_kinds, kind)
    graph = scheme_page.locator("figure.explainer-graph").first
    graph.hover()
    scheme_page.wait_for_selector('figure.explainer-graph[data-state="interactive"] canvas')
    assert blocking_violations(scheme_page) == []


def test_open_search_with_results_has_no_serious_axe_violations(scheme_page, seed_server, seed_kinds):
    open_kind(scheme_page, seed_server, seed_kinds, "home")
    # Click the search field (the "/" shortcut depends on when Material binds its keys), then type.
    scheme_page.wait_for_function("() => window.document$ !== undefined")
    scheme_page.locator("input.md-search__input").click()
    scheme_page.keyboard.type("Putin", delay=20)  # Material searches on key events, not on fill()
    scheme_page.wait_for_selector(".md-search-result__item")
    assert scheme_page.get_attribute('[data-md-component="search"]', "aria-label")
    assert blocking_violations(scheme_page) == []


def test_keyboard_reaches_every_entity_link_of_an_article(watched_page, seed_server, seed_kinds):
    """Tab from the top of the page: every entity the sidebar links to gets focus at some point."""
    page = watched_page.page
    open_kind(page, seed_server, seed_kinds, "article")
    wanted = set(
        page.locator("aside.explainer-sidebar a[href]").evaluate_all("links => links.map(a => a.href)")
    )
    assert wanted, "the article has no entity links to reach"
    reached: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement && document.activeElement.href")
        if isinstance(href, dict):  # an SVG <a>: href is an SVGAnimatedString
            href = page.evaluate("new URL(document.activeElement.href.animVal, location).href")
        if href:
            reached.add(href)
        if wanted <= reached:
            break
    assert wanted - reached == set()


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    """The seed site with Material's instant navigation and its progress bar switched on:
    other features may turn these on, and the progress bar must have a name then too."""
    project = make_project(tmp_path_factory.mktemp("instant-site"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  features:\n" in text
    config.write_text(
        text.replace(
            "  features:\n", "  features:\n    - navigation.instant\n    - navigation.instant.progress\n", 1
        ),
        encoding="utf-8",
    )
    with built_and_served(project) as base:
        yield base


def test_instant_navigation_progress_bar_has_a_name(scheme_page, instant_site):
    scheme_page.goto(instant_site)
    scheme_page.wait_for_load_state("networkidle")
    assert scheme_page.locator('[role="progressbar"]').count() == 1
    assert blocking_violations(scheme_page) == []
