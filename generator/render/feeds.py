"""Atom feeds (feedgen): the site's newest articles, and for each entity page the newest articles naming it.

Only dated articles go in a feed, newest first. Ids are the pages' addresses
(or, on a site with no site_url, names made from them), and every time in a feed
is an article's own date, so a rebuild of the same seeds writes the same bytes.
"""

from __future__ import annotations

import datetime
import re
import uuid

from feedgen.feed import FeedGenerator

from ..model import Page
from .paths import article_path, entity_page_path, page_url
from .site import Site
from .text import dek_of

SITE_FEED = "feed.xml"
FOLDER = "feeds"
MAX_ENTRIES = 50
SUMMARY_CHARS = 400
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def entity_feed_path(entity_id: str) -> str:
    return f"{FOLDER}/{entity_id}.xml"


def _text(value: str) -> str:
    """Article text as XML can hold it (control characters dropped)."""
    return _NOT_XML.sub("", " ".join(value.split()))


def _when(date: str) -> datetime.datetime | None:
    try:
        day = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def _address(site: Site, path: str) -> str:
    return page_url(site.settings.site_url, site.settings.directory_urls, path)


def _id(site: Site, path: str) -> str:
    """The page's address when the site has one; else a name made from the site and the page, as stable."""
    if site.settings.site_url:
        return _address(site, path)
    return uuid.uuid5(uuid.NAMESPACE_URL, f"explainer:{site.site_name}/{path}").urn


def dated_newest_first(site: Site, slugs: list[str]) -> list[tuple[str, datetime.datetime]]:
    """The dated articles among slugs, newest first (ties by slug), with their dates."""
    dated = [(slug, when) for slug in slugs if (when := _when(site.headline(slug).date or ""))]
    return sorted(dated, key=lambda pair: (-pair[1].timestamp(), pair[0]))[:MAX_ENTRIES]


def _feed(site: Site, path: str, title: str, home: str, entries: list[tuple[str, datetime.datetime, str]]):
    feed = FeedGenerator()
    feed.id(_id(site, path))
    feed.title(_text(title))
    feed.author(name=_text(site.site_name))
    feed.generator("Explainer")
    feed.link(href=_address(site, path), rel="self", type="application/atom+xml")
    feed.link(href=_address(site, home), rel="alternate", type="text/html")
    feed.updated(entries[0][1] if entries else _EPOCH)
    for slug, when, summary in entries:
        headline = site.headline(slug)
        entry = feed.add_entry(order="append")
        entry.id(_id(site, article_path(slug)))
        entry.title(_text(headline.title) or slug)
        entry.link(href=_address(site, article_path(slug)), rel="alternate", type="text/html")
        entry.published(when)
        entry.updated(when)
        if headline.source:
            entry.author(name=_text(headline.source))
        if summary:
            entry.summary(_text(summary)[:SUMMARY_CHARS])
    return feed.atom_str(pretty=True)


def _first_sentences(site: Site, entity_id: str, slugs: set[str]) -> dict[str, str]:
    """For each of these articles, its first sentence that names the entity: what its entry says of it."""
    first: dict[str, str] = {}
    for em in site.mentions_of(entity_id):
        if em.article in slugs and em.article not in first:
            first[em.article] = site.sentence_of(em)[0].text
    return first


class Feeds:
    """feed.xml for the site, and feeds/<id>.xml for each entity page."""

    name = "feeds"
    where = "pool"

    def keys(self, site: Site) -> list[str]:
        return ["", *site.entities_with_a_page()]

    def path(self, site: Site, key: str) -> str:
        return entity_feed_path(key) if key else SITE_FEED

    def draw(self, site: Site, key: str) -> Page:
        if not key:
            newest = dated_newest_first(site, site.reading_order())
            entries = [(slug, when, dek_of(site.article(slug))) for slug, when in newest]
            title = f"{site.site_name}: newest articles"
            return Page(SITE_FEED, _feed(site, SITE_FEED, title, "index.md", entries))
        name = site.entity(key).name
        newest = dated_newest_first(site, site.articles_of(key))
        said = _first_sentences(site, key, {slug for slug, _ in newest})
        entries = [(slug, when, said.get(slug, "")) for slug, when in newest]
        path = entity_feed_path(key)
        return Page(
            path,
            _feed(
                site, path, f"{site.site_name}: new articles naming {name}", entity_page_path(key), entries
            ),
        )
