"""Golden test on the example seed, through `python -m generator extract --json` (stdout is JSON only)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, generate

pytestmark = [pytest.mark.model, pytest.mark.slow]

SEED = ROOT / "seeds" / "000_1db89f9d34d9bd10.txt"
ONE_EACH = [
    "Vladimir Putin",
    "Kim Jong Un",
    "North Korea",
    "Russia",
    "Pyongyang",
    "Moscow",
    "Soviet Union",
    "Ukraine",
    "Vietnam",
    "United States",
    "Kremlin",
]
HEADINGS = [
    "Welcome of the President",
    "Agreements and Promises",
    "Military and Technical Cooperation",
    "Tribute to Soldiers",
]


@pytest.fixture(scope="module")
def seed_entities(tmp_path_factory):
    result = generate(ROOT, "extract", "--json", str(SEED))
    assert result.returncode == 0, result.stderr
    (item,) = json.loads(result.stdout)
    return {"source": item["source"], "entities": item["entities"]}


def by_name(seed_entities) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for entity in seed_entities["entities"]:
        out.setdefault(entity["name"], []).append(entity)
    return out


def test_exactly_one_entity_for_each_thing(seed_entities):
    names = by_name(seed_entities)
    assert {n: len(names.get(n, [])) for n in ONE_EACH} == {n: 1 for n in ONE_EACH}


def test_no_split_or_unclean_names(seed_entities):
    names = set(by_name(seed_entities))
    assert not names & {
        "Putin",
        "President Putin",
        "Kim",
        "North Korea’s",
        "the United States",
        "Russia’s",
        "Russian Federation",
        "State",
        "Koreans North Korea",
    }


def test_no_entity_from_a_section_heading(seed_entities):
    text = SEED.read_text(encoding="utf-8")
    heading_spans = [(text.index(h), text.index(h) + len(h)) for h in HEADINGS]
    for entity in seed_entities["entities"]:
        assert entity["name"] not in HEADINGS
        for m in entity["mentions"]:
            assert not any(s <= m["start"] < e for s, e in heading_spans), (entity["name"], m)


def test_places_stay_places_even_for_governments(seed_entities):
    names = by_name(seed_entities)
    for place in ("Moscow", "Pyongyang", "North Korea", "Russia", "Soviet Union", "United States"):
        assert names[place][0]["type"] == "place"


def test_roles_of_the_two_leaders(seed_entities):
    names = by_name(seed_entities)
    assert names["Vladimir Putin"][0]["role"] == "Russian President"
    assert names["Kim Jong Un"][0]["role"] == "North Korean leader"
    assert names["North Korea"][0]["role"] is None


def test_dates_are_kept_and_durations_are_not(seed_entities):
    dates = {e["name"] for e in seed_entities["entities"] if e["type"] == "date"}
    assert {"Wednesday", "1991"} <= dates
    assert not [d for d in dates if "year" in d]


def test_demonyms_are_groups_not_places(seed_entities):
    names = by_name(seed_entities)
    assert names["North Korean"][0]["type"] == "group"
    assert "Koreans" not in {e["name"] for e in seed_entities["entities"] if e["type"] == "place"}


def test_every_mention_is_the_text_as_it_stands_in_the_file(seed_entities):
    text = SEED.read_text(encoding="utf-8")
    putin = by_name(seed_entities)["Vladimir Putin"][0]
    # Every 'Putin' is a mention; the words that stand for him ("he", "Russia's President") are marked.
    named = [m for m in putin["mentions"] if "refers" not in m]
    assert len(named) == text.count("Putin")
    assert {m["text"]: m["refers"] for m in putin["mentions"] if "refers" in m} == {
        "President": "role",
        "he": "pronoun",
        "two leaders": "pair",
        "Both leaders": "pair",
    }
    for entity in seed_entities["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
            assert m["text"] in m["sentence"]
    assert set(putin) == {"id", "name", "type", "role", "aliases", "mentions"}


def test_plain_text_one_sentence_per_line_is_read(tmp_path):
    seed = tmp_path / "wire.txt"
    seed.write_text(
        "Putin visits Pyongyang\nRussian President Vladimir Putin arrived in Pyongyang on Tuesday.\n"
        "Putin met Kim Jong Un.\n",
        encoding="utf-8",
    )
    result = generate(ROOT, "extract", "--json", str(seed))
    assert result.returncode == 0, result.stderr
    (item,) = json.loads(result.stdout)
    names = {e["name"]: e for e in item["entities"]}
    assert item["source"] == str(seed)
    assert [m["text"] for m in names["Vladimir Putin"]["mentions"]] == ["Putin", "Vladimir Putin", "Putin"]
    assert len(names["Pyongyang"]["mentions"]) == 2
