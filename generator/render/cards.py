"""Hover cards: for each entity page, a small script with what the card over a link to it shows.

An article page carries no card data: pages.js loads cards/<id>.js when the
reader first rests on (or focuses, or taps) a link to that entity, which works
from file:// too, where a page may not fetch files. A card changes only with its
entity, so an edit redraws the cards of the entities it touched and no page.
The text is JSON (ASCII-escaped) inside a function call; the script shows it as
text, never as markup.
"""

from __future__ import annotations

import json

from ..model import TYPE_INFO, Page
from . import profile
from .dates import readable_date
from .drawing import shorten
from .site import Site

FOLDER = "cards"
CARD_RELATIONS = 2
DESCRIPTION_CHARS = 240


def card_path(entity_id: str) -> str:
    return f"{FOLDER}/{entity_id}.js"


def card(site: Site, entity_id: str) -> dict:
    """What the card shows: name, type, role, description, counts, first and last seen, two relations."""
    entity = site.entity(entity_id)
    slugs = site.articles_of(entity_id)
    dates = sorted(d for d in (site.headline(s).date for s in slugs) if d)
    shown = {
        "name": entity.name,
        "type": TYPE_INFO[entity.type].label,
        "role": profile.main_role(site, entity_id) or "",
        "description": shorten(entity.description or "", DESCRIPTION_CHARS),
        "mentions": site.mention_count(entity_id),
        "articles": len(slugs),
        "first": readable_date(dates[0]) if dates else "",
        "last": readable_date(dates[-1]) if dates else "",
        "relations": [
            profile.plain_sentence(site, act)
            for act in profile.strongest_acts(site, entity_id, CARD_RELATIONS)
        ],
    }
    return shown


class HoverCards:
    """cards/<id>.js for each entity page: `explainerCard("<id>", {...});`."""

    name = "hover cards"
    where = "pool"

    def keys(self, site: Site) -> list[str]:
        return site.entities_with_a_page()

    def path(self, site: Site, key: str) -> str:
        return card_path(key)

    def draw(self, site: Site, key: str) -> Page:
        data = json.dumps(card(site, key), ensure_ascii=True, separators=(",", ":"))
        return Page(card_path(key), f"explainerCard({json.dumps(key)},{data});\n".encode("ascii"))
