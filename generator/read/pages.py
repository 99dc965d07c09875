"""Saved web pages (.html seeds): the article's main text and its metadata, by trafilatura, set out as a
Markdown seed so the rest of the read stage treats it like any capture.

trafilatura (a well-kept extractor built for this) finds the main text, and
reads the title, date, author, URL and site name from the page's metadata.
What it keeps is text: the page's markup never reaches the site (and the
Markdown it writes is escaped like any seed's). Offsets of an .html seed's
mentions are into this Markdown text, which its article page shows.
"""

from __future__ import annotations

import yaml

from .blocks import first_sentence, headline_from
from .files import SeedError


def page_as_seed(page: str) -> str:
    """The Markdown seed (front matter, then the article) of a saved web page; SeedError if it holds none."""
    import trafilatura  # a second to import: only for sites with saved pages

    found = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True)
    body = trafilatura.extract(
        page,
        output_format="markdown",
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        with_metadata=False,
    )
    if found is None or not body or not body.strip():
        raise SeedError(
            "is a web page with no article text that could be found; save the article's own page, "
            "or paste its text into a .md file"
        )
    # A page without a title of its own is named after its first sentence, which stays its text.
    title = found.title or headline_from(first_sentence(body.strip().lstrip("#").strip()))
    front = {
        "title": title,
        "date": found.date,
        "author": found.author,
        "url": found.url,
        "source": found.sitename if found.sitename and "." not in found.sitename else None,
        "summary": found.description,
        "capture": "html",
    }
    front = {key: " ".join(str(value).split()) for key, value in front.items() if value}
    return (
        "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body.strip() + "\n"
    )
