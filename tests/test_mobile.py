"""Phones (375 px wide): nothing overflows sideways on any page, the sidebar sits under the
headline, and the graph fits the width and can be panned and zoomed."""

from __future__ import annotations

import pytest

from tests.site_pages import built_pages, page_kinds

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}

# Elements wider than the screen, unless a scrolling container (a code block, a table wrapper) holds them.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX; if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    const outside = box.right > width + 1 || box.left < -1;
    if (outside && !scrolls(el) && !el.closest('.md-sidebar, .md-search, .md-overlay')) {
      const css = el.className && el.className.baseVal === undefined ? '.' + el.className : '';
      out.push(el.tagName.toLowerCase() + css + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10)};
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    yield page
    context.close()


def test_no_page_overflows_a_phone_screen(phone, seed_site, seed_server):
    pages = built_pages(seed_site.site)
    assert len(pages) > 3
    problems = {}
    for url in pages:
        phone.goto(seed_server + url)
        found = phone.evaluate(OVERFLOWING)
        if found["scrollWidth"] > found["width"] or found["out"]:
            problems[url] = found
    assert problems == {}


def test_sidebar_sits_under_the_headline_at_full_width(phone, seed_site, seed_server):
    article = page_kinds(seed_site.site)["article"]
    phone.goto(seed_server + article)
    headline = phone.locator("article h1").first.bounding_box()
    sidebar = phone.locator("aside.explainer-sidebar").bounding_box()
    text = phone.locator("article.md-content__inner").bounding_box()
    assert sidebar["y"] >= headline["y"] + headline["height"] - 1
    assert sidebar["width"] >= 0.9 * text["width"]
    # Under the headline and before the story: the story's first paragraph starts below the sidebar.
    first_paragraph = phone.locator("article.md-content__inner #p1").bounding_box()
    assert first_paragraph["y"] >= sidebar["y"] + sidebar["height"]


@pytest.mark.parametrize("kind", ["article", "entity", "network"])
def test_graph_fits_the_width_and_can_be_panned_and_zoomed(phone, seed_site, seed_server, kind):
    url = page_kinds(seed_site.site)[kind]
    if url is None:
        pytest.skip(f"the site has no {kind} page yet")
    phone.goto(seed_server + url)
    figure = phone.locator("figure.explainer-graph").first
    if figure.count() == 0:
        pytest.skip(f"the {kind} page has no graph")
    box = figure.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    drawing = figure.locator("svg, canvas").first.bounding_box()
    assert drawing["width"] <= box["width"] + 1 and drawing["height"] > 100

    # A phone has no hover: a tap wakes the interactive graph. Tap the margin: a node there is a link
    # (an entity page has its own entity right in the middle).
    figure.locator(".explainer-graph__canvas").tap(position={"x": 4, "y": 4})
    phone.wait_for_selector('figure.explainer-graph[data-state="interactive"] canvas')
    view = (
        "() => { const n = document.querySelector('figure.explainer-graph').explainerNetwork;"
        " return [n.getScale(), n.getViewPosition()]; }"
    )
    canvas = figure.locator("canvas").bounding_box()
    x, y = canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2
    before = phone.evaluate(view)
    phone.mouse.move(x, y)
    phone.mouse.wheel(0, -400)
    zoomed = phone.evaluate(view)
    assert zoomed[0] > before[0], "zooming did not change the scale"
    # A drag that starts on a node moves the node: start it on the spot of the canvas farthest from any.
    free = phone.evaluate(
        """([w, h]) => { const n = document.querySelector('figure.explainer-graph').explainerNetwork;
        const at = Object.values(n.getPositions()).map(p => n.canvasToDOM(p));
        let best = [w / 2, h / 2], far = -1;
        for (let x = 0.2 * w; x <= 0.8 * w; x += w / 20) for (let y = 0.2 * h; y <= 0.8 * h; y += h / 20) {
          const d = Math.min(...at.map(p => Math.hypot(p.x - x, p.y - y)));
          if (d > far) { far = d; best = [x, y]; }
        }
        return best; }""",
        [canvas["width"], canvas["height"]],
    )
    x, y = canvas["x"] + free[0], canvas["y"] + free[1]
    phone.mouse.move(x, y)
    phone.mouse.down()
    phone.mouse.move(x - 60, y - 40, steps=8)
    phone.mouse.up()
    panned = phone.evaluate(view)
    assert panned[1] != zoomed[1], "dragging did not pan the view"
