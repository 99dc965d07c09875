"""What several pages need to know about the corpus, worked out once per build.

Mentions grouped by article and by entity, mention counts, the reading order of
the articles (by date, then title), and the extractive parts of an article page:
its most central sentences (the dek when the editor gave none) and its key numbers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..model import Corpus, EntityMention, EntityType, ExtractedArticle

DEK_SENTENCES = 3
DEK_MAX_CHARS = 420
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_STOP = frozenset(
    "about after also been before being could from have into more most other over said says such than that their "
    "them then there these they this those were what when where which while will with would year years".split()
)
# Money, percentages and counted things: '$27.5bn', '£600m', '76%', '3 million', '464,000 subscribers'.
_NUMBER = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*\s?(?:bn|m|k|billion|million|trillion)?"
    r"|\b\d[\d,.]*\s?(?:%|per ?cent\b)"
    r"|\b\d[\d,.]*\s(?:billion|million|trillion|thousand)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b)"
)
_AFTER_NUMBER = re.compile(r"^[^.;:,()\"“”]{0,60}?(?=[.;:,()\"“”]|$)")
KEY_NUMBERS = 4
BEFORE_WORDS = 4


@dataclass(frozen=True)
class Facts:
    corpus: Corpus

    @cached_property
    def by_slug(self) -> dict[str, ExtractedArticle]:
        return {item.article.slug: item for item in self.corpus.articles}

    @cached_property
    def mentions_by_article(self) -> dict[str, list[EntityMention]]:
        grouped: dict[str, list[EntityMention]] = defaultdict(list)
        for em in self.corpus.mentions:
            grouped[em.article].append(em)
        return grouped

    @cached_property
    def mentions_by_entity(self) -> dict[str, list[EntityMention]]:
        grouped: dict[str, list[EntityMention]] = defaultdict(list)
        for em in self.corpus.mentions:
            grouped[em.entity].append(em)
        return grouped

    def mentions(self, entity_id: str) -> int:
        return len(self.mentions_by_entity.get(entity_id, ()))

    def articles_of(self, entity_id: str) -> list[str]:
        """Slugs of the articles that mention the entity, in reading order."""
        slugs = {em.article for em in self.mentions_by_entity.get(entity_id, ())}
        return sorted(slugs, key=self.position.__getitem__)

    @cached_property
    def position(self) -> dict[str, int]:
        return {slug: i for i, slug in enumerate(self.order)}

    @cached_property
    def order(self) -> list[str]:
        """Article slugs by date (undated last), then title."""
        def key(item: ExtractedArticle) -> tuple:
            a = item.article
            return (a.meta.date is None, a.meta.date or "", a.title.casefold(), a.slug)
        return [item.article.slug for item in sorted(self.corpus.articles, key=key)]

    def neighbours(self, slug: str) -> tuple[str | None, str | None]:
        """The previous and next article in reading order."""
        i = self.position[slug]
        return (self.order[i - 1] if i > 0 else None, self.order[i + 1] if i + 1 < len(self.order) else None)

    def ranked_entities(self, types: set[EntityType] | None = None) -> list[str]:
        """Entity ids with mentions, most mentioned first (ties by name)."""
        ids = [e for e in self.mentions_by_entity if types is None or self.corpus.entities[e].type in types]
        return sorted(ids, key=lambda e: (-self.mentions(e), self.corpus.entities[e].name.casefold(), e))


def anchor_of(item: ExtractedArticle, sentence_index: int) -> str:
    """HTML id of the paragraph a sentence stands in ('' for the title)."""
    block = item.sentences[sentence_index].block
    return item.article.blocks[block].anchor if block >= 0 else ""


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _STOP


def central_sentences(item: ExtractedArticle, limit: int = DEK_SENTENCES) -> list[str]:
    """The article's most central sentences, in reading order.

    A sentence's centrality is how much vocabulary it shares with the rest of
    the article (sum of overlaps, normalised by length), a small TextRank-like
    degree score; the lead sentence gets a bonus because news puts the point first.
    """
    body = [s for s in item.sentences if s.block >= 0 and item.article.blocks[s.block].kind == "paragraph"]
    if not body:
        return []
    words = [_words(s.text) for s in body]
    scores = []
    for i, own in enumerate(words):
        if not own:
            scores.append(0.0)
            continue
        shared = sum(len(own & other) for j, other in enumerate(words) if j != i)
        scores.append(shared / (len(own) ** 0.5) + (2.0 if i == 0 else 0.0))
    ranked = sorted(range(len(body)), key=lambda i: (-scores[i], i))
    chosen, total = [], 0
    for i in ranked:
        text = " ".join(body[i].text.split())
        if chosen and total + len(text) > DEK_MAX_CHARS:
            continue
        chosen.append(i)
        total += len(text)
        if len(chosen) == limit:
            break
    return [" ".join(body[i].text.split()) for i in sorted(chosen)]


def key_numbers(item: ExtractedArticle, limit: int = KEY_NUMBERS) -> list[tuple[str, str, str, str]]:
    """(words before, number, words after, paragraph anchor) for the first distinct figures in the body.

    The words after the figure up to the next punctuation say what it counts ('in back
    taxes'); when nothing follows, the last few words before it do ('paid 260.75bn roubles').
    """
    found, seen = [], set()
    for index, sentence in enumerate(item.sentences):
        if sentence.block < 0:
            continue
        for match in _NUMBER.finditer(sentence.text):
            number = match.group(0).strip()
            if number in seen or re.fullmatch(r"(1[89]|20)\d\d", number):
                continue  # years go to the timeline
            seen.add(number)
            after_match = _AFTER_NUMBER.match(sentence.text[match.end():])
            after = " ".join((after_match.group(0) if after_match else "").split())
            before = ""
            if not after:
                clause = re.split(r"[.;:,()\"“”]|\s[-–—]\s", sentence.text[:match.start()])[-1].split()
                before = " ".join(clause[-BEFORE_WORDS:])
            found.append((before, number, after, anchor_of(item, index)))
            if len(found) == limit:
                return found
    return found
