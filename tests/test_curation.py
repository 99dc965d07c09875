"""Curation: seeds/entities.yml and front matter rename, merge, split, retype, hide, and describe entities."""

from __future__ import annotations

import pytest

from generator.curation import entries_from_mapping, load_curation
from generator.model import EntityType as T
from generator.model import Report
from generator.read import read_seeds
from generator.resolve import resolve
from tests.entities_support import article_of, extracted, mention

TEXT = "Vladimir Putin met Zelensky in Moskva. The Kremlin and Moscow. Getty Images."
FOUND = [
    ("Vladimir Putin", T.PERSON),
    ("Zelensky", T.PERSON),
    ("Moskva", T.PLACE),
    ("Kremlin", T.PLACE),
    ("Moscow", T.PLACE),
    ("Getty Images", T.ORGANIZATION),
]


def curated(mapping: dict, texts: tuple[str, ...] = (TEXT,)):
    report = Report()
    items = []
    for number, text in enumerate(texts):
        article = article_of(text, slug=f"a{number}")
        items.append(extracted(article, [mention(article, *f) for f in FOUND]))
    corpus = resolve(items, entries_from_mapping(mapping, "seeds/entities.yml", report), report)
    return corpus, {e.name: e for e in corpus.entities.values()}, report


def test_description_link_and_aliases():
    _, by_name, report = curated(
        {
            "Vladimir Putin": {
                "description": "President of Russia.",
                "link": "https://example.org/putin",
                "aliases": ["V. Putin"],
            }
        }
    )
    putin = by_name["Vladimir Putin"]
    assert (putin.description, putin.link, putin.aliases) == (
        "President of Russia.",
        "https://example.org/putin",
        ("V. Putin",),
    )
    assert report.problems == []


def test_rename_keeps_the_mentions():
    corpus, by_name, _ = curated({"Zelensky": {"rename": "Volodymyr Zelenskyy"}})
    assert "Zelensky" not in by_name
    zelenskyy = by_name["Volodymyr Zelenskyy"]
    assert [em.mention.text for em in corpus.mentions if em.entity == zelenskyy.id] == ["Zelensky"]


def test_merge_folds_another_entity_in():
    corpus, by_name, _ = curated({"Moscow": {"merge": ["Moskva"]}})
    assert "Moskva" not in by_name
    assert sum(1 for em in corpus.mentions if em.entity == by_name["Moscow"].id) == 2


def test_alias_also_merges_an_entity_with_that_spelling():
    _, by_name, _ = curated({"Moscow": {"aliases": ["Moskva"]}})
    assert "Moskva" not in by_name and "Moskva" in by_name["Moscow"].aliases


def test_retype():
    _, by_name, _ = curated({"Kremlin": {"type": "organization"}})
    assert by_name["Kremlin"].type is T.ORGANIZATION


def test_hide_removes_entity_and_mentions():
    corpus, by_name, _ = curated({"Getty Images": {"hide": True}})
    assert "Getty Images" not in by_name
    assert all(em.mention.text != "Getty Images" for em in corpus.mentions)


def test_split_moves_one_article_to_a_new_entity():
    corpus, by_name, _ = curated({"Zelensky": {"split": {"Oleksandr Zelensky": ["a1"]}}}, texts=(TEXT, TEXT))
    assert {em.article for em in corpus.mentions if em.entity == by_name["Oleksandr Zelensky"].id} == {"a1"}
    assert {em.article for em in corpus.mentions if em.entity == by_name["Zelensky"].id} == {"a0"}


def test_unmatched_entry_is_a_warning_naming_it():
    _, _, report = curated({"Vladmir Putin": {"description": "typo"}, "Moscow": {"merge": ["Leningrad"]}})
    messages = [str(p) for p in report.problems]
    assert any("'Vladmir Putin'" in m and m.startswith("seeds/entities.yml") for m in messages)
    assert any("'Leningrad'" in m for m in messages)


def test_bad_type_and_unknown_key_are_reported():
    _, by_name, report = curated({"Kremlin": {"type": "building", "colour": "red"}})
    assert by_name["Kremlin"].type is T.PLACE
    assert len(report.problems) == 2


def test_file_and_front_matter_are_both_read(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "entities.yml").write_text("Kremlin:\n  type: organization\n", encoding="utf-8")
    (seeds / "a.txt").write_text(
        "---\nentities:\n  Moscow:\n    description: Capital of Russia.\n---\nMoscow said.\n",
        encoding="utf-8",
    )
    report = Report()
    articles = read_seeds(seeds, 2_000_000, report, root=tmp_path)
    entries = load_curation(seeds, articles, report)
    assert [(e.match, e.source) for e in entries] == [
        ("Kremlin", str(seeds / "entities.yml")),
        ("Moscow", "seeds/a.txt"),
    ]
    assert entries[0].type is T.ORGANIZATION and entries[1].description == "Capital of Russia."


@pytest.mark.model
@pytest.mark.slow
def test_build_applies_entities_yml_and_warns_about_an_unmatched_entry(tmp_path):
    from tests.conftest import generate, make_project

    project = make_project(tmp_path / "site")
    (project / "seeds" / "entities.yml").write_text(
        "Vladimir Putin:\n  description: President of Russia.\nKremlin:\n  hide: true\n"
        "Vladmir Putn:\n  type: person\n",
        encoding="utf-8",
    )
    result = generate(project, "build", "--strict")
    assert result.returncode == 1
    assert "seeds/entities.yml: entities: entry 'Vladmir Putn' matches no entity" in result.stderr
    assert not (project / "docs" / "entities" / "kremlin.md").exists()
    assert (project / "docs" / "entities" / "vladimir-putin.md").exists()
