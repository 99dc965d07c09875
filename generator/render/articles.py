"""Article pages: headline, dek, 'At a glance', sections with linked mentions, network, source,
previous and next."""

from __future__ import annotations

from bisect import bisect_right

from ..failures import doing
from ..markup import escape_block_start, md_inline, md_text, safe_url
from ..model import Article, EntityMention, EntityType, Page, Reference
from .common import front_matter, md_link, name_link, render_template
from .dates import readable_date
from .drawing import shorten
from .graphs import graph_context
from .paths import anchor_of, article_path
from .site import Site
from .text import dek_of, key_numbers

UNLINKED = frozenset({Reference.PRONOUN, Reference.PAIR})
MAX_SPEAKERS, QUOTES_PER_SPEAKER, SPEAKER_QUOTE_CHARS = 8, 2, 200
GLANCE_LIMITS = {EntityType.PERSON: 6, EntityType.ORGANIZATION: 5, EntityType.PLACE: 5}
GLANCE_DATES = 4


def _linked_text(start: int, text: str, mentions: list[EntityMention], site: Site, current: str) -> str:
    """A block's text as Markdown with each resolved mention linked to its entity page."""
    out, cursor = [], 0
    for em in sorted(mentions, key=lambda m: m.mention.start):
        local_start, local_end = em.mention.start - start, em.mention.end - start
        if local_start < cursor or local_end > len(text):
            continue  # overlapping or outside this block
        # "he" and "the two leaders" count as mentions but are no names: only names are links.
        path = site.entity_path(em.entity) if em.mention.refers not in UNLINKED else None
        out.append(md_inline(text[cursor:local_start]))
        mention_text = text[local_start:local_end]
        out.append(md_link(mention_text, path, current) if path else md_inline(mention_text))
        cursor = local_end
    out.append(md_inline(text[cursor:]))
    return escape_block_start(" ".join("".join(out).split()))


def _glance(article: Article, site: Site, path: str) -> list[tuple[str, str]]:
    """(label, Markdown) rows of the 'At a glance' box; rows without content are left out."""
    item = site.article(article.slug)
    by_type: dict[EntityType, list[str]] = {t: [] for t in GLANCE_LIMITS}
    for ae in site.article_entities(article.slug):  # most mentioned first
        entity = site.entity(ae.entity)
        if entity.type not in by_type or len(by_type[entity.type]) >= GLANCE_LIMITS[entity.type]:
            continue
        text = name_link(entity.name, site.entity_path(entity.id), path)
        if ae.role and entity.type is EntityType.PERSON:
            text += f" ({md_inline(ae.role)})"
        by_type[entity.type].append(text)
    when = [md_inline(readable_date(article.meta.date))] if article.meta.date else []
    shown_dates = set(when)  # the paper's own date once, not again as 'Wednesday'
    for em in sorted(site.mentions_in(article.slug), key=lambda m: m.mention.start):
        if site.entity(em.entity).type is EntityType.DATE and len(when) < GLANCE_DATES:
            resolved, relative = site.dates.resolve(em.mention.text, article.meta.date)
            if (
                resolved
            ):  # an unresolved 'Thursday' tells a reader nothing here; the timeline shows it as written
                label = md_inline(resolved.label)
                shown = f"{label} (“{md_inline(em.mention.text)}”)" if relative else label
                if shown not in shown_dates and label not in shown_dates:
                    shown_dates.add(shown)
                    when.append(f"{shown} [↩](#{anchor_of(item, em.mention.sentence)})")
    numbers = [
        " ".join(
            part
            for part in (md_inline(before), f"**{md_inline(number)}**", md_inline(after), f"[↩](#{anchor})")
            if part
        )
        for before, number, after, anchor in key_numbers(item)
    ]
    rows = [
        ("Who", "; ".join(by_type[EntityType.PERSON])),
        ("Organisations", "; ".join(by_type[EntityType.ORGANIZATION])),
        ("Where", "; ".join(by_type[EntityType.PLACE])),
        ("When", "; ".join(when)),
        ("Key numbers", "; ".join(numbers)),
    ]
    return [(label, value) for label, value in rows if value]


