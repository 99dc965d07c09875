"""Stage 6, write: the only code that touches docs/.

- Each file is written atomically (a temporary file in the same folder, then
  os.replace), so a reader, MkDocs or a killed build never sees half a file.
- Only files whose bytes changed are written, so `mkdocs serve` does not loop.
- A manifest (docs/.explainer-manifest.json, hidden from MkDocs) records every
  file the generator owns with its hash. Files not in it belong to the editor and
  are never overwritten or removed; a generated file the editor has since edited
  is left alone too, with a warning.
- Killed at any point, docs/ holds whole files only, each vouched for by the
  manifest (a listed file may be missing while removals are under way); the
  next build cleans up the temporary files and finishes the job.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import Page, Report

MANIFEST = ".explainer-manifest.json"
TMP_PREFIX = ".tmp-"
# What tempfile.mkstemp(prefix=TMP_PREFIX) names look like: only these are cleaned up.
_LEFTOVER = re.compile(r"^\.tmp-[a-z0-9_]{8}(\.[A-Za-z0-9]+)?$")


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def with_checksum(body: bytes) -> bytes:
    """A cache file's bytes: the sha256 of body on the first line, body after it."""
    return sha256(body).encode("ascii") + b"\n" + body


def checked_body(data: bytes) -> bytes:
    """The body of a file with_checksum wrote; ValueError when the checksum does not match (a damaged or
    half-written file)."""
    checksum, _, body = data.partition(b"\n")
    if checksum != sha256(body).encode("ascii"):
        raise ValueError("checksum does not match")
    return body


def _file_mode() -> int:
    """The mode a plain open() gives a new file under this process's umask (mkstemp gives 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _file_mode()


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path so that path holds either the old or the new bytes, never a mix. The file gets
    the mode a plain write would give it: a web server reads what MkDocs links or copies into site/."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=path.suffix)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(
                data
            )  # no fsync (it doubled the write time): a killed build is safe; see write_pages
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_file(path: Path) -> None:
    path.unlink()


def is_temporary(name: str) -> bool:
    """Whether a file name is one write_atomic gives its temporary files."""
    return bool(_LEFTOVER.match(name))


def clean_leftovers(docs: Path) -> list[str]:
    """Remove temporary files a killed build left behind (they never hold a page anyone reads)."""
    removed = []
    for path in sorted(docs.rglob(TMP_PREFIX + "*")):
        if path.is_file() and not path.is_symlink() and is_temporary(path.name):
            path.unlink()
            removed.append(path.relative_to(docs).as_posix())
    return removed


def _inside(docs: Path, relative: str) -> Path:
    """docs / relative, refusing paths that would leave docs/ (a page path is never seed text: be sure)."""
    target = docs / relative
    if relative.startswith("/") or ".." in Path(relative).parts or not relative:
        raise ValueError(f"page path {relative!r} would leave the docs folder")
    return target


def load_manifest(docs: Path, report: Report) -> dict[str, list[str]]:
    """Path → the sha256 hashes that are the generator's (one, or two while a write is under way)."""
    path = docs / MANIFEST
    if not path.exists():
        return {}
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
        if not isinstance(files, dict) or not all(
            isinstance(v, list) and all(isinstance(h, str) for h in v) for v in files.values()
        ):
            raise ValueError
        return files
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        report.add(
            f"{docs.name}/{MANIFEST}",
            "manifest is unreadable; generated files are re-adopted only where their content matches",
        )
        return {}


def recorded_files(docs: Path) -> frozenset[str]:
    """The paths the manifest vouches for with a single hash (none of them is half-way through a write)."""
    return frozenset(path for path, hashes in load_manifest(docs, Report()).items() if len(hashes) == 1)


def save_manifest(docs: Path, files: dict[str, list[str]]) -> None:
    body = {
        "files": {path: v if len(v) == 1 else sorted(set(v)) for path, v in sorted(files.items())},
        "generator": "explainer",
    }
    # A line per file, so a diff of docs/ shows which changed; not indent=, which takes json's Python
    # encoder (a big site's manifest lists 40,000 files, written twice a build).
    data = (json.dumps(body, separators=(",\n", ": ")) + "\n").encode()
    target = docs / MANIFEST
    if not target.exists() or target.read_bytes() != data:
        write_atomic(target, data)


def write_pages(docs: Path, pages: list[Page], report: Report, kept: Iterable[str] = ()) -> WriteResult:
    """Bring docs/ to exactly `pages` (for the generator's own files), touching only what changed.

    kept: paths of pages the last build wrote that stand as they are (the caller checked their
    files are untouched); they stay on record without being read.

    Crash safety: before any file changes, the manifest lists both the old and
    the new hash of every file about to be written, so whatever point a build is
    killed at, every file on disk is one the manifest vouches for; the next build
    finishes the job.
    """
    docs.mkdir(parents=True, exist_ok=True)
    clean_leftovers(docs)
    old = load_manifest(docs, report)
    result = WriteResult()
    to_write: dict[str, bytes] = {}
    final: dict[str, list[str]] = {}
    left_alone: set[str] = set()
    for path in kept:
        if path in old:
            final[path] = old[path]
            result.unchanged += 1
    for page in pages:
        target = _inside(docs, page.path)
        digest = sha256(page.content)
        current = target.read_bytes() if target.is_file() else None
        # An empty file holds no one's work: it is what a power cut can leave of a page renamed into place
        # before it reached the disk (writes are not fsynced), so it is written over, manifest or not.
        if (
            current is not None
            and current.strip()
            and current != page.content
            and sha256(current) not in old.get(page.path, ())
        ):
            if page.path in old:
                report.add(
                    f"{docs.name}/{page.path}",
                    "was edited by hand since Explainer wrote it; left as it is "
                    "(delete it to get the generated page back)",
                )
            else:
                report.add(
                    f"{docs.name}/{page.path}",
                    "exists and was not written by Explainer; left as it is "
                    "(rename or delete it to let Explainer write this page)",
                )
            left_alone.add(page.path)
            continue
        final[page.path] = [digest]
        if current == page.content:
            result.unchanged += 1
        else:
            to_write[page.path] = page.content
    stale = sorted(set(old) - set(final) - left_alone)
    if to_write or stale or old != final:
        in_flight = {path: list(hashes) for path, hashes in old.items()}
        for path, content in to_write.items():
            in_flight[path] = in_flight.get(path, []) + [sha256(content)]
        save_manifest(docs, in_flight)
    for path, content in to_write.items():
        write_atomic(docs / path, content)
        result.written.append(path)
    for path in stale:
        target = _inside(docs, path)
        if target.is_file():
            if sha256(target.read_bytes()) not in old[path]:
                report.add(
                    f"{docs.name}/{path}",
                    "was edited by hand since Explainer wrote it; its seed is gone but the file is kept",
                )
                continue
            remove_file(target)
            result.removed.append(path)
            _remove_empty_parents(target.parent, docs)
    save_manifest(docs, final)
    return result


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
