"""The hostile fixtures' pages in chromium: no script from a seed runs, no element from a seed exists.

window.alert, confirm, prompt, print and open are trapped before any page
script runs; a dialog event counts too. Each page is loaded, hovered over,
its graph is made interactive, and the search is run for words from the
hostile seeds.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import serve
from .test_hostile import TITLE

pytestmark = pytest.mark.browser

TRAP = """
window.__fired = [];
for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
  const record = (...args) => { window.__fired.push(name + ":" + args.join(",")); return null; };
  Object.defineProperty(window, name, { value: record, writable: false, configurable: false });
}
"""

INJECTED = """
() => {
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    if (el.id && el.id.startsWith("injected")) bad.push("id " + el.id);
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) bad.push("handler " + el.tagName + " " + attr.name);
      const link = /^(href|src|xlink:href|action|formaction)$/.test(attr.name);
      const script = /^\\s*(javascript|data|vbscript):/i.test(attr.value);
      if (link && script) bad.push("url " + el.tagName + " " + attr.value);
    }
    if (/^(IFRAME|OBJECT|EMBED|BASE)$/.test(el.tagName)) bad.push("element " + el.tagName);
  }
  for (const s of document.scripts) {
    if (/alert/.test(s.textContent)) bad.push("script " + s.textContent.slice(0, 60));
  }
  return bad;
}
"""


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    base, server = serve(hostile_site.site)
    yield base
    server.shutdown()


@pytest.fixture
def trapped_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(TRAP)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page, dialogs
    context.close()


def assert_nothing_ran(page, dialogs, where: str) -> None:
    assert page.evaluate("window.__fired") == [], where
    assert dialogs == [], where
    assert page.evaluate(INJECTED) == [], where


def test_no_hostile_script_runs_on_any_page(hostile_site, hostile_server, trapped_page):
    page, dialogs = trapped_page
    urls = sorted(
        p.relative_to(hostile_site.site).parent.as_posix() for p in hostile_site.site.rglob("index.html")
    )
    assert len(urls) > 20
    for url in urls:
        page.goto(hostile_server + ("" if url == "." else url + "/"), wait_until="load")
        page.mouse.move(640, 300)
        page.mouse.move(900, 500)
        for figure in page.query_selector_all("figure.explainer-graph")[:1]:
            figure.hover()
            figure.click()
        page.wait_for_timeout(50)
        assert_nothing_ran(page, dialogs, url)


def test_title_is_shown_as_text_in_the_tab_and_the_headline(hostile_server, trapped_page):
    page, dialogs = trapped_page
    page.goto(
        hostile_server + "articles/title-script-alert-title-script-script-img-src-x-onerror-img/",
        wait_until="load",
    )
    assert page.title() == f"{TITLE} - Explainer"
    assert page.inner_text("article h1") == TITLE
    page.screenshot(path=str(_screenshot("hostile-title.png")), full_page=False)
    assert_nothing_ran(page, dialogs, "title page")


def test_search_results_for_hostile_words_run_nothing(hostile_server, trapped_page):
    page, dialogs = trapped_page
    for query in ("alert", "script", "title", "tag", "img"):
        page.goto(hostile_server, wait_until="load")
        page.wait_for_function("() => window.document$ !== undefined")
        page.keyboard.press("/")
        page.keyboard.type(query, delay=30)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
        except PlaywrightTimeout:
            raise AssertionError(
                f"no search results for {query!r}: {page.inner_text('.md-search-result__meta')}"
            ) from None
        for more in page.query_selector_all(".md-search-result__more summary"):
            more.click()
        page.wait_for_timeout(200)
        assert_nothing_ran(page, dialogs, f"search {query}")
    page.screenshot(path=str(_screenshot("hostile-search.png")))


def _screenshot(name: str):
    from .conftest import ROOT

    folder = ROOT / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder / name
