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
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .config import FALLBACK_MODEL, Settings
from .fingerprint import OUTPUT_PACKAGES, installed_version, package_digest, update_with_tree
from .model import Memory, Problem
from .write import write_atomic

STAMP_FILE = "build-stamp.json"
MEMORY_FILE = (
    "build-memory.json"  # what the stamped build drew its pages from (changes.py), for the next build
)


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
    """The Memory the stamped build left; None when there is none, it is another build's, or it does not
    parse (every page is then drawn). Kept apart from the stamp, which an up-to-date build reads alone."""
    if stamp is None or settings.cache_dir is None:
        return None
    try:
        raw = json.loads((settings.cache_dir / MEMORY_FILE).read_bytes())
        return _memory_from_plain(raw["memory"]) if raw["inputs"] == stamp.inputs else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def save_memory(settings: Settings, inputs: str, memory: Memory) -> None:
    """Write the Memory of the build that read `inputs` (before its stamp, which vouches for it)."""
    if settings.cache_dir is not None:
        data = json.dumps({"inputs": inputs, "memory": _memory_to_plain(memory)}, separators=(",", ":"))
        write_atomic(settings.cache_dir / MEMORY_FILE, data.encode("utf-8"))


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


def _memory_to_plain(memory: Memory) -> dict:
    """A Memory as JSON-ready values: each fact key once, and each page's reads (and each worked-out fact's
    sources) as indices into them (a big
    site's pages read hundreds of thousands of facts)."""
    keys = sorted(
        {key for reads in (*memory.pages.values(), *memory.made_from.values()) for key in reads}
        | set(memory.facts)
        | set(memory.made_from)
    )
    index = {key: i for i, key in enumerate(keys)}
    return {
        "environment": memory.environment,
        "keys": keys,
        "digests": [memory.facts.get(key) for key in keys],
        "pages": {path: [index[key] for key in reads] for path, reads in memory.pages.items()},
        "named": {slug: list(ids) for slug, ids in memory.named.items()},
        "made_from": {
            key: [index[source] for source in sources] for key, sources in memory.made_from.items()
        },
    }


def _memory_from_plain(raw: dict) -> Memory:
    """The inverse of _memory_to_plain; raises ValueError, KeyError, IndexError or TypeError on data of
    another shape."""

    def text(value) -> str:
        if not isinstance(value, str):
            raise TypeError("expected a string")
        return value

    keys = [text(key) for key in raw["keys"]]
    digests = raw["digests"]
    if len(digests) != len(keys):
        raise ValueError("a digest per key")

    def looked_up(reads: list) -> tuple[str, ...]:
        # In C, not per read in Python (a big site's pages hold millions): a non-integer raises TypeError,
        # an index past the end IndexError; only a negative one would pass unseen, so min() rules it out.
        if reads and min(reads) < 0:
            raise IndexError("not a key's index")
        return tuple(map(keys.__getitem__, reads))

    return Memory(
        environment=text(raw["environment"]),
        facts={key: text(digest) for key, digest in zip(keys, digests) if digest is not None},
        pages={text(path): looked_up(reads) for path, reads in raw["pages"].items()},
        named={text(slug): tuple(map(text, ids)) for slug, ids in raw["named"].items()},
        made_from={text(key): looked_up(sources) for key, sources in raw["made_from"].items()},
    )


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
