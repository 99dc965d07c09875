"""What a build writes and remembers, and the problems it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Page:
    """A file the generator writes into docs/, path relative to docs/."""

    path: str
    content: bytes


@dataclass(frozen=True)
class Memory:
    """What the last build drew its pages from, so the next draws only the pages whose facts changed.

    facts holds a digest of every fact of the site a page read (render/site.py
    names them); pages holds, for each page drawn, the facts it read; made_from,
    for each fact worked out from others (a figure's view), those others.
    """

    environment: str  # digest of the code, settings and libraries: another one draws every page
    facts: dict[str, str]  # fact key → digest
    pages: dict[str, tuple[str, ...]]  # docs path → keys of the facts it read
    named: dict[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # Article.slug → ids of the entities it names
    made_from: dict[str, tuple[str, ...]] = field(default_factory=dict)  # fact key → keys of its sources


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, told to the editor in one line."""

    path: str
    message: str
    line: int | None = None
    severity: str = "warning"  # "warning" (built anyway) or "error" (skipped)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Report:
    """Problems collected during a build; the CLI and the hook decide how to show them. Debug notes (what
    was cut from a web capture, and why) are kept apart: they are no problem, and --strict ignores them."""

    problems: list[Problem] = field(default_factory=list)
    debug: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, message: str, line: int | None = None, severity: str = "warning") -> None:
        (self.debug if severity == "debug" else self.problems).append(
            Problem(str(path), message, line, severity)
        )
