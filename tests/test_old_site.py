"""site_files.OldSite: the last build's site/ moved aside and deleted beside the build."""

from __future__ import annotations

from pathlib import Path

from generator.site_files import OLD_SITE, OldSite


def _last_build(site: Path) -> None:
    (site / "articles" / "a").mkdir(parents=True)
    (site / "articles" / "a" / "index.html").write_text("<p>old</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")  # a dot entry: MkDocs' clean keeps those too


def test_clearing_leaves_only_the_dot_entries_once_finished(tmp_path):
    site = tmp_path / "site"
    _last_build(site)
    killed = site / f"{OLD_SITE}1"  # left by a build that was killed while deleting
    (killed / "cards").mkdir(parents=True)
    (killed / "cards" / "x.js").write_text("x", encoding="utf-8")
    old_site = OldSite()
    old_site.clear(str(site))
    # At once, nothing MkDocs would clean is left where this build writes.
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(OLD_SITE)) == [".nojekyll"]
    (site / "index.html").write_text("<p>new</p>", encoding="utf-8")  # the new build's files are its own
    old_site.finish()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [".nojekyll", "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>new</p>"


def test_a_site_folder_not_there_yet_is_no_error(tmp_path):
    old_site = OldSite()
    old_site.clear(str(tmp_path / "site"))
    old_site.finish()
    assert not (tmp_path / "site").exists()
