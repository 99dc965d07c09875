"""Drawing a view: seeded layout that uses the box, readable labels, escaped text, small data."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import networkx as nx
import pytest

from generator.model import Act, Evidence, Link
from generator.render.drawing import draw
from generator.render.layout import layout, node_radius, place_labels
from generator.render.views import View

from .graph_support import node


def graph_of(
    edges: list[tuple[str, str]],
    lone: list[str] = (),
    names: dict[str, str] | None = None,
    weights: dict[tuple[str, str], int] | None = None,
    acts: dict[tuple[str, str], tuple] | None = None,
) -> View:
    nodes = {
        n: node((names or {}).get(n, n.replace("-", " ").title()), mentions=2)
        for n in sorted({n for e in edges for n in e} | set(lone))
    }
    links = {}
    for a, b in edges:
        key = (min(a, b), max(a, b))
        links[key] = Link(
            (weights or {}).get(key, 1),
            (Evidence("a", "p1", f"{a} and {b}."),),
            {"a": 1},
            (acts or {}).get(key, ()),
        )
    return View(nodes, links)


@pytest.fixture
def cluster_with_lone_entities() -> View:
    """The seed article's problem: a connected cluster and a few entities linked to nothing."""
    ring = [(f"n{i}", f"n{(i + 1) % 8}") for i in range(8)] + [("n0", "n4"), ("n2", "n6")]
    return graph_of(ring, lone=["lone-a", "lone-b", "lone-c"])


def test_layout_is_seeded_and_stays_in_the_box(cluster_with_lone_entities):
    first, width, height = layout(cluster_with_lone_entities, seed=7)
    again, *_ = layout(cluster_with_lone_entities, seed=7)
    assert first == again
    assert all(0 <= x <= width and 0 <= y <= height for x, y in first.values())


def test_lone_entities_do_not_squash_the_connected_cluster(cluster_with_lone_entities):
    positions, width, _ = layout(cluster_with_lone_entities, seed=7)
    cluster = [positions[f"n{i}"] for i in range(8)]
    span_x = max(x for x, _ in cluster) - min(x for x, _ in cluster)
    span_y = max(y for _, y in cluster) - min(y for _, y in cluster)
    assert span_x > width * 0.35 and span_y > 150  # the cluster gets most of the picture
    closest = min(math.dist(p, q) for i, p in enumerate(cluster) for q in cluster[i + 1 :])
    assert closest > 3 * node_radius(2)


def test_labels_do_not_overlap_each_other(cluster_with_lone_entities):
    positions, *_ = layout(cluster_with_lone_entities, seed=7)
    spots = place_labels(cluster_with_lone_entities, positions)
    assert all(spot is not None for spot in spots.values())  # a small graph names every node

    def box(node):
        x, y, anchor = spots[node]
        w = len(cluster_with_lone_entities.nodes[node].name) * 6.6
        left = {"middle": x - w / 2, "start": x, "end": x - w}[anchor]
        return left, y - 11, left + w, y + 1

    boxes = [box(n) for n in spots]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


SVG = "{http://www.w3.org/2000/svg}"


def svg_parts(svg: str) -> tuple[dict[str, ET.Element], list[ET.Element]]:
    """The drawing's nodes by id and its edges, parsed as XML (so the SVG must be well-formed too)."""
    root = ET.fromstring(svg)
    nodes = {e.get("data-entity"): e for e in root.iter() if e.get("data-entity")}
    edges = [e for e in root.iter() if e.get("data-from")]
    return nodes, edges


def title_of(element: ET.Element) -> str:
    return element.find(f"{SVG}title").text


def test_hostile_names_stay_text_in_svg():
    names = {"x": "<script>alert('x')</script>", "y": 'O\'Brien & "Sons"'}
    graph = graph_of([("x", "y")], names=names)
    drawn = draw(graph, 7, lambda node: f"explainer:entities/{node}.md", "A <b>title</b>")
    assert "<script>" not in drawn.svg and "<b>" not in drawn.svg
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in drawn.svg
    nodes, _ = svg_parts(drawn.svg)
    # The first tooltip line is the name the interactive graph shows: plain text, read back exactly.
    assert {n: title_of(e).splitlines()[0] for n, e in nodes.items()} == names


