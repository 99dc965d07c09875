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
