"""One test per document-level rule of generator/refine.py (no spaCy needed)."""

from __future__ import annotations

import re

import pytest

from generator.boilerplate import opens_with_furniture
from generator.durations import is_duration
from generator.extract.refine import refine
from generator.extract.spans import clean_span
from generator.model import EntityType as T
from tests.entities_support import article_of, mention, sentences_of


def run(text: str, *found: tuple):
    """refine() over the mentions given as (text, type) or (text, type, occurrence)."""
    article = article_of(text)
    return refine(article, sentences_of(article), [mention(article, *f) for f in found])


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("North Korea’s", "North Korea"),
        ("Russia's", "Russia"),
        ("the United States", "United States"),
        ("“Kremlin,", "Kremlin"),
        ("(Moscow)", "Moscow"),
        ("Reuters' ", "Reuters"),
    ],
)
def test_clean_span_strips_possessive_article_and_edge_punctuation(raw, clean):
    start, end = clean_span(raw)
    assert raw[start:end] == clean


@pytest.mark.parametrize(
    "text", ["24 years", "more than twenty years", "three months", "the past two weeks", "a decade"]
)
def test_durations_are_not_dates(text):
    assert is_duration(text)


@pytest.mark.parametrize("text", ["Wednesday", "1991", "two years ago", "last year", "June 2024"])
def test_points_in_time_stay_dates(text):
    assert not is_duration(text)
    assert [m.name for m in run(f"It happened {text}.", (text, T.DATE))] == [text]


@pytest.mark.parametrize("text", ["weeks", "every day", "the neon century", "both years", "end of"])
def test_date_fragments_tied_to_no_time_are_dropped(text):
    assert run(f"It happened {text}.", (text, T.DATE)) == []


def test_frequency_is_no_date():
    assert run("The annual report came.", ("annual", T.DATE)) == []


def test_duration_mention_is_dropped_and_date_kept():
    found = run("He came on Wednesday after 24 years away.", ("Wednesday", T.DATE), ("24 years", T.DATE))
    assert [m.text for m in found] == ["Wednesday"]


def test_boilerplate_lines_are_recognised():
    assert opens_with_furniture("Share this article on Facebook")
    assert opens_with_furniture("Image caption Vladimir Putin in Pyongyang")
    assert not opens_with_furniture("Putin shared a car with Kim.")


def test_bare_title_is_no_entity():
    assert run("The President arrived.", ("President", T.PERSON)) == []


def test_party_made_of_title_words_stays_an_entity():
    found = run("The Labour Party won.", ("Labour Party", T.ORGANIZATION))
    assert [m.name for m in found] == ["Labour Party"]


def test_title_is_stripped_from_a_person_and_becomes_the_role():
    (putin,) = run("President Putin arrived.", ("President Putin", T.PERSON))
    assert (putin.text, putin.role) == ("Putin", "President")


def test_fragment_of_a_longer_name_after_a_is_dropped():
    assert run("They went to a State Guest House.", ("State", T.ORGANIZATION)) == []


def test_name_used_as_modifier_after_a_is_kept():
    found = run("A Reuters reporter saw it.", ("Reuters", T.ORGANIZATION))
    assert [m.name for m in found] == ["Reuters"]


def test_date_stuck_to_a_place_is_cut_off():
    (seoul,) = run("SEOUL 1996-08-31", ("SEOUL 1996-08-31", T.PLACE))
    assert seoul.text == "SEOUL"


def test_lowercase_span_is_no_name():
    assert run("the president spoke.", ("president", T.PERSON)) == []


def test_a_span_with_no_letter_is_no_name():
    """A race time or a score the recogniser took for a place ('7:40.53'); '3M' keeps its letter, and an
    event such as '9/11' needs none."""
    found = run(
        "He won in 7:40.53 for 3M after 9/11.",
        ("7:40.53", T.PLACE),
        ("3M", T.ORGANIZATION),
        ("9/11", T.EVENT),
    )
    assert [m.name for m in found] == ["3M", "9/11"]


def test_city_used_for_its_government_stays_a_place():
    (moscow,) = run("Moscow said no.", ("Moscow", T.ORGANIZATION))
    assert moscow.type is T.PLACE


def test_person_named_like_a_city_stays_a_person():
    (nancy,) = run("His wife Nancy Reagan said so.", ("Nancy Reagan", T.PERSON))
    assert nancy.type is T.PERSON


def test_demonym_tagged_as_place_is_a_group():
    (group,) = run("Rwandan troops moved.", ("Rwandan", T.PLACE))
    assert group.type is T.GROUP


def test_one_type_per_name_per_article():
    found = run(
        "Kremlin spoke.\nThe Kremlin agreed.\nKremlin again.",
        ("Kremlin", T.ORGANIZATION),
        ("Kremlin", T.PLACE, 1),
        ("Kremlin", T.ORGANIZATION, 2),
    )
    assert [m.type for m in found] == [T.ORGANIZATION] * 3


