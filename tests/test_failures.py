"""No traceback for input problems; a bug gets one line saying what the build was doing, then its traceback.

The CLI is driven in-process (generator.cli.main), as sqlite-utils tests its CLI.
"""

from __future__ import annotations

import pytest

from generator import cli

from .conftest import make_project

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "site")


def test_a_bug_names_the_seed_it_was_drawing_then_shows_its_traceback(project, monkeypatch, capsys):
    from generator.render import articles

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the article page")

    monkeypatch.setattr(articles, "_linked_text", broken)
    assert cli.main(["--config", str(project / "mkdocs.yml"), "build"]) == 1
    first, *rest = capsys.readouterr().err.strip().splitlines()
    seed = next((project / "seeds").iterdir()).name
    assert first == (
        f"internal error: RuntimeError: a bug in the article page (while drawing the page of "
        f"seeds/{seed}); please report it, with the traceback below"
    )
    assert rest[0] == "Traceback (most recent call last):" and "a bug in the article page" in rest[-1]


def test_a_bug_while_reading_names_the_seed(project, monkeypatch, capsys):
    import generator.read

    def broken(*args, **kwargs):
        raise ValueError("a bug in the reader")

    monkeypatch.setattr(generator.read, "find_title", broken)
    assert cli.main(["--config", str(project / "mkdocs.yml"), "build"]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("internal error: ValueError: a bug in the reader (while reading seeds/")


def test_a_folder_the_build_cannot_write_is_one_line_not_a_traceback(project, capsys):
    (project / "docs").rmdir()
    (project / "docs").write_text("a file where the docs folder should be", encoding="utf-8")
    assert cli.main(["--config", str(project / "mkdocs.yml"), "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("error:")]
    assert "docs" in line and "check that it exists and the build may read and write it" in line


def test_a_yaml_bomb_in_front_matter_costs_what_its_text_does(project):
    """Anchors that refer to anchors ('billion laughs') make a few lines stand for 2**40 values: nothing in
    the build may walk them (a digest, a message). It builds like any seed; a walk would never end."""
    import subprocess
    import sys

    from .conftest import ENV

    levels = [f"  l{n}: &l{n} [*l{n - 1}, *l{n - 1}, *l{n - 1}, *l{n - 1}]" for n in range(1, 21)]
    bomb = "\n".join(
        [
            "---",
            "title: A bomb",
            "entities:",
            '  l0: &l0 ["lol"]',
            *levels,
            "tags: *l20",
            "---",
            "Vladimir Putin met Kim Jong Un.",
            "",
        ]
    )
    (project / "seeds" / "bomb.md").write_text(bomb, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (project / "docs" / "articles" / "a-bomb.md").exists()
