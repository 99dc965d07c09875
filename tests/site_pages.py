"""Helpers for the reader-facing browser tests: which pages a built site has, and the npm tools."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"


def node_file(path: Path) -> Path:
    """A file installed by `npm ci`; fails (not skips) with the fix when it is missing."""
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run 'make npm' (npm ci from package-lock.json)")
    return path


def built_pages(site: Path) -> list[str]:
    """URLs (relative to the site root, directory style) of every page in a built site, 404 aside."""
    urls = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        urls.append("" if relative == "." else relative + "/")
    return urls


def page_kinds(site: Path) -> dict[str, str | None]:
    """One URL per kind of page (None where the site has none): home, article, entity, network, timeline."""
    pages = built_pages(site)

    def richest_under(folder: str) -> str | None:
        """The page with the most HTML in folder: the one with the most to check."""
        found = [url for url in pages if url.startswith(folder) and url != folder]
        return max(found, key=lambda url: ((site / url / "index.html").stat().st_size, url), default=None)

    def exactly(url: str) -> str | None:
        return url if url in pages else None

    return {
        "home": "",
        "article": richest_under("articles/"),
        "entity": richest_under("entities/"),
        "network": exactly("network/"),
        "timeline": exactly("timeline/"),
    }
