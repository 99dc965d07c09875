"""The home page and the Articles index."""

from __future__ import annotations

from collections import defaultdict

from ..markup import md_text
from ..model import Corpus, EntityType, Page
from ..network import TYPE_LABELS
from .common import SiteIndex, front_matter, md_link, render_template


def render_home(corpus: Corpus, index: SiteIndex, site_name: str) -> list[Page]:
    articles = sorted((item.article for item in corpus.articles), key=lambda a: (a.title.casefold(), a.slug))
    mention_counts: dict[str, int] = defaultdict(int)
    for em in corpus.mentions:
        mention_counts[em.entity] += 1
    top = sorted(
        (e for e in mention_counts if corpus.entities[e].type not in (EntityType.DATE,)),
        key=lambda e: (-mention_counts[e], corpus.entities[e].name.casefold()),
    )[:12]
    home_links = [md_link(a.title, index.article_path(a.slug), "index.md") for a in articles]
    plural = "article" if len(articles) == 1 else "articles"
    home = render_template("home.md.j2", {
        "front_matter": front_matter({"title": site_name, "explainer": "home"}),
        "site_name": md_text(site_name),
        "summary": f"{len(articles)} {plural}, {len(corpus.entities)} people, places, organisations and dates.",
        "articles": home_links,
        "top_entities": [
            f"{md_link(corpus.entities[e].name, index.entity_path(e), 'index.md')} — {TYPE_LABELS[corpus.entities[e].type.value].lower()}, {mention_counts[e]} mentions"
            for e in top if index.entity_path(e)
        ],
    })
    listing = render_template("articles_index.md.j2", {
        "front_matter": front_matter({"title": "Articles", "explainer": "articles"}),
        "articles": [md_link(a.title, index.article_path(a.slug), "articles/index.md") for a in articles],
    })
    return [Page("index.md", home), Page("articles/index.md", listing)]
