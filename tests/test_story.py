"""A multi-article story: the 18 BBC articles that mention Yukos at least 6 times, built once."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import frontmatter
import pytest

from .conftest import yukos_seeds

SHARED_NAMES = ["Yukos", "Gazprom", "Rosneft", "Vladimir Putin", "Mikhail Khodorkovsky"]


def entity_pages(site) -> dict[str, frontmatter.Post]:
    return {
        p.stem: frontmatter.load(p) for p in (site.docs / "entities").glob("*.md") if p.name != "index.md"
    }


def article_pages(site) -> dict[str, frontmatter.Post]:
    return {
        p.stem: frontmatter.load(p) for p in (site.docs / "articles").glob("*.md") if p.name != "index.md"
    }


def linked_articles(post: frontmatter.Post) -> set[str]:
    """Articles the entity page lists as mentioning it (its Articles and Mentions sections, not its graph)."""
    own = post.content.split("## Related", 1)[0].split("## Network", 1)[0]
    return set(re.findall(r"\]\(\.\./articles/([a-z0-9-]+)\.md", own))


def test_story_is_the_eighteen_yukos_articles(story_site):
    assert len(yukos_seeds()) == 18
    assert len(article_pages(story_site)) == 18


def test_strict_build_has_no_warnings(story_site):
    assert "WARNING" not in story_site.build_log


def test_every_entity_page_lists_all_its_mentions_and_links_every_article(story_site):
    """The article pages' front matter says who is mentioned where; each entity page must agree."""
    expected_articles: dict[str, set[str]] = defaultdict(set)
    expected_count: dict[str, int] = defaultdict(int)
    for slug, post in article_pages(story_site).items():
        for entity in post["entities"]:
            if entity["slug"]:
                expected_articles[entity["slug"]].add(slug)
                expected_count[entity["slug"]] += entity["count"]
    pages = entity_pages(story_site)
    assert set(expected_articles) <= set(pages)
    for entity_id, articles in expected_articles.items():
        post = pages[entity_id]
        mentions = post.content.split("## Mentions", 1)[1].split("## Related", 1)[0].split("## Network", 1)[0]
        shown = len(re.findall(r"^- .*<mark>", mentions, re.M))
        rest = sum(int(n) for n in re.findall(r"… and (\d+) more mentions?", mentions))
        rest += sum(int(n) for n in re.findall(r"(\d+) more mentions? quoted above", mentions))
        assert shown + rest == expected_count[entity_id] == post["mentions"], entity_id
        assert linked_articles(post) >= articles, entity_id


@pytest.mark.parametrize("name", SHARED_NAMES)
def test_shared_entity_has_a_page_linking_several_articles(story_site, name):
    pages = [p for p in entity_pages(story_site).values() if p["title"] == name]
    assert pages, f"no page titled {name}"
    best = max(pages, key=lambda p: p["mentions"])
    assert len(linked_articles(best)) >= 3
    assert re.search(rf"^# {re.escape(name)}$", best.content, re.M)


@pytest.mark.parametrize(
    "name",
    [
        "Yukos",
        "Rosneft",
        "Gazprom",  # the model tags "Gazprom and Rosneft" as one span in two articles: resolve splits it
    ],
)
def test_one_page_per_shared_entity_with_every_article(story_site, name):
    pages = [p for p in entity_pages(story_site).values() if p["title"] == name]
    texts = [p.read_text() for p in sorted(story_site.root.joinpath("seeds").glob("*.txt"))]
    assert len(pages) == 1
    assert len(linked_articles(pages[0])) == sum(bool(re.search(rf"\b{name}\b", t)) for t in texts)


def test_entity_pages_link_mentions_back_to_paragraph_anchors(story_site):
    post = max(
        (p for p in entity_pages(story_site).values() if p["title"] == "Yukos"), key=lambda p: p["mentions"]
    )
    anchors = re.findall(r"\]\(\.\./articles/([a-z0-9-]+)\.md#(p\d+)\)", post.content)
    assert len(anchors) >= 18
    for slug, anchor in anchors[:40]:
        html = (story_site.site / "articles" / slug / "index.html").read_text()
        assert f'id="{anchor}"' in html


def test_search_finds_entities_but_not_mention_lists_or_graph_data(story_site):
    index = json.loads((story_site.site / "search" / "search_index.json").read_text())["docs"]
    titles = {d["title"] for d in index if d["location"].startswith("entities/") and "#" not in d["location"]}
    assert {"Yukos", "Gazprom", "Rosneft"} <= titles
    rosneft = next(d for d in index if d["location"] == "entities/rosneft/")
    assert rosneft.get("boost") == 2  # entity pages rank first for their name
    article_titles = {
        d["title"] for d in index if d["location"].startswith("articles/") and "#" not in d["location"]
    }
    assert len(article_titles) >= 18
    for doc in index:
        assert "<mark>" not in doc["text"] and "co-occurrence" not in doc["text"], doc["location"]
        if doc["location"].startswith("entities/") and doc["location"].endswith(
            ("#articles", "#mentions", "#related", "#network")
        ):
            assert doc["text"] == "", doc["location"]


def test_articles_have_dek_glance_source_and_prev_next(story_site):
    posts = article_pages(story_site)
    for slug, post in posts.items():
        assert "{: .explainer-dek }" in post.content, slug
        assert '<div class="explainer-glance"' in post.content, slug
        assert "## Source { #source }" in post.content, slug
    html = (story_site.site / "articles" / next(iter(sorted(posts))) / "index.html").read_text()
    assert 'class="explainer-prevnext"' in html


def test_prev_next_chain_visits_every_article_once(story_site):
    posts = article_pages(story_site)
    nexts = {}
    for slug, post in posts.items():
        match = re.search(r"Next: \[[^\]]*\]\(([a-z0-9-]+)\.md\) →", post.content)
        if match:
            nexts[slug] = match.group(1)
    first = (set(posts) - set(nexts.values())).pop()
    seen = [first]
    while seen[-1] in nexts:
        seen.append(nexts[seen[-1]])
    assert sorted(seen) == sorted(posts)


def test_index_pages_group_entities_by_type_sorted_by_mentions(story_site):
    people = frontmatter.load(story_site.docs / "people.md")
    counts = [int(n) for n in re.findall(r"explainer-count\">(\d+) mentions", people.content)]
    assert counts == sorted(counts, reverse=True) and len(counts) > 5
    everything = frontmatter.load(story_site.docs / "entities" / "index.md").content
    headings = re.findall(r"^## (\w+) <span", everything, re.M)
    assert headings[:3] == ["People", "Places", "Organisations"]
    assert 'class="explainer-filter"' in everything


def test_nav_has_the_reader_sections(story_site):
    html = (story_site.site / "index.html").read_text()
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index('<div class="md-content"')]
    for label in ["Articles", "People", "Places", "Organisations", "Timeline", "Network"]:
        assert re.search(rf">\s*{label}\s*<", nav), label
    assert "yukos-unit-fetches" not in nav  # article pages stay out of the explicit nav
