"""The parts of the site graph that pages draw: an article's network, an entity's neighbourhood, the Network
page's graph, each a View with its strongest links kept.

A View holds its Nodes and Links in the order it was made in, which the radial
layout follows; every view is made in a stable order, so builds repeat.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..model import Act, ArticleEntity, Evidence, Link, Node
from ..relate import SiteGraph
from .layout import FULL_SIZE_MENTIONS

EGO_FIRST_RING = 30  # a hub's full neighbourhood is unreadable: the entity and its 30 strongest ties
EGO_MAX_NODES = 40  # with connections of connections; two hops reach most of a big site, so keep the closest
EGO_MAX_EDGES = 90  # a ring of 30 names with more chords than this is a hairball, and the bulk of the page
EGO_OUTER_MAX_EDGES = 60  # edges out to the second ring
UNSAID = Evidence("", "", "")  # what a tie beside a figure's focus keeps of where it was said
NAMED_TOGETHER = Link(1, (), {})  # what it keeps of a tie that says no more


@dataclass(frozen=True)
class View:
    """Nodes and the links among them; in a neighbourhood, hops says each node's ring (0 for the entity)."""

    nodes: dict[str, Node]
    links: dict[tuple[str, str], Link]  # (a, b) with a < b
    hops: dict[str, int] = field(default_factory=dict)
    counted_in: str = ""  # where its nodes' mentions were counted, when not across the site ("this article")

    def __contains__(self, node: str) -> bool:
        return node in self.nodes

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    @cached_property
    def adjacency(self) -> dict[str, list[str]]:
        """Each node's neighbours in the view, in the order the links were added."""
        neighbours: dict[str, list[str]] = {n: [] for n in self.nodes}
        for a, b in self.links:
            neighbours[a].append(b)
            neighbours[b].append(a)
        return neighbours

    @property
    def outer(self) -> set[str]:
        """The nodes beyond the direct ties of a neighbourhood: its connections of connections."""
        return {n for n, hop in self.hops.items() if hop > 1}

    def restricted(self, keep: set[str]) -> View:
        """The view on the nodes in keep only."""
        return replace(
            self,
            nodes={n: d for n, d in self.nodes.items() if n in keep},
            links={k: v for k, v in self.links.items() if k[0] in keep and k[1] in keep},
            hops={n: h for n, h in self.hops.items() if n in keep},
        )

    def networkx(self):
        """The view's nodes and links as a networkx graph, sorted (its layouts are order-sensitive)."""
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(sorted(self.nodes))
        graph.add_edges_from(sorted(self.links))
        return graph


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The key of the link between a and b in View.links: the two ends in order."""
    return (a, b) if a < b else (b, a)


def strongest_first(key: tuple[str, str], link: Link) -> tuple:
    """Sort key: links that say who did what first, then by how many sentences they share; stable by ends."""
    return -len(link.acts), -link.weight, key[0], key[1]


def strongest_links(
    view: View, max_links: int | None, max_outer_links: int | None = None, focus: str | None = None
) -> View:
    """The view with only its strongest links (every node kept): max_links among the entity and its direct
    ties, max_outer_links out to the second ring. One crowded sentence can otherwise connect everything to
    everything and make a page of megabytes. The focus keeps every one of its own links: they are what puts
    its direct ties around it."""
    max_outer_links = max_outer_links or max_links
    if max_links is None or len(view.links) <= min(max_links, max_outer_links):
        return view
    outer = view.outer
    ranked = sorted(view.links.items(), key=lambda kv: (focus not in kv[0], *strongest_first(*kv)))
    inner, far = [], []
    for key, link in ranked:
        (far if key[0] in outer or key[1] in outer else inner).append((key, link))
    return replace(view, links=dict(inner[:max_links] + far[:max_outer_links]))


def fewer_plain_links(view: View, limit: int) -> View:
    """The view with every link that says what it is, and of those that say no more than "named together"
    the strongest limit, and each node's strongest (so no node is cut loose from the drawing)."""
    plain = sorted(((k, v) for k, v in view.links.items() if not v.acts), key=lambda kv: strongest_first(*kv))
    if len(plain) <= limit:
        return view
    kept = {k for k, _ in plain[:limit]}
    linked = {n for k in kept for n in k} | {n for k, v in view.links.items() if v.acts for n in k}
    for key, _ in plain[limit:]:
        if key[0] not in linked or key[1] not in linked:
            kept.add(key)
            linked.update(key)
    return replace(view, links={k: v for k, v in view.links.items() if v.acts or k in kept})


def article_view(graph: SiteGraph, members: Iterable[ArticleEntity], article: str) -> View:
    """An article's own network: its entities, sized and described by this article (its mentions of each, and
    the role it gives, else the site's), and the links with evidence from it. So an edit elsewhere leaves
    the figure as it was, and the article's own subjects are its hubs, not the site's."""
    local = {m.entity: m for m in members if m.entity in graph}
    members = sorted(local)
    links = {}
    for i, a in enumerate(members):
        ties = graph.adjacency[a]
        for b in members[i + 1 :]:
            link = ties.get(b)
            count = link.by_article.get(article, 0) if link else 0
            if count:
                links[(a, b)] = Link(
                    count,
                    tuple(ev for ev in link.evidence if ev.article == article),
                    {article: count},
                    tuple(x for x in link.acts if x.article == article),
                )
    nodes = {
        m: replace(
            graph.nodes[m], mentions=local[m].count, articles=1, role=local[m].role or graph.nodes[m].role
        )
        for m in members
    }
    return View(nodes, links, counted_in="this article")


