"""Extraction cache: the slow stage's results, keyed by what they depend on.

An entry is keyed by the seed's text, its kind (.txt or .md), the model (and
its version and spaCy's) and the source of every module the read and extract
stages import (fingerprint.extraction_code_digest), so any change to one of those misses the
cache. Entries are JSON (never pickle: a cache file is not trusted code) after a
line with the body's sha256; an entry that fails to decode or verify is
recomputed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from .. import __version__
from ..fingerprint import extraction_code_digest, installed_version
from ..model import Article, Extraction
from ..write import checked_body, with_checksum, write_atomic


def cache_key(article: Article, model: str) -> str:
    """What extraction of this article depends on: its text, its kind, the model (and its version and
    spaCy's) and the generator's extraction code."""
    digest = hashlib.sha256()
    for part in (
        article.text,
        article.source.suffix.lower(),
        model,
        _model_versions(model),
        __version__,
        extraction_code_digest(),
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


@functools.lru_cache(maxsize=4)
def _model_versions(model: str) -> str:
    return f"spacy {installed_version('spacy')}, {model} {installed_version(model)}"


def to_plain(value: Any) -> Any:
    """Frozen dataclasses, tuples and enums as JSON-ready values."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


@functools.cache
def decoder(kind: Any) -> typing.Callable[[Any], Any]:
    """The inverse of to_plain for kind: a function that raises on data of the wrong shape. It is worked
    out from kind's type hints once (a cache load decodes a million values: inspecting the hints each
    time was most of its cost)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [decoder(option) for option in typing.get_args(kind) if option is not type(None)]
        optional = type(None) in typing.get_args(kind)

        def union(value):
            if value is None and optional:
                return None
            last_error: Exception | None = None
            for option in options:
                try:
                    return option(value)
                except (TypeError, ValueError, KeyError) as error:
                    last_error = error
            raise ValueError(f"no option of {kind} fits {value!r}") from last_error

        return union
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])

            def sequence(value):
                if not isinstance(value, list):
                    raise TypeError(f"expected a list for {kind}")
                return tuple(item(v) for v in value)

            return sequence
        items = [decoder(a) for a in args]

        def fixed(value):
            if not isinstance(value, list):
                raise TypeError(f"expected a list for {kind}")
            return tuple(d(v) for d, v in zip(items, value, strict=True))

        return fixed
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = [(f.name, decoder(hints[f.name])) for f in dataclasses.fields(kind)]

        def record(value):
            if not isinstance(value, dict):
                raise TypeError(f"expected an object for {kind.__name__}")
            return kind(**{name: decode(value[name]) for name, decode in fields if name in value})

        return record
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    if kind in (str, int, float, bool):

        def scalar(value):
            if type(value) is not kind and (
                not isinstance(value, kind) or (kind is int and isinstance(value, bool))
            ):
                raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
            return value

        return scalar
    if kind is Path:
        return Path
    return lambda value: value


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


class ExtractionCache:
    """A folder of JSON entries: key → the Extraction of one article."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether there is an entry for key (it may still fail to verify); False for an unreadable folder."""
        try:
            return self._path(key).is_file()
        except OSError:
            return False

    def get(self, key: str) -> Extraction | None:
        """The cached extraction, or None if missing, corrupt or of another shape."""
        try:
            return decoder(Extraction)(json.loads(checked_body(self._path(key).read_bytes())))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        """Store an entry: the sha256 of its JSON body on the first line, the body after it."""
        raw = json.dumps(to_plain(extraction), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            write_atomic(self._path(key), with_checksum(raw))
        except OSError:
            pass  # a cache folder that cannot be written costs the next build time, never this one
