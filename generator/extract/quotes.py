"""Who said what: quotations in a paragraph, credited to the person the text says spoke them.

A quotation is credited when its paragraph says who spoke it in one of the ways news does:
- after it: '"...," said Mr Smith', '"...," Mr Smith said', '"...," he said';
- before it: 'Mr Smith said: "..."', 'Mr Smith told the BBC: "..."', 'She added, "..."';
- around a fragment of three words or more: 'Mr Smith said he was "deeply sorry" for it';
- a paragraph that opens a quotation with no one named goes on the one before's, when that one ended
  with its quotation still open (news marks a quotation that runs on that way).
The speaker is a person's mention, or a reference coref.py resolved ("he", "the minister"). Straight
quotation marks are paired by where they stand: one that opens follows a space, one that closes a word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Action, Article, EntityType, Mention, Quote, Sentence
from ..verbs import SPEAK
from .roles import ROLE_HEADS, ROLE_MODIFIERS

SPEECH_VERBS = (
    r"(?:said|says|added|adds|told|tells|asked|asks|explained|insisted|continued|warned|declared|stressed)"
)
_NOT_SPOKEN_OF = frozenset({EntityType.DATE, EntityType.GROUP})
MIN_FRAGMENT_WORDS = 3  # '"livid"' alone tells a reader nothing out of its sentence
# A word of a title before a name: no full stop but an initial's or an abbreviation's ('Mr.', 'J.', 'U.S.');
# a role word, or a noun for one who does something ('biographer', 'novelist'), not a word like 'after'.
_NOT_AGENTS = r"(?!(?:after|never|under|over|rather|either|neither|whether|other|together|later|ever)\b)"
TITLE_WORD = (
    r"(?:the|[A-Z][\w’'-]*|(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col)\.|"
    + "|".join(sorted(ROLE_HEADS | ROLE_MODIFIERS))
    + r"|"
    + _NOT_AGENTS
    + r"[a-z]+(?:er|or|ist|ian|ant|ent))"
)
_VERB_THEN_SPEAKER = re.compile(r"\s*,?\s*" + SPEECH_VERBS + r"\s+(?:" + TITLE_WORD + r"\s+){0,4}")
_SPEAKER_THEN_VERB = re.compile(r"\s*,?\s*(?:the\s+)?")
_INTRODUCES = re.compile(r",?(?:\s*,[^,]{0,100},)?\s+" + SPEECH_VERBS + r"(?:\s+[^:\"“”.]{0,60}?)?\s*[:,]\s*")
_INTRODUCES_FRAGMENT = re.compile(r",?(?:\s*,[^,]{0,100},)?\s+" + SPEECH_VERBS + r"\b[^\"“”.;]{0,120}")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in a paragraph, marks included; one left open runs to the end."""
    spans, opened = [], None
    for match in re.finditer(r"[\"“”]", text):
        i, mark = match.start(), match.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = mark == "“" or (
            mark == '"' and (before.isspace() or before in "([—–-") and not after.isspace()
        )
        if opening:
            if opened is None:
                opened = i  # a second opening mark: the same quotation goes on (a new paragraph of it)
        elif opened is not None:
            spans.append((opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def find_quotes(article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Quote]:
    """The article's credited quotations, in text order."""
    people = [m for m in mentions if m.type is EntityType.PERSON]
    by_block: dict[int, list[tuple[int, Sentence]]] = {}
    for index, sentence in enumerate(sentences):
        by_block.setdefault(sentence.block, []).append((index, sentence))
    quotes: list[Quote] = []
    running: Mention | None = None  # the speaker of a quotation left open at the end of the last paragraph
    for b, block in enumerate(article.blocks):
        if block.kind != "paragraph" or b not in by_block:
            running = None
            continue
        spans = quoted_spans(block.text)
        block_end = block.start + len(block.text)
        in_block = [m for m in people if block.start <= m.start < block_end]
        credited_last = None
        for n, (a, z) in enumerate(spans):
            start, end = block.start + a, block.start + z
            closed = article.text[end - 1] in '"”' and end - 1 > start
            inner = (start + 1, end - 1 if closed else end)
            index, sentence = next(
                ((i, s) for i, s in by_block[b] if s.start <= start < s.end), by_block[b][0]
            )
            quoted = article.text[inner[0] : inner[1]]
            words = len(quoted.split())
            speaker = _speaker(article.text, max(sentence.start, block.start), start, end, in_block, words)
            if speaker is None and n == 0 and a == 0:
                speaker = running
            if speaker is None or words < 2 or _names_speaker(speaker, quoted):
                continue
            quotes.append(Quote(speaker.start, inner[0], inner[1], index))
            credited_last = speaker if n == len(spans) - 1 else None
        running = (
            credited_last
            if spans and spans[-1][1] == len(block.text) and not block.text.endswith(('"', "”"))
            else None
        )
    return quotes


def _names_speaker(speaker: Mention, quoted: str) -> bool:
    """Whether the quoted words name their speaker, by a word of the name ('... than Mr Kennedy,' he said;
    '"Steven is above money," he said' of Steven Gerrard): people rarely speak of themselves by name, so
    the credit is more likely wrong."""
    words = [w for w in speaker.name.split() if len(w) > 2 and w[:1].isupper()]
    return any(re.search(rf"\b{re.escape(w)}\b", quoted) for w in words)


def _speaker(
    text: str, sentence_start: int, start: int, end: int, people: list[Mention], words: int
) -> Mention | None:
    """Who the paragraph says spoke the quotation at text[start:end] (marks included), of the people named
    in the paragraph."""
    before = text[sentence_start:start]
    direct = not before.strip() or before.rstrip().endswith((":", ","))
    ends_a_clause = re.search(r"[,?!…—-]\s*[\"”]$", text[start:end]) or text[end : end + 1] == ","
    if direct and ends_a_clause:  # after the quotation: ', said Mr Smith', ', Mr Smith said', ', he said'
        after = [m for m in people if end <= m.start <= end + 60]
        for m in after:
            if _SPEAKER_THEN_VERB.fullmatch(text[end : m.start]) and re.match(
                r"\s+" + SPEECH_VERBS + r"\b", text[m.end : m.end + 20]
            ):
                return m
        # The last name of the title run: 'said Cobain biographer Charles Cross' is Charles Cross speaking.
        titled = [m for m in after if _VERB_THEN_SPEAKER.fullmatch(text[end : m.start])]
        if titled:
            return titled[-1]
    earlier = [m for m in people if sentence_start <= m.start and m.end <= start]
    for m in sorted(earlier, key=lambda m: -m.start):
        between = text[m.end : start]
        if direct and _INTRODUCES.fullmatch(between):
            return m
        if not direct and words >= MIN_FRAGMENT_WORDS and _INTRODUCES_FRAGMENT.fullmatch(between):
            return m
    return None


def _asides(quote: Quote, text: str) -> list[tuple[int, int]]:
    """The writer's own words inside a quotation: '(in North Carolina)', '[the committee]'."""
    return [
        (quote.start + m.start(), quote.start + m.end())
        for m in re.finditer(r"\([^()]*\)|\[[^\[\]]*\]", text[quote.start : quote.end])
    ]


def quote_actions(quotes: Sequence[Quote], mentions: Sequence[Mention], text: str) -> list[Action]:
    """What each quotation names, as the speaker speaking about it ('"Blair should go," said Howard':
    Howard spoke about Blair); never the speaker, a date, a word that stands for a name, or what the writer
    put in brackets."""
    speakers = {m.start: m for m in mentions}
    out = []
    for quote in quotes:
        speaker = speakers[quote.speaker]
        asides = _asides(quote, text)
        for m in mentions:
            named = quote.start <= m.start < quote.end and m.type not in _NOT_SPOKEN_OF and not m.refers
            if named and m.name != speaker.name and not any(a <= m.start < b for a, b in asides):
                out.append(Action(quote.speaker, m.start, SPEAK.key, m.sentence))
    return list(dict.fromkeys(out))
