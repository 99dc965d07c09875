"""Document-level rules over the recogniser's mentions, one article at a time.

Pure Python (no spaCy), so each rule is tested on its own:
- each span is cut to its name, and what is no name is dropped (spans.py);
- places by gazetteer stay places (Moscow 'said' nothing: it is still a place);
- a wire dateline's capitals are a place ('DODGE CITY 1996-08-27', 'KYIV, Ukraine (AP) —');
- two places joined by a dash are two places ('U.S.-Russia');
- a state's abbreviation after a town is that state ('Cupertino, Calif.': us_states.py);
- one type per name per article, by vote;
- a mention that is part of a longer name of the article, where the text reads that name, is that name, and
  later mentions of a known name are found where the model missed them (found_again.py);
- each person mention gets the role the sentence gives it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..model import TYPE_PRIORITY, Article, EntityType, Mention, Sentence
from ..names import country_name, demonym_country, fold, is_place
from .found_again import found_again, known_names, widened
from .proposals import proposals
from .retype import Retyper, name_groups
from .roles import (
    OFFICES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    is_role_head,
    is_role_word,
    role_after,
    role_apposed_before,
    role_before,
)
from .spans import (
    DATELINE_PLACE,
    FACILITY_ENDINGS,
    ORGANIZATION_ENDINGS,
    PLACE_ENDINGS,
    is_caps_line,
    keep,
    strip_numbers,
    strip_titles,
    tidy,
)
from .us_states import states_after_towns


def _retyped(mention: Mention) -> Mention:
    """Gazetteer types: countries and cities are places, demonyms are groups; a company or
    facility word at the end of a name decides its type ('Pirelli Cables', 'Changi Prison')."""
    if mention.type is EntityType.DATE:
        return mention
    last = mention.name.split()[-1].rstrip(".").casefold() if " " in mention.name else ""
    if (
        last in ORGANIZATION_ENDINGS
        and mention.type is not EntityType.ORGANIZATION
        and not is_place(mention.name)
    ):
        return replace(mention, type=EntityType.ORGANIZATION)
    if last in PLACE_ENDINGS and (
        mention.type is EntityType.ORGANIZATION
        or (mention.type is EntityType.PERSON and last in FACILITY_ENDINGS)
    ):
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
                counter = Counter(
                    {t: n for t, n in counter.items() if t is not EntityType.PERSON}
                )  # no full name
            types[key] = min(counter, key=lambda t: (-counter[t], TYPE_PRIORITY.index(t)))
    return types


def _caps_places(sentences: Sequence[Sentence], mentions: list[Mention]) -> list[Mention]:
    """Countries in an all-caps headline, and the city of a short all-caps dateline ('BONN 1996-08-30')."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for index, sentence in enumerate(sentences):
        if not is_caps_line(sentence.text):
            continue
        words = list(re.finditer(r"[A-Za-z][\w.'’-]*", sentence.text))
        dateline = len(words) <= 4
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                chunk = words[i : i + size]
                if len(chunk) < size:
                    continue
                start, end = sentence.start + chunk[0].start(), sentence.start + chunk[-1].end()
                text = sentence.text[chunk[0].start() : chunk[-1].end()].rstrip(".")
                if len(text) < 4 or any(
                    s < start + len(text) and start < e for s, e in taken + [(m.start, m.end) for m in found]
                ):
                    continue
                if country_name(text) or (dateline and is_place(text)):
                    end = start + len(text)
                    found.append(
                        Mention(text, start, end, index, EntityType.PLACE, country_name(text) or text.title())
                    )
                    i += size - 1
                    break
            i += 1
    return found


_OFFICE_AFTER = re.compile(r"(?P<title>(?:\s+[A-Z][\w.-]*){0,3})[’']s\s+(?i:office|department)\b")


def _offices(text: str, mentions: list[Mention]) -> tuple[list[Mention], dict[str, EntityType]]:
    """The mentions with a name and an office-holder's title before "'s office" taken as that office, an
    organisation ('the Baldwin County Sheriff's office', 'the Manhattan District Attorney's Office'); and
    the offices' types by name."""
    out, types = [], {}
    for m in mentions:
        after = (
            _OFFICE_AFTER.match(text, m.end) if m.type not in (EntityType.DATE, EntityType.PERSON) else None
        )
        title = (m.text + after.group("title")).split() if after else []
        if not title or not is_role_head(title[-1]) or not all(w[:1].isupper() for w in title):
            out.append(m)
            continue
        office = text[m.start : after.end()]
        name = " ".join(office.split())
        out.append(replace(m, text=office, end=after.end(), type=EntityType.ORGANIZATION, name=name))
        types[fold(name)] = EntityType.ORGANIZATION
    return out, types


def _dateline_places(sentences: Sequence[Sentence], mentions: list[Mention]) -> list[Mention]:
    """The mentions with each dateline's place ('ZURICH 1996-08-28 Swiss bonds…') taken as a place, in place
    of what the recogniser made of its words ('DODGE' of 'DODGE CITY')."""
    found: list[Mention] = []
    for index, sentence in enumerate(sentences):
        match = DATELINE_PLACE.match(sentence.text)
        if match is None:
            continue
        text = match.group("place").rstrip(".")
        start = sentence.start + match.start("place")
        found.append(
            Mention(
                text, start, start + len(text), index, EntityType.PLACE, country_name(text) or text.title()
            )
        )
    if not found:
        return mentions
    spans = [(m.start, m.end) for m in found]
    kept = [
        m
        for m in mentions
        if m.type is EntityType.DATE or not any(s < m.end and m.start < e for s, e in spans)
    ]
    return kept + found


