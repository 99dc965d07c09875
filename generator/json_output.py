"""The `extract --json` output: what the pipeline's read, extract and resolve stages find in each file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .config import Settings
from .extract import Extractor
from .model import Report
from .pipeline import resolve_articles
from .read import read_files


def extract_files(paths: list[Path], settings: Settings | None, report: Report) -> list[dict[str, Any]]:
    """One object per readable file: its entities with every mention's text, offsets and sentence."""
    settings = settings or Settings()
    articles = read_files(paths, settings.max_seed_bytes, report)
    with Extractor(settings) as extractor:
        extracted = extractor.extract(articles)
    corpus = resolve_articles(articles, extracted, settings, report)
    by_article: dict[str, dict[str, list]] = {}
    for em in corpus.mentions:
        by_article.setdefault(em.article, {}).setdefault(em.entity, []).append(em)
    out = []
    for item in corpus.articles:
        entities = []
        for ae in corpus.article_entities[item.article.slug]:
            entity = corpus.entities[ae.entity]
            mentions = sorted(by_article[item.article.slug][ae.entity], key=lambda m: m.mention.start)
            entities.append(
                {
                    "id": entity.id,
                    "name": entity.name,
                    "type": entity.type.value,
                    "role": ae.role,
                    "aliases": list(entity.aliases),  # other spellings of the name (mention texts are below)
                    "mentions": [
                        {
                            "text": m.mention.text,
                            "start": m.mention.start,
                            "end": m.mention.end,
                            "sentence": " ".join(item.sentences[m.mention.sentence].text.split()),
                        }
                        for m in mentions
                    ],
                }
            )
        out.append({"source": str(item.article.source), "entities": entities})
    return out
