"""Stage 3, resolve: mentions → the site's entities, one id and one slug per real thing.

1. Mentions group into real things, in each article and across the site (merge.py): 'Putin' joins
   'Vladimir Putin', U.S. joins United States, an acronym what it stands for.
2. The editor's curation entries apply (curation.py).
3. Each group gets its type (the site's vote) and its name (the one most used), then an id, claimed in
   sorted key order, so ids are stable from build to build.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .curation import CurationEntry
from .merge import Group, group_mentions
from .model import (
    TYPE_PRIORITY,
    ArticleEntity,
    Corpus,
    Entity,
    EntityMention,
    EntityType,
    Evidence,
    ExtractedArticle,
    Quotation,
    Report,
)
from .names import canonical_name, demonym_country, fold
from .site_mentions import site_mentions
from .slugs import SlugRegistry


def _type_of(group: Group) -> EntityType:
    """The editor's type, else the site's vote: a person in nine articles is a person in the tenth."""
    if group.type is not None:
        return group.type
    votes = Counter(m.type for _, m in group.mentions)
    return min(votes, key=lambda t: (-votes[t], TYPE_PRIORITY.index(t)))


def _name_of(group: Group) -> str:
    if group.name:
        return group.name
    entity_type = _type_of(group)
    counts = Counter(
        canonical_name(m.name) if entity_type is not EntityType.PERSON else m.name for _, m in group.mentions
    )
    if entity_type is EntityType.PERSON and any(" " in n for n in counts):
        counts = Counter({n: c for n, c in counts.items() if " " in n})  # the full name, not the surname
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def _find(groups: dict[str, Group], name: str) -> list[str]:
    """Keys of the groups an editor means by name: its shown name first, else any of its spellings."""
    wanted = fold(name)
    shown = [k for k, g in groups.items() if fold(_name_of(g)) == wanted]
    return shown or sorted(k for k, g in groups.items() if wanted in g.spellings())


def _curate(groups: dict[str, Group], entries: Sequence[CurationEntry], report: Report) -> None:
    """Apply the editor's entries in order; an entry that matches nothing is reported."""
    for entry in entries:
        keys = _find(groups, entry.match)
        if not keys:
            report.add(entry.source, f"entities: entry '{entry.match}' matches no entity; check its spelling")
            continue
        target = groups[keys[0]]
        for key in keys[1:]:
            target.mentions += groups.pop(key).mentions
        for other in (*entry.merge, *entry.aliases):
            found = [k for k in _find(groups, other) if k != target.key]
            if not found and other in entry.merge:
                report.add(entry.source, f"entities: '{other}' in merge of '{entry.match}' matches no entity")
            for key in found:
                target.mentions += groups.pop(key).mentions
        for new_name, places in entry.split.items():
            moved = [(a, m) for a, m in target.mentions if a in set(places)]
            if not moved:
                report.add(
                    entry.source, f"entities: split '{new_name}' of '{entry.match}' matches no article of it"
                )
                continue
            target.mentions = [pair for pair in target.mentions if pair not in moved]
            split = groups.setdefault("curated:" + fold(new_name), Group("curated:" + fold(new_name)))
            split.mentions += moved
            split.name = new_name
        if entry.hide:
            del groups[target.key]
            continue
        target.name = entry.rename or target.name
        target.type = entry.type or target.type
        target.aliases += [a for a in entry.aliases if a not in target.aliases]
        target.description = entry.description or target.description
        target.link = entry.link or target.link


