"""The graph figure of a page: drawn view, legend, find box, and the list of relations under it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..markup import html_text, md_inline
from ..model import TYPE_INFO, Evidence
from ..verbs import ROLE, VERB, act_sentence
from .common import evidence_link, name_link
from .drawing import draw, legend_swatch
from .embeds import snippet
from .site import Site
from .views import View, fewer_plain_links, strongest_first, strongest_links

MAX_VIEW_EDGES = (
    100  # an article's graph (and the home page's); entity pages and the Network page set their own
)
MAX_LISTED_RELATIONS = 400  # the Network page's list stops here; the graph itself shows every edge
MAX_PLAIN_EDGES = 40  # edges that only say "named together": the strongest; every relation is drawn
MAX_EVIDENCE_LINKS = 3  # links to the sentences that say one relation


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


@dataclass(frozen=True)
class ListedRelation:
    """One item of the list under a graph: a relation in words, or one entity's co-occurrences."""

    kind: str  # "act" (a verb), "role", or "named with" (what is only named together, for one entity)
    markdown: str


MAX_NAMED_WITH = 12  # names on one "also named with" line
MAX_NAMED_WITH_LINES = 8  # lines of those, for the most mentioned; the pairs of the rest are counted


def _relations(
    view: View, site: Site, current: str, first: str | None = None
) -> tuple[list[ListedRelation], int]:
    """The relations first, each as a sentence with links to the sentences that say so ("Kim Jong Un
    greeted Vladimir Putin ↩"); then what is only named together, one line per entity, each pair once,
    under the entity more mentioned, or under first ("Also named with: Russia (7), Ukraine (4)")."""
    names = {n: node.name for n, node in view.nodes.items()}

    def linked(node: str, text: str | None = None) -> str:
        path = site.entity_path(node)
        shown = text if text is not None else names[node]
        return name_link(shown, path, current)

    acts: dict[tuple, list[Evidence]] = {}
    plain: dict[str, list[tuple[str, int]]] = {}
    rank = {
        n: i
        for i, n in enumerate(
            sorted(view.nodes, key=lambda n: (n != first, -view.nodes[n].mentions, names[n], n))
        )
    }
    for (a, b), tie in sorted(view.links.items(), key=lambda kv: strongest_first(*kv)):
        for act in tie.acts:
            acts.setdefault((act.verb, act.source, act.target, act.mutual, act.detail, act.mood), []).append(
                act.evidence
            )
        if not tie.acts:
            first, other = (a, b) if rank[a] < rank[b] else (b, a)
            plain.setdefault(first, []).append((other, tie.weight))
    items = []
    for (verb, source, target, mutual, detail, mood), evidence in acts.items():
        parties = {"doer": source, "other": target}
        sentence = act_sentence(
            VERB[verb],
            names[source],
            names[target],
            mutual,
            detail,
            lambda who, text, parties=parties: linked(parties[who], text),
            mood,
        )
        cited = list(dict.fromkeys(evidence))[:MAX_EVIDENCE_LINKS]
        links = " ".join(evidence_link(ev, current) for ev in cited)
        items.append(ListedRelation("role" if verb == ROLE.key else "act", f"{sentence} {links}"))
    ends = sorted(plain, key=rank.__getitem__)
    for node in ends[:MAX_NAMED_WITH_LINES]:
        others = sorted(plain[node], key=lambda ow: (-ow[1], rank[ow[0]]))
        shown = ", ".join(f"{linked(o)} ({weight})" for o, weight in others[:MAX_NAMED_WITH])
        rest = len(others) - MAX_NAMED_WITH
        shown += f" and {rest} more" if rest > 0 else ""
        items.append(ListedRelation("named with", f"{linked(node)}, also named with: {shown}"))
    unlisted = sum(len(plain[node]) for node in ends[MAX_NAMED_WITH_LINES:])
    if unlisted:
        pairs = f"{unlisted} more pair{'s' if unlisted != 1 else ''}"
        items.append(ListedRelation("named with", f"… and {pairs} named together, each drawn in the graph"))
    return items[:MAX_LISTED_RELATIONS], max(0, len(items) - MAX_LISTED_RELATIONS)


def graph_context(
    view: View,
    site: Site,
    current: str,
    caption: str,
    focus: str | None = None,
    max_edges: int | None = MAX_VIEW_EDGES,
    max_plain_edges: int | None = MAX_PLAIN_EDGES,
) -> dict | None:
    """Template values for a graph figure and the relations listed under it.

    A neighbourhood (around focus) lists the focus's own ties, what its page is
    about, and if it has a second ring gets a control to show or hide it; any
    other view lists every link it draws. A view with no link has nothing to
    draw: None, and the page has no figure.
    """
    if not view.links:
        return None
    view = strongest_links(view, max_edges)
    if max_plain_edges is not None:
        view = fewer_plain_links(view, max_plain_edges)
    outer = view.outer
    listed = replace(view, links={k: v for k, v in view.links.items() if focus in k}) if focus else view
    relations, more = _relations(listed, site, current, first=focus)
    figure = _figure(view, site, caption, focus)
    return {
        "embed": html_text(snippet(site, current, caption)),
        "figure": figure,
        "drawn": figure["drawn"],
        "two_hops": bool(outer),
        "caption": md_inline(caption),
        "relations": relations,
        "more_relations": more,
    }


def ego_graph_context(entity_id: str, site: Site, current: str, caption: str) -> dict | None:
    """An entity's network (Site.entity_view, capped as it is made): direct ties, and theirs on an outer ring
    to show or hide."""
    return graph_context(
        site.entity_view(entity_id),
        site,
        current,
        caption,
        focus=entity_id,
        max_edges=None,
        max_plain_edges=None,
    )
