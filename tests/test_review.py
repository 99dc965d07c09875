"""The editor's review queue: each kind of item, with the entities.yml entry that settles it."""

from __future__ import annotations

import yaml

from generator.model import EntityType as T
from generator.review import as_markdown, review

from .test_resolve import corpus_of


def _by_kind(corpus) -> dict[str, list]:
    found: dict[str, list] = {}
    for item in review(corpus):
        found.setdefault(item.kind, []).append(item)
    return found


def test_a_lone_surname_beside_two_full_names_is_a_likely_duplicate():
    corpus = corpus_of(
        ("John Smith spoke. John Smith left.", [("John Smith", T.PERSON), ("John Smith", T.PERSON, 1)]),
        ("Jane Smith spoke. Jane Smith left.", [("Jane Smith", T.PERSON), ("Jane Smith", T.PERSON, 1)]),
        ("Smith said no. Smith went.", [("Smith", T.PERSON), ("Smith", T.PERSON, 1)]),
    )
    [item] = _by_kind(corpus)["duplicate"]
    assert "'Smith' may be" in item.message
    entry = yaml.safe_load(item.snippet)
    [(name, change)] = entry.items()
    assert change == {"merge": ["Smith"]} and name in ("John Smith", "Jane Smith")


def test_names_a_letter_apart_and_an_acronym_are_likely_duplicates():
    corpus = corpus_of(
        ("Gazprom grew. Gazprom fell.", [("Gazprom", T.ORGANIZATION), ("Gazprom", T.ORGANIZATION, 1)]),
        ("Gazprum grew. Gazprum fell.", [("Gazprum", T.ORGANIZATION), ("Gazprum", T.ORGANIZATION, 1)]),
        (
            "The National Audit Office said so twice. The National Audit Office agreed.",
            [("National Audit Office", T.ORGANIZATION), ("National Audit Office", T.ORGANIZATION, 1)],
        ),
        ("NAO said so. NAO said more.", [("NAO", T.ORGANIZATION), ("NAO", T.ORGANIZATION, 1)]),
    )
    messages = [item.message for item in _by_kind(corpus)["duplicate"]]
    assert any("'Gazprum' may be 'Gazprom'" in m for m in messages)
    assert any("'NAO' may be 'National Audit Office'" in m and "acronym" in m for m in messages)


def test_a_type_conflict_offers_the_other_type():
    corpus = corpus_of(
        (
            "Yukos said. Yukos said. Yukos won.",
            [("Yukos", T.ORGANIZATION), ("Yukos", T.ORGANIZATION, 1), ("Yukos", T.PERSON, 2)],
        ),
    )
    [item] = _by_kind(corpus)["type"]
    assert yaml.safe_load(item.snippet) == {"Yukos": {"type": "person"}}


def test_a_one_off_name_in_a_headline_like_line_is_suspicious():
    corpus = corpus_of(("Trump Ramps Up Pressure On Allies Over Trade", [("Trump Ramps Up", T.PERSON)]))
    [item] = _by_kind(corpus)["suspicious"]
    assert yaml.safe_load(item.snippet) == {"Trump Ramps Up": {"hide": True}}


def test_two_people_who_are_merely_alike_are_not_queued():
    corpus = corpus_of(
        (
            "Joan Baez met John Baez. Joan Baez met John Baez.",
            [
                ("Joan Baez", T.PERSON),
                ("John Baez", T.PERSON),
                ("Joan Baez", T.PERSON, 1),
                ("John Baez", T.PERSON, 1),
            ],
        )
    )
    assert "duplicate" not in _by_kind(corpus)


def test_the_report_file_holds_every_item_with_its_entry():
    corpus = corpus_of(("Trump Ramps Up Pressure On Allies Over Trade", [("Trump Ramps Up", T.PERSON)]))
    text = as_markdown(review(corpus))
    assert text.startswith("# Review queue") and "hide: true" in text
    assert as_markdown([]).startswith("# Review queue\n\nNothing to review")
