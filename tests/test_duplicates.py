"""Exact duplicate seeds are reported and built once."""

from __future__ import annotations

from generator.model import Report
from generator.read import read_seeds
from generator.read.duplicates import drop_duplicates


def test_exact_duplicate_is_reported_and_dropped(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = "A headline\n\nPutin met Kim in Pyongyang.\n"
    (seeds / "a.txt").write_text(text)
    (seeds / "b.txt").write_text(text)
    (seeds / "c.txt").write_text(text.replace("Kim", "Xi"))
    report = Report()
    kept = drop_duplicates(read_seeds(seeds, 2_000_000, report, root=tmp_path), report)
    assert [a.source.name for a in kept] == ["a.txt", "c.txt"]
    assert [str(p) for p in report.problems] == [
        "seeds/b.txt: same title and text as seeds/a.txt; built once (delete one of them)"
    ]
