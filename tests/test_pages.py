"""Page content from a hand-made corpus (no spaCy): article, entity, index, timeline and home pages."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import pytest

from generator.config import Settings
from generator.model import (
    Article,
    ArticleEntity,
    ArticleMeta,
    Block,
    Corpus,
    Entity,
    EntityMention,
    EntityType,
    ExtractedArticle,
    Extraction,
    Mention,
    Sentence,
)
from generator.render import parallel, render_site
from generator.render.dates import DateResolver
from generator.render.text import central_sentences, key_numbers

from .graph_support import site_of

PUTIN = Entity(
    "vladimir-putin",
    "Vladimir Putin",
    EntityType.PERSON,
    aliases=("Putin", "Vladimir Vladimirovich"),
    description="President of Russia since 2000.",
    link="https://en.wikipedia.org/wiki/Vladimir_Putin",
)
YUKOS = Entity("yukos", "Yukos", EntityType.ORGANIZATION)
MOSCOW = Entity("moscow", "Moscow", EntityType.PLACE)
ENTITIES = {
    e.id: e
    for e in (
        PUTIN,
        YUKOS,
        MOSCOW,
        Entity("wednesday", "Wednesday", EntityType.DATE),
        Entity("1991", "1991", EntityType.DATE),
    )
}
NAMES = {
    "Vladimir Putin": "vladimir-putin",
    "Putin": "vladimir-putin",
    "Yukos": "yukos",
    "Moscow": "moscow",
    "Wednesday": "wednesday",
    "1991": "1991",
}


def make_article(slug: str, title: str, date: str | None, paragraphs: list[str], summary: str | None = None):
    """An ExtractedArticle with one sentence per paragraph line and a mention for every known name."""
    text, blocks, sentences, mentions = "", [], [], []
    for n, paragraph in enumerate(paragraphs, 1):
        start = len(text)
        text += paragraph + "\n\n"
        blocks.append(Block("paragraph", paragraph, start, f"p{n}"))
        for match in re.finditer(r"\S.*?\.(?=\s|$)", paragraph):
            s_start = start + match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
            sentences.append(Sentence(n - 1, s_start, start + match.end(), match.group(0).strip()))
    for index, sentence in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        for name in sorted(NAMES, key=len, reverse=True):
            for match in re.finditer(rf"\b{re.escape(name)}\b", sentence.text):
                s, e = sentence.start + match.start(), sentence.start + match.end()
                if any(a < e and s < b for a, b in taken):
                    continue
                taken.append((s, e))
                mentions.append(Mention(name, s, e, index, ENTITIES[NAMES[name]].type, name))
    article = Article(
        Path(f"seeds/{slug}.txt"),
        slug,
        title,
        None,
        ArticleMeta(date=date, summary=summary),
        tuple(blocks),
        text,
    )
    return ExtractedArticle(
        article, Extraction(tuple(sentences), tuple(sorted(mentions, key=lambda m: m.start)))
    )


def make_corpus() -> Corpus:
    first = make_article(
        "tax-bill",
        "Yukos gets a tax bill",
        "2004-12-15",
        [
            "Russian President Vladimir Putin said on Wednesday that Yukos must pay $27.5bn in back taxes.",
            "Yukos shares fell 12% in Moscow. Putin did not comment further.",
            "The firm has not paid such a bill since 1991.",
        ],
    )
    second = make_article(
        "auction",
        "Yukos unit sold",
        "2004-12-20",
        [
            "Yukos lost its main unit at an auction in Moscow.",
            "Putin backed the sale, officials in Moscow said.",
        ],
        summary="The editor's own dek.",
    )
    return corpus_of_articles((first, second), roles={"tax-bill": "Russian President"})


def corpus_of_articles(articles, roles: dict[str, str], quotations=()) -> Corpus:
    """The corpus of hand-made articles: every known name resolved; Putin has the role roles[slug] gives."""
    mentions, article_entities = [], {}
    for item in articles:
        counts: dict[str, int] = {}
        for m in item.mentions:
            entity_id = NAMES[m.name]
            mentions.append(EntityMention(entity_id, item.article.slug, m))
            counts[entity_id] = counts.get(entity_id, 0) + 1
        article_entities[item.article.slug] = tuple(
            ArticleEntity(e, c, roles.get(item.article.slug) if e == "vladimir-putin" else None)
            for e, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        )
    return Corpus(tuple(articles), ENTITIES, tuple(mentions), article_entities, tuple(quotations))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    corpus = make_corpus()
    rendered = render_site(site_of(corpus))
    return {p.path: p.content.decode("utf-8") for p in rendered if p.path.endswith(".md")}


def test_article_dek_is_summary_else_central_sentences(pages):
    auction = frontmatter.loads(pages["articles/auction.md"]).content
    assert auction.split("{: .explainer-dek }")[0].strip().split("\n")[-1] == "The editor&#39;s own dek."
    tax = frontmatter.loads(pages["articles/tax-bill.md"]).content
    dek = tax.split("{: .explainer-dek }")[0].strip().split("\n")[-1]
    assert dek.startswith("Russian President Vladimir Putin said on Wednesday")


def test_glance_box_has_who_with_role_where_when_and_numbers(pages):
    tax = pages["articles/tax-bill.md"]
    glance = tax[tax.index('<div class="explainer-glance"') : tax.index("</div>")]
    assert "**Who:** [Vladimir Putin](../entities/vladimir-putin.md) (Russian President)" in glance
    assert "**Where:** [Moscow](../entities/moscow.md)" in glance
    assert (
        "**When:** 15 December 2004; 1991 [↩](#p3)" in glance
    )  # 'Wednesday' is the paper's own day: not twice
    assert "**&#36;27.5bn** in back taxes [↩](#p1)" in glance
    assert "**12%**" in glance


def test_source_box_and_prev_next_follow_date_order(pages):
    tax, auction = pages["articles/tax-bill.md"], pages["articles/auction.md"]
    assert "- **Date:** 15 December 2004" in tax
    assert "Next: [Yukos unit sold](auction.md) →" in tax and "← Previous" not in tax
    assert "← Previous: [Yukos gets a tax bill](tax-bill.md)" in auction and "Next:" not in auction


def test_entity_page_has_name_roles_aliases_description_and_mentions(pages):
    page = frontmatter.loads(pages["entities/vladimir-putin.md"])
    assert page["title"] == "Vladimir Putin" and page["mentions"] == 3
    assert re.search(r"^# Vladimir Putin$", page.content, re.M)
    assert "Also known as: Putin, Vladimir Vladimirovich" in page.content
    # Search finds the page by its aliases: the line stands before every search-excluded block.
    assert page.content.index("Also known as") < page.content.index("data-search-exclude")
    assert "President of Russia since 2000." in page.content
    assert "(https://en.wikipedia.org/wiki/Vladimir_Putin)" in page.content
    assert "- Russian President — in [Yukos gets a tax bill](../articles/tax-bill.md)" in page.content
    assert "[↩](../articles/auction.md#p2)" in page.content
    # Each sentence once: one that Related quotes is not quoted again among the mentions.
    related = page.content[page.content.index("## Related") : page.content.index("## Mentions")]
    mentions = page.content[page.content.index("## Mentions") :]
    assert "Putin backed the sale" in related and "backed the sale" not in mentions
    assert "1 more mention quoted above, under Related" in mentions


def test_entity_page_caps_mentions_per_article_with_a_count_of_the_rest(monkeypatch):
    from generator.render import entities

    monkeypatch.setattr(entities, "MAX_MENTIONS_PER_ARTICLE", 1)
    monkeypatch.setattr(entities, "MAX_RELATED", 0)  # else Related quotes these sentences instead
    corpus = make_corpus()
    page = next(p for p in render_site(site_of(corpus)) if p.path == "entities/yukos.md")
    text = page.content.decode()
    assert text.count("<mark>Yukos</mark>") == 2  # one per article
    assert "… and 1 more mention in this article" in text


def test_related_entities_ranked_by_shared_sentences_with_evidence(pages):
    content = pages["entities/yukos.md"]
    related = content[content.index("## Related") : content.index("## Network")]
    lines = re.findall(r"^- \[([^\]]+)\]\([^)]*\) — (\d+) shared sentences?", related, re.M)
    assert [name for name, _ in lines][:2] == ["Moscow", "Vladimir Putin"]
    assert [int(n) for _, n in lines] == sorted((int(n) for _, n in lines), reverse=True)
    assert (
        "Moscow](moscow.md) — 2 shared sentences: “Yukos lost its main unit at an auction in Moscow.”"
        in related
    )


def test_related_quotes_a_sentence_naming_several_of_them_once():
    article = make_article(
        "meeting",
        "Putin meets Yukos",
        "2004-12-21",
        [
            "In 1991 Putin met Yukos managers in Moscow.",
            "Yukos shares fell in Moscow.",
            "Putin flew home from Moscow.",
        ],
    )
    pages = {
        p.path: p.content.decode() for p in render_site(site_of(corpus_of_articles((article,), roles={})))
    }
    text = pages["entities/moscow.md"]
    related = text[text.index("## Related") : text.index("## Mentions")]
    assert related.count("In 1991 Putin met Yukos managers in Moscow.") == 1
    # Putin and Yukos tie on two sentences; Putin's line quotes the first, Yukos's the next one it has.
    assert "— 2 shared sentences: “In 1991 Putin met Yukos managers in Moscow.”" in related
    assert "Yukos](yukos.md) — 2 shared sentences: “Yukos shares fell in Moscow.”" in related
    # On Yukos's page, Moscow's line quotes the one sentence Yukos shares with Putin.
    text = pages["entities/yukos.md"]
    related = text[text.index("## Related") : text.index("## Mentions")]
    assert (
        "Vladimir Putin](vladimir-putin.md) — 1 shared sentence; it is quoted above, for Moscow [↩]"
        in related
    )


def test_index_pages_sorted_by_mentions_with_filter(pages):
    everything = pages["entities/index.md"]
    assert (
        everything.index("## People") < everything.index("## Places") < everything.index("## Organisations")
    )
    assert "also Putin, Vladimir Vladimirovich" in everything
    people = pages["people.md"]
    assert (
        "[Vladimir Putin](entities/vladimir-putin.md)" in people
        and "Yukos" not in people.split("---", 2)[2].split("See also")[1]
    )


def test_timeline_orders_articles_and_dated_statements(pages):
    timeline = frontmatter.loads(pages["timeline.md"])
    assert timeline["title"] == "Timeline" and "# Timeline" in timeline.content
    articles = re.findall(
        r"^- \*\*([^*]+)\*\* — \[([^\]]+)\]", timeline.content.split("## Dates in the text")[0], re.M
    )
    assert articles == [
        ("15 December 2004", "Yukos gets a tax bill"),
        ("20 December 2004", "Yukos unit sold"),
    ]
    statements = re.findall(r"^- \*\*([^*]+)\*\* — “", timeline.content, re.M)
    assert statements == ["1991", "15 December 2004 (“Wednesday”)"]


def test_home_page_says_what_the_site_covers(pages):
    home = frontmatter.loads(pages["index.md"]).content
    assert (
        "2 articles, from 15 December 2004 to 20 December 2004, "
        "naming 1 people, 1 places and 1 organisations." in home
    )
    assert (
        "about [Yukos](entities/yukos.md), [Vladimir Putin](entities/vladimir-putin.md) "
        "and [Moscow](entities/moscow.md)" in home
    )
    assert home.index("Yukos unit sold") < home.index("Yukos gets a tax bill")  # newest first


def test_seed_text_is_escaped_on_every_page():
    hostile = make_article(
        "x",
        "<script>alert(1)</script> [x](javascript:alert(1))",
        None,
        ["Yukos said <img src=x onerror=alert(1)> and {: #evil } here."],
    )
    corpus = Corpus(
        (hostile,),
        ENTITIES,
        tuple(EntityMention(NAMES[m.name], "x", m) for m in hostile.mentions),
        {"x": (ArticleEntity("yukos", 1, "<b>boss</b>"),)},
    )
    for page in render_site(site_of(corpus)):
        if page.path.endswith(".md"):
            body = page.content.decode().split("---", 2)[2]
            body = re.sub(
                r"<figure.*?</figure>", "", body, flags=re.S
            )  # the graph's raw HTML, escaped by graphs.py
            assert "<script>" not in body and "<img" not in body and "<b>" not in body, page.path
            assert "](javascript:" not in body and "{: #evil" not in body, page.path


@pytest.mark.parametrize(
    "text, article_date, expected, relative",
    [
        ("1991", None, "1991", False),
        ("the 1990s", None, "1990s", False),
        ("December 2004", None, "December 2004", False),
        ("Wednesday", "2004-12-15", "15 December 2004", True),  # the paper's own day
        ("Friday", "2004-12-15", "10 December 2004", True),
        ("last year", "2004-12-15", "2003", True),
        ("Wednesday", None, None, True),  # shown as written
        ("24 years", None, None, False),  # a span, not a date
    ],
)
def test_dates_resolve_against_the_article_date(text, article_date, expected, relative):
    when, is_relative = DateResolver().resolve(text, article_date)
    assert (when.label if when else None, is_relative) == (expected, relative)


def test_central_sentences_and_key_numbers():
    item = make_corpus().articles[0]
    assert len(central_sentences(item, 2)) == 2
    assert [(n, after) for _, n, after, _ in key_numbers(item)] == [
        ("$27.5bn", "in back taxes"),
        ("12%", "in Moscow"),
    ]
    quoted = make_article("q", "Q", None, ["The unit sold for $9.37bn: a bargain, critics said."])
    assert key_numbers(quoted) == [("The unit sold for", "$9.37bn", "", "p1")]
    # The whole word: 'million' is not 'm' and 'illion'.
    bail = make_article("b", "B", None, ["Bail was set at $5.2 million on Monday."])
    assert [n for _, n, _, _ in key_numbers(bail)] == ["$5.2 million"]
    assert site_of(make_corpus()).reading_order() == ["tax-bill", "auction"]


def test_forked_workers_render_the_same_pages(monkeypatch):
    corpus = make_corpus()
    alone = render_site(site_of(corpus, Settings(processes=1)))
    monkeypatch.setattr(parallel, "PARALLEL_FROM_PAGES", 1)  # the test corpus is small; fork anyway
    forked = render_site(site_of(corpus, Settings(processes=2)))
    assert [(p.path, p.content) for p in forked] == [(p.path, p.content) for p in alone]
    assert len({p.path for p in alone}) == len(alone) > 10
