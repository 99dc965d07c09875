"""Index pages: the Articles list, People, Places, Organisations, and all entities grouped by type.

Article and entity pages stay out of the explicit nav (a nav holding every page
makes the build quadratic); these pages list them instead. Long listings carry
data-search-exclude: search finds the entity pages themselves.
"""

from __future__ import annotations

from ..markup import md_inline
from ..model import TYPES, Page, TypeInfo
from .common import front_matter, md_link, render_template
from .dates import readable_date
from .paths import article_path
from .site import Site

ENTITY_INDEX = "entities/index.md"
NO_ARTICLES = "No articles yet: put .txt or .md files in seeds/ and build again."
NONE_YET = "No one and nothing named yet: the articles' people, places and organisations will be listed here."
ARTICLE_INDEX = "articles/index.md"


def _entity_line(entity_id: str, site: Site, current: str) -> str:
    entity = site.entity(entity_id)
    n_articles = site.article_count(entity_id)
    aliases = [a for a in entity.aliases if a != entity.name]
    also = (
        f' <span class="explainer-alias">also {md_inline(", ".join(aliases[:3]))}</span>' if aliases else ""
    )
    counts = (
        f"{site.mention_count(entity_id)} mentions · {n_articles} article{'' if n_articles == 1 else 's'}"
    )
    link = md_link(entity.name, site.entity_path(entity_id), current)
    return f'{link}{also} <span class="explainer-count">{counts}</span>'


def _groups(site: Site, current: str, types: tuple[TypeInfo, ...]) -> list[dict]:
    groups = []
    for info in types:
        ids = site.ranked_entities({info.type}, with_page=True)
        if ids:
            groups.append(
                {
                    "title": info.plural,
                    "anchor": info.type.value,
                    "count": len(ids),
                    "lines": [_entity_line(e, site, current) for e in ids],
                }
            )
    return groups


def _everyone(site: Site) -> Page:
    groups = _groups(site, ENTITY_INDEX, TYPES)
    return Page(
        ENTITY_INDEX,
        render_template(
            "entity_index.md.j2",
            {
                "front_matter": front_matter({"title": "Who and what", "explainer": "entities"}),
                "title": "Who and what",
                "intro": f"{sum(g['count'] for g in groups)} people, places, organisations and more, "
                "most mentioned first."
                if groups
                else NONE_YET,
                "contents": [f"[{g['title']}](#{g['anchor']}) ({g['count']})" for g in groups],
                "groups": groups,
                "filter": True,
            },
        ),
    )


def _one_type(site: Site, info: TypeInfo) -> Page:
    path = info.index_page
    groups = _groups(site, path, (info,))
    count = groups[0]["count"] if groups else 0
    title = info.plural
    return Page(
        path,
        render_template(
            "entity_index.md.j2",
            {
                "front_matter": front_matter(
                    {"title": title, "explainer": "entities", "entity_type": info.type.value}
                ),
                "title": title,
                "intro": (
                    f"{count} {title.lower()} in the articles, most mentioned first. "
                    if count
                    else f"No {title.lower()} named yet. "
                )
                + "See also [everyone and everything](entities/index.md).",
                "contents": [],
                "groups": [dict(g, title="") for g in groups],
                "filter": count > 10,
            },
        ),
    )


def _articles(site: Site) -> Page:
    articles = []
    for slug in site.reading_order():
        headline = site.headline(slug)
        when = readable_date(headline.date)
        bits = [
            b
            for b in (
                md_inline(when) if when else "",
                md_inline(headline.source) if headline.source else "",
            )
            if b
        ]
        articles.append(
            md_link(headline.title, article_path(slug), ARTICLE_INDEX)
            + (f' <span class="explainer-count">{" · ".join(bits)}</span>' if bits else "")
        )
    return Page(
        ARTICLE_INDEX,
        render_template(
            "articles_index.md.j2",
            {
                "front_matter": front_matter({"title": "Articles", "explainer": "articles"}),
                "intro": f"{len(articles)} article{'' if len(articles) == 1 else 's'}, oldest first; "
                "undated ones last."
                if articles
                else NO_ARTICLES,
                "articles": articles,
                "filter": len(articles) > 10,
            },
        ),
    )


class IndexPages:
    """The list of everyone and everything, one list per type that has a page of its own, and the articles."""

    name = "index pages"
    where = "here"

    def keys(self, site: Site) -> list[str]:
        return [ENTITY_INDEX, *(info.index_page for info in TYPES if info.index_page), ARTICLE_INDEX]

    def path(self, site: Site, key: str) -> str:
        return key

    def draw(self, site: Site, key: str) -> Page:
        if key == ENTITY_INDEX:
            return _everyone(site)
        if key == ARTICLE_INDEX:
            return _articles(site)
        return _one_type(site, next(info for info in TYPES if info.index_page == key))
