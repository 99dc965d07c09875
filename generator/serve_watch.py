"""`mkdocs serve` rebuilds for the editor's changes to docs/, not for the generator's own writes.

MkDocs watches docs/ and rebuilds when any file under it changes. The generator
writes docs/ at the start of every build, so each edit to a seed gave two
builds, and the browser, reloaded after the first, met a site that the second
was cleaning out. MkDocs also polls docs/ twice a second, which on a site of
35,000 files takes a core.

Here docs/ is watched by an observer of its own (inotify where the system has
it), and a change counts only when the manifest does not vouch for it: the
generator lists a file's new hash before it writes the file (write.py), so each
of its writes is recognised as its own. A change that counts touches a file in a
folder MkDocs watches, and MkDocs rebuilds as it always does.

The folders of mkdocs.yml's `watch:` (seeds/ among them) are watched by that
observer too, where any change counts: MkDocs would poll them, and a walk of
thousands of seeds twice a second held the interpreter a tenth of each rebuild.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

from watchdog.events import (
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from .model import Report
from .write import MANIFEST, is_temporary, load_manifest, sha256

log = logging.getLogger("mkdocs.plugins.explainer")
CHANGES = frozenset({EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_DELETED, EVENT_TYPE_MOVED})
# The events asked of the system: by default inotify also reports every open and close, so each file a
# build reads (every seed, every page MkDocs reads from docs/) was an event for this process to handle.
ASKED = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
TRIGGER = "docs-changed"
DEBOUNCE_S = 0.2  # a burst of events this close together is one save


class GeneratedFiles:
    """What the manifest of docs/ vouches for, read again whenever the manifest file changes."""

    def __init__(self, docs: Path):
        self.docs = docs
        self.hashes: dict[str, frozenset[str]] = {}
        self.ever_listed: set[str] = set()  # a path the generator removed is no longer listed, but was
        self._stamp: tuple[int, int] | None = None
        self._refresh()

    def _refresh(self) -> None:
        try:
            stat = (self.docs / MANIFEST).stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            if stamp == self._stamp:
                return
        except OSError:
            return  # no manifest yet: nothing is the generator's
        files = load_manifest(self.docs, Report())  # the write stage's own reading and checks
        self.hashes = {path: frozenset(hashes) for path, hashes in files.items()}
        self._stamp = stamp
        self.ever_listed.update(self.hashes)

    def vouch_for(self, path: Path) -> bool:
        """Whether path, as it is on disk now, is the generator's doing."""
        try:
            relative = path.relative_to(self.docs).as_posix()
        except ValueError:
            return False
        self._refresh()  # first: the manifest's own change is how each of its versions gets read
        if relative == MANIFEST or is_temporary(path.name):
            return True
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return relative in self.ever_listed
        except OSError:
            return False
        return sha256(data) in self.hashes.get(relative, ())


class _EditorChanges(FileSystemEventHandler):
    """Touches the trigger file for each change in docs/ the generator did not make."""

    def __init__(self, generated: GeneratedFiles, trigger: Path):
        self.generated = generated
        self.trigger = trigger

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        path = event.dest_path if event.event_type == EVENT_TYPE_MOVED else event.src_path
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not self.generated.vouch_for(Path(path)):
            log.debug(f"explainer: {path} changed; rebuilding")
            self.trigger.write_text(str(path), encoding="utf-8")


class _AnyChange(FileSystemEventHandler):
    """Touches the trigger file once for each burst of changes to files under a watched folder: a save is
    a truncation and a write, two events that MkDocs, polling the trigger between them, took for two
    saves and built twice. The touch comes DEBOUNCE_S after the burst's last event, so none is lost."""

    def __init__(self, trigger: Path):
        self.trigger = trigger
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        path = os.fsdecode(event.src_path)
        log.debug(f"explainer: {path!r} changed; rebuilding")
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_S, self._touch, args=(path,))
            self._timer.daemon = True
            self._timer.start()

    def _touch(self, path: str) -> None:
        self.trigger.write_text(path, encoding="utf-8")


def watch_docs(docs: Path, trigger_folder: Path, folders: Sequence[Path] = ()) -> BaseObserver:
    """Start watching docs/ and folders; an editor's change to docs/, or any change in folders, touches a
    file in trigger_folder (which MkDocs should watch). The observer is started and returned, to be stopped
    when serving ends."""
    trigger_folder.mkdir(parents=True, exist_ok=True)
    trigger = trigger_folder / TRIGGER
    watched = [(_EditorChanges(GeneratedFiles(docs), trigger), docs)]
    watched += [(_AnyChange(trigger), folder) for folder in folders]
    for kind in (Observer, PollingObserver):  # inotify may be out of watches: polling always works
        observer = kind()
        try:
            for handler, folder in watched:
                observer.schedule(handler, str(folder), recursive=True, event_filter=ASKED)
            observer.start()
            return observer
        except OSError as error:
            log.debug(f"explainer: {kind.__name__} cannot watch {docs} ({error}); trying the next")
    raise OSError(f"{docs}: cannot be watched for changes")
