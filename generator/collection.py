"""When Python's garbage collector runs during a build.

A build keeps millions of objects alive to its end (the seeds' extractions, the
last build's memory, MkDocs' list of tens of thousands of files) and makes few
reference cycles. At Python's default, a collection every 700 new objects,
collections walked those objects again and again: 1.3-1.8 s of a `mkdocs build`
after a one-paragraph edit of the BBC site (10-15 s), and 2.6-2.8 s of each
`mkdocs serve` rebuild, whose process also keeps the model and its session.
So a build collects every YOUNG_THRESHOLD new objects (0.2-0.3 s in all); the
cycles that form meanwhile (spaCy's documents, MkDocs' pages) are still freed.
The stages before rendering run with the collector off (spaCy's work turns it
back on: its documents hold reference cycles). Extraction does not import this
module, so that a change here does not send every seed through spaCy again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 100_000


class FewerCollections:
    """The collector's first threshold raised from start() to stop(), then as it was; for code whose start
    and end are separate calls (the MkDocs hook's events). A collector turned off stays off."""

    def __init__(self) -> None:
        self._saved: tuple[int, ...] | None = None

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            young = self._saved[0] and max(YOUNG_THRESHOLD, self._saved[0])  # 0: no automatic collection
            gc.set_threshold(young, *self._saved[1:])

    def stop(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The collector runs every YOUNG_THRESHOLD new objects within the block (or less often, if it already
    does)."""
    fewer = FewerCollections()
    fewer.start()
    try:
        yield
    finally:
        fewer.stop()


def free_the_last_build() -> None:
    """One full collection, for a process that builds again after each save (`mkdocs serve`): with full
    collections rarer, the cycles each build leaves (MkDocs' files, pages and nav, which hold the pages'
    HTML) would pile up over many saves. It costs a few tenths of a second."""
    gc.collect()


@contextmanager
def collection_off() -> Iterator[None]:
    """The collector off within the block, then as it was: for stages that make millions of objects that
    live to the build's end, and hardly any reference cycles."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
