"""Follow and reuse (issue 17), on a hand-made two-article story (no spaCy): Atom feeds, the Data page's
downloads, a JSON file per entity, hover-card data and the change log of what's new. A hostile story
(a name a spreadsheet would run, markup and a control character in a title) must stay text everywhere."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import feedparser
import networkx as nx
import pytest

from generator.config import Settings
from generator.render import render_site

from .graph_support import site_of
from .test_explaining_pages import story_corpus
from .test_pages import corpus_of_articles, make_article

FORMULA = '=HYPERLINK("http://evil.example","Yukos")'
HOSTILE_TITLE = "<script>alert(1)</script> Yukos & co\x07 sold"
SETTINGS = Settings(site_url="https://news.example/story/")


def _with_undated(corpus):
    """The story and an undated third article naming Putin: no feed may list it."""
    undated = make_article("undated", "An undated piece", None, ["Vladimir Putin spoke in Moscow."])
    entities = {**corpus.article_entities}
    extra = corpus_of_articles((undated,), roles={})
    entities.update(extra.article_entities)
    return replace(
        corpus,
        articles=(*corpus.articles, undated),
        mentions=(*corpus.mentions, *extra.mentions),
        article_entities=entities,
    )


def _hostile(corpus):
    """Yukos named as a formula; the first article's title holds markup and a control character."""
    first, *rest = corpus.articles
    first = replace(first, article=replace(first.article, title=HOSTILE_TITLE))
    yukos = replace(corpus.entities["yukos"], name=FORMULA)
    return replace(corpus, articles=(first, *rest), entities={**corpus.entities, "yukos": yukos})


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {p.path: p.content for p in render_site(site_of(_with_undated(story_corpus()), SETTINGS))}


@pytest.fixture(scope="module")
def hostile_files() -> dict[str, bytes]:
    return {p.path: p.content for p in render_site(site_of(_hostile(story_corpus()), SETTINGS))}


