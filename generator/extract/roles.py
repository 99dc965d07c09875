"""Roles: the title a sentence gives a person, found by word patterns (no parser).

'Russian President Vladimir Putin' → 'Russian President';
'North Korean leader Kim Jong Un' → 'North Korean leader';
'Tony Blair, the British prime minister,' → 'British prime minister'.
A role is a run of role words and names (demonyms, countries, organisations)
that ends in a role noun, right before the name or in an apposition after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..names import demonym_country, is_place

ROLE_HEADS = frozenset(
    """
president president-elect leader minister premier chancellor king queen prince princess emperor pope
secretary secretary-general spokesman spokeswoman spokesperson chairman chairwoman chair ceo director
governor mayor senator sen ambassador envoy commander chief head judge justice general lawyer official
diplomat coach manager captain analyst economist editor correspondent founder owner dictator colonel
admiral marshal officer adviser advisor aide counsel candidate nominee mp lawmaker legislator prosecutor
attorney ruler monarch negotiator striker midfielder goalkeeper rep gov gen col lt cardinal archbishop
bishop rabbi imam cleric sheikh ayatollah activist dissident tycoon billionaire businessman businesswoman
banker boss inspector commissioner superintendent sergeant professor executive strategist chairperson
sheriff coroner treasurer comptroller
""".split()
)
# The role heads that are an office of a country: with a demonym, the country's ('Russian President'); any
# other with a demonym is a nationality ('British director').
OFFICES = frozenset(
    """
president president-elect leader minister premier chancellor king queen prince princess emperor secretary
secretary-general ambassador envoy governor senator sen general gen commander official diplomat negotiator
spokesman spokeswoman spokesperson prosecutor attorney ruler monarch dictator mp lawmaker legislator rep gov
chief head adviser advisor aide counsel
""".split()
)
ROLE_MODIFIERS = frozenset(
    """
former acting deputy vice foreign prime defence defense finance interior home state supreme top senior
junior first opposition party military security trade economy economic justice health education energy
oil labor labour national then ex managing parliamentary majority minority chief general assistant
associate communist socialist conservative liberal republican democratic independent rebel army navy
police intelligence central bank team club regional provincial local federal deputy-prime ruling
transport environment culture agriculture industry treasury communications sport science technology
employment immigration housing pensions work welfare
""".split()
)
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady mr. mrs. ms. dr. messrs".split())
CONNECTORS = frozenset(["of", "for", "at"])
PREPOSITIONS = frozenset("to with by from of for at in on about against after before".split())
_WORD = re.compile(r"[^\s,;:()\"“”]+")
_MAX_ROLE_WORDS = 7


@dataclass(frozen=True)
class RoleSpan:
    """A role found in a sentence: its words and their offsets in the sentence's text."""

    text: str
    start: int
    end: int


def _bare(word: str) -> str:
    return word.rstrip(".").casefold() if word.lower() not in HONORIFICS else word.casefold()


def is_role_word(word: str) -> bool:
    """A word that may stand in a title ('President', 'prime', 'minister')."""
    bare = word.rstrip(".").casefold()
    return bare in ROLE_HEADS or bare in ROLE_MODIFIERS


def is_role_head(word: str) -> bool:
    """A noun that ends a title ('President', 'leader', 'minister')."""
    return word.rstrip(".").casefold() in ROLE_HEADS


def is_honorific(word: str) -> bool:
    return word.casefold() in HONORIFICS or word.rstrip(".").casefold() in HONORIFICS


def _is_name_word(text: str, start: int, end: int, names: Sequence[tuple[int, int]]) -> bool:
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if any(s <= start and end <= e for s, e in names):
        return True
    bare = re.sub(r"[’']s$", "", word)
    return is_place(bare) or demonym_country(bare) is not None


