"""Entity pages: name, type, description, aliases, roles, the articles, every mention in context, related
entities, network."""

from __future__ import annotations

from ..markup import md_inline, md_text, safe_url
from ..model import TYPE_INFO, EntityMention, EntityType, Page
from .common import front_matter, md_link, render_template
from .graphs import ego_graph_context, neighbourhood
from .paths import article_path, entity_page_path
from .site import Site

MAX_MENTIONS_PER_ARTICLE = 20
MAX_RELATED = 15
ENTITY_SEARCH_BOOST = 2


def _highlighted(sentence_text: str, sentence_start: int, em: EntityMention) -> str:
    local_start = em.mention.start - sentence_start
    local_end = em.mention.end - sentence_start
    before, inside, after = (
        sentence_text[:local_start],
        sentence_text[local_start:local_end],
        sentence_text[local_end:],
    )
    return f"{md_inline(before)}<mark>{md_inline(inside)}</mark>{md_inline(after)}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _related_lines(entity_id: str, related: list[str], site: Site, path: str) -> list[str]:
    """Each related entity with the number of shared sentences and one of them, linked to its paragraph."""
    lines = []
    for other in related:
        link = site.link_between(entity_id, other)
        target = site.entity_path(other)
        name = site.entity(other).name
        shown = md_link(name, target, path) if target else md_inline(name)
        line = f"{shown} — {plural(link.weight, 'shared sentence')}"
        if link.evidence:
            ev = link.evidence[0]
            where = article_path(ev.article) + (f"#{ev.anchor}" if ev.anchor else "")
            line += f": “{md_inline(ev.sentence)}” {md_link('↩', where, path)}"
        lines.append(line)
    return lines


class EntityPages:
    """One page per entity worth one (Site.entities_with_a_page)."""

    name = "entity pages"
    where = "pool"

    def keys(self, site: Site) -> list[str]:
        return site.entities_with_a_page()

    def path(self, site: Site, key: str) -> str:
        return entity_page_path(key)

    def draw(self, site: Site, key: str) -> Page:
        entity = site.entity(key)
        path = entity_page_path(key)
        by_article: dict[str, list[EntityMention]] = {}
        for em in site.mentions_of(key):
            by_article.setdefault(em.article, []).append(em)
        roles_in = site.roles_of(key)
        groups, roles, articles = [], [], []
        for slug in site.articles_of(key):
            article_link = md_link(site.headline(slug).title, article_path(slug), path)
            mentions = sorted(by_article[slug], key=lambda m: m.mention.start)
            articles.append(f"{article_link} — {plural(len(mentions), 'mention')}")
            lines = []
            for em in mentions[:MAX_MENTIONS_PER_ARTICLE]:
                sentence, anchor = site.sentence_of(em)
                quote = " ".join(_highlighted(sentence.text, sentence.start, em).split())
                target = article_path(slug) + (f"#{anchor}" if anchor else "")
                lines.append(f"{quote} {md_link('↩', target, path)}")
            rest = len(mentions) - MAX_MENTIONS_PER_ARTICLE
            groups.append(
                {
                    "article_link": article_link,
                    "lines": lines,
                    "rest": f"… and {plural(rest, 'more mention')} in this article" if rest > 0 else "",
                }
            )
            if slug in roles_in:
                roles.append(f"{md_inline(roles_in[slug])} — in {article_link}")
        total = site.mention_count(key)
        in_articles = plural(len(articles), "article")
        summary = f"{TYPE_INFO[entity.type].label} · {plural(total, 'mention')} in {in_articles}"
        meta = {
            "title": entity.name,
            "explainer": "entity",
            "entity_type": entity.type.value,
            "mentions": total,
        }
        if entity.type is not EntityType.DATE:
            meta["search"] = {
                "boost": ENTITY_SEARCH_BOOST
            }  # a name search lands on the name's own page first
        if entity.aliases:
            meta["aliases"] = list(entity.aliases)
        link = safe_url(entity.link)
        related = site.related(key, MAX_RELATED)
        context = {
            "front_matter": front_matter(meta),
            "name": md_text(entity.name),
            "summary": summary,
            "description": md_text(entity.description) if entity.description else "",
            "link": f"[{md_inline(link)}]({link})" if link else "",
            "aliases": ", ".join(md_inline(a) for a in entity.aliases if a != entity.name),
            "demonyms": ", ".join(md_inline(name) for name in site.demonyms(key)),
            "roles": roles,
            "articles": articles,
            "mention_groups": groups,
            "related": _related_lines(key, related, site, path),
            "graph": ego_graph_context(
                neighbourhood(site, key), key, site, path, f"Who and what {entity.name} is connected with"
            ),
        }
        return Page(path, render_template("entity.md.j2", context))
