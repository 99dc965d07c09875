"""Crawler captures as seeds: their front matter mapped to the seed's own fields.

Real articles often arrive as Markdown saved by a crawler. Their front matter has
a title with the outlet appended ('… - BBC News'), `source` holding the page URL,
`description` (the outlet's standfirst), `word_count`, and a `date` that may be
'unknown'. Their bodies keep page furniture. The rules, each tested on a fixture
in tests/fixtures/web/:

Front matter
- `source` that is a URL moves to `url` (unless `url` is set); the outlet becomes the source.
- A title ending in ' - Outlet', ' | Outlet' or ' — Outlet' (Outlet: at most 4 words,
  capitalised, no sentence punctuation) loses that suffix; the outlet becomes the
  source when none is given. Only done for captures (URL source, description or
  word_count present), so an editor's 'Putin - the early years' stays as written.
- `description` becomes `summary` (the dek) unless a summary is given.
- A `date` that is not a date ('unknown', 'n/a', '32/13/2020') is reported and dropped:
  the article is undated. A readable date is normalised to YYYY-MM-DD.

Their bodies' page furniture is dropped by the read stage with the rules of boilerplate.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Report

_URL = re.compile(r"^https?://\S+$", re.I)
_OUTLET_SUFFIX = re.compile(
    r"^(?P<title>.+?)\s+(?:-|\||–|—)\s+(?P<outlet>[A-Z0-9][\w&.'’]*(?:\s+[\w&.'’]+){0,3})\s*$"
)


def is_capture(values: dict) -> bool:
    """Front matter that a crawler wrote: a URL source, a description or a word count."""
    source = values.get("source")
    return bool(
        (isinstance(source, str) and _URL.match(source.strip()))
        or values.get("description")
        or "word_count" in values
    )


def _split_outlet(title: str) -> tuple[str, str | None]:
    match = _OUTLET_SUFFIX.match(title.strip())
    if not match or re.search(r"[.!?:;,]$", match.group("outlet")):
        return title, None
    return match.group("title").strip(), match.group("outlet").strip()


def clean_front_matter(values: dict, path: str | Path, report: Report) -> dict:
    """Front matter with a capture's fields mapped to the seed's own (a new dict; values is not changed)."""
    out = dict(values)  # dates are checked with the other fields, in front_matter.py
    if not is_capture(values):
        return out
    source = out.get("source")
    if isinstance(source, str) and _URL.match(source.strip()):
        out.setdefault("url", source.strip())
        if not out.get("url"):
            out["url"] = source.strip()
        out["source"] = None
    title = out.get("title")
    if isinstance(title, str):
        stripped, outlet = _split_outlet(title)
        if outlet:
            out["title"] = stripped
            if not out.get("source"):
                out["source"] = outlet
    description = out.get("description")
    if isinstance(description, str) and description.strip() and not out.get("summary"):
        out["summary"] = description.strip()
    return out
