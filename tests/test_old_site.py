"""site_files.OldSite: the last build's site/ moved aside while MkDocs cleans, then put back without the
files this build does not make, its static links kept."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import File, Files

from generator.site_files import KEPT_SITE, OLD_SITE, LinkedFile, OldSite


def _project(tmp_path: Path) -> tuple[Path, Path]:
    """docs/ with a page and a figure; site/ as the last build left it, with a page this build drops."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "figures").mkdir(parents=True)
    (docs / "index.md").write_text("# Home", encoding="utf-8")
    (docs / "figures" / "a.svg").write_text("<svg/>", encoding="utf-8")
    (site / "figures").mkdir(parents=True)
    (site / "articles" / "gone").mkdir(parents=True)
    (site / "index.html").write_text("<p>old home</p>", encoding="utf-8")
    (site / "articles" / "gone" / "index.html").write_text("<p>a removed seed</p>", encoding="utf-8")
    os.link(docs / "figures" / "a.svg", site / "figures" / "a.svg")
    (site / ".nojekyll").write_text("", encoding="utf-8")  # a dot entry: MkDocs' clean keeps those too
    return docs, site


def _files(docs: Path, site: Path) -> Files:
    page = File("index.md", str(docs), str(site), use_directory_urls=False)
    figure = LinkedFile("figures/a.svg", str(docs), str(site), use_directory_urls=False)
    return Files([page, figure])


def _tree(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))


def test_the_last_build_is_put_back_without_what_this_build_does_not_make(tmp_path):
    docs, site = _project(tmp_path)
    killed = site / f"{OLD_SITE}1"  # left by a build that was killed while deleting
    (killed / "cards").mkdir(parents=True)
    (killed / "cards" / "x.js").write_text("x", encoding="utf-8")
    figure_ctime = (site / "figures" / "a.svg").stat().st_ctime_ns
    old_site = OldSite()
    old_site.clear(str(site))
    # While MkDocs cleans, nothing it would clean is where it looks.
    assert [p.name for p in site.iterdir() if not p.name.startswith((OLD_SITE, KEPT_SITE))] == [".nojekyll"]
    files = _files(docs, site)
    old_site.restore(files, serving=False)
    for file in files:
        if isinstance(file, LinkedFile):
            file.copy_file()  # as MkDocs copies the static files
    old_site.finish()
    assert _tree(site) == [".nojekyll", "figures", "figures/a.svg", "index.html"]
    # The figure was still linked to its source: left as it was, not linked again.
    assert (site / "figures" / "a.svg").stat().st_ctime_ns == figure_ctime
    assert (site / "figures" / "a.svg").samefile(docs / "figures" / "a.svg")


def test_a_page_written_in_place_of_a_link_never_writes_through_it(tmp_path):
    docs, site = _project(tmp_path)
    cached = tmp_path / "cache" / "home.html"  # the site cache served the home page last time
    cached.parent.mkdir()
    cached.write_text("<p>cached home</p>", encoding="utf-8")
    (site / "index.html").unlink()
    os.link(cached, site / "index.html")
    old_site = OldSite()
    old_site.clear(str(site))
    old_site.restore(_files(docs, site), serving=False)
    (site / "index.html").write_text("<p>new home</p>", encoding="utf-8")  # as MkDocs writes a page
    old_site.finish()
    assert cached.read_text(encoding="utf-8") == "<p>cached home</p>"


def test_a_failed_build_deletes_what_it_moved_aside(tmp_path):
    _, site = _project(tmp_path)
    old_site = OldSite()
    old_site.clear(str(site))
    old_site.abandon()
    assert _tree(site) == [".nojekyll"]


def test_a_site_folder_not_there_yet_is_no_error(tmp_path):
    old_site = OldSite()
    old_site.clear(str(tmp_path / "site"))
    old_site.restore(Files([]), serving=False)
    old_site.finish()
    assert not (tmp_path / "site").exists()
