"""Seeds come and go: removing one removes its pages and nothing else; hand-written pages survive."""

from __future__ import annotations

import pytest

from .conftest import ROOT, generate, make_project
from .test_write import snapshot

pytestmark = [pytest.mark.model, pytest.mark.slow]

BAD = ROOT / "tests" / "fixtures" / "bad"
SEED = sorted((ROOT / "seeds").iterdir())
OTHER = BAD / "same_title_b.md"  # Angela Merkel, Emmanuel Macron, Berlin: no entity shared with the seed
HAND = {
    "about.md": b"# About\n",
    "articles/editors-note.md": b"# Note\n",
    "entities/glossary.md": b"# Glossary\n",
}


def built(target, seeds):
    project = make_project(target, seeds)
    for path, data in HAND.items():
        (project / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / path).write_bytes(data)
    result = generate(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    return project


FOR_EACH_ENTITY = [("cards", ".js"), ("data/entities", ".json"), ("feeds", ".xml")]


def test_removing_a_seed_removes_its_pages_and_nothing_else(tmp_path):
    project = built(tmp_path / "both", SEED + [OTHER])
    before = snapshot(project / "docs")
    (project / "seeds" / OTHER.name).unlink()
    result = generate(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    after = snapshot(project / "docs")
    gone = sorted(set(before) - set(after))
    pages = [
        "articles/two-seeds-with-the-same-title.md",
        "entities/angela-merkel.md",
        "entities/berlin.md",
        "entities/emmanuel-macron.md",
    ]
    # With each page go its graph's figure and embed and, for an entity, its card, its data and its feed.
    entities = ["angela-merkel", "berlin", "emmanuel-macron"]
    derived = [
        f"{folder}/{page.removesuffix('.md')}.html" for page in pages for folder in (".figures", "embed")
    ]
    derived += [f"{folder}/{e}{ext}" for e in entities for folder, ext in FOR_EACH_ENTITY]
    assert gone == sorted(pages + derived)
    for path, data in HAND.items():
        assert after[path] == data
    clean = built(tmp_path / "clean", SEED)
    assert after == snapshot(clean / "docs")  # exactly what a build of the remaining seeds gives


def test_adding_the_seed_back_restores_its_pages(tmp_path):
    project = built(tmp_path / "both", SEED + [OTHER])
    before = snapshot(project / "docs")
    (project / "seeds" / OTHER.name).rename(tmp_path / OTHER.name)
    assert generate(project, "build").returncode == 0
    (tmp_path / OTHER.name).rename(project / "seeds" / OTHER.name)
    assert generate(project, "build").returncode == 0
    assert snapshot(project / "docs") == before
