"""Render independent pages across processes: article and entity pages need nothing from each other.

Workers are forked, so they share the parent's corpus and graph without
pickling them; only page keys go out and finished Pages come back, in order.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from typing import TypeVar

PARALLEL_FROM_PAGES = 200  # below this, starting workers costs more than it saves

K = TypeVar("K")
R = TypeVar("R")
T = TypeVar("T")

_render_one: Callable | None = None  # set before the fork; each worker inherits it


def _run(key):
    assert _render_one is not None
    return _render_one(key)


def render_pages(
    render_one: Callable[[K], R], keys: Sequence[K], processes: int, meanwhile: Callable[[], T]
) -> tuple[list[R], T]:
    """render_one(key) for every key, in key order, over `processes` forked workers when it pays;
    and meanwhile(), in this process, while they work."""
    if (
        processes <= 1
        or len(keys) < PARALLEL_FROM_PAGES
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [render_one(key) for key in keys], meanwhile()
    global _render_one
    _render_one = render_one
    try:
        # The workers collect garbage (the parent may not, see pipeline); they inherit the corpus frozen.
        with multiprocessing.get_context("fork").Pool(processes, initializer=gc.enable) as pool:
            pending = pool.map_async(_run, keys, chunksize=max(1, len(keys) // (processes * 16)))
            also = meanwhile()
            return pending.get(), also
    finally:
        _render_one = None
