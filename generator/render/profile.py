"""What an entity page opens with, and what it gathers from every article: its roles (one line per role),
when it was first and last seen, its strongest relations as sentences, and what it said.

Each helper returns Markdown lines for entity.md.j2; article text in them is escaped like all article text.
"""

from __future__ import annotations

from ..markup import md_inline
from ..model import Act, Quotation
from ..names import fold
from ..verbs import ROLE, SPEAK, VERB, act_sentence
from .common import md_link
from .dates import readable_date
from .drawing import shorten
from .paths import article_path
from .site import Site

KEY_RELATIONS = 3  # relations the page opens with
KEY_ROLES = 3
MAX_QUOTATIONS = 30  # on a person's page; the rest are counted
QUOTATION_MAX_CHARS = 320


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def date_range(site: Site, slugs: list[str]) -> str:
    """'12 June 2024', '12 June 2024 – 19 June 2024', or '' for undated articles."""
    dates = sorted(d for d in (site.headline(s).date for s in slugs) if d)
    if not dates:
        return ""
    first, last = readable_date(dates[0]), readable_date(dates[-1])
    return first if first == last else f"{first} – {last}"


def roles(site: Site, entity_id: str, path: str) -> list[tuple[str, str]]:
    """(role, where and when) per distinct role, the most used first: 'Russian President', 'in 3 articles,
    12 June 2024 – 19 June 2024'. Up to three articles are linked by title."""
    by_role: dict[str, list[str]] = {}
    spelling: dict[str, dict[str, int]] = {}
    roles_in = site.roles_of(entity_id)
    for slug in site.articles_of(entity_id):
        role = roles_in.get(slug)
        if role:
            key = fold(role)
            by_role.setdefault(key, []).append(slug)
            spelling.setdefault(key, {}).setdefault(role, 0)
            spelling[key][role] += 1
    lines = []
    for key in sorted(by_role, key=lambda k: (-len(by_role[k]), k)):
        slugs = by_role[key]
        shown = min(spelling[key], key=lambda r: (-spelling[key][r], r))
        if len(slugs) <= 3:
            where = "in " + ", ".join(md_link(site.headline(s).title, article_path(s), path) for s in slugs)
        else:
            where = f"in {plural(len(slugs), 'article')}"
        when = date_range(site, slugs)
        lines.append((md_inline(shown), f"{where}{', ' + md_inline(when) if when else ''}"))
    return lines


def _act_line(site: Site, act: Act, path: str, own: str) -> str:
    def linked(who: str, text: str) -> str:
        entity_id = act.source if who == "doer" else act.target
        target = site.entity_path(entity_id) if entity_id != own else None  # no link to the page itself
        return md_link(text, target, path) if target else md_inline(text)

    source, target = site.entity(act.source).name, site.entity(act.target).name
    sentence = act_sentence(VERB[act.verb], source, target, act.mutual, act.detail, linked, act.mood)
    ev = act.evidence
    return (
        f"{sentence} {md_link('↩', article_path(ev.article) + (f'#{ev.anchor}' if ev.anchor else ''), path)}"
    )


def strongest_relations(site: Site, entity_id: str, path: str, limit: int = KEY_RELATIONS) -> list[str]:
    """The entity's relations that say what they are, on its heaviest links first, each once."""
    done, lines = set(), []
    # What it did first, then what it said; its roles have their own row.
    ranked = sorted(
        (a for a in site.acts_of(entity_id) if a.verb != ROLE.key), key=lambda a: a.verb == SPEAK.key
    )
    for act in ranked:
        key = (act.verb, act.source, act.target, act.mutual, act.detail, act.mood)
        if key not in done:
            done.add(key)
            lines.append(_act_line(site, act, path, entity_id))
        if len(lines) == limit:
            break
    return lines


def seen(site: Site, entity_id: str, path: str) -> tuple[str, str] | None:
    """(first, last): the first and last article naming it in reading order, each with its date."""
    slugs = site.articles_of(entity_id)
    if not slugs:
        return None

    def told(slug: str) -> str:
        headline = site.headline(slug)
        when = readable_date(headline.date)
        return md_link(headline.title, article_path(slug), path) + (f" ({md_inline(when)})" if when else "")

    return told(slugs[0]), told(slugs[-1])


def quotation_line(site: Site, quotation: Quotation, path: str, with_article: bool = True) -> str:
    """“The quoted words” — the article, its date ↩ (the paragraph)."""
    ev = quotation.evidence
    back = md_link("↩", article_path(ev.article) + (f"#{ev.anchor}" if ev.anchor else ""), path)
    words = f"“{md_inline(shorten(quotation.text, QUOTATION_MAX_CHARS))}”"
    if not with_article:
        return f"{words} {back}"
    headline = site.headline(quotation.article)
    when = readable_date(headline.date)
    article = md_link(headline.title, article_path(quotation.article), path)
    return f"{words} — {article}{', ' + md_inline(when) if when else ''} {back}"


def what_they_said(site: Site, entity_id: str, path: str) -> tuple[list[str], int]:
    """The entity's quotations as lines (up to MAX_QUOTATIONS), and how many more there are."""
    said = site.quotations_of(entity_id)
    return [quotation_line(site, q, path) for q in said[:MAX_QUOTATIONS]], max(0, len(said) - MAX_QUOTATIONS)
