"""Hostile seeds (tests/fixtures/hostile/): their text reaches the reader as text, never as markup or script.

The site of the hostile fixtures is built once; these tests read its HTML
statically. tests/test_hostile_browser.py loads the same pages in chromium.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import markupsafe
import pytest
import yaml

from generator.markup import html_attr, html_text, md_inline, md_text, safe_url
from generator.model import Act, Corpus, Entity, EntityType, Evidence, Link, Node
from generator.render.common import front_matter
from generator.render.graphs import graph_context
from generator.render.views import View

from .conftest import HOSTILE_FILE_NAME, BuiltSite
from .graph_support import site_of

TITLE = (
    "</title><script>alert('title-script')</script><img src=x onerror=alert('title-img') id=injected-title> "
    "&lt;/title&gt;&lt;script&gt;alert('entity')&lt;/script&gt;"
)
AUTHOR = "\"><script>alert('author')</script><meta id=injected-author"
# The only front-matter keys a generated page carries: a seed cannot set template:, hide: or the like.
GENERATED_KEYS = {
    "title",
    "explainer",
    "source_file",
    "date",
    "source",
    "url",
    "author",
    "summary",
    "tags",
    "entities",
    "entity_type",
    "aliases",
}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")


@dataclass
class Scan(HTMLParser):
    """Everything in a page that could run: scripts, handlers, URLs, injected ids, and the visible text."""

    scripts: list[tuple[dict, str]] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    title: str = ""
    title_done: bool = False
    metas: list[dict] = field(default_factory=list)
    _in: str | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.tags.append(tag)
        self.handlers += [f"<{tag} {k}>" for k, _ in attrs if k.lower().startswith("on")]
        self.urls += [
            v or ""
            for k, v in attrs
            if k.lower() in ("href", "src", "action", "formaction", "xlink:href", "poster", "srcdoc")
        ]
        if values.get("id"):
            self.ids.append(values["id"])
        if tag == "meta":
            self.metas.append(values)
        if tag in ("script", "title", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append((values, ""))

    def handle_endtag(self, tag):
        if tag == "title":
            self.title_done = True  # the head's <title>; SVG titles come later
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "title" and not self.title_done:
            self.title += data
        elif self._in != "style":
            self.text.append(data)


def scan(path: Path) -> Scan:
    parser = Scan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: BuiltSite) -> list[Path]:
    found = sorted(site.site.rglob("*.html"))
    assert len(found) > 20
    return found


def test_hostile_build_warns_only_about_the_bad_date(hostile_site):
    warnings = [line for line in hostile_site.build_log.splitlines() if "WARNING" in line]
    assert (
        len(warnings) == 1
        and "hostile_front_matter_fields.md:6: front matter 'date' is not a date" in warnings[0]
    )


def test_no_script_from_a_seed_is_in_any_page(hostile_site):
    for page in pages(hostile_site):
        found = scan(page)
        for attrs, body in found.scripts:
            assert "alert" not in body, f"{page}: inline script from a seed"
            src = attrs.get("src")
            assert src is None or not src.startswith(("http:", "https:", "//", *DANGEROUS_SCHEMES)), (
                f"{page}: {src}"
            )


def test_no_event_handler_injected_element_or_dangerous_url_in_any_page(hostile_site):
    for page in pages(hostile_site):
        found = scan(page)
        assert found.handlers == [], f"{page}: {found.handlers}"
        assert not [i for i in found.ids if i.startswith("injected")], page
        assert not {"iframe", "object", "embed", "base"} & set(found.tags), page
        for url in found.urls:
            bare = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
            assert not bare.startswith(DANGEROUS_SCHEMES), f"{page}: {url}"


def test_title_reaches_title_tag_header_and_heading_as_text(hostile_site):
    page = (
        hostile_site.site
        / "articles"
        / "title-script-alert-title-script-script-img-src-x-onerror-img"
        / "index.html"
    )
    found = scan(page)
    assert found.title == f"{TITLE} - Explainer"
    assert TITLE in "".join(found.text)  # the header topic and the h1 show the characters


def test_front_matter_fields_reach_meta_tags_as_text(hostile_site):
    page = hostile_site.site / "articles" / "escape-the-docs-folder" / "index.html"
    found = scan(page)
    authors = [m.get("content") for m in found.metas if m.get("name") == "author"]
    assert authors == [AUTHOR]
    text = " ".join("".join(found.text).split())
    assert "<img src=x onerror=alert('source') id=injected-source>" in text
    assert "Original article" not in text  # javascript: url is not linked


def test_seed_cannot_set_theme_keys_or_leave_docs(hostile_site):
    for path in (hostile_site.docs / "articles").glob("*.md"):
        assert set(frontmatter.load(path).metadata) <= GENERATED_KEYS, path
    assert (hostile_site.docs / "articles" / "escape-the-docs-folder.md").exists()
    assert not (hostile_site.root / "escape").exists()


def test_template_syntax_is_shown_as_typed(hostile_site):
    page = hostile_site.site / "articles" / "template-7-7-and-raw-injection-endraw" / "index.html"
    found = scan(page)
    text = " ".join("".join(found.text).split())
    assert "said {{ 7*7 }} and {{ config.__class__.__init__.__globals__ }} in Moscow" in text
    assert "{% for x in range(3) %}loop{% endfor %}" in text and "{# comment #}" in text
    assert found.title.startswith("Template {{ 7*7 }} and {% raw %}injection{% endraw %}")
    assert "49" not in text


def test_links_from_seeds_are_text(hostile_site):
    """A seed's inline link is shown as its text (read/inline.py), and its address never becomes a link."""
    page = hostile_site.site / "articles" / "javascript-and-data-links" / "index.html"
    found = scan(page)
    text = " ".join("".join(found.text).split())
    assert "Kim Jong Un visited Moscow. click me and data link." in text
    assert not [url for url in found.urls if "alert" in url or url.startswith("data:")]
    assert "[evil]: javascript:alert('reference')" in text  # a reference definition is no inline link


