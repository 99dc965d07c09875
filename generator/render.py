"""Stage 5, render: corpus and graph → Markdown pages (and the site's assets).

Pages are Jinja2 templates fed with text that markup.py has already made safe;
the templates hold layout only. Links between generated pages are relative
.md links so MkDocs checks them; links inside raw HTML (the graph's SVG) use the
`explainer:` scheme, which the MkDocs hook turns into page URLs.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import yaml

from .config import Settings
from .markup import escape_block_start, html_attr, md_inline, md_text, safe_url
from .model import Article, Corpus, EntityMention, EntityType, Page
from .network import TYPE_LABELS, DrawnGraph, draw
from .relate import article_view

MAX_MENTIONS_PER_ARTICLE = 20
SIDEBAR_GROUPS = (
    ("person", "People"),
    ("place", "Places"),
    ("organization", "Organisations"),
    ("date", "Dates"),
    ("group", "Groups"),
    ("event", "Events"),
    ("other", "Other"),
)

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=False,  # Markdown out; every value is escaped by markup.py before it gets here
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def front_matter(values: dict) -> str:
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000)


def md_link(text: str, target: str, current: str) -> str:
    """A Markdown link from page `current` to docs path `target` (both relative to docs/)."""
    relative = posixpath.relpath(target.split("#")[0], posixpath.dirname(current) or ".")
    anchor = "#" + target.split("#", 1)[1] if "#" in target else ""
    return f"[{md_inline(text)}]({relative}{anchor})"


@dataclass(frozen=True)
class SiteIndex:
    """Where each page lives, so every renderer links the same way."""

    corpus: Corpus

    def article_path(self, slug: str) -> str:
        return f"articles/{slug}.md"

    def entity_path(self, entity_id: str) -> str | None:
        return f"entities/{entity_id}.md" if entity_id in self.corpus.entities else None


def graph_context(view: nx.Graph, index: SiteIndex, current: str, settings: Settings, caption: str) -> dict | None:
    """Template values for a graph figure and its list of relations."""
    if view.number_of_nodes() == 0:
        return None

    def href(node: str) -> str | None:
        path = index.entity_path(node)
        return f"explainer:{path}" if path else None

    drawn: DrawnGraph = draw(view, settings.layout_seed, href, caption)

    def link(node: str) -> str:
        path = index.entity_path(node)
        name = view.nodes[node]["name"]
        return md_link(name, path, current) if path else md_inline(name)

    relations = []
    ranked = sorted(view.edges(data=True), key=lambda e: (-e[2].get("weight", 1), min(e[0], e[1]), max(e[0], e[1])))
    for a, b, data in ranked:
        a, b = sorted((a, b))
        evidence = data.get("evidence") or []
        quote = f"“{md_inline(evidence[0].sentence)}”" if evidence else ""
        relations.append({"a_link": link(a), "b_link": link(b), "evidence": quote})
    return {
        "drawn": drawn,
        "data_attr": html_attr(drawn.data_json),
        "caption": md_inline(caption),
        "relations": relations,
    }


def _linked_text(article: Article, start: int, text: str, mentions: list[EntityMention], index: SiteIndex, current: str) -> str:
    """A block's text as Markdown with each resolved mention linked to its entity page."""
    out, cursor = [], 0
    for em in sorted(mentions, key=lambda m: m.mention.start):
        local_start, local_end = em.mention.start - start, em.mention.end - start
        if local_start < cursor or local_end > len(text):
            continue  # overlapping or outside this block
        path = index.entity_path(em.entity)
        out.append(md_inline(text[cursor:local_start]))
        mention_text = text[local_start:local_end]
        out.append(md_link(mention_text, path, current) if path else md_inline(mention_text))
        cursor = local_end
    out.append(md_inline(text[cursor:]))
    return escape_block_start(" ".join("".join(out).split()))


