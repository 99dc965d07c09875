"""Crawler captures as seeds: front-matter clean-up and page boilerplate dropped from the body.

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

Body (any seed; a block is one paragraph or heading)
- A block of at most 200 characters is dropped when it is, as a whole, one of the BOILERPLATE lines below
  (sign-ups, cookie banners, audio/video fallbacks, 'list 1 of 3', image credits,
  share/follow prompts), or when every line of it is a bare link, an image, or a list item
  holding only a link or a boilerplate line (a link list: 'Related', 'list 1 of 3' + links).
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Report

_URL = re.compile(r"^https?://\S+$", re.I)
_OUTLET_SUFFIX = re.compile(r"^(?P<title>.+?)\s+(?:-|\||–|—)\s+(?P<outlet>[A-Z0-9][\w&.'’]*(?:\s+[\w&.'’]+){0,3})\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NOT_A_DATE = {"unknown", "n/a", "na", "none", "null", "-", "tbd", "undated", "no date"}

BOILERPLATE = [re.compile(p, re.I) for p in (
    r"sign up (?:for|to) (?:our|the) .*newsletter.*",
    r".*\bnewsletters?\b.*\b(?:sign up|subscribe|inbox)\b.*",
    r"(?:subscribe|sign up) (?:now|today|here)\W*",
    r".*\bcookies?\b.*\b(?:accept|consent|settings|preferences|policy)\b.*",
    r"(?:accept|reject|manage) (?:all )?cookies\W*",
    r"your browser does not support (?:the )?(?:audio|video|iframe)(?: element| tag)?\W*",
    r"(?:this|the) (?:video|audio|media) (?:can ?not|cannot|could not) be played\W*",
    r"list \d+ of \d+",
    r"end of list",
    r"(?:end of )?(?:image|media|video) (?:source|caption|copyright)\b.*",
    r"(?:image|photo|picture|photograph)(?: credit)?\s*[:,]\s*[\w .,&/'’-]{0,60}",
    r"(?:getty images|reuters|afp|ap|pa media|epa)(?:\s*/\s*[\w ]+)?",
    r"(?:share|share this|follow us|follow) (?:on|this|article|page|story)\b.{0,40}",
    r"(?:advertisement|skip advertisement|continue reading( the main story)?|read more|related topics|more on this story)\W*",
    r"(?:copyright|©) .{0,80}all rights reserved\W*",
)]
BOILERPLATE_MAX_CHARS = 200  # furniture is short; a long paragraph about cookies is news
_LINK_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:!?\[[^\]]*\]\([^)]*\)|<https?://[^>]+>|https?://\S+)\s*$")


def is_capture(values: dict) -> bool:
    """Front matter that a crawler wrote: a URL source, a description or a word count."""
    source = values.get("source")
    return bool(
        (isinstance(source, str) and _URL.match(source.strip()))
        or values.get("description") or "word_count" in values
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


def _is_boilerplate_line(line: str) -> bool:
    text = line.strip(" *_#>")
    return len(text) <= BOILERPLATE_MAX_CHARS and any(rule.fullmatch(text) for rule in BOILERPLATE)


def is_boilerplate(block_text: str) -> bool:
    """True if the block is page furniture, not article text (see the module's rules)."""
    lines = [line.strip() for line in block_text.splitlines() if line.strip()]
    if not lines:
        return False
    if all(_LINK_LINE.match(line) or _is_boilerplate_line(line) for line in lines):
        return True
    return _is_boilerplate_line(" ".join(lines))


def drop_boilerplate(blocks: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The seed's blocks (kind, text, offset) without page furniture."""
    return [block for block in blocks if not is_boilerplate(block[1])]
