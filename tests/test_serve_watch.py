"""`mkdocs serve` rebuilds once per edit (serve_watch.py): the generator's own writes into docs/ are not
changes, an editor's are.

The first tests drive the write stage and the watcher's judgement directly; the last runs a real
`mkdocs serve` on the example seed, saves an edit and counts the builds."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from watchdog.events import FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileOpenedEvent

from generator.model import Page, Report
from generator.serve_watch import DEBOUNCE_S, TRIGGER, GeneratedFiles, _AnyChange, _EditorChanges, watch_docs
from generator.write import write_pages

from .conftest import ENV, MKDOCS, folder_bytes, generate, make_project


def _pages(*texts: str) -> list[Page]:
    return [Page(f"articles/page-{i}.md", text.encode()) for i, text in enumerate(texts)]


def _written(docs: Path, *texts: str) -> GeneratedFiles:
    write_pages(docs, _pages(*texts), Report())
    return GeneratedFiles(docs)


def test_the_generators_writes_are_vouched_for(tmp_path):
    generated = _written(tmp_path, "one", "two")
    assert generated.vouch_for(tmp_path / "articles" / "page-0.md")
    assert generated.vouch_for(tmp_path / ".explainer-manifest.json")
    assert generated.vouch_for(tmp_path / "articles" / ".tmp-abcd1234.md")  # write_atomic's temporary file


def test_a_new_write_is_vouched_for_once_the_manifest_lists_it(tmp_path):
    generated = _written(tmp_path, "one", "two")
    assert generated.vouch_for(tmp_path / "articles" / "page-1.md")
    write_pages(tmp_path, _pages("one"), Report())  # page-1 removed
    write_pages(tmp_path, _pages("one, edited"), Report())
    assert generated.vouch_for(tmp_path / "articles" / "page-0.md")
    assert generated.vouch_for(tmp_path / "articles" / "page-1.md")  # gone, and it was the generator's


def test_an_editors_changes_are_not_vouched_for(tmp_path):
    generated = _written(tmp_path, "one")
    (tmp_path / "about.md").write_text("An editor's own page.", encoding="utf-8")
    assert not generated.vouch_for(tmp_path / "about.md")
    (tmp_path / "articles" / "page-0.md").write_text("one, edited by hand", encoding="utf-8")
    assert not generated.vouch_for(tmp_path / "articles" / "page-0.md")
    (tmp_path / "about.md").unlink()
    assert not generated.vouch_for(tmp_path / "about.md")  # a deleted page of the editor's
    assert not generated.vouch_for(tmp_path.parent / "elsewhere.md")


def test_only_an_editors_change_touches_the_trigger(tmp_path):
    docs, trigger = tmp_path / "docs", tmp_path / "trigger"
    handler = _EditorChanges(_written(docs, "one", "two"), trigger)
    page = str(docs / "articles" / "page-0.md")
    for event in (
        FileModifiedEvent(page),
        FileMovedEvent(str(docs / "articles" / ".tmp-abcd1234.md"), page),
        FileDeletedEvent(str(docs / "articles" / ".tmp-abcd1234.md")),
        FileOpenedEvent(str(docs / "about.md")),  # MkDocs reading a page is no change
    ):
        handler.on_any_event(event)
    assert not trigger.exists()
    (docs / "about.md").write_text("An editor's own page.", encoding="utf-8")
    handler.on_any_event(FileModifiedEvent(str(docs / "about.md")))
    assert trigger.read_text(encoding="utf-8") == str(docs / "about.md")


def _trigger_text(folder: Path) -> str:
    """What the observer wrote into the trigger file (waiting up to 20 s for it). The observer's write_text
    creates the file empty before it writes: an empty file is not yet written."""
    trigger, deadline = folder / TRIGGER, time.monotonic() + 20
    while time.monotonic() < deadline:
        if trigger.exists() and (text := trigger.read_text(encoding="utf-8")):
            return text
        time.sleep(0.05)
    return trigger.read_text(encoding="utf-8") if trigger.exists() else ""


@contextmanager
def _watching(docs: Path, trigger_folder: Path, folders: list[Path] | None = None) -> Iterator[None]:
    """watch_docs' observer running over docs/ (and folders) for the block, stopped after it."""
    for folder in [docs, *(folders or [])]:
        folder.mkdir()
    observer = watch_docs(docs, trigger_folder, folders or [])
    try:
        yield
    finally:
        observer.stop()
        observer.join()


