"""A recogniser's span cut to the name it holds: possessive, leading article and edge punctuation off, titles
off a person's name (kept for the role), dates and scores off a name's end; and what is no name at all.

Pure Python (no spaCy), each cut tested on its own (tests/test_extract_rules.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..durations import is_duration
from ..model import EntityType, Mention
from ..names import fold
from .roles import ROLE_MODIFIERS, is_honorific, is_role_head, is_role_word

_FREQUENCY = re.compile(r"^(?:annual|annually|daily|weekly|monthly|yearly|quarterly|hourly|nightly)$", re.I)
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:a|an)\s+$", re.I)
_MAX_TITLE_WORDS = 4
MONTHS = frozenset(
    """january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# What ties a date expression to a point in time: a number, a month or day's name, a season or holiday, or
# a word relating it to now ('last week', 'a decade ago'). 'Weeks', 'every day', 'the neon century' have none.
_DATE_ANCHOR = re.compile(
    rf"\d|\b(?:{'|'.join(sorted(MONTHS))})\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?\b|"
    r"\b(?:spring|summer|autumn|fall|winter|christmas|easter|ramadan|eid|new year|thanksgiving|hanukkah|"
    r"diwali)\b|"
    r"\b(?:today|tonight|yesterday|tomorrow|ago|last|next|this|that|these|those|earlier|later|previous|"
    r"recent|recently|coming|past|current|now|following|former|the year|weekend)\b|"
    # a period of the year the article is about: 'the fourth quarter', 'full-year', 'the same period'
    r"\b(?:(?:first|second|third|fourth|final) (?:quarter|half)|full-year|half-year|mid-\w+|"
    r"same (?:year|period|month|week|day|quarter)|(?:year|month|week|day|quarter)s? (?:before|earlier|later)|"
    r"end of the (?:year|decade|month|week|day|quarter))\b",
    re.I,
)
NAME_PARTICLES = frozenset(
    "de van von al bin ibn da di la le du der den ter ten el dos das del della".split()
)
# Words that open a question, capitalised only for that ('Is Trump's worldview this malleable?'): no name's.
QUESTION_OPENERS = frozenset(
    "is are was were does did has have had how why what when where which whose".split()
)
# Time zones and units the recogniser takes for organisations.
NOT_NAMES = frozenset("gmt utc est edt cst cdt pst pdt bst cet cest mln bln pct".split())

ORGANIZATION_ENDINGS = frozenset(
    """inc corp co ltd plc llc spa ag sa nv bv gmbh group bank holdings
company corporation cables industries airlines airways motors mining telecom systems party ministry
agency council committee association union university institute federation""".split()
)
PLACE_ENDINGS = frozenset(
    """prison airport hospital street avenue road river lake mountains mountain
island islands bay valley square bridge province county district region city""".split()
)
FACILITY_ENDINGS = frozenset("prison airport hospital province district region".split())  # never surnames


# A wire dateline opening a story: the place in capitals, then a date or the agency ('ZURICH 1996-08-28',
# 'MOSCOW, Feb 10 (Reuters) -', 'KYIV, Ukraine (AP) —'). By the convention its capitals name a place.
DATELINE_PLACE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?)?,?\s*"
    r"(?:(?:19|20)\d\d-\d\d-\d\d\b|\((?:Reuters|AP|AFP|UPI|Bloomberg|dpa)\)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)


def is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8


_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_EDGE_PUNCT = "\"'“”‘’.,;:!?()[]{}<>-–—"


