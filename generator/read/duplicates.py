"""Exact duplicate seeds: reported and built once (the BBC set has 98)."""

from __future__ import annotations

import hashlib

from ..model import Article, Report


def _body_digest(article: Article) -> str:
    body = "\n".join(block.text for block in article.blocks)
    return hashlib.sha256(f"{article.title}\n{body}".encode()).hexdigest()


def drop_duplicates(articles: list[Article], report: Report) -> list[Article]:
    """The articles without exact repeats of an earlier one (same title and text); each repeat is reported."""
    first_seen: dict[str, Article] = {}
    kept = []
    for article in articles:
        digest = _body_digest(article)
        original = first_seen.get(digest)
        if original is not None:
            report.add(
                article.source,
                f"same title and text as {original.source.as_posix()}; built once (delete one of them)",
            )
            continue
        first_seen[digest] = article
        kept.append(article)
    return kept
