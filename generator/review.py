"""The editor's review queue: what the rules may have got wrong, each with the seeds/entities.yml entry that
settles it.

- likely duplicates: a lone surname left beside full names that share it, names a letter or two apart,
  an acronym beside what it may stand for;
- type conflicts: an entity its mentions give two types;
- entities resting on one mention in a suspicious place: a headline-like line, or a name glued to
  another word.

`python -m generator review` prints it; every build writes it to reports/review.md, outside the site.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .model import Corpus, EntityType
from .names import fold, person_key

MAX_SUGGESTIONS = 60
NAMED_AT_LEAST = 2  # likely duplicates are looked for among entities named this often: the ones with pages
SIMILAR = 0.88  # difflib's ratio above which two names of one type are a letter or two apart
CONFLICT_SHARE = 0.3  # a second type given by this share of the mentions is a conflict


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "duplicate", "type", "suspicious"
    message: str
    snippet: str  # YAML for seeds/entities.yml
    weight: int  # mentions at stake, for ordering


def _yaml_name(name: str) -> str:
    return (
        name
        if re.fullmatch(r"[A-Za-z][\w .'’-]*", name) and ": " not in name
        else '"' + name.replace('"', '\\"') + '"'
    )


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or left out (Gazprom, Gazprum)."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    cut = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    return a[cut + (len(a) == len(b)) :] == b[cut + 1 :]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).upper()


def review(corpus: Corpus) -> list[Suggestion]:
    """The queue, most mentions at stake first."""
    mentions: Counter[str] = Counter(em.entity for em in corpus.mentions)
    types: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for em in corpus.mentions:
        types[em.entity][em.mention.type] += 1
    entities = corpus.entities
    named = [
        e
        for e in entities
        if mentions[e] >= NAMED_AT_LEAST and entities[e].type not in (EntityType.DATE, EntityType.GROUP)
    ]
    found: list[Suggestion] = []

    def merge(keep: str, other: str, why: str) -> None:
        a, b = entities[keep], entities[other]
        if fold(a.name) == fold(b.name):  # an entry by the name merges every entity shown under it
            found.append(
                Suggestion(
                    "duplicate",
                    f"two entities are called '{a.name}' ({a.id}, {b.id})",
                    f"{_yaml_name(a.name)}: {{}}",
                    mentions[keep] + mentions[other],
                )
            )
            return
        found.append(
            Suggestion(
                "duplicate",
                f"'{b.name}' may be '{a.name}' ({why})",
                f"{_yaml_name(a.name)}:\n  merge: [{_yaml_name(b.name)}]",
                mentions[keep] + mentions[other],
            )
        )

    by_surname: dict[str, list[str]] = defaultdict(list)
    for e in named:
        if entities[e].type is EntityType.PERSON and " " in entities[e].name:
            by_surname[person_key(entities[e].name).split()[-1]].append(e)
    for e in named:
        key = person_key(entities[e].name)
        if " " not in key and len(by_surname.get(key, [])) > 1:
            best = max(by_surname[key], key=lambda f: (mentions[f], f))
            merge(best, e, f"a lone surname beside {len(by_surname[key])} full names")
    folded = {e: fold(entities[e].name) for e in named}
    buckets: dict[tuple[EntityType, str], list[str]] = defaultdict(list)
    for e in named:
        buckets[(entities[e].type, folded[e][:3])].append(e)
    for bucket in buckets.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                fa, fb = folded[a], folded[b]
                if abs(len(fa) - len(fb)) > 2:
                    continue
                matcher = difflib.SequenceMatcher(None, fa, fb)
                # Each ratio bounds the next from above and costs less: the full one only where it can pass.
                close = (
                    matcher.real_quick_ratio() >= SIMILAR
                    and matcher.quick_ratio() >= SIMILAR
                    and matcher.ratio() >= SIMILAR
                )
                if close or (min(len(fa), len(fb)) >= 5 and _one_letter_apart(fa, fb)):
                    keep, other = (a, b) if mentions[a] >= mentions[b] else (b, a)
                    merge(keep, other, "names a letter or two apart")
    by_initials = {_initials(entities[e].name): e for e in named if len(entities[e].name.split()) >= 2}
    for e in named:
        name = entities[e].name
        if re.fullmatch(r"[A-Z]{2,6}", name) and by_initials.get(name, e) != e:
            merge(by_initials[name], e, "an acronym of it")
    for e in named:
        votes = types[e]
        if len(votes) > 1:
            (first, _), (second, n2) = votes.most_common(2)
            if n2 >= CONFLICT_SHARE * sum(votes.values()):
                chosen = entities[e].type
                other = second if chosen is first else first
                found.append(
                    Suggestion(
                        "type",
                        f"'{entities[e].name}' is typed {chosen.value}, but {votes[other]} of its "
                        f"{sum(votes.values())} mentions read it as: {other.value}",
                        f"{_yaml_name(entities[e].name)}:\n  type: {other.value}",
                        sum(votes.values()),
                    )
                )
    found += _suspicious(corpus, mentions)
    found.sort(key=lambda s: (-s.weight, s.kind, s.message))
    return list({s.message: s for s in found}.values())[:MAX_SUGGESTIONS]


def _suspicious(corpus: Corpus, mentions: Counter[str]) -> list[Suggestion]:
    """Entities named once, where the one mention stands in a headline-like line or is glued to a word."""
    by_slug = {item.article.slug: item for item in corpus.articles}
    out = []
    for em in corpus.mentions:
        entity = corpus.entities[em.entity]
        if mentions[em.entity] != 1 or entity.type is EntityType.DATE:
            continue
        sentence = by_slug[em.article].sentences[em.mention.sentence].text
        words = re.findall(r"[A-Za-z][\w'’-]*", sentence)
        headline = len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7
        glued = bool(re.search(r"[a-z][A-Z]|\d[A-Za-z]|[A-Za-z]\d", entity.name))
        if headline or glued:
            why = "a headline-like line" if headline else "a name glued to another word"
            out.append(
                Suggestion(
                    "suspicious",
                    f"'{entity.name}' rests on one mention, in {why}: “{sentence[:80]}”",
                    f"{_yaml_name(entity.name)}:\n  hide: true",
                    1,
                )
            )
    return out


def as_markdown(suggestions: list[Suggestion]) -> str:
    """The queue as the report file holds it."""
    if not suggestions:
        return (
            "# Review queue\n\nNothing to review: no likely duplicate, type conflict or suspicious entity.\n"
        )
    lines = [
        "# Review queue",
        "",
        "Add the entry that settles an item to seeds/entities.yml and build again.",
        "",
    ]
    for s in suggestions:
        lines += [
            f"- **{s.kind}**: {s.message}",
            "",
            "  ```yaml",
            *[f"  {line}" for line in s.snippet.splitlines()],
            "  ```",
            "",
        ]
    return "\n".join(lines)
