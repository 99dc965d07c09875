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
  word_count present, or a body that is a saved page), so an editor's 'Putin - the early years' stays as
  written.
- `description` becomes `summary` (the dek) unless a summary is given; with neither, a standfirst set
  between the headline and the byline is lifted out of the text into `summary` (read/furniture.py).
- A `date` that is not a date ('unknown', 'n/a', '32/13/2020') is reported and dropped:
  the article is undated. A readable date is normalised to YYYY-MM-DD.

Their bodies' page furniture is dropped by the read stage with the rules of boilerplate.py.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from ..model import Report

_URL = re.compile(r"^https?://\S+$", re.I)
# The last ' - Outlet', ' | Section', ' : NPR' of a title: at most 5 words, the first capitalised.
_OUTLET_SUFFIX = re.compile(
    r"^(?P<title>.+?)\s+(?:-|\||–|—|:|·)\s+(?P<outlet>[A-Z0-9][\w&.'’-]*(?:\s+[\w&.'’-]+){0,4})\s*$"
)
MIN_TITLE_WORDS = 3  # a suffix is not cut when less than this would be left of the title


def is_capture(values: dict) -> bool:
    """Front matter that a crawler wrote: a URL source, a description or a word count."""
    source = values.get("source")
    return bool(
        (isinstance(source, str) and _URL.match(source.strip()))
        or values.get("description")
        or "word_count" in values
        or values.get("capture")
    )


_LINK_BLOCK = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*!?\[[^\]]*\]\([^)]*\)\s*$", re.M)


def looks_captured(blocks: list[tuple[str, str, int]]) -> bool:
    """A body that is a saved web page, whatever its front matter: many blocks of bare links or images."""
    linky = sum(1 for _, text, _ in blocks if _LINK_BLOCK.search(text))
    return linky >= 5 and linky >= len(blocks) / 5


def _split_outlet(title: str) -> tuple[str, str | None]:
    """A capture's title without its outlet and section suffixes ('Roof Convicted : The Two-Way : NPR'), and
    the outlet: the last suffix cut."""
    outlet = None
    while True:
        match = _OUTLET_SUFFIX.match(title.strip())
        if not match or re.search(r"[.!?:;,]$", match.group("outlet")):
            return title, outlet
        if len(match.group("title").split()) < MIN_TITLE_WORDS:
            return title, outlet
        title, outlet = match.group("title").strip(), outlet or match.group("outlet").strip()


def without_outlet(values: dict) -> dict:
    """Front matter whose title has left its outlet and section suffixes; the outlet becomes the source when
    none is given (a new dict)."""
    out = dict(values)
    title = out.get("title")
    if isinstance(title, str):
        stripped, outlet = _split_outlet(title)
        if outlet:
            out["title"] = stripped
            if not out.get("source"):
                out["source"] = outlet
    return out


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
    out = without_outlet(out)
    description = out.get("description")
    if isinstance(description, str) and description.strip() and not out.get("summary"):
        out["summary"] = description.strip()
    return out


_URL_DATE = re.compile(
    r"[/_-](?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?=[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=/)"
)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_DATELINE = re.compile(
    r"^[A-Z][\w.’' /-]{1,40}?[,(]\s*(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b"
)
DATE_DISAGREES_DAYS = 3  # a front-matter date this far from the URL's is a crawler's mistake


