"""The Timeline page: articles by date, then the dated statements in their text.

A dated statement is a DATE mention with its sentence: 1991 — '… since the
Soviet Union ended in 1991'. Relative expressions ('Wednesday') are resolved
against the article's date (dates.py) where it has one, else shown as written.
"""

from __future__ import annotations

from ..markup import html_text, md_inline
from ..model import Page
from .common import front_matter, md_link, render_template
from .dates import readable_date
from .embeds import snippet
from .kinds import OnePage
from .paths import anchor_of, article_path
from .site import Site

PATH = "timeline.md"
MAX_STATEMENTS = 2000  # a page, not a database: large sites show the first ones and say how many are left
MAX_AS_WRITTEN = 500


class TimelinePage(OnePage):
    PATH = PATH
    name = "timeline"
    # Drawn before the article pages' workers start: it resolves every date, and they inherit the answers.
    where = "first"

    def draw(self, site: Site, key: str) -> Page:
        order = site.reading_order()
        dated_articles, undated_articles = [], []
        for slug in order:
            headline = site.headline(slug)
            link = md_link(headline.title, article_path(slug), PATH)
            if headline.date:
                dated_articles.append(f"**{md_inline(readable_date(headline.date))}** — {link}")
            else:
                undated_articles.append(link)

        statements: list[tuple[tuple, str]] = []
        as_written: list[str] = []
        seen: set[tuple[str, int, str]] = set()
        for slug in order:
            item = site.article(slug)
            for em in sorted(site.mentions_in(slug), key=lambda m: m.mention.start):
                if not site.is_date(em.entity):
                    continue
                key = (slug, em.mention.sentence, em.mention.text)
                if key in seen:
                    continue
                seen.add(key)
                when, relative = site.dates.resolve(em.mention.text, item.article.meta.date)
                if when is None and not relative:
                    continue
                sentence = " ".join(item.sentences[em.mention.sentence].text.split())
                anchor = anchor_of(item, em.mention.sentence)
                source = md_link(
                    item.article.title, article_path(slug) + (f"#{anchor}" if anchor else ""), PATH
                )
                quote = f"“{md_inline(sentence)}” — {source}"
                written = md_inline(em.mention.text)
                if when is None:
                    as_written.append(f"**{written}** — {quote}")
                    continue
                label = md_inline(when.label) + (f" (“{written}”)" if relative else "")
                statements.append(
                    ((when.day, when.period != "decade", slug, em.mention.start), f"**{label}** — {quote}")
                )
        statements.sort(key=lambda s: s[0])
        left_off = max(0, len(statements) - MAX_STATEMENTS) + max(0, len(as_written) - MAX_AS_WRITTEN)
        return Page(
            PATH,
            render_template(
                "timeline.md.j2",
                {
                    "front_matter": front_matter({"title": "Timeline", "explainer": "timeline"}),
                    "dated_articles": dated_articles,
                    "undated_articles": undated_articles,
                    "statements": [line for _, line in statements[:MAX_STATEMENTS]],
                    "as_written": as_written[:MAX_AS_WRITTEN],
                    "left_off": left_off,
                    "embed": html_text(snippet(site, PATH, "Timeline")) if dated_articles else "",
                },
            ),
        )
