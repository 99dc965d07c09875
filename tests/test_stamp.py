"""The build stamp: a build with nothing changed leaves docs/ alone; any change builds in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.config import load_settings
from generator.pipeline import build
from generator.stamp import STAMP_FILE

from .conftest import folder_bytes, make_project

pytestmark = [pytest.mark.model, pytest.mark.slow]

BROKEN_FRONT_MATTER = "---\ntitle: [never closed\n---\nSome text about Vladimir Putin in Moscow.\n"


def docs_bytes(project: Path) -> dict[str, bytes]:
    return folder_bytes(project / "docs")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The seed site plus one seed with broken front matter, built once."""
    project = make_project(tmp_path_factory.mktemp("stamp"))
    (project / "seeds" / "broken-front-matter.md").write_text(BROKEN_FRONT_MATTER, encoding="utf-8")
    first = build(load_settings(project / "mkdocs.yml"))
    assert not first.up_to_date and first.written.written
    return project


def rebuild(project: Path):
    return build(load_settings(project / "mkdocs.yml"))


def test_unchanged_inputs_leave_docs_alone_and_repeat_the_problems(project):
    before = docs_bytes(project)
    first_problems = [str(p) for p in rebuild(project).report.problems]  # settles the stamp
    result = rebuild(project)
    assert result.up_to_date
    assert result.written.written == [] and result.pages == len(result.page_paths) > 0
    assert [str(p) for p in result.report.problems] == first_problems
    assert any("broken-front-matter.md" in p for p in first_problems)
    assert docs_bytes(project) == before


def test_strict_still_fails_on_an_up_to_date_build(project, capsys):
    rebuild(project)
    assert main(["--config", str(project / "mkdocs.yml"), "build", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "nothing changed since the last build" in err and "broken-front-matter.md" in err


def test_an_edited_seed_builds_again(project):
    rebuild(project)
    seed = project / "seeds" / "000_1db89f9d34d9bd10.txt"
    original = seed.read_text(encoding="utf-8")
    try:
        seed.write_text(
            original + "\nKim Jong Un later met Sergei Lavrov in Vladivostok.\n", encoding="utf-8"
        )
        result = rebuild(project)
        assert not result.up_to_date and result.written.written
    finally:
        seed.write_text(original, encoding="utf-8")
        rebuild(project)


def test_a_deleted_or_edited_page_is_noticed(project):
    rebuild(project)
    page = project / "docs" / "entities" / "vladimir-putin.md"
    content = page.read_bytes()
    page.unlink()
    result = rebuild(project)
    assert not result.up_to_date and page.read_bytes() == content
    page.write_bytes(content + b"\nAn editor's note.\n")
    result = rebuild(project)
    assert not result.up_to_date
    assert any("edited by hand" in str(p) for p in result.report.problems)
    page.unlink()
    rebuild(project)
    assert page.read_bytes() == content


def test_a_changed_setting_builds_again(project):
    rebuild(project)
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    try:
        config.write_text(original.replace("layout_seed: 7 ", "layout_seed: 8 ", 1), encoding="utf-8")
        assert load_settings(config).layout_seed == 8
        assert not rebuild(project).up_to_date
    finally:
        config.write_text(original, encoding="utf-8")
        rebuild(project)


def test_a_corrupt_stamp_is_ignored(project):
    rebuild(project)
    stamp = load_settings(project / "mkdocs.yml").cache_dir / STAMP_FILE
    assert json.loads(stamp.read_text())["inputs"]
    stamp.write_text("{not json", encoding="utf-8")
    before = docs_bytes(project)
    result = rebuild(project)
    assert not result.up_to_date and result.written.written == []
    assert docs_bytes(project) == before
    assert rebuild(project).up_to_date


def test_the_cli_and_the_mkdocs_hook_share_one_stamp(project):
    from dataclasses import replace

    from generator.stamp import environment_digest, inputs_digest

    settings = load_settings(project / "mkdocs.yml")
    absolute = replace(
        settings, docs=str(settings.docs_dir.resolve()), seeds=str(settings.seeds_dir.resolve())
    )
    assert environment_digest(absolute, "Explainer") == environment_digest(settings, "Explainer")
    assert inputs_digest(absolute, "environment") == inputs_digest(settings, "environment")


def test_an_unreadable_seed_is_counted_not_fatal(project, monkeypatch):
    from generator.stamp import inputs_digest

    settings = load_settings(project / "mkdocs.yml")
    readable = inputs_digest(settings, "environment")
    real = Path.read_bytes

    def refuse(path):
        if path.name == "broken-front-matter.md":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert inputs_digest(settings, "environment") != readable


def test_an_upgraded_library_or_model_builds_again(project, monkeypatch):
    from generator import stamp

    settings = load_settings(project / "mkdocs.yml")
    before = stamp.environment_digest(settings, "Explainer")
    for package in ("pyvis", settings.model):
        real = stamp.installed_version
        monkeypatch.setattr(
            stamp,
            "installed_version",
            lambda name, package=package, real=real: "99" if name == package else real(name),
        )
        assert stamp.environment_digest(settings, "Explainer") != before
        monkeypatch.undo()
