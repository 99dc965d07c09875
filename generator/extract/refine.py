"""Document-level rules over the recogniser's mentions, one article at a time.

Pure Python (no spaCy), so each rule is tested on its own:
- a span is cut to its name: possessive, leading article and edge punctuation off;
- drop what is no name: durations tagged as dates, bare titles ('President'),
  lowercase words, a word after 'a'/'an' ('a State Guest House');
- strip titles from person names ('President Putin' → 'Putin') and keep them as roles;
- places by gazetteer stay places (Moscow 'said' nothing: it is still a place);
- one type per name per article, by vote;
- later mentions of a known name are found where the model missed them;
- each person mention gets the role the sentence gives it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..durations import is_duration
from ..model import TYPE_PRIORITY, Article, EntityType, Mention, Sentence
from ..names import country_name, demonym_country, fold, is_place
from .roles import is_honorific, is_role_head, is_role_word, role_after, role_before

_FREQUENCY = re.compile(r"^(?:annual|annually|daily|weekly|monthly|yearly|quarterly|hourly|nightly)$", re.I)
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:a|an)\s+$", re.I)
_MAX_TITLE_WORDS = 4
MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
NAME_PARTICLES = frozenset("de van von al bin ibn da di la le du der den ter ten el dos das del della".split())
ORGANIZATION_ENDINGS = frozenset("""inc corp co ltd plc llc spa ag sa nv bv gmbh group bank holdings
company corporation cables industries airlines airways motors mining telecom systems party ministry
agency council committee association union university institute federation""".split())
PLACE_ENDINGS = frozenset("""prison airport hospital street avenue road river lake mountains mountain
island islands bay valley square bridge province county district region city""".split())
FACILITY_ENDINGS = frozenset("prison airport hospital province district region".split())  # never surnames
# Time zones and units the recogniser takes for organisations.
NOT_NAMES = frozenset("gmt utc est edt cst cdt pst pdt bst cet cest mln bln pct".split())


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


def _is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _strip_titles(mention: Mention) -> Mention | None:
    """'President Putin' → 'Putin' (the title stays in the text for the role); None if only a title."""
    words = list(re.finditer(r"\S+", mention.text))
    drop = 0
    while drop < len(words) and drop < _MAX_TITLE_WORDS and (
        is_honorific(words[drop].group()) or (is_role_word(words[drop].group()) and words[drop].group()[:1].isupper())
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


def _strip_numbers(mention: Mention) -> Mention:
    """'Seoul 1996-08-31', 'Stamper 3-1': a date or a score stuck to a name ('Interstate 95' keeps its number)."""
    if mention.type is EntityType.DATE:
        return mention
    if mention.type is EntityType.EVENT:
        return mention
    match = re.search(r"(?:\s+(?:\d+[-/,:]\d[\d,.:/-]*|\d{4,}))+$", mention.text)
    if not match or match.start() == 0:
        return mention
    text = mention.text[:match.start()]
    return replace(mention, text=text, end=mention.start + len(text), name=" ".join(text.split()))


def _trim(mention: Mention, start: int, end: int) -> Mention:
    """The mention cut to mention.text[start:end], edge spaces and punctuation off."""
    text = mention.text[start:end]
    lead = len(text) - len(text.lstrip(" \t\n\"'“”‘’([-–—,;:"))
    text = text[lead:].rstrip(" \t\n\"'“”‘’)-–—,;:.")
    begin = mention.start + start + lead
    return replace(mention, text=text, start=begin, end=begin + len(text), name=" ".join(text.split()))


def _tidy(mention: Mention) -> Mention:
    """Cuts that make a span a name: an open '(' ('League for Democracy (NLD'), a heading dash
    ('Britain - gilts': the longest capitalised part), a leading month
    ('August Chicago NAPM'), leading lowercase words ('broker Khurshid Alam') and trailing ones
    ('Interfax news agency'): a proper name begins and ends with a capital or a digit."""
    if mention.type is EntityType.DATE:
        return mention
    text = mention.text
    if "(" in text and ")" not in text[text.index("("):] and text.index("(") > 0:
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
    while last - 1 > first and mention.type is not EntityType.PERSON and words[last - 1].group()[:1].islower():
        last -= 1
    if words and (first, last) != (0, len(words)):
        mention = _trim(mention, words[first].start(), words[last - 1].end())
    return mention


def _keep(mention: Mention, article_text: str) -> bool:
    if mention.type is EntityType.DATE:
        return not is_duration(mention.text) and not _FREQUENCY.match(mention.text)
    if not (mention.name[:1].isupper() or mention.name[:1].isdigit()) or mention.name.casefold() in NOT_NAMES:
        return False
    if " " not in mention.name and mention.type is not EntityType.GROUP:
        # 'a State Guest House': a piece of a longer name the model cut, not a name of its own.
        after_indefinite = _INDEFINITE_BEFORE.search(article_text[max(0, mention.start - 4):mention.start])
        if after_indefinite and re.match(r" [A-Z]", article_text[mention.end:mention.end + 2]):
            return False
    return True


def _retyped(mention: Mention) -> Mention:
    """Gazetteer types: countries and cities are places, demonyms are groups; a company or
    facility word at the end of a name decides its type ('Pirelli Cables', 'Changi Prison')."""
    if mention.type is EntityType.DATE:
        return mention
    last = mention.name.split()[-1].rstrip(".").casefold() if " " in mention.name else ""
    if last in ORGANIZATION_ENDINGS and mention.type is not EntityType.ORGANIZATION and not is_place(mention.name):
        return replace(mention, type=EntityType.ORGANIZATION)
    if last in PLACE_ENDINGS and (mention.type is EntityType.ORGANIZATION or
                                  (mention.type is EntityType.PERSON and last in FACILITY_ENDINGS)):
        return replace(mention, type=EntityType.PLACE)
    if mention.type is EntityType.PERSON or mention.type is EntityType.GROUP:
        # Many people are named after cities (Nancy, Florence); none after a country.
        if country_name(mention.name):
            return replace(mention, type=EntityType.PLACE)
    elif is_place(mention.name):
        return replace(mention, type=EntityType.PLACE)
    if mention.type is not EntityType.GROUP and demonym_country(mention.name) and not is_place(mention.name):
        return replace(mention, type=EntityType.GROUP)
    return mention


def _voted_types(mentions: Sequence[Mention]) -> dict[str, EntityType]:
    """One type per name in the article: the most frequent, gazetteer places always places."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[fold(m.name)][m.type] += 1
    full_names = [fold(m.name).split() for m in mentions if m.type is EntityType.PERSON and " " in m.name]
    surnames = {tokens[-1] for tokens in full_names}
    person_tokens = {t for tokens in full_names for t in tokens}
    types = {}
    for key, counter in votes.items():
        single = " " not in key
        if single and (key in surnames or (key in person_tokens and not is_place(key))):
            types[key] = EntityType.PERSON  # 'Putin' after 'Vladimir Putin', whatever the model said
        elif EntityType.PLACE in counter and is_place(key):
            types[key] = EntityType.PLACE
        else:
            if single and len(counter) > 1:
                counter = Counter({t: n for t, n in counter.items() if t is not EntityType.PERSON})  # no full name
            types[key] = min(counter, key=lambda t: (-counter[t], TYPE_PRIORITY.index(t)))
    return types


