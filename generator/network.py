"""A graph view drawn for a page: build-time layout, a static SVG and vis-network data.

The layout is computed once here with a fixed seed, so the SVG a reader sees at
load and the interactive vis-network graph that replaces it on interaction
show the same picture, on every build. pyvis supplies the vis-network data only.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx
from markupsafe import escape
from pyvis.network import Network

# Shape per entity type: the same in the SVG and in vis-network.
SHAPES = {
    "person": "dot",
    "place": "square",
    "organization": "diamond",
    "group": "triangle",
    "event": "star",
    "other": "triangleDown",
}
TYPE_LABELS = {
    "person": "Person",
    "place": "Place",
    "organization": "Organisation",
    "group": "Group",
    "event": "Event",
    "other": "Other",
    "date": "Date",
}
WIDTH, HEIGHT, MARGIN = 720, 440, 48


@dataclass(frozen=True)
class DrawnGraph:
    """What a page embeds: the figure's SVG and the JSON for vis-network."""

    svg: str
    data_json: str
    node_count: int
    edge_count: int


def layout(view: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Node positions in the SVG's coordinate box, seeded and rounded so builds are byte-identical."""
    nodes = sorted(view.nodes)
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (WIDTH / 2, HEIGHT / 2)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted((min(a, b), max(a, b), {"weight": d.get("weight", 1)}) for a, b, d in view.edges(data=True)))
    k = 1.6 / math.sqrt(len(nodes))
    raw = nx.spring_layout(ordered, seed=seed, k=k, iterations=200, weight=None)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {
        node: (
            round(MARGIN + (raw[node][0] - min(xs)) / span_x * (WIDTH - 2 * MARGIN), 1),
            round(MARGIN + (raw[node][1] - min(ys)) / span_y * (HEIGHT - 2 * MARGIN), 1),
        )
        for node in nodes
    }


def node_radius(mentions: int) -> float:
    return round(min(6 + 3 * math.sqrt(mentions), 22), 1)


def edge_width(weight: int) -> float:
    return round(min(1 + math.log2(weight), 6), 2)


def node_tooltip(data: dict) -> str:
    lines = [data["name"], TYPE_LABELS.get(data["type"], data["type"])]
    if data.get("role"):
        lines.append(f"Role: {data['role']}")
    lines.append(f"Mentions: {data['mentions']}")
    return "\n".join(lines)


def edge_tooltip(data: dict, names: tuple[str, str]) -> str:
    label = data.get("kind", "co-occurrence")
    head = f"{names[0]} — {names[1]} ({label}, {data.get('weight', 1)}×)"
    return "\n".join([head] + [f"“{ev.sentence}”" for ev in data.get("evidence", [])[:3]])


def _svg_shape(shape: str, x: float, y: float, r: float) -> str:
    if shape == "dot":
        return f'<circle cx="{x}" cy="{y}" r="{r}"/>'
    if shape == "square":
        s = round(r * 0.9, 1)
        return f'<rect x="{round(x - s, 1)}" y="{round(y - s, 1)}" width="{2 * s}" height="{2 * s}"/>'
    if shape == "diamond":
        points = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    elif shape == "triangle":
        points = [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
    elif shape == "triangleDown":
        points = [(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)]
    else:  # star
        points = []
        for i in range(10):
            angle = math.pi / 2 + i * math.pi / 5
            radius = r if i % 2 == 0 else r * 0.45
            points.append((x + radius * math.cos(angle), y - radius * math.sin(angle)))
    return '<polygon points="' + " ".join(f"{round(px, 1)},{round(py, 1)}" for px, py in points) + '"/>'


def draw(view: nx.Graph, seed: int, href: Callable[[str], str | None], title: str) -> DrawnGraph:
    """The SVG (nodes link to entity pages via href) and the vis-network data of a view."""
    positions = layout(view, seed)
    parts = [
        f'<svg class="explainer-graph__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        '<g class="edges">',
    ]
    edges = sorted((min(a, b), max(a, b), d) for a, b, d in view.edges(data=True))
    for a, b, data in edges:
        (x1, y1), (x2, y2) = positions[a], positions[b]
        tip = edge_tooltip(data, (view.nodes[a]["name"], view.nodes[b]["name"]))
        parts.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{edge_width(data.get("weight", 1))}" '
            f'data-a="{escape(a)}" data-b="{escape(b)}"><title>{escape(tip)}</title></line>'
        )
    parts.append('</g><g class="nodes">')
    for node in sorted(view.nodes):
        data = view.nodes[node]
        x, y = positions[node]
        r = node_radius(data["mentions"])
        shape = _svg_shape(SHAPES.get(data["type"], "dot"), x, y, r)
        label = f'<text x="{x}" y="{round(y + r + 13, 1)}">{escape(data["name"])}</text>'
        inner = f"<title>{escape(node_tooltip(data))}</title>{shape}{label}"
        link = href(node)
        css = f'node node--{escape(data["type"])}'
        if link:
            parts.append(f'<a class="{css}" href="{escape(link)}" data-entity="{escape(node)}">{inner}</a>')
        else:
            parts.append(f'<g class="{css}" data-entity="{escape(node)}">{inner}</g>')
    parts.append("</g></svg>")
    return DrawnGraph("".join(parts), vis_json(view, positions), view.number_of_nodes(), view.number_of_edges())


def vis_json(view: nx.Graph, positions: dict[str, tuple[float, float]]) -> str:
    """vis-network nodes, edges and options, built with pyvis and serialised compactly."""
    net = Network(directed=False)
    for node in sorted(view.nodes):
        data = view.nodes[node]
        x, y = positions[node]
        net.add_node(
            node,
            label=data["name"],
            title=node_tooltip(data),
            shape=SHAPES.get(data["type"], "dot"),
            group=data["type"],
            size=node_radius(data["mentions"]),
            x=x,
            y=y,
        )
    for a, b, data in sorted((min(a, b), max(a, b), d) for a, b, d in view.edges(data=True)):
        names = (view.nodes[a]["name"], view.nodes[b]["name"])
        net.add_edge(a, b, width=edge_width(data.get("weight", 1)), title=edge_tooltip(data, names))
    nodes, edges, *_ = net.get_network_data()
    for node in nodes:
        node["shape"] = SHAPES.get(node["group"], "dot")  # pyvis forces "dot" when a group is set
        node.pop("font", None)
    payload = {
        "nodes": nodes,
        "edges": [{k: v for k, v in e.items() if k in ("from", "to", "width", "title")} for e in edges],
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
