"""The relation vocabulary: which verbs become labelled relations, how pages word them, and where the parse
finds the other party. One Verb per relation; extract (extract/actions.py) reads the forms and the rule,
render reads the labels. Adding a relation is adding a row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Argument(Enum):
    """Where the dependency parse names the one acted on."""

    OBJECT = "object"  # the direct object ("X greeted Y"), or the subject of a passive ("Y was greeted by X")
    OBJECT_OR_WITH = "object or with"  # "X met Y", "X met with Y"; with neither, the subjects did it together
    TO = "to"  # "X travelled to Y"
    AGREEMENT_WITH = "agreement with"  # "X signed an agreement with Y"; without "with", the subjects together
    SUPPORT = "support"  # "X promised to support (back, help) Y"


@dataclass(frozen=True)
class Verb:
    key: str  # stable: the extraction cache and the JSON carry it
    forms: tuple[str, ...]  # the word forms that trigger it, lowercase
    label: str  # "A {label} B"
    argument: Argument
    together: str | None = None  # "A and B {together}": how a mutual act reads; None for a verb never mutual


VERBS: tuple[Verb, ...] = (
    Verb("greet", ("greet", "greets", "greeted", "greeting"), "greeted", Argument.OBJECT),
    Verb("meet", ("meet", "meets", "met", "meeting"), "met", Argument.OBJECT_OR_WITH, together="met"),
    Verb("visit", ("visit", "visits", "visited", "visiting"), "visited", Argument.OBJECT),
    Verb(
        "sign",
        ("sign", "signs", "signed", "signing"),
        "signed an agreement with",
        Argument.AGREEMENT_WITH,
        together="signed an agreement",
    ),
    Verb(
        "promise",
        ("promise", "promises", "promised", "promising", "pledge", "pledged", "vowed", "vow"),
        "promised to support",
        Argument.SUPPORT,
    ),
    Verb(
        "travel",
        ("travel", "travels", "travelled", "traveled", "travelling", "traveling"),
        "travelled to",
        Argument.TO,
    ),
)
VERB: dict[str, Verb] = {verb.key: verb for verb in VERBS}


_BY_FORM: dict[str, Verb] = {form: verb for verb in VERBS for form in verb.forms}


def verb_of_form(word: str) -> Verb | None:
    """The Verb a word form triggers ('signed' → sign), or None."""
    return _BY_FORM.get(word.lower())


def act_sentence(verb: Verb, doer: str, other: str, mutual: bool) -> str:
    """ "Vladimir Putin visited North Korea", or "X and Y signed an agreement" for a mutual act."""
    if mutual and verb.together:
        return f"{doer} and {other} {verb.together}"
    return f"{doer} {verb.label} {other}"
