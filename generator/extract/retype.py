"""A learned re-typer over the names of one article: person, place, organisation, other, or no name at all.

refine.py's rules give each name in an article one type. This module then
weighs, for each name, what the whole article says of it: the types the
recogniser gave its mentions, the words around them ("shares in", "said",
"minister", "club"), its shape and endings, gazetteers, and the other names
(a surname of a person named in full, a piece of a longer name, an
abbreviation); proposals.py's candidates are weighed the same way. A logistic
regression trained on the CoNLL-2003 training split (tools/train_retyper.py,
`make train`) turns that into a type, or drops a span that is no name
('Warsaw Newsroom', a fragment of 'St. Louis').

Pure Python: the model is a JSON file of weights (retyper.json), scored here
with sums, so a build needs neither scikit-learn nor the training data.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Article, EntityType, Mention, Sentence
from ..names import country_name, demonym_country, fold, is_place
from .roles import is_honorific, is_role_word
from .spans import ORGANIZATION_ENDINGS, PLACE_ENDINGS, is_caps_line

MODEL_FILE = Path(__file__).with_name("retyper.json")
NO_NAME = "NONE"
# What each class the model gives becomes; "MISC" keeps a name's own type when that is not a scored one.
CLASS_TYPES = {"PER": EntityType.PERSON, "LOC": EntityType.PLACE, "ORG": EntityType.ORGANIZATION}
UNSCORED_TYPES = frozenset({EntityType.GROUP, EntityType.EVENT, EntityType.OTHER})
_WORD = re.compile(r"[\w’'.&-]+")
_SAYING = frozenset("said says say told added according".split())


@dataclass(frozen=True)
class NameGroup:
    """Every mention of one name (by its folded spelling) in an article, with the type the rules gave it."""

    key: str
    name: str
    rule_type: EntityType
    mentions: tuple[Mention, ...]
    model_types: tuple[EntityType, ...]  # the recogniser's type of each mention, before any rule
    proposed: bool = False  # capitalised words the recogniser passed over (proposals()), not its span


def name_groups(
    mentions: Sequence[Mention], model_types: Sequence[EntityType], types: dict[str, EntityType]
) -> list[NameGroup]:
    """The article's names (dates left out), in order of first mention."""
    grouped: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.type is not EntityType.DATE:
            grouped[fold(m.name)].append(i)
    return [
        NameGroup(
            key,
            mentions[ids[0]].name,
            types[key],
            tuple(mentions[i] for i in ids),
            tuple(model_types[i] for i in ids),
        )
        for key, ids in grouped.items()
    ]


def _word_class(word: str) -> str:
    return re.sub(r"\d", "0", word.casefold())


def _shape(word: str) -> str:
    """'Putin' → 'Xx', 'NATO' → 'X', 'U.S.' → 'X.X.', 'al-Assad' → 'x-Xx'."""
    shape = re.sub(r"[A-Z]+", "X", re.sub(r"[a-z]+", "x", re.sub(r"\d+", "0", word)))
    return shape[:6]


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper())