def test_markdown_structure_stays_text(hostile_site):
    page = hostile_site.site / "articles" / "markdown-that-would-break-the-page-structure" / "index.html"
    source = page.read_text()
    found = scan(page)
    text = " ".join("".join(found.text).split())
    for line in (
        "> A quote that should stay text",
        "| table | head |",
        "<!-- an unclosed comment",
        "</div></article></main>",
        '!!! warning "Admonition"',
    ):
        assert line in text, line
    body = source.split('<article class="md-content__inner md-typeset">', 1)[1]
    assert body.count("<h1") == 1  # a .md seed's own headings become sections (h2), never a second h1
    assert '<h2 id="s1">A heading inside the body</h2>' in body
    assert "<blockquote" not in body and "<table" not in body and "<pre" not in body
    assert "Network" in text  # the page goes on after the seed's unclosed comment


def test_search_index_holds_titles_as_html_text(hostile_site):
    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text())
    titles = [
        doc["title"]
        for doc in index["docs"]
        if "title-script" in doc["location"] and "#" not in doc["location"]
    ]
    assert titles and all("<script>" not in t and "<img" not in t for t in titles)


# --- markup.py and the graph figure, with hostile names ---

NASTY = [
    "</script><script>alert(1)</script>",
    'O\'Brien "the \\"Boss\\""',
    "back\\slash\\",
    "<img src=x onerror=alert(2)>",
    "{{ 7*7 }}",
    "a & b &amp; c",
    "line\nbreak",
    "\u2028sep\u2029",
    "]]>",
    "-->",
    "javascript:alert(3)",
]


@pytest.mark.parametrize("text", NASTY)
def test_markup_escapes_keep_text_and_lose_syntax(text):
    inline = md_inline(text)
    assert not set("<>\"'`[]{}\\") & set(inline)
    assert html.unescape(inline) == re.sub(r"\s+", " ", text)
    assert "\n" not in md_text(text)
    assert html.unescape(html_attr(text)) == text and not set("<>\"'") & set(html_attr(text))


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/x",
        "http://a b",
        'https://x"onclick="alert(1)',
    ],
)
def test_only_plain_http_links_are_kept(url):
    assert safe_url(url) is None


