"""Labelled relations: who did what to whom, from the dependency parse of the sentences that can hold one.

A sentence is parsed when it names at least two things and holds a form of a
verb of the vocabulary (verbs.py); everything else costs nothing. Each verb's
Argument says where the parse names the one acted on. Only names the recogniser
found take part: a pronoun or "Russia's President" is not resolved here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ..model import Action, EntityType, Extraction, Mention
from ..verbs import VERBS, Argument, verb_of_form

_AGREEMENTS = {
    "agreement",
    "agreements",
    "deal",
    "deals",
    "treaty",
    "treaties",
    "pact",
    "accord",
    "accords",
    "contract",
    "contracts",
    "memorandum",
    "document",
    "partnership",
    "declaration",
}
_SUPPORT_WORDS = ("support", "back", "help")
_TRIGGER = re.compile(
    r"\b(" + "|".join(sorted({f for v in VERBS for f in v.forms}, key=len, reverse=True)) + r")\b", re.I
)

Parse = Callable[[Iterable[str]], Iterator]  # sentence texts → parsed docs, in order (nlp.parse)


def find_actions(extractions: list[Extraction], parse: Parse) -> list[Extraction]:
    """The extractions with their labelled relations, parsing only sentences that can hold one."""
    jobs = []  # (extraction index, sentence index, the sentence's mentions)
    for i, extraction in enumerate(extractions):
        by_sentence: dict[int, list[Mention]] = {}
        for mention in extraction.mentions:
            if mention.type is not EntityType.DATE:
                by_sentence.setdefault(mention.sentence, []).append(mention)
        for s, found in sorted(by_sentence.items()):
            if len({m.name for m in found}) >= 2 and _TRIGGER.search(extraction.sentences[s].text):
                jobs.append((i, s, found))
    if not jobs:
        return extractions
    actions: list[list[Action]] = [[] for _ in extractions]
    docs = parse(extractions[i].sentences[s].text for i, s, _ in jobs)
    for (i, s, found), doc in zip(jobs, docs):
        actions[i] += _sentence_actions(doc, s, extractions[i].sentences[s].start, found)
    return [
        replace(e, actions=tuple(dict.fromkeys(found))) if found else e
        for e, found in zip(extractions, actions)
    ]


def _with_conjuncts(tokens) -> list:
    return [c for t in tokens for c in (t, *t.conjuncts)]


def _subjects(verb) -> list:
    """Who does what the verb says: its subject, the agent of a passive, or the subject it shares."""
    direct = [t for t in verb.children if t.dep_ == "nsubj"]
    if direct:
        return _with_conjuncts(direct)
    agent = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if agent:
        return _with_conjuncts(agent)
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return _subjects(verb.head)
    if verb.dep_ in ("relcl", "acl"):
        noun = verb.head
        if noun.dep_ == "attr":  # "Putin is the first leader to visit ..."
            return _with_conjuncts([t for t in noun.head.children if t.dep_ == "nsubj"])
        return [noun]
    return []


def _preposition_objects(token, preposition: str) -> list:
    return [
        p
        for t in token.children
        if t.dep_ == "prep" and t.lower_ == preposition
        for p in t.children
        if p.dep_ == "pobj"
    ]


def _others(verb, argument: Argument) -> tuple[list, bool] | None:
    """The tokens naming the ones acted on, and whether the subjects did it together; None: no relation."""
    objects = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass")]  # "X was met by Y": X is met
    withs = _preposition_objects(verb, "with")
    if argument is Argument.AGREEMENT_WITH:
        deals = [o for o in objects if o.lower_ in _AGREEMENTS]
        if not deals:
            return None
        # "signed an agreement with X": the parse may hang "with X" on the verb or on the noun
        withs += [p for d in deals for p in _preposition_objects(d, "with")]
        return withs, not withs
    if argument is Argument.SUPPORT:
        return [
            o
            for x in verb.children
            if x.dep_ == "xcomp" and x.lower_ in _SUPPORT_WORDS
            for o in x.children
            if o.dep_ == "dobj"
        ], False
    if argument is Argument.TO:
        return _preposition_objects(verb, "to"), False
    if argument is Argument.OBJECT_OR_WITH and not objects:
        return withs, not withs
    return objects, False


def _sentence_actions(doc, sentence: int, base: int, found: list[Mention]) -> list[Action]:
    def party(token) -> int | None:
        """Start offset of the mention that holds this token, if any."""
        at = base + token.idx
        return next((m.start for m in found if m.start <= at < m.end), None)

    out = []
    for token in doc:
        verb = verb_of_form(token.lower_)
        if verb is None or token.pos_ not in ("VERB", "AUX"):
            continue
        others = _others(token, verb.argument)
        if others is None:
            continue
        objects, mutual = others
        doers = list(dict.fromkeys(p for p in map(party, _with_conjuncts(_subjects(token))) if p is not None))
        if mutual:
            pairs = [(a, b) for n, a in enumerate(doers) for b in doers[n + 1 :]]
        else:
            targets = list(dict.fromkeys(p for p in map(party, _with_conjuncts(objects)) if p is not None))
            pairs = [(a, b) for a in doers for b in targets]
        out += [Action(a, b, verb.key, sentence, mutual) for a, b in pairs if a != b]
    return out
