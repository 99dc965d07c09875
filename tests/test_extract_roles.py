"""Roles from word patterns: before the name, in an apposition after it, never from a bare name."""

from __future__ import annotations

import pytest

from generator.extract.actions import role_words
from generator.extract.refine import refine
from generator.extract.roles import role_after, role_apposed_before, role_before
from generator.model import EntityType as T
from tests.entities_support import article_of, mention, sentences_of


def test_demonym_and_title_before_the_name():
    text = "Russian President Vladimir Putin arrived."
    assert role_before(text, text.index("Vladimir"), [(0, 7)]).text == "Russian President"


def test_lowercase_role_noun_after_a_demonym():
    text = "He met North Korean leader Kim Jong Un."
    start = text.index("North")
    assert role_before(text, text.index("Kim"), [(start, start + 12)]).text == "North Korean leader"


def test_title_with_of():
    text = "Secretary of State John Kerry spoke."
    assert role_before(text, text.index("John"), []).text == "Secretary of State"


def test_apposition_after_the_name():
    text = "Tony Blair, the British prime minister, said so."
    assert role_after(text, len("Tony Blair"), []).text == "British prime minister"


def test_no_role_without_a_role_noun():
    text = "Russia's Vladimir Putin arrived. Yesterday Putin left."
    assert role_before(text, text.index("Vladimir"), []) is None
    assert role_before(text, text.index("Putin left"), []) is None


def test_honorific_is_not_a_role():
    text = "Mr Blair said so."
    assert role_before(text, text.index("Blair"), []) is None


def test_refine_gives_each_person_mention_its_role():
    article = article_of("Russian President Vladimir Putin met North Korean leader Kim Jong Un.")
    found = refine(
        article,
        sentences_of(article),
        [
            mention(article, "Russian", T.GROUP),
            mention(article, "Vladimir Putin", T.PERSON),
            mention(article, "North Korean", T.GROUP),
            mention(article, "Kim Jong Un", T.PERSON),
        ],
    )
    assert {m.name: m.role for m in found if m.type is T.PERSON} == {
        "Vladimir Putin": "Russian President",
        "Kim Jong Un": "North Korean leader",
    }


def test_a_role_set_off_by_commas_before_the_name():
    text = "Russia's chief negotiator, Vladimir Medinsky, said talks would go on."
    role = role_apposed_before(text, text.index("Vladimir"), text.index(", said"), [(0, 6)])
    assert (role.text, text[role.start : role.end]) == (
        "Russia's chief negotiator",
        "Russia's chief negotiator",
    )


def test_no_role_set_off_before_a_name_without_a_comma_after_it():
    text = "After meeting the US envoy, Putin said talks would go on."
    assert role_apposed_before(text, text.index("Putin"), text.index(" said"), []) is None


def test_no_role_set_off_after_a_preposition():
    text = "Speaking to the US envoy, Putin, who had flown in, smiled."
    assert role_apposed_before(text, text.index("Putin"), text.index(", who"), []) is None


def test_refine_says_whose_role_it_is():
    article = article_of(
        "Trump envoy Steve Witkoff met Russia's chief negotiator, Vladimir Medinsky, in Riyadh."
    )
    trump, russia = mention(article, "Trump", T.PERSON), mention(article, "Russia", T.PLACE)
    found = refine(
        article,
        sentences_of(article),
        [
            trump,
            mention(article, "Steve Witkoff", T.PERSON),
            russia,
            mention(article, "Vladimir Medinsky", T.PERSON),
        ],
    )
    people = {m.name: (m.role, m.role_of) for m in found if m.name in ("Steve Witkoff", "Vladimir Medinsky")}
    assert people == {
        "Steve Witkoff": ("Trump envoy", trump.start),
        "Vladimir Medinsky": ("Russia's chief negotiator", russia.start),
    }


@pytest.mark.parametrize(
    ("text", "person", "owner"),
    [
        ("Russian President Vladimir Putin left.", "Vladimir Putin", "Russian"),
        ("Rodrigo Rato, managing director of the IMF, spoke.", "Rodrigo Rato", "IMF"),
        ("Nick Bubb, an analyst at Evolution Securities, said so.", "Nick Bubb", "Evolution Securities"),
        # no owner: a title word that is a name ('Home'), a longer name ('Real Madrid'), a nationality
        ("Home Secretary David Blunkett spoke.", "David Blunkett", None),
        ("Real Madrid general manager Arrigo Sacchi spoke.", "Arrigo Sacchi", None),
        ("British director Mark Dornford-May spoke.", "Mark Dornford-May", None),
    ],
)
def test_whose_role_it_is(text, person, owner):
    article = article_of(text)
    names = [person] + [
        n for n in ("Russian", "IMF", "Evolution Securities", "Home", "Madrid", "British") if n in text
    ]
    kinds = {"Russian": T.GROUP, "British": T.GROUP, "Madrid": T.PLACE, "Home": T.ORGANIZATION}
    found = refine(
        article,
        sentences_of(article),
        [mention(article, n, kinds.get(n, T.ORGANIZATION if n != person else T.PERSON)) for n in names],
    )
    (who,) = [m for m in found if m.name == person]
    owners = {m.start: m.name for m in found}
    assert who.role and (owners.get(who.role_of) if who.role_of is not None else None) == owner


def test_a_role_relation_keeps_the_role_words_only():
    assert role_words("Russia's chief negotiator", "Russia") == "chief negotiator"
    assert role_words("managing director of the IMF", "IMF") == "managing director"
    assert role_words("Trump envoy", "Trump") == "envoy"


def test_of_two_titles_joined_by_a_connector_the_name_has_the_second():
    text = "Claude Veron-Reville, spokesman for trade commissioner Peter Mandelson, said so."
    assert role_before(text, text.index("Peter"), []).text == "trade commissioner"
    assert role_before("Secretary of State John Kerry spoke.", 19, []).text == "Secretary of State"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("London Irish coach Gary Gold spoke.", "London"),
        ("Transport Commissioner Jacques Barrot spoke.", "Transport"),
    ],
)
def test_no_owner_that_is_part_of_a_name_or_a_portfolio(text, owner):
    article = article_of(text)
    person = " ".join(text.split()[-3:-1])
    found = refine(
        article, sentences_of(article), [mention(article, owner, T.PLACE), mention(article, person, T.PERSON)]
    )
    (who,) = [m for m in found if m.name == person]
    assert who.role and who.role_of is None