def test_surname_after_full_name_is_a_person_whatever_the_model_said():
    found = run(
        "Vladimir Putin came.\nPutin left.", ("Vladimir Putin", T.PERSON), ("Putin", T.ORGANIZATION, 1)
    )
    assert [m.type for m in found] == [T.PERSON, T.PERSON]


def test_later_mentions_missed_by_the_model_are_found():
    found = run(
        "Vladimir Putin came to Pyongyang.\nPutin’s plane left Pyongyang.",
        ("Vladimir Putin", T.PERSON),
        ("Pyongyang", T.PLACE),
    )
    assert [(m.text, m.type) for m in found] == [
        ("Vladimir Putin", T.PERSON),
        ("Pyongyang", T.PLACE),
        ("Putin", T.PERSON),
        ("Pyongyang", T.PLACE),
    ]


def test_known_name_inside_a_longer_name_is_not_found_again():
    found = run("Moscow is big.\nHe studied at Moscow State University.", ("Moscow", T.PLACE))
    assert len(found) == 1


def test_known_names_are_found_in_an_all_caps_headline():
    found = run(
        "PUTIN VISITS PYONGYANG\nVladimir Putin came to Pyongyang.",
        ("Vladimir Putin", T.PERSON),
        ("Pyongyang", T.PLACE),
    )
    assert [m.text for m in found][:2] == ["PUTIN", "PYONGYANG"]


@pytest.mark.parametrize(
    "span, kind, name",
    [
        ("National League for Democracy (NLD", T.ORGANIZATION, "National League for Democracy"),
        ("PRESALE - Bay Co Bldg Auth", T.ORGANIZATION, "Bay Co Bldg Auth"),
        ("Interfax news agency", T.ORGANIZATION, "Interfax"),
        ("August Chicago NAPM", T.ORGANIZATION, "Chicago NAPM"),
        ("broker Khurshid Alam", T.PERSON, "Khurshid Alam"),
        ("Charles de Gaulle", T.PERSON, "Charles de Gaulle"),
        ("Is Trump", T.PERSON, "Trump"),
        ("Why Moscow", T.PLACE, "Moscow"),
    ],
)
def test_spans_are_tidied_to_the_name(span, kind, name):
    (found,) = run(f"Yesterday {span} said so.", (span, kind))
    assert found.name == name and found.text == name


def test_time_zone_is_no_organisation():
    assert run("At 1400 GMT prices fell.", ("GMT", T.ORGANIZATION)) == []


def test_country_in_caps_headline_and_city_of_dateline_are_places():
    found = run("ROMANIA COMELF PROFIT RISES\nBUCHAREST 1996-08-30\nThe company said so.")
    assert [(m.text, m.name, m.type) for m in found] == [
        ("ROMANIA", "Romania", T.PLACE),
        ("BUCHAREST", "Bucharest", T.PLACE),
    ]


@pytest.mark.parametrize(
    "dateline, place",
    [
        ("DODGE CITY 1996-08-27", "Dodge City"),  # no gazetteer needed
        ("KIRYAT SEFER, Feb 10 (Reuters) -", "Kiryat Sefer"),
        ("TAURANGA, New Zealand (AP) —", "Tauranga"),
    ],
)
def test_a_wire_datelines_capitals_are_a_place_whatever_the_recogniser_made_of_them(dateline, place):
    found = run(f"{dateline} Trade was quiet on Monday.", (dateline.split()[0], T.ORGANIZATION))
    assert [(m.name, m.type) for m in found if m.type is not T.DATE] == [(place, T.PLACE)]


def test_capitals_followed_by_no_date_or_agency_are_no_dateline():
    assert run("LE JOUR - Raphael Lakpe, publisher of the daily, was freed.") == []


@pytest.mark.parametrize(
    "span, kind, expected",
    [
        ("Pirelli Cables", T.PERSON, T.ORGANIZATION),
        ("Changi Prison", T.PERSON, T.PLACE),
        ("Soviet Union", T.ORGANIZATION, T.PLACE),
        ("West Bank", T.ORGANIZATION, T.PLACE),
    ],
)
def test_company_and_facility_words_decide_the_type(span, kind, expected):
    (found,) = run(f"They saw {span} today.", (span, kind))
    assert found.type is expected


def test_surname_that_is_a_place_word_stays_a_person():
    (found,) = run("Mike Lake said so.", ("Mike Lake", T.PERSON))
    assert found.type is T.PERSON


def test_part_of_a_longer_name_where_the_text_reads_it_is_that_name():
    text = "Cambridge Analytica denied it. Critics said Cambridge Analytica had lied, and Cambridge agreed."
    found = run(
        text,
        ("Cambridge Analytica", T.ORGANIZATION),
        ("Cambridge", T.PLACE, 1),
        ("Cambridge", T.PLACE, 2),
    )
    assert [(m.name, m.type) for m in found] == [
        ("Cambridge Analytica", T.ORGANIZATION),
        ("Cambridge Analytica", T.ORGANIZATION),
        ("Cambridge", T.PLACE),  # the town, where the text reads no longer name
    ]


