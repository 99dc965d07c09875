"""What an entity page opens with, and what it gathers from every article: its roles (one line per role),
when it was first and last seen, its strongest relations as sentences, and what it said.

Each helper returns Markdown lines for entity.md.j2; article text in them is escaped like all article text.
"""

from __future__ import annotations

from ..markup import md_inline
from ..model import Act, Quotation
from ..names import fold
from ..verbs import ROLE, SPEAK, VERB, act_sentence
from .common import evidence_link, md_link, name_link
from .dates import readable_date
from .drawing import said, shorten
from .paths import article_path
from .site import Site

KEY_RELATIONS = 3  # relations the page opens with
KEY_ROLES = 3
MAX_QUOTATIONS = 30  # on a person's page; the rest are counted
QUOTATION_MAX_CHARS = 320


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 article', '3 articles'; many for a word that does not take an s ('entities')."""
    return f"{n} {word if n == 1 else many or word + 's'}"


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
        return name_link(text, target, path)

    source, target = site.entity(act.source).name, site.entity(act.target).name
    sentence = act_sentence(VERB[act.verb], source, target, act.mutual, act.detail, linked, act.mood)
    ev = act.evidence
    return f"{sentence} {evidence_link(ev, path)}"


def strongest_acts(site: Site, entity_id: str, limit: int = KEY_RELATIONS) -> list[Act]:
    """The entity's relations that say what they are, on its heaviest links first, each once."""
    done, acts = set(), []
    # What it did first, then what it said; its roles have their own row.
    ranked = sorted(
        (a for a in site.acts_of(entity_id) if a.verb != ROLE.key), key=lambda a: a.verb == SPEAK.key
    )
    for act in ranked:
        key = (act.verb, act.source, act.target, act.mutual, act.detail, act.mood)
        if key not in done:
            done.add(key)
            acts.append(act)
        if len(acts) == limit:
            break
    return acts


def strongest_relations(site: Site, entity_id: str, path: str, limit: int = KEY_RELATIONS) -> list[str]:
    """strongest_acts as sentences, their parties linked, each with its evidence link."""
    return [_act_line(site, act, path, entity_id) for act in strongest_acts(site, entity_id, limit)]


def plain_sentence(site: Site, act: Act) -> str:
    """The act as plain text: 'Kim Jong Un greeted Vladimir Putin'."""
    return said(act, {act.source: site.entity(act.source).name, act.target: site.entity(act.target).name})


def main_role(site: Site, entity_id: str) -> str | None:
    """The role the most articles give the entity (ties by spelling)."""
    counts: dict[str, int] = {}
    for role in site.roles_of(entity_id).values():
        counts[role] = counts.get(role, 0) + 1
    return min(counts, key=lambda r: (-counts[r], r)) if counts else None


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
    back = evidence_link(ev, path)
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


MAX_CHANGES = 10  # articles in an entity's change log
CHANGES_PER_ARTICLE = 3


def changes(site: Site, entity_id: str, path: str) -> tuple[list[str], int]:
    """What's new: the entity's change log, a line per article, newest first, and how many older lines are
    left out.

    Built from its dated articles in date order: where it was first seen, then what each later article
    added (a relation or role not told before, its quotes), each linked to its paragraph. Empty unless
    two dated articles name it.
    """
    dated = [(site.headline(s).date, s) for s in site.articles_of(entity_id)]
    dated = sorted((d, s) for d, s in dated if d)
    if len(dated) < 2:
        return [], 0
    acts: dict[str, list[Act]] = {}
    for act in site.acts_of(entity_id):
        acts.setdefault(act.article, []).append(act)
    said: dict[str, list[Quotation]] = {}
    for quotation in site.quotations_of(entity_id):
        said.setdefault(quotation.article, []).append(quotation)
    roles_in = site.roles_of(entity_id)
    told: set[tuple] = set()
    lines: list[str] = []
    for i, (date, slug) in enumerate(dated):
        when = md_inline(readable_date(date))
        headline = site.headline(slug)
        # What it did, then a new role, then what it said (its quotes, then whom it spoke of).
        deeds, sayings = [], []
        for act in acts.get(slug, ()):
            key = (act.verb, act.source, act.target, act.mutual, act.detail)
            if act.verb != ROLE.key and key not in told:  # roles come from the sidebar's role, below
                told.add(key)
                (sayings if act.verb == SPEAK.key else deeds).append(_act_line(site, act, path, entity_id))
        role = roles_in.get(slug)
        if role and ("role", fold(role)) not in told:
            told.add(("role", fold(role)))
            deeds.append(f"named {md_inline(role)} {md_link('↩', article_path(slug), path)}")
        quotes = said.get(slug, ())
        if quotes:
            first = quotes[0].evidence
            where = article_path(slug) + (f"#{first.anchor}" if first.anchor else "")
            sayings.insert(0, f"quoted {plural(len(quotes), 'time')} {md_link('↩', where, path)}")
        if i == 0:  # what the first article tells is where the story of it starts
            deeds, sayings = [f"first seen, in {md_link(headline.title, article_path(slug), path)}"], []
        told_here = [*deeds, *sayings][:CHANGES_PER_ARTICLE]
        if told_here:
            lines.append(f"**{when}** · " + "; ".join(told_here))
    lines.reverse()
    return lines[:MAX_CHANGES], max(0, len(lines) - MAX_CHANGES)
