"""The example seed end to end: seeds/ → docs/ → site/."""

from __future__ import annotations

import hashlib
import re
import shutil

import frontmatter

from .conftest import BuiltSite, generate

SEED_SECTIONS = [
    "Welcome of the President",
    "Agreements and Promises",
    "Military and Technical Cooperation",
    "Tribute to Soldiers",
]


def article_md(site: BuiltSite) -> frontmatter.Post:
    pages = [p for p in (site.docs / "articles").glob("*.md") if p.name != "index.md"]
    assert len(pages) == 1, pages
    return frontmatter.load(pages[0])


def test_article_has_the_seed_sections_as_h2(seed_site):
    post = article_md(seed_site)
    headings = re.findall(r"^## (.+?) \{ #s\d+ \}$", post.content, re.M)
    assert headings == SEED_SECTIONS


def test_article_keeps_every_paragraph_with_an_anchor(seed_site):
    post = article_md(seed_site)
    assert len(re.findall(r"^\{: #p\d+ \}$", post.content, re.M)) == 9


def test_sidebar_front_matter_lists_people_and_places(seed_site):
    entities = article_md(seed_site)["entities"]
    people = {e["name"] for e in entities if e["type"] == "person"}
    places = {e["name"] for e in entities if e["type"] == "place"}
    assert {"Vladimir Putin", "Kim Jong Un"} <= people
    assert {"Pyongyang", "North Korea", "Russia"} <= places
    assert all(set(e) >= {"name", "type", "slug", "count"} for e in entities)


def test_sidebar_is_rendered_with_links_to_entity_pages(seed_site):
    html = next((seed_site.site / "articles").glob("*/index.html")).read_text()
    aside = html[html.index('<aside class="explainer-sidebar"') : html.index("</aside>")]
    assert '<h2 class="explainer-sidebar__heading">People</h2>' in aside
    assert 'href="../../entities/vladimir-putin/"' in aside
    assert 'href="../../entities/pyongyang/"' in aside
    # The sidebar sits right under the headline.
    assert html.index("</h1>") < html.index('<aside class="explainer-sidebar"') < html.index('id="p1"')


def test_entity_page_h1_is_the_entity_name(seed_site):
    html = (seed_site.site / "entities" / "vladimir-putin" / "index.html").read_text()
    assert re.search(r"<h1[^>]*>Vladimir Putin</h1>", html)
    assert "../../articles/" in html  # links back to the article


def test_strict_build_passed_without_warnings(seed_site):
    assert "WARNING" not in seed_site.build_log


def test_built_html_loads_nothing_from_other_hosts(seed_site):
    loads = re.compile(
        r"<(script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=\"(https?:)?//|<link\b[^>]*\bhref=\"(https?:)?//[^\"]*\"[^>]*>",
        re.I,
    )
    offenders = []
    for page in seed_site.site.rglob("*.html"):
        for match in loads.finditer(page.read_text()):
            if 'rel="canonical"' not in match.group(0):
                offenders.append((page.relative_to(seed_site.site), match.group(0)))
    assert offenders == []
    css_urls = [
        (p.name, m)
        for p in seed_site.site.rglob("*.css")
        for m in re.findall(r"url\((['\"]?)https?://", p.read_text())
    ]
    assert css_urls == []


def test_graph_is_embedded_with_vendored_vis_network(seed_site):
    html = next((seed_site.site / "articles").glob("*/index.html")).read_text()
    assert '<figure class="explainer-graph"' in html and "<svg" in html
    assert (seed_site.site / "assets" / "explainer" / "vis-network.min.js").stat().st_size > 400_000


def test_the_graph_figure_is_kept_beside_the_markdown_and_filled_into_the_html(seed_site):
    page = next(p for p in (seed_site.docs / "articles").glob("*.md") if p.name != "index.md")
    markdown = page.read_text(encoding="utf-8")
    [(companion, digest)] = re.findall(r"<!-- explainer-figure (\S+) ([0-9a-f]{64}) -->", markdown)
    assert "<svg" not in markdown and companion == f".figures/articles/{page.stem}.html"
    figure = (seed_site.docs / companion).read_text(encoding="utf-8")
    assert hashlib.sha256(figure.encode("utf-8")).hexdigest() == digest
    assert figure.startswith('<section class="explainer-graphs') and "<svg" in figure
    assert not (seed_site.site / ".figures").exists()  # a dot folder: MkDocs does not publish it
    html = (seed_site.site / "articles" / page.stem / "index.html").read_text(encoding="utf-8")
    assert "explainer-figure" not in html and "explainer:" not in html
    # The figure as written, its page links resolved: "explainer:entities/x.md" → "../../entities/x/".
    resolved = re.sub(r'href="explainer:entities/([^"#]+)\.md', r'href="../../entities/\1/', figure)
    assert resolved in html


def test_two_generator_runs_give_byte_identical_docs(seed_site, tmp_path):
    copy = tmp_path / "again"
    shutil.copytree(seed_site.root, copy, symlinks=True, ignore=shutil.ignore_patterns("site"))
    before = {p.relative_to(copy): p.read_bytes() for p in (copy / "docs").rglob("*") if p.is_file()}
    shutil.rmtree(copy / "docs")
    (copy / "docs").mkdir()
    result = generate(copy, "build", "--strict")
    assert result.returncode == 0, result.stderr
    after = {p.relative_to(copy): p.read_bytes() for p in (copy / "docs").rglob("*") if p.is_file()}
    assert after.keys() == before.keys()
    assert [k for k in after if after[k] != before[k]] == []
