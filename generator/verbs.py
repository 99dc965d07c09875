"""The relation vocabulary: which verbs become labelled relations, how pages word them, and where the parse
finds the other party. One Verb per relation; extract (extract/actions.py) reads the lemmas and the rule,
render reads the labels. Adding a relation is adding a row here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .model import EntityType


class Argument(Enum):
    """Where the dependency parse names the other party."""

    OBJECT = "object"  # the direct object ("X greeted Y"), or the subject of a passive ("Y was greeted by X")
    OBJECT_OR_WITH = "object or with"  # "X met Y", "X met with Y"; with neither, the subjects did it together
    WITH = "with"  # "X negotiated with Y"; without "with", the subjects together ("X and Y negotiated")
    TO = "to"  # "X travelled to Y"
    FOR = "for"  # "X works for Y"
    AGREEMENT_WITH = "agreement with"  # "X signed an agreement with Y"; without "with", the subjects together
    MEMBER_OF = "member of"  # the noun: "X is a member of Y", "X, a member of Y"
    ROLE = "role"  # no parse: a title that names whose it is ("Russia's chief negotiator, Vladimir Medinsky")
    QUOTE = "quote"  # no parse: what a quotation names ('"Blair should go," said Howard': Howard on Blair)


# The past of the verbs (and of the first words of the bases) the regular rules get wrong.
IRREGULAR_PAST = {
    "meet": "met",
    "lead": "led",
    "make": "made",
    "be": "was",
    "speak": "spoke",
    "beat": "beat",
    "leave": "left",
    "ban": "banned",
}

PEOPLE = frozenset({EntityType.PERSON})
BODIES = frozenset({EntityType.ORGANIZATION, EntityType.PLACE})  # what one leads, represents, works for


@dataclass(frozen=True)
class Verb:
    key: str  # stable: the extraction cache and the JSON carry it
    lemmas: tuple[str, ...]  # the verbs (or for MEMBER_OF the noun) that say it
    base: str  # "A {base} B" in the infinitive ("travel to"); phrase() puts it in the sentence's tense
    argument: Argument
    together: str | None = (
        None  # "A and B {together}", infinitive: a mutual act; None for a verb never mutual
    )
    irregular: tuple[str, ...] = ()  # word forms the regular rules and IRREGULAR_PAST miss ("beaten")
    others: frozenset[EntityType] | None = None  # the types the other party may have; None: any

    @property
    def forms(self) -> frozenset[str]:
        """Every word form that says it ('greet' → greet, greets, greeted, greeting; 'leave' → left)."""
        regular = {f for lemma in self.lemmas for f in inflections(lemma)}
        pasts = {IRREGULAR_PAST[lemma] for lemma in self.lemmas if lemma in IRREGULAR_PAST}
        return frozenset(regular | pasts | set(self.irregular))


def inflections(lemma: str) -> tuple[str, ...]:
    """The regular forms of an English verb or noun: base, -s, -ed, -ing (and a noun's plural)."""
    if re.search(r"(s|sh|ch|x|z)$", lemma):
        third = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", (lemma if lemma.endswith("ee") else lemma[:-1]) + "ing"
    elif re.search(r"[^aeiou]y$", lemma):
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return lemma, third, past, ing


VERBS: tuple[Verb, ...] = (
    Verb("greet", ("greet", "welcome"), "greet", Argument.OBJECT),
    Verb("meet", ("meet",), "meet", Argument.OBJECT_OR_WITH, together="meet"),
    Verb("visit", ("visit",), "visit", Argument.OBJECT),
    Verb(
        "travel",
        ("travel",),
        "travel to",
        Argument.TO,
        irregular=("travelled", "travelling"),
    ),
    Verb("sign", ("sign",), "sign an agreement with", Argument.AGREEMENT_WITH, together="sign an agreement"),
    Verb("agree", ("agree",), "agree with", Argument.WITH, together="agree"),
    Verb("support", ("support", "back", "endorse"), "support", Argument.OBJECT),
    Verb("accuse", ("accuse",), "accuse", Argument.OBJECT),
    Verb("criticise", ("criticise", "criticize"), "criticise", Argument.OBJECT),
    Verb("warn", ("warn",), "warn", Argument.OBJECT),
    Verb("threaten", ("threaten",), "threaten", Argument.OBJECT),
    Verb("attack", ("attack",), "attack", Argument.OBJECT),
    Verb("sanction", ("sanction",), "sanction", Argument.OBJECT),
    Verb("call", ("call", "phone", "telephone"), "call", Argument.OBJECT, others=PEOPLE),
    Verb("negotiate", ("negotiate",), "negotiate with", Argument.WITH, together="negotiate"),
    Verb("propose", ("propose",), "make a proposal to", Argument.TO),
    Verb("reject", ("reject",), "reject", Argument.OBJECT),
    Verb("urge", ("urge",), "urge", Argument.OBJECT),
    Verb("appoint", ("appoint",), "appoint", Argument.OBJECT, others=PEOPLE),
    Verb("lead", ("lead", "head"), "lead", Argument.OBJECT, others=BODIES),
    Verb("represent", ("represent",), "represent", Argument.OBJECT, others=BODIES),
    Verb("work", ("work",), "work for", Argument.FOR, others=BODIES),
    Verb("member", ("member",), "be a member of", Argument.MEMBER_OF, others=BODIES),
    Verb("praise", ("praise", "congratulate"), "praise", Argument.OBJECT),
    Verb("blame", ("blame",), "blame", Argument.OBJECT),
    Verb("condemn", ("condemn",), "condemn", Argument.OBJECT),
    Verb("defend", ("defend",), "defend", Argument.OBJECT),
    Verb("ask", ("ask",), "ask", Argument.OBJECT),
    Verb("sue", ("sue",), "sue", Argument.OBJECT),
    Verb("ban", ("ban",), "ban", Argument.OBJECT, irregular=("banning",)),
    Verb("beat", ("beat", "defeat"), "beat", Argument.OBJECT, irregular=("beaten",)),
    Verb("replace", ("replace", "succeed"), "replace", Argument.OBJECT, others=PEOPLE),
    Verb("sack", ("sack", "dismiss"), "sack", Argument.OBJECT, others=PEOPLE),
    Verb("join", ("join",), "join", Argument.OBJECT, others=BODIES),
    Verb("leave", ("leave", "quit"), "leave", Argument.OBJECT, irregular=("quitting",), others=BODIES),
    Verb("speak", (), "speak about", Argument.QUOTE),
    Verb("role", (), "", Argument.ROLE),  # the edge shows the role's own words
)
VERB: dict[str, Verb] = {verb.key: verb for verb in VERBS}
ROLE, SPEAK = VERB["role"], VERB["speak"]

_BY_FORM: dict[str, Verb] = {form: verb for verb in VERBS for form in verb.forms}


def verb_of_form(word: str) -> Verb | None:
    """The Verb a word form triggers ('signed' → sign), or None."""
    return _BY_FORM.get(word.lower())


def all_forms() -> list[str]:
    """Every form of every verb, longest first (for a pattern that must try 'meeting' before 'meet')."""
    return sorted(_BY_FORM, key=lambda f: (-len(f), f))


def possessive(name: str) -> str:
    """ "Donald Trump's", "the United States'"."""
    return name + ("’" if name.endswith("s") else "’s")


PAST, PRESENT = "past", "present"  # an act's mood, else the words before its infinitive ("will", "vowed to")


def _conjugated(first: str, mood: str, plural: bool) -> str:
    if mood == PAST:
        if first in IRREGULAR_PAST:
            return "were" if plural and first == "be" else IRREGULAR_PAST[first]
        if re.search(r"[^aeiou][aeiou]l$", first):  # travel → travelled
            return first + "led"
        return inflections(first)[2]
    if plural:
        return "are" if first == "be" else first
    return "is" if first == "be" else inflections(first)[1]


def phrase(verb: Verb, mood: str | None = PAST, mutual: bool = False) -> str:
    """The verb's words between the two parties, in the act's mood: "travelled to", "travels to", "will
    travel to", "vowed to travel to"; a mutual act's ("met", "signed an agreement")."""
    base = verb.together if mutual and verb.together else verb.base
    mood = mood or PAST
    if mood not in (PAST, PRESENT):
        return f"{mood} {base}"
    first, _, rest = base.partition(" ")
    return " ".join(w for w in (_conjugated(first, mood, mutual and verb.together is not None), rest) if w)


def act_label(verb: Verb, mutual: bool, detail: str | None, mood: str | None = PAST) -> str:
    """What the edge says: "visited", "met"; for a role, its words ("chief negotiator")."""
    if verb.argument is Argument.ROLE:
        return detail or ""
    return phrase(verb, mood, mutual)


def act_sentence(
    verb: Verb,
    doer: str,
    other: str,
    mutual: bool,
    detail: str | None = None,
    show: Callable[[str, str], str] | None = None,
    mood: str | None = PAST,
) -> str:
    """ "Vladimir Putin visited North Korea", "... will travel to Vietnam"; "X and Y signed an agreement"
    for a mutual act; "Vladimir Medinsky is Russia's chief negotiator" for a role. show("doer" or "other",
    text) renders a party's words (a page links them); by default they stay as they are."""
    show = show or (lambda _, text: text)
    a = show("doer", doer)
    if verb.argument is Argument.ROLE:
        return f"{a} is {show('other', possessive(other))} {detail}"
    if mutual and verb.together:
        return f"{a} and {show('other', other)} {phrase(verb, mood, True)}"
    return f"{a} {phrase(verb, mood)} {show('other', other)}"
