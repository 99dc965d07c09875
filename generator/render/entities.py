"""Entity pages: name, type, roles, every mention in context, the entity's network."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..config import Settings
from ..markup import md_inline, md_text
from ..model import Corpus, EntityMention, Page
from ..network import TYPE_LABELS
from .common import SiteIndex, front_matter, md_link, render_template
from .graphs import ego_graph_context

MAX_MENTIONS_PER_ARTICLE = 20


def _highlighted(sentence_text: str, sentence_start: int, em: EntityMention) -> str:
    local_start = em.mention.start - sentence_start
    local_end = em.mention.end - sentence_start
    before, inside, after = sentence_text[:local_start], sentence_text[local_start:local_end], sentence_text[local_end:]
    return f"{md_inline(before)}<mark>{md_inline(inside)}</mark>{md_inline(after)}"


def render_entity(entity_id: str, corpus: Corpus, graph: nx.Graph, index: SiteIndex, settings: Settings) -> Page:
    entity = corpus.entities[entity_id]
    path = index.entity_path(entity_id)
    by_article: dict[str, list[EntityMention]] = defaultdict(list)
    for em in corpus.mentions:
        if em.entity == entity_id:
            by_article[em.article].append(em)
    items = {item.article.slug: item for item in corpus.articles}
    groups = []
    roles = []
    for slug in sorted(by_article, key=lambda s: (items[s].article.title.casefold(), s)):
        item = items[slug]
        lines = []
        mentions = sorted(by_article[slug], key=lambda m: m.mention.start)
        for em in mentions[:MAX_MENTIONS_PER_ARTICLE]:
            sentence = item.sentences[em.mention.sentence]
            anchor = item.article.blocks[sentence.block].anchor if sentence.block >= 0 else ""
            quote = " ".join(_highlighted(sentence.text, sentence.start, em).split())
            target = index.article_path(slug) + (f"#{anchor}" if anchor else "")
            lines.append(f"{quote} {md_link('↩', target, path)}")
        if len(mentions) > MAX_MENTIONS_PER_ARTICLE:
            lines.append(f"… and {len(mentions) - MAX_MENTIONS_PER_ARTICLE} more in this article")
        groups.append({"article_link": md_link(item.article.title, index.article_path(slug), path), "lines": lines})
        for ae in corpus.article_entities[slug]:
            if ae.entity == entity_id and ae.role and ae.role not in roles:
                roles.append(ae.role)
    meta = {"title": entity.name, "explainer": "entity", "entity_type": entity.type.value}
    if entity.aliases:
        meta["aliases"] = list(entity.aliases)
    context = {
        "front_matter": front_matter(meta),
        "name": md_text(entity.name),
        "type_label": TYPE_LABELS[entity.type.value],
        "roles": md_inline(", ".join(roles)),
        "mention_groups": groups,
        "graph": ego_graph_context(graph, entity_id, index, path, settings, f"Who and what {entity.name} is connected with"),
    }
    return Page(path, render_template("entity.md.j2", context))
