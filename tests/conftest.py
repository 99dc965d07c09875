"""Shared fixtures: the example site is generated and built once per test session.

Markers say what a test needs beyond Python: `model` (the spaCy model), `slow`
(a site built with MkDocs, or the corpora in ../shared), `browser` (Debian's
chromium). Tests that use the shared site and browser fixtures are marked by
those fixtures; `make test-fast` runs the tests that need none of them, with
spaCy and the site builders switched off, so an unmarked test fails there
instead of quietly loading the model.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MKDOCS = Path(sys.executable).with_name("mkdocs")
# PYTHONPATH: the hook and CLI import this checkout's generator, even where another is installed.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
FAST = os.environ.get("EXPLAINER_TEST_FAST") == "1"  # set by `make test-fast`

# Property tests: a few fixed examples in every run ("explainer"), 10,000 of each under `make fuzz`.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
hypothesis_settings.register_profile(
    "explainer", max_examples=25, derandomize=True, deadline=None, database=None, suppress_health_check=_QUIET
)
hypothesis_settings.register_profile("fuzz", max_examples=10_000, deadline=None, suppress_health_check=_QUIET)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "explainer"))
SITE_FIXTURES = {"seed_site", "seed_server", "story_site", "hostile_site"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if "browser" in item.fixturenames or "watched_page" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        if SITE_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.model)


class _NoSpacy:
    """An import hook for `make test-fast`: a test that loads spaCy is missing its `model` marker."""

    def find_spec(self, name, path=None, target=None):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("make test-fast: this test needs the spaCy model; mark it @pytest.mark.model")
        return None


if FAST:
    sys.meta_path.insert(0, _NoSpacy())


def _not_in_fast_runs() -> None:
    if FAST:
        raise RuntimeError(
            "make test-fast: this test builds a site or runs the CLI; mark it @pytest.mark.slow"
        )


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
    _not_in_fast_runs()
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
    _not_in_fast_runs()
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", *extra], cwd=project, env=ENV, capture_output=True, text=True
    )


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by its path there: what tests compare byte for byte."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def generate(project: Path, *extra: str) -> subprocess.CompletedProcess:
    _not_in_fast_runs()
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


# --- Browser: Debian's chromium driven by Playwright, against sites served on 127.0.0.1 ---

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def serve(folder: Path):
    """Serve folder on 127.0.0.1 on a free port, in a thread; returns (base_url, server)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def _quiet_handler_base():
    import http.server

    return http.server.SimpleHTTPRequestHandler


class _QuietHandler(_quiet_handler_base()):
    def log_message(self, *args) -> None:  # keep pytest output clean
        pass


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole session; tests are skipped with a reason if it is missing."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run 'make test' as root, or 'apt-get install chromium'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def seed_server(seed_site):
    base, server = serve(seed_site.site)
    yield base
    server.shutdown()


@dataclass
class WatchedPage:
    """A browser page that records console errors, page errors and requests leaving 127.0.0.1."""

    page: object
    errors: list
    external: list


@pytest.fixture
def watched_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watched = WatchedPage(page, [], [])
    page.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watched.errors.append(str(e)))

    def on_request(request) -> None:
        url = request.url
        if not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:", "file:")):
            watched.external.append(url)

    page.on("request", on_request)
    yield watched
    context.close()


# --- The Yukos story: BBC articles that mention Yukos at least 6 times (issue 5) ---

BBC = SHARED / "corpus" / "bbc"
YUKOS_MIN_MENTIONS = 6


def yukos_seeds() -> list[Path]:
    return [
        p
        for p in sorted(BBC.glob("*.txt"))
        if p.read_text(encoding="utf-8").count("Yukos") >= YUKOS_MIN_MENTIONS
    ]


@pytest.fixture(scope="session")
def story_site(tmp_path_factory) -> BuiltSite:
    """The multi-article Yukos story, generated and built with --strict once per session."""
    seeds = yukos_seeds()
    if not seeds:
        pytest.fail(f"BBC corpus missing at {BBC}: clone the project with ../shared beside it")
    project = make_project(tmp_path_factory.mktemp("story-site"), seeds)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return BuiltSite(project, result.stderr)


# --- Hostile seeds (tests/fixtures/hostile/), built once for test_hostile*.py ---

HOSTILE_FILE_NAME = (
    "\"><img src=x onerror=alert('filename') id=injected-filename>.md"  # made here: not portable to commit
)


def hostile_project(target: Path) -> Path:
    project = make_project(target, sorted((ROOT / "tests" / "fixtures" / "hostile").iterdir()))
    (project / "seeds" / HOSTILE_FILE_NAME).write_text(
        "A seed with a hostile file name\n\nVladimir Putin met Kim Jong Un.\n"
    )
    return project


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> BuiltSite:
    """The hostile fixtures built with plain `mkdocs build` (one seed has a bad date: --strict refuses it)."""
    project = hostile_project(tmp_path_factory.mktemp("hostile-site"))
    result = subprocess.run(
        [str(MKDOCS), "build"], cwd=project, env=ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return BuiltSite(project, result.stderr)


@contextlib.contextmanager
def built_and_served(project: Path):
    """Build a project with `mkdocs build --strict`, then serve its site/ on 127.0.0.1 for the block."""
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    base, server = serve(project / "site")
    try:
        yield base
    finally:
        server.shutdown()
