"""Pages that explain: relations listed as sentences before what is only named together, an entity page that
opens with its key facts and one line per role, who said what (escaped like all article text), and words
that stand for a name counted but not linked. A hand-made corpus: no spaCy."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from generator.model import (
    Action,
    Corpus,
    Evidence,
    Mention,
    Quotation,
    Reference,
)
from generator.render import render_site
from generator.render.graphs import graph_context

from .graph_support import site_of
from .test_pages import ENTITIES, corpus_of_articles, make_article

SAID = "Taxes must be paid <script>alert(1)</script> in full"


def story_corpus() -> Corpus:
    first = make_article(
        "tax-bill",
        "Yukos gets a tax bill",
        "2004-12-15",
        [
            "Russian President Vladimir Putin warned Yukos on Wednesday.",
            "Yukos shares fell 12% in Moscow. He did not comment further.",
        ],
    )
    second = make_article(
        "auction",
        "Yukos unit sold",
        "2004-12-20",
        ["Russian President Vladimir Putin backed the sale in Moscow.", f'"{SAID}," Putin said.'],
    )
    # The pronoun: a mention of Putin that is no name.
    text = first.article.text
    he = text.index("He did")
    pronoun = Mention("He", he, he + 2, 2, ENTITIES["vladimir-putin"].type, "Putin", refers=Reference.PRONOUN)
    by_start = {m.start: m for m in first.mentions}
    putin = next(m for m in first.mentions if m.name == "Vladimir Putin")
    yukos = next(m for m in first.mentions if m.name == "Yukos")
    first = replace(
        first,
        extraction=replace(
            first.extraction,
            mentions=tuple(sorted((*by_start.values(), pronoun), key=lambda m: m.start)),
            actions=(Action(putin.start, yukos.start, "warn", 0),),
        ),
    )
    said = Quotation("vladimir-putin", "auction", SAID, Evidence("auction", "p2", second.sentences[-1].text))
    role = "Russian President"
    return corpus_of_articles((first, second), roles={"tax-bill": role, "auction": role}, quotations=(said,))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {
        p.path: p.content.decode() for p in render_site(site_of(story_corpus())) if p.path.endswith(".md")
    }


def test_relations_come_first_as_sentences_then_one_line_per_entity_named_with_the_rest():
    site = site_of(story_corpus())
    context = graph_context(site.article_graph("tax-bill"), site, "articles/tax-bill.md", "Caption")
    kinds = [r.kind for r in context["relations"]]
    assert kinds[0] == "act" and set(kinds[1:]) == {"named with"}
    first = context["relations"][0].markdown
    assert first.startswith(
        "[Vladimir Putin](../entities/vladimir-putin.md) warned [Yukos](../entities/yukos.md)"
    )
    assert "[↩](tax-bill.md#p1)" in first
    # Each pair once, under the one this article names more (Yukos twice, Moscow once; the site names each
    # twice), with the sentences they share; the pair with a relation (Putin, Yukos) is not repeated.
    assert [r.markdown for r in context["relations"][1:]] == [
        "[Yukos](../entities/yukos.md), also named with: [Moscow](../entities/moscow.md) (1)"
    ]


def test_an_entity_page_opens_with_its_key_facts(pages):
    page = pages["entities/vladimir-putin.md"]
    facts = page[page.index("**Key facts**") : page.index("</div>", page.index("**Key facts**"))]
    assert "- **Roles:** Russian President" in facts
    assert "- **First seen:** [Yukos gets a tax bill](../articles/tax-bill.md) (15 December 2004)" in facts
    assert "- **Last seen:** [Yukos unit sold](../articles/auction.md) (20 December 2004)" in facts
    assert "- **Relations:** Vladimir Putin warned [Yukos](yukos.md) [↩](../articles/tax-bill.md#p1)" in facts
    assert "- **Quotes:** [1 quote](#what-they-said)" in facts
    assert page.index("**Key facts**") < page.index("## Articles")


def test_one_line_per_role_with_its_articles_and_dates(pages):
    page = pages["entities/vladimir-putin.md"]
    roles = re.findall(r"^- Russian President — .*$", page, re.M)
    assert roles == [
        "- Russian President — in [Yukos gets a tax bill](../articles/tax-bill.md), "
        "[Yukos unit sold](../articles/auction.md), 15 December 2004 – 20 December 2004"
    ]


def test_what_they_said_is_escaped_and_links_to_its_paragraph(pages):
    page = pages["entities/vladimir-putin.md"]
    said = page[page.index("## What they said") : page.index("## Related")]
    assert "<script>" not in said and "&#60;script&#62;alert(1)&#60;/script&#62;" in said
    assert (
        "— [Yukos unit sold](../articles/auction.md), 20 December 2004 [↩](../articles/auction.md#p2)" in said
    )
    assert "## What they said" not in pages["entities/yukos.md"]


def test_an_article_says_who_said_what(pages):
    article = pages["articles/auction.md"]
    box = article[article.index("## Who said what") : article.index("## Network")]
    speaker = "- **[Vladimir Putin](../entities/vladimir-putin.md):**"
    assert f"{speaker} “Taxes must be paid &#60;script&#62;" in box
    assert "[↩](#p2)" in box
    assert "## Who said what" not in pages["articles/tax-bill.md"]


def test_a_pronoun_counts_as_a_mention_but_is_no_link(pages):
    article = pages["articles/tax-bill.md"]
    assert "in [Moscow](../entities/moscow.md). He did not comment further." in article
    assert '"name": "Vladimir Putin", "type": "person", "slug": "vladimir-putin", "count": 2' in article
