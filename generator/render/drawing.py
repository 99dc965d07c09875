"""A graph view drawn for a page: build-time layout and a static SVG.

The layout (layout.py) is computed once with a fixed seed. The SVG is what a
reader sees at load, and it is the graph's only copy on the page: on
interaction explainer.js reads the nodes, edges, positions and tooltips back
out of it into vis-network (vendored from the pyvis wheel), so both show the
same picture, on every build.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..markup import html_text as escape
from ..model import TYPE_INFO, TYPES, Act, EntityType, Link, Node
from ..verbs import VERB, act_label, act_sentence
from .layout import label_width, layout, node_radius, place_labels
from .views import View, pair_key

EVIDENCE_MAX_CHARS = 240


@dataclass(frozen=True)
class DrawnGraph:
    """What a page embeds: the figure's SVG, its size and the entity types present."""

    svg: str
    node_count: int
    edge_count: int
    width: int
    height: int
    types: tuple[EntityType, ...]


def edge_width(weight: int) -> float:
    return round(min(1 + math.log2(weight), 6), 1)


def edge_label(link: Link) -> str:
    """The verbs and roles of a link ("visited · met", "envoy"), empty for a plain co-occurrence."""
    return " · ".join(dict.fromkeys(act_label(VERB[a.verb], a.mutual, a.detail, a.mood) for a in link.acts))


def node_tooltip(node: Node, count: str | None) -> str:
    """Name, type, role and count (count_line); the name on a line of its own: the interactive graph reads it
    there."""
    lines = [" ".join(node.name.split()), TYPE_INFO[node.type].label]
    if node.role:
        lines.append(f"Role: {node.role}")
    if count:
        lines.append(count)
    return "\n".join(lines)


def count_line(view: View, node: str, focus: str | None) -> str | None:
    """How much a node's tooltip says it is named: in the view's article; around a focus, in the sentences it
    shares with the focus (nothing for the second ring); else across the site. A figure says only what its
    page stands on, so mentions elsewhere leave it as it was."""
    data = view.nodes[node]
    if view.counted_in:
        return f"Mentions in {view.counted_in}: {data.mentions}"
    if focus is None or node == focus:
        return f"Mentions: {data.mentions}"
    tie = view.links.get(pair_key(node, focus))
    if tie is None:
        return None
    name = " ".join(view.nodes[focus].name.split())
    return f"Named with {name}: {tie.weight} sentence{'s' if tie.weight != 1 else ''}"


def said(act: Act, names: dict[str, str]) -> str:
    """ "Vladimir Putin visited North Korea", "X and Y signed an agreement", "X is Russia's envoy"."""
    return act_sentence(
        VERB[act.verb], names[act.source], names[act.target], act.mutual, act.detail, mood=act.mood
    )


def shorten(sentence: str, limit: int = EVIDENCE_MAX_CHARS) -> str:
    """A sentence cut at a word near limit characters, so one endless sentence can't bloat every edge."""
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0] + " …"


def edge_tooltip(link: Link, names: dict[str, str], quoted: bool = True) -> str:
    """Plain text for a labelled edge: who did what (its first three distinct statements), and unless not
    quoted the sentence that says so.

    A plain co-occurrence has no tooltip in the SVG: explainer.js words it
    ("A and B: named together in 2 sentences") from the names and the weight,
    and the relations list under every graph quotes its evidence.
    """
    lines = list(dict.fromkeys(said(a, names) for a in link.acts))[:3]
    return "\n".join(lines + [f"“{shorten(link.acts[0].evidence.sentence, 160)}”"] if quoted else lines)


def _svg_shape(shape: str, x: float, y: float, r: float) -> str:
    if shape == "dot":
        return f'<circle cx="{x}" cy="{y}" r="{r}"/>'
    if shape == "square":
        s = r * 0.9
        return f'<rect x="{round(x - s)}" y="{round(y - s)}" width="{round(2 * s)}" height="{round(2 * s)}"/>'
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
    return '<polygon points="' + " ".join(f"{round(px)},{round(py)}" for px, py in points) + '"/>'


def legend_swatch(entity_type: EntityType) -> str:
    """A small CSS-drawn mark in the type's shape and colour, for the legend."""
    shape = TYPE_INFO[entity_type].shape or "dot"
    css = f"explainer-swatch explainer-swatch--{shape} s-{escape(entity_type.value)}"
    return f'<span class="{css}" aria-hidden="true"></span>'


