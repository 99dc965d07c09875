"""Page kinds: one protocol for every kind of page, and the decision of which pages a build draws.

A kind lists the pages it makes (keys), where each goes (path) and draws one
from the Site (draw). Whatever a page reads of the Site while it is drawn is
recorded (site.py); the next build lets the page stand, unread and unwritten,
when its file is as that build left it and every fact it read is unchanged
(facts.py). In the manner of Pelican's generators: every kind is driven the
same way, and none knows how the others are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..failures import doing
from ..figures import figure_path, split_figure
from ..model import Memory, Page
from .embeds import embed_path, graph_embed
from .facts import Facts
from .parallel import render_pages
from .site import Site


class PageKind(Protocol):
    name: str
    # "first": drawn here before the workers start (what it works out, they inherit); "pool": across the
    # worker processes, many independent pages; "here": drawn here while the workers run.
    where: str

    def keys(self, site: Site) -> list[str]:
        """One key per page this kind makes, in a stable order."""

    def path(self, site: Site, key: str) -> str:
        """The page's docs path; it reads no fact."""

    def draw(self, site: Site, key: str) -> Page:
        """The page, read from the Site's methods only."""


def embeds(kind: PageKind) -> bool:
    """Whether the kind's pages' graphs also stand alone (embeds.py): a kind says so by `embeds = True`, and
    an embed is written (or kept) with its page."""
    return getattr(kind, "embeds", False)


def companions(kind: PageKind, path: str) -> tuple[str, ...]:
    """The files drawn with the page at path, from what it draws: its graph's figure (figures.py) and, if
    the kind embeds, its embed. A page without a graph has neither."""
    return (figure_path(path), embed_path(path)) if embeds(kind) else (figure_path(path),)


class OnePage:
    """A kind that makes one page, at PATH."""

    PATH: str

    def keys(self, site: Site) -> list[str]:
        return [self.PATH]

    def path(self, site: Site, key: str) -> str:
        return self.PATH


@dataclass(frozen=True)
class Rendering:
    pages: list[Page]  # the pages drawn, in a stable order
    kept: list[str]  # docs paths of the last build's pages that stand as they are
    memory: Memory  # what this build's pages read, for the next one


def render_kinds(
    site: Site,
    kinds: tuple[PageKind, ...],
    environment: str,
    previous: Memory | None,
    intact: frozenset[str],
    processes: int,
) -> Rendering:
    """Every page of the kinds: drawn where a fact it read has changed (or it is new, or its file is not as
    the last build left it), else kept. previous counts only if it was made in the same environment."""
    previous = previous if previous is not None and previous.environment == environment else None
    facts = Facts(site, previous)
    todo: dict[str, list[tuple[PageKind, str]]] = {"first": [], "pool": [], "here": []}
    kept: list[str] = []
    reads: dict[str, tuple[str, ...]] = {}
    last = previous.pages if previous is not None else {}
    for kind in kinds:
        for key in kind.keys(site):
            path = kind.path(site, key)
            drawn_with = [other for other in companions(kind, path) if other in last]
            if (
                previous is not None
                and path in intact
                and path in previous.pages
                and facts.unchanged(previous.pages[path])
                and all(other in intact for other in drawn_with)
            ):
                for kept_path in (path, *drawn_with):
                    kept.append(kept_path)
                    reads[kept_path] = previous.pages[path]
            else:
                todo[kind.where].append((kind, key))

    def draw(job: tuple[PageKind, str]) -> list[tuple[Page, tuple[str, ...]]]:
        kind, key = job
        with site.recording() as read, doing(f"drawing {kind.path(site, key)}"):
            page = kind.draw(site, key)
        embed = graph_embed(site, page) if embeds(kind) else None  # lifted from the page as drawn
        page, figure = split_figure(page)
        read_keys = tuple(sorted(read))
        return [(drawn, read_keys) for drawn in (page, figure, embed) if drawn is not None]

    first = [drawn for job in todo["first"] for drawn in draw(job)]
    many, here = render_pages(draw, todo["pool"], processes, lambda: [draw(job) for job in todo["here"]])
    drawn = [*(d for pair in here for d in pair), *first, *(d for pair in many for d in pair)]
    reads.update((page.path, read) for page, read in drawn)
    return Rendering([page for page, _ in drawn], kept, facts.memory(environment, reads))
