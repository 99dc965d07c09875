"""A Markdown seed's text as a reader sees it (read/inline.py): markup gone, every offset and line kept."""

from __future__ import annotations

import pytest

from generator.read.inline import reader_text


def shown(text: str) -> str:
    rewritten = reader_text(text)
    assert len(rewritten) == len(text) and rewritten.count("\n") == text.count("\n")
    return " ".join(rewritten.split())


@pytest.mark.parametrize(
    "markdown, seen",
    [
        ("for [Vladimir\nPutin](http://example.org/putin.htm)'s grudge", "for Vladimir Putin's grudge"),
        ('said [the BBC](https://example.org/a_(b) "BBC News").', "said the BBC."),
        ("![A tanker](https://example.org/t.jpg) Prices rose.", "Prices rose."),
        ("[![logo](https://example.org/l.png)](https://example.org/) Prices rose.", "Prices rose."),
        ("**Breaking**: prices *rose*.", "Breaking: prices rose."),
        ("&#151; Prices rose &amp; fell.", "— Prices rose & fell."),
    ],
)
def test_inline_markup_becomes_the_text_a_reader_sees(markdown, seen):
    assert shown(markdown) == seen


@pytest.mark.parametrize(
    "typed", ["config.__class__.__init__", "7*7 = 49", "AT&amp;T", "[evil]: javascript:alert(1)", "a [b] c"]
)
def test_what_is_no_inline_markup_stays_as_typed(typed):
    assert shown(typed) == typed


def test_the_front_matter_is_left_alone():
    text = "---\ntitle: '[A](b)'\n---\n[Moscow](https://example.org/m) said so."
    start = text.index("[Moscow]")
    rewritten = reader_text(text, start)
    assert rewritten[:start] == text[:start] and " ".join(rewritten[start:].split()) == "Moscow said so."