def test_the_observer_passes_on_an_editors_change(tmp_path):
    docs, folder = tmp_path / "docs", tmp_path / "trigger"
    with _watching(docs, folder):
        write_pages(docs, _pages("one", "two"), Report())
        (docs / "about.md").write_text("An editor's own page.", encoding="utf-8")
        # Events arrive in order: the generator's writes came first, and none of them touched the trigger.
        assert _trigger_text(folder) == str(docs / "about.md")


def test_the_observer_passes_on_any_change_in_a_watched_folder(tmp_path):
    docs, seeds, folder = tmp_path / "docs", tmp_path / "seeds", tmp_path / "trigger"
    with _watching(docs, folder, [seeds]):
        (seeds / "new.txt").write_text("A seed saved while serving.", encoding="utf-8")
        assert _trigger_text(folder) == str(seeds / "new.txt")


def test_a_save_in_a_watched_folder_touches_the_trigger_once(tmp_path):
    touched: list[str] = []

    class Counted(_AnyChange):
        def _touch(self, path: str) -> None:
            touched.append(path)

    handler = Counted(tmp_path / TRIGGER)
    seed = str(tmp_path / "seeds" / "a.txt")
    handler.on_any_event(FileModifiedEvent(seed))  # the truncation
    handler.on_any_event(FileModifiedEvent(seed))  # the write
    handler.on_any_event(FileOpenedEvent(seed))  # the generator reading it: no change
    time.sleep(DEBOUNCE_S * 5)
    assert touched == [seed]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.model
def test_mkdocs_serve_builds_once_for_a_saved_seed(tmp_path):
    project = make_project(tmp_path / "project")
    assert generate(project, "build").returncode == 0
    built = folder_bytes(project / "docs")
    port = _free_port()  # not mkdocs.yml's site_url: serve's address is its own
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()

    def wait_for(pattern: str, count: int, limit: float) -> None:
        deadline = time.monotonic() + limit
        while sum(bool(re.search(pattern, line)) for line in lines) < count:
            assert server.poll() is None and time.monotonic() < deadline, "".join(lines[-30:])
            time.sleep(0.1)

    try:
        wait_for(r"Serving on", 1, 600)
        # Serve writes the docs/ that `mkdocs build` does (the published site_url's), so neither redraws the
        # site after the other.
        assert folder_bytes(project / "docs") == built, "".join(lines)
        seed = next(p for p in sorted((project / "seeds").iterdir()) if p.suffix in (".md", ".txt"))
        marker = "A paragraph saved while serving."
        seed.write_text(seed.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
        wait_for(r"Reloading browsers", 1, 300)
        time.sleep(3)  # MkDocs polls twice a second: a second build would have been noticed by now
        assert sum("Building documentation" in line for line in lines) == 2, "".join(lines)
        assert sum("Detected file changes" in line for line in lines) == 1, "".join(lines)
        article = next(
            p for p in (project / "docs" / "articles").glob("*.md") if marker in p.read_text(encoding="utf-8")
        )
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/articles/{article.stem}/", timeout=30) as page:
            assert marker in page.read().decode("utf-8")
        # An editor's own page in docs/ is still watched.
        (project / "docs" / "about.md").write_text("# About\n\nWritten by hand.\n", encoding="utf-8")
        wait_for(r"Reloading browsers", 2, 300)
    finally:
        server.terminate()
        server.wait(timeout=60)
        assert not os.path.exists(project / "site")  # serve builds into a folder of its own


def test_reading_a_watched_file_is_no_event_to_handle(tmp_path, monkeypatch):
    """A build reads every seed and MkDocs every page of docs/: the observer is not told of reads at all
    (handling each open and close held the interpreter through a rebuild)."""
    docs, seeds, folder = tmp_path / "docs", tmp_path / "seeds", tmp_path / "trigger"
    handled: list[str] = []
    for handler in (_AnyChange, _EditorChanges):
        monkeypatch.setattr(
            handler,
            "on_any_event",
            lambda self, event, _real=handler.on_any_event: (
                handled.append(event.event_type) or _real(self, event)
            ),
        )
    with _watching(docs, folder, [seeds]):
        (seeds / "a.txt").write_text("A seed.", encoding="utf-8")
        assert _trigger_text(folder) == str(seeds / "a.txt")
        time.sleep(DEBOUNCE_S * 5)  # the write's events are in
        before = len(handled)
        for _ in range(20):
            (seeds / "a.txt").read_bytes()
        time.sleep(DEBOUNCE_S * 5)
        assert len(handled) == before, handled[before:]
