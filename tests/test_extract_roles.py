"""Roles from word patterns: before the name, in an apposition after it, never from a bare name."""

from __future__ import annotations

from generator.extract.refine import refine
from generator.extract.roles import role_after, role_before
from generator.model import EntityType as T
from tests.entities_support import article_of, mention, sentences_of


def test_demonym_and_title_before_the_name():
    text = "Russian President Vladimir Putin arrived."
    assert role_before(text, text.index("Vladimir"), [(0, 7)]) == "Russian President"


def test_lowercase_role_noun_after_a_demonym():
    text = "He met North Korean leader Kim Jong Un."
    start = text.index("North")
    assert role_before(text, text.index("Kim"), [(start, start + 12)]) == "North Korean leader"


def test_title_with_of():
    text = "Secretary of State John Kerry spoke."
    assert role_before(text, text.index("John"), []) == "Secretary of State"


def test_apposition_after_the_name():
    text = "Tony Blair, the British prime minister, said so."
    assert role_after(text, len("Tony Blair"), []) == "British prime minister"


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
