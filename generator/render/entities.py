"""Entity pages: name, type, description, aliases, roles, the articles, every mention in context, related entities, network."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..markup import md_inline, md_text, safe_url
from ..model import Corpus, EntityMention, EntityType, Page
from ..network import TYPE_LABELS
from ..relate import Neighbourhoods
from .common import SiteIndex, front_matter, md_link, render_template
from .facts import Facts, anchor_of
from .graphs import ego_graph_context, neighbourhood

MAX_MENTIONS_PER_ARTICLE = 20
MAX_RELATED = 15
ENTITY_SEARCH_BOOST = 2


def _highlighted(sentence_text: str, sentence_start: int, em: EntityMention) -> str:
    local_start = em.mention.start - sentence_start
    local_end = em.mention.end - sentence_start
    before, inside, after = sentence_text[:local_start], sentence_text[local_start:local_end], sentence_text[local_end:]
    return f"{md_inline(before)}<mark>{md_inline(inside)}</mark>{md_inline(after)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _related(entity_id: str, graph: nx.Graph) -> list[str]:
    """The neighbours the Related list shows: the most sentences shared first, then by name."""
    if entity_id not in graph:
        return []
    ranked = sorted(graph[entity_id], key=lambda n: (-graph.edges[entity_id, n]["weight"], graph.nodes[n]["name"].casefold(), n))
    return ranked[:MAX_RELATED]


def _related_lines(entity_id: str, related: list[str], graph: nx.Graph, index: SiteIndex, path: str) -> list[str]:
    """Each related entity with the number of shared sentences and one of them, linked to its paragraph."""
    lines = []
    for other in related:
        data = graph.edges[entity_id, other]
        target = index.entity_path(other)
        name = graph.nodes[other]["name"]
        line = f"{md_link(name, target, path) if target else md_inline(name)} — {_plural(data['weight'], 'shared sentence')}"
        evidence = data.get("evidence") or []
        if evidence:
            ev = evidence[0]
            where = index.article_path(ev.article) + (f"#{ev.anchor}" if ev.anchor else "")
            line += f": “{md_inline(ev.sentence)}” {md_link('↩', where, path)}"
        lines.append(line)
    return lines


def render_entity(entity_id: str, corpus: Corpus, graph: nx.Graph, index: SiteIndex, settings: Settings, facts: Facts,
                  neighbourhoods: Neighbourhoods | None = None) -> Page:
    """An entity's page; pass one Neighbourhoods of graph when rendering many."""
    neighbourhoods = neighbourhoods or Neighbourhoods(graph)
    entity = corpus.entities[entity_id]
    path = index.entity_path(entity_id)
    by_article: dict[str, list[EntityMention]] = {}
    for em in facts.mentions_by_entity.get(entity_id, ()):
        by_article.setdefault(em.article, []).append(em)
    groups, roles, articles = [], [], []
    for slug in facts.articles_of(entity_id):
        item = facts.by_slug[slug]
        article_link = md_link(item.article.title, index.article_path(slug), path)
        mentions = sorted(by_article[slug], key=lambda m: m.mention.start)
        articles.append(f"{article_link} — {_plural(len(mentions), 'mention')}")
        lines = []
        for em in mentions[:MAX_MENTIONS_PER_ARTICLE]:
            sentence = item.sentences[em.mention.sentence]
            anchor = anchor_of(item, em.mention.sentence)
            quote = " ".join(_highlighted(sentence.text, sentence.start, em).split())
            target = index.article_path(slug) + (f"#{anchor}" if anchor else "")
            lines.append(f"{quote} {md_link('↩', target, path)}")
        rest = len(mentions) - MAX_MENTIONS_PER_ARTICLE
        groups.append({"article_link": article_link, "lines": lines,
                       "rest": f"… and {_plural(rest, 'more mention')} in this article" if rest > 0 else ""})
        for ae in corpus.article_entities[slug]:
            if ae.entity == entity_id and ae.role:
                roles.append(f"{md_inline(ae.role)} — in {article_link}")
    total = facts.mentions(entity_id)
    summary = f"{TYPE_LABELS[entity.type.value]} · {_plural(total, 'mention')} in {_plural(len(articles), 'article')}"
    meta = {"title": entity.name, "explainer": "entity", "entity_type": entity.type.value, "mentions": total}
    if entity.type is not EntityType.DATE:
        meta["search"] = {"boost": ENTITY_SEARCH_BOOST}  # a name search lands on the name's own page first
    if entity.aliases:
        meta["aliases"] = list(entity.aliases)
    link = safe_url(entity.link)
    view = neighbourhood(neighbourhoods, entity_id)
    related = _related(entity_id, graph)
    context = {
        "front_matter": front_matter(meta),
        "name": md_text(entity.name),
        "summary": summary,
        "description": md_text(entity.description) if entity.description else "",
        "link": f"[{md_inline(link)}]({link})" if link else "",
        "aliases": ", ".join(md_inline(a) for a in entity.aliases if a != entity.name),
        "roles": roles,
        "articles": articles,
        "mention_groups": groups,
        "related": _related_lines(entity_id, related, graph, index, path),
        "graph": ego_graph_context(view, entity_id, index, path, settings, f"Who and what {entity.name} is connected with"),
    }
    shown = (set(view) | set(related)) - {entity_id}
    return Page(path, render_template("entity.md.j2", context), draws=tuple(sorted(shown)))
