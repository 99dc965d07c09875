"""The extractive parts of an article page: its most central sentences (the dek when the editor gave none)
and its key numbers."""

from __future__ import annotations

import re
from collections import Counter

from ..model import ExtractedArticle
from .paths import anchor_of

DEK_SENTENCES = 3
DEK_MAX_CHARS = 420
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_STOP = frozenset(
    "about after also been before being could from have into more most other over said says such than that "
    "their them then there these they this those were what when where which while will with would year "
    "years".split()
)
# Money, percentages and counted things: '$27.5bn', '£600m', '76%', '3 million', '464,000 subscribers'.
_NUMBER = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|m|k)\b)?"
    r"|\b\d[\d,.]*\s?(?:%|per ?cent\b)"
    r"|\b\d[\d,.]*\s(?:billion|million|trillion|thousand)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b)"
)
_AFTER_NUMBER = re.compile(r"^[^.;:,()\"“”]{0,60}?(?=[.;:,()\"“”]|$)")
KEY_NUMBERS = 4
BEFORE_WORDS = 4


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
    # The words a sentence shares with each other one, summed, is each of its words' count of other
    # sentences that have it: one count per word, not a pass over every pair (a long seed made that slow).
    sentences_with = Counter(word for own in words for word in own)
    scores = []
    for i, own in enumerate(words):
        if not own:
            scores.append(0.0)
            continue
        shared = sum(sentences_with[word] - 1 for word in own)
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


def dek_of(item: ExtractedArticle) -> str:
    """What a page says the article is about: the editor's summary, else its most central sentences."""
    return item.article.meta.summary or " ".join(central_sentences(item))


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
            after_match = _AFTER_NUMBER.match(sentence.text[match.end() :])
            after = " ".join((after_match.group(0) if after_match else "").split())
            before = ""
            if not after:
                clause = re.split(r"[.;:,()\"“”]|\s[-–—]\s", sentence.text[: match.start()])[-1].split()
                before = " ".join(clause[-BEFORE_WORDS:])
            found.append((before, number, after, anchor_of(item, index)))
            if len(found) == limit:
                return found
    return found
