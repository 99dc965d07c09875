"""Each article's mentions as the site as a whole reads them, before they group (merge.py): a span that lists
several names the site uses is cut into them, and a name the site uses is found where the recogniser
missed it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .model import EntityType, ExtractedArticle, Mention
from .names import fold

_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|de|al|bin|von|van))*(?![\w-])")
SITE_NAME_MENTIONS = 2  # a name the recogniser missed is found where the site names it this often elsewhere


def site_mentions(extracted: Sequence[ExtractedArticle]) -> dict[str, tuple[Mention, ...]]:
    """Each article's mentions, as the site as a whole reads them:
    - a span the recogniser took for one name but that lists several ('Tusk, Zelenskiy'; 'Gazprom and
      Rosneft') is cut into its names, when each is a name the site uses on its own;
    - a name the site uses elsewhere is found where the recogniser missed it ('gas monopoly Gazprom'):
      capitalised, and a name of two words or more, or not the first word of its sentence."""
    alone: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for item in extracted:
        for m in item.mentions:
            if not _LIST_SEPARATOR.search(m.name) and m.type is not EntityType.DATE:
                alone[fold(m.name)][m.type] += 1
    known = {name: votes for name, votes in alone.items() if sum(votes.values()) >= SITE_NAME_MENTIONS}
    # A listed part may also be the surname of a person the site names in full ('Tusk' of 'Donald Tusk').
    listed = dict(known)
    for name, votes in alone.items():
        if " " in name and votes.most_common(1)[0][0] is EntityType.PERSON:
            listed.setdefault(name.split()[-1], Counter({EntityType.PERSON: 1}))
    out = {}
    for item in extracted:
        mentions = []
        for m in item.mentions:
            parts = _parts(m) if m.type is not EntityType.DATE else None
            # Each part must be a name used on its own more than once: 'The Post and Courier' stays whole.
            if parts and all(fold(text) in listed for text, _, _ in parts):
                for text, start, end in parts:
                    kind = listed[fold(text)].most_common(1)[0][0]
                    mentions.append(
                        Mention(text, start, end, m.sentence, kind, " ".join(text.split()), m.role)
                    )
            else:
                mentions.append(m)
        mentions += _missed(item, mentions, known)
        out[item.article.slug] = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    return out


def _missed(
    item: ExtractedArticle, mentions: list[Mention], known: dict[str, Counter[EntityType]]
) -> list[Mention]:
    """Names the site knows, in the article's sentences where no mention stands."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)  # by sentence: an overlap is looked up there
    for m in mentions:
        taken[m.sentence].append((m.start, m.end))
    found = []
    for index, sentence in enumerate(item.sentences):
        for match in _CAPITALISED.finditer(sentence.text):
            text = match.group()
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if any(a < end and start < b for a, b in taken[index]):
                continue
            key = fold(text)
            if key in known and (" " in text or match.start() > 0):
                kind = known[key].most_common(1)[0][0]
                found.append(Mention(text, start, end, index, kind, " ".join(text.split())))
                taken[index].append((start, end))
    return found


def _parts(mention: Mention) -> list[tuple[str, int, int]] | None:
    """(text, start, end) of each name a listing span holds; None for a span that lists nothing."""
    pieces, cursor = [], 0
    for separator in _LIST_SEPARATOR.finditer(mention.text):
        pieces.append((cursor, separator.start()))
        cursor = separator.end()
    if not pieces:
        return None
    pieces.append((cursor, len(mention.text)))
    parts = [(mention.text[a:b], mention.start + a, mention.start + b) for a, b in pieces]
    return parts if all(text[:1].isupper() for text, _, _ in parts) else None