@pytest.mark.parametrize("pair", ["U.S.-Russia", "Russia–Ukraine"])
def test_two_places_joined_by_a_dash_are_two_places(pair):
    found = run(f"The {pair} talks resumed.", (pair, T.PLACE))
    assert [(m.text, m.type) for m in found] == [(part, T.PLACE) for part in re.split("[–-]", pair)]


def test_a_hyphenated_name_is_one_name():
    found = run(
        "Guinea-Bissau voted, and Hewlett-Packard fell.",
        ("Guinea-Bissau", T.PLACE),
        ("Hewlett-Packard", T.ORGANIZATION),
    )
    assert [m.name for m in found] == ["Guinea-Bissau", "Hewlett-Packard"]


@pytest.mark.parametrize(
    "sentence, found, office",
    [
        (
            "Officers with the Baldwin County Sheriff's office arrested them.",
            ("Baldwin County Sheriff", T.ORGANIZATION),
            "Baldwin County Sheriff's office",
        ),
        (
            "The Manhattan District Attorney’s Office said it would appeal.",
            ("Manhattan", T.PLACE),
            "Manhattan District Attorney’s Office",
        ),
    ],
)
def test_a_title_before_its_office_is_that_office(sentence, found, office):
    assert [(m.name, m.type) for m in run(sentence, found)] == [(office, T.ORGANIZATION)]


def test_a_name_without_a_title_before_an_office_stays_itself():
    found = run("Microsoft's office in Dublin closed.", ("Microsoft", T.ORGANIZATION), ("Dublin", T.PLACE))
    assert [(m.name, m.type) for m in found] == [("Microsoft", T.ORGANIZATION), ("Dublin", T.PLACE)]


@pytest.mark.parametrize(
    "sentence, found, named",
    [
        # The recogniser's span for the abbreviation is named as the state, stop or no stop, AP or postal.
        (
            "Apple opened a store in Cupertino, Calif., on Tuesday.",
            [("Cupertino", T.PLACE), ("Calif", T.PLACE)],
            [("Cupertino", "Cupertino"), ("Calif", "California")],
        ),
        (
            "The plant in Linden, NJ will close.",
            [("Linden", T.PLACE), ("NJ", T.ORGANIZATION)],
            [("Linden", "Linden"), ("NJ", "New Jersey")],
        ),
        # Found where the recogniser passed it over, when written with its full stops.
        (
            "A church in Charleston, S.C. was attacked.",
            [("Charleston", T.PLACE)],
            [("Charleston", "Charleston"), ("S.C", "South Carolina")],
        ),
        # D.C. after Washington is Washington's, the place that news names alone; after another town it is
        # the district.
        (
            "The Senate in Washington, D.C., voted.",
            [("Senate", T.ORGANIZATION), ("Washington", T.PLACE), ("D.C", T.PLACE)],
            [("Senate", "Senate"), ("Washington", "Washington")],
        ),
        (
            "A school in Anacostia, D.C. closed.",
            [("Anacostia", T.PLACE)],
            [("Anacostia", "Anacostia"), ("D.C", "Washington, D.C.")],
        ),
    ],
)
def test_a_state_abbreviation_after_a_town_is_the_state(sentence, found, named):
    out = run(sentence, *found)
    assert [(m.text, m.name) for m in out] == named
    assert all(m.type is T.PLACE for m in out if m.name != "Senate")


@pytest.mark.parametrize(
    "text, found, named",
    [
        # A dateline's place is found after the other mentions: its state is still named once.
        (
            "CUPERTINO, Calif. (AP) — Apple opened a store.",
            [("Calif", T.PLACE), ("Apple", T.ORGANIZATION)],
            [("CUPERTINO", "Cupertino"), ("Calif", "California"), ("Apple", "Apple")],
        ),
        # The second Cupertino is found again, after the abbreviation that follows it.
        (
            "Apple is in Cupertino.\nIt opened in Cupertino, Calif., on Monday.",
            [("Cupertino", T.PLACE), ("Calif", T.PLACE)],
            [("Cupertino", "Cupertino"), ("Cupertino", "Cupertino"), ("Calif", "California")],
        ),
    ],
)
def test_a_town_found_late_names_its_state_once(text, found, named):
    assert [(m.text, m.name) for m in run(text, *found)] == named


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("They met in Paris, France.", [("Paris", T.PLACE), ("France", T.PLACE)]),
        ("A store in Cupertino, Ca. opened.", [("Cupertino", T.PLACE)]),  # no state's abbreviation
        ("His sister, Miss. Jones, came.", [("Jones", T.PERSON)]),  # no town before the comma
        ("Apple, Pa. Jones said.", [("Apple", T.ORGANIZATION), ("Jones", T.PERSON)]),
    ],
)
def test_no_state_without_a_town_and_an_abbreviation(sentence, found):
    assert [m.name for m in run(sentence, *found)] == [text for text, _ in found]
