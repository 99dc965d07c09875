"""Interrupted builds: killed at many points, docs/ stays consistent and the next run completes it.

Three ways to interrupt, all bounded and seeded:
- in process, at every single step of the write stage (each file write, each
  removal), sometimes leaving a half-written temporary file as SIGKILL would;
- SIGKILL of a process running only the write stage, at random moments inside it;
- SIGKILL of `python -m generator build` at random moments.
After each: every file holds its old or its new bytes (or is the editor's),
the manifest vouches for every generated file on disk, and one more run gives
exactly the bytes of a clean build.
"""

from __future__ import annotations

import os
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import write
from generator.config import Settings
from generator.extract import extract_articles
from generator.model import Page, Report
from generator.read import read_seeds
from generator.relate import build_graph
from generator.render import Site, render_site
from generator.resolve import resolve
from generator.write import MANIFEST, sha256, write_pages

from .conftest import ENV, MKDOCS, ROOT, generate, make_project
from .test_write import snapshot

pytestmark = [pytest.mark.model, pytest.mark.slow]

BAD = ROOT / "tests" / "fixtures" / "bad"
SEED = sorted((ROOT / "seeds").iterdir())
OLD_SEEDS = SEED + [BAD / "cp1252.txt", BAD / "no_entities.txt", BAD / "same_title_a.md"]
NEW_SEEDS = SEED + [
    BAD / "utf8_bom.txt",
    BAD / "same_title_a.md",
    BAD / "same_title_b.md",
    BAD / "file name with spaces.md",
]
HAND = {
    "about.md": b"# About this site\n\nWritten by an editor.\n",
    "articles/editors-note.md": b"# A note\n",
}
PROCESS_KILLS = 30
CLI_KILLS = 5


class Killed(BaseException):
    """Stands for SIGKILL: nothing in the generator catches it."""


def pages_for(seeds: list[Path], tmp: Path) -> list[Page]:
    """The pages a build of these seeds writes (the pipeline's stages, without the write)."""
    folder = tmp / "seeds"
    folder.mkdir(parents=True)
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    settings = Settings(root=tmp)
    corpus = resolve(
        extract_articles(read_seeds(folder, settings.max_seed_bytes, Report(), root=tmp), settings.model)
    )
    return render_site(Site(settings, "Explainer", corpus, build_graph(corpus)))


def clean_build(pages: list[Page], docs: Path) -> dict[str, bytes]:
    docs.mkdir(parents=True)
    for path, data in HAND.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)
    write_pages(docs, pages, Report())
    return snapshot(docs)