def _date(year: str, month: str, day: str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def url_date(url: str | None) -> str | None:
    """The date an article's URL holds (…/2025/02/10/…, …-2025-02-10…, …/20250210/…), if any."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    parts = match.group("y", "m", "d") if match.group("y") else match.group("y2", "m2", "d2")
    return _date(*parts)


def _named_month_date(year: str, month: str, day: str) -> str | None:
    """_date for a month written as a name ('Feb', 'February'); None for a word that names no month."""
    number = _MONTHS.index(month[:3].casefold()) + 1 if month[:3].casefold() in _MONTHS else None
    return _date(year, str(number), day) if number else None


def dateline_date(paragraph: str) -> str | None:
    """The date a dateline gives ('WASHINGTON, Feb. 10, 2025 —'), when it gives the year too."""
    match = _DATELINE.match(paragraph)
    return _named_month_date(*match.group("year", "month", "day")) if match else None


_STAMP = re.compile(
    r"\b(?:(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)|"
    r"(?P<day2>\d{1,2}) (?P<month2>[A-Za-z]{3,9})\.?,? (?P<year2>(?:19|20)\d\d)|"
    r"(?P<year3>(?:19|20)\d\d)-(?P<month3>[01]\d)-(?P<day3>[0-3]\d)(?!\d))"
)
STAMP_REACH = 6  # a time stamp stands this near above the story's text
STAMP_OTHER_WORDS = 4  # and has at most this many words that are not of its date and time ('By Jane Doe')
_STAMP_WORD = re.compile(
    rf"^(?:\W*\d.*|(?:{'|'.join(_MONTHS)}|mon|tue|wed|thu|fri|sat|sun)[a-z]*\W*|"
    r"(?:[ap]\.?m|utc|gmt|[ecmp][sd]?t|bst|ist|updated|published|posted|last|on|at)\W*|\W+)$",
    re.I,
)


def stamp_date(stamp: str) -> str | None:
    """The date of a page's time stamp ('December 16, 2016, 4:19 PM', 'Updated 7 Dec 2024'): its first."""
    match = _STAMP.search(stamp)
    if not match:
        return None
    if match.group("year3"):
        return _date(*match.group("year3", "month3", "day3"))
    if match.group("year"):
        return _named_month_date(*match.group("year", "month", "day"))
    return _named_month_date(*match.group("year2", "month2", "day2"))


def page_stamp(above_story: list[str]) -> str:
    """The page's time stamp: of the lines above the story's text (in page order), the nearest that is a
    date and a time, or ''. (A date far above is the site's header, the day the page was saved; a date in a
    caption is the photo's.)"""
    near = above_story[-STAMP_REACH:]
    return next((line for line in reversed(near) if _is_stamp(line) and stamp_date(line)), "")


def _is_stamp(line: str) -> bool:
    """A line of a date and a time ('Dec. 6, 2024, 10:00 PM UTC / Updated …'), not a caption with a date."""
    return sum(1 for word in line.split() if not _STAMP_WORD.match(word)) <= STAMP_OTHER_WORDS


def settle_date(
    values: dict,
    first_paragraph: str,
    path: str | Path,
    report: Report,
    lines: dict[str, int],
    stamp: str = "",
) -> dict:
    """A capture's date: the front matter's, unless it is missing, unreadable ('unknown') or days away from
    the date its URL holds (a crawler's mistake: the date of an old photo, say), then the URL's, the
    dateline's or that of the page's time stamp (a line cut as furniture above the story). A date the front
    matter got wrong is reported with its line."""
    out = dict(values)
    from_url = url_date(out.get("url") if isinstance(out.get("url"), str) else None)
    found = from_url or dateline_date(first_paragraph) or stamp_date(stamp)
    given = out.get("date")
    given_day = given if isinstance(given, datetime.date) else None
    if isinstance(given, str):
        try:
            given_day = datetime.date.fromisoformat(given.strip()[:10])
        except ValueError:
            given_day = None
    if isinstance(given_day, datetime.datetime):
        given_day = given_day.date()
    if found and given_day is None:
        out["date"] = found
    elif (
        from_url
        and given_day
        and abs((given_day - datetime.date.fromisoformat(from_url)).days) > DATE_DISAGREES_DAYS
    ):
        report.add(
            path,
            f"front matter 'date' ({given_day.isoformat()}) is far from the date in the article's URL "
            f"({from_url}); the URL's date is used — correct the date: line if it is wrong",
            line=lines.get("date"),
        )
        out["date"] = from_url
    return out
