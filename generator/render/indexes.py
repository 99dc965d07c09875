"""Index pages: the Articles list, People, Places, Organisations, and all entities grouped by type.

Article and entity pages stay out of the explicit nav (a nav holding every page
makes the build quadratic); these pages list them instead. Long listings carry
data-search-exclude: search finds the entity pages themselves.
"""

from __future__ import annotations

from ..markup import md_inline
from ..model import EntityType, Page
from .dates import readable_date
from .common import SiteIndex, front_matter, md_link, render_template
from .facts import Facts

# (type, page title, docs path of the type's own page or None)
SECTIONS = (
    (EntityType.PERSON, "People", "people.md"),
    (EntityType.PLACE, "Places", "places.md"),
    (EntityType.ORGANIZATION, "Organisations", "organisations.md"),
    (EntityType.GROUP, "Groups", None),
    (EntityType.EVENT, "Events", None),
    (EntityType.OTHER, "Other", None),
    (EntityType.DATE, "Dates", None),
)
ENTITY_INDEX = "entities/index.md"


def _entity_line(entity_id: str, facts: Facts, index: SiteIndex, current: str) -> str:
    entity = facts.corpus.entities[entity_id]
    n_articles = len(facts.articles_of(entity_id))
    aliases = [a for a in entity.aliases if a != entity.name]
    also = f" <span class=\"explainer-alias\">also {md_inline(', '.join(aliases[:3]))}</span>" if aliases else ""
    counts = f"{facts.mentions(entity_id)} mentions · {n_articles} article{'' if n_articles == 1 else 's'}"
    return f"{md_link(entity.name, index.entity_path(entity_id), current)}{also} <span class=\"explainer-count\">{counts}</span>"


def _groups(facts: Facts, index: SiteIndex, current: str, types: tuple) -> list[dict]:
    groups = []
    for entity_type, title, _ in SECTIONS:
        if entity_type not in types:
            continue
        ids = [e for e in facts.ranked_entities({entity_type}) if index.entity_path(e)]
        if ids:
            groups.append({
                "title": title,
                "anchor": entity_type.value,
                "count": len(ids),
                "lines": [_entity_line(e, facts, index, current) for e in ids],
            })
    return groups


def render_indexes(facts: Facts, index: SiteIndex) -> list[Page]:
    pages = []
    all_types = tuple(t for t, _, _ in SECTIONS)
    groups = _groups(facts, index, ENTITY_INDEX, all_types)
    pages.append(Page(ENTITY_INDEX, render_template("entity_index.md.j2", {
        "front_matter": front_matter({"title": "Who and what", "explainer": "entities"}),
        "title": "Who and what",
        "intro": f"{sum(g['count'] for g in groups)} people, places, organisations and more, most mentioned first.",
        "contents": [f"[{g['title']}](#{g['anchor']}) ({g['count']})" for g in groups],
        "groups": groups,
        "filter": True,
    })))
    for entity_type, title, path in SECTIONS:
        if path is None:
            continue
        groups = _groups(facts, index, path, (entity_type,))
        count = groups[0]["count"] if groups else 0
        pages.append(Page(path, render_template("entity_index.md.j2", {
            "front_matter": front_matter({"title": title, "explainer": "entities", "entity_type": entity_type.value}),
            "title": title,
            "intro": f"{count} {title.lower()} in the articles, most mentioned first. "
                     f"See also [everyone and everything]({'entities/index.md'}).",
            "contents": [],
            "groups": [dict(g, title="") for g in groups],
            "filter": count > 10,
        })))
    articles = []
    for slug in facts.order:
        article = facts.by_slug[slug].article
        when = readable_date(article.meta.date)
        bits = [b for b in (md_inline(when) if when else "", md_inline(article.meta.source) if article.meta.source else "") if b]
        articles.append(md_link(article.title, index.article_path(slug), "articles/index.md")
                        + (f" <span class=\"explainer-count\">{' · '.join(bits)}</span>" if bits else ""))
    pages.append(Page("articles/index.md", render_template("articles_index.md.j2", {
        "front_matter": front_matter({"title": "Articles", "explainer": "articles"}),
        "intro": f"{len(articles)} article{'' if len(articles) == 1 else 's'}, oldest first; undated ones last.",
        "articles": articles,
        "filter": len(articles) > 10,
    })))
    return pages
