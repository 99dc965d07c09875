"""URL slugs: lowercase, hyphenated, unique within a site, stable across builds."""

from __future__ import annotations

from slugify import slugify

MAX_SLUG_LENGTH = 60


def slug_of(name: str) -> str:
    """'Vladimir Putin' → 'vladimir-putin'; never empty."""
    return slugify(name, max_length=MAX_SLUG_LENGTH, word_boundary=True) or "untitled"


class SlugRegistry:
    """Hands out unique slugs; the same key always gets the same slug.

    Claims must be made in a stable order (sorted paths, sorted entity keys) so
    that a collision is resolved the same way on every build.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = {
            "index"
        }  # each folder's own list page (entities/index.md, articles/index.md)

    def claim(self, name: str, key: str) -> str:
        if key in self._by_key:
            return self._by_key[key]
        base = slug_of(name)
        slug, n = base, 2
        while slug in self._taken:
            slug, n = f"{base}-{n}", n + 1
        self._taken.add(slug)
        self._by_key[key] = slug
        return slug
