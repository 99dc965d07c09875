"""Article pages: headline, sections, paragraphs with linked mentions, sidebar data, network."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..config import Settings
from ..markup import escape_block_start, md_inline, md_text, safe_url
from ..model import Article, Corpus, EntityMention, Page
from ..relate import article_view
from .common import SiteIndex, front_matter, md_link, render_template
from .graphs import graph_context


def _linked_text(article: Article, start: int, text: str, mentions: list[EntityMention], index: SiteIndex, current: str) -> str:
    """A block's text as Markdown with each resolved mention linked to its entity page."""
    out, cursor = [], 0
    for em in sorted(mentions, key=lambda m: m.mention.start):
        local_start, local_end = em.mention.start - start, em.mention.end - start
        if local_start < cursor or local_end > len(text):
            continue  # overlapping or outside this block
        path = index.entity_path(em.entity)
        out.append(md_inline(text[cursor:local_start]))
        mention_text = text[local_start:local_end]
        out.append(md_link(mention_text, path, current) if path else md_inline(mention_text))
        cursor = local_end
    out.append(md_inline(text[cursor:]))
    return escape_block_start(" ".join("".join(out).split()))


def render_article(article: Article, corpus: Corpus, graph: nx.Graph, index: SiteIndex, settings: Settings) -> Page:
    path = index.article_path(article.slug)
    by_block: dict[int, list[EntityMention]] = defaultdict(list)
    block_spans = [(b.start, b.start + len(b.text)) for b in article.blocks]
    for em in corpus.mentions:
        if em.article != article.slug:
            continue
        for i, (s, e) in enumerate(block_spans):
            if s <= em.mention.start < e:
                by_block[i].append(em)
                break
    blocks = []
    for i, block in enumerate(article.blocks):
        if block.kind == "heading":
            text = md_text(block.text)
        else:
            text = _linked_text(article, block.start, block.text, by_block[i], index, path)
        blocks.append({"kind": block.kind, "text": text, "anchor": block.anchor})

    entities = []
    for ae in corpus.article_entities[article.slug]:
        entity = corpus.entities[ae.entity]
        entities.append({
            "name": entity.name,
            "type": entity.type.value,
            "slug": entity.id if index.entity_path(entity.id) else None,
            "count": ae.count,
            "role": ae.role,
        })
    meta = {"title": article.title, "explainer": "article", "source_file": article.source.as_posix()}
    for key in ("date", "source", "url", "author", "summary"):
        value = getattr(article.meta, key)
        if value:
            meta[key] = value
    if article.meta.tags:
        meta["tags"] = list(article.meta.tags)
    meta["entities"] = entities

    source_bits = []
    if article.meta.source:
        url = safe_url(article.meta.url)
        source_bits.append(f"[{md_inline(article.meta.source)}]({url})" if url else md_inline(article.meta.source))
    elif safe_url(article.meta.url):
        source_bits.append(f"[Original article]({safe_url(article.meta.url)})")
    if article.meta.author:
        source_bits.append(md_inline(article.meta.author))
    if article.meta.date:
        source_bits.append(md_inline(article.meta.date))
    source_line = "Source: " + " · ".join(source_bits) if source_bits else ""

    view = article_view(graph, corpus, article.slug)
    context = {
        "front_matter": front_matter(meta),
        "title": md_text(article.title),
        "source_line": source_line,
        "blocks": blocks,
        "graph": graph_context(view, index, path, settings, f"How the people, places and organisations in “{article.title}” are connected"),
    }
    return Page(path, render_template("article.md.j2", context))