def clean_span(text: str) -> tuple[int, int]:
    """Start and end (relative to text) of a name without possessive, leading article or edge punctuation."""
    start, end = 0, len(text)
    while True:
        before = (start, end)
        chunk = text[start:end]
        possessive = _POSSESSIVE.search(chunk)
        if possessive and possessive.start() > 0 and (possessive.group(0) != "'" or chunk.endswith("s'")):
            end = start + possessive.start()
        chunk = text[start:end]
        article = _LEADING_ARTICLE.match(chunk)
        if article and article.end() < len(chunk):
            start += article.end()
        while start < end and (text[start] in _EDGE_PUNCT or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
            end -= 1
        if (start, end) == before:
            return start, end


def strip_titles(mention: Mention) -> Mention | None:
    """'President Putin' → 'Putin' (the title stays in the text for the role); None if only a title."""
    words = list(re.finditer(r"\S+", mention.text))
    drop = 0
    while (
        drop < len(words)
        and drop < _MAX_TITLE_WORDS
        and (
            is_honorific(words[drop].group())
            or (is_role_word(words[drop].group()) and words[drop].group()[:1].isupper())
        )
    ):
        drop += 1
    if drop == len(words):
        # A bare title ('President', 'Prime Minister') is no name; 'Labour Party' is one.
        return None if any(is_role_head(w.group()) for w in words) else mention
    if drop == 0 or mention.type is not EntityType.PERSON:
        return mention
    cut = words[drop].start()
    text = mention.text[cut:]
    return replace(mention, text=text, start=mention.start + cut, name=" ".join(text.split()))


def strip_numbers(mention: Mention) -> Mention:
    """'Seoul 1996-08-31', 'Stamper 3-1': a date or a score stuck to a name ('Interstate 95' keeps its
    number)."""
    if mention.type is EntityType.DATE:
        return mention
    if mention.type is EntityType.EVENT:
        return mention
    match = re.search(r"(?:\s+(?:\d+[-/,:]\d[\d,.:/-]*|\d{4,}))+$", mention.text)
    if not match or match.start() == 0:
        return mention
    text = mention.text[: match.start()]
    return replace(mention, text=text, end=mention.start + len(text), name=" ".join(text.split()))


def _trim(mention: Mention, start: int, end: int) -> Mention:
    """The mention cut to mention.text[start:end], edge spaces and punctuation off."""
    text = mention.text[start:end]
    lead = len(text) - len(text.lstrip(" \t\n\"'“”‘’([-–—,;:"))
    text = text[lead:].rstrip(" \t\n\"'“”‘’)-–—,;:.")
    begin = mention.start + start + lead
    return replace(mention, text=text, start=begin, end=begin + len(text), name=" ".join(text.split()))


def without_question_opener(mention: Mention) -> Mention:
    """'Is Trump' → 'Trump': a question's first word, capitalised for that alone, is no part of a name."""
    first = re.match(r"(\S+)\s+(?=\S)", mention.text)
    if first and first.group(1).istitle() and first.group(1).casefold() in QUESTION_OPENERS:
        return _trim(mention, first.end(), len(mention.text))
    return mention


def tidy(mention: Mention) -> Mention:
    """Cuts that make a span a name: a question's first word ('Is Trump'), an open '(' ('League for
    Democracy (NLD'), a heading dash ('Britain - gilts': the longest capitalised part), a leading month
    ('August Chicago NAPM'), leading lowercase words ('broker Khurshid Alam') and trailing ones ('Interfax
    news agency'): a proper name begins and ends with a capital or a digit."""
    if mention.type is EntityType.DATE:
        return mention
    mention = without_question_opener(mention)
    text = mention.text
    if "(" in text and ")" not in text[text.index("(") :] and text.index("(") > 0:
        mention = _trim(mention, 0, text.index("("))
    if " - " in mention.text:
        parts = [m for m in re.finditer(r"[^-–—]+", mention.text) if m.group().strip()[:1].isupper()]
        if parts:
            longest = max(parts, key=lambda m: len(m.group().split()))  # the first of the longest
            mention = _trim(mention, longest.start(), longest.end())
    words = list(re.finditer(r"\S+", mention.text))
    first = 0
    while first < len(words) - 1 and (
        words[first].group().rstrip(".").casefold() in MONTHS
        or (words[first].group()[:1].islower() and words[first].group().casefold() not in NAME_PARTICLES)
    ):
        first += 1
    last = len(words)
    while (
        last - 1 > first and mention.type is not EntityType.PERSON and words[last - 1].group()[:1].islower()
    ):
        last -= 1
    if words and (first, last) != (0, len(words)):
        mention = _trim(mention, words[first].start(), words[last - 1].end())
    return mention


def keep(mention: Mention, article_text: str) -> bool:
    if mention.type is EntityType.DATE:
        return (
            not is_duration(mention.text)
            and not _FREQUENCY.match(mention.text)
            and bool(_DATE_ANCHOR.search(mention.text))
        )
    if not (mention.name[:1].isupper() or mention.name[:1].isdigit()) or mention.name.casefold() in NOT_NAMES:
        return False
    if mention.type is not EntityType.EVENT and not any(c.isalpha() for c in mention.name):
        return False  # '7:40.53', '2-1': a time or a score taken for a name ('9/11' is an event)
    following = re.match(r" ([\w.-]+)", article_text[mention.end : mention.end + 30])
    if fold(mention.name) in ROLE_MODIFIERS and following and is_role_head(following.group(1)):
        return False  # 'Home' in 'Home Secretary Charles Clarke': a title's word, not a name
    if " " not in mention.name and mention.type is not EntityType.GROUP:
        # 'a State Guest House': a piece of a longer name the model cut, not a name of its own.
        after_indefinite = _INDEFINITE_BEFORE.search(article_text[max(0, mention.start - 4) : mention.start])
        if after_indefinite and re.match(r" [A-Z]", article_text[mention.end : mention.end + 2]):
            return False
    return True
