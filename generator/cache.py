"""Extraction cache: the slow stage's results, keyed by what they depend on.

An entry is keyed by the seed's text, its kind (.txt or .md), the model name
and the generator's version, so any change to one of those misses the cache.
Entries are JSON (never pickle: a cache file is not trusted code) after a
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

from . import __version__
from .model import Article, ExtractedArticle
from .stamp import installed_version
from .write import write_atomic

# Bump when extraction output changes shape or meaning without a version bump.
CACHE_FORMAT = 2


def cache_key(article: Article, model: str) -> str:
    """What extraction of this article depends on: its text, its kind, the model (and its version and
    spaCy's) and the generator."""
    digest = hashlib.sha256()
    for part in (article.text, article.source.suffix.lower(), model, _model_versions(model), __version__,
                 str(CACHE_FORMAT), extraction_code_hash()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


@functools.lru_cache(maxsize=4)
def _model_versions(model: str) -> str:
    return f"spacy {installed_version('spacy')}, {model} {installed_version(model)}"


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


@functools.lru_cache(maxsize=None)
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
            if type(value) is not kind and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
                raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
            return value
        return scalar
    if kind is Path:
        return Path
    return lambda value: value


@functools.lru_cache(maxsize=None)
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


class ExtractionCache:
    """A folder of JSON entries: key → the extraction of one article (without the article itself)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether there is an entry for key (it may still fail to verify); False if the folder is unreadable."""
        try:
            return self._path(key).is_file()
        except OSError:
            return False

    def get(self, key: str, article: Article) -> ExtractedArticle | None:
        """The cached extraction re-attached to article, or None if missing, corrupt or of another shape."""
        path = self._path(key)
        try:
            checksum, _, raw = path.read_bytes().partition(b"\n")
            if checksum.decode("ascii") != hashlib.sha256(raw).hexdigest():
                return None
            body = json.loads(raw)
            hints = _hints(ExtractedArticle)
            values = {
                f.name: decoder(hints[f.name])(body[f.name])
                for f in dataclasses.fields(ExtractedArticle)
                if f.name != "article" and f.name in body
            }
            return ExtractedArticle(article=article, **values)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, extracted: ExtractedArticle) -> None:
        """Store an entry: the sha256 of its JSON body on the first line, the body after it."""
        body = {f.name: to_plain(getattr(extracted, f.name)) for f in dataclasses.fields(extracted) if f.name != "article"}
        raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            write_atomic(self._path(key), hashlib.sha256(raw).hexdigest().encode("ascii") + b"\n" + raw)
        except OSError:
            pass  # a cache folder that cannot be written costs the next build time, never this one


def extract_with_cache(
    articles: list[Article],
    model: str,
    cache: ExtractionCache | None,
    extract: typing.Callable[[list[Article]], list[ExtractedArticle]],
    begin: typing.Callable[[list[Article]], typing.Callable[[], list[ExtractedArticle]]] | None = None,
) -> list[ExtractedArticle]:
    """Extraction of every article, computing only the cache misses (in one batch, so they run in parallel).

    begin(batch), when given, starts extracting a batch in the background and returns what waits for
    it: the articles the cache has no entry for are started first, so their extraction overlaps
    loading the others. An entry that turns out to be corrupt is extracted afterwards with extract.
    """
    keys = [cache_key(a, model) for a in articles] if cache else []
    absent = [i for i in range(len(articles)) if cache is None or not cache.has(keys[i])]
    waiting = None
    if absent:
        batch = [articles[i] for i in absent]
        if begin is not None:
            waiting = begin(batch)
        else:
            done = extract(batch)
            waiting = lambda: done  # noqa: E731 - already extracted
    results: dict[int, ExtractedArticle] = {}
    corrupt = []
    for i in sorted(set(range(len(articles))) - set(absent)):
        hit = cache.get(keys[i], articles[i]) if cache else None
        if hit is None:
            corrupt.append(i)
        else:
            results[i] = hit
    fresh = list(zip(absent, waiting())) if waiting else []
    if corrupt:
        fresh += zip(corrupt, extract([articles[i] for i in corrupt]))
    for i, extracted in fresh:
        results[i] = extracted
        if cache:
            cache.put(keys[i], extracted)
    return [results[i] for i in range(len(articles))]


class DateCache:
    """What dateparser made of each date expression, kept across builds (it is the timeline's slow part).

    One JSON file, valid for one dateparser (and its regex and dateutil) and one dates.py; any other is
    ignored. Like every cache, one that cannot be written costs the next build time, never this one.
    """

    FILE = "dates.json"

    def __init__(self, folder: Path):
        self.path = folder / self.FILE
        from .render import dates

        source = Path(dates.__file__).read_bytes()
        versions = ",".join(installed_version(package) for package in ("dateparser", "regex", "python-dateutil"))
        self.key = hashlib.sha256(source + versions.encode()).hexdigest()

    def load(self) -> list:
        """The rows (see dates.known_dates) of the last build, or none."""
        try:
            raw = json.loads(self.path.read_bytes())
            return raw["rows"] if raw.get("key") == self.key and isinstance(raw["rows"], list) else []
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return []

    def save(self, rows: list) -> None:
        data = json.dumps({"key": self.key, "rows": rows}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            if self.path.is_file() and self.path.read_bytes() == data:
                return
            write_atomic(self.path, data)
        except OSError:
            pass
