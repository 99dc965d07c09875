"""The home page: what the site covers, generated from the corpus."""

from __future__ import annotations

import networkx as nx

from ..config import Settings
from ..markup import md_inline, md_text
from ..model import EntityType, Page
from ..network import TYPE_LABELS
from .dates import readable_date
from .common import SiteIndex, front_matter, md_link, render_template
from .facts import Facts
from .graphs import graph_context

HOME_ARTICLES = 20
TOP_ENTITIES = 12
TEASER_NODES = 15
NAMED_TYPES = {EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION, EntityType.GROUP, EntityType.EVENT}


def _covers(facts: Facts) -> str:
    """One sentence on the corpus: articles, date range, entities by type."""
    n = len(facts.order)
    dates = sorted(d for d in (facts.by_slug[s].article.meta.date for s in facts.order) if d)
    span = ""
    if dates:
        first, last = readable_date(dates[0]), readable_date(dates[-1])
        span = f", dated {first}" if first == last else f", from {first} to {last}"
    counts = {t: 0 for t in (EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION)}
    for entity_id in facts.mentions_by_entity:
        entity_type = facts.corpus.entities[entity_id].type
        if entity_type in counts:
            counts[entity_type] += 1
    return (f"{n} article{'' if n == 1 else 's'}{span}, naming {counts[EntityType.PERSON]} people, "
            f"{counts[EntityType.PLACE]} places and {counts[EntityType.ORGANIZATION]} organisations.")


def render_home(facts: Facts, graph: nx.Graph, index: SiteIndex, settings: Settings, site_name: str) -> Page:
    top = [e for e in facts.ranked_entities(NAMED_TYPES) if index.entity_path(e)][:TOP_ENTITIES]
    lead = []  # the most mentioned organisation, person and place
    for entity_type in (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PLACE):
        ranked = [e for e in facts.ranked_entities({entity_type}) if index.entity_path(e)]
        if ranked:
            lead.append(md_link(facts.corpus.entities[ranked[0]].name, index.entity_path(ranked[0]), "index.md"))
    about = f"The people, places and organisations in the news about {', '.join(lead[:-1])} and {lead[-1]}." if len(lead) > 1 else ""
    newest_first = list(reversed([s for s in facts.order if facts.by_slug[s].article.meta.date])) + \
        [s for s in facts.order if not facts.by_slug[s].article.meta.date]
    articles = []
    for slug in newest_first[:HOME_ARTICLES]:
        article = facts.by_slug[slug].article
        when = readable_date(article.meta.date)
        articles.append(md_link(article.title, index.article_path(slug), "index.md")
                        + (f" <span class=\"explainer-count\">{md_inline(when)}</span>" if when else ""))
    entities = [
        f"{md_link(facts.corpus.entities[e].name, index.entity_path(e), 'index.md')} "
        f"<span class=\"explainer-count\">{TYPE_LABELS[facts.corpus.entities[e].type.value].lower()}, {facts.mentions(e)} mentions</span>"
        for e in top
    ]
    teaser_nodes = [e for e in top if e in graph][:TEASER_NODES]
    teaser = graph.subgraph(teaser_nodes).copy()
    return Page("index.md", render_template("home.md.j2", {
        "front_matter": front_matter({"title": site_name, "explainer": "home"}),
        "site_name": md_text(site_name),
        "about": about,
        "covers": _covers(facts),
        "articles": articles,
        "more_articles": len(facts.order) - len(articles),
        "top_entities": entities,
        "graph": graph_context(teaser, index, "index.md", settings, "The most mentioned names and how they connect")
        if teaser.number_of_edges() else None,
    }))