def resolve(
    extracted: Sequence[ExtractedArticle],
    curation: Sequence[CurationEntry] = (),
    report: Report | None = None,
) -> Corpus:
    """Entities of the whole corpus with every mention attributed; curation applied last."""
    report = report if report is not None else Report()
    mentions_of = site_mentions(extracted)
    groups = group_mentions(extracted, mentions_of)
    slug_of_source = {str(item.article.source): item.article.slug for item in extracted}
    curation = [_with_slugs(e, slug_of_source) for e in curation]
    _curate(groups, curation, report)
    groups = {k: g for k, g in groups.items() if g.mentions}

    slugs = SlugRegistry()
    entities: dict[str, Entity] = {}
    id_of_group: dict[str, str] = {}
    for key in sorted(groups):
        group = groups[key]
        name = _name_of(group)
        entity_id = slugs.claim(name, key=key)
        id_of_group[key] = entity_id
        spellings = {m.name for _, m in group.mentions} | set(group.aliases)
        aliases = tuple(
            sorted({s for s in spellings if fold(s) != fold(name)}, key=lambda s: (s.casefold(), s))
        )
        entities[entity_id] = Entity(entity_id, name, _type_of(group), aliases, group.description, group.link)
    _link_groups_to_countries(entities)

    entity_of: dict[tuple[str, int], str] = {}
    for key, group in groups.items():
        for article, mention in group.mentions:
            entity_of[(article, mention.start)] = id_of_group[key]
    resolved: list[EntityMention] = []
    per_article: dict[str, tuple[ArticleEntity, ...]] = {}
    for item in extracted:
        slug = item.article.slug
        counts: Counter[str] = Counter()
        roles: dict[str, str] = {}
        for mention in mentions_of[slug]:
            entity_id = entity_of.get((slug, mention.start))
            if entity_id is None:
                continue  # hidden by the editor
            resolved.append(EntityMention(entity_id, slug, mention))
            counts[entity_id] += 1
            if mention.role and len(mention.role) > len(roles.get(entity_id, "")):
                roles[entity_id] = mention.role  # the most specific role the article gives
        ordered = sorted(counts, key=lambda e: (-counts[e], entities[e].name.casefold()))
        per_article[slug] = tuple(ArticleEntity(e, counts[e], roles.get(e)) for e in ordered)
    return Corpus(
        tuple(extracted), entities, tuple(resolved), per_article, _quotations(extracted, entity_of, entities)
    )


def _quotations(
    extracted: Sequence[ExtractedArticle], entity_of: dict[tuple[str, int], str], entities: dict[str, Entity]
) -> tuple:
    """Each credited quote with its speaker's entity: a person (one the editor hid says nothing)."""
    found = []
    for item in extracted:
        slug = item.article.slug
        for quote in item.quotes:
            speaker = entity_of.get((slug, quote.speaker))
            if speaker is None or entities[speaker].type is not EntityType.PERSON:
                continue  # hidden by the editor, or no person after all (a party, a band)
            sentence = item.sentences[quote.sentence]
            anchor = item.article.blocks[sentence.block].anchor if sentence.block >= 0 else ""
            words = item.article.text[quote.start : quote.end]
            # A quotation that runs on marks each new paragraph of it with an opening mark: not its words.
            words = " ".join(re.sub(r'(?<=\s)["“](?=\S)', "", words).split())
            found.append(
                Quotation(speaker, slug, words, Evidence(slug, anchor, " ".join(sentence.text.split())))
            )
    return tuple(found)


def _with_slugs(entry: CurationEntry, slug_of_source: dict[str, str]) -> CurationEntry:
    """Split targets may name seeds by path; resolve works with article slugs."""
    if not entry.split:
        return entry
    split = {name: tuple(slug_of_source.get(p, p) for p in places) for name, places in entry.split.items()}
    return CurationEntry(**{**entry.__dict__, "split": split})


def _link_groups_to_countries(entities: dict[str, Entity]) -> None:
    """A group names its country by id where the site has it ('North Korean' → north-korea)."""
    place_ids = {fold(e.name): e.id for e in entities.values() if e.type is EntityType.PLACE}
    for entity_id, entity in list(entities.items()):
        if entity.type is EntityType.GROUP:
            country = demonym_country(entity.name)
            if country and fold(country) in place_ids:
                entities[entity_id] = Entity(**{**entity.__dict__, "country": place_ids[fold(country)]})
