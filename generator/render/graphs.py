"""The graph figure of a page: drawn view, legend, find box, and the list of relations under it."""

from __future__ import annotations

from ..markup import md_inline
from ..model import TYPE_INFO, Evidence
from ..verbs import VERB, act_sentence
from .common import md_link
from .drawing import draw, legend_swatch, shorten
from .paths import article_path
from .site import Site
from .views import View, strongest_first, strongest_links

MAX_VIEW_EDGES = (
    100  # an article's graph (and the home page's); entity pages and the Network page set their own
)
MAX_LISTED_RELATIONS = 400  # the Network page's list stops here; the graph itself shows every edge
EGO_FIRST_RING = 30  # a hub's full neighbourhood is unreadable: the entity and its 30 strongest ties
EGO_MAX_NODES = 40  # with connections of connections; two hops reach most of a big site, so keep the closest
EGO_MAX_EDGES = 90  # a ring of 30 names with more chords than this is a hairball, and the bulk of the page
EGO_OUTER_MAX_EDGES = 60  # edges out to the second ring


def _figure(view: View, site: Site, caption: str, focus: str | None = None) -> dict:
    def href(node: str) -> str | None:
        path = site.entity_path(node)
        return f"explainer:{path}" if path else None

    drawn = draw(view, site.settings.layout_seed, href, caption, focus)
    return {
        "drawn": drawn,
        "aspect": f"{drawn.width} / {drawn.height}",
        "legend": [
            {"type": t.value, "label": TYPE_INFO[t].label, "swatch": legend_swatch(t)} for t in drawn.types
        ],
    }


def _relations(view: View, site: Site, current: str, quote: bool = True) -> tuple[list[str], int]:
    """One Markdown list item per relation: labelled ones say who did what; each quotes its evidence
    (or, with quote=False, on a page that holds the sentence itself, only links to it)."""
    names = {n: node.name for n, node in view.nodes.items()}

    def link(node: str) -> str:
        path = site.entity_path(node)
        return md_link(names[node], path, current) if path else md_inline(names[node])

    def source(ev: Evidence) -> str:
        target = article_path(ev.article) + (f"#{ev.anchor}" if ev.anchor else "")
        back = md_link("↩", target, current)
        return f"“{md_inline(shorten(ev.sentence))}” {back}" if quote else back

    items = []
    for (a, b), tie in sorted(view.links.items(), key=lambda kv: strongest_first(*kv)):
        for act in tie.acts:
            said = act_sentence(VERB[act.verb], link(act.source), link(act.target), act.mutual)
            items.append(f"{said}: {source(act.evidence)}")
        times = tie.weight
        together = f"named together in {times} sentence{'s' if times != 1 else ''}"
        items.append(
            f"{link(a)} — {link(b)}, {together}" + (f": {source(tie.evidence[0])}" if tie.evidence else "")
        )
    return items[:MAX_LISTED_RELATIONS], max(0, len(items) - MAX_LISTED_RELATIONS)


def graph_context(
    view: View,
    site: Site,
    current: str,
    caption: str,
    focus: str | None = None,
    max_edges: int | None = MAX_VIEW_EDGES,
    max_outer_edges: int | None = None,
    quote: bool = True,
) -> dict | None:
    """Template values for a graph figure and the relations listed under it.

    A neighbourhood with a second ring gets a control to show or hide it; the
    list covers the direct ties, the ones the figure shows first. A view with
    no link has nothing to draw: None, and the page has no figure.
    """
    if not view.links:
        return None
    view = strongest_links(view, max_edges, max_outer_edges, focus)
    outer = view.outer
    relations, more = _relations(
        view.restricted(set(view.nodes) - outer) if outer else view, site, current, quote
    )
    figure = _figure(view, site, caption, focus)
    return {
        "figure": figure,
        "drawn": figure["drawn"],
        "two_hops": bool(outer),
        "caption": md_inline(caption),
        "relations": relations,
        "more_relations": more,
    }


def neighbourhood(site: Site, entity_id: str) -> View:
    """What an entity's page draws: its strongest direct ties, and theirs on an outer ring."""
    return site.neighbourhood(entity_id, 2, max_nodes=EGO_MAX_NODES, first_ring=EGO_FIRST_RING)


def ego_graph_context(view: View, entity_id: str, site: Site, current: str, caption: str) -> dict | None:
    """An entity's network (its neighbourhood): direct ties, and theirs on an outer ring to show or hide."""
    return graph_context(
        view,
        site,
        current,
        caption,
        focus=entity_id,
        max_edges=EGO_MAX_EDGES,
        max_outer_edges=EGO_OUTER_MAX_EDGES,
    )
