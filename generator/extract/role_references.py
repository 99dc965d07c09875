"""Role phrases that stand for a person named before: "Russia's President", "the Russian leader", "the prime
minister", "the Kremlin chief".

Such a phrase stands for the one person named earlier in the article whose role it matches: the same role
word (or "leader", "chief", "head" for a head of state or government), former or not alike, and the same
country or organisation where both say one. With no single such person, nothing is resolved; a phrase left
unresolved that is a clause's subject is kept, since a later "he" may be that person (coref.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import EntityType, Mention, Reference, Sentence
from ..names import country_name, demonym_country, fold
from .people import ArticlePeople, is_subject, overlaps
from .roles import ROLE_HEADS, ROLE_MODIFIERS, is_role_word

SEATS_OF_POWER = {
    "kremlin": "Russia",
    "white house": "United States",
    "downing street": "United Kingdom",
    "elysee": "France",
    "elysee palace": "France",
    "blue house": "South Korea",
    "zhongnanhai": "China",
}
HEADS_OF_STATE = frozenset(
    "president premier chancellor king queen emperor leader monarch ruler dictator pope".split()
)
GENERAL_HEADS = frozenset({"leader", "chief", "head"})
_HEAD = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, ROLE_HEADS), key=len, reverse=True)) + r")\b", re.I
)


@dataclass(frozen=True)
class _Holder:
    """A person named with a role: who holds which role word, for which country or organisation."""

    name: str
    start: int
    head: str
    owner: str | None
    top: bool  # a head of state or government
    former: bool  # "former President Bill Clinton" is not "the president"


def _owner_key(name: str) -> str:
    """One key for a country however it is named (Russia, Russian, the Kremlin) or an organisation's."""
    key = fold(name).removesuffix("'s").removeprefix("the ")
    return fold(SEATS_OF_POWER.get(key) or country_name(key) or demonym_country(key) or key)


def _holders(people: ArticlePeople) -> list[_Holder]:
    by_start = {m.start: m for m in people.mentions}
    holders = []
    for m in people.people:
        if not m.role or m.refers:
            continue
        words = [w.casefold().rstrip(".") for w in re.findall(r"[\w.-]+", m.role)]
        heads = [w for w in words if w in ROLE_HEADS]
        owner = by_start.get(m.role_of) if m.role_of is not None else None
        owner_key = None
        if owner is not None:
            owner_key = (
                fold(people.key(owner.name)) if owner.type is EntityType.PERSON else _owner_key(owner.name)
            )
        for word in words:  # 'Russian President' where 'Russian' was not recognised as a name
            if owner_key is None and (demonym_country(word) or country_name(word)):
                owner_key = _owner_key(word)
        top = heads[-1] in HEADS_OF_STATE or "prime minister" in " ".join(words)
        former = bool({"former", "ex"} & set(words))
        holders.append(_Holder(people.key(m.name), m.start, heads[-1], owner_key, top, former))
    return holders


def role_references(people: ArticlePeople, mentions: list[Mention]) -> list[Mention]:
    holders = _holders(people)
    text, found = people.article.text, []
    for index, sentence in enumerate(people.sentences):
        for match in _HEAD.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            reference = _role_phrase(text, start, end, mentions, sentence, people.key)
            if reference is None or overlaps(mentions, start, end):
                continue
            phrase_start, owner = reference
            head = match.group(1).casefold()
            former = bool(re.search(r"\b(former|ex)\b", text[phrase_start:start], re.I))
            candidates = {
                h.name
                for h in holders
                if h.start < start
                and h.former == former
                and (h.head == head or (head in GENERAL_HEADS and h.top))
                and (owner is None or h.owner is None or h.owner == owner)
            }
            if owner is not None and len(candidates) > 1:
                candidates = {h.name for h in holders if h.name in candidates and h.owner == owner}
            phrase = text[phrase_start:end]
            if len(candidates) == 1:
                name = candidates.pop()
                found.append(
                    Mention(phrase, phrase_start, end, index, EntityType.PERSON, name, refers=Reference.ROLE)
                )
            else:
                unnamed = Mention(phrase, phrase_start, end, index, EntityType.PERSON, "")
                if is_subject(unnamed, sentence, text):
                    people.unnamed_subjects.append(unnamed)
    return found


def _role_phrase(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    sentence: Sentence,
    key: Callable[[str], str],
) -> tuple[int, str | None] | None:
    """For a role word at text[start:end] with no name after it: where the phrase's role words start, and
    the owner it names ('Russia's', 'Russian', 'of Russia', 'the Kremlin'), if any. None for a title
    ('President Putin'), an indefinite ('a president'), or a phrase that is no reference."""
    after = text[end : sentence.end]
    following = re.match(r"\s+([\w.-]+)", after)
    if re.match(r"\s*[A-Z]|[\w-]|,\s+[A-Z]", after) or (following and is_role_word(following.group(1))):
        return None  # a title before a name, a longer word, an apposition ('the leader, Kim'), or a modifier
    owner = None
    of = re.match(r"\s+(?:of|for)\s+(?:the\s+)?", after)
    if of:
        named = next((m for m in mentions if m.start == end + of.end()), None)
        if named is None:
            return None  # 'the president of the club': an owner the rules cannot tell
        owner = _owner_key(named.name)
    words = list(re.finditer(r"[\w’'.-]+", text[sentence.start : start]))
    phrase_start = start
    while words and words[-1].group().casefold() in ROLE_MODIFIERS:
        phrase_start = sentence.start + words.pop().start()
    if not words:
        return None
    word = words[-1].group()
    at = sentence.start + words[-1].start()
    named = next((m for m in mentions if m.start <= at < m.end), None)
    if word.casefold() in ("a", "an", "another", "every", "each", "no", "any"):
        return None
    if named is not None and named.type is not EntityType.PERSON:
        return phrase_start, owner or _owner_key(named.name)
    if named is not None:  # a person's: 'Trump's envoy'
        return phrase_start, owner or fold(key(named.name))
    if fold(word) in SEATS_OF_POWER or demonym_country(word):
        return phrase_start, owner or _owner_key(word)
    if word.casefold() == "the":
        return phrase_start, owner
    return None
