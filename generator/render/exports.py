"""The site's data for journalists to reuse: entities, relations and quotes as CSV, the graph as GraphML and
GEXF (networkx's writers), everything as one JSON file, and a JSON file per entity page.

Every file is deterministic: rows in the site's stable orders, no build time in any of them. A CSV cell that
a spreadsheet would run as a formula is neutralised (a leading apostrophe), since names and quotes are
article text.
"""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx

from ..model import TYPE_INFO, Act, Page
from .paths import article_path, page_url
from .profile import plain_sentence
from .site import Site

FOLDER = "data"
ENTITY_FOLDER = f"{FOLDER}/entities"
SITE_FILES = ("entities.csv", "relations.csv", "quotes.csv", "graph.graphml", "graph.gexf", "site.json")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A cell's text; one a spreadsheet would read as a formula ('=HYPERLINK(…)', '+1', '@x') gets a
    leading apostrophe, which spreadsheets show as text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8")


def _json(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _url(site: Site, path: str | None) -> str:
    return page_url(site.settings.site_url, site.settings.directory_urls, path) if path else ""


def entity_record(site: Site, entity_id: str) -> dict:
    """One entity as the downloads give it: who it is, how often and where it is named, its page."""
    entity = site.entity(entity_id)
    roles_in = site.roles_of(entity_id)
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "aliases": [a for a in entity.aliases if a != entity.name],
        "roles": sorted(set(roles_in.values()), key=lambda role: (role.casefold(), role)),
        "mentions": site.mention_count(entity_id),
        "articles": site.article_count(entity_id),
        "description": entity.description or "",
        "page": _url(site, site.entity_path(entity_id)),
    }


def relation_record(site: Site, act: Act) -> dict:
    """One relation: who, what, whom, and the sentence and paragraph that say so."""
    ev = act.evidence
    return {
        "source": act.source,
        "relation": act.verb,
        "target": act.target,
        "says": plain_sentence(site, act),
        "article": act.article,
        "paragraph": _url(site, article_path(act.article)) + (f"#{ev.anchor}" if ev.anchor else ""),
        "evidence": ev.sentence,
    }


def quote_record(site: Site, quotation) -> dict:
    ev = quotation.evidence
    return {
        "speaker": quotation.speaker,
        "name": site.entity(quotation.speaker).name,
        "quote": quotation.text,
        "article": quotation.article,
        "paragraph": _url(site, article_path(quotation.article)) + (f"#{ev.anchor}" if ev.anchor else ""),
        "sentence": ev.sentence,
    }


def _relations(site: Site) -> list[dict]:
    return [relation_record(site, act) for _, _, link in site.graph_links() for act in link.acts]


def _entities(site: Site) -> list[dict]:
    return [entity_record(site, e) for e in site.ranked_entities()]


def _graph(site: Site) -> nx.Graph:
    """The whole site graph with what a graph tool shows: labels, types, counts, page addresses, and on each
    edge its weight and what its relations say."""
    graph = nx.Graph()
    for entity_id in site.graph_members():
        node = site.node(entity_id)
        graph.add_node(
            entity_id,
            label=node.name,
            type=node.type.value,
            mentions=node.mentions,
            articles=node.articles,
            role=node.role or "",
            page=_url(site, site.entity_path(entity_id)),
        )
    for a, b, link in site.graph_links():
        says = [plain_sentence(site, act) for act in link.acts]
        graph.add_edge(a, b, weight=link.weight, relations="; ".join(dict.fromkeys(says)))
    return graph


def _newest_date(site: Site) -> str | None:
    dates = [d for d in (site.headline(s).date for s in site.reading_order()) if d]
    return max(dates) if dates else None


def _gexf(site: Site) -> bytes:
    text = "\n".join(nx.generate_gexf(_graph(site))) + "\n"
    # networkx stamps the day it ran: the newest article's date instead (or none), so a rebuild is the same.
    newest = _newest_date(site)
    stamp = f'lastmodifieddate="{newest[:10]}"' if newest else ""
    return re.sub(r'\s?lastmodifieddate="[^"]*"', f" {stamp}" if stamp else "", text, count=1).encode("utf-8")


def _site_json(site: Site) -> bytes:
    articles = []
    for slug in site.reading_order():
        headline = site.headline(slug)
        articles.append(
            {
                "slug": slug,
                "title": headline.title,
                "date": headline.date,
                "outlet": headline.source,
                "page": _url(site, headline.path),
            }
        )
    return _json(
        {
            "site": site.site_name,
            "types": {info.type.value: info.label for info in TYPE_INFO.values()},
            "articles": articles,
            "entities": _entities(site),
            "relations": _relations(site),
            "quotes": [quote_record(site, q) for q in site.every_quotation()],
        }
    )


def _entities_csv(site: Site) -> bytes:
    header = ["id", "name", "type", "aliases", "roles", "mentions", "articles", "page"]
    rows = []
    for record in _entities(site):
        record = {**record, "aliases": "; ".join(record["aliases"]), "roles": "; ".join(record["roles"])}
        rows.append([record[key] for key in header])
    return _csv(header, rows)


def _rows(records: list[dict], header: list[str]) -> bytes:
    return _csv(header, [[record[key] for key in header] for record in records])


def _site_file(site: Site, name: str) -> bytes:
    if name == "entities.csv":
        return _entities_csv(site)
    if name == "relations.csv":
        header = ["source", "relation", "target", "says", "article", "paragraph", "evidence"]
        return _rows(_relations(site), header)
    if name == "quotes.csv":
        header = ["speaker", "name", "quote", "article", "paragraph", "sentence"]
        return _rows([quote_record(site, q) for q in site.every_quotation()], header)
    if name == "graph.graphml":
        return ("\n".join(nx.generate_graphml(_graph(site))) + "\n").encode("utf-8")
    if name == "graph.gexf":
        return _gexf(site)
    return _site_json(site)


class SiteData:
    """The site-wide downloads listed on the Data page; each reads the whole site."""

    name = "data files"
    where = "here"

    def keys(self, site: Site) -> list[str]:
        return list(SITE_FILES)

    def path(self, site: Site, key: str) -> str:
        return f"{FOLDER}/{key}"

    def draw(self, site: Site, key: str) -> Page:
        return Page(self.path(site, key), _site_file(site, key))


def entity_data_path(entity_id: str) -> str:
    return f"{ENTITY_FOLDER}/{entity_id}.json"


class EntityData:
    """A JSON file per entity page: the record, every mention with its sentence, relations and quotes."""

    name = "entity data"
    where = "pool"

    def keys(self, site: Site) -> list[str]:
        return site.entities_with_a_page()

    def path(self, site: Site, key: str) -> str:
        return entity_data_path(key)

    def draw(self, site: Site, key: str) -> Page:
        mentions = []
        for em in site.mentions_of(key):
            sentence, anchor = site.sentence_of(em)
            mentions.append(
                {
                    "article": em.article,
                    "text": em.mention.text,
                    **({"refers": em.mention.refers.value} if em.mention.refers else {}),
                    "sentence": " ".join(sentence.text.split()),
                    "paragraph": _url(site, article_path(em.article)) + (f"#{anchor}" if anchor else ""),
                }
            )
        record = {
            **entity_record(site, key),
            "mentions_in_context": mentions,
            "relations": [relation_record(site, act) for act in site.acts_of(key)],
            "quotes": [quote_record(site, q) for q in site.quotations_of(key)],
        }
        return Page(self.path(site, key), _json(record))
