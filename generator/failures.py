"""Bugs, told so an editor can report them: a one-line 'internal error' that says what the build was doing
(which seed, which page) before the traceback. Input problems never get here: they are reported as
Problems, and the build goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def doing(what: str) -> Iterator[None]:
    """Mark an exception escaping the block with what the build was doing ('reading seeds/a.txt'); the
    innermost mark is kept. The mark survives the trip back from a worker process."""
    try:
        yield
    except Exception as error:
        if not getattr(error, "explainer_doing", None):
            error.explainer_doing = what
        raise


def internal_error(error: BaseException) -> str:
    """The one line a bug is told in, before its traceback."""
    where = getattr(error, "explainer_doing", None)
    return (
        f"internal error: {type(error).__name__}: {error}"
        + (f" (while {where})" if where else "")
        + "; please report it, with the traceback below"
    )


def environment_error(error: OSError) -> str:
    """The one line a file the build cannot read or write is told in (no traceback: it is not a bug)."""
    what = f"{error.filename}: " if error.filename else ""
    return f"error: {what}{error.strerror or error}; check that it exists and the build may read and write it"
