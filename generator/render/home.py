"""The home page: what the site covers, generated from the corpus."""

from __future__ import annotations

from ..markup import md_inline, md_text
from ..model import TYPE_INFO, EntityType, Page
from .common import front_matter, md_link, render_template
from .dates import readable_date
from .graphs import graph_context
from .indexes import NO_ARTICLES
from .kinds import OnePage
from .paths import article_path
from .site import Site

PATH = "index.md"
HOME_ARTICLES = 20
TOP_ENTITIES = 12
TEASER_NODES = 15
NAMED_TYPES = {
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.ORGANIZATION,
    EntityType.GROUP,
    EntityType.EVENT,
}


def _covers(site: Site, order: list[str]) -> str:
    """One sentence on the corpus: articles, date range, entities by type; or what to do when it has none."""
    n = len(order)
    if not n:
        return NO_ARTICLES
    dates = sorted(d for d in (site.headline(s).date for s in order) if d)
    span = ""
    if dates:
        first, last = readable_date(dates[0]), readable_date(dates[-1])
        span = f", dated {first}" if first == last else f", from {first} to {last}"
    counts = {
        t: len(site.ranked_entities({t}))
        for t in (EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION)
    }
    return (
        f"{n} article{'' if n == 1 else 's'}{span}, naming {counts[EntityType.PERSON]} people, "
        f"{counts[EntityType.PLACE]} places and {counts[EntityType.ORGANIZATION]} organisations."
    )


class HomePage(OnePage):
    PATH = PATH
    name = "home page"
    where = "here"

    def draw(self, site: Site, key: str) -> Page:
        top = site.ranked_entities(NAMED_TYPES, with_page=True)[:TOP_ENTITIES]
        lead = []  # the most mentioned organisation, person and place
        for entity_type in (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PLACE):
            ranked = site.ranked_entities({entity_type}, with_page=True)[:1]
            if ranked:
                lead.append(md_link(site.entity(ranked[0]).name, site.entity_path(ranked[0]), PATH))
        about = (
            f"The people, places and organisations in the news about {', '.join(lead[:-1])} and {lead[-1]}."
            if len(lead) > 1
            else ""
        )
        order = site.reading_order()
        dated = [s for s in order if site.headline(s).date]
        newest_first = list(reversed(dated)) + [s for s in order if not site.headline(s).date]
        articles = []
        for slug in newest_first[:HOME_ARTICLES]:
            headline = site.headline(slug)
            when = readable_date(headline.date)
            articles.append(
                md_link(headline.title, article_path(slug), PATH)
                + (f' <span class="explainer-count">{md_inline(when)}</span>' if when else "")
            )
        entities = [
            f"{md_link(site.entity(e).name, site.entity_path(e), PATH)} "
            f'<span class="explainer-count">{TYPE_INFO[site.entity(e).type].label.lower()}, '
            f"{site.mention_count(e)} mentions</span>"
            for e in top
        ]
        teaser = site.among([e for e in top if site.node(e)][:TEASER_NODES])
        return Page(
            PATH,
            render_template(
                "home.md.j2",
                {
                    "front_matter": front_matter({"title": site.site_name, "explainer": "home"}),
                    "site_name": md_text(site.site_name),
                    "about": about,
                    "covers": _covers(site, order),
                    "articles": articles,
                    "more_articles": len(order) - len(articles),
                    "top_entities": entities,
                    "graph": graph_context(
                        teaser, site, PATH, "The most mentioned names and how they connect"
                    )
                    if teaser.links
                    else None,
                },
            ),
        )