def _csv_cells(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


# --- feeds ---


def test_the_site_feed_lists_dated_articles_newest_first_and_parses_cleanly(files):
    feed = feedparser.parse(files["feed.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert [e.title for e in feed.entries] == ["Yukos unit sold", "Yukos gets a tax bill"]  # no undated one
    assert [e.link for e in feed.entries] == [
        "https://news.example/story/articles/auction/",
        "https://news.example/story/articles/tax-bill/",
    ]
    assert feed.entries[0].id == "https://news.example/story/articles/auction/"
    assert feed.feed.updated.startswith("2004-12-20")  # the newest article's date, not the build's


def test_an_entity_feed_lists_the_articles_naming_it_with_the_sentence_that_does(files):
    feed = feedparser.parse(files["feeds/vladimir-putin.xml"])
    assert not feed.bozo
    assert "new articles naming Vladimir Putin" in feed.feed.title
    assert [e.title for e in feed.entries] == ["Yukos unit sold", "Yukos gets a tax bill"]
    assert feed.entries[0].summary == "Russian President Vladimir Putin backed the sale in Moscow."
    assert feed.feed.link == "https://news.example/story/entities/vladimir-putin/"


def test_without_a_site_url_ids_are_still_stable_names():
    site = site_of(story_corpus(), Settings())
    first = {p.path: p.content for p in render_site(site)}["feed.xml"]
    again = {p.path: p.content for p in render_site(site_of(story_corpus(), Settings()))}["feed.xml"]
    assert first == again
    feed = feedparser.parse(first)
    assert not feed.bozo and all(e.id.startswith("urn:uuid:") for e in feed.entries)


def test_a_hostile_title_is_text_in_the_feed(hostile_files):
    raw = hostile_files["feed.xml"].decode()
    assert "<script>" not in raw and "\x07" not in raw
    feed = feedparser.parse(hostile_files["feed.xml"])
    assert not feed.bozo
    assert "<script>alert(1)</script> Yukos & co sold" in [e.title for e in feed.entries]


def test_entity_pages_link_their_feed_and_data(files):
    page = files["entities/vladimir-putin.md"].decode()
    assert 'feed: "feeds/vladimir-putin.xml"' in page
    assert "[new articles naming them (Atom feed)](../feeds/vladimir-putin.xml)" in page
    assert "[this page as data (JSON)](../data/entities/vladimir-putin.json)" in page


# --- downloads ---


def test_entities_csv_has_a_row_for_every_entity_page(files):
    rows = {row["id"]: row for row in _csv_rows(files["data/entities.csv"])}
    with_page = {
        path[len("entities/") : -len(".md")] for path in files if re.fullmatch(r"entities/[^/]+\.md", path)
    }
    with_page.discard("index")
    assert with_page and with_page <= set(rows)
    putin = rows["vladimir-putin"]
    assert putin["roles"] == "Russian President"
    assert putin["articles"] == "3" and putin["page"] == "https://news.example/story/entities/vladimir-putin/"


def test_relations_and_quotes_csv_give_the_sentence_and_its_paragraph(files):
    relations = _csv_rows(files["data/relations.csv"])
    warned = [r for r in relations if r["relation"] == "warn"]
    assert warned == [
        {
            "source": "vladimir-putin",
            "relation": "warn",
            "target": "yukos",
            "says": "Vladimir Putin warned Yukos",
            "article": "tax-bill",
            "paragraph": "https://news.example/story/articles/tax-bill/#p1",
            "evidence": "Russian President Vladimir Putin warned Yukos on Wednesday.",
        }
    ]
    quotes = _csv_rows(files["data/quotes.csv"])
    assert [(q["name"], q["paragraph"]) for q in quotes] == [
        ("Vladimir Putin", "https://news.example/story/articles/auction/#p2")
    ]


def test_a_formula_like_name_is_neutralised_in_every_csv(hostile_files):
    cells = {
        name: [cell for row in _csv_cells(hostile_files[f"data/{name}"]) for cell in row]
        for name in ("entities.csv", "relations.csv", "quotes.csv")
    }
    assert "'" + FORMULA in cells["entities.csv"]
    assert any(FORMULA in cell for cell in cells["relations.csv"])  # inside a sentence: no formula there
    for name, found in cells.items():
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in found), name
    # JSON is no spreadsheet: the name stays as it is there.
    assert any(e["name"] == FORMULA for e in json.loads(hostile_files["data/site.json"])["entities"])


def test_the_graph_files_load_in_networkx_with_every_entity_in_the_graph(files, tmp_path):
    site = site_of(_with_undated(story_corpus()), SETTINGS)
    members = set(site.graph_members())
    (tmp_path / "g.graphml").write_bytes(files["data/graph.graphml"])
    (tmp_path / "g.gexf").write_bytes(files["data/graph.gexf"])
    for graph in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert set(graph.nodes) == members
        assert graph.nodes["vladimir-putin"]["label"] == "Vladimir Putin"
        assert "Vladimir Putin warned Yukos" in graph.edges["vladimir-putin", "yukos"]["relations"]
    # networkx stamps the day it runs; the file carries the newest article's date instead.
    assert b'lastmodifieddate="2004-12-20"' in files["data/graph.gexf"]


def test_site_json_holds_articles_entities_relations_and_quotes(files):
    data = json.loads(files["data/site.json"])
    assert [a["slug"] for a in data["articles"]] == ["tax-bill", "auction", "undated"]
    assert {"vladimir-putin", "yukos", "moscow"} <= {e["id"] for e in data["entities"]}
    assert any(r["says"] == "Vladimir Putin warned Yukos" for r in data["relations"])
    assert [q["speaker"] for q in data["quotes"]] == ["vladimir-putin"]


def test_an_entity_json_has_every_mention_in_context(files):
    data = json.loads(files["data/entities/vladimir-putin.json"])
    assert data["mentions"] == len(data["mentions_in_context"])
    assert data["mentions_in_context"][0] == {
        "article": "tax-bill",
        "text": "Vladimir Putin",
        "sentence": "Russian President Vladimir Putin warned Yukos on Wednesday.",
        "paragraph": "https://news.example/story/articles/tax-bill/#p1",
    }
    assert [r["relation"] for r in data["relations"]] == ["warn"]


def test_the_data_page_links_every_download(files):
    page = files["data.md"].decode()
    for name in ("entities.csv", "relations.csv", "quotes.csv", "graph.graphml", "graph.gexf", "site.json"):
        assert f"[{name}](data/{name})" in page
        assert f"data/{name}" in files
    assert "1 quote:" in page and "[Atom feed of the newest articles](feed.xml)" in page


def test_downloads_are_the_same_bytes_on_every_build(files):
    again = {p.path: p.content for p in render_site(site_of(_with_undated(story_corpus()), SETTINGS))}
    reused = [path for path in files if path.startswith(("data", "feed", "cards"))]
    assert len(reused) > 10
    assert all(again[path] == files[path] for path in reused)


# --- hover cards ---


def _card(files, entity_id: str) -> dict:
    script = files[f"cards/{entity_id}.js"].decode("ascii")
    match = re.fullmatch(r'explainerCard\("([a-z0-9-]+)",(\{.*\})\);\n', script, re.S)
    assert match and match.group(1) == entity_id
    return json.loads(match.group(2))


def test_a_card_says_who_it_is_how_often_when_and_its_strongest_relations(files):
    card = _card(files, "vladimir-putin")
    assert card == {
        "name": "Vladimir Putin",
        "type": "Person",
        "role": "Russian President",
        "description": "President of Russia since 2000.",  # the curated one
        "mentions": card["mentions"],
        "articles": 3,
        "first": "15 December 2004",
        "last": "20 December 2004",
        "relations": ["Vladimir Putin warned Yukos"],
    }
    assert card["mentions"] >= 4


def test_a_card_is_a_script_that_cannot_be_broken_out_of(hostile_files):
    script = hostile_files["cards/yukos.js"]
    assert script.isascii() and b"</script" not in script.lower()
    assert _card(hostile_files, "yukos")["name"] == FORMULA


# --- what's new ---


def test_whats_new_tells_what_each_later_article_added_newest_first(files):
    page = files["entities/vladimir-putin.md"].decode()
    log = page[page.index("## What's new") : page.index("## Articles")]
    lines = re.findall(r"^- (.*)$", log, re.M)
    assert lines == [
        "**20 December 2004** · quoted 1 time [↩](../articles/auction.md#p2)",
        "**15 December 2004** · first seen, in [Yukos gets a tax bill](../articles/tax-bill.md)",
    ]


def test_whats_new_needs_two_dated_articles():
    story = story_corpus()
    first = story.articles[0]
    one_dated = _with_undated(
        replace(
            story,
            articles=(first,),
            mentions=tuple(m for m in story.mentions if m.article == first.article.slug),
            article_entities={first.article.slug: story.article_entities[first.article.slug]},
            quotations=(),
        )
    )
    pages = {
        p.path: p.content.decode()
        for p in render_site(site_of(one_dated, SETTINGS))
        if p.path.endswith(".md")
    }
    assert "## What's new" not in pages["entities/vladimir-putin.md"]
    assert "**First seen:**" in pages["entities/vladimir-putin.md"]


# --- addresses ---


@pytest.mark.parametrize(
    ("environment", "expected"), [({}, "http://default.example/"), ({"X_URL": "https://x/"}, "https://x/")]
)
def test_the_site_address_is_read_from_mkdocs_yml_as_mkdocs_reads_it(
    tmp_path, monkeypatch, environment, expected
):
    from generator.config import load_settings

    monkeypatch.delenv("X_URL", raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        'site_name: T\nsite_url: !ENV [X_URL, "http://default.example/"]\nuse_directory_urls: false\n'
    )
    settings = load_settings(config)
    assert (settings.site_url, settings.directory_urls) == (expected, False)


def test_page_addresses_follow_the_url_style():
    from generator.render.paths import page_url

    assert page_url("https://n.example/s/", True, "entities/x.md") == "https://n.example/s/entities/x/"
    assert page_url("https://n.example/s", False, "entities/x.md") == "https://n.example/s/entities/x.html"
    assert page_url("", True, "index.md") == "" and page_url("", True, "articles/index.md") == "articles/"
    assert page_url("https://n.example/", True, "data/graph.gexf") == "https://n.example/data/graph.gexf"
