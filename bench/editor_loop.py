"""The editor's loop, for `make bench`: `mkdocs build` cold and after edits, `mkdocs serve` from a saved
seed to the browser's reload, and one big seed against bare spaCy on the same text.

Each figure is a fresh process. The browser is Debian's chromium, driven by Playwright.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
CHROMIUM = "/usr/bin/chromium"
BIG_SEED_BYTES = 1_000_000
SMALL_SEEDS = 12
SERVE_START_LIMIT_S = 1800
RELOAD_LIMIT_S = 600

# Peak memory of one command: run under a Python parent that reports its children's.
_RSS_SCRIPT = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], capture_output=True, text=True)
if code.returncode:
    sys.stderr.write(code.stderr[-3000:]); sys.exit(code.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed_with_rss(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one run of command."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT, *command], cwd=cwd, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return elapsed, int(result.stdout.split()[-1]) / 1024


def append(seed: Path, text: str) -> None:
    seed.write_text(seed.read_text(encoding="utf-8", errors="replace") + f"\n\n{text}\n", encoding="utf-8")


def article_page(project: Path, seed: Path) -> str:
    """The site path of the seed's article page."""
    needle = f'source_file: "seeds/{seed.name}"'
    for page in sorted((project / "docs" / "articles").glob("*.md")):
        if needle in page.read_text(encoding="utf-8"):
            return f"articles/{page.stem}/"
    raise SystemExit(f"bench: no article page for {seed}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"bench: {url} did not answer within {limit} s")


def _lowercase_mark() -> str:
    """A word of its own for each save, in lowercase letters, so that the save changes one article page, as
    the one-edit figure's paragraph does (a number in it was a new date entity, which redrew the nav)."""
    value, letters = time.time_ns(), []
    while value:
        value, digit = divmod(value, 26)
        letters.append(chr(ord("a") + digit))
    return "".join(letters)


def serve_reload_seconds(project: Path, seed: Path, env: dict) -> float:
    """From saving a paragraph into seed to the browser showing it, under `mkdocs serve` (live reload)."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(base, SERVE_START_LIMIT_S)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(base + article_page(project, seed))
            marker = f"Saved for the reload benchmark, mark {_lowercase_mark()}."
            start = time.perf_counter()
            append(seed, marker)
            deadline = start + RELOAD_LIMIT_S
            while time.perf_counter() < deadline:
                try:
                    if marker in page.content():
                        break
                except Exception:  # the page is navigating: its content is not there to read yet
                    pass
                time.sleep(0.1)
            else:
                raise SystemExit(f"bench: the edit did not show within {RELOAD_LIMIT_S} s")
            elapsed = time.perf_counter() - start
            browser.close()
        return elapsed
    finally:
        server.terminate()
        server.wait(timeout=60)


def big_seed(files: list[Path], where: Path) -> tuple[Path, Path]:
    """One seed of about BIG_SEED_BYTES made of the corpus's articles (dense with names, as a long report
    or transcript is), beside SMALL_SEEDS ordinary ones; (the project's seeds folder, the big seed)."""
    seeds = where / "seeds"
    seeds.mkdir(parents=True)
    parts, size = ["A long report, made of many articles", ""], 0
    for path in files[SMALL_SEEDS:]:
        body = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[-1].strip()
        parts.append(body)
        size += len(body.encode())
        if size >= BIG_SEED_BYTES:
            break
    big = seeds / "long-report.txt"
    big.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    for path in files[:SMALL_SEEDS]:
        (seeds / path.name).write_bytes(path.read_bytes())
    return seeds, big