def render_article(article: Article, corpus: Corpus, graph: nx.Graph, index: SiteIndex, settings: Settings) -> Page:
    path = index.article_path(article.slug)
    by_block: dict[int, list[EntityMention]] = defaultdict(list)
    block_spans = [(b.start, b.start + len(b.text)) for b in article.blocks]
    for em in corpus.mentions:
        if em.article != article.slug:
            continue
        for i, (s, e) in enumerate(block_spans):
            if s <= em.mention.start < e:
                by_block[i].append(em)
                break
    blocks = []
    for i, block in enumerate(article.blocks):
        if block.kind == "heading":
            text = md_text(block.text)
        else:
            text = _linked_text(article, block.start, block.text, by_block[i], index, path)
        blocks.append({"kind": block.kind, "text": text, "anchor": block.anchor})

    entities = []
    for ae in corpus.article_entities[article.slug]:
        entity = corpus.entities[ae.entity]
        entities.append({
            "name": entity.name,
            "type": entity.type.value,
            "slug": entity.id if index.entity_path(entity.id) else None,
            "count": ae.count,
            "role": ae.role,
        })
    meta = {"title": article.title, "explainer": "article", "source_file": article.source.as_posix()}
    for key in ("date", "source", "url", "author", "summary"):
        value = getattr(article.meta, key)
        if value:
            meta[key] = value
    if article.meta.tags:
        meta["tags"] = list(article.meta.tags)
    meta["entities"] = entities

    source_bits = []
    if article.meta.source:
        url = safe_url(article.meta.url)
        source_bits.append(f"[{md_inline(article.meta.source)}]({url})" if url else md_inline(article.meta.source))
    elif safe_url(article.meta.url):
        source_bits.append(f"[Original article]({safe_url(article.meta.url)})")
    if article.meta.author:
        source_bits.append(md_inline(article.meta.author))
    if article.meta.date:
        source_bits.append(md_inline(article.meta.date))
    source_line = "Source: " + " · ".join(source_bits) if source_bits else ""

    view = article_view(graph, corpus, article.slug)
    context = {
        "front_matter": front_matter(meta),
        "title": md_text(article.title),
        "source_line": source_line,
        "blocks": blocks,
        "graph": graph_context(view, index, path, settings, f"How the people, places and organisations in “{article.title}” are connected"),
    }
    return Page(path, _env.get_template("article.md.j2").render(context).encode("utf-8"))


def _highlighted(sentence_text: str, sentence_start: int, em: EntityMention) -> str:
    local_start = em.mention.start - sentence_start
    local_end = em.mention.end - sentence_start
    before, inside, after = sentence_text[:local_start], sentence_text[local_start:local_end], sentence_text[local_end:]
    return f"{md_inline(before)}<mark>{md_inline(inside)}</mark>{md_inline(after)}"


def render_entity(entity_id: str, corpus: Corpus, graph: nx.Graph, index: SiteIndex, settings: Settings) -> Page:
    entity = corpus.entities[entity_id]
    path = index.entity_path(entity_id)
    by_article: dict[str, list[EntityMention]] = defaultdict(list)
    for em in corpus.mentions:
        if em.entity == entity_id:
            by_article[em.article].append(em)
    items = {item.article.slug: item for item in corpus.articles}
    groups = []
    roles = []
    for slug in sorted(by_article, key=lambda s: (items[s].article.title.casefold(), s)):
        item = items[slug]
        lines = []
        mentions = sorted(by_article[slug], key=lambda m: m.mention.start)
        for em in mentions[:MAX_MENTIONS_PER_ARTICLE]:
            sentence = item.sentences[em.mention.sentence]
            anchor = item.article.blocks[sentence.block].anchor if sentence.block >= 0 else ""
            quote = " ".join(_highlighted(sentence.text, sentence.start, em).split())
            target = index.article_path(slug) + (f"#{anchor}" if anchor else "")
            lines.append(f"{quote} {md_link('↩', target, path)}")
        if len(mentions) > MAX_MENTIONS_PER_ARTICLE:
            lines.append(f"… and {len(mentions) - MAX_MENTIONS_PER_ARTICLE} more in this article")
        groups.append({"article_link": md_link(item.article.title, index.article_path(slug), path), "lines": lines})
        for ae in corpus.article_entities[slug]:
            if ae.entity == entity_id and ae.role and ae.role not in roles:
                roles.append(ae.role)
    view = nx.ego_graph(graph, entity_id, radius=1) if entity_id in graph else nx.Graph()
    meta = {"title": entity.name, "explainer": "entity", "entity_type": entity.type.value}
    if entity.aliases:
        meta["aliases"] = list(entity.aliases)
    context = {
        "front_matter": front_matter(meta),
        "name": md_text(entity.name),
        "type_label": TYPE_LABELS[entity.type.value],
        "roles": md_inline(", ".join(roles)),
        "mention_groups": groups,
        "graph": graph_context(view, index, path, settings, f"Who and what {entity.name} is connected with"),
    }
    return Page(path, _env.get_template("entity.md.j2").render(context).encode("utf-8"))