def test_svg_carries_what_the_interactive_graph_needs(cluster_with_lone_entities):
    positions, width, height = layout(cluster_with_lone_entities, 7)
    drawn = draw(cluster_with_lone_entities, 7, lambda node: None, "t")
    assert (drawn.width, drawn.height) == (width, height)
    assert ET.fromstring(drawn.svg).get("viewBox") == f"0 0 {width} {height}"
    nodes, edges = svg_parts(drawn.svg)
    assert set(nodes) == set(cluster_with_lone_entities.nodes)
    for entity, element in nodes.items():
        assert (float(element.get("data-x")), float(element.get("data-y"))) == positions[entity]
        assert float(element.get("data-r")) == node_radius(cluster_with_lone_entities.nodes[entity].mentions)
    assert {frozenset((e.get("data-from"), e.get("data-to"))) for e in edges} == {
        frozenset(e) for e in cluster_with_lone_entities.links
    }


def test_labelled_edge_has_arrow_label_and_sentence_tooltip():
    visit = Act("visit", "bob", "ann", False, "a", Evidence("a", "p1", "Bob visited Ann."))
    graph = graph_of([("ann", "bob")], acts={("ann", "bob"): (visit,)}, weights={("ann", "bob"): 3})
    drawn = draw(graph, 7, lambda node: None, "t")
    _, (edge,) = svg_parts(drawn.svg)
    assert (edge.get("data-from"), edge.get("data-to")) == ("bob", "ann")
    # Its tooltip is its own: no weight, which another article naming both would change.
    assert edge.get("data-w") is None and float(edge.find(f"{SVG}line").get("stroke-width")) > 1
    assert edge.find(f"{SVG}line").get("marker-end") == "url(#explainer-arrow)"
    assert edge.find(f"{SVG}text").text == "visited"
    assert title_of(edge).splitlines() == ["Bob visited Ann", "“Bob visited Ann.”"]


def test_plain_edge_carries_its_weight_not_a_tooltip():
    graph = graph_of([("ann", "bob"), ("bob", "cy")], weights={("ann", "bob"): 3})
    _, edges = svg_parts(draw(graph, 7, lambda node: None, "t").svg)
    heavy, light = sorted(edges, key=lambda e: e.get("data-from"))
    # The interactive graph words "Ann and Bob: named together in 3 sentences" from these.
    assert heavy.get("data-w") == "3" and float(heavy.find(f"{SVG}line").get("stroke-width")) > 1
    assert light.get("data-w") is None and light.find(f"{SVG}line").get("stroke-width") is None
    assert heavy.find(f"{SVG}title") is None and heavy.find(f"{SVG}line").get("marker-end") is None


def test_a_tie_beside_the_focus_says_what_it_is_not_how_often():
    met = Act("meet", "bob", "cy", False, "a", Evidence("a", "p1", "Bob met Cy."))
    pairs = [("ann", "bob"), ("ann", "cy"), ("bob", "cy"), ("bob", "dee")]
    weights = {pair: 4 for pair in pairs}
    graph = graph_of(pairs, weights=weights, acts={("bob", "cy"): (met, met)})
    _, edges = svg_parts(draw(graph, 7, lambda node: None, "t", focus="ann").svg)
    by_ends = {frozenset((e.get("data-from"), e.get("data-to"))): e for e in edges}
    own, beside, plain = (by_ends[frozenset(p)] for p in (("ann", "bob"), ("bob", "cy"), ("bob", "dee")))
    # The focus's own tie keeps its weight; ties among the others (counted on their own pages) carry none.
    assert own.get("data-w") == "4" and "edge--beside" not in own.get("class")
    assert "edge--beside" in beside.get("class") and "edge--beside" in plain.get("class")
    assert {beside.get("data-w"), plain.get("data-w")} == {None}
    assert {e.find(f"{SVG}line").get("stroke-width") for e in (beside, plain)} == {None}
    assert beside.find(f"{SVG}text").text == "met"
    assert title_of(beside).splitlines() == ["Bob met Cy"]  # each statement once, and no quote


def test_big_graph_lays_out():
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    view = graph_of([(f"e{a}", f"e{b}") for a, b in graph.edges])
    drawn = draw(view, 7, lambda node: None, "t")
    assert drawn.node_count == 300
    nodes, edges = svg_parts(drawn.svg)
    assert len(nodes) == 300 and len(edges) == graph.number_of_edges()