def _label_fits(label: str, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """An edge shows its verb only where the edge is long enough to carry it (the tooltip always does)."""
    return math.dist(a, b) > len(label) * 5.5 + 24


def _inner_box(view: View, positions, labels, outer: set[str], width: int, height: int) -> str:
    """The viewBox ("x y w h") that frames the nodes within one hop and their labels, for the direct-ties
    view."""
    xs, ys = [], []
    for node, (x, y) in positions.items():
        if node in outer:
            continue
        r = node_radius(view.nodes[node].mentions)
        half = label_width(view.nodes[node].name) / 2 if labels.get(node) else r
        xs += [x - max(r, half), x + max(r, half)]
        ys += [y - r - 16, y + r + 16]
    # Zoomed in at most 1.5 times: a few direct ties should not come out in giant letters.
    box_w = min(width, max(max(xs) - min(xs) + 24, width / 1.5))
    box_h = min(height, max(max(ys) - min(ys) + 24, height / 1.5))
    left = min(max(0, (min(xs) + max(xs) - box_w) / 2), width - box_w)
    top = min(max(0, (min(ys) + max(ys) - box_h) / 2), height - box_h)
    return f"{round(left)} {round(top)} {round(box_w)} {round(box_h)}"


def draw(
    view: View, seed: int, href: Callable[[str], str | None], title: str, focus: str | None = None
) -> DrawnGraph:
    """The SVG of a view (nodes link to entity pages via href); focus is drawn ringed, in the middle.

    The SVG is the graph's only copy on the page: each node carries its id, position
    and size, each edge its ends, so explainer.js builds the interactive
    vis-network graph from it without a second copy of the data.
    """
    positions, width, height = layout(view, seed, focus)
    labels = place_labels(view, positions)
    names = {n: node.name for n, node in view.nodes.items()}
    types = {n: node.type.value for n, node in view.nodes.items()}
    outer = view.outer
    inner_box = f' data-inner="{_inner_box(view, positions, labels, outer, width, height)}"' if outer else ""
    parts = [
        f'<svg class="explainer-graph__svg" viewBox="0 0 {width} {height}"{inner_box} role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">',
        '<defs><marker id="explainer-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" '
        'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>',
        '<g class="edges">',
    ]
    for (a, b), link in sorted(view.links.items()):
        direction = link.direction
        source, target = direction or (a, b)
        (x1, y1), (x2, y2) = positions[source], positions[target]
        marker = ""
        if direction:  # stop the arrow at the object's edge
            r = node_radius(view.nodes[target].mentions) + 2
            length = math.dist((x1, y1), (x2, y2)) or 1.0
            x2, y2 = round(x2 - (x2 - x1) * r / length), round(y2 - (y2 - y1) * r / length)
            marker = ' marker-end="url(#explainer-arrow)"'
        label = edge_label(link)
        # Around a focus, a tie that does not touch it is another page's news: drawn with what it is (its
        # verbs), not how often or where it was said (views.seen_from keeps no more of it).
        beside = focus is not None and focus not in (a, b)
        css = (
            f"edge t-{types[a]} t-{types[b]}"
            + (" edge--labelled" if label else "")
            + (" edge--beside" if beside else "")
            + (" d2" if a in outer or b in outer else "")
        )
        # Edges are most of a drawing's bytes, and most are plain: one shared sentence, width 1 (the CSS
        # default), and a tooltip explainer.js can word from the names and the weight. Only the verbs and
        # their evidence are written out, and a weight or width other than 1. A labelled edge has its own
        # tooltip: no weight, which would change the page whenever the two are named together elsewhere.
        weight = 1 if beside else link.weight  # a view not seen from its focus still holds the weight
        stroke = edge_width(weight)
        parts.append(
            f'<g class="{css}" data-from="{escape(source)}" data-to="{escape(target)}"'
            + (f' data-w="{weight}">' if weight != 1 and not label else ">")
            + f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"'
            + (f' stroke-width="{stroke}"' if stroke != 1 else "")
            + f"{marker}/>"
            + (
                f'<text x="{round((x1 + x2) / 2)}" y="{round((y1 + y2) / 2 - 3)}">{escape(label)}</text>'
                if label and _label_fits(label, positions[a], positions[b])
                else ""
            )
            + (f"<title>{escape(edge_tooltip(link, names, quoted=not beside))}</title>" if label else "")
            + "</g>"
        )
    parts.append('</g><g class="nodes">')
    for node in sorted(view.nodes):
        data = view.nodes[node]
        x, y = positions[node]
        r = node_radius(data.mentions)
        shape = _svg_shape(TYPE_INFO[data.type].shape or "dot", x, y, r)
        spot = labels[node]
        text = ""
        if spot:
            anchor = "" if spot[2] == "middle" else f' text-anchor="{spot[2]}"'
            text = f'<text x="{spot[0]}" y="{spot[1]}"{anchor}>{escape(data.name)}</text>'
        inner = f"<title>{escape(node_tooltip(data, count_line(view, node, focus)))}</title>{shape}{text}"
        link = href(node)
        css = (
            f"node t-{escape(data.type.value)}"
            + (" node--focus" if node == focus else "")
            + (" d2" if node in outer else "")
        )
        where = f'data-entity="{escape(node)}" data-x="{x}" data-y="{y}" data-r="{r}"'
        if link:
            # xlink:href, not href: Material's instant navigation rewrites every [href] after a page swap
            # and throws on an SVG link's read-only href property.
            parts.append(f'<a class="{css}" xlink:href="{escape(link)}" {where}>{inner}</a>')
        else:
            parts.append(f'<g class="{css}" {where}>{inner}</g>')
    parts.append("</g></svg>")
    present = tuple(info.type for info in TYPES if info.shape and info.type.value in set(types.values()))
    return DrawnGraph("".join(parts), len(view.nodes), len(view.links), width, height, present)
