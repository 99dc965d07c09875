"""Build-time layout of a graph view: seeded positions and label spots in an SVG box.

An entity's neighbourhood is drawn radially: the entity in the middle, its
direct ties on a ring around it, their ties on an outer ring. Any other view has
each connected part of the graph laid out on its own (Kamada-Kawai for small
parts, a seeded spring layout for big ones) and the parts are packed side by
side, lone entities in a grid beside them, so a lone entity never squeezes the
connected ones into the middle. Labels are placed biggest node first on the
first free side of their node; the biggest few always get one, and where no
side is free for a smaller node its label is left to the tooltip. Same view
and seed, same numbers: builds stay byte-identical.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:  # views sizes its nodes by what this module draws
    from .views import View

WIDTH, MIN_HEIGHT, MAX_HEIGHT, MARGIN = 720, 260, 720, 36
MIN_RADIUS, RADIUS_STEP, MAX_RADIUS = (
    6,
    3,
    22,
)  # a node's radius: MIN_RADIUS + RADIUS_STEP × √mentions, capped
FULL_SIZE_MENTIONS = math.ceil(((MAX_RADIUS - MIN_RADIUS) / RADIUS_STEP) ** 2)  # mentions at the cap (29)
EDGE_LENGTH = 110  # preferred edge length in SVG units, before the picture is fitted to the box
KAMADA_KAWAI_MAX = (
    30  # bigger parts use a seeded spring layout: Kamada-Kawai costs up to a second at 60 nodes
)
FONT_SIZE, CHAR_WIDTH = 12, 6.6  # label metrics in SVG units, for the label placement


def _ordered(graph: nx.Graph, nodes) -> nx.Graph:
    """A part of graph whose node and edge order does not depend on insertion order (layouts are
    order-sensitive)."""
    part = nx.Graph()
    part.add_nodes_from(sorted(nodes))
    part.add_edges_from(sorted((min(a, b), max(a, b)) for a, b in graph.subgraph(nodes).edges))
    return part


def _part_layout(part: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected part, scaled so edges are about EDGE_LENGTH long."""
    nodes = list(part.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if (
        len(nodes) <= 3
    ):  # a pair, a chain of three or a triangle: no solver needed (these are most small parts)
        return _small_part(part)
    if len(nodes) <= KAMADA_KAWAI_MAX:
        raw = nx.kamada_kawai_layout(part, weight=None)
        lengths = sorted(math.dist(raw[a], raw[b]) for a, b in part.edges)
        unit = lengths[len(lengths) // 2] or 1.0
        # A hub with many leaves needs longer spokes, or its neighbours' labels collide.
        busiest = max(d for _, d in part.degree)
        scale = EDGE_LENGTH * max(1.0, math.sqrt(busiest / 5)) / unit
    else:
        raw = nx.spring_layout(part, seed=seed, iterations=60)
        xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        scale = 48 * math.sqrt(len(nodes)) / span  # about 48 units of room per node
    scale = float(scale)  # plain floats: numpy scalars do not serialise to JSON
    return {n: (float(raw[n][0]) * scale, float(raw[n][1]) * scale) for n in nodes}


def _small_part(part: nx.Graph) -> dict[str, tuple[float, float]]:
    """Two or three connected nodes: a line, or a triangle when all three are linked."""
    if part.number_of_nodes() == 2:
        a, b = part.nodes
        return {a: (-EDGE_LENGTH / 2, 0.0), b: (EDGE_LENGTH / 2, 0.0)}
    if part.number_of_edges() == 3:
        a, b, c = part.nodes
        height = EDGE_LENGTH * math.sqrt(3) / 2
        return {a: (-EDGE_LENGTH / 2, height / 2), b: (EDGE_LENGTH / 2, height / 2), c: (0.0, -height / 2)}
    middle = max(part.nodes, key=lambda n: (part.degree[n], n))
    a, b = (n for n in part.nodes if n != middle)
    return {a: (-EDGE_LENGTH, 0.0), middle: (0.0, 0.0), b: (EDGE_LENGTH, 0.0)}


def label_width(name: str) -> float:
    """A label's width in SVG units (an estimate from the font's average character width)."""
    return len(name) * CHAR_WIDTH


def _pack(
    parts: list[dict[str, tuple[float, float]]], names: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Shelf-pack the connected parts (biggest first), then lone entities in a grid beside them."""
    gap = 24
    boxes = []
    for positions in parts:
        if len(positions) == 1:
            continue
        left = min(x - label_width(names[n]) / 2 for n, (x, _) in positions.items())
        right = max(x + label_width(names[n]) / 2 for n, (x, _) in positions.items())
        top = min(y for _, y in positions.values()) - 20
        bottom = max(y for _, y in positions.values()) + 20 + FONT_SIZE + 4
        boxes.append((positions, left, top, right - left, bottom - top))
    placed: dict[str, tuple[float, float]] = {}
    used_w = used_h = 0.0
    if boxes:
        area = sum((w + gap) * (h + gap) for *_, w, h in boxes)
        row_width = max(max(w for *_, w, _ in boxes), math.sqrt(area * WIDTH / MIN_HEIGHT * 0.5))
        x = y = row_height = 0.0
        for positions, left, top, w, h in boxes:
            if x > 0 and x + w > row_width:
                x, y, row_height = 0.0, y + row_height + gap, 0.0
            for node, (px, py) in positions.items():
                placed[node] = (px - left + x, py - top + y)
            used_w = max(used_w, x + w)
            x += w + gap
            row_height = max(row_height, h)
        used_h = y + row_height
    lone = sorted(next(iter(p)) for p in parts if len(p) == 1)
    if lone:
        cell_w = max(label_width(names[n]) for n in lone) + gap
        cell_h = 2 * FONT_SIZE + 28
        if used_h:
            rows = max(1, int(used_h // cell_h))
        else:  # nothing but lone entities: a grid about as wide as the box
            rows = max(1, math.ceil(math.sqrt(len(lone) * cell_w * MIN_HEIGHT / (cell_h * WIDTH))))
        start_x = used_w + gap + cell_w / 2 if used_w else cell_w / 2
        for i, node in enumerate(lone):
            column, row = divmod(i, rows)
            placed[node] = (start_x + column * cell_w, 20 + row * cell_h)
    return placed


RING_SPACING = 44  # room per node along a ring of the radial layout, in SVG units


def _ring(
    nodes: list[str], radius: float, wanted: dict[str, float] | None = None
) -> dict[str, tuple[float, float]]:
    """nodes spaced on a circle, in the given order; turned to sit nearest their wanted angles.

    A few nodes share an arc on the right rather than the whole circle, so no two
    face each other across the middle with their edge through the centre node.
    """
    step = 2 * math.pi / max(len(nodes), 5)
    turn = -(len(nodes) - 1) * step / 2 if len(nodes) < 5 else -math.pi / 2
    if wanted:
        offsets = [wanted[n] - i * step for i, n in enumerate(nodes)]
        turn = math.atan2(sum(math.sin(o) for o in offsets), sum(math.cos(o) for o in offsets))
    return {
        n: (radius * math.cos(turn + i * step), radius * math.sin(turn + i * step))
        for i, n in enumerate(nodes)
    }


def _radial(view: View, focus: str) -> dict[str, tuple[float, float]]:
    """An entity's neighbourhood: the entity in the middle, its ties on a ring, theirs on an outer ring.

    Ring order keeps linked neighbours side by side (breadth-first through each
    cluster), and an outer node sits by the neighbours it hangs from. Linear in
    the view's size: there is one of these per entity page.
    """
    adjacency = view.adjacency
    hops = view.hops
    # The first ring is the direct ties: by the view's own account where it has one (see Neighbourhoods.ego).
    first = (
        sorted(n for n, hop in hops.items() if hop == 1) if any(hops.values()) else sorted(adjacency[focus])
    )
    first_set = set(first)
    order: list[str] = []
    seen: set[str] = set()
    for start in sorted(first, key=lambda n: (-len(first_set.intersection(adjacency[n])), n)):
        if start in seen:
            continue
        queue = [start]
        seen.add(start)
        while queue:
            node = queue.pop(0)
            order.append(node)
            for other in sorted(first_set.intersection(adjacency[node]) - seen):
                seen.add(other)
                queue.append(other)
    positions: dict[str, tuple[float, float]] = {focus: (0.0, 0.0)}
    radius = max(EDGE_LENGTH * 1.2, len(order) * RING_SPACING / (2 * math.pi))
    if order:
        positions.update(_ring(order, radius))
    angle = {n: math.atan2(y, x) for n, (x, y) in positions.items() if n != focus}
    outer = sorted(n for n in view if n not in positions)
    if outer:
        wanted = {}
        for node in outer:
            parents = [angle[m] for m in adjacency[node] if m in angle]
            wanted[node] = (
                math.atan2(sum(map(math.sin, parents)), sum(map(math.cos, parents)))
                if parents
                else math.pi / 2
            )
        outer.sort(key=lambda n: (wanted[n] % (2 * math.pi), n))
        outer_radius = max(radius + EDGE_LENGTH, len(outer) * RING_SPACING / (2 * math.pi))
        positions.update(_ring(outer, outer_radius, wanted))
    return positions


def layout(
    view: View, seed: int, focus: str | None = None
) -> tuple[dict[str, tuple[float, float]], int, int]:
    """Node positions in an SVG box WIDTH wide (and the box's width and height), seeded, in whole units.

    With a focus, the view is an entity's neighbourhood and is laid out radially around it.
    """
    if len(view) == 0:
        return {}, WIDTH, MIN_HEIGHT
    names = {n: node.name for n, node in view.nodes.items()}
    if focus is not None and focus in view:
        packed = _radial(view, focus)
    else:
        graph = view.networkx()
        components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
        parts = [_part_layout(_ordered(graph, c), seed) for c in components]
        packed = _pack(parts, names)
    # The box holds the labels too, not only the node centres.
    half = {n: label_width(names[n]) / 2 for n in packed}
    left = min(p[0] - half[n] for n, p in packed.items())
    right = max(p[0] + half[n] for n, p in packed.items())
    top = min(p[1] for p in packed.values()) - 16
    bottom = max(p[1] for p in packed.values()) + 16 + FONT_SIZE
    span_x, span_y = right - left, bottom - top
    inner_w = WIDTH - 2 * MARGIN
    scale = min(inner_w / span_x, (MAX_HEIGHT - 2 * MARGIN) / span_y, 1.4)
    height = int(min(MAX_HEIGHT, max(MIN_HEIGHT, span_y * scale + 2 * MARGIN)))
    off_x = MARGIN + (inner_w - span_x * scale) / 2
    off_y = (height - span_y * scale) / 2
    positions = {
        n: (round(off_x + (p[0] - left) * scale), round(off_y + (p[1] - top) * scale))
        for n, p in sorted(packed.items())
    }
    return positions, WIDTH, height


class _Boxes:
    """Boxes already taken in the picture, bucketed in a coarse grid so a check looks only nearby."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _cells(self, box: tuple[float, float, float, float]):
        for cx in range(int(box[0] // self.CELL), int(box[2] // self.CELL) + 1):
            for cy in range(int(box[1] // self.CELL), int(box[3] // self.CELL) + 1):
                yield cx, cy

    def add(self, box: tuple[float, float, float, float]) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append(box)

    def free(self, box: tuple[float, float, float, float]) -> bool:
        return all(
            box[2] <= t[0] or box[0] >= t[2] or box[3] <= t[1] or box[1] >= t[3]
            for cell in self._cells(box)
            for t in self.cells.get(cell, ())
        )


ALWAYS_LABELLED = 8  # a view's biggest nodes are what it is about: their names are always shown


def place_labels(
    view: View, positions: dict[str, tuple[float, float]]
) -> dict[str, tuple[float, float, str] | None]:
    """Where each node's label goes (x, y, text-anchor), biggest nodes first, on the first side of the node
    that is free; None where no side is free. The ALWAYS_LABELLED biggest are placed whatever: on a side
    clear of other labels (over a smaller node if need be, the text's halo keeps it legible), else below.
    Smaller nodes' labels give way to theirs."""
    nodes_taken, labels_taken = _Boxes(), _Boxes()
    for node, (x, y) in positions.items():
        r = node_radius(view.nodes[node].mentions)
        nodes_taken.add((x - r, y - r, x + r, y + r))
    placed: dict[str, tuple[float, float, str] | None] = {}
    order = sorted(view.nodes, key=lambda n: (-view.nodes[n].mentions, n))
    for rank, node in enumerate(order):
        spots = _label_spots(positions[node], node_radius(view.nodes[node].mentions), view.nodes[node].name)
        chosen = next((s for s in spots if nodes_taken.free(s[3]) and labels_taken.free(s[3])), None)
        if chosen is None and rank < ALWAYS_LABELLED:
            # Over a smaller node if need be, a line further out if a label is in the way, else below.
            farther = _label_spots(
                positions[node], node_radius(view.nodes[node].mentions) + FONT_SIZE + 2, view.nodes[node].name
            )
            chosen = next((s for s in spots + farther[:2] if labels_taken.free(s[3])), spots[0])
        placed[node] = None
        if chosen is not None:
            lx, ly, anchor, box = chosen
            labels_taken.add(box)
            placed[node] = (round(lx), round(ly), anchor)
    return placed


def _label_spots(at: tuple[float, float], r: float, name: str) -> list[tuple[float, float, str, tuple]]:
    """The four places a label may go, in the order tried: below, above, right, left of its node; each as
    (x, y, text-anchor, the box it covers)."""
    x, y = at
    w = label_width(name)
    return [
        (x, y + r + FONT_SIZE + 1, "middle", (x - w / 2, y + r + 2, x + w / 2, y + r + FONT_SIZE + 4)),
        (x, y - r - 4, "middle", (x - w / 2, y - r - FONT_SIZE - 4, x + w / 2, y - r - 1)),
        (x + r + 4, y + 4, "start", (x + r + 3, y - FONT_SIZE / 2 - 1, x + r + 4 + w, y + FONT_SIZE / 2 + 1)),
        (x - r - 4, y + 4, "end", (x - r - 4 - w, y - FONT_SIZE / 2 - 1, x - r - 3, y + FONT_SIZE / 2 + 1)),
    ]


def node_radius(mentions: int) -> float:
    """Node size grows with mentions, gently (square root) and up to a cap."""
    return round(min(MIN_RADIUS + RADIUS_STEP * math.sqrt(mentions), MAX_RADIUS), 1)
