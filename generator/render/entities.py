"""Entity pages: name, type, description, aliases, roles, the articles, every mention in context, related
entities, network."""

from __future__ import annotations

from ..markup import md_inline, md_text, safe_url
from ..model import TYPE_INFO, EntityMention, EntityType, Page
from . import profile
from .common import front_matter, md_link, render_template
from .exports import entity_data_path
from .feeds import entity_feed_path
from .graphs import ego_graph_context
from .paths import article_path, entity_page_path
from .profile import plural
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


def _quoted_above(entity_id: str, related: list[str], site: Site) -> set[tuple[str, str]]:
    """(article, sentence) of each sentence the Related list quotes: the mention list leaves them out."""
    quoted = set()
    for other in related:
        link = site.link_between(entity_id, other)
        if link.evidence:
            quoted.add((link.evidence[0].article, link.evidence[0].sentence))
    return quoted


class EntityPages:
    """One page per entity worth one (Site.entities_with_a_page)."""

    name = "entity pages"
    where = "pool"
    embeds = True

    def keys(self, site: Site) -> list[str]:
        return site.entities_with_a_page()

    def path(self, site: Site, key: str) -> str:
        return entity_page_path(key)

    def draw(self, site: Site, key: str) -> Page:
        entity = site.entity(key)
        path = entity_page_path(key)
        related = site.related(key, MAX_RELATED)
        quoted = _quoted_above(key, related, site)
        by_article: dict[str, list[EntityMention]] = {}
        for em in site.mentions_of(key):
            by_article.setdefault(em.article, []).append(em)
        groups, articles = [], []
        for slug in site.articles_of(key):
            article_link = md_link(site.headline(slug).title, article_path(slug), path)
            mentions = sorted(by_article[slug], key=lambda m: m.mention.start)
            articles.append(f"{article_link} — {plural(len(mentions), 'mention')}")
            lines, above = [], 0
            for em in mentions[:MAX_MENTIONS_PER_ARTICLE]:
                sentence, anchor = site.sentence_of(em)
                if (slug, " ".join(sentence.text.split())) in quoted:
                    above += 1
                    continue
                marked = " ".join(_highlighted(sentence.text, sentence.start, em).split())
                target = article_path(slug) + (f"#{anchor}" if anchor else "")
                lines.append(f"{marked} {md_link('↩', target, path)}")
            rest = len(mentions) - MAX_MENTIONS_PER_ARTICLE
            notes = [f"{plural(above, 'more mention')} quoted above, under Related"] if above else []
            notes += [f"… and {plural(rest, 'more mention')} in this article"] if rest > 0 else []
            groups.append({"article_link": article_link, "lines": lines, "rest": "; ".join(notes)})
        total = site.mention_count(key)
        in_articles = plural(len(articles), "article")
        summary = f"{TYPE_INFO[entity.type].label} · {plural(total, 'mention')} in {in_articles}"
        meta = {
            "title": entity.name,
            "explainer": "entity",
            "entity_type": entity.type.value,
            "mentions": total,
            "feed": entity_feed_path(key),
        }
        if entity.type is not EntityType.DATE:
            meta["search"] = {
                "boost": ENTITY_SEARCH_BOOST
            }  # a name search lands on the name's own page first
        if entity.aliases:
            meta["aliases"] = list(entity.aliases)
        link = safe_url(entity.link)
        said, more_said = profile.what_they_said(site, key, path)
        changes, older_changes = profile.changes(site, key, path)
        role_lines = profile.roles(site, key, path)
        context = {
            "front_matter": front_matter(meta),
            "name": md_text(entity.name),
            "summary": summary,
            "description": md_text(entity.description) if entity.description else "",
            "link": f"[{md_inline(link)}]({link})" if link else "",
            "aliases": ", ".join(md_inline(a) for a in entity.aliases if a != entity.name),
            "demonyms": ", ".join(md_inline(name) for name in site.demonyms(key)),
            "key_facts": _key_facts(site, key, path, role_lines, len(said) + more_said),
            "roles": [f"{role} — {where}" for role, where in role_lines],
            "changes": changes,
            "older_changes": older_changes,
            "follow": [
                md_link("new articles naming them (Atom feed)", entity_feed_path(key), path),
                md_link("this page as data (JSON)", entity_data_path(key), path),
            ],
            "articles": articles,
            "mention_groups": groups,
            "said": said,
            "more_said": more_said,
            "related": _related_lines(key, related, site, path),
            "graph": ego_graph_context(key, site, path, f"Who and what {entity.name} is connected with"),
        }
        return Page(path, render_template("entity.md.j2", context))


def _key_facts(site: Site, key: str, path: str, role_lines: list[tuple[str, str]], quotes: int) -> list:
    """(label, Markdown) rows of the box under the name; rows without content are left out."""
    rows = []
    if role_lines:
        rows.append(("Roles", "; ".join(role for role, _ in role_lines[: profile.KEY_ROLES])))
    seen = profile.seen(site, key, path)
    if seen:
        rows.append(("First seen", seen[0]))
        if seen[1] != seen[0]:
            rows.append(("Last seen", seen[1]))
    relations = profile.strongest_relations(site, key, path)
    if relations:
        rows.append(("Relations", "; ".join(relations)))
    if quotes:
        rows.append(("Quotes", f"[{plural(quotes, 'quote')}](#what-they-said)"))
    return rows
