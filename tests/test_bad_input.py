"""Bad seeds: each case is a fixture under tests/fixtures/bad/ (big ones are made here, at test time).

Read-stage tests run without spaCy; one session-built project with every bad
fixture checks what the CLI and `mkdocs build` do with them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import pytest

from generator.model import Report
from generator.read import read_seed, read_seeds
from generator.read.blocks import MAX_BLOCK_CHARS
from generator.slugs import SlugRegistry

from .conftest import ENV, MKDOCS, ROOT, generate, make_project

BAD = ROOT / "tests" / "fixtures" / "bad"
CAP = 2_000_000
# Words that tell the editor what to do; every message must carry one.
ADVICE = (
    "re-save",
    "fix",
    "write",
    "rename",
    "copy",
    "save",
    "delete",
    "split",
    "add",
    "remove",
    "put",
    "raise",
)


@dataclass(frozen=True)
class Expect:
    built: bool  # published (possibly with a warning) or skipped
    says: str | None = None  # part of the one-line message; None: no problem at all
    line: int | None = None


CASES = {
    "malformed_front_matter.md": Expect(False, "front matter is not valid YAML", 5),
    "unclosed_front_matter.md": Expect(False, "no closing --- line", 1),
    "front_matter_not_a_mapping.md": Expect(False, "is not key: value pairs", 2),
    "wrong_type_front_matter.md": Expect(True, "'date' is not a date", 3),
    "empty.md": Expect(False, "is empty"),
    "whitespace_only.txt": Expect(False, "is empty"),
    "binary_file.txt": Expect(False, "binary"),
    "utf8_bom.txt": Expect(True),
    "utf16.txt": Expect(True),
    "utf16_without_bom.txt": Expect(True, "UTF-16-LE without a byte order mark"),
    "cp1252.txt": Expect(True, "read as Windows-1252", 3),
    "latin1.txt": Expect(True, "read as Windows-1252", 3),
    "same_title_a.md": Expect(True),
    "file name with spaces.md": Expect(True),
    "ünïcødé 名前 seed.md": Expect(True),
    "no_entities.txt": Expect(True),
    "crowded_sentence.txt": Expect(True),
}


def read_one(tmp_path: Path, name: str, data: bytes | None = None, cap: int = CAP):
    seeds = tmp_path / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    target = seeds / name
    if data is None:
        shutil.copy(BAD / name, target)
    else:
        target.write_bytes(data)
    report = Report()
    articles = read_seeds(seeds, cap, report, root=tmp_path)
    return articles, report


def assert_one_line_naming(report: Report, name: str) -> None:
    for problem in report.problems:
        text = f"{problem.severity}: {problem}"
        assert "\n" not in text, text
        assert problem.path == f"seeds/{name}", text
        assert any(word in problem.message for word in ADVICE), f"message gives no advice: {text}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_seed_is_skipped_or_built_as_specified(tmp_path, name):
    expect = CASES[name]
    articles, report = read_one(tmp_path, name)
    assert len(articles) == (1 if expect.built else 0), report.problems
    if expect.says is None:
        assert report.problems == []
        return
    matching = [p for p in report.problems if expect.says in p.message]
    assert matching, report.problems
    assert matching[0].severity == ("warning" if expect.built else "error")
    if expect.line is not None:
        assert matching[0].line == expect.line
    assert_one_line_naming(report, name)


def test_every_fixture_in_the_bad_folder_has_a_case():
    covered = set(CASES) | {
        "same_title_b.md",
        ".leading_dot_seed.md",
        "not_a_seed.html",
        "not_a_seed.docx",
        "README",
        "picture.png",
    }
    assert {p.name for p in BAD.iterdir()} == covered


def test_wrong_typed_fields_are_ignored_and_the_title_comes_from_the_text(tmp_path):
    articles, report = read_one(tmp_path, "wrong_type_front_matter.md")
    article = articles[0]
    assert article.title == "Fields of the wrong type"
    assert article.meta.date is None and article.meta.author is None and article.meta.tags == ()
    keys = sorted((p.message.split("'")[1], p.line) for p in report.problems)
    assert keys == [("author", 4), ("date", 3), ("tags", 5), ("title", 2)]  # each with the line of its field
    assert_one_line_naming(report, "wrong_type_front_matter.md")


def test_valid_dates_are_not_warned_about(tmp_path):
    text = "---\ndate: 5 May 2024\n---\n\nTitle line\n\nSome text here.\n"
    articles, report = read_one(tmp_path, "dated.md", text.encode())
    assert report.problems == [] and articles[0].meta.date == "2024-05-05"  # one form for ordering


@pytest.mark.parametrize(
    "name, text",
    [
        (
            "cp1252.txt",
            "Vladimir Putin said \u201cwe are friends\u201d in Moscow, at the caf\u00e9 \u2013 "
            "the one on the square.",
        ),
        (
            "latin1.txt",
            "Kim Jong Un visited the caf\u00e9 in Moscow and paid 5 \u00a3 for a "
            "cr\u00e8me br\u00fbl\u00e9e.",
        ),
        (
            "utf16.txt",
            "Vladimir Putin met Kim Jong Un in Moscow. The caf\u00e9 was closed \u201cfor good\u201d.",
        ),
        ("utf8_bom.txt", "Vladimir Putin met Kim Jong Un in Moscow. The caf\u00e9 was closed."),
    ],
)
def test_legacy_encodings_keep_every_character(tmp_path, name, text):
    articles, _ = read_one(tmp_path, name)
    assert articles[0].paragraphs[0].text == text
    assert not articles[0].title.startswith("\ufeff")


def test_control_characters_are_replaced_with_a_warning(tmp_path):
    articles, report = read_one(tmp_path, "controls.txt", b"Title\n\nOne \x1b[31mred\x07 word.\n")
    assert "\x1b" not in articles[0].text and "\x07" not in articles[0].text
    assert [p.line for p in report.problems] == [3]


def test_utf32_is_refused(tmp_path):
    articles, report = read_one(tmp_path, "utf32.txt", "Title\n\nText.\n".encode("utf-32"))
    assert articles == [] and "UTF-32" in report.problems[0].message


def test_article_over_the_default_cap_is_skipped_without_being_read(tmp_path):
    big = b"Over the cap\n\n" + b"Vladimir Putin met Kim Jong Un in Moscow. " * (CAP // 40 + 10)
    articles, report = read_one(tmp_path, "article_over_the_size_cap.txt", big)
    assert articles == []
    assert report.problems[0].severity == "error" and "cap" in report.problems[0].message
    assert_one_line_naming(report, "article_over_the_size_cap.txt")


def test_huge_file_is_refused_by_its_size_alone(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    huge = seeds / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(CAP * 5)  # sparse: refused before any byte is read
    report = Report()
    assert read_seeds(seeds, CAP, report, root=tmp_path) == []
    assert "10 MB, over the 2 MB cap" in report.problems[0].message


def test_size_cap_is_configurable(tmp_path):
    text = ("Small cap\n\n" + "Kim Jong Un met Vladimir Putin. " * 100).encode()
    assert read_one(tmp_path / "a", "small_cap.txt", text, cap=1000)[0] == []
    assert len(read_one(tmp_path / "b", "small_cap.txt", text, cap=10_000)[0]) == 1


def test_one_megabyte_single_line_is_built_in_paragraphs_spacy_can_take(tmp_path):
    sentence = "Vladimir Putin met Kim Jong Un in Moscow on a quiet afternoon and they talked. "
    line = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    articles, report = read_one(tmp_path, "one_megabyte_single_line.txt", line.encode())
    article = articles[0]
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in article.blocks)
    assert len(article.paragraphs) >= 10
    for block in article.blocks:  # offsets still point at the text
        assert article.text[block.start : block.start + len(block.text)] == block.text
    assert [(p.line, p.severity) for p in report.problems] == [(1, "warning")]


def test_same_title_gives_distinct_slugs_stable_across_builds(tmp_path):
    def slugs() -> dict[str, str]:
        report = Report()
        seeds = tmp_path / "seeds"
        seeds.mkdir(exist_ok=True)
        for name in ("same_title_b.md", "same_title_a.md"):
            shutil.copy(BAD / name, seeds / name)
        return {str(a.source): a.slug for a in read_seeds(seeds, CAP, report, root=tmp_path)}

    first = slugs()
    assert first == {
        "seeds/same_title_a.md": "two-seeds-with-the-same-title",
        "seeds/same_title_b.md": "two-seeds-with-the-same-title-2",
    }
    assert slugs() == first


def test_hidden_seed_is_not_published_and_is_reported(tmp_path):
    articles, report = read_one(tmp_path, ".leading_dot_seed.md")
    assert articles == []
    assert "starts with a dot" in report.problems[0].message
    assert_one_line_naming(report, ".leading_dot_seed.md")


def test_editor_lock_files_are_ignored_silently(tmp_path):
    articles, report = read_one(tmp_path, ".#draft.md", b"Title\n\nText.\n")
    assert articles == [] and report.problems == []


@pytest.mark.parametrize("name", ["not_a_seed.docx"])
def test_files_that_look_like_misplaced_articles_are_reported(tmp_path, name):
    articles, report = read_one(tmp_path, name)
    assert articles == [] and "not seeds" in report.problems[0].message
    assert "save it as .txt, .md or .html" in report.problems[0].message
    assert_one_line_naming(report, name)


def test_a_saved_web_page_is_a_seed_whose_markup_is_dropped(tmp_path):
    articles, _ = read_one(tmp_path, "not_a_seed.html")
    [article] = articles
    assert [b.text for b in article.paragraphs] == ["An article saved as HTML by mistake."]
    assert "<" not in article.text.split("---", 2)[2]  # the page's markup is gone, its text kept


@pytest.mark.parametrize("name", ["README", "picture.png"])
def test_other_files_are_ignored_silently(tmp_path, name):
    articles, report = read_one(tmp_path, name)
    assert articles == [] and report.problems == []


def test_symlink_leaving_the_seeds_folder_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret outside\n\nVladimir Putin met Kim Jong Un.\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "symlink_outside.txt").symlink_to(outside)
    (seeds / "inside_link.txt").symlink_to(BAD / "no_entities.txt")  # also outside: a link into the repo
    report = Report()
    assert read_seeds(seeds, CAP, report, root=tmp_path) == []
    assert sorted(p.path for p in report.problems) == ["seeds/inside_link.txt", "seeds/symlink_outside.txt"]
    assert all("not followed" in p.message for p in report.problems)


def test_read_seed_reports_unreadable_files(tmp_path):
    report = Report()
    missing = tmp_path / "gone.txt"
    assert read_seed(missing, CAP, SlugRegistry(), report, "seeds/gone.txt") is None
    assert report.problems[0].path == "seeds/gone.txt" and "cannot be read" in report.problems[0].message


# --- The whole project: every bad fixture at once, through the CLI and MkDocs ---


@pytest.fixture(scope="session")
def bad_project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("bad-project"), sorted(BAD.iterdir()))
    seeds = project / "seeds"
    outside = project / "outside.txt"
    outside.write_text("Secret outside\n\nVladimir Putin met Kim Jong Un.\n")
    (seeds / "symlink_outside.txt").symlink_to(outside)
    (seeds / "article_over_the_size_cap.txt").write_bytes(
        b"Over\n\n" + b"Kim Jong Un met Putin. " * (CAP // 22 + 10)
    )
    (seeds / "one_megabyte_single_line_tail.txt").write_text(
        "A long single line\n\n"
        + "Vladimir Putin met Kim Jong Un in Moscow. " * (MAX_BLOCK_CHARS // 42 + 200)
    )
    return project


@pytest.fixture(scope="session")
def bad_build(bad_project) -> subprocess.CompletedProcess:
    return generate(bad_project, "build")


@pytest.mark.model
@pytest.mark.slow
def test_cli_builds_the_good_seeds_and_exits_zero_without_strict(bad_build, bad_project):
    assert bad_build.returncode == 0, bad_build.stderr
    built = {
        frontmatter.load(p)["source_file"]
        for p in (bad_project / "docs" / "articles").glob("*.md")
        if p.name != "index.md"
    }
    expected = {f"seeds/{n}" for n, e in CASES.items() if e.built} | {
        "seeds/same_title_b.md",
        "seeds/one_megabyte_single_line_tail.txt",
        "seeds/not_a_seed.html",  # a saved web page is a seed: its text is read
    }
    assert built == expected


@pytest.mark.model
@pytest.mark.slow
def test_cli_prints_one_line_per_problem_naming_the_file(bad_build):
    lines = [line for line in bad_build.stderr.splitlines() if line.startswith(("warning:", "error:"))]
    skipped = [n for n, e in CASES.items() if not e.built] + [
        "symlink_outside.txt",
        "article_over_the_size_cap.txt",
    ]
    for name in skipped:
        assert any(line.startswith(f"error: seeds/{name}") and "skipped" in line for line in lines), name
    for name in ("cp1252.txt", "wrong_type_front_matter.md", ".leading_dot_seed.md", "not_a_seed.docx"):
        assert any(line.startswith(f"warning: seeds/{name}") for line in lines), name
    assert "Traceback" not in bad_build.stderr


@pytest.mark.model
@pytest.mark.slow
def test_cli_strict_exits_one_on_problems(bad_project, bad_build):
    result = generate(bad_project, "build", "--strict")
    assert result.returncode == 1
    assert "error: seeds/empty.md: skipped" in result.stderr


@pytest.mark.model
@pytest.mark.slow
def test_cli_strict_exits_zero_without_problems(tmp_path):
    project = make_project(tmp_path / "clean", [BAD / "utf8_bom.txt", BAD / "no_entities.txt"])
    result = generate(project, "build", "--strict")
    assert result.returncode == 0, result.stderr


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("argv", [[], ["build", "--no-such-option"], ["frobnicate"]])
def test_cli_usage_errors_exit_two(tmp_path, argv):
    assert generate(tmp_path, *argv).returncode == 2


@pytest.mark.model
@pytest.mark.slow
def test_cli_missing_config_exits_one_with_a_message(tmp_path):
    result = generate(tmp_path, "build")
    assert result.returncode == 1 and "mkdocs.yml: not found" in result.stderr


@pytest.mark.model
@pytest.mark.slow
def test_mkdocs_strict_fails_on_seed_problems_and_names_them(bad_project, bad_build):
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict"],
        cwd=bad_project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        "WARNING -  seeds/malformed_front_matter.md:5: skipped: front matter is not valid YAML"
        in result.stderr
    )
    assert "WARNING -  seeds/cp1252.txt:3: is not UTF-8" in result.stderr


@pytest.mark.model
@pytest.mark.slow
def test_mkdocs_without_strict_builds_the_good_seeds(bad_project, bad_build):
    result = subprocess.run(
        [str(MKDOCS), "build"], cwd=bad_project, env=ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    site = bad_project / "site" / "articles"
    assert (site / "two-seeds-with-the-same-title" / "index.html").exists()
    assert (site / "two-seeds-with-the-same-title-2" / "index.html").exists()
    assert (site / "an-article-with-no-names-in-it" / "index.html").exists()
    assert not list(site.glob("*broken*")) and not list(site.glob("*secret*"))


@pytest.mark.model
@pytest.mark.slow
def test_long_paragraph_keeps_entity_pages_small(bad_project, bad_build):
    page = bad_project / "docs" / "entities" / "vladimir-putin.md"
    assert page.exists()
    assert page.stat().st_size < 100_000, page.stat().st_size


MAX_PAGE_BYTES = 1_000_000


@pytest.mark.model
@pytest.mark.slow
def test_one_crowded_sentence_cannot_make_a_megabyte_page(tmp_path):
    from generator.config import Settings
    from generator.extract import extract_articles
    from generator.relate import build_graph
    from generator.render import Site, render_site
    from generator.resolve import resolve

    read_one(tmp_path, "crowded_sentence.txt")
    settings = Settings(root=tmp_path)
    corpus = resolve(
        extract_articles(read_seeds(tmp_path / "seeds", CAP, Report(), root=tmp_path), settings.model)
    )
    pages = render_site(Site(settings, "Explainer", corpus, build_graph(corpus)))
    largest = max(pages, key=lambda p: len(p.content) if not p.path.startswith("assets/") else 0)
    assert len(largest.content) < MAX_PAGE_BYTES, (largest.path, len(largest.content))


def test_file_name_with_newline_and_terminal_escape_is_shown_on_one_line(tmp_path):
    name = "evil\nname\x1b[31m.md"
    articles, report = read_one(tmp_path, name, b"")
    assert articles == []
    assert [str(p) for p in report.problems] == [
        "seeds/evil?name?[31m.md: skipped: is empty (or only whitespace); "
        "write the article text in it or delete the file"
    ]


def test_file_name_that_is_not_utf8_is_skipped_with_a_printable_message(tmp_path):
    name = os.fsdecode(b"caf\xe9-latin1-name.txt")  # a name saved by a Latin-1 system
    read_one(tmp_path, name, b"Vladimir Putin visited Pyongyang on Wednesday.\n")
    (tmp_path / "seeds" / "good.txt").write_text("Kim Jong Un met Vladimir Putin.\n", encoding="utf-8")
    report = Report()
    articles = read_seeds(tmp_path / "seeds", CAP, report, root=tmp_path)
    assert [a.source.name for a in articles] == ["good.txt"]  # the other seeds still build
    assert [str(p) for p in report.problems] == [
        "seeds/caf\ufffd-latin1-name.txt: skipped: its file name is not UTF-8 (the page would show it); "
        "rename the file"
    ]
    str(report.problems[0]).encode("utf-8")  # printable: no surrogate reaches stderr