def features(
    group: NameGroup, article: Article, sentences: Sequence[Sentence], around: Neighbourhood
) -> dict[str, float]:
    """What the article says of one name, as named features (most are 1.0, a few are fractions)."""
    found: dict[str, float] = {"proposed": 1.0} if group.proposed else {f"rule={group.rule_type.name}": 1.0}
    share = 1 / len(group.mentions)
    prefix = "holds_mention" if group.proposed else "model"  # a proposal's model types are of what it holds
    for kind in group.model_types:
        found[f"{prefix}={kind.name}"] = found.get(f"{prefix}={kind.name}", 0.0) + share
    for mention in group.mentions if not group.proposed else ():
        found[f"type={mention.type.name}"] = found.get(f"type={mention.type.name}", 0.0) + share
    count = len(group.mentions)
    found[f"mentions={min(count, 5)}"] = 1.0
    words = group.name.split()
    found[f"words={min(len(words), 4)}"] = 1.0
    for word in words:
        found[f"w={_word_class(word)}"] = 1.0
    found[f"first={_word_class(words[0])}"] = 1.0
    found[f"last={_word_class(words[-1])}"] = 1.0
    found[f"shape={' '.join(_shape(w) for w in words[:3])}"] = 1.0
    last = words[-1].rstrip(".").casefold()
    for flag, on in (
        ("caps", group.name.isupper() and len(group.name) > 1),
        ("short", len(group.name) <= 3),
        ("country", bool(country_name(group.name))),
        ("place", is_place(group.name)),
        ("demonym", bool(demonym_country(group.name))),
        ("org_ending", len(words) > 1 and last in ORGANIZATION_ENDINGS),
        ("place_ending", len(words) > 1 and last in PLACE_ENDINGS),
    ):
        if on:
            found[flag] = 1.0
    lowered = _lowercase_words(article.text)
    if not group.name.isupper() and words[-1].casefold() in lowered:
        # 'Government', 'Coronavirus': a word the article also writes as a common noun
        found["lowercase_too" if len(words) == 1 else "last_lowercase_too"] = 1.0
    for key, value in _context(group, article, sentences).items():
        found[key] = value
    for key in around.of(group):
        found[key] = 1.0
    return found


@lru_cache(maxsize=4)
def _lowercase_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (read once per article: a str caches its own hash)."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z][a-z-]+(?![\w’'-])", text))


def _context(group: NameGroup, article: Article, sentences: Sequence[Sentence]) -> dict[str, float]:
    """The words around the name's mentions, as shares of its mentions."""
    counts: Counter = Counter()
    for mention in group.mentions:
        sentence = sentences[mention.sentence]
        start, end = mention.start - sentence.start, mention.end - sentence.start
        before = _WORD.findall(sentence.text[max(0, start - 60) : start])[-2:]
        after = _WORD.findall(sentence.text[end : end + 60])[:2]
        seen = set()
        if before:
            seen.add(f"prev={_word_class(before[-1])}")
            seen.add("prev_cap" if before[-1][:1].isupper() else "prev_low")
            if is_honorific(before[-1]) or is_role_word(before[-1]):
                seen.add("prev_title")
            if len(before) > 1:
                seen.add(f"prev2={_word_class(before[0])}")
        else:
            seen.add("sentence_start")
        if after:
            seen.add(f"next={_word_class(after[0])}")
            seen.add("next_cap" if after[0][:1].isupper() else "next_low")
            if len(after) > 1:
                seen.add(f"next2={_word_class(after[1])}")
            if any(w.casefold() in _SAYING for w in after):
                seen.add("said_after")
        else:
            seen.add("sentence_end")
        if sentence.text[end : end + 2] in ("'s", "’s"):
            seen.add("possessive")
        if sentence.text[max(0, start - 1) : start] == "(" and sentence.text[end : end + 1] == ")":
            seen.add("in_brackets")
        if is_caps_line(sentence.text):
            seen.add("caps_line")
        if mention.sentence == 0:
            seen.add("first_sentence")
        counts.update(seen)
    share = 1 / len(group.mentions)
    return {key: n * share for key, n in counts.items()}


class Neighbourhood:
    """The article's names indexed by their pieces and initials: each name's neighbours are looked up, not
    searched for among every other name (which made an article's cost quadratic in its names)."""

    def __init__(self, groups: Sequence[NameGroup]):
        self.keys: dict[str, set[str]] = defaultdict(set)  # key → labels of the names with it
        self.inside: dict[str, set[str]] = defaultdict(set)  # words → what the longer names holding them say
        self.by_initials: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.by_caps_name: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for group in groups:
            label = _label(group)
            words = group.key.split()
            self.keys[group.key].add(label)
            for piece in _pieces(words):
                self.inside[piece].add(f"inside={label}")
            if group.rule_type is EntityType.PERSON and len(words) > 1:
                self.inside[words[-1]].add("surname")
            self.by_initials[_initials(group.name)][label].add(group.key)
            if _is_caps_name(group.name):
                self.by_caps_name[group.name][label].add(group.key)

    def of(self, group: NameGroup) -> set[str]:
        """What the article's other names say of this one: surname, piece, longer name, abbreviation."""
        found = set(self.inside.get(group.key, ()))
        for piece in _pieces(group.key.split()):
            found.update(f"holds={label}" for label in self.keys.get(piece, ()))
        if _is_caps_name(group.name):
            spelled_out = self.by_initials.get(group.name)
            found.update(f"abbreviates={label}" for label in _others(spelled_out, group.key))
        if len(group.key.split()) > 1:
            named = self.by_caps_name.get(_initials(group.name))
            found.update(f"abbreviated={label}" for label in _others(named, group.key))
        return found