def _who_said_what(site: Site, slug: str, path: str) -> list[tuple[str, list[str]]]:
    """(speaker, their first quotes) for the box of who said what, speakers in the order they first speak."""
    by_speaker: dict[str, list[str]] = {}
    for quotation in site.quotations_in(slug):
        said = by_speaker.setdefault(quotation.speaker, [])
        if len(said) < QUOTES_PER_SPEAKER:
            ev = quotation.evidence
            words = md_inline(shorten(quotation.text, SPEAKER_QUOTE_CHARS))
            said.append(f"“{words}” [↩](#{ev.anchor})" if ev.anchor else f"“{words}”")
    rows = []
    for speaker, said in list(by_speaker.items())[:MAX_SPEAKERS]:
        rows.append((name_link(site.entity(speaker).name, site.entity_path(speaker), path), said))
    return rows


def _source_rows(article: Article) -> list[tuple[str, str]]:
    meta = article.meta
    url = safe_url(meta.url)
    source = article.source.as_posix()
    rows = [
        ("Outlet", md_inline(meta.source) if meta.source else ""),
        ("Author", md_inline(meta.author) if meta.author else ""),
        ("Date", md_inline(readable_date(meta.date)) if meta.date else "Undated"),
        ("Original", f"[{md_inline(url)}]({url})" if url else ""),
        ("Seed file", f"`{source}`" if "`" not in source else md_inline(source)),
    ]
    return [(label, value) for label, value in rows if value]


class ArticlePages:
    """One page per article."""

    name = "article pages"
    where = "pool"
    embeds = True  # its graph stands alone too (embeds.py)

    def keys(self, site: Site) -> list[str]:
        return site.article_slugs()

    def path(self, site: Site, key: str) -> str:
        return article_path(key)

    def draw(self, site: Site, key: str) -> Page:
        item = site.article(key)
        with doing(f"drawing the page of {item.article.source.as_posix()}"):
            return self._draw(site, key, item)

    def _draw(self, site: Site, key: str, item) -> Page:
        path = article_path(key)
        article = item.article
        by_block: dict[int, list[EntityMention]] = {}
        order = sorted(range(len(article.blocks)), key=lambda i: article.blocks[i].start)
        starts = [article.blocks[i].start for i in order]
        for em in site.mentions_in(key):
            at = bisect_right(starts, em.mention.start) - 1  # the last block starting at or before it
            i = order[at] if at >= 0 else -1
            if i >= 0 and em.mention.start < article.blocks[i].start + len(article.blocks[i].text):
                by_block.setdefault(i, []).append(em)
        blocks = []
        for i, block in enumerate(article.blocks):
            if block.kind == "heading":
                text = md_text(block.text)
            else:
                text = _linked_text(block.start, block.text, by_block.get(i, []), site, path)
            blocks.append({"kind": block.kind, "text": text, "anchor": block.anchor})

        entities = []
        for ae in site.article_entities(key):
            entity = site.entity(ae.entity)
            entities.append(
                {
                    "name": entity.name,
                    "type": entity.type.value,
                    "slug": entity.id if site.entity_path(entity.id) else None,
                    "count": ae.count,
                    "role": ae.role,
                }
            )
        meta = {"title": article.title, "explainer": "article", "source_file": article.source.as_posix()}
        for field in ("date", "source", "url", "author", "summary"):
            value = getattr(article.meta, field)
            if value:
                meta[field] = value
        if article.meta.tags:
            meta["tags"] = list(article.meta.tags)
        meta["entities"] = entities

        dek = dek_of(item)
        previous, following = site.neighbours(key)

        def neighbour(slug: str | None) -> str | None:
            return md_link(site.headline(slug).title, article_path(slug), path) if slug else None

        caption = f"How the people, places and organisations in “{article.title}” are connected"
        context = {
            "front_matter": front_matter(meta),
            "title": md_text(article.title),
            "dek": md_text(dek) if dek else "",
            "glance": _glance(article, site, path),
            "blocks": blocks,
            "who_said_what": _who_said_what(site, key, path),
            "graph": graph_context(site.article_graph(key), site, path, caption),
            "source_rows": _source_rows(article),
            "previous": neighbour(previous),
            "next": neighbour(following),
        }
        return Page(path, render_template("article.md.j2", context))
