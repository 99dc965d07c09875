"""A graph view drawn for a page: build-time layout, a static SVG and vis-network data.

The layout (layout.py) is computed once with a fixed seed, so the SVG a reader
sees at load and the interactive vis-network graph that replaces it on
interaction show the same picture, on every build. pyvis supplies the
vis-network data only.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx
from markupsafe import escape
from pyvis.network import Network

from .layout import layout, node_radius, place_labels

# Shape per entity type: the same in the SVG, the legend and vis-network.
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
BIG_GRAPH = 120  # above this many nodes, tooltips carry one evidence sentence, not three


@dataclass(frozen=True)
class DrawnGraph:
    """What a page embeds: the figure's SVG, the JSON for vis-network and the types present."""

    svg: str
    data_json: str
    node_count: int
    edge_count: int
    width: int
    height: int
    types: tuple[str, ...]


def edge_width(weight: int) -> float:
    return round(min(1 + math.log2(weight), 6), 2)


def edge_label(data: dict) -> str:
    """The verbs of an edge ("visited · met"), empty for a plain co-occurrence."""
    verbs = (a["label"].removesuffix(" with") if a.get("mutual") else a["label"] for a in data.get("actions", []))
    return " · ".join(dict.fromkeys(verbs))


def edge_direction(data: dict) -> tuple[str, str] | None:
    """(subject, object) when every labelled action on the edge runs the same way; else None."""
    directed = {(a["source"], a["target"]) for a in data.get("actions", []) if not a.get("mutual")}
    mutual = any(a.get("mutual") for a in data.get("actions", []))
    return next(iter(directed)) if len(directed) == 1 and not mutual else None


def node_tooltip(data: dict) -> str:
    lines = [data["name"], TYPE_LABELS.get(data["type"], data["type"])]
    if data.get("role"):
        lines.append(f"Role: {data['role']}")
    lines.append(f"Mentions: {data['mentions']}")
    return "\n".join(lines)


def action_sentence(action: dict, names: dict[str, str]) -> str:
    """ "Vladimir Putin visited North Korea", or "X and Y signed an agreement" for a mutual action."""
    if action.get("mutual"):
        return f"{names[action['source']]} and {names[action['target']]} {action['label'].removesuffix(' with')}"
    return f"{names[action['source']]} {action['label']} {names[action['target']]}"


EVIDENCE_MAX_CHARS = 240


def shorten(sentence: str, limit: int = EVIDENCE_MAX_CHARS) -> str:
    """A sentence cut at a word near limit characters, so one endless sentence can't bloat every edge."""
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + " …"


def edge_tooltip(data: dict, ends: tuple[str, str], names: dict[str, str], sentences: int = 2) -> str:
    """Plain text: who, how, how often, and the evidence sentence(s)."""
    lines = []
    for action in data.get("actions", [])[:sentences]:
        lines.append(action_sentence(action, names))
        lines.append(f"“{shorten(action['evidence'].sentence)}”")
    if not lines:
        a, b = sorted(ends)
        times = data.get("weight", 1)
        lines.append(f"{names[a]} and {names[b]}: named together in {times} sentence{'s' if times != 1 else ''}")
        lines += [f"“{shorten(ev.sentence)}”" for ev in data.get("evidence", [])[:sentences]]
    return "\n".join(lines)


def _svg_shape(shape: str, x: float, y: float, r: float) -> str:
    if shape == "dot":
        return f'<circle cx="{x}" cy="{y}" r="{r}"/>'
    if shape == "square":
        s = round(r * 0.9, 1)
        return f'<rect x="{round(x - s, 1)}" y="{round(y - s, 1)}" width="{round(2 * s, 1)}" height="{round(2 * s, 1)}"/>'
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


def legend_swatch(entity_type: str) -> str:
    """A small CSS-drawn mark in the type's shape and colour, for the legend."""
    return f'<span class="explainer-swatch explainer-swatch--{SHAPES.get(entity_type, "dot")} s-{escape(entity_type)}" aria-hidden="true"></span>'


