"""Labelled relations: who did what to whom, from the dependency parse of the sentences that can hold one.

A sentence is parsed when it names at least two things and holds a form of a
verb of the vocabulary (verbs.py); everything else costs nothing. Each verb's
Argument says where the parse names the other party. Any mention takes part,
so a pronoun or a role that coref.py resolved ("he", "Russia's President")
stands for its person. A denied act ("did not meet") or a supposed one ("if X
attacks Y") is none. A role that names whose it is becomes a relation too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ..model import Action, EntityType, Extraction, Mention, Sentence
from ..verbs import BODIES, PRESENT, ROLE, Argument, all_forms, verb_of_form

_AGREEMENTS = frozenset(
    """agreement agreements deal deals treaty treaties pact accord accords contract contracts memorandum
    document partnership declaration""".split()
)
_TRIGGER = re.compile(r"\b(" + "|".join(map(re.escape, all_forms())) + r")\b", re.I)
_PARTS_OF_SPEECH = {Argument.MEMBER_OF: ("NOUN",)}  # every other argument hangs on a verb
# "if X attacks Y", "called for the UK to leave the EU": nothing happened
_HYPOTHETICAL = frozenset({"if", "unless", "whether", "for"})
# Nouns that stand for the body they are made with ("beat the England side": England); others do not ("asked
# the Houston court", "praised the Honda Accura", "defend her AAA title")
_BODY_NOUNS = frozenset(
    """side sides team teams squad squads club clubs outfit government governments administration party
    parties company companies firm firms group groups army forces military authorities officials leadership
    board delegation""".split()
)

Parse = Callable[[Iterable[str]], Iterator]  # sentence texts → parsed docs, in order (nlp.parse)


def find_actions(extractions: list[Extraction], parse: Parse) -> list[Extraction]:
    """The extractions with the relations the parse finds added, parsing only the sentences that can hold
    one."""
    jobs = []  # (extraction index, sentence index, the sentence's mentions)
    for i, extraction in enumerate(extractions):
        by_sentence: dict[int, list[Mention]] = {}
        for mention in extraction.mentions:
            if mention.type is not EntityType.DATE:
                by_sentence.setdefault(mention.sentence, []).append(mention)
        for s, found in sorted(by_sentence.items()):
            if len({m.name for m in found}) >= 2 and _can_relate(extraction.sentences[s], found):
                jobs.append((i, s, found))
    actions = [list(e.actions) for e in extractions]  # roles and quotations' (found before the parse)
    docs = parse(extractions[i].sentences[s].text for i, s, _ in jobs) if jobs else ()
    for (i, s, found), doc in zip(jobs, docs):
        actions[i] += _sentence_actions(doc, s, extractions[i].sentences[s].start, found)
    return [
        replace(e, actions=tuple(dict.fromkeys(found))) if found else e
        for e, found in zip(extractions, actions)
    ]


def _can_relate(sentence: Sentence, found: list[Mention]) -> bool:
    """Whether a verb form of the vocabulary stands where the parse could relate two of the names: one
    before it and another after it ("X met Y", "Y was met by X"), or two before it ("X and Y met"). On the
    BBC set 14% of the sentences holding a form fail this, and none of those gave a relation."""
    for trigger in _TRIGGER.finditer(sentence.text):
        at, end = sentence.start + trigger.start(), sentence.start + trigger.end()
        before = {m.name for m in found if m.end <= at}
        if len(before) >= 2 or (before and any(m.start >= end for m in found)):
            return True
    return False


def role_actions(mentions: Iterable[Mention]) -> list[Action]:
    """A role that names whose it is, as a relation: 'Russia's chief negotiator, Vladimir Medinsky' gives
    Medinsky, chief negotiator, Russia."""
    by_start = {m.start: m for m in mentions}
    out = []
    for m in by_start.values():
        owner = by_start.get(m.role_of) if m.role_of is not None else None
        if owner is None or not m.role or owner.name == m.name:
            continue
        detail = role_words(m.role, owner.text)
        if detail:
            out.append(Action(m.start, owner.start, ROLE.key, m.sentence, detail=detail))
    return out


def role_words(role: str, owner: str) -> str:
    """The role without the words that name its owner ('Russia's chief negotiator' → 'chief negotiator')."""
    at = role.find(owner)
    if at < 0:
        return role
    rest = role[:at] + role[at + len(owner) :]
    rest = re.sub(r"^\s*[’']s\b", "", rest) if at == 0 else rest
    words = rest.split()
    while words and words[-1].casefold() in ("of", "for", "at", "the"):
        words.pop()
    return " ".join(words)


def _with_conjuncts(tokens) -> list:
    return [c for t in tokens for c in (t, *t.conjuncts)]


def _subjects(verb) -> list:
    """Who does what the verb says: its subject, the agent of a passive, or the subject it shares; a
    relative pronoun stands for its noun ("Candela, who was a member of ...")."""
    return [_antecedent(t) for t in _subject_tokens(verb)]


def _antecedent(token):
    """A relative pronoun's noun: the one its clause hangs on, or for the object of a preposition on a
    noun, that noun ("Patty Schnyder from Switzerland, who defeated Li Na": Schnyder, not Switzerland; but
    "lost to Rafael Nadal, who beat ...": Nadal)."""
    head = token.head
    if token.tag_ in ("WP", "WDT") and head.dep_ == "relcl":
        noun = head.head
        on = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        return on if on is not None and on.pos_ in ("PROPN", "NOUN") else noun
    return token


def _subject_tokens(verb) -> list:
    direct = [t for t in verb.children if t.dep_ == "nsubj"]
    if direct:
        return _with_conjuncts(direct)
    agent = _agents(verb)
    if agent:
        return _with_conjuncts(agent)
    if verb.dep_ == "xcomp" and any(t.dep_ == "dobj" for t in verb.head.children):
        return []  # "X urged Y to meet Z": Y is to meet Z, and asking is no meeting
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return _subject_tokens(verb.head)
    if verb.dep_ in ("relcl", "acl"):
        noun = verb.head
        if noun.dep_ == "attr":  # "Putin is the first leader to visit ..."
            return _with_conjuncts([t for t in noun.head.children if t.dep_ == "nsubj"])
        if verb.tag_ != "VBN":  # "the delegation, led by X": the noun is led, not leading
            return [noun]
    if verb.pos_ == "NOUN":  # "X, a member of Y"; "X is a member of Y" (the attribute of X's verb)
        if verb.dep_ == "appos":
            return _with_conjuncts([verb.head])
        if verb.dep_ == "attr":
            return _with_conjuncts([t for t in verb.head.children if t.dep_ == "nsubj"])
    return []


def _agents(verb) -> list:
    return [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


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
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and _agents(verb):
        objects.append(verb.head)  # "the delegation, led by X"
    withs = _preposition_objects(verb, "with")
    if argument is Argument.AGREEMENT_WITH:
        deals = [o for o in objects if o.lower_ in _AGREEMENTS]
        if not deals:
            return None
        # "signed an agreement with X": the parse may hang "with X" on the verb or on the noun
        withs += [p for d in deals for p in _preposition_objects(d, "with")]
        return withs, not withs
    if argument is Argument.TO:  # "proposed a plan to X": the parse may hang "to X" on the object
        return _preposition_objects(verb, "to") + [
            p for o in objects for p in _preposition_objects(o, "to")
        ], False
    if argument is Argument.FOR:
        return _preposition_objects(verb, "for"), False
    if argument is Argument.MEMBER_OF:
        return _preposition_objects(verb, "of"), False
    if argument is Argument.WITH:
        return withs, not withs and not objects
    if argument is Argument.OBJECT_OR_WITH and not objects:
        return withs, not withs
    if any(t.dep_ in ("oprd", "ccomp", "xcomp", "prt") for t in verb.children) and verb.lower_.startswith(
        ("call", "phon", "teleph")
    ):
        return None  # "X called Y a liar", "called off", "called for": no call
    return objects, False


def _happened(verb) -> bool:
    """Not denied ("did not meet", "did not agree to meet"), not supposed ("if X attacks Y") and not wished
    ("called for the UK to leave")."""
    for token in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        if any(t.dep_ == "neg" for t in token.children):
            return False
        if any(t.dep_ == "mark" and t.lower_ in _HYPOTHETICAL for t in token.children):
            return False
    return True


def _mood(verb) -> str | None:
    """How the sentence tells the act: None for done (the past, as news mostly tells it); PRESENT; or the
    words before the infinitive: a modal ("will travel") or the verb it hangs on ("vowed to support")."""
    modal = next((t.lower_ for t in verb.children if t.dep_ == "aux" and t.tag_ == "MD"), None)
    if modal:
        return "will" if modal == "'ll" else modal
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb:
        return f"{verb.head.lower_} to"
    tensed = verb.head if verb.pos_ == "NOUN" else verb  # "X is a member of": the verb it is the attribute of
    auxiliaries = [t for t in tensed.children if t.dep_ in ("aux", "auxpass")]
    if any(t.lower_ in ("has", "have", "had", "'ve", "'s") and t.dep_ == "aux" for t in auxiliaries):
        return None  # "has met": done
    if tensed.tag_ in ("VBZ", "VBP") or (
        tensed.tag_ == "VBG" and any(t.tag_ in ("VBZ", "VBP") for t in auxiliaries)
    ):
        return PRESENT  # "leads", "is meeting"
    return None


def _sentence_actions(doc, sentence: int, base: int, found: list[Mention]) -> list[Action]:
    def holding(token, types) -> list[int]:
        at = base + token.idx
        return [m.start for m in found if m.start <= at < m.end and (types is None or m.type in types)]

    def parties(tokens, types=None, bodies=False) -> list[int]:
        """Start offsets of the mentions that hold these tokens (of the given types), in order; with bodies,
        for a body noun that is no name, the place or organisation it is made with ("the Roma side": Roma)."""
        starts = []
        for token in tokens:
            starts += holding(token, types) or [
                s
                for c in token.children
                if bodies and token.lower_ in _BODY_NOUNS and c.dep_ == "compound"
                for s in holding(c, (types or BODIES) & BODIES)
            ]
        return list(dict.fromkeys(starts))

    out = []
    for token in doc:
        verb = verb_of_form(token.lower_)
        if verb is None or token.pos_ not in _PARTS_OF_SPEECH.get(verb.argument, ("VERB", "AUX")):
            continue
        if not _happened(token):
            continue
        others = _others(token, verb.argument)
        if others is None:
            continue
        objects, mutual = others
        doers = parties(_with_conjuncts(_subjects(token)))
        if mutual:
            pairs = [(a, b) for n, a in enumerate(doers) for b in doers[n + 1 :]]
        else:
            targets = parties(_with_conjuncts(objects), verb.others, bodies=True)
            pairs = [(a, b) for a in doers for b in targets]
        mood = _mood(token)
        out += [Action(a, b, verb.key, sentence, mutual, mood=mood) for a, b in pairs if a != b]
    return out