def test_seed_article_graph_is_small(seed_site):
    page = (
        seed_site.site
        / "articles"
        / "russian-president-vladimir-putin-received-a-warm-welcome"
        / "index.html"
    ).read_text()
    svgs = re.findall(r"<svg class=\"explainer-graph__svg\".*?</svg>", page, re.S)
    assert len(svgs) == 1
    size = len(svgs[0].encode("utf-8"))
    assert size < 20_000, f"the graph is {size} bytes"
    assert {"vladimir-putin", "kim-jong-un"} <= set(re.findall(r'data-entity="([^"]+)"', svgs[0]))
    assert "data-graph" not in page  # no second copy of the graph as JSON


def test_entity_neighbourhood_is_radial_around_the_focus():
    edges = [("hub", f"n{i}") for i in range(8)] + [("n0", "n1"), ("n0", "far-a"), ("n5", "far-b")]
    view = graph_of(edges)
    positions, width, height = layout(view, 7, focus="hub")
    centre = positions["hub"]
    ring = {round(math.dist(centre, positions[f"n{i}"])) for i in range(8)}
    assert max(ring) - min(ring) <= 1  # direct ties share one circle (rounding aside)
    assert min(math.dist(centre, positions[f]) for f in ("far-a", "far-b")) > max(ring) + 20
    # An outer node sits by the neighbour it hangs from, not across the picture.
    assert math.dist(positions["far-a"], positions["n0"]) < math.dist(positions["far-a"], positions["n5"])
    assert all(0 <= x <= width and 0 <= y <= height for x, y in positions.values())
    assert layout(view, 7, focus="hub") == (positions, width, height)


def test_capping_edges_keeps_every_tie_of_the_focus():
    from generator.render.views import strongest_links

    ring = [f"n{i}" for i in range(12)]
    chords = [(a, b) for i, a in enumerate(ring) for b in ring[i + 1 :]]
    # The ring's own ties are all stronger than the hub's.
    view = graph_of([("hub", n) for n in ring] + chords, weights={pair: 5 for pair in chords})
    capped = strongest_links(view, 20, focus="hub")
    assert len(capped.links) == 20 and len(capped) == 13
    assert all(("hub", n) in capped.links for n in ring)
    positions, _, _ = layout(capped, 7, focus="hub")
    assert len({round(math.dist(positions["hub"], positions[n])) for n in ring}) <= 2  # all on the one ring


def test_the_biggest_nodes_of_a_crowded_view_always_carry_their_names():
    """Hubs sit in the crowded middle: a label placed only where there is room would leave them unnamed."""
    names = {f"n{i:02d}": f"Name number {i}" for i in range(30)}
    view = View({n: node(names[n], mentions=60 - i) for i, n in enumerate(names)}, {})
    positions = {
        n: (300 + (i % 5) * 6, 200 + (i // 5) * 6) for i, n in enumerate(names)
    }  # all on top of each other
    labels = place_labels(view, positions)
    biggest = sorted(names, key=lambda n: -view.nodes[n].mentions)[:8]
    assert all(labels[n] is not None for n in biggest)
    assert sum(labels[n] is not None for n in names) < len(names)  # the small ones give way


def test_a_small_nodes_label_gives_way_to_a_hubs():
    hub, small = "hub", "small"
    view = View({hub: node("The Hub", mentions=50), small: node("Small", mentions=1)}, {})
    # The small node sits right under the hub, where the hub's label would go: the hub's label goes elsewhere
    # (above) and the small node's below its own node, clear of the hub's.
    positions = {hub: (300.0, 200.0), small: (300.0, 232.0)}
    labels = place_labels(view, positions)
    assert labels[hub] is not None and labels[hub][1] < 200  # above the hub
    assert labels[small] is not None and labels[small][1] > 232


def test_a_tooltip_counts_only_what_its_page_stands_on():
    # Around a focus, a neighbour's count is what it shares with the focus, and the second ring has none:
    # a mention elsewhere on the site leaves the figure as it was.
    around = graph_of([("ann", "bob"), ("bob", "cy")], weights={("ann", "bob"): 3})
    nodes, _ = svg_parts(draw(around, 7, lambda node: None, "t", focus="ann").svg)
    tips = {n: title_of(e).splitlines()[-1] for n, e in nodes.items()}
    assert tips["ann"] == "Mentions: 2"
    assert tips["bob"] == "Named with Ann: 3 sentences"
    assert tips["cy"] == "Person"  # the type line is its last
    article = replace(around, counted_in="this article")
    nodes, _ = svg_parts(draw(article, 7, lambda node: None, "t").svg)
    assert {title_of(e).splitlines()[-1] for e in nodes.values()} == {"Mentions in this article: 2"}
