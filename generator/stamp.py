"""What a build leaves in the cache folder for the next: the build stamp, the Memory of what its pages read,
and what dateparser made of its dates.

The build stamp: when nothing a build reads has changed, the last build's docs/ still stands.

A build reads the seed folder, its settings and the generator's own code. The
stamp records a digest of those inputs, the size and modification time of every
docs/ file the build produced, and the problems it reported. A build with the
same inputs digest, whose files are all exactly as that build left them, has
nothing to do: it reports the same problems and stops. Any difference (a seed,
the curation file, a setting, the generator, a docs/ file edited or deleted)
and the build runs in full. Like the extraction cache, the stamp lives in the
cache folder; a stamp that fails to parse is ignored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .config import FALLBACK_MODEL, Settings
from .fingerprint import OUTPUT_PACKAGES, installed_version, package_digest, update_with_tree
from .model import Memory, Problem
from .write import checked_body, with_checksum, write_atomic

STAMP_FILE = "build-stamp.json"
# What the stamped build drew its pages from, for the next build: plain values pickled (see _memory_bytes).
MEMORY_FILE = "build-memory.pickle"


@dataclass(frozen=True)
class Stamp:
    """What one build read (as a digest) and what it left in docs/."""

    inputs: str
    files: dict[str, list[int] | None]  # docs path → [size, mtime_ns]; None where the build left no file
    problems: tuple[Problem, ...]
    articles: int
    entities: int


def environment_digest(settings: Settings, site_name: str) -> str:
    """A digest of everything a build reads but the seeds: settings, generator code, and the versions
    of the model and the libraries that shape the output."""
    values = dataclasses.asdict(settings)
    # The CLI says docs: "docs", the MkDocs hook an absolute path: the same folder must give the same digest.
    values.update(
        root=str(settings.root.resolve()),
        seeds=str(settings.seeds_dir.resolve()),
        docs=str(settings.docs_dir.resolve()),
        cache=str(settings.cache_dir.resolve()) if settings.cache_dir else "",
    )
    versions = {name: installed_version(name) for name in (*OUTPUT_PACKAGES, settings.model, FALLBACK_MODEL)}
    digest = hashlib.sha256()
    digest.update(
        json.dumps(
            [values, site_name, __version__, versions, sys.version], sort_keys=True, default=str
        ).encode()
    )
    digest.update(package_digest().encode())
    return digest.hexdigest()


def inputs_digest(settings: Settings, environment: str) -> str:
    """A digest of everything a build reads: the environment's digest and the seeds (curation file too)."""
    digest = hashlib.sha256(environment.encode())
    update_with_tree(digest, settings.seeds_dir)
    return digest.hexdigest()


def _file_state(docs: str, path: str) -> list[int] | None:
    """[size, mtime_ns] of docs path in folder docs, or None. Plain os.stat on strings: a big site has tens of
    thousands of files, and pathlib's parsing of each path cost more than the stat."""
    try:
        info = os.stat(os.path.join(docs, path))
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def docs_state(docs: Path, paths: list[str]) -> dict[str, list[int] | None]:
    """Size and modification time of each docs path (None for a missing file)."""
    folder = str(docs)
    return {path: _file_state(folder, path) for path in sorted(paths)}


def _stamp_path(settings: Settings) -> Path | None:
    return settings.cache_dir / STAMP_FILE if settings.cache_dir else None


