"""Where an article names again what it named: mentions the recogniser missed, or cut short.

- a mention that is part of a longer name the article holds, where the text
  reads that name, is that name ('Cambridge' in 'Cambridge Analytica');
- a known name (and the surname of each person named in full) is found again
  where the recogniser passed it over, unless it is part of a longer name there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..model import Article, EntityType, Mention, Sentence
from ..names import fold
from .roles import is_honorific, is_role_word
from .spans import is_caps_line


def known_names(
    mentions: Sequence[Mention], types: dict[str, EntityType]
) -> dict[str, tuple[str, EntityType]]:
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
    after = re.match(r" ([A-Z][\w’'-]*)", text[end : end + 40])
    before = re.search(r"([A-Z][\w-]*) $", text[max(0, start - 40) : start])
    if after:
        return True
    return bool(before and not is_role_word(before.group(1)) and not is_honorific(before.group(1)))


def found_again(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: list[Mention],
    known: dict[str, tuple[str, EntityType]],
) -> list[Mention]:
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
        caps = is_caps_line(sentence.text)
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


def widened(article: Article, mentions: list[Mention], types: dict[str, EntityType]) -> list[Mention]:
    """Mentions that are part of a longer name of the article, where the text reads that name, made that
    name: 'Cambridge' in 'Cambridge Analytica', 'Xbox One' in 'Xbox One X', 'May' (a date) in 'Theresa
    May'."""
    longer = sorted({m.name for m in mentions if m.type is not EntityType.DATE and " " in m.name}, key=len)
    if not longer:
        return mentions
    spelled = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in reversed(longer))
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    taken: set[int] = set()
    wider = []
    for match in re.finditer(rf"(?<![\w-])(?:{spelled})(?![\w-])", article.text):
        start, end = match.span()
        first = bisect_left(starts, start)
        last = bisect_left(starts, end)
        inside = ordered[first:last]
        name = " ".join(match.group().split())
        if (
            not inside
            or (first and ordered[first - 1].end > start)  # a mention crosses its start
            or any(m.end > end for m in inside)
            or any((m.start, m.end) == (start, end) for m in inside)  # named in full there already
            or fold(name) not in types
        ):
            continue
        taken.update(id(m) for m in inside)
        wider.append(
            Mention(article.text[start:end], start, end, inside[0].sentence, types[fold(name)], name)
        )
    return [m for m in mentions if id(m) not in taken] + wider
