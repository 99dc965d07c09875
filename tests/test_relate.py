"""The site graph: co-occurrence edges with evidence, labelled actions, and the views pages draw."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from generator.model import (
    Action, Article, ArticleEntity, ArticleMeta, Block, Corpus, Entity, EntityMention, EntityType,
    ExtractedArticle, Mention, Sentence,
)
from generator.relate import Neighbourhoods, article_view, build_graph, ego_view, relations, site_view

P, L, O, D = EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION, EntityType.DATE


def make_article(slug: str, sentences: list[tuple[str, list[tuple[str, EntityType]]]], actions=()) -> ExtractedArticle:
    """One paragraph of sentences; each named thing is found in its sentence's text.

    actions: (subject name, label, object name, sentence index, mutual).
    """
    text = " ".join(s for s, _ in sentences)
    block = Block("paragraph", text, 0, f"{slug}-p1")
    article = Article(Path(f"{slug}.txt"), slug, slug.title(), None, ArticleMeta(), (block,), text)
    sents, mentions, offset = [], [], 0
    for index, (sentence, names) in enumerate(sentences):
        sents.append(Sentence(0, offset, offset + len(sentence), sentence))
        for name, kind in names:
            start = offset + sentence.index(name)
            mentions.append(Mention(name, start, start + len(name), index, kind, name))
        offset += len(sentence) + 1
    start_of = {(m.sentence, m.name): m.start for m in mentions}
    found = tuple(Action(start_of[(s, a)], start_of[(s, b)], label, s, mutual) for a, label, b, s, mutual in actions)
    return ExtractedArticle(article, tuple(sents), tuple(mentions), found)


def make_corpus(*items: ExtractedArticle) -> Corpus:
    ids = {}
    entities = {}
    resolved = []
    per_article = {}
    for item in items:
        counts: Counter[str] = Counter()
        for m in item.mentions:
            entity_id = m.name.lower().replace(" ", "-")
            ids[m.name] = entity_id
            entities[entity_id] = Entity(entity_id, m.name, m.type)
            resolved.append(EntityMention(entity_id, item.article.slug, m))
            counts[entity_id] += 1
        per_article[item.article.slug] = tuple(ArticleEntity(e, n, "Leader" if e == "ann-lee" else None) for e, n in counts.items())
    return Corpus(items, entities, tuple(resolved), per_article)


@pytest.fixture
def two_articles() -> Corpus:
    first = make_article("first", [
        ("Ann Lee met Bo Chan in Paris on Monday.", [("Ann Lee", P), ("Bo Chan", P), ("Paris", L), ("Monday", D)]),
        ("Ann Lee and Bo Chan spoke again.", [("Ann Lee", P), ("Bo Chan", P)]),
        ("Acme stayed out of it.", [("Acme", O)]),
    ], actions=[("Ann Lee", "met", "Bo Chan", 0, False)])
    second = make_article("second", [
        ("Bo Chan visited Paris.", [("Bo Chan", P), ("Paris", L)]),
    ], actions=[("Bo Chan", "visited", "Paris", 0, False)])
    return make_corpus(first, second)


def test_co_occurrence_weight_counts_sentences_and_keeps_evidence(two_articles):
    graph = build_graph(two_articles)
    edge = graph.edges["ann-lee", "bo-chan"]
    assert edge["weight"] == 2
    assert [ev.sentence for ev in edge["evidence"]] == ["Ann Lee met Bo Chan in Paris on Monday.", "Ann Lee and Bo Chan spoke again."]
    assert {ev.anchor for ev in edge["evidence"]} == {"first-p1"}
    assert graph.nodes["ann-lee"]["mentions"] == 2 and graph.nodes["ann-lee"]["role"] == "Leader"


def test_dates_stay_out_of_the_graph_and_lone_entities_stay_in(two_articles):
    graph = build_graph(two_articles)
    assert "monday" not in graph
    assert "acme" in graph and graph.degree("acme") == 0


def test_an_action_labels_its_edge_with_direction_and_evidence(two_articles):
    graph = build_graph(two_articles)
    met = graph.edges["ann-lee", "bo-chan"]
    assert met["kind"] == "met"
    assert met["actions"][0]["source"] == "ann-lee" and met["actions"][0]["target"] == "bo-chan"
    visited = graph.edges["bo-chan", "paris"]
    assert visited["kind"] == "visited" and visited["actions"][0]["evidence"].sentence == "Bo Chan visited Paris."
    assert graph.edges["ann-lee", "paris"]["kind"] == "co-occurrence"
    kinds = {(r.a, r.b, r.kind) for r in relations(graph)}
    assert ("ann-lee", "bo-chan", "met") in kinds and ("ann-lee", "bo-chan", "co-occurrence") in kinds


def test_article_view_keeps_only_that_articles_edges_and_evidence(two_articles):
    graph = build_graph(two_articles)
    view = article_view(graph, two_articles, "second")
    assert set(view.nodes) == {"bo-chan", "paris"}
    edge = view.edges["bo-chan", "paris"]
    assert edge["weight"] == 1 and [ev.article for ev in edge["evidence"]] == ["second"]
    first = article_view(graph, two_articles, "first")
    assert first.edges["bo-chan", "paris"]["actions"] == []  # the visit is told in the second article only


def test_ego_view_depth_two_reaches_neighbours_of_neighbours_and_respects_the_cap(two_articles):
    graph = build_graph(two_articles)
    graph.add_node("far", name="Far", type="place", mentions=1, articles=1, role=None)
    graph.add_edge("paris", "far", kind="co-occurrence", weight=1, evidence=[], by_article={}, actions=[])
    assert "far" not in ego_view(graph, "bo-chan", 1)
    assert "far" in ego_view(graph, "ann-lee", 2)
    capped = ego_view(graph, "ann-lee", 2, max_nodes=3)
    assert "ann-lee" in capped and capped.number_of_nodes() == 3 and "far" not in capped
    assert ego_view(graph, "nobody").number_of_nodes() == 0


def test_site_view_threshold_and_cap(two_articles):
    graph = build_graph(two_articles)
    assert set(site_view(graph, 1, 500).nodes) == set(graph.nodes)  # a small site shows everything
    assert set(site_view(graph, 2, 500).nodes) == {"ann-lee", "bo-chan", "paris"}
    assert site_view(graph, 1, 2).number_of_nodes() == 2


def test_mutual_action_is_stored_once_in_name_order():
    item = make_article("pact", [
        ("Zed Ray and Ann Lee signed a treaty.", [("Zed Ray", P), ("Ann Lee", P)]),
    ], actions=[("Zed Ray", "signed an agreement with", "Ann Lee", 0, True)])
    graph = build_graph(make_corpus(item))
    action = graph.edges["ann-lee", "zed-ray"]["actions"][0]
    assert (action["source"], action["target"], action["mutual"]) == ("ann-lee", "zed-ray", True)


def test_a_hubs_neighbourhood_keeps_room_for_a_second_ring():
    graph = nx.Graph()
    for i in range(50):
        graph.add_edge("hub", f"near{i:02d}", weight=100 - i)  # near00 is the strongest tie
        graph.add_edge(f"near{i:02d}", f"far{i:02d}", weight=1 + i % 3)
    for node in graph:
        graph.nodes[node].update(name=node, type="person", mentions=1, articles=1, role=None)
    view = Neighbourhoods(graph).ego("hub", 2, max_nodes=40, first_ring=30)
    hops = dict(view.nodes(data="hop"))
    assert hops["hub"] == 0
    assert sorted(n for n, h in hops.items() if h == 1) == [f"near{i:02d}" for i in range(30)]
    outer = [n for n, h in hops.items() if h == 2]
    assert len(outer) == 9 and all(n.startswith("far") and int(n[3:]) < 30 for n in outer)
    assert all(view.has_edge(f"near{n[3:]}", n) for n in outer)


def test_a_direct_tie_beyond_the_first_ring_is_not_a_connection_of_a_connection():
    graph = nx.Graph()
    for i in range(35):
        graph.add_edge("hub", f"n{i:02d}", weight=100 - i)  # n30..n34 fall outside a first ring of 30
    for i in range(30, 35):
        graph.add_edge("n00", f"n{i:02d}", weight=9)  # ... and are strongly tied to a kept neighbour
    graph.add_edge("n00", "far", weight=1)
    for node in graph:
        graph.nodes[node].update(name=node, type="person", mentions=1, articles=1, role=None)
    view = Neighbourhoods(graph).ego("hub", 2, max_nodes=40, first_ring=30)
    hops = dict(view.nodes(data="hop"))
    assert sum(1 for h in hops.values() if h == 1) == 30
    assert [n for n, h in hops.items() if h == 2] == ["far"]