def site_view(graph: SiteGraph, min_mentions: int, max_nodes: int) -> View:
    """The Network page's graph: entities with at least min_mentions, the best-connected max_nodes of them."""
    keep = [n for n, node in graph.nodes.items() if node.mentions >= min_mentions]
    strength = {n: sum(link.weight for link in graph.adjacency[n].values()) for n in keep}
    keep = sorted(keep, key=lambda n: (-strength[n], -graph.nodes[n].mentions, n))[:max_nodes]
    return induced(graph, keep)


def induced(graph: SiteGraph, nodes: Iterable[str], hops: dict[str, int] | None = None) -> View:
    """The view on these nodes with every link among them."""
    chosen = {n: graph.nodes[n] for n in nodes}
    links: dict[tuple[str, str], Link] = {}
    for a in chosen:
        neighbours = graph.adjacency[a]
        # A hub has thousands of neighbours and a view has dozens of nodes: walk the shorter list.
        pairs = (
            ((b, neighbours[b]) for b in chosen if b in neighbours)
            if len(neighbours) > len(chosen)
            else neighbours.items()
        )
        links.update(((a, b), link) for b, link in pairs if b in chosen and a < b)
    return View(chosen, links, hops or {})


def seen_from(view: View, focus: str) -> View:
    """The view as a figure around focus stands on it: the focus's own ties whole; of the others (another
    page's news) what they are but not how often or where they were said; of every node but the focus what
    a drawing shows: its name, type, role, and mentions no more than make a full-sized node
    (layout.FULL_SIZE_MENTIONS). So an edit about two of its neighbours leaves the view as it was."""
    # Made directly, not by dataclasses.replace: a build works this out for thousands of views.
    nodes = {
        n: node
        if n == focus
        else Node(node.name, node.type, min(node.mentions, FULL_SIZE_MENTIONS), 0, node.role)
        for n, node in view.nodes.items()
    }
    links = {}
    for key, link in view.links.items():
        if focus in key:
            links[key] = link
        elif not link.acts:
            links[key] = NAMED_TOGETHER
        else:
            said = {(a.verb, a.source, a.target, a.mutual, a.detail, a.mood): None for a in link.acts}
            # Each statement once, in the order first made, and not where.
            links[key] = Link(1, (), {}, tuple(Act(*s[:4], "", UNSAID, *s[4:]) for s in said))
    return View(nodes, links, view.hops, view.counted_in)


def entity_view(around: Neighbourhoods, entity_id: str) -> View:
    """What an entity's page draws: its strongest direct ties and theirs on an outer ring, with the strongest
    links kept, as seen from the entity (seen_from)."""
    view = around.ego(entity_id, 2, max_nodes=EGO_MAX_NODES, first_ring=EGO_FIRST_RING)
    return seen_from(strongest_links(view, EGO_MAX_EDGES, EGO_OUTER_MAX_EDGES, entity_id), entity_id)


class Neighbourhoods:
    """Entities' neighbourhoods in one graph, for the many views a site draws from it.

    Each node's neighbours are ranked strongest tie first, once, on first use:
    a hub has thousands, and every small entity next to it would otherwise rank
    them all again. A view is made from the ties of its own nodes only.
    """

    def __init__(self, graph: SiteGraph):
        self.graph = graph
        self._ranked: dict[str, list[str]] = {}

    def ranked(self, node: str) -> list[str]:
        """node's neighbours, the heaviest link first (ties by id, so views are stable)."""
        if node not in self._ranked:
            ties = self.graph.adjacency[node]
            self._ranked[node] = sorted(ties, key=lambda n: (-ties[n].weight, n))
        return self._ranked[node]

    def ego(
        self, entity_id: str, depth: int = 1, max_nodes: int | None = None, first_ring: int | None = None
    ) -> View:
        """The entity's neighbourhood up to depth hops, ring by ring; the strongest ties first when capped.

        max_nodes caps the whole view and first_ring the direct ties, so a hub's
        view still has room for a few connections of connections. An outer node
        ranks by the weight of its ties to the ring inside it; when capped, only
        each inner node's strongest ties are candidates: the ones a capped view
        could keep.
        """
        if entity_id not in self.graph:
            return View({}, {})
        hops = {entity_id: 0}
        # A direct tie left out by the first ring's cap is still a direct tie, never a connection of a
        # connection.
        direct = set(self.graph.adjacency[entity_id])
        ring = [entity_id]
        for hop in range(1, depth + 1):
            room = None if max_nodes is None else max_nodes - len(hops)
            if hop == 1 and first_ring is not None:
                room = first_ring if room is None else min(room, first_ring)
            if room is not None and room <= 0:
                break
            strength: Counter[str] = Counter()
            for near in ring:
                ties = self.graph.adjacency[near]
                candidates = self.ranked(near) if room is None else self.ranked(near)[: room + len(hops)]
                for far in candidates:
                    if far not in hops and (hop == 1 or far not in direct):
                        strength[far] += ties[far].weight
            ring = sorted(strength, key=lambda n: (-strength[n], n))[:room]
            hops.update((node, hop) for node in ring)
        return induced(self.graph, hops, hops)
