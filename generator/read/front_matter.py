"""Front matter: the YAML between --- lines at the top of a seed, read into typed fields.

Fields of the wrong type or an unparseable date are dropped with a warning that
names the field's line; front matter that is not YAML at all raises SeedError.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..model import ArticleMeta, Report
from .files import SeedError

META_FIELDS = ("date", "source", "url", "author", "summary", "tags")


def split_front_matter(text: str) -> tuple[dict, int]:
    """Front-matter mapping and the offset where the body starts."""
    handler = YAMLHandler()
    if not handler.detect(text):
        return {}, 0
    try:
        front, body = handler.split(text)
    except ValueError:
        raise SeedError(
            "front matter starts with --- but has no closing --- line; add one after the last field", 1
        ) from None
    try:
        values = yaml.safe_load(front)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for the opening ---, +1 for 1-based
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise SeedError(
            f"front matter is not valid YAML ({problem}); fix it between the --- lines", line
        ) from None
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise SeedError(
            "front matter is not key: value pairs; write one field per line between the --- lines, "
            "e.g. title: My title",
            2,
        )
    return values, len(text) - len(body)


def field_lines(text: str, body_start: int) -> dict[str, int]:
    """Line in the file of each top-level front-matter key, for messages."""
    lines = {}
    for number, line in enumerate(text[:body_start].splitlines(), start=1):
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def text_field(
    values: dict, key: str, path: Path, report: Report, lines: dict[str, int] | None = None
) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    if hasattr(value, "isoformat"):  # YAML dates
        return value.isoformat()
    report.add(
        path,
        f"front matter '{key}' should be text, not a {type(value).__name__}; "
        f"ignored — write it as {key}: some text",
        line=(lines or {}).get(key),
    )
    return None


def _date_field(values: dict, path: Path, report: Report, lines: dict[str, int] | None = None) -> str | None:
    """The date as YYYY-MM-DD (timeline order, relative dates need one form); an unparseable date is
    dropped with a warning."""
    value = values.get("date")
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = text_field(values, "date", path, report, lines)
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for dates that are not ISO

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        report.add(
            path,
            f"front matter 'date' is not a date ({text[:40]!r}); "
            "the article is undated — write it as date: 2024-05-01",
            line=(lines or {}).get("date"),
        )
        return None
    return parsed.date().isoformat()


def read_meta(values: dict, path: Path, report: Report, lines: dict[str, int] | None = None) -> ArticleMeta:
    tags = values.get("tags")
    if tags is None:
        tags = ()
    elif isinstance(tags, str):
        tags = tuple(t.strip() for t in tags.split(",") if t.strip())
    elif isinstance(tags, list):
        tags = tuple(str(t) for t in tags if isinstance(t, (str, int, float)))
    else:
        report.add(
            path,
            "front matter 'tags' should be a list; ignored — write it as tags: [one, two]",
            line=(lines or {}).get("tags"),
        )
        tags = ()
    fields = {
        key: text_field(values, key, path, report, lines)
        for key in META_FIELDS
        if key not in ("tags", "date")
    }
    fields["date"] = _date_field(values, path, report, lines)
    return ArticleMeta(tags=tags, entities=values.get("entities"), **fields)
