"""Which entities get a page: all on a small site, only those worth one on a big site."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.config import Settings
from generator.extract import extract_articles
from generator.model import EntityType, Report
from generator.read import read_seeds
from generator.render import render_site
from generator.resolve import resolve

from .graph_support import site_of

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]


def seed_corpus():
    return resolve(
        extract_articles(read_seeds(ROOT / "seeds", 2_000_000, Report(), root=ROOT), Settings().model)
    )


def _named(corpus) -> set[str]:
    """Entities that are one named thing: not a date (the timeline's) nor a group (its country's page's)."""
    return {
        e for e, entity in corpus.entities.items() if entity.type not in (EntityType.DATE, EntityType.GROUP)
    }


def test_small_site_keeps_a_page_for_every_named_thing():
    corpus = seed_corpus()
    assert set(site_of(corpus).entities_with_a_page()) == _named(corpus)
    assert any(e.type is EntityType.DATE for e in corpus.entities.values())  # there were dates to leave out
    assert any(e.type is EntityType.GROUP for e in corpus.entities.values())


def test_a_country_page_names_its_people():
    corpus = seed_corpus()
    page = next(
        p for p in render_site(site_of(corpus)) if p.path == "entities/north-korea.md"
    ).content.decode()
    assert "Its people, in the articles: North Korean" in page


def test_big_site_keeps_pages_for_entities_with_two_mentions_only():
    corpus = seed_corpus()
    settings = Settings(small_site_articles=0, cache="")  # treat the seed as a big site
    counts = Counter(em.entity for em in corpus.mentions)
    kept = set(site_of(corpus, settings).entities_with_a_page())
    assert kept == {e for e in _named(corpus) if counts[e] >= 2}
    assert kept and kept != set(corpus.entities)
    rendered = render_site(site_of(corpus, settings))
    pages = {p.path for p in rendered}
    once = next(e for e in corpus.entities if counts[e] == 1)
    assert f"entities/{once}.md" not in pages
    article = next(p for p in rendered if p.path.startswith("articles/") and p.path != "articles/index.md")
    assert f"entities/{once}.md" not in article.content.decode()  # named, but not linked