def _accept(words: list[tuple[int, int]], text: str, names: Sequence[tuple[int, int]]) -> RoleSpan | None:
    """The role among words (in text order) if it is one: ends in a role noun or in 'of' + name."""
    while words and text[words[0][0] : words[0][1]].casefold() in CONNECTORS:
        words = words[1:]
    if not words or len(words) > _MAX_ROLE_WORDS:
        return None
    bares = [text[s:e].rstrip(".").casefold() for s, e in words]
    head_at = max((i for i, b in enumerate(bares) if b in ROLE_HEADS), default=None)
    if head_at is None:
        return None
    tail = bares[head_at + 1 :]
    if tail and (tail[0] not in CONNECTORS or any(b in CONNECTORS for b in tail[1:])):
        return None
    return RoleSpan(text[words[0][0] : words[-1][1]], words[0][0], words[-1][1])


def role_before(text: str, start: int, names: Sequence[tuple[int, int]]) -> RoleSpan | None:
    """The role written right before text[start:] ('North Korean leader ' + 'Kim Jong Un')."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, 0, start)]
    if not words or text[words[-1][1] : start].strip():
        return None  # punctuation between the role and the name
    return _walk_back(words, text, names)


def role_apposed_before(text: str, start: int, end: int, names: Sequence[tuple[int, int]]) -> RoleSpan | None:
    """A role set off before the name by a comma, the name by one after it: 'Russia's chief negotiator,
    Vladimir Medinsky, said'. Not after a preposition: 'Speaking to the envoy, Putin, ...' gives Putin no
    role."""
    if not re.search(r",\s+$", text[:start]) or not re.match(r"\s*(,|[.;:]|$)", text[end:]):
        return None
    before = text[:start].rstrip()[:-1]
    words = [(m.start(), m.end()) for m in _WORD.finditer(before)]
    if not words:
        return None
    role = _walk_back(words, text, names)
    if role is None:
        return None
    earlier = [text[s:e].casefold() for s, e in words if e <= role.start]
    while earlier and earlier[-1] in ("the", "a", "an"):
        earlier.pop()
    if earlier and earlier[-1] in PREPOSITIONS:
        return None
    return role


def _walk_back(words: list[tuple[int, int]], text: str, names: Sequence[tuple[int, int]]) -> RoleSpan | None:
    """The title that ends at the last of words: role words and names, back to the first other word."""
    taken: list[tuple[int, int]] = []
    for ws, we in reversed(words):
        word = text[ws:we]
        if taken and text[we : taken[0][0]].strip():
            break  # a comma or bracket ends the title
        if is_honorific(word) and not taken:
            continue
        if is_role_word(word) or _is_name_word(text, ws, we, names) or (word in CONNECTORS and taken):
            taken.insert(0, (ws, we))
            continue
        break
    while taken and not is_role_word(text[taken[-1][0] : taken[-1][1]]):
        taken.pop()  # the title must end in a role word ('Russia's Vladimir Putin' has none)
    # Two titles joined by a connector: 'spokesman for trade commissioner Peter Mandelson' gives Mandelson the
    # one after it ('Secretary of State' is one: no role noun after its 'of').
    for n in range(len(taken) - 1, -1, -1):
        if text[taken[n][0] : taken[n][1]] in CONNECTORS:
            if any(is_role_head(text[s:e]) for s, e in taken[n + 1 :]):
                taken = taken[n + 1 :]
            break
    return _accept(taken, text, names)


def role_after(text: str, end: int, names: Sequence[tuple[int, int]]) -> RoleSpan | None:
    """The role in an apposition right after a name ('Tony Blair, the British prime minister,')."""
    match = re.match(r",\s+(?:(?:the|a|an)\s+)?([^,;:.()]+?)(?=\s*[,;:.)]|\s*$)", text[end:])
    if not match:
        return None
    offset = end + match.start(1)
    words = [(offset + m.start(), offset + m.end()) for m in _WORD.finditer(match.group(1))]
    for n, (ws, we) in enumerate(words):
        word = text[ws:we]
        after_connector = n > 0 and text[words[n - 1][0] : words[n - 1][1]] in CONNECTORS
        if word == "the" and after_connector:  # 'managing director of the IMF'
            continue
        if not (is_role_word(word) or word in CONNECTORS or _is_name_word(text, ws, we, names)):
            return None
    return _accept(words, text, names)
