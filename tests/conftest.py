"""Shared fixtures: the example site is generated and built once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MKDOCS = Path(sys.executable).with_name("mkdocs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class BuiltSite:
    """A project copy in a temp folder, generated and built with `mkdocs build --strict`."""

    root: Path
    build_log: str

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"


def make_project(target: Path, seeds: list[Path] | None = None) -> Path:
    """A copy of this project's site setup (mkdocs.yml, overrides, generator link) with the given seeds."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    (target / "generator").symlink_to(ROOT / "generator")
    (target / "docs").mkdir()
    seeds_dir = target / "seeds"
    seeds_dir.mkdir()
    for seed in seeds if seeds is not None else sorted((ROOT / "seeds").iterdir()):
        shutil.copy(seed, seeds_dir / seed.name)
    return target


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", *extra], cwd=project, env=ENV, capture_output=True, text=True
    )


def generate(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *extra], cwd=project, env=ENV, capture_output=True, text=True
    )


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> BuiltSite:
    """The example seed, built once for every test that reads its output."""
    project = make_project(tmp_path_factory.mktemp("seed-site"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return BuiltSite(project, result.stderr)
