"""Proposals for the re-typer: runs of capitalised words the recogniser passed over, or longer than its span.

'Rabobank' in 'shares in Rabobank', 'Reserve Bank of India' round the
recogniser's 'India'. They are only candidates: retype.py's model types them
or turns them down, and a proposal is taken only when the model is sure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, EntityType, Mention, Sentence
from ..names import fold
from .retype import NameGroup
from .spans import clean_span, is_caps_line, keep, strip_titles, without_question_opener

_CONNECTORS = frozenset("of de la du van von der den al bin ibn da di el y for &".split())
_TOKEN = re.compile(r"\S+")
_OPENING = "\"'“‘([{"
_CLOSING = ",;:.!?\"'”’)]}"
_POSSESSIVE_END = re.compile(r"[’']s?[,;:.!?]*$")
_LOWERCASE_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’-]*(?![\w-])")
_CAPITALISED = re.compile(r"^[A-Z][\w.&'’-]*$")


def proposals(
    article: Article, sentences: Sequence[Sentence], mentions: Sequence[Mention], known: set[str]
) -> list[NameGroup]:
    """Runs of capitalised words ('Rabobank', 'Banco Santander') that no mention overlaps, or that hold
    mentions and are longer ('Reserve Bank of India' round 'India'), and that no known name spells, outside
    all-caps lines: candidates for the model to type or turn down. A longer run taken replaces what it holds.
    """
    taken = sorted((m.start, m.end, m.type) for m in mentions)
    starts = [s for s, _, _ in taken]
    lowercase = set(_LOWERCASE_WORD.findall(article.text))
    found: dict[str, list[Mention]] = defaultdict(list)
    held: dict[str, list[EntityType]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        if is_caps_line(sentence.text):
            continue
        for start, end in _capitalised_runs(sentence.text):
            if not sentence.text[:start].strip(_OPENING):
                # A sentence's first word is capitalised anyway: 'Could' is no name if 'could' is a word here.
                first = re.match(r"[^\s]+", sentence.text[start:end]).group()
                if first.casefold() in lowercase:
                    rest = re.match(r"[^\s]+\s+", sentence.text[start:end])
                    if rest is None:
                        continue
                    start += rest.end()
            begin, finish = sentence.start + start, sentence.start + end
            inside = []
            k = bisect_right(starts, finish - 1) - 1
            while k >= 0 and taken[k][1] > begin:
                inside.append(taken[k])
                k -= 1
            if any(s < begin or e > finish or kind is EntityType.DATE for s, e, kind in inside):
                continue  # crosses a mention's edge, or holds a date ('Monday')
            text = article.text[begin:finish]
            lead, trail = clean_span(text)  # 'The Reserve Bank' → 'Reserve Bank'
            offered = Mention(text[lead:trail], begin + lead, begin + trail, index, EntityType.PERSON, "")
            # 'Mr John Smith', 'Is Trump' (a question's first word)
            named = strip_titles(
                without_question_opener(replace(offered, name=" ".join(offered.text.split())))
            )
            if named is None or not keep(named, article.text) or fold(named.name) in known:
                continue
            if any(s < named.start or e > named.end for s, e, _ in inside):
                continue
            found[fold(named.name)].append(replace(named, type=EntityType.OTHER))
            held[fold(named.name)] += [kind for _, _, kind in inside]
    return [
        NameGroup(key, group[0].name, EntityType.OTHER, tuple(group), tuple(held[key]), proposed=True)
        for key, group in found.items()
    ]


def _capitalised_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised words, joined by at most one connector ('of', 'de', '&').
    Punctuation, a quote or a possessive ends a run."""
    runs: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    connector = False
    for token in _TOKEN.finditer(text):
        raw = token.group()
        word = raw.lstrip(_OPENING)
        lead = len(raw) - len(word)
        possessive = _POSSESSIVE_END.search(word)
        word = word[: possessive.start()] if possessive else word.rstrip(_CLOSING)
        start = token.start() + lead
        trail = raw[lead + len(word) :]
        # A full stop inside a sentence ends an abbreviation ('U.S.', 'Co.'), not the name.
        closed = possessive is not None or (
            trail != "" and (trail != "." or token.end() >= len(text.rstrip()))
        )
        if word and _CAPITALISED.match(word):
            if run is not None and lead:
                runs.append(run)
                run = None
            run = (start, start + len(word)) if run is None else (run[0], start + len(word))
            connector = False
            if closed:
                runs.append(run)
                run = None
        elif run is not None and not connector and not lead and not closed and word.casefold() in _CONNECTORS:
            connector = True
        else:
            if run is not None:
                runs.append(run)
            run, connector = None, False
    if run is not None:
        runs.append(run)
    return runs
