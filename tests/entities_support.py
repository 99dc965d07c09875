"""Small builders for entity tests: an article from text, mentions placed by their text."""

from __future__ import annotations

from pathlib import Path

from generator.model import (
    Article,
    ArticleMeta,
    Block,
    EntityType,
    ExtractedArticle,
    Extraction,
    Mention,
    Sentence,
)


def article_of(text: str, slug: str = "a") -> Article:
    """One paragraph per line; every line is also one sentence."""
    blocks, offset = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        blocks.append(Block("paragraph", line, offset, f"p{number}"))
        offset += len(line) + 1
    return Article(
        Path(f"seeds/{slug}.txt"), slug, text.split("\n")[0], None, ArticleMeta(), tuple(blocks), text
    )


def sentences_of(article: Article) -> list[Sentence]:
    return [Sentence(i, b.start, b.start + len(b.text), b.text) for i, b in enumerate(article.blocks)]


def mention(
    article: Article, text: str, kind: EntityType, occurrence: int = 0, name: str | None = None
) -> Mention:
    """The mention of text (its occurrence-th appearance) as the recogniser would give it."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(text, start + 1)
    end = start + len(text)
    sentence = next(i for i, b in enumerate(article.blocks) if b.start <= start < b.start + len(b.text) + 1)
    return Mention(text, start, end, sentence, kind, name or text)


def extracted(article: Article, mentions: list[Mention]) -> ExtractedArticle:
    return ExtractedArticle(article, Extraction(tuple(sentences_of(article)), tuple(mentions)))
