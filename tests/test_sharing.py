"""Sharing: every article page carries its title, description (the dek), canonical URL,
Open Graph and Twitter card tags from its front matter, all escaped; the site has a sitemap."""

from __future__ import annotations

import html.parser
import os
import xml.etree.ElementTree as ElementTree

import pytest
import yaml

from tests.conftest import BuiltSite, make_project, mkdocs_build
from tests.site_pages import built_pages

# mkdocs.yml's site_url: EXPLAINER_SITE_URL, else `make serve`'s address.
SITE_URL = os.environ.get("EXPLAINER_SITE_URL") or "http://127.0.0.1:8000/"

HOSTILE_TITLE = 'Quotes " and <script>alert("title")</script> & ampersands'
HOSTILE_SUMMARY = 'Ends the attribute early "><script>alert("summary")</script> & keeps < and > as text'


class HeadTags(html.parser.HTMLParser):
    """The <title>, <meta> and <link> tags of a page's head, with entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.title = ""
        self.scripts_in_head = 0
        self._in_head = self._in_title = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif tag == "title" and self._in_head:
            self._in_title = True
        elif tag == "meta" and self._in_head:
            key = values.get("property") or values.get("name")
            if key:
                self.meta.setdefault(key, []).append(values.get("content"))
        elif tag == "link" and self._in_head:
            self.links.setdefault(values.get("rel"), []).append(values.get("href"))
        elif tag == "script" and self._in_head:
            self.scripts_in_head += 1

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_of(path) -> HeadTags:
    parser = HeadTags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def front_matter(markdown_path) -> dict:
    text = markdown_path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def only(tags: HeadTags, key: str) -> str:
    values = tags.meta.get(key, [])
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def article_pages(site):
    return [url for url in built_pages(site.site) if url.startswith("articles/") and url != "articles/"]


def expected_description(meta: dict, site_description: str) -> str:
    return str(meta.get("description") or meta.get("dek") or meta.get("summary") or site_description)


def check_share_tags(site, url: str, site_description: str) -> HeadTags:
    tags = head_of(site.site / url / "index.html")
    meta = front_matter(site.docs / (url.rstrip("/") + ".md"))
    canonical = SITE_URL + url
    assert tags.title == f"{meta['title']} - Explainer"
    assert tags.links.get("canonical") == [canonical]
    description = expected_description(meta, site_description)
    assert only(tags, "description") == description
    assert only(tags, "og:title") == only(tags, "twitter:title") == str(meta["title"])
    assert only(tags, "og:description") == only(tags, "twitter:description") == description
    assert only(tags, "og:url") == canonical
    assert only(tags, "og:type") == "article"
    assert only(tags, "og:site_name") == "Explainer"
    assert only(tags, "twitter:card") == "summary"
    return tags


def test_every_article_page_has_share_tags_from_its_front_matter(seed_site):
    site_description = yaml.safe_load((seed_site.root / "mkdocs.yml").read_text().split("\nsite_url")[0])[
        "site_description"
    ]
    urls = article_pages(seed_site)
    assert urls, "the seed site has no article pages"
    for url in urls:
        check_share_tags(seed_site, url, site_description)


def test_other_pages_are_shared_as_website(seed_site):
    for url in built_pages(seed_site.site):
        if url.startswith("articles/") and url != "articles/":
            continue
        tags = head_of(seed_site.site / url / "index.html")
        assert only(tags, "og:type") == "website", url
        assert only(tags, "og:url") == SITE_URL + url
        assert only(tags, "description")
        if url == "":
            assert tags.title == only(tags, "og:title") == "Explainer"  # the site's name, once


def test_sitemap_lists_every_page_by_its_canonical_url(seed_site):
    sitemap = ElementTree.parse(seed_site.site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in sitemap.getroot().findall("s:url/s:loc", namespace)}
    assert listed == {SITE_URL + url for url in built_pages(seed_site.site)}


@pytest.fixture(scope="module")
def site_with_hostile_front_matter(tmp_path_factory):
    """An article whose title and summary try to break out of the HTML attributes they land in."""
    seed = tmp_path_factory.mktemp("hostile-seed") / "hostile.md"
    seed.write_text(
        "---\n" + yaml.safe_dump({"title": HOSTILE_TITLE, "summary": HOSTILE_SUMMARY}) + "---\n"
        "Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday.\n",
        encoding="utf-8",
    )
    project = make_project(tmp_path_factory.mktemp("hostile-site"), seeds=[seed])
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return BuiltSite(project, result.stderr)


def test_hostile_title_and_summary_are_escaped_in_every_tag(site_with_hostile_front_matter, seed_site):
    site = site_with_hostile_front_matter
    seed_article = head_of(seed_site.site / article_pages(seed_site)[0] / "index.html")
    (url,) = article_pages(site)
    tags = check_share_tags(site, url, "unused: the summary is set")
    assert only(tags, "og:description") == HOSTILE_SUMMARY
    assert tags.scripts_in_head == seed_article.scripts_in_head  # the theme's own, nothing injected
    page = (site.site / url / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in page
