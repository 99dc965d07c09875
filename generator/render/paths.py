"""Where pages live, and what names an article on other pages: its headline and its paragraphs' anchors."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, ExtractedArticle


@dataclass(frozen=True)
class Headline:
    """What other pages show of an article."""

    slug: str
    title: str
    date: str | None
    source: str | None  # the outlet
    path: str


def article_path(slug: str) -> str:
    return f"articles/{slug}.md"


def entity_page_path(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def headline_of(article: Article) -> Headline:
    return Headline(
        article.slug, article.title, article.meta.date, article.meta.source, article_path(article.slug)
    )


def anchor_of(item: ExtractedArticle, sentence_index: int) -> str:
    """HTML id of the paragraph a sentence stands in ('' for the title)."""
    block = item.sentences[sentence_index].block
    return item.article.blocks[block].anchor if block >= 0 else ""


def page_url(site_url: str, directory_urls: bool, path: str) -> str:
    """The published address of a docs file, as MkDocs gives it: 'entities/x.md' is
    '<site_url>entities/x/' (or 'entities/x.html'); without a site_url, the address from the site's root."""
    if path.endswith(".md"):
        stem = path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            path = stem[: -len("index")]
        else:
            path = stem + "/" if directory_urls else stem + ".html"
    return (site_url.rstrip("/") + "/" if site_url else "") + path