def _known_names(mentions: Sequence[Mention], types: dict[str, EntityType]) -> dict[str, tuple[str, EntityType]]:
    """Spellings to look for again → (name, type): every name, and the surname of each full name."""
    known: dict[str, tuple[str, EntityType]] = {}
    for m in mentions:
        if m.type is EntityType.DATE or len(m.name) < 2:
            continue
        known.setdefault(m.name, (m.name, types[fold(m.name)]))
        if types[fold(m.name)] is EntityType.PERSON and " " in m.name:
            surname = m.name.split()[-1]
            if len(surname) > 2 and surname[:1].isupper() and not is_role_word(surname):
                known.setdefault(surname, (surname, EntityType.PERSON))
    return known


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """'Kim' in 'Kim Yo Jong', 'Moscow' in 'Moscow State University': part of a name the model missed."""
    after = re.match(r" ([A-Z][\w’'-]*)", text[end:end + 40])
    before = re.search(r"([A-Z][\w-]*) $", text[max(0, start - 40):start])
    if after:
        return True
    return bool(before and not is_role_word(before.group(1)) and not is_honorific(before.group(1)))


def _found_again(article: Article, sentences: Sequence[Sentence], mentions: list[Mention],
                 known: dict[str, tuple[str, EntityType]]) -> list[Mention]:
    if not known:
        return []
    spellings = sorted(known, key=len, reverse=True)
    pattern = r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?![\w-]|[’']\w\w)"
    exact, loose = re.compile(pattern), re.compile(pattern, re.I)
    by_fold = {fold(s): s for s in spellings}
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    found = []
    for index, sentence in enumerate(sentences):
        caps = _is_caps_line(sentence.text)
        for match in (loose if caps else exact).finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            i = bisect_right(starts, end) - 1
            if i >= 0 and taken[i][1] > start:
                continue  # overlaps a mention the model found
            if not caps and _inside_longer_name(article.text, start, end):
                continue
            spelling = by_fold.get(fold(match.group())) or match.group()
            name, entity_type = known[spelling]
            found.append(Mention(article.text[start:end], start, end, index, entity_type, name))
    return found


def _caps_places(sentences: Sequence[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Countries in an all-caps headline, and the city of a short all-caps dateline ('BONN 1996-08-30')."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for index, sentence in enumerate(sentences):
        if not _is_caps_line(sentence.text):
            continue
        words = list(re.finditer(r"[A-Za-z][\w.'’-]*", sentence.text))
        dateline = len(words) <= 4
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                chunk = words[i:i + size]
                if len(chunk) < size:
                    continue
                start, end = sentence.start + chunk[0].start(), sentence.start + chunk[-1].end()
                text = sentence.text[chunk[0].start():chunk[-1].end()].rstrip(".")
                if len(text) < 4 or any(s < start + len(text) and start < e for s, e in taken + [(m.start, m.end) for m in found]):
                    continue
                if country_name(text) or (dateline and is_place(text)):
                    end = start + len(text)
                    found.append(Mention(text, start, end, index, EntityType.PLACE, country_name(text) or text.title()))
                    i += size - 1
                    break
            i += 1
    return found


def _with_role(mention: Mention, sentence: Sentence, others: Sequence[Mention]) -> Mention:
    names = [(m.start - sentence.start, m.end - sentence.start) for m in others
             if m.type is not EntityType.PERSON and m.type is not EntityType.DATE]
    start, end = mention.start - sentence.start, mention.end - sentence.start
    role = role_before(sentence.text, start, names) or role_after(sentence.text, end, names)
    return replace(mention, role=role) if role else mention


def refine(article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Mention]:
    """The article's mentions after the document-level rules, in text order."""
    kept = []
    for mention in mentions:
        stripped = _strip_titles(_tidy(_strip_numbers(mention)))
        if stripped is not None and stripped.name and _keep(stripped, article.text):
            kept.append(_retyped(stripped))
    types = _voted_types(kept)
    kept = [replace(m, type=types[fold(m.name)]) if m.type is not EntityType.DATE else m for m in kept]
    kept += _found_again(article, sentences, kept, _known_names(kept, types))
    kept += _caps_places(sentences, kept)
    kept.sort(key=lambda m: (m.start, m.end))
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in kept:
        by_sentence[m.sentence].append(m)
    return [_with_role(m, sentences[m.sentence], by_sentence[m.sentence]) if m.type is EntityType.PERSON else m
            for m in kept]