def load_stamp(settings: Settings) -> Stamp | None:
    """The last build's stamp, or None if there is none or it does not parse."""
    path = _stamp_path(settings)
    if path is None:
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Stamp(
            inputs=str(raw["inputs"]),
            files={str(k): (None if v is None else [int(v[0]), int(v[1])]) for k, v in raw["files"].items()},
            problems=tuple(Problem(**p) for p in raw["problems"]),
            articles=int(raw["articles"]),
            entities=int(raw["entities"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def load_memory(settings: Settings, stamp: Stamp | None) -> Memory | None:
    """The Memory the stamped build left; None when there is none, it is another build's, or it is damaged
    (every page is then drawn). Kept apart from the stamp, which an up-to-date build reads alone."""
    if stamp is None or settings.cache_dir is None:
        return None
    try:
        inputs, memory = _memory_from_bytes((settings.cache_dir / MEMORY_FILE).read_bytes())
        return memory if inputs == stamp.inputs else None
    except (OSError, ValueError):
        return None


def save_memory(settings: Settings, inputs: str, memory: Memory) -> None:
    """Write the Memory of the build that read `inputs` (before its stamp, which vouches for it)."""
    if settings.cache_dir is not None:
        write_atomic(settings.cache_dir / MEMORY_FILE, _memory_bytes(inputs, memory))
        (settings.cache_dir / "build-memory.json").unlink(missing_ok=True)  # the file this one replaced


def intact_files(stamp: Stamp | None, docs: Path) -> frozenset[str]:
    """The stamped docs paths whose files are exactly as the stamped build left them."""
    if stamp is None:
        return frozenset()
    folder = str(docs)
    return frozenset(
        path
        for path, state in stamp.files.items()
        if state is not None and _file_state(folder, path) == state
    )


def still_stands(stamp: Stamp | None, inputs: str, docs: Path) -> bool:
    """Whether the stamped build read these very inputs and its docs/ files are untouched since."""
    return (
        stamp is not None
        and stamp.inputs == inputs
        and all(_file_state(str(docs), path) == state for path, state in stamp.files.items())
    )


def save_stamp(settings: Settings, stamp: Stamp) -> None:
    """Write the stamp atomically (a killed build leaves the old one or none)."""
    path = _stamp_path(settings)
    if path is None:
        return
    # Not dataclasses.asdict: it deep-copies every file's entry, which on a big site cost most of the write.
    plain = {
        "inputs": stamp.inputs,
        "files": stamp.files,
        "problems": [dataclasses.asdict(problem) for problem in stamp.problems],
        "articles": stamp.articles,
        "entities": stamp.entities,
    }
    write_atomic(path, json.dumps(plain, sort_keys=True).encode("utf-8"))


def forget_stamp(settings: Settings) -> None:
    """Drop the stamp before a build changes docs/, so a killed build is never taken for a finished one."""
    path = _stamp_path(settings)
    if path is not None:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # nor can a new stamp be written; the old one stays true of the files it records


def _memory_bytes(inputs: str, memory: Memory) -> bytes:
    """The Memory as a checksummed pickle of plain values (dicts, tuples, strings). A big site's pages read
    over a million facts: as JSON, with each fact key once and the reads as indices, writing and reading it
    back took 1.24 s of each rebuild on the BBC set; this takes 0.35 s."""
    fields = {field.name: getattr(memory, field.name) for field in dataclasses.fields(memory)}
    return with_checksum(pickle.dumps({"inputs": inputs, "memory": fields}, protocol=5))


class _PlainValues(pickle.Unpickler):
    """Reads plain values only. Every way a pickle comes by a function to call (and so runs code) goes
    through find_class, which refuses them all. A crafted file could still make a build slow or crash it, as
    could anyone who writes the project's own files (its mkdocs.yml names code to run)."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"{module}.{name} is no plain value")


def _memory_from_bytes(data: bytes) -> tuple[str, Memory]:
    """(inputs, Memory) from _memory_bytes's bytes; ValueError for anything else (a damaged file, a pickle
    of other values, one that names a class)."""
    try:
        raw = _PlainValues(io.BytesIO(checked_body(data))).load()
        inputs, memory = raw["inputs"], Memory(**raw["memory"])
        tables = [getattr(memory, f.name) for f in dataclasses.fields(memory) if f.name != "environment"]
        if not isinstance(inputs, str) or not isinstance(memory.environment, str):
            raise TypeError("not a build's memory")
        if not all(isinstance(table, dict) for table in tables):
            raise TypeError("not a build's memory")
    except Exception as error:  # whatever a damaged or crafted pickle raises
        raise ValueError(f"not a build's memory ({error.__class__.__name__})") from None
    return inputs, memory


class DateCache:
    """What dateparser made of each date expression, kept across builds (it is the timeline's slow part).

    One JSON file, valid for one dateparser (and its regex and dateutil) and one render/dates.py; any other
    is ignored. Like every cache, one that cannot be written costs the next build time, never this one.
    """

    FILE = "dates.json"

    def __init__(self, folder: Path):
        self.path = folder / self.FILE
        from .fingerprint import package_folder

        source = (package_folder() / "render" / "dates.py").read_bytes()
        versions = ",".join(
            installed_version(package) for package in ("dateparser", "regex", "python-dateutil")
        )
        self.key = hashlib.sha256(source + versions.encode()).hexdigest()

    def load(self) -> list:
        """The rows (see DateResolver.rows) of the last build, or none."""
        try:
            raw = json.loads(self.path.read_bytes())
            return raw["rows"] if raw.get("key") == self.key and isinstance(raw["rows"], list) else []
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return []

    def save(self, rows: list) -> None:
        data = json.dumps({"key": self.key, "rows": rows}, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8"
        )
        try:
            if self.path.is_file() and self.path.read_bytes() == data:
                return
            write_atomic(self.path, data)
        except OSError:
            pass