@pytest.fixture(scope="session")
def states(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kill-states")
    old_pages = pages_for(OLD_SEEDS, tmp / "old-seeds")
    new_pages = pages_for(NEW_SEEDS, tmp / "new-seeds")
    old = clean_build(old_pages, tmp / "old")
    new = clean_build(new_pages, tmp / "new")
    return tmp, old_pages, new_pages, old, new


def check_interrupted(docs: Path, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    """Every file is whole: old bytes or new bytes; the manifest vouches for every generated file."""
    manifest = write.load_manifest(docs, Report())
    for path, data in snapshot(docs).items():
        if Path(path).name.startswith(".tmp-"):
            continue  # a leftover temporary file: never read by MkDocs (dot file), cleaned by the next run
        if path == MANIFEST:
            continue
        assert data in (old.get(path), new.get(path)), f"{path} holds neither its old nor its new bytes"
        if path in HAND:
            assert data == HAND[path] and path not in manifest
        else:
            assert sha256(data) in manifest.get(path, ()), (
                f"{path} is on disk but the manifest does not vouch for it"
            )


def test_kill_at_every_step_of_the_write_stage(states, monkeypatch):
    tmp, _, new_pages, old, new = states
    real_write, real_remove = write.write_atomic, write.remove_file
    steps = {"n": 0, "kill_at": -1}

    def step(path: Path) -> None:
        if steps["n"] == steps["kill_at"]:
            if steps["n"] % 2:  # killed inside write_atomic: a temporary file is left behind
                (path.parent / f".tmp-k{steps['n']:07d}{path.suffix}").write_bytes(b"half a pa")
            raise Killed
        steps["n"] += 1

    monkeypatch.setattr(write, "write_atomic", lambda path, data: (step(path), real_write(path, data)))
    monkeypatch.setattr(write, "remove_file", lambda path: (step(path), real_remove(path)))

    total = None
    kill_at = 0
    while total is None or kill_at <= total:
        docs = tmp / f"step-{kill_at}"
        shutil.copytree(tmp / "old", docs)
        steps.update(n=0, kill_at=kill_at)
        try:
            write_pages(docs, new_pages, Report())
            total = steps["n"]  # not killed: every step done
        except Killed:
            pass
        check_interrupted(docs, old, new)
        steps["kill_at"] = -1
        report = Report()
        write_pages(docs, new_pages, report)
        assert report.problems == []
        assert snapshot(docs) == new, (
            f"killed at step {kill_at}: the next run did not give a clean build's bytes"
        )
        shutil.rmtree(docs)
        kill_at += 1
    assert total > 20, total  # the transition really has many steps (writes, removals, manifests)
    print(f"kill points tested in process: {kill_at}")


DRIVER = """
import pickle, sys, time
from pathlib import Path
from generator.model import Report
from generator.write import write_pages
pages = pickle.loads(Path(sys.argv[2]).read_bytes())
print("go", flush=True)
start = time.perf_counter()
write_pages(Path(sys.argv[1]), pages, Report())
print(time.perf_counter() - start, flush=True)
"""


def test_sigkill_during_the_write_stage(states):
    tmp, _, new_pages, old, new = states
    pickled = tmp / "new-pages.pickle"
    pickled.write_bytes(pickle.dumps(new_pages))

    def run(docs: Path, delay: float | None) -> float | None:
        process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(docs), str(pickled)],
            env=ENV,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout.readline().strip() == "go"
        if delay is None:
            elapsed = float(process.stdout.readline())
            process.wait()
            return elapsed
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        return None

    shutil.copytree(tmp / "old", tmp / "timing")
    duration = run(tmp / "timing", None)
    rng = random.Random(6)
    for i in range(PROCESS_KILLS):
        docs = tmp / f"sigkill-{i}"
        shutil.copytree(tmp / "old", docs)
        run(docs, rng.uniform(0, duration * 1.2))
        check_interrupted(docs, old, new)
        write_pages(docs, new_pages, Report())
        assert snapshot(docs) == new, f"SIGKILL {i}: the next run did not give a clean build's bytes"
        shutil.rmtree(docs)


def project_with(seeds: list[Path], target: Path) -> Path:
    project = make_project(target, seeds)
    for path, data in HAND.items():
        (project / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / path).write_bytes(data)
    assert generate(project, "build").returncode == 0
    return project


@pytest.fixture(scope="session")
def cli_projects(tmp_path_factory):
    """A project built from the old seeds and then given the new ones; and a clean build of the new seeds."""
    base = tmp_path_factory.mktemp("kill-cli")
    clean = project_with(NEW_SEEDS, base / "clean")
    old = project_with(OLD_SEEDS, base / "old")
    shutil.rmtree(old / "seeds")
    (old / "seeds").mkdir()
    for seed in NEW_SEEDS:
        shutil.copy(seed, old / "seeds" / seed.name)
    return base, old, snapshot(clean / "docs")


def mkdocs_without_hook(project: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` of docs/ exactly as it is (the hook would regenerate it first)."""
    config = project / "mkdocs-as-is.yml"
    config.write_text(
        (project / "mkdocs.yml").read_text().replace("hooks:\n  - generator/mkdocs_hook.py\n", "")
    )
    return subprocess.run(
        [str(MKDOCS), "build", "-f", str(config), "-d", str(project / "site-as-is")],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


def test_sigkill_of_the_cli_build_at_random_moments(cli_projects):
    base, old_project, clean = cli_projects
    old_docs = snapshot(old_project / "docs")
    rng = random.Random(60)
    for i in range(CLI_KILLS):
        project = base / f"cli-kill-{i}"
        shutil.copytree(old_project, project, symlinks=True)
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "build"],
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 2.5))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        check_interrupted(project / "docs", old_docs, clean)
        if i < 2:
            as_is = mkdocs_without_hook(project)
            assert as_is.returncode == 0, as_is.stderr
        result = generate(project, "build", "--strict")
        assert result.returncode == 0, result.stderr
        assert snapshot(project / "docs") == clean, (
            f"CLI kill {i}: the next run did not give a clean build's bytes"
        )
        if i == 0:
            built = subprocess.run(
                [str(MKDOCS), "build", "--strict"],
                cwd=project,
                env=ENV,
                capture_output=True,
                text=True,
                check=False,
            )
            assert built.returncode == 0, built.stderr
        shutil.rmtree(project)
