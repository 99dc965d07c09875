"""Same seeds, same bytes: docs/ and site/ (apart from the sitemap's dates) are identical across builds."""

from __future__ import annotations

import subprocess

import pytest

from generator.stamp import STAMP_FILE

from .conftest import ENV, MKDOCS, generate, hostile_project, make_project
from .test_write import snapshot

pytestmark = [pytest.mark.model, pytest.mark.slow]

# What MkDocs itself stamps with the build date.
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}


def test_a_second_project_with_the_same_seeds_gives_the_same_bytes(hostile_site, tmp_path):
    project = hostile_project(tmp_path / "again")
    env = {**ENV, "PYTHONHASHSEED": "12345"}  # set and dict order must not depend on string hashing
    result = subprocess.run(
        [str(MKDOCS), "build"], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "docs") == snapshot(hostile_site.docs)
    first = {k: v for k, v in snapshot(hostile_site.site).items() if k not in STAMPED}
    second = {k: v for k, v in snapshot(project / "site").items() if k not in STAMPED}
    assert first.keys() == second.keys()
    differing = sorted(k for k in first if first[k] != second[k])
    assert differing == []


def test_rebuilding_in_place_writes_nothing(tmp_path):
    project = make_project(tmp_path / "p")
    assert generate(project, "build").returncode == 0
    before = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    result = generate(project, "build")
    assert "nothing changed since the last build" in result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == before
    # Without the build stamp the build runs in full, and still finds every byte in place.
    (project / ".cache" / "explainer" / STAMP_FILE).unlink()
    result = generate(project, "build")
    assert "(0 written," in result.stderr and ", 0 removed)" in result.stderr, result.stderr
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()} == before
