"""A web capture's story (read/furniture.py): each kind of page furniture is cut, and article text is kept,
short quotes and one-line paragraphs included. Titles lose their outlet, dates come from the URL."""

from __future__ import annotations

import pytest

from generator.model import Report
from generator.read.captures import (
    _split_outlet,
    dateline_date,
    page_stamp,
    settle_date,
    stamp_date,
    url_date,
)
from generator.read.furniture import STANDFIRST, story_blocks

PROSE = [
    "The government said on Monday that it would raise taxes on fuel for the second time this year.",
    "Ministers argued that the money was needed to pay for the repair of roads across the country.",
    "Opposition leaders said the rise would hurt families who already struggle to pay their bills.",
    "The new rate will take effect from the first of next month, the finance ministry said in a statement.",
]
TITLE = "Government raises fuel tax again"


def blocks_of(texts: list[str]) -> list[tuple[str, str, int]]:
    """Blocks (kind, text, offset) of lines: '# ' marks a heading."""
    return [("heading", t[2:], n) if t.startswith("# ") else ("paragraph", t, n) for n, t in enumerate(texts)]


def story(*middle: str, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> list[str]:
    """What story_blocks keeps of a page: headline, two paragraphs, the blocks given, two more paragraphs."""
    texts = [*before, f"# {TITLE}", PROSE[0], PROSE[1], *middle, PROSE[2], PROSE[3], *after]
    blocks = blocks_of(texts)
    kept, _ = story_blocks(blocks, TITLE)
    return [blocks[i][1] for i in kept]


def test_the_story_alone_is_kept_whole():
    assert story() == PROSE


@pytest.mark.parametrize(
    "furniture",
    [
        "![A tanker at a depot](https://example.org/tanker.jpg)",
        "Getty Images",
        "Sven Hoppe/Getty Images",
        "(Mike Cason/mcason@example.com)",
        "By Jane Doe",
        "Published: Dec. 22, 2016, 6:47 p.m.",
        "Updated 11:32 am EST",
        "Feb. 21, 2019",
        "Jane Doe is a senior business reporter for the Example Times, covering energy.",
        "Share this article",
        "Read more",
        "Sign up for our newsletter and get the news in your inbox every morning.",
        "Purchase Licensing Rights, opens new tab",
        "* [Fuel prices explained](https://example.org/a) * [Who pays the most](https://example.org/b)",
        "VIDEO3:49",
        "28,25,140 Cases",
        "Advertisement",
        "© 2022 Example Media LLC. All rights reserved. The material on this site may not be reproduced.",
        "A driver fills his tank at a station in the capital on Monday. (Jane Roe / AP)",
        "A driver fills his tank at a station in the capital on Monday. (Jane Roe/Example News)",
        "By The Example Times | Source: National Statistics Office",
        "Source: Ministry of Finance",
        "This article originally appeared on The Example Review.",
        "A version of this article appears in print on Page A1 of the New York edition with the headline: "
        "Fuel Tax Rises Again. Order Reprints | Today's Paper | Subscribe",
        "Reporting by Jane Doe in Kyiv and John Roe in Moscow; Additional reporting by Ann Lee; "
        "Editing by Mark Smith and Paul Jones",
        "(Reporting by Jane Doe; Editing by Mark Smith)",
        "Jane Doe reported from Kyiv, and John Roe from Moscow.",
        "Ann Lee and Bo Chan contributed reporting.",
        "Hey, I'm Jane Doe, a politics correspondent for The Example Times. Send me your questions.",
        "Would you like to write for us? Join our contributor programme and share your voice.",
        "Please wait...",
        "This feature is temporarily unavailable. Please try again later.",
        "drivers queue at a pump.jpg",
    ],
)
def test_each_kind_of_furniture_is_cut(furniture):
    assert story(furniture) == PROSE


def test_a_caption_after_its_image_is_cut_but_not_the_reporting_after_one():
    caption = "A driver stands by his car at a petrol station in the capital on Monday."
    reporting = "The rise, the minister said, would raise about two billion a year for the roads fund."
    assert story("![pump](https://example.org/pump.jpg)", caption) == PROSE
    assert story("![pump](https://example.org/pump.jpg)", reporting) == [
        PROSE[0],
        PROSE[1],
        reporting,
        *PROSE[2:],
    ]


def test_a_caption_before_its_credit_is_cut():
    assert (
        story("A driver stands by his car at a petrol station in the capital.", "Evan Vucci/AP Photo")
        == PROSE
    )


def test_a_caption_said_to_show_someone_is_cut_with_its_credit():
    caption = "The minister, right, meets drivers in 2006. He is said to favour a lower rate."
    assert story(caption, "Credit: JANE ROE/ AFP") == PROSE


def test_a_caption_after_an_image_and_its_credit_is_cut():
    image, credit = "![pump](https://example.org/pump.jpg)", "EXAMPLE PRESS AGENCY/Getty Images"
    assert story(image, credit, "Drivers queue at a pump in the capital") == PROSE


def test_a_standfirst_set_above_the_byline_leaves_the_text():
    standfirst = "The second rise this year will cost drivers about ten pounds a month, ministers say."
    texts = [f"# {TITLE}", standfirst, "By Jane Doe", "Feb. 21, 2019", *PROSE]
    blocks = blocks_of(texts)
    kept, dropped = story_blocks(blocks, TITLE)
    assert [blocks[i][1] for i in kept] == PROSE
    assert (1, STANDFIRST) in dropped


def test_a_first_paragraph_without_a_byline_under_it_is_text():
    texts = [f"# {TITLE}", *PROSE]
    blocks = blocks_of(texts)
    kept, _ = story_blocks(blocks, TITLE)
    assert [blocks[i][1] for i in kept] == PROSE


def test_a_charts_title_and_note_are_cut_with_its_figures():
    chart = ["Fuel duty per litre", "60p", "50p", "40p", "2019", "2021", "2023", "Source: Treasury"]
    texts = [f"# {TITLE}", *PROSE, *chart, *PROSE]
    blocks = blocks_of(texts)
    kept, dropped = story_blocks(blocks, TITLE)
    assert [blocks[i][1] for i in kept] == PROSE * 2
    assert (5, "chart") in dropped


def test_a_paragraph_before_a_video_player_is_text():
    paragraph = "Later that night, the police received a report of a suspicious package near a station."
    player = ("Video", "transcript", "Back", "0:00/2:06")
    assert story(paragraph, *player) == [PROSE[0], PROSE[1], paragraph, *PROSE[2:]]


def test_a_sentence_about_economics_is_no_author_bio():
    sentence = (
        "The deficit is expected to total nearly $1 trillion next year, a rise for economics since 2009."
    )
    assert story(sentence) == [PROSE[0], PROSE[1], sentence, *PROSE[2:]]


def test_a_line_said_twice_is_kept_once():
    repeated = "Fuel duty was last raised in 2011, when prices were at a record high."
    assert story(repeated, repeated) == [PROSE[0], PROSE[1], repeated, *PROSE[2:]]


@pytest.mark.parametrize(
    "text",
    [
        "“We will not back down.”",
        "He declined to comment.",
        "LONDON, Feb. 10, 2025 — Prices rose again.",
        "Reporting by Example News found that the ministry had known of the shortfall since March.",
        "This article was originally published at 2:05 p.m. and has been updated.",
        "Jane Doe reported from Kyiv that the city had been shelled for a third night in a row.",
        "Source: the ministry had known of the shortfall for months, a senior official said on Monday.",
    ],
)
def test_short_paragraphs_and_quotes_are_article_text(text):
    assert story(text) == [PROSE[0], PROSE[1], text, *PROSE[2:]]


def test_a_subheading_with_text_under_it_is_kept_and_one_without_is_cut():
    blocks = [
        ("heading", TITLE, 0),
        ("paragraph", PROSE[0], 1),
        ("heading", "What happens next", 2),
        ("paragraph", PROSE[1], 3),
        ("heading", "Most read", 4),
        ("paragraph", "[x](https://e.org/x)", 5),
    ]
    kept, _ = story_blocks(blocks, TITLE)
    assert [blocks[i][1] for i in kept] == [PROSE[0], "What happens next", PROSE[1]]


def test_menus_before_and_footers_after_the_story_are_cut():
    menu = tuple(f"* [Section {n}](https://example.org/{n})" for n in range(12))
    footer = ("About us", "Contact", "Terms", "Privacy", "Cookie settings")
    assert story(before=menu, after=footer) == PROSE


def test_a_most_read_box_inside_the_story_does_not_end_it():
    box = (
        "Most Read Stories",
        "* [A thing happened](https://example.org/1) * [Another](https://example.org/2)",
    )
    assert story(*box) == PROSE


def test_readers_comments_end_the_story():
    comment = "This is the best article I have read on the subject in a long time, and I agree with it."
    texts = [f"# {TITLE}", *PROSE * 3, "Comments", "Anonymous", comment]
    blocks = blocks_of(texts)
    kept, _ = story_blocks(blocks, TITLE)
    assert [blocks[i][1] for i in kept] == PROSE * 3


@pytest.mark.parametrize(
    "title, expected, outlet",
    [
        ("Oil firm faces new tax bill - BBC News", "Oil firm faces new tax bill", "BBC News"),
        ("Roof Convicted Of Church Massacre : The Two-Way : NPR", "Roof Convicted Of Church Massacre", "NPR"),
        ("Peace talks stall | Russia-Ukraine war News | Al Jazeera", "Peace talks stall", "Al Jazeera"),
        ("Fed lifts rates | Reuters", "Fed lifts rates", "Reuters"),
        (
            "Hillary Clinton: Putin's Involvement in the Hack",
            "Hillary Clinton: Putin's Involvement in the Hack",
            None,
        ),
        ("Putin - the early years", "Putin - the early years", None),
    ],
)
def test_outlet_and_section_suffixes_leave_the_title(title, expected, outlet):
    assert _split_outlet(title) == (expected, outlet)


@pytest.mark.parametrize(
    "url, date",
    [
        ("https://www.reuters.com/world/europe/talks-2025-02-10/", "2025-02-10"),
        ("https://money.cnn.com/2016/11/29/news/strike/index.html", "2016-11-29"),
        ("https://example.org/news/20250210/story", "2025-02-10"),
        ("https://abcnews.go.com/US/story?id=44233864", None),
        ("https://example.org/2016/13/45/not-a-date", None),
    ],
)
def test_the_date_an_url_holds(url, date):
    assert url_date(url) == date


@pytest.mark.parametrize(
    "stamp, date",
    [
        ("December 16, 2016, 4:19 PM", "2016-12-16"),
        ("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC", "2024-12-06"),
        ("Updated 7 Dec 2024", "2024-12-07"),
        ("Published 2025-02-10T08:00", "2025-02-10"),
        ("Updated 11:32 am EST", None),
        ("Smarch 3, 2020", None),
    ],
)
def test_the_date_a_time_stamp_gives(stamp, date):
    assert stamp_date(stamp) == date


def test_a_time_stamp_is_the_nearest_date_line_above_the_story_not_a_caption():
    above = [
        "Today is December 3, 2026",
        "By Jane Doe",
        "December 16, 2016, 4:19 PM",
        "The minister speaks at a ceremony to unveil a portrait, Dec. 8, 2016, in Washington.",
    ]
    assert page_stamp(above) == "December 16, 2016, 4:19 PM"
    assert page_stamp(above[-1:]) == ""


def test_a_dateline_gives_a_date_only_with_its_year():
    assert dateline_date("WASHINGTON, Feb. 10, 2025 — The Senate voted.") == "2025-02-10"
    assert dateline_date("MOSCOW, Feb 10 (Reuters) - Prices rose.") is None


def test_an_unknown_date_is_taken_from_the_url():
    values = {"date": "unknown", "url": "https://example.org/2025/02/10/story"}
    assert settle_date(values, "", "seeds/a.md", Report(), {})["date"] == "2025-02-10"


def test_a_crawlers_wrong_date_is_reported_with_its_line_and_the_urls_is_used():
    report = Report()
    values = {"date": "2019-06-01", "url": "https://example.org/2025/02/10/story"}
    assert settle_date(values, "", "seeds/a.md", report, {"date": 3})["date"] == "2025-02-10"
    [problem] = report.problems
    assert (problem.path, problem.line) == ("seeds/a.md", 3) and "2019-06-01" in problem.message


def test_a_front_matter_date_near_the_urls_stands():
    report = Report()
    values = {"date": "2025-02-11", "url": "https://example.org/2025/02/10/story"}
    assert settle_date(values, "", "seeds/a.md", report, {})["date"] == "2025-02-11" and not report.problems
