"""A newcomer's first five minutes: sites with nothing, or almost nothing, in them build and read well.

Each case is built with `mkdocs build --strict` (strict fails only where a seed problem is reported) and its
home page is looked at in chromium: it says what the site holds or what to do, no page shows an empty
figure, and the Network and index pages say "none yet" instead of failing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ENV, MKDOCS, make_project, mkdocs_build, serve

pytestmark = [pytest.mark.model, pytest.mark.slow]

HIDE_ALL = "".join(f"{name}:\n  hide: true\n" for name in ("Vladimir Putin", "Kim Jong Un", "Pyongyang"))
CASES = {
    "no_seeds": {},
    "all_skipped": {"empty.txt": "", "front_matter_only.md": "---\ntitle: Only a title\n---\n"},
    "no_entities": {"quiet.txt": "A quiet day\n\nNothing here names anyone at all.\n"},
    "one_entity": {"one.txt": "One name\n\nVladimir Putin spoke for an hour.\n"},
    "only_dates": {"dates.txt": "Dates only\n\nIt rained on 15 December 2004, and again in 2005.\n"},
    "all_hidden": {
        "two.txt": "Two names\n\nVladimir Putin met Kim Jong Un in Pyongyang.\n",
        "entities.yml": "".join(
            f"{name}:\n  hide: true\n" for name in ("Vladimir Putin", "Kim Jong Un", "Pyongyang")
        ),
    },
}
STRICT_FAILS = {"all_skipped"}  # seed problems are reported: --strict fails, as it should


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    sites = {}
    for case, files in CASES.items():
        project = make_project(tmp_path_factory.mktemp(case), seeds=[])
        for name, text in files.items():
            (project / "seeds" / name).write_text(text, encoding="utf-8")
        strict = mkdocs_build(project)
        if case in STRICT_FAILS:
            assert strict.returncode == 1 and "Traceback" not in strict.stderr
            assert (
                "seeds/empty.txt: skipped" in strict.stderr and "seeds/front_matter_only.md" in strict.stderr
            )
            import subprocess

            plain = subprocess.run(
                [str(MKDOCS), "build"], cwd=project, env=ENV, capture_output=True, text=True
            )
            assert plain.returncode == 0, plain.stderr
        else:
            assert strict.returncode == 0, strict.stderr
        assert "Traceback" not in strict.stderr
        sites[case] = project / "site"
    return sites


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("index.html")}


@pytest.mark.parametrize("case", CASES)
def test_no_page_shows_an_empty_figure(built, case):
    for path, html in _pages(built[case]).items():
        for figure in re.findall(r'<figure class="explainer-graph".*?</figure>', html, re.S):
            assert "data-from=" in figure, f"{case}: {path} draws a figure with no connection"


@pytest.mark.parametrize("case", ["no_seeds", "all_skipped"])
def test_a_site_without_articles_says_what_to_do(built, case, browser):
    text = _home_text(built[case], browser)
    assert "No articles yet: put .txt or .md files in seeds/" in text
    pages = _pages(built[case])
    assert (
        "No articles yet" in pages["articles/index.html"]
        and "No articles yet" in pages["timeline/index.html"]
    )
    assert "No one and nothing named yet" in pages["entities/index.html"]


@pytest.mark.parametrize("case", ["no_entities", "all_hidden"])
def test_a_site_without_entities_says_none_yet(built, case, browser):
    text = _home_text(built[case], browser)
    assert "1 article" in text and "naming 0 people, 0 places and 0 organisations" in text
    pages = _pages(built[case])
    assert "No connections yet" in pages["network/index.html"]
    assert "No people named yet" in pages["people/index.html"]
    assert "No places named yet" in pages["places/index.html"]


def test_one_entity_has_its_page_but_no_network(built, browser):
    pages = _pages(built["one_entity"])
    assert "Vladimir Putin" in _home_text(built["one_entity"], browser)
    assert 'id="network"' not in pages["entities/vladimir-putin/index.html"]
    article = next(html for path, html in pages.items() if path.startswith("articles/one-name"))
    assert "Vladimir Putin" in article and 'id="network"' not in article


def test_only_dates_reach_the_timeline(built, browser):
    pages = _pages(built["only_dates"])
    assert "15 December 2004" in pages["timeline/index.html"] and "2005" in pages["timeline/index.html"]
    assert "No connections yet" in pages["network/index.html"]
    assert "Dates only" in _home_text(built["only_dates"], browser)


def _home_text(site: Path, browser) -> str:
    """The home page's visible text in chromium, which shows it without a script error."""
    base, server = serve(site)
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base)
        text = page.locator("article").inner_text()
    finally:
        page.close()
        server.shutdown()
    assert errors == []
    return text
