"""Incremental `mkdocs build` (site_cache.py): after an edit, the pages whose Markdown is unchanged come from
the site cache, and site/ is byte for byte what a build that renders every page gives: every HTML file,
search/search_index.json, sitemap.xml and sitemap.xml.gz (the build date is fixed here).

Each test edits a copy of one small project (six Yukos articles), builds it, and compares site/ with a
build of the same docs/ with the site cache deleted."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from generator.site_cache import INDEX, RACY_NS, _vouching
from generator.write import checked_body

from .conftest import ENV, MKDOCS, folder_bytes, make_project, yukos_seeds

pytestmark = [pytest.mark.slow, pytest.mark.model]

# A fixed build date: the pages and the sitemap carry it, and a test may run across midnight.
BUILD_ENV = {**ENV, "SOURCE_DATE_EPOCH": "1733097600"}
FROM_CACHE = re.compile(r"explainer: (\d+) pages from the site cache, (\d+) rendered")
NAMES = "Vladimir Putin met Gerhard Schroeder in Moscow on Monday."


def _build(project: Path, strict: bool = True) -> tuple[int, int, str]:
    """mkdocs build (--strict); (pages from the cache, pages rendered, the log)."""
    result = subprocess.run(
        [str(MKDOCS), "build", *(["--strict"] if strict else [])],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    found = FROM_CACHE.search(result.stderr)
    assert found, result.stderr
    return int(found.group(1)), int(found.group(2)), result.stderr


def _site(project: Path) -> dict[str, bytes]:
    return folder_bytes(project / "site")


def _site_cache(project: Path) -> Path:
    [folder] = (project / ".cache" / "explainer").glob("site-mkdocs-*")
    return folder


def _rendered_in_full(project: Path, where: Path, strict: bool = True) -> dict[str, bytes]:
    """site/ of the same project and docs/ with the site cache deleted: every page rendered."""
    shutil.copytree(project, where, symlinks=True)
    shutil.rmtree(_site_cache(where))
    cached, _, _ = _build(where, strict)
    assert cached == 0
    return _site(where)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("site-cache") / "project", yukos_seeds()[:6])
    cached, rendered, _ = _build(project)
    assert cached == 0 and rendered > 20
    return project


@pytest.fixture
def project(built, tmp_path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _seed(project: Path) -> Path:
    return sorted((project / "seeds").iterdir())[2]


def _assert_as_a_full_build(project: Path, tmp_path: Path, strict: bool = True) -> None:
    incremental = _site(project)
    full = _rendered_in_full(project, tmp_path / "full", strict)
    assert sorted(incremental) == sorted(full)
    assert [path for path in full if incremental[path] != full[path]] == []
    assert {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= set(full)


def test_nothing_changed_renders_no_page(project, tmp_path):
    cached, rendered, _ = _build(project)
    pages = len([p for p in (project / "docs").rglob("*.md")])
    assert (cached, rendered) == (pages, 0)
    _assert_as_a_full_build(project, tmp_path)


def test_a_nav_page_edit_renders_every_nav_page_and_no_other(project, tmp_path):
    # The nav shows its pages' neighbours, and an untitled page is named by its text. (The generator keeps
    # the hand edit, and warns of it: no --strict.)
    page = project / "docs" / "data.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nOne more line.\n", encoding="utf-8")
    cached, rendered, log = _build(project, strict=False)
    assert cached > 20
    # The nav's eight pages of mkdocs.yml, but articles/index.md: not_in_nav matches it, so it is served as
    # the article pages are, the nav's digest aside.
    assert rendered == 7, log
    _assert_as_a_full_build(project, tmp_path, strict=False)


def test_a_paragraph_edit(project, tmp_path):
    seed = _seed(project)
    seed.write_text(
        seed.read_text(encoding="utf-8") + "\n\nOne more paragraph, naming no one.\n", encoding="utf-8"
    )
    cached, rendered, _ = _build(project)
    assert cached > 20 and rendered < cached
    _assert_as_a_full_build(project, tmp_path)


def test_an_edit_with_names(project, tmp_path):
    seed = _seed(project)
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n\n{NAMES}\n", encoding="utf-8")
    cached, _, _ = _build(project)
    assert cached > 0
    _assert_as_a_full_build(project, tmp_path)


def test_a_title_change_reaches_the_nav_and_the_neighbours(project, tmp_path):
    seed = _seed(project)
    text = seed.read_text(encoding="utf-8")
    _, rest = text.split("\n", 1)
    seed.write_text("A wholly new title for this article\n" + rest, encoding="utf-8")
    _build(project)
    _assert_as_a_full_build(project, tmp_path)
    assert "A wholly new title for this article" in (project / "site" / "articles" / "index.html").read_text()


def test_a_settings_change_renders_every_page(project, tmp_path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("layout_seed: 7 ", "layout_seed: 11 ", 1))
    cached, _, _ = _build(project)
    assert cached == 0
    _assert_as_a_full_build(project, tmp_path)


def test_a_template_change_renders_every_page(project, tmp_path):
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{#- an editor's comment -#}\n", encoding="utf-8")
    cached, _, _ = _build(project)
    assert cached == 0
    _assert_as_a_full_build(project, tmp_path)


def test_a_damaged_cache_is_rendered_again(project, tmp_path):
    cache = _site_cache(project)
    pages = sorted(p for p in cache.iterdir() if p.suffix == ".html")
    pages[0].write_bytes(b"<p>damaged</p>")  # one page's HTML
    cached, rendered, _ = _build(project)
    assert rendered >= 1 and cached > 0
    _assert_as_a_full_build(project, tmp_path)

    index = cache / INDEX
    index.write_text(index.read_text(encoding="utf-8").replace('"source": "', '"source": "0', 1))
    cached, _, log = _build(project)
    assert cached == 0 and "site cache is damaged" in log
    _assert_as_a_full_build(project, tmp_path / "again")
    assert os.path.getsize(index) > 100  # written anew


def _source_states(project: Path) -> dict[str, list[int] | None]:
    body = json.loads(checked_body((_site_cache(project) / INDEX).read_bytes()))
    return {src: entry["source_state"] for src, entry in body["pages"].items()}


def test_a_file_state_vouches_for_its_digest_only_once_it_is_old():
    # Just written, a file could be changed again within one tick of a coarse file system's clock.
    now = time.time_ns()
    assert _vouching([10, now]) is None and _vouching([10, now - 2 * RACY_NS]) == [10, now - 2 * RACY_NS]
    assert _vouching(None) is None


def test_a_markdown_file_as_it_was_is_not_read_again_and_an_edited_one_is(project, tmp_path):
    hour_ago = time.time() - 3600
    for page in (project / "docs").rglob("*.md"):
        os.utime(page, (hour_ago, hour_ago))
    cached, _, _ = _build(project)
    states = _source_states(project)
    assert cached > 20 and all(state is not None for state in states.values())
    # An edit gives its page a new time: it is read, found changed and rendered; the rest stand unread.
    seed = _seed(project)
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA paragraph added later.\n", encoding="utf-8")
    cached_after, rendered, _ = _build(project)
    assert cached_after > 20 and rendered >= 1
    _assert_as_a_full_build(project, tmp_path)


def _linked_ctimes(project: Path) -> dict[str, int]:
    """site/'s hard-linked files (static files of docs/, pages from the cache) → their inode's change time:
    linking a file again changes it."""
    site = project / "site"
    found = {}
    for path in site.rglob("*"):
        if path.is_file() and path.stat().st_nlink > 1:
            found[path.relative_to(site).as_posix()] = path.stat().st_ctime_ns
    return found


def test_the_last_builds_files_stand_where_this_build_makes_them_the_same(project, tmp_path):
    _build(project)  # a copied site/ holds copies, not links: its own build links them
    before = _linked_ctimes(project)
    seed = _seed(project)
    seed.write_text(
        seed.read_text(encoding="utf-8") + "\n\nOne more paragraph, naming no one.\n", encoding="utf-8"
    )
    _build(project)
    after = _linked_ctimes(project)
    untouched = [path for path in before if after.get(path) == before[path]]
    assert len(before) > 50 and len(untouched) > 0.8 * len(before)
    assert not any(p.name.startswith(".explainer-") for p in (project / "site").iterdir())
    _assert_as_a_full_build(project, tmp_path)


def test_a_removed_seeds_files_leave_the_site_it_stood_in(project, tmp_path):
    _build(project)
    seed = _seed(project)
    article = next(
        p for p in (project / "docs" / "articles").glob("*.md") if seed.name in p.read_text(encoding="utf-8")
    )
    assert (project / "site" / "articles" / article.stem / "index.html").is_file()
    before = _linked_ctimes(project)
    seed.unlink()
    _build(project)
    assert not (project / "site" / "articles" / article.stem).exists()
    after = _linked_ctimes(project)
    assert any(after.get(path) == ctime for path, ctime in before.items())  # site/ was kept, not remade
    _assert_as_a_full_build(project, tmp_path)
