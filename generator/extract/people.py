"""The people of one article as the reference rules see them (coref.py, role_references.py): who is who,
who may be "he" or "she", and who was the subject of a clause.

A subject is a person named after a quotation and "said" ('"...," said Mr Smith'), or named first in a
clause after nothing but an opening phrase, titles and names, and not as a possessive ('Putin's visit').
Pure Python over the recogniser's mentions: no parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Article, EntityType, Mention, Sentence
from ..names import fold
from .quotes import SPEECH_VERBS, TITLE_WORD
from .roles import ROLE_HEADS, ROLE_MODIFIERS

MALE = frozenset("mr mr. sir lord king prince spokesman chairman businessman".split())
FEMALE = frozenset(
    "mrs mrs. ms ms. miss dame lady queen princess spokeswoman chairwoman businesswoman".split()
)
_SPEAKER_AFTER_QUOTE = re.compile(r"[”\"]\s*,?\s*" + SPEECH_VERBS + r"\s+$")
_SUBJECT_LEAD = frozenset("the a an and but so then also meanwhile however yet still now".split())


class ArticlePeople:
    """The article's people as the rules see them: who is who, who was a subject where."""

    def __init__(self, article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention]):
        self.article, self.sentences, self.mentions = article, sentences, mentions
        self.people = [m for m in mentions if m.type is EntityType.PERSON]
        full = {}
        for m in self.people:
            for word in m.name.split()[1:] if " " in m.name else ():
                full.setdefault(fold(word), set()).add(m.name)
        self._full_name = {k: next(iter(v)) for k, v in full.items() if len(v) == 1}
        self.gender = self._genders()
        # Subjects no rule could name ("the Cardinal will ask"): a later "he" may be them, so it stays open.
        self.unnamed_subjects: list[Mention] = []

    def key(self, name: str) -> str:
        """The person a name means: 'Putin' is 'Vladimir Putin' where the article names him so."""
        return self._full_name.get(fold(name), name) if " " not in name else name

    def block_of(self, mention: Mention) -> int:
        return self.sentences[mention.sentence].block

    def _genders(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for m in self.people:
            words = re.findall(r"[\w.]+", self.article.text[max(0, m.start - 30) : m.start].casefold())
            clues = set(words[-1:]) | set(fold(m.role or "").split())
            for gender, words_of in (("he", MALE), ("she", FEMALE)):
                if clues & words_of:
                    found.setdefault(self.key(m.name), gender)
        return found

    def fits(self, name: str, pronoun: str) -> bool:
        """Whether 'he' or 'she' may stand for the person: no title, role word or earlier pronoun of theirs
        says otherwise."""
        pronoun = pronoun.casefold()
        return self.gender.get(self.key(name), pronoun) == pronoun


_TITLE_BEFORE_NAME = re.compile(r"(?:" + TITLE_WORD + r"\s+)+$")


def _without_title(before: str) -> str:
    """Text before a name without the title words right before it ('said England coach ' → 'said ')."""
    return _TITLE_BEFORE_NAME.sub("", before)


def is_subject(mention: Mention, sentence: Sentence, text: str) -> bool:
    """A person named after a quote and 'said' ('"...," said Mr Smith'); or named first in its clause, after
    nothing but an opening phrase, titles and names, and not as a possessive ('Putin's visit')."""
    before = text[sentence.start : mention.start]
    if _SPEAKER_AFTER_QUOTE.search(_without_title(before)):
        return True
    if re.match(r"[’']s\b", text[mention.end : mention.end + 3]):
        return False
    clause = re.split(r"[,;:]|\b(?:and|but)\s+(?=[A-Z])", before)[-1]
    for word in re.findall(r"[\w’'.-]+", clause):
        bare = word.casefold().rstrip(".")
        if not (word[:1].isupper() or bare in _SUBJECT_LEAD or bare in ROLE_MODIFIERS or bare in ROLE_HEADS):
            return False
    return True


def overlaps(mentions: Sequence[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def recent_people(people: ArticlePeople, mentions: Sequence[Mention], before: int, block: int) -> list[str]:
    """The people named before an offset in a block, the latest first, each once."""
    named = [
        m
        for m in mentions
        if m.type is EntityType.PERSON and m.start < before and people.block_of(m) == block
    ]
    return list(dict.fromkeys(people.key(m.name) for m in sorted(named, key=lambda m: -m.start)))


def previous_paragraph(people: ArticlePeople, block: int) -> int | None:
    blocks = people.article.blocks
    if block > 0 and blocks[block - 1].kind == "paragraph":
        return block - 1
    return None