def _label(group: NameGroup) -> str:
    return "PROPOSED" if group.proposed else group.rule_type.name


def _is_caps_name(name: str) -> bool:
    return name.isupper() and len(name) >= 2


def _pieces(words: list[str]) -> set[str]:
    """Every run of words shorter than the whole name, joined as keys are."""
    size = len(words)
    return {" ".join(words[i:j]) for i in range(size) for j in range(i + 1, size + 1) if j - i < size}


def _others(labelled: dict[str, set[str]] | None, key: str) -> list[str]:
    """The labels of names other than this key."""
    return [label for label, keys in (labelled or {}).items() if keys - {key}]


class Retyper:
    """A trained model's weights: score(features) → probability of each class."""

    def __init__(self, data: dict):
        self.classes: list[str] = data["classes"]
        self.intercept: list[float] = data["intercept"]
        self.weights: dict[str, list[float]] = data["weights"]
        self.meta: dict = data.get("meta", {})
        self.drop_threshold: float = data["drop_threshold"]
        self.proposal_threshold: float = data["proposal_threshold"]
        self.retype_threshold: float = data["retype_threshold"]

    def probabilities(self, found: dict[str, float]) -> dict[str, float]:
        totals = list(self.intercept)
        for name, value in found.items():
            row = self.weights.get(name)
            if row is not None:
                for i, weight in enumerate(row):
                    totals[i] += weight * value
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        whole = sum(exps)
        return {c: e / whole for c, e in zip(self.classes, exps)}

    def decide(self, group: NameGroup, found: dict[str, float]) -> EntityType | None:
        """The name's type, or None when it is no name."""
        chances = self.probabilities(found)
        best = max(self.classes, key=lambda c: chances[c])
        if group.proposed:
            # A name the recogniser passed over is taken only when the model is sure of its type.
            sure = best in CLASS_TYPES and chances[best] >= self.proposal_threshold
            return CLASS_TYPES[best] if sure else None
        if chances.get(NO_NAME, 0.0) >= self.drop_threshold:
            return None  # the recogniser's span is dropped only when the model is sure it is no name
        best = max((c for c in self.classes if c != NO_NAME), key=lambda c: chances[c])
        if best in CLASS_TYPES:
            kind = CLASS_TYPES[best]
        elif group.rule_type in UNSCORED_TYPES:
            kind = group.rule_type
        else:
            kind = EntityType.GROUP if demonym_country(group.name) else EntityType.OTHER
        # The rules' type stands unless the model is sure of another.
        return kind if kind is group.rule_type or chances[best] >= self.retype_threshold else group.rule_type

    def retype(
        self, article: Article, sentences: Sequence[Sentence], groups: Sequence[NameGroup]
    ) -> dict[str, EntityType | None]:
        """Each name's key → its type, or None for a span to drop."""
        around = Neighbourhood(groups)
        return {g.key: self.decide(g, features(g, article, sentences, around)) for g in groups}


class RetyperError(Exception):
    """The model file is missing or damaged; the message says how to make it again."""


@lru_cache(maxsize=1)
def load_retyper(path: Path = MODEL_FILE) -> Retyper:
    """The committed model, read once per process."""
    try:
        return Retyper(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise RetyperError(f"{path}: cannot read the re-typer's model ({error}); run 'make train'") from error
