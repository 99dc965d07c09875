"""Crawler captures: front matter mapped to the seed's fields (read/captures.py), furniture dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.boilerplate import is_furniture
from generator.model import Report
from generator.read import read_seed
from generator.read.captures import clean_front_matter
from generator.read.front_matter import read_meta
from generator.slugs import SlugRegistry

FIXTURES = Path(__file__).parent / "fixtures" / "web"


def read_fixture(name: str):
    report = Report()
    article = read_seed(FIXTURES / name, 2_000_000, SlugRegistry(), report, display=name)
    assert article is not None, report.problems
    return article, report


def test_outlet_suffix_moves_from_title_to_source():
    article, _ = read_fixture("capture_with_outlet_suffix_and_boilerplate.md")
    assert article.title == "Oil firm Yukos faces new tax bill"
    assert article.meta.source == "BBC News"
    assert article.meta.url == "https://www.bbc.co.uk/news/business-0000001"


def test_description_becomes_the_dek():
    article, _ = read_fixture("capture_with_outlet_suffix_and_boilerplate.md")
    assert article.meta.summary == "The Russian oil company is told to pay more back taxes."


def test_boilerplate_blocks_are_dropped_and_article_text_kept():
    article, _ = read_fixture("capture_with_outlet_suffix_and_boilerplate.md")
    texts = [b.text for b in article.blocks]
    assert texts == [
        "The Russian oil firm Yukos has been told to pay a further tax bill, "
        "officials in Moscow said on Wednesday.",
        "Yukos chief executive Steven Theede said the company would appeal.",
    ]
    # Offsets still point at the text in the file.
    assert all(article.text[b.start : b.start + len(b.text)] == b.text for b in article.blocks)


def test_unknown_date_is_reported_and_article_undated():
    article, report = read_fixture("capture_with_unknown_date_and_pipe_suffix.md")
    assert article.meta.date is None
    assert any("'date' is not a date ('unknown')" in p.message for p in report.problems)
    assert article.title == "Gazprom deal stalls" and article.meta.source == "Reuters"
    assert [b.text for b in article.blocks if "Advertisement" in b.text] == []


def test_impossible_date_is_reported_and_editor_summary_wins():
    article, report = read_fixture("capture_with_wrong_date_and_summary_given.md")
    assert article.meta.date is None
    assert any("32/13/2020" in p.message for p in report.problems)
    assert article.meta.summary == "The editor's own dek wins over the description."
    assert article.title == "Khodorkovsky trial resumes" and article.meta.source == "The Guardian"


def test_editor_seed_keeps_dashed_title_and_long_paragraph_about_cookies():
    article, report = read_fixture("editor_title_with_dash_is_kept.md")
    assert article.title == "Putin - The Early Years"
    assert article.meta.source is None
    assert len(article.paragraphs) == 2
    assert article.meta.date == "2005-01-03"
    assert report.problems == []


@pytest.mark.parametrize(
    "line",
    [
        "Your browser does not support the video element.",
        "list 2 of 4",
        "Image source, Reuters",
        "Getty Images",
        "[Home](https://example.com/)\n[World](https://example.com/world)",
        "Sign up to our newsletter",
        "Continue reading the main story",
        "![Yukos headquarters](https://example.com/hq.jpg)",
        "list 1 of 3\n[Yukos unit sold](https://example.com/1)\nend of list",
    ],
)
def test_boilerplate_rules_catch_page_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported that Yukos would appeal.",
        "The image of the Kremlin has suffered, analysts said.",
        "Shares in Gazprom fell 3%.",
    ],
)
def test_boilerplate_rules_keep_article_sentences(line):
    assert not is_furniture(line)


def test_words_date_is_normalised_and_values_not_mutated():
    values = {"date": "15 December 2004", "title": "A - B"}
    cleaned = clean_front_matter(values, "x.md", Report())
    assert read_meta(cleaned, Path("x.md"), Report()).date == "2004-12-15"
    assert values["date"] == "15 December 2004"
    assert cleaned["title"] == "A - B"  # not a capture: the title is the editor's


@pytest.fixture(scope="module")
def web_site(tmp_path_factory):
    import subprocess

    from .conftest import ENV, MKDOCS, BuiltSite, make_project

    project = make_project(tmp_path_factory.mktemp("web-site"), sorted(FIXTURES.glob("*.md")))
    # Not --strict: the bad dates are reported as warnings, which --strict would rightly turn into failures.
    result = subprocess.run([str(MKDOCS), "build"], cwd=project, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return BuiltSite(project, result.stderr)


@pytest.mark.model
@pytest.mark.slow
def test_capture_article_page_shows_dek_outlet_and_link(web_site):
    html = (web_site.site / "articles" / "oil-firm-yukos-faces-new-tax-bill" / "index.html").read_text()
    assert "<h1" in html and "Oil firm Yukos faces new tax bill</h1>" in html
    assert "The Russian oil company is told to pay more back taxes." in html
    assert 'href="https://www.bbc.co.uk/news/business-0000001"' in html and "BBC News" in html
    assert "Your browser does not support" not in html and "newsletter" not in html
    # Relative 'Wednesday' in an article dated Wednesday 15 December 2004 is that day: shown once.
    timeline = (web_site.docs / "timeline.md").read_text()
    assert "**15 December 2004 (“Wednesday”)** — “The Russian oil firm Yukos" in timeline
    glance = html[html.index('class="explainer-glance"') :]
    glance = glance[: glance.index("</div>")]
    assert glance.count("15 December 2004") == 1


@pytest.mark.model
@pytest.mark.slow
def test_unknown_date_is_reported_in_the_build_log(web_site):
    assert "front matter 'date' is not a date ('unknown')" in web_site.build_log
    timeline = (web_site.docs / "timeline.md").read_text()
    assert "Gazprom deal stalls" in timeline.split("Undated:")[1]


def test_a_saved_web_page_is_its_article_text_with_its_metadata():
    """An .html seed (trafilatura): the article's paragraphs, title, date, author, outlet, URL and dek; no
    menu, byline, caption, box or footer; and none of the page's markup or scripts."""
    article, report = read_fixture("saved_page.html")
    assert article.title == "Fuel tax rises again"
    meta = article.meta
    assert (meta.date, meta.author, meta.source) == ("2025-02-10", "Jane Doe", "Example News")
    assert meta.url == "https://news.example.org/2025/02/10/fuel-tax-rises-again"
    assert meta.summary == "The government raises the tax on fuel for the second time this year."
    paragraphs = [b.text for b in article.paragraphs]
    assert len(paragraphs) == 5 and paragraphs[2] == "“We will not back down,” Berg said."
    assert paragraphs[0].startswith("The government of Ruritania") and paragraphs[-1].startswith(
        "The new rate"
    )
    assert "alert" not in article.text and "<" not in article.text
    assert all(b.text in article.text for b in article.blocks)  # offsets are into the text pages show
    assert [p.message.split(":")[0] for p in report.debug] == [
        "dropped as page furniture (the headline again)"
    ]


def test_a_standfirst_above_the_byline_becomes_the_summary():
    article, report = read_fixture("capture_with_standfirst_above_byline.md")
    assert (
        article.meta.summary
        == "The Russian oil company is told to pay more back taxes, and says it will appeal."
    )
    assert [b.text[:20] for b in article.blocks] == ["The Russian oil firm", "Yukos chief executiv"]
    assert any("(the standfirst)" in p.message and p.line == 15 for p in report.debug)


def test_a_saved_page_without_capture_front_matter_still_loses_its_outlet():
    article, _ = read_fixture("saved_page_without_capture_front_matter.md")
    assert (article.title, article.meta.source) == ("Yukos tax bill grows again", "Example News")
    assert [b.text[:20] for b in article.blocks] == ["The Russian oil firm", "Yukos chief executiv"]


def test_a_capture_with_no_date_but_its_time_stamp_is_dated_by_it():
    article, report = read_fixture("capture_dated_only_by_its_time_stamp.md")
    assert article.meta.date == "2004-12-15"
    assert not [p for p in report.problems if "undated" in p.message]