def _with_role(mention: Mention, sentence: Sentence, others: Sequence[Mention]) -> Mention:
    """The mention with the role its sentence gives it, and the mention of whose role it is, if the role
    names that ('Russia's' in 'Russia's chief negotiator')."""
    named = [m for m in others if m.type is not EntityType.DATE and m.start != mention.start]
    names = [(m.start - sentence.start, m.end - sentence.start) for m in named]
    start, end = mention.start - sentence.start, mention.end - sentence.start
    role = (
        role_before(sentence.text, start, names)
        or role_after(sentence.text, end, names)
        or role_apposed_before(sentence.text, start, end, names)
    )
    if role is None:
        return mention
    inside = [
        m for m in named if role.start <= m.start - sentence.start and m.end - sentence.start <= role.end
    ]
    owner = next((m for m in inside if _owns(m, role.text, sentence)), None)
    return replace(mention, role=role.text, role_of=owner.start if owner else None)


_TIMES = frozenset({"former", "acting", "then", "ex", "interim", "outgoing", "new"})
_OWNER_TYPES = frozenset({EntityType.PLACE, EntityType.ORGANIZATION, EntityType.PERSON, EntityType.GROUP})


def _owns(owner: Mention, role: str, sentence: Sentence) -> bool:
    """Whether the role is the owner's: 'Home' is no owner of 'Home Secretary', 'Madrid' none of 'Real Madrid
    general manager' (a longer name), 'British' none of 'British director' (a nationality, not an office)."""
    if owner.type not in _OWNER_TYPES or fold(owner.text) in ROLE_MODIFIERS:
        return False
    before = re.findall(
        r"[\w’'.-]+(?= $)", sentence.text[: owner.start - sentence.start]
    )  # the word next to it
    # A capitalised word right before it makes a longer name ('Real Madrid'), but for 'Former Tory leader'.
    opening = before and sentence.text.startswith(before[-1]) and fold(before[-1]) in _TIMES
    if before and before[-1][:1].isupper() and not opening:
        return False
    after = re.match(r" ([\w’'.-]+)", sentence.text[owner.end - sentence.start :])
    if after and after.group(1)[:1].isupper() and not is_role_word(after.group(1)):
        return False  # 'London Irish coach': London is part of a longer name
    heads = [w for w in fold(role).split() if w in ROLE_HEADS]
    return owner.type is not EntityType.GROUP or bool(heads and heads[-1] in OFFICES)


_PAIR = re.compile(r"^(?P<a>[^\s–-][^–-]*?)[–-](?P<b>[^\s–-][^–-]*)$")


def _place_pair(mention: Mention) -> list[Mention] | None:
    """'U.S.-Russia' (in 'U.S.-Russia ties'), 'Russia-Ukraine': two places joined by a dash, two mentions."""
    pair = _PAIR.match(mention.text)
    if not pair or country_name(mention.name) or is_place(mention.name):  # 'Guinea-Bissau' is one place
        return None
    if not all(country_name(part) or is_place(part) for part in pair.group("a", "b")):
        return None
    return [
        replace(
            mention,
            text=pair.group(side),
            start=mention.start + pair.start(side),
            end=mention.start + pair.end(side),
            name=pair.group(side),
            type=EntityType.PLACE,
        )
        for side in ("a", "b")
    ]


def named(
    article: Article, mentions: Sequence[Mention]
) -> tuple[list[Mention], list[EntityType], dict[str, EntityType]]:
    """The spans cut to names (what is no name dropped) with the gazetteer's types, the recogniser's type of
    each, and one voted type per name."""
    kept, model_types = [], []
    for mention in mentions:
        stripped = strip_titles(tidy(strip_numbers(mention)))
        if stripped is not None and stripped.name and keep(stripped, article.text):
            for part in _place_pair(stripped) or [stripped]:
                kept.append(_retyped(part))
                model_types.append(part.type)
    return kept, model_types, _voted_types(kept)


def _without_held(mentions: list[Mention], longer: list[Mention]) -> list[Mention]:
    """The mentions that no longer name holds ('India' once 'Reserve Bank of India' is taken)."""
    spans = sorted((m.start, m.end) for m in longer)
    starts = [s for s, _ in spans]
    kept = []
    for m in mentions:
        k = bisect_right(starts, m.start) - 1
        if k < 0 or spans[k][1] < m.end:
            kept.append(m)
    return kept


def refine(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    retyper: Retyper | None = None,
) -> list[Mention]:
    """The article's mentions after the document-level rules (and the learned re-typer), in text order."""
    kept, model_types, types = named(article, mentions)
    decided: dict[str, EntityType | None] = dict(types)
    if retyper is not None:
        offered = proposals(article, sentences, kept, set(types))
        decided.update(retyper.retype(article, sentences, name_groups(kept, model_types, types) + offered))
        longer = [m for group in offered if decided[group.key] is not None for m in group.mentions]
        kept = _without_held(kept, longer) + longer
    kept = [
        m if m.type is EntityType.DATE else replace(m, type=decided[fold(m.name)])
        for m in kept
        if m.type is EntityType.DATE or decided[fold(m.name)] is not None
    ]
    types = {key: kind for key, kind in decided.items() if kind is not None}
    kept, offices = _offices(article.text, kept)
    types.update(offices)
    kept = widened(article, kept, types)
    kept += found_again(article, sentences, kept, known_names(kept, types))
    kept = _dateline_places(sentences, kept)
    kept = states_after_towns(article.text, sentences, kept)
    kept += _caps_places(sentences, kept)
    kept.sort(key=lambda m: (m.start, m.end))
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in kept:
        by_sentence[m.sentence].append(m)
    return [
        _with_role(m, sentences[m.sentence], by_sentence[m.sentence]) if m.type is EntityType.PERSON else m
        for m in kept
    ]
