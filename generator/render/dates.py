"""Dates as readers want them: '15 December 2004' from ISO, and date expressions resolved (DateResolver).

Expressions that need a reference point ('Wednesday', 'last year', '15 December')
are resolved with dateparser against the article's date where it has one. An
expression counts as relative when two different reference points give two
different dates. Spans ('24 years') are not points in time and give no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..durations import is_duration


def readable_date(iso: str | None) -> str | None:
    """'2004-12-15' → '15 December 2004'; anything else as written."""
    if not iso:
        return None
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


_PROBES = (dt.datetime(2000, 6, 15), dt.datetime(2010, 1, 20))
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DECADE = re.compile(r"\b(1[89]\d0|20\d0)s\b")
_SHORT_DECADE = re.compile(r"(?:^|\s)[’']?([2-9]0)s\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PRECISION = {"year": 0, "month": 1, "week": 2, "day": 2, "time": 2}


@dataclass(frozen=True)
class When:
    """A resolved date, as precise as the text is."""

    day: dt.date
    period: str  # "decade", "year", "month", "week" or "day"

    @property
    def label(self) -> str:
        if self.period == "decade":
            return f"{self.day.year}s"
        if self.period == "year":
            return str(self.day.year)
        if self.period == "month":
            return f"{self.day:%B %Y}"
        if self.period == "week":
            return f"Week of {self.day.day} {self.day:%B %Y}"
        return f"{self.day.day} {self.day:%B %Y}"


@lru_cache(maxsize=64)
def _parser(base: dt.datetime):
    from dateparser.date import DateDataParser  # slow import; only when a site has dates

    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})


def _same(a: When, b: When) -> bool:
    depth = _PRECISION.get(a.period, 2)
    return (a.day.year, a.day.month, a.day.day)[: depth + 1] == (b.day.year, b.day.month, b.day.day)[
        : depth + 1
    ]


class DateResolver:
    """What date each expression names, with what dateparser made of each (expression, reference point)
    remembered: within a build (the timeline and the article pages ask for the same dates) and, through
    rows()/learn(), from one build to the next."""

    def __init__(self) -> None:
        self._parsed: dict[tuple[str, dt.datetime], When | None] = {}

    def _parse(self, text: str, base: dt.datetime) -> When | None:
        key = (text, base)
        if key not in self._parsed:
            data = _parser(base).get_date_data(text)
            self._parsed[key] = (
                None if data.date_obj is None else When(data.date_obj.date(), data.period or "day")
            )
        return self._parsed[key]

    def resolve(self, text: str, article_date: str | None) -> tuple[When | None, bool]:
        """(the date the expression names, whether it is relative); (None, False) for no date at all."""
        text = " ".join(text.split())
        if is_duration(text):
            return None, False  # '24 years' is a span, not a point in time
        decade = _DECADE.search(text)
        if decade:
            return When(dt.date(int(decade.group(1)), 1, 1), "decade"), False
        short_decade = _SHORT_DECADE.search(text)  # 'the 90s' is the 1990s in news of any recent year
        if short_decade:
            return When(dt.date(1900 + int(short_decade.group(1)), 1, 1), "decade"), False
        first, second = (self._parse(text, base) for base in _PROBES)
        if first is None or second is None:
            year = _YEAR.search(text)  # 'early 2005', 'the 2004-05 season'
            return (When(dt.date(int(year.group(1)), 1, 1), "year"), False) if year else (None, False)
        if _same(first, second):
            return first, False
        if article_date:
            try:
                base = dt.datetime.fromisoformat(article_date[:10])
            except ValueError:
                return None, True
            if text.casefold().removeprefix("on ") == _WEEKDAYS[base.weekday()]:
                return When(base.date(), "day"), True  # 'on Wednesday' in Wednesday's paper is that day
            return self._parse(text, base), True
        return None, True

    def rows(self, texts: set[str]) -> list[list]:
        """What is known of these expressions (a site's date mentions: a cache keeps no others), as JSON-ready
        [reference point, text, day or None, period or None]."""
        return [
            [base.isoformat(), text, when.day.isoformat() if when else None, when.period if when else None]
            for (text, base), when in sorted(self._parsed.items(), key=lambda kv: (kv[0][1], kv[0][0]))
            if text in texts
        ]

    def learn(self, rows: list) -> None:
        """Know what rows() of an earlier build (same dateparser) say; raises ValueError or TypeError on rows
        of another shape, having learnt none of them."""
        learnt = {}
        for base, text, day, period in rows:
            if (
                not isinstance(text, str)
                or (day is None) != (period is None)
                or not isinstance(period, (str, type(None)))
            ):
                raise ValueError("not a parsed date")
            learnt[(text, dt.datetime.fromisoformat(base))] = (
                When(dt.date.fromisoformat(day), period) if day else None
            )
        self._parsed.update(learnt)
