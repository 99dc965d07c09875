"""Entity pages: name, type, description, aliases, roles, the articles, every mention in context, related
entities, network."""

from __future__ import annotations

from ..markup import md_inline, md_text, safe_url
from ..model import TYPE_INFO, EntityMention, EntityType, Evidence, Link, Page
from . import profile
from .common import evidence_link, front_matter, md_link, name_link, render_template
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


def _related_quotes(
    entity_id: str, related: list[str], site: Site
) -> list[tuple[str, Link, Evidence | None, str]]:
    """Each related entity, its link, the sentence its line cites (None for a tie made by an act alone), and
    the entity whose line quotes that sentence: itself, unless every sentence it has is quoted above already.
    So one sentence naming five entities is quoted once, not five times."""
    quoted_for: dict[tuple[str, str], str] = {}
    rows = []
    for other in related:
        link = site.link_between(entity_id, other)
        if not link.evidence:
            rows.append((other, link, None, other))
            continue
        fresh = next((ev for ev in link.evidence if (ev.article, ev.sentence) not in quoted_for), None)
        cited = fresh or link.evidence[0]
        quoted_for.setdefault((cited.article, cited.sentence), other)
        rows.append((other, link, cited, quoted_for[(cited.article, cited.sentence)]))
    return rows


def _related_lines(rows: list[tuple[str, Link, Evidence | None, str]], site: Site, path: str) -> list[str]:
    """Each related entity with the number of shared sentences and the one cited for it, linked to its
    paragraph."""
    lines = []
    for other, link, cited, quoted_under in rows:
        shown = name_link(site.entity(other).name, site.entity_path(other), path)
        line = f"{shown} — {plural(link.weight, 'shared sentence')}"
        if cited is None:
            lines.append(line)
            continue
        where = evidence_link(cited, path)
        if quoted_under == other:
            line += f": “{md_inline(cited.sentence)}” {where}"
        else:
            which = "it" if link.weight == 1 else "one"
            line += f"; {which} is quoted above, for {md_inline(site.entity(quoted_under).name)} {where}"
        lines.append(line)
    return lines


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
        related = _related_quotes(key, site.related(key, MAX_RELATED), site)
        quoted = {(cited.article, cited.sentence) for _, _, cited, _ in related if cited}
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
            "related": _related_lines(related, site, path),
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
