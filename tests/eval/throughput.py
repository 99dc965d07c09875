"""Throughput: extract_articles against bare spaCy NER on the same texts, in one run.

    python -m tests.eval.throughput [N]   (N BBC articles from ../shared/corpus/bbc, default 300)

Bare NER is the same model with tagger, parser, lemmatizer and attribute_ruler
excluded, fed the same paragraphs. Each side runs twice, alternating; the best
time of each counts (the machine is shared).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

from generator.config import Settings
from generator.extract import extract_articles
from generator.extract.nlp import load_model
from generator.model import Report
from generator.read import read_seed
from generator.slugs import SlugRegistry

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "bbc"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else 300
    settings = Settings()
    paths = sorted(CORPUS.rglob("*.txt"))[:: max(1, len(list(CORPUS.rglob("*.txt"))) // count)][:count]
    slugs, report = SlugRegistry(), Report()
    articles = [a for p in paths if (a := read_seed(p, settings.max_seed_bytes, slugs, report, str(p)))]
    texts = [b.text for a in articles for b in a.blocks if b.kind == "paragraph"]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(settings.model, exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"])
    load_model(settings.model)
    extract_articles(articles[:5], settings.model)  # warm the gazetteers
    times = {"bare NER": [], "extract": []}
    for _ in range(2):
        start = time.perf_counter()
        for doc in bare.pipe(texts, batch_size=64):
            _ = doc.ents
        times["bare NER"].append(time.perf_counter() - start)
        start = time.perf_counter()
        extract_articles(articles, settings.model)
        times["extract"].append(time.perf_counter() - start)
    best = {k: min(v) for k, v in times.items()}
    print(f"{len(articles)} articles, {words:,} words")
    for name, seconds in best.items():
        print(f"{name:<9} {seconds:6.2f} s  {words / seconds:7,.0f} words/s")
    print(f"ratio extract / bare NER: {best['extract'] / best['bare NER']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
