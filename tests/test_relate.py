"""The site graph: co-occurrence edges with evidence, labelled actions, and the views pages draw."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import (
    Action,
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
    Link,
    Mention,
    Sentence,
)
from generator.relate import build_graph
from generator.render.views import Neighbourhoods, article_view, site_view

from .graph_support import node, site_graph

P, L, ORG, D = EntityType.PERSON, EntityType.PLACE, EntityType.ORGANIZATION, EntityType.DATE


def make_article(
    slug: str, sentences: list[tuple[str, list[tuple[str, EntityType]]]], actions=()
) -> ExtractedArticle:
    """One paragraph of sentences; each named thing is found in its sentence's text.

    actions: (subject name, verb key, object name, sentence index, mutual).
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
    found = tuple(
        Action(start_of[(s, a)], start_of[(s, b)], verb, s, mutual) for a, verb, b, s, mutual in actions
    )
    return ExtractedArticle(article, Extraction(tuple(sents), tuple(mentions), found))


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
        per_article[item.article.slug] = tuple(
            ArticleEntity(e, n, "Leader" if e == "ann-lee" else None) for e, n in counts.items()
        )
    return Corpus(items, entities, tuple(resolved), per_article)


@pytest.fixture
def two_articles() -> Corpus:
    first = make_article(
        "first",
        [
            (
                "Ann Lee met Bo Chan in Paris on Monday.",
                [("Ann Lee", P), ("Bo Chan", P), ("Paris", L), ("Monday", D)],
            ),
            ("Ann Lee and Bo Chan spoke again.", [("Ann Lee", P), ("Bo Chan", P)]),
            ("Acme stayed out of it.", [("Acme", ORG)]),
        ],
        actions=[("Ann Lee", "meet", "Bo Chan", 0, False)],
    )
    second = make_article(
        "second",
        [
            ("Bo Chan visited Paris.", [("Bo Chan", P), ("Paris", L)]),
        ],
        actions=[("Bo Chan", "visit", "Paris", 0, False)],
    )
    return make_corpus(first, second)


def test_co_occurrence_weight_counts_sentences_and_keeps_evidence(two_articles):
    graph = build_graph(two_articles)
    link = graph.link("ann-lee", "bo-chan")
    assert link is graph.link("bo-chan", "ann-lee") and link.weight == 2
    assert [ev.sentence for ev in link.evidence] == [
        "Ann Lee met Bo Chan in Paris on Monday.",
        "Ann Lee and Bo Chan spoke again.",
    ]
    assert {ev.anchor for ev in link.evidence} == {"first-p1"}
    assert graph.nodes["ann-lee"].mentions == 2 and graph.nodes["ann-lee"].role == "Leader"


def test_dates_stay_out_of_the_graph_and_lone_entities_stay_in(two_articles):
    graph = build_graph(two_articles)
    assert "monday" not in graph
    assert "acme" in graph and graph.adjacency["acme"] == {}


def test_an_action_labels_its_edge_with_direction_and_evidence(two_articles):
    graph = build_graph(two_articles)
    [met] = graph.link("ann-lee", "bo-chan").acts
    assert (met.verb, met.source, met.target, met.mutual) == ("meet", "ann-lee", "bo-chan", False)
    assert graph.link("ann-lee", "bo-chan").direction == ("ann-lee", "bo-chan")
    [visited] = graph.link("bo-chan", "paris").acts
    assert visited.verb == "visit" and visited.evidence.sentence == "Bo Chan visited Paris."
    assert graph.link("ann-lee", "paris").acts == () and graph.link("ann-lee", "paris").direction is None


def test_article_view_keeps_only_that_articles_edges_and_evidence(two_articles):
    graph = build_graph(two_articles)

    def members(slug: str):
        return two_articles.article_entities[slug]

    view = article_view(graph, members("second"), "second")
    assert set(view.nodes) == {"bo-chan", "paris"}
    # Sized by this article's mentions, not the site's: an edit elsewhere leaves the figure as it was.
    assert view.nodes["bo-chan"].mentions == 1 < graph.nodes["bo-chan"].mentions
    assert view.counted_in == "this article"
    link = view.links["bo-chan", "paris"]
    assert link.weight == 1 and [ev.article for ev in link.evidence] == ["second"]
    first = article_view(graph, members("first"), "first")
    assert first.links["bo-chan", "paris"].acts == ()  # the visit is told in the second article only


def test_ego_view_depth_two_reaches_neighbours_of_neighbours_and_respects_the_cap(two_articles):
    graph = build_graph(two_articles)
    graph.nodes["far"] = node("Far", kind=L)
    graph.adjacency["far"] = {"paris": Link(1, ())}
    graph.adjacency["paris"]["far"] = graph.adjacency["far"]["paris"]
    around = Neighbourhoods(graph)
    assert "far" not in around.ego("bo-chan", 1)
    assert "far" in around.ego("ann-lee", 2)
    capped = around.ego("ann-lee", 2, max_nodes=3)
    assert "ann-lee" in capped and len(capped) == 3 and "far" not in capped
    assert len(around.ego("nobody")) == 0


