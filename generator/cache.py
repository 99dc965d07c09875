"""Extraction cache: the slow stage's results, keyed by what they depend on.

An entry is keyed by the seed's text, its kind (.txt or .md), the model name
and the generator's version, so any change to one of those misses the cache.
Entries are JSON (never pickle: a cache file is not trusted code) with a
checksum; an entry that fails to decode or verify is recomputed.
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

from . import __version__
from .model import Article, ExtractedArticle
from .write import write_atomic

# Bump when extraction output changes shape or meaning without a version bump.
CACHE_FORMAT = 1


def cache_key(article: Article, model: str) -> str:
    """What extraction of this article depends on: its text, its kind, the model and the generator."""
    digest = hashlib.sha256()
    for part in (article.text, article.source.suffix.lower(), model, __version__, str(CACHE_FORMAT), extraction_code_hash()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


@typing.no_type_check
def extraction_code_hash() -> str:
    """The source of the modules whose code decides extraction output: editing them invalidates the cache."""
    if _code_hash_memo:
        return _code_hash_memo[0]
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in sorted(("extract.py", "model.py", "names.py", "read.py", "refine.py", "roles.py")):
        path = here / name
        if path.exists():
            digest.update(path.read_bytes())
    _code_hash_memo.append(digest.hexdigest())
    return _code_hash_memo[0]


_code_hash_memo: list[str] = []


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


def from_plain(kind: Any, value: Any) -> Any:
    """The inverse of to_plain, guided by type hints; raises on data of the wrong shape."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        last_error: Exception | None = None
        for option in options:
            if option is type(None):
                continue
            try:
                return from_plain(option, value)
            except (TypeError, ValueError, KeyError) as error:
                last_error = error
        raise ValueError(f"no option of {kind} fits {value!r}") from last_error
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(value, list):
            raise TypeError(f"expected a list for {kind}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in value)
        return tuple(from_plain(a, v) for a, v in zip(args, value, strict=True))
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {kind.__name__}")
        hints = _hints(kind)
        return kind(**{f.name: from_plain(hints[f.name], value[f.name]) for f in dataclasses.fields(kind) if f.name in value})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind in (str, int, float, bool):
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value
    if kind is Path:
        return Path(value)
    return value


@functools.lru_cache(maxsize=None)
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


class ExtractionCache:
    """A folder of JSON entries: key → the extraction of one article (without the article itself)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str, article: Article) -> ExtractedArticle | None:
        """The cached extraction re-attached to article, or None if missing, corrupt or of another shape."""
        path = self._path(key)
        try:
            raw = path.read_bytes()
            envelope = json.loads(raw)
            body = envelope["body"]
            if envelope.get("sha256") != hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest():
                return None
            hints = _hints(ExtractedArticle)
            values = {
                f.name: from_plain(hints[f.name], body[f.name])
                for f in dataclasses.fields(ExtractedArticle)
                if f.name != "article" and f.name in body
            }
            return ExtractedArticle(article=article, **values)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, extracted: ExtractedArticle) -> None:
        body = {f.name: to_plain(getattr(extracted, f.name)) for f in dataclasses.fields(extracted) if f.name != "article"}
        envelope = {"sha256": hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest(), "body": body}
        write_atomic(self._path(key), json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def extract_with_cache(
    articles: list[Article],
    model: str,
    cache: ExtractionCache | None,
    extract: typing.Callable[[list[Article]], list[ExtractedArticle]],
) -> list[ExtractedArticle]:
    """Extraction of every article, computing only the cache misses (in one batch, so they run in parallel)."""
    results: dict[int, ExtractedArticle] = {}
    keys = [cache_key(a, model) for a in articles] if cache else []
    misses = []
    for i, article in enumerate(articles):
        hit = cache.get(keys[i], article) if cache else None
        if hit is None:
            misses.append(i)
        else:
            results[i] = hit
    if misses:
        for i, extracted in zip(misses, extract([articles[i] for i in misses])):
            results[i] = extracted
            if cache:
                cache.put(keys[i], extracted)
    return [results[i] for i in range(len(articles))]