def _label_fits(label: str, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """An edge shows its verb only where the edge is long enough to carry it (the tooltip always does)."""
    return math.dist(a, b) > len(label) * 5.5 + 24


def _edges(view: nx.Graph) -> list[tuple[str, str, dict]]:
    return sorted((min(a, b), max(a, b), d) for a, b, d in view.edges(data=True))


def draw(view: nx.Graph, seed: int, href: Callable[[str], str | None], title: str, focus: str | None = None) -> DrawnGraph:
    """The SVG (nodes link to entity pages via href) and the vis-network data of a view; focus is drawn ringed."""
    positions, width, height = layout(view, seed)
    labels = place_labels(view, positions)
    names = {n: d["name"] for n, d in view.nodes(data=True)}
    sentences = 1 if view.number_of_nodes() > BIG_GRAPH else 2
    types = {n: d["type"] for n, d in view.nodes(data=True)}
    parts = [
        f'<svg class="explainer-graph__svg" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
        '<defs><marker id="explainer-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" '
        'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>',
        '<g class="edges">',
    ]
    for a, b, data in _edges(view):
        direction = edge_direction(data)
        (x1, y1), (x2, y2) = positions[a], positions[b]
        if direction and direction[0] == b:
            (x1, y1), (x2, y2) = (x2, y2), (x1, y1)
        marker = ""
        if direction:  # stop the arrow at the object's edge
            r = node_radius(view.nodes[direction[1]]["mentions"]) + 2
            length = math.dist((x1, y1), (x2, y2)) or 1.0
            x2, y2 = round(x2 - (x2 - x1) * r / length, 1), round(y2 - (y2 - y1) * r / length, 1)
            marker = ' marker-end="url(#explainer-arrow)"'
        label = edge_label(data)
        css = f"edge t-{types[a]} t-{types[b]}" + (" edge--labelled" if label else "")
        tip = f"<title>{escape(edge_tooltip(data, (a, b), names, sentences))}</title>" if sentences > 1 or label else ""
        parts.append(
            f'<g class="{css}"><line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{edge_width(data.get("weight", 1))}"{marker}/>'
            + (f'<text x="{round((x1 + x2) / 2, 1)}" y="{round((y1 + y2) / 2 - 3, 1)}">{escape(label)}</text>'
               if label and _label_fits(label, positions[a], positions[b]) else "")
            + f"{tip}</g>"
        )
    parts.append('</g><g class="nodes">')
    for node in sorted(view.nodes):
        data = view.nodes[node]
        x, y = positions[node]
        r = node_radius(data["mentions"])
        shape = _svg_shape(SHAPES.get(data["type"], "dot"), x, y, r)
        spot = labels[node]
        text = ""
        if spot:
            anchor = "" if spot[2] == "middle" else f' text-anchor="{spot[2]}"'
            text = f'<text x="{spot[0]}" y="{spot[1]}"{anchor}>{escape(data["name"])}</text>'
        inner = f"<title>{escape(node_tooltip(data))}</title>{shape}{text}"
        link = href(node)
        css = f'node t-{escape(data["type"])}' + (" node--focus" if node == focus else "")
        if link:
            # xlink:href, not href: Material's instant navigation rewrites every [href] after a page swap
            # and throws on an SVG link's read-only href property.
            parts.append(f'<a class="{css}" xlink:href="{escape(link)}" data-entity="{escape(node)}">{inner}</a>')
        else:
            parts.append(f'<g class="{css}" data-entity="{escape(node)}">{inner}</g>')
    parts.append("</g></svg>")
    present = tuple(t for t in SHAPES if t in set(types.values()))
    return DrawnGraph(
        "".join(parts), vis_json(view, positions, sentences, focus), view.number_of_nodes(), view.number_of_edges(),
        width, height, present,
    )


def vis_json(view: nx.Graph, positions: dict[str, tuple[float, float]], sentences: int = 2, focus: str | None = None) -> str:
    """vis-network nodes and edges, built with pyvis and serialised compactly."""
    net = Network(directed=False)
    names = {n: d["name"] for n, d in view.nodes(data=True)}
    for node in sorted(view.nodes):
        data = view.nodes[node]
        x, y = positions[node]
        net.add_node(node, label=data["name"], title=node_tooltip(data), shape=SHAPES.get(data["type"], "dot"),
                     group=data["type"], size=node_radius(data["mentions"]), x=x, y=y)
    for a, b, data in _edges(view):
        direction = edge_direction(data)
        source, target = direction or (a, b)
        label = edge_label(data)
        extra = {"label": label} if label and _label_fits(label, positions[a], positions[b]) else {}
        if direction:
            extra["arrows"] = "to"
        net.add_edge(source, target, width=edge_width(data.get("weight", 1)),
                     title=edge_tooltip(data, (a, b), names, sentences), **extra)
    nodes, edges, *_ = net.get_network_data()
    keep_node = ("id", "label", "title", "shape", "group", "size", "x", "y")
    keep_edge = ("from", "to", "width", "title", "label", "arrows")
    payload = {
        "nodes": [{k: v for k, v in n.items() if k in keep_node} | {"shape": SHAPES.get(n["group"], "dot")} for n in nodes],
        "edges": [{k: v for k, v in e.items() if k in keep_edge} for e in edges],
    }
    for node in payload["nodes"]:
        if node["id"] == focus:
            node["borderWidth"] = 3
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
