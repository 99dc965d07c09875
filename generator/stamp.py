"""The build stamp: when nothing a build reads has changed, the last build's docs/ still stands.

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
import json
import sys
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from . import __version__
from .changes import Memory, memory_from_plain, memory_to_plain
from .config import FALLBACK_MODEL, Settings
from .model import Problem
from .write import write_atomic

STAMP_FILE = "build-stamp.json"
MEMORY_FILE = "build-memory.json"  # what the stamped build drew its pages from (changes.py), for the next build


@dataclass(frozen=True)
class Stamp:
    """What one build read (as a digest) and what it left in docs/."""

    inputs: str
    files: dict[str, list[int] | None]  # docs path → [size, mtime_ns]; None where the build left no file
    problems: tuple[Problem, ...]
    articles: int
    entities: int


# Installed packages whose code or data decide what a build writes: an upgrade must rebuild.
OUTPUT_PACKAGES = ("spacy", "thinc", "networkx", "scipy", "numpy", "jinja2", "markupsafe", "pyvis", "dateparser", "regex",
                   "python-dateutil", "python-slugify", "text-unidecode", "PyYAML")


def _update_with_tree(digest, folder: Path, skip_compiled: bool = False) -> None:
    """Every file under folder, by relative path and bytes, in a stable order.

    A file that cannot be read counts by its error: reading seeds reports it,
    and the next build notices when it becomes readable.
    """
    if not folder.is_dir():
        digest.update(b"<no folder>")
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if skip_compiled and "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\x00")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as error:  # unreadable, or gone since the listing (an editor's swap file)
            digest.update(f"<unreadable: {error.errno}>".encode())


def installed_version(package: str) -> str:
    """The installed version of a distribution, or "absent"."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def environment_digest(settings: Settings, site_name: str) -> str:
    """A digest of everything a build reads but the seeds: settings, generator code, and the versions
    of the model and the libraries that shape the output."""
    values = dataclasses.asdict(settings)
    # The CLI says docs: "docs", the MkDocs hook an absolute path: the same folder must give the same digest.
    values.update(root=str(settings.root.resolve()), seeds=str(settings.seeds_dir.resolve()),
                  docs=str(settings.docs_dir.resolve()),
                  cache=str(settings.cache_dir.resolve()) if settings.cache_dir else "")
    versions = {name: installed_version(name) for name in (*OUTPUT_PACKAGES, settings.model, FALLBACK_MODEL)}
    digest = hashlib.sha256()
    digest.update(json.dumps([values, site_name, __version__, versions, sys.version], sort_keys=True, default=str).encode())
    _update_with_tree(digest, Path(str(resources.files("generator"))), skip_compiled=True)
    return digest.hexdigest()


def inputs_digest(settings: Settings, environment: str) -> str:
    """A digest of everything a build reads: the environment's digest and the seeds (and the curation file)."""
    digest = hashlib.sha256(environment.encode())
    _update_with_tree(digest, settings.seeds_dir)
    return digest.hexdigest()


def _file_state(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def docs_state(docs: Path, paths: list[str]) -> dict[str, list[int] | None]:
    """Size and modification time of each docs path (None for a missing file)."""
    return {path: _file_state(docs / path) for path in sorted(paths)}


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
    """The Memory the stamped build left; None when there is none, it is another build's, or it does not
    parse (every page is then drawn). Kept apart from the stamp, which an up-to-date build reads alone."""
    if stamp is None or settings.cache_dir is None:
        return None
    try:
        raw = json.loads((settings.cache_dir / MEMORY_FILE).read_bytes())
        return memory_from_plain(raw["memory"]) if raw["inputs"] == stamp.inputs else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_memory(settings: Settings, inputs: str, memory: Memory) -> None:
    """Write the Memory of the build that read `inputs` (before its stamp, which vouches for it)."""
    if settings.cache_dir is not None:
        data = json.dumps({"inputs": inputs, "memory": memory_to_plain(memory)}, separators=(",", ":"))
        write_atomic(settings.cache_dir / MEMORY_FILE, data.encode("utf-8"))


def intact_files(stamp: Stamp | None, docs: Path) -> frozenset[str]:
    """The stamped docs paths whose files are exactly as the stamped build left them."""
    if stamp is None:
        return frozenset()
    return frozenset(path for path, state in stamp.files.items() if state is not None and _file_state(docs / path) == state)


def still_stands(stamp: Stamp | None, inputs: str, docs: Path) -> bool:
    """Whether the stamped build read these very inputs and its docs/ files are untouched since."""
    return (
        stamp is not None
        and stamp.inputs == inputs
        and all(_file_state(docs / path) == state for path, state in stamp.files.items())
    )


def save_stamp(settings: Settings, stamp: Stamp) -> None:
    """Write the stamp atomically (a killed build leaves the old one or none)."""
    path = _stamp_path(settings)
    if path is None:
        return
    write_atomic(path, json.dumps(dataclasses.asdict(stamp), sort_keys=True).encode("utf-8"))


def forget_stamp(settings: Settings) -> None:
    """Drop the stamp before a build changes docs/, so a killed build is never taken for a finished one."""
    path = _stamp_path(settings)
    if path is not None:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # nor can a new stamp be written; the old one stays true of the files it records
