"""Light coreference inside one article, by rules: words that are no name but stand for a person named before.

- A role phrase ("Russia's President", "the prime minister"): role_references.py.
- "The two leaders" (men, women, presidents...) stands for the last two people named, in its paragraph
  or the one before.
- "he" or "she" opening a sentence or a clause, or after a quote ('"...," he said'), stands for the
  last person who was a subject in its paragraph (people.py says who was); else for the one person named
  before it there; else, when its paragraph names no one before it, for the last subject of the
  paragraph before. A title ("Mr", "Mrs") or a gendered role word ("spokeswoman") rules a person out for
  the other pronoun, and a subject the rules could not name ("the Cardinal will ask") stops the search.

Nothing is resolved where the rules find no single person: a wrong name is worse than none. Pure Python
over the recogniser's mentions (no parse), so each rule is tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Article, EntityType, Mention, Reference, Sentence
from .people import ArticlePeople, is_subject, overlaps, previous_paragraph, recent_people
from .quotes import quoted_spans
from .role_references import role_references

PAIR = re.compile(
    r"\b(?:[Tt]he two|[Bb]oth)\s+(?:leaders|men|women|presidents|prime ministers|ministers|heads of state)\b"
)
_PRONOUN = re.compile(r"\b([Hh]e|[Ss]he)\b")
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:]\s*|[”\"]\s*,?\s*|\b(?:and|but|so|then|yet)\s+)$")


def resolve_references(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> list[Mention]:
    """The mentions and the references the rules resolve, in text order."""
    people = ArticlePeople(article, sentences, mentions)
    found = list(mentions)
    found += role_references(people, found)
    found += _pair_references(people, found)
    found += _pronoun_references(people, found)
    return sorted(found, key=lambda m: (m.start, m.end))


def _pair_references(people: ArticlePeople, mentions: list[Mention]) -> list[Mention]:
    found = []
    text = people.article.text
    for index, sentence in enumerate(people.sentences):
        for match in PAIR.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if overlaps(mentions, start, end):
                continue
            names = recent_people(people, mentions, start, sentence.block)
            earlier = previous_paragraph(people, sentence.block)
            if len(names) < 2 and earlier is not None:
                names += [n for n in recent_people(people, mentions, start, earlier) if n not in names]
            if len(names) < 2:
                continue
            second = start + match.group().index(" ") + 1
            for at, name in ((start, names[1]), (second, names[0])):
                found.append(
                    Mention(text[at:end], at, end, index, EntityType.PERSON, name, refers=Reference.PAIR)
                )
    return found


def _pronoun_references(people: ArticlePeople, mentions: list[Mention]) -> list[Mention]:
    text = people.article.text
    subjects: list[Mention] = [
        m
        for m in mentions
        if m.type is EntityType.PERSON and is_subject(m, people.sentences[m.sentence], text)
    ]
    found: list[Mention] = []
    quoted = {}
    for index, sentence in enumerate(people.sentences):
        block = people.article.blocks[sentence.block] if sentence.block >= 0 else None
        if block is None:
            continue
        if sentence.block not in quoted:
            quoted[sentence.block] = [(block.start + a, block.start + b) for a, b in quoted_spans(block.text)]
        for match in _PRONOUN.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if not _CLAUSE_OPENING.search(sentence.text[: match.start()]):
                continue
            if any(a <= start < b for a, b in quoted[sentence.block]) or overlaps(mentions, start, end):
                continue
            name = _antecedent(people, subjects + found, mentions, start, sentence.block, match.group())
            if name is not None:
                people.gender.setdefault(people.key(name), match.group().casefold())  # 'he' then: not 'she'
                pronoun = Mention(
                    match.group(), start, end, index, EntityType.PERSON, name, refers=Reference.PRONOUN
                )
                found.append(pronoun)
    return found


_UNNAMED = ""  # what last_subject gives when the last subject is someone the rules could not name


def _antecedent(
    people: ArticlePeople, subjects: list[Mention], mentions: list[Mention], at: int, block: int, pronoun: str
) -> str | None:
    """Who 'he' or 'she' at offset at stands for (see the module docstring), or None."""

    def last_subject(in_block: int, before: int) -> str | None:
        earlier = [
            m
            for m in subjects + people.unnamed_subjects
            if m.start < before and people.block_of(m) == in_block
        ]
        for m in sorted(earlier, key=lambda m: -m.start):
            if not m.name:
                return _UNNAMED
            if people.fits(m.name, pronoun):
                return people.key(m.name)
        return None

    name = last_subject(block, at)
    if name is not None:
        return name or None
    named = [n for n in recent_people(people, mentions, at, block) if people.fits(n, pronoun)]
    if len(named) == 1:
        return named[0]
    earlier = previous_paragraph(people, block)
    if not named and not recent_people(people, mentions, at, block) and earlier is not None:
        return last_subject(earlier, at) or None
    return None
