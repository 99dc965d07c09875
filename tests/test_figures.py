"""A page's graph section is kept in a companion file and put back into its HTML (figures.py)."""

from __future__ import annotations

import pytest

from generator.figures import FigureMissing, figure_path, fill, split_figure
from generator.model import Page

SECTION = (
    '<section class="explainer-graphs" data-search-exclude>\n<figure class="explainer-graph">'
    '<svg><a xlink:href="explainer:entities/a.md"><text>A</text></a></svg></figure>\n</section>'
)
MARKDOWN = f"# Title\n\nBefore.\n\n{SECTION}\n\nAfter.\n"


def _written(tmp_path, page: Page) -> Page:
    slotted, figure = split_figure(page)
    assert figure is not None
    (tmp_path / figure.path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / figure.path).write_bytes(figure.content)
    return slotted


def test_the_section_moves_to_its_companion_and_fills_back_in_place(tmp_path):
    slotted = _written(tmp_path, Page("articles/x.md", MARKDOWN.encode()))
    assert "<svg" not in slotted.content.decode() and "Before." in slotted.content.decode()
    assert (tmp_path / figure_path("articles/x.md")).read_text() == SECTION
    assert fill(slotted.content.decode(), tmp_path, lambda html: html) == MARKDOWN
    linked = fill(slotted.content.decode(), tmp_path, lambda html: html.replace("explainer:", "../"))
    assert 'xlink:href="../entities/a.md"' in linked


def test_a_new_figure_changes_the_page_so_the_site_cache_sees_it():
    first, _ = split_figure(Page("articles/x.md", MARKDOWN.encode()))
    second, _ = split_figure(Page("articles/x.md", MARKDOWN.replace(">A<", ">B<").encode()))
    assert first.content != second.content


def test_a_page_without_a_graph_is_left_as_it_is():
    page = Page("articles/x.md", b"# Title\n\nNo graph: <section>not ours</section>\n")
    assert split_figure(page) == (page, None)


def test_article_text_that_looks_like_a_slot_is_not_one(tmp_path):
    # Article text reaches a page HTML-escaped, so a slot written into a seed arrives as text.
    text = "&lt;!-- explainer-figure .figures/x.html " + "0" * 64 + " --&gt;"
    assert fill(text, tmp_path, lambda html: html) == text


@pytest.mark.parametrize("damage", ["deleted", "edited"])
def test_a_companion_missing_or_not_as_written_is_an_error_naming_it(tmp_path, damage):
    slotted = _written(tmp_path, Page("entities/a.md", MARKDOWN.encode()))
    companion = tmp_path / ".figures" / "entities" / "a.html"
    if damage == "deleted":
        companion.unlink()
    else:
        companion.write_text(SECTION.replace(">A<", ">Z<"))
    with pytest.raises(FigureMissing, match=r"\.figures/entities/a\.html"):
        fill(slotted.content.decode(), tmp_path, lambda html: html)