def test_a_view_seen_from_its_focus_keeps_of_other_ties_only_what_they_are():
    from generator.model import Act, Evidence
    from generator.render.layout import FULL_SIZE_MENTIONS
    from generator.render.views import View, seen_from

    said = [Evidence(article, "p1", f"Bo met Cy in {article}.") for article in ("a", "b", "c")]
    met = [Act("meet", "bo", "cy", True, ev.article, ev) for ev in said]
    view = View(
        {"ann": node("Ann", mentions=500), "bo": node("Bo", mentions=500), "cy": node("Cy", mentions=3)},
        {
            ("ann", "bo"): Link(7, tuple(said), {"a": 7}, (met[0],)),
            ("bo", "cy"): Link(9, tuple(said), {}, tuple(met)),
        },
    )
    seen = seen_from(view, "ann")
    assert seen.links["ann", "bo"] == view.links["ann", "bo"]  # the focus's own tie, whole
    beside = seen.links["bo", "cy"]
    assert (beside.weight, beside.evidence, beside.by_article) == (1, (), {})
    [act] = beside.acts  # the one statement, once, and not where it was made
    assert (act.verb, act.source, act.target, act.article, act.evidence.sentence) == (
        "meet",
        "bo",
        "cy",
        "",
        "",
    )
    assert [seen.nodes[n].mentions for n in ("ann", "bo", "cy")] == [500, FULL_SIZE_MENTIONS, 3]
    # Seen from Bo, the tie to Cy is his own.
    assert seen_from(view, "bo").links["bo", "cy"] == view.links["bo", "cy"]


def test_site_view_threshold_and_cap(two_articles):
    graph = build_graph(two_articles)
    assert set(site_view(graph, 1, 500).nodes) == set(graph.nodes)  # a small site shows everything
    assert set(site_view(graph, 2, 500).nodes) == {"ann-lee", "bo-chan", "paris"}
    assert len(site_view(graph, 1, 2)) == 2


def test_mutual_action_is_stored_once_in_name_order():
    item = make_article(
        "pact",
        [
            ("Zed Ray and Ann Lee signed a treaty.", [("Zed Ray", P), ("Ann Lee", P)]),
        ],
        actions=[("Zed Ray", "sign", "Ann Lee", 0, True)],
    )
    graph = build_graph(make_corpus(item))
    [act] = graph.link("ann-lee", "zed-ray").acts
    assert (act.source, act.target, act.mutual) == ("ann-lee", "zed-ray", True)


@pytest.mark.parametrize("resolved_type, kept", [(ORG, True), (P, False)])
def test_an_act_is_kept_only_with_the_kind_of_party_its_verb_takes(resolved_type, kept):
    """One joins a body: 'Mark Carroll will join Cragg' relates them only if Cragg is no person on the
    site, whatever the recogniser typed in the sentence."""
    item = make_article(
        "race",
        [("Mark Carroll will join Cragg in Madrid.", [("Mark Carroll", P), ("Cragg", ORG)])],
        actions=[("Mark Carroll", "join", "Cragg", 0, False)],
    )
    corpus = make_corpus(item)
    corpus.entities["cragg"] = replace(corpus.entities["cragg"], type=resolved_type)
    acts = build_graph(corpus).link("mark-carroll", "cragg").acts
    assert [a.verb for a in acts] == (["join"] if kept else [])


def test_a_hubs_neighbourhood_keeps_room_for_a_second_ring():
    edges = []
    for i in range(50):
        edges.append(("hub", f"near{i:02d}", 100 - i))  # near00 is the strongest tie
        edges.append((f"near{i:02d}", f"far{i:02d}", 1 + i % 3))
    view = Neighbourhoods(site_graph(edges)).ego("hub", 2, max_nodes=40, first_ring=30)
    hops = view.hops
    assert hops["hub"] == 0
    assert sorted(n for n, h in hops.items() if h == 1) == [f"near{i:02d}" for i in range(30)]
    outer = [n for n, h in hops.items() if h == 2]
    assert len(outer) == 9 and all(n.startswith("far") and int(n[3:]) < 30 for n in outer)
    assert all((f"near{n[3:]}", n) in view.links or (n, f"near{n[3:]}") in view.links for n in outer)


def test_a_direct_tie_beyond_the_first_ring_is_not_a_connection_of_a_connection():
    edges = [("hub", f"n{i:02d}", 100 - i) for i in range(35)]  # n30..n34 fall outside a first ring of 30
    edges += [("n00", f"n{i:02d}", 9) for i in range(30, 35)]  # ... and are strongly tied to a kept neighbour
    edges.append(("n00", "far", 1))
    view = Neighbourhoods(site_graph(edges)).ego("hub", 2, max_nodes=40, first_ring=30)
    hops = view.hops
    assert sum(1 for h in hops.values() if h == 1) == 30
    assert [n for n, h in hops.items() if h == 2] == ["far"]