def render_home(corpus: Corpus, index: SiteIndex, site_name: str) -> list[Page]:
    articles = sorted((item.article for item in corpus.articles), key=lambda a: (a.title.casefold(), a.slug))
    mention_counts: dict[str, int] = defaultdict(int)
    for em in corpus.mentions:
        mention_counts[em.entity] += 1
    top = sorted(
        (e for e in mention_counts if corpus.entities[e].type not in (EntityType.DATE,)),
        key=lambda e: (-mention_counts[e], corpus.entities[e].name.casefold()),
    )[:12]
    home_links = [md_link(a.title, index.article_path(a.slug), "index.md") for a in articles]
    plural = "article" if len(articles) == 1 else "articles"
    home = _env.get_template("home.md.j2").render({
        "front_matter": front_matter({"title": site_name, "explainer": "home"}),
        "site_name": md_text(site_name),
        "summary": f"{len(articles)} {plural}, {len(corpus.entities)} people, places, organisations and dates.",
        "articles": home_links,
        "top_entities": [
            f"{md_link(corpus.entities[e].name, index.entity_path(e), 'index.md')} — {TYPE_LABELS[corpus.entities[e].type.value].lower()}, {mention_counts[e]} mentions"
            for e in top if index.entity_path(e)
        ],
    })
    listing = _env.get_template("articles_index.md.j2").render({
        "front_matter": front_matter({"title": "Articles", "explainer": "articles"}),
        "articles": [md_link(a.title, index.article_path(a.slug), "articles/index.md") for a in articles],
    })
    return [Page("index.md", home.encode("utf-8")), Page("articles/index.md", listing.encode("utf-8"))]


def render_network(graph: nx.Graph, index: SiteIndex, settings: Settings) -> Page:
    keep = [n for n, d in graph.nodes(data=True) if d["mentions"] >= settings.network_min_mentions]
    keep = sorted(keep, key=lambda n: (-graph.degree(n), n))[: settings.network_max_nodes]
    view = graph.subgraph(keep).copy()
    summary = f"{view.number_of_nodes()} entities and {view.number_of_edges()} connections across the site."
    context = {
        "front_matter": front_matter({"title": "Network", "explainer": "network"}),
        "summary": summary,
        "graph": graph_context(view, index, "network.md", settings, "Every entity on the site and how they are connected"),
    }
    return Page("network.md", _env.get_template("network.md.j2").render(context).encode("utf-8"))


def render_assets() -> list[Page]:
    """The site's one script, its stylesheet and the vendored vis-network (from the pyvis wheel)."""
    ours = resources.files("generator") / "assets"
    vis = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return [
        Page("assets/explainer/explainer.js", (ours / "explainer.js").read_bytes()),
        Page("assets/explainer/explainer.css", (ours / "explainer.css").read_bytes()),
        Page("assets/explainer/vis-network.min.js", vis.read_bytes()),
    ]


def render_site(corpus: Corpus, graph: nx.Graph, settings: Settings, site_name: str) -> list[Page]:
    """Every page of the site, in a stable order."""
    index = SiteIndex(corpus)
    pages = render_home(corpus, index, site_name)
    for item in corpus.articles:
        pages.append(render_article(item.article, corpus, graph, index, settings))
    for entity_id in sorted(corpus.entities):
        pages.append(render_entity(entity_id, corpus, graph, index, settings))
    pages.append(render_network(graph, index, settings))
    pages.extend(render_assets())
    return pages
