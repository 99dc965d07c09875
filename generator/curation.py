"""Curation: an editor's corrections to the entities, from seeds/entities.yml and seed front matter.

Both use the same keys, under an entity's name (or one of its spellings):

    Vladimir Putin:
      description: President of Russia.
      link: https://en.wikipedia.org/wiki/Vladimir_Putin
      aliases: [Vladimir Vladimirovich Putin]
    Zelensky:
      rename: Volodymyr Zelenskyy
    Kremlin:
      type: organization
    Moscow:
      merge: [Moskva]
    Jordan:
      split: {Michael Jordan: [seeds/nba.txt]}
    Getty Images:
      hide: true

In a seed, the same mapping goes under `entities:` in the front matter.
Resolve applies the entries; an entry (or a name in merge) that matches no
entity is reported as a warning naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Article, EntityType, Report

CURATION_FILE = "entities.yml"
KEYS = ("rename", "type", "merge", "split", "hide", "aliases", "description", "link")


@dataclass(frozen=True)
class CurationEntry:
    """One editor's entry: which entity (by any of its names) and what to change."""

    match: str
    source: str  # where it was written, for warnings
    rename: str | None = None
    type: EntityType | None = None
    merge: tuple[str, ...] = ()
    split: dict[str, tuple[str, ...]] = field(default_factory=dict)  # new name → article sources or slugs
    hide: bool = False
    aliases: tuple[str, ...] = ()
    description: str | None = None
    link: str | None = None


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        return (str(value),)
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, (str, int, float)))
    raise ValueError("should be a name or a list of names")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    raise ValueError("should be text")


def _entry(match: str, options: Any, source: str, report: Report) -> CurationEntry | None:
    if options is None:
        options = {}
    if not isinstance(options, dict):
        report.add(source, f"entities: entry '{match}' should be a mapping of {', '.join(KEYS)}; ignored")
        return None
    unknown = sorted(set(map(str, options)) - set(KEYS))
    if unknown:
        report.add(
            source,
            f"entities: entry '{match}' has unknown key(s) {', '.join(unknown)}; "
            f"known keys are {', '.join(KEYS)}",
        )
    values: dict[str, Any] = {}
    for key in KEYS:
        if key not in options:
            continue
        value = options[key]
        try:
            if key in ("merge", "aliases"):
                values[key] = _names(value)
            elif key == "hide":
                values[key] = bool(value)
            elif key == "type":
                values[key] = EntityType(str(value).strip().lower())
            elif key == "split":
                if not isinstance(value, dict):
                    raise ValueError("should map each new name to the articles it takes")
                values[key] = {str(name): _names(where) for name, where in value.items()}
            else:
                values[key] = _text(value)
        except ValueError as error:
            kinds = ", ".join(t.value for t in EntityType)
            why = f"should be one of {kinds}" if key == "type" else str(error)
            report.add(source, f"entities: entry '{match}': '{key}' {why}; ignored")
    return CurationEntry(match=str(match), source=source, **values)


def entries_from_mapping(data: Any, source: str, report: Report) -> list[CurationEntry]:
    """Entries of one mapping (the file's top level or a seed's `entities:`)."""
    if data is None:
        return []
    if not isinstance(data, dict):
        report.add(source, "entities: expected a mapping of entity names to changes; ignored")
        return []
    entries = (_entry(str(name), options, source, report) for name, options in data.items())
    return [e for e in entries if e is not None]


def load_curation(
    seeds_dir: Path, articles: Sequence[Article], report: Report, display: Path | None = None
) -> list[CurationEntry]:
    """Entries of seeds/entities.yml (if any), then of each seed's front matter, in seed order."""
    entries: list[CurationEntry] = []
    path = seeds_dir / CURATION_FILE
    if path.is_file():
        shown = str(display / CURATION_FILE) if display else str(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            report.add(
                shown,
                f"not valid YAML, curation skipped ({error.__class__.__name__}); fix it and build again",
            )
            data = None
        entries += entries_from_mapping(data, shown, report)
    for article in articles:
        if article.meta.entities is not None:
            entries += entries_from_mapping(article.meta.entities, str(article.source), report)
    return entries
