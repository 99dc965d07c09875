"""The `extract --json` output: what the pipeline's read, extract and resolve stages find in each file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .config import Settings
from .extract import Extractor
from .model import Corpus, ExtractedArticle, Report
from .pipeline import resolve_articles
from .read import read_files
from .verbs import VERB, act_sentence


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
                            # A word that stands for the name: "pronoun" (he), "role" (the president), "pair"
                            **({"refers": m.mention.refers.value} if m.mention.refers else {}),
                        }
                        for m in mentions
                    ],
                }
            )
        out.append(
            {
                "source": str(item.article.source),
                "entities": entities,
                "relations": _relations(item, corpus),
                "quotes": [
                    {"speaker": q.speaker, "text": q.text, "sentence": q.evidence.sentence}
                    for q in corpus.quotations
                    if q.article == item.article.slug
                ],
            }
        )
    return out


def _relations(item: ExtractedArticle, corpus: Corpus) -> list[dict[str, Any]]:
    """The article's labelled relations, each with its parties' entity ids and its sentence."""
    slug = item.article.slug
    entity_at = {em.mention.start: em.entity for em in corpus.mentions if em.article == slug}
    found = []
    for action in item.actions:
        subject, other = entity_at.get(action.subject), entity_at.get(action.object)
        if other is not None and corpus.entities[other].country:  # 'Russian President': Russia's
            other = corpus.entities[other].country
        if subject is None or other is None or subject == other:
            continue
        verb = VERB[action.verb]
        names = corpus.entities[subject].name, corpus.entities[other].name
        relation = {
            "verb": verb.key,
            "subject": subject,
            "object": other,
            "says": act_sentence(verb, *names, action.mutual, action.detail, mood=action.mood),
            "sentence": " ".join(item.sentences[action.sentence].text.split()),
        }
        relation.update({"mutual": True} if action.mutual else {})
        relation.update({"role": action.detail} if action.detail else {})
        found.append(relation)
    return found
