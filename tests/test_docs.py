"""The README says what the code does: its configuration table is config.Settings, its commands are the
Makefile's targets, and mkdocs.yml's listed settings are the defaults it says they are."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from generator.config import Settings, read_mkdocs_yml, user_settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else len(README)]


def _table(section: str) -> list[list[str]]:
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]  # no header, no rule


def _default(cell: str) -> object:
    value = cell.strip("`")
    if value == '""':
        return ""
    return int(value) if re.fullmatch(r"-?\d+", value) else value


def test_the_configuration_table_is_the_settings():
    rows = _table(_section("Configuration"))
    assert [row[0].strip("`") for row in rows] == user_settings()
    defaults = {f.name: f.default for f in fields(Settings)}
    documented = {row[0].strip("`"): _default(row[1]) for row in rows}
    assert documented == {key: defaults[key] for key in user_settings()}


def test_mkdocs_yml_lists_defaults_only():
    listed = read_mkdocs_yml(ROOT / "mkdocs.yml")["extra"]["explainer"]
    defaults = {f.name: f.default for f in fields(Settings)}
    assert listed and all(defaults[key] == value for key, value in listed.items())


def test_every_command_in_the_readme_is_a_make_target_and_every_target_is_in_the_readme():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split())
    documented = {re.fullmatch(r"`make ([\w-]+)`", row[0]).group(1) for row in _table(_section("Commands"))}
    internal = {"browser-deps", "clean"}  # set-up steps the others run, and a clean-up
    assert documented == phony - internal
