"""Drawing a view: seeded layout that uses the box, readable labels, escaped text, small data."""

from __future__ import annotations

import html
import json
import math
import re

import networkx as nx
import pytest

from generator.model import Evidence
from generator.layout import layout, node_radius, place_labels
from generator.network import draw


def graph_of(edges: list[tuple[str, str]], lone: list[str] = (), names: dict[str, str] | None = None) -> nx.Graph:
    graph = nx.Graph()
    for node in sorted({n for e in edges for n in e} | set(lone)):
        name = (names or {}).get(node, node.replace("-", " ").title())
        graph.add_node(node, name=name, type="person", mentions=2, articles=1, role=None)
    for a, b in edges:
        graph.add_edge(a, b, kind="co-occurrence", weight=1, evidence=[Evidence("a", "p1", f"{a} and {b}.")],
                       by_article={"a": 1}, actions=[])
    return graph


@pytest.fixture
def cluster_with_lone_entities() -> nx.Graph:
    """The seed article's problem: a connected cluster and a few entities linked to nothing."""
    ring = [(f"n{i}", f"n{(i + 1) % 8}") for i in range(8)] + [("n0", "n4"), ("n2", "n6")]
    return graph_of(ring, lone=["lone-a", "lone-b", "lone-c"])


def test_layout_is_seeded_and_stays_in_the_box(cluster_with_lone_entities):
    first, width, height = layout(cluster_with_lone_entities, seed=7)
    again, *_ = layout(cluster_with_lone_entities, seed=7)
    assert first == again
    assert all(0 <= x <= width and 0 <= y <= height for x, y in first.values())


def test_lone_entities_do_not_squash_the_connected_cluster(cluster_with_lone_entities):
    positions, width, height = layout(cluster_with_lone_entities, seed=7)
    cluster = [positions[f"n{i}"] for i in range(8)]
    span_x = max(x for x, _ in cluster) - min(x for x, _ in cluster)
    span_y = max(y for _, y in cluster) - min(y for _, y in cluster)
    assert span_x > width * 0.35 and span_y > 150  # the cluster gets most of the picture
    closest = min(math.dist(p, q) for i, p in enumerate(cluster) for q in cluster[i + 1:])
    assert closest > 3 * node_radius(2)


def test_labels_do_not_overlap_each_other(cluster_with_lone_entities):
    positions, *_ = layout(cluster_with_lone_entities, seed=7)
    spots = place_labels(cluster_with_lone_entities, positions)
    assert all(spot is not None for spot in spots.values())  # a small graph names every node

    def box(node):
        x, y, anchor = spots[node]
        w = len(cluster_with_lone_entities.nodes[node]["name"]) * 6.6
        left = {"middle": x - w / 2, "start": x, "end": x - w}[anchor]
        return left, y - 11, left + w, y + 1

    boxes = [box(n) for n in spots]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_hostile_names_stay_text_in_svg_and_data():
    names = {"x": "<script>alert('x')</script>", "y": "O'Brien & \"Sons\""}
    graph = graph_of([("x", "y")], names=names)
    drawn = draw(graph, 7, lambda node: f"explainer:entities/{node}.md", "A <b>title</b>")
    assert "<script>" not in drawn.svg and "<b>" not in drawn.svg
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in drawn.svg
    data = json.loads(drawn.data_json)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels == names  # the data carries the plain text; the page escapes it as an attribute
    assert all("<br" not in n["title"] for n in data["nodes"])  # tooltips are plain text with \n


def test_labelled_edge_has_arrow_label_and_sentence_tooltip():
    graph = graph_of([("ann", "bob")])
    graph.edges["ann", "bob"]["actions"] = [{"label": "visited", "source": "bob", "target": "ann", "mutual": False,
                                             "article": "a", "evidence": Evidence("a", "p1", "Bob visited Ann.")}]
    drawn = draw(graph, 7, lambda node: None, "t")
    edge = json.loads(drawn.data_json)["edges"][0]
    assert (edge["from"], edge["to"], edge["arrows"], edge["label"]) == ("bob", "ann", "to", "visited")
    assert edge["title"].splitlines() == ["Bob visited Ann", "“Bob visited Ann.”"]
    assert 'marker-end="url(#explainer-arrow)"' in drawn.svg


def test_big_graph_lays_out_and_keeps_tooltips_short():
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    view = graph_of([(f"e{a}", f"e{b}") for a, b in graph.edges])
    drawn = draw(view, 7, lambda node: None, "t")
    assert drawn.node_count == 300
    assert all(e["title"].count("“") <= 1 for e in json.loads(drawn.data_json)["edges"])


def test_seed_article_graph_data_is_small(seed_site):
    page = (seed_site.site / "articles" / "russian-president-vladimir-putin-received-a-warm-welcome" / "index.html").read_text()
    data = [html.unescape(m) for m in re.findall(r"data-graph='([^']*)'", page)]
    assert len(data) == 1
    size = len(data[0].encode("utf-8"))
    assert size < 20_000, f"graph data is {size} bytes"
    assert {"vladimir-putin", "kim-jong-un"} <= {n["id"] for n in json.loads(data[0])["nodes"]}
