"""`make bench-relations` runs to its end on a small corpus: its table and JSON hold the figures the issue
asks for, computed from the corpus, and its sample file lists what it found."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench import relations, run

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent


def test_bench_relations_reports_what_the_seed_holds(tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    monkeypatch.setenv("CORPUS", str(corpus))
    monkeypatch.delenv("LIMIT", raising=False)
    monkeypatch.setattr(run, "RESULTS", tmp_path / "results")

    relations.main()

    result = json.loads((tmp_path / "results" / "relations.json").read_text())
    assert result["articles"] == len(list(corpus.iterdir()))
    assert result["list_items_verb"] >= 4
    assert {"greet", "visit", "sign", "travel"} <= set(result["relations_by_verb"])  # the seed says each
    assert 0 < result["share_with_relation_all_items"] <= 1
    assert result["floor_s"] > 0 and result["extract_over_floor"] > 0
    sample = (tmp_path / "results" / "relations-sample.md").read_text()
    assert "Kim Jong Un" in sample and "## Quotations" in sample
    assert "share_with_relation_all_items" in capsys.readouterr().out
