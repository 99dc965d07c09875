"""The write stage on its own: atomic files, manifest, hand-written pages, removals, leftovers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import write
from generator.model import Page, Report
from generator.write import MANIFEST, load_manifest, sha256, write_pages

from .conftest import folder_bytes

OLD = [
    Page("index.md", b"# Home v1\n"),
    Page("articles/a.md", b"# A\n"),
    Page("articles/b.md", b"# B\n"),
    Page("entities/x.md", b"# X v1\n"),
    Page("entities/only-b/y.md", b"# Y\n"),
]
NEW = [
    Page("index.md", b"# Home v2\n"),
    Page("articles/a.md", b"# A\n"),
    Page("articles/c.md", b"# C\n"),
    Page("entities/x.md", b"# X v2\n"),
]
HAND = {
    "about.md": b"# Written by an editor\n",
    "articles/notes.md": b"# Editor's notes\n",
    ".tmp-keep-me.md": b"editor",
}


def snapshot(docs: Path) -> dict[str, bytes]:
    return folder_bytes(docs)


def with_hand_pages(docs: Path) -> None:
    for path, data in HAND.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)


def assert_manifest_agrees_with_disk(docs: Path, hand: tuple[str, ...] = tuple(HAND)) -> None:
    """Every file the generator owns is listed with its current hash; a listed file is present or being
    removed."""
    manifest = load_manifest(docs, Report())
    on_disk = snapshot(docs)
    for path, data in on_disk.items():
        if path in hand or path == MANIFEST:
            continue
        assert path in manifest, f"{path} on disk but not in the manifest"
        assert sha256(data) in manifest[path], f"{path} on disk with a hash the manifest does not list"
    for path in hand:
        assert path not in manifest


def test_writes_pages_and_a_manifest(tmp_path):
    result = write_pages(tmp_path, OLD, Report())
    assert sorted(result.written) == sorted(p.path for p in OLD)
    assert snapshot(tmp_path) == {
        **{p.path: p.content for p in OLD},
        MANIFEST: (tmp_path / MANIFEST).read_bytes(),
    }
    assert_manifest_agrees_with_disk(tmp_path)


def test_only_changed_files_are_written(tmp_path):
    write_pages(tmp_path, OLD, Report())
    mtimes = {p: (tmp_path / p.path).stat().st_mtime_ns for p in OLD}
    result = write_pages(tmp_path, OLD, Report())
    assert result.written == [] and result.removed == [] and result.unchanged == len(OLD)
    assert {p: (tmp_path / p.path).stat().st_mtime_ns for p in OLD} == mtimes


def test_removed_pages_go_and_hand_written_pages_stay(tmp_path):
    with_hand_pages(tmp_path)
    write_pages(tmp_path, OLD, Report())
    report = Report()
    result = write_pages(tmp_path, NEW, report)
    assert sorted(result.removed) == ["articles/b.md", "entities/only-b/y.md"]
    assert not (tmp_path / "entities" / "only-b").exists()  # emptied folder removed
    files = snapshot(tmp_path)
    for path, data in HAND.items():
        assert files[path] == data
    assert {k: v for k, v in files.items() if k not in HAND and k != MANIFEST} == {
        p.path: p.content for p in NEW
    }
    assert report.problems == []


def test_hand_written_file_at_a_generated_path_is_never_overwritten(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_bytes(b"mine")
    report = Report()
    write_pages(tmp_path, OLD, report)
    assert (tmp_path / "articles" / "a.md").read_bytes() == b"mine"
    expected = (
        f"{tmp_path.name}/articles/a.md: exists and was not written by Explainer; left as it is "
        "(rename or delete it to let Explainer write this page)"
    )
    assert [str(p) for p in report.problems] == [expected]
    assert_manifest_agrees_with_disk(tmp_path, hand=("articles/a.md",))


def test_generated_page_edited_by_hand_is_kept_with_one_warning(tmp_path):
    write_pages(tmp_path, OLD, Report())
    (tmp_path / "entities" / "x.md").write_bytes(b"edited")
    report = Report()
    write_pages(tmp_path, NEW, report)
    assert (tmp_path / "entities" / "x.md").read_bytes() == b"edited"
    assert len(report.problems) == 1 and "edited by hand" in report.problems[0].message
    manifest = load_manifest(tmp_path, Report())
    assert "entities/x.md" not in manifest  # it is the editor's now


def test_edited_page_whose_seed_is_gone_is_kept(tmp_path):
    write_pages(tmp_path, OLD, Report())
    (tmp_path / "articles" / "b.md").write_bytes(b"edited")
    report = Report()
    write_pages(tmp_path, NEW, report)
    assert (tmp_path / "articles" / "b.md").read_bytes() == b"edited"
    assert "its seed is gone but the file is kept" in report.problems[0].message


def test_leftover_temporary_files_are_cleaned_but_look_alikes_are_not(tmp_path):
    with_hand_pages(tmp_path)
    (tmp_path / "articles" / ".tmp-ab12cd_9.md").write_bytes(b"half a pa")
    (tmp_path / ".tmp-zz99zz99.json").write_bytes(b"{")
    write_pages(tmp_path, OLD, Report())
    files = snapshot(tmp_path)
    assert ".tmp-keep-me.md" in files  # does not look like ours
    assert not [f for f in files if f.startswith(".tmp-") and f != ".tmp-keep-me.md"]
    assert "articles/.tmp-ab12cd_9.md" not in files


def test_unreadable_manifest_is_reported_and_matching_files_readopted(tmp_path):
    write_pages(tmp_path, OLD, Report())
    (tmp_path / MANIFEST).write_text("{not json")
    report = Report()
    write_pages(tmp_path, OLD, report)
    assert "manifest is unreadable" in report.problems[0].message
    assert set(load_manifest(tmp_path, Report())) == {p.path for p in OLD}


def test_page_paths_cannot_leave_docs(tmp_path):
    with pytest.raises(ValueError):
        write_pages(tmp_path / "docs", [Page("../outside.md", b"x")], Report())
    assert not (tmp_path / "outside.md").exists()


def test_write_atomic_leaves_old_bytes_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_bytes(b"old")

    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]  # temporary file removed


def test_manifest_is_sorted_json(tmp_path):
    write_pages(tmp_path, list(reversed(OLD)), Report())
    body = json.loads((tmp_path / MANIFEST).read_text())
    assert list(body["files"]) == sorted(p.path for p in OLD)


def test_an_empty_page_left_by_a_power_cut_is_written_again(tmp_path):
    write_pages(tmp_path, OLD, Report())
    (tmp_path / "entities" / "x.md").write_bytes(b"")  # renamed into place, its bytes never reached the disk
    (tmp_path / MANIFEST).write_bytes(b"")  # and the manifest with it
    report = Report()
    write_pages(tmp_path, NEW, report)
    new = {page.path: page.content for page in NEW}
    assert (tmp_path / "entities" / "x.md").read_bytes() == new["entities/x.md"]
    assert not any("entities/x.md" in str(p) for p in report.problems)


def test_written_files_get_the_mode_a_plain_write_gives(tmp_path):
    """mkstemp makes 0600 files; site/ links them, and a web server running as another user must read them."""
    import os

    from generator.write import FILE_MODE, write_atomic

    target = tmp_path / "page.md"
    write_atomic(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == FILE_MODE == 0o666 & ~umask != 0o600 or umask == 0o066
