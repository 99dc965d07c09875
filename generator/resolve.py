"""Stage 3, resolve: raw mentions → the site's canonical entities.

One entity per distinct name and type across the whole site, with a stable id
that is also the slug of its page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from .model import ArticleEntity, Corpus, Entity, EntityMention, EntityType, ExtractedArticle
from .slugs import SlugRegistry


def entity_key(name: str, entity_type: EntityType) -> tuple[str, str]:
    return (entity_type.value, name.casefold())


def resolve(extracted: Sequence[ExtractedArticle]) -> Corpus:
    """Entities of the whole corpus; ids claimed in sorted order so they are stable."""
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for item in extracted:
        for mention in item.mentions:
            names[entity_key(mention.name, mention.type)][mention.name] += 1

    slugs = SlugRegistry()
    entities: dict[str, Entity] = {}
    id_of: dict[tuple[str, str], str] = {}
    for key in sorted(names):
        # The spelling used most often, ties broken alphabetically.
        name = min(names[key], key=lambda n: (-names[key][n], n))
        entity_id = slugs.claim(name, key="\x00".join(key))
        id_of[key] = entity_id
        entities[entity_id] = Entity(id=entity_id, name=name, type=EntityType(key[0]))

    resolved: list[EntityMention] = []
    per_article: dict[str, tuple[ArticleEntity, ...]] = {}
    for item in extracted:
        counts: Counter[str] = Counter()
        roles: dict[str, str] = {}
        for mention in item.mentions:
            entity_id = id_of[entity_key(mention.name, mention.type)]
            resolved.append(EntityMention(entity_id, item.article.slug, mention))
            counts[entity_id] += 1
            if mention.role and entity_id not in roles:
                roles[entity_id] = mention.role
        ordered = sorted(counts, key=lambda e: (-counts[e], entities[e].name.casefold()))
        per_article[item.article.slug] = tuple(ArticleEntity(e, counts[e], roles.get(e)) for e in ordered)
    return Corpus(tuple(extracted), entities, tuple(resolved), per_article)
