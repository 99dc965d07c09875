"""US states named after a town, as news writes them: 'Cupertino, Calif.', 'Charleston, S.C.', 'Linden,
NJ' (the abbreviations are the `us` package's, through names.us_state)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..model import EntityType, Mention, Sentence
from ..names import DISTRICT_OF_COLUMBIA, us_state

_COMMA = re.compile(r",\s+")
# An abbreviation with its full stops ('Calif.', 'S.C.'), and what may follow it.
_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.|[A-Z]\.(?:[A-Z][a-z]?\.)+)(?=[\s,;:)”\"]|$)")


def states_after_towns(text: str, sentences: Sequence[Sentence], mentions: list[Mention]) -> list[Mention]:
    """The mentions with each state's abbreviation after a town ('Cupertino, Calif.', 'Linden, NJ') named as
    the state ('California'), and found where the recogniser missed it (with its full stop); in 'Washington,
    D.C.' the D.C. is Washington's. The comma after a place is what makes 'Pa.' or 'Miss.' a state."""
    at = {m.start: m for m in mentions if m.type is not EntityType.DATE}
    starts = [s.start for s in sentences]
    # Two passes: the mentions are not in text order here (a dateline's place and a town found again come
    # last), so what an abbreviation becomes is worked out for all of them before any is dropped.
    dropped: set[int] = set()  # id() of the recogniser's spans for abbreviations
    states: dict[int, Mention] = {}  # by start: one state per abbreviation, looked up, not searched for
    for m in mentions:
        comma = _COMMA.match(text, m.end) if m.type is EntityType.PLACE else None
        if comma is None:
            continue
        held = at.get(comma.end())
        written = _ABBREVIATION.match(text, comma.end())
        if held is not None:
            start, end = held.start, held.end
        elif written is not None:
            start, end = written.start(), written.end() - 1  # the span stops before the final stop
        else:
            continue
        state = us_state(text[start:end])
        if state is None or start in states:
            continue
        if held is not None:
            dropped.add(id(held))
        if state == DISTRICT_OF_COLUMBIA and m.name == "Washington":
            continue  # 'Washington, D.C.' is the Washington that news names alone
        sentence = held.sentence if held else bisect_right(starts, start) - 1
        states[start] = Mention(text[start:end], start, end, sentence, EntityType.PLACE, state)
    return [m for m in mentions if id(m) not in dropped] + list(states.values())
