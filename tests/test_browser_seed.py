"""The seed article in a real browser: sidebar, drawn graph, clicks land on entity pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ARTICLE = "articles/russian-president-vladimir-putin-received-a-warm-welcome/"


def test_home_links_the_article(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server)
    assert page.locator(f'a[href="{ARTICLE}"]').count() >= 1
    assert watched_page.errors == [] and watched_page.external == []


def test_article_shows_sidebar_and_static_graph(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    assert page.locator("aside.explainer-sidebar").is_visible()
    svg = page.locator("figure.explainer-graph svg")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    names = page.locator("figure.explainer-graph svg [data-entity]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-entity'))"
    )
    assert {"vladimir-putin", "kim-jong-un", "north-korea", "pyongyang"} <= set(names)
    assert watched_page.errors == [] and watched_page.external == []


def test_clicking_putin_in_the_static_graph_opens_his_page(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    # Click through the DOM so the static SVG is hit before hovering wakes vis-network.
    page.locator('figure.explainer-graph svg a[data-entity="vladimir-putin"]').dispatch_event("click")
    page.wait_for_url("**/entities/vladimir-putin/")
    assert page.locator("h1").inner_text() == "Vladimir Putin"


def test_interactive_graph_loads_on_hover_and_navigates(watched_page, seed_server):
    page = watched_page.page
    page.goto(seed_server + ARTICLE)
    assert page.evaluate("typeof window.vis") == "undefined"  # nothing heavy at load
    page.locator("figure.explainer-graph").hover()
    page.wait_for_selector('figure.explainer-graph[data-state="interactive"] canvas')
    # Click the Putin node where vis-network drew it.
    x, y = page.evaluate(
        """() => {
          const fig = document.querySelector('figure.explainer-graph');
          const net = fig.explainerNetwork;
          const p = net.canvasToDOM(net.getPosition('vladimir-putin'));
          const r = fig.querySelector('canvas').getBoundingClientRect();
          return [r.left + p.x, r.top + p.y];
        }"""
    )
    page.mouse.click(x, y)
    page.wait_for_url("**/entities/vladimir-putin/")
    assert watched_page.errors == [] and watched_page.external == []