def test_graph_labels_and_tooltips_with_hostile_names():
    nodes, links, entities = {}, {}, {}
    for i, name in enumerate(NASTY):
        node = f"e{i}"
        nodes[node] = Node(name, EntityType.PERSON, i + 1, 1, None)
        entities[node] = Entity(node, name, EntityType.PERSON)
    for i in range(1, len(NASTY)):
        evidence = Evidence("a", "p1", NASTY[i] + " said </script> \\ \" '")
        # Labelled edges carry a tooltip with the verb and the sentence, so hostile text reaches them too.
        acts = (Act("meet", "e0", f"e{i}", False, "a", evidence),)
        links[("e0", f"e{i}")] = Link(i, (evidence,), {"a": i}, acts)
    graph = View(nodes, links)
    site = site_of(Corpus((), entities, (), {}))
    context = graph_context(graph, site, "network.md", "Caption </script> \" ' \\")
    svg = context["drawn"].svg
    root = ET.fromstring(svg)  # well-formed: no name broke out of an element or attribute
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    tooltips = " ".join(t.text for t in root.iter("{http://www.w3.org/2000/svg}title"))
    assert set(labels) <= set(NASTY) | {"met"} and labels  # names that fit (and the verbs) are drawn as text
    assert all(" ".join(name.split()) in tooltips for name in NASTY)  # every name is in a tooltip, as text
    assert "said </script>" in tooltips  # the evidence quotes, as text (ET unescaped them)
    assert "<script" not in svg
    # The interactive graph reads each name back from the first line of its node's tooltip (spaces collapsed).
    nodes = [e for e in root.iter() if e.get("data-entity")]
    assert sorted(e.find("{http://www.w3.org/2000/svg}title").text.split("\n")[0] for e in nodes) == sorted(
        " ".join(name.split()) for name in NASTY
    )
    assert {e.get("data-entity") for e in nodes} == set(graph.nodes)
    assert context["relations"]
    for relation in context["relations"]:
        assert "</script" not in relation.markdown and "<" not in relation.markdown


def test_search_index_holds_tags_as_html_text(hostile_site):
    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text())
    tags = [tag for doc in index["docs"] for tag in doc.get("tags", [])]
    assert "<script>alert('tag')</script>" in [html.unescape(tag) for tag in tags]
    assert all("<" not in tag and ">" not in tag for tag in tags)


def test_hostile_file_name_is_data(hostile_site):
    page = hostile_site.docs / "articles" / "a-seed-with-a-hostile-file-name.md"
    assert frontmatter.load(page)["source_file"] == f"seeds/{HOSTILE_FILE_NAME}"
    assert (hostile_site.site / "articles" / "a-seed-with-a-hostile-file-name" / "index.html").exists()


def test_fast_html_escaping_matches_markupsafe():
    for text in NASTY:
        assert html_text(text) == str(markupsafe.escape(text)) == html_attr(text)


def test_front_matter_reads_back_exactly_whatever_the_text():
    awkward = [
        "yes",
        "null",
        "0845",
        "1999",
        "- item",
        "# not a comment",
        "a: b",
        "{x}",
        "[y]",
        "tab\there",
        "line\u2028separator",
        "next\x85line",
        "del\x7f",
        "quote \" and ' and \\",
        "emoji 🦀",
        "São Paulo",
        "",
    ]
    values = {
        "title": "Title: with colon",
        "count": 3,
        "missing": None,
        "search": {"boost": 2},
        "aliases": awkward,
        "entities": [{"name": text, "slug": None, "count": 1} for text in awkward],
    }
    assert yaml.safe_load(front_matter(values)) == values
    assert frontmatter.loads("---\n" + front_matter(values) + "---\nbody").metadata == values


# --- the downloads, feeds and cards of the hostile site (issue 17) ---

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_no_csv_cell_of_the_hostile_site_starts_a_formula(hostile_site):
    import csv

    cells = {}
    for name in ("entities.csv", "relations.csv", "quotes.csv"):
        with open(hostile_site.docs / "data" / name, encoding="utf-8", newline="") as f:
            cells[name] = [cell for row in csv.reader(f) for cell in row]
        assert not [cell for cell in cells[name] if cell.startswith(FORMULA_START)], name
    assert '\'=HYPERLINK("http://evil.example","Merkel")' in cells["entities.csv"]


def test_every_feed_of_the_hostile_site_parses_and_keeps_titles_as_text(hostile_site):
    import feedparser

    feeds = [hostile_site.docs / "feed.xml", *sorted((hostile_site.docs / "feeds").glob("*.xml"))]
    assert len(feeds) > 3
    titles = set()
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        titles |= {entry.title for entry in feed.entries}
    assert '=HYPERLINK("http://evil.example","Click") and other formulas' in titles


def test_every_card_of_the_hostile_site_is_data_in_a_call(hostile_site):
    for path in (hostile_site.docs / "cards").glob("*.js"):
        script = path.read_text(encoding="ascii")
        match = re.fullmatch(r'explainerCard\("([a-z0-9-]+)",(\{.*\})\);\n', script, re.S)
        assert match and match.group(1) == path.stem, path
        assert isinstance(json.loads(match.group(2))["name"], str)
