"""`make audit`: Lighthouse on the built site, against a plain mkdocs-material page holding the same article.

Builds the site and the plain "anchor" page into a temp folder, serves each on 127.0.0.1,
runs lighthouse (npm, pinned in package-lock.json) with Debian's chromium three times per
page, keeps the median of each category and writes every report to reports/lighthouse/.
Targets: accessibility 100 on our pages, every other category at least the anchor's score
in the same run (scores drift with machine load, so only same-run numbers are compared).
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from generator.markup import md_inline, md_text
from generator.model import Report
from generator.read import read_seeds

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
REPORTS = ROOT / "reports" / "lighthouse"
RUNS = 3
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped like any real host does (Python's server sends text uncompressed,
    which would make the audit measure the server rather than the pages). Same for both sites."""

    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".map")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in self.TEXT and path.is_file()) or not self.path.split("?")[
            0
        ].endswith(("/", path.name)):
            return super().send_head()
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


@functools.cache
def _gzipped(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def mkdocs(*args: str, cwd: Path, site_url: str) -> None:
    mkdocs_bin = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs_bin), "build", "--strict", *args],
        cwd=cwd,
        env={**ENV, "EXPLAINER_SITE_URL": site_url},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"audit: mkdocs build failed in {cwd}:\n{result.stderr}")


def richest(site: Path, folder: str) -> str:
    """The page under folder with the most HTML: the one with the most to audit."""
    pages = [p for p in (site / folder).glob("*/index.html")]
    if not pages:
        sys.exit(f"audit: the site has no pages under {folder}/")
    best = max(pages, key=lambda p: (p.stat().st_size, str(p)))
    return best.parent.relative_to(site).as_posix() + "/"


def anchor_markdown(article_url: str) -> str:
    """The audited article's text as plain Markdown: headline, section headings and paragraphs."""
    slug = article_url.rstrip("/").split("/")[-1]
    articles = read_seeds(ROOT / "seeds", 2_000_000, Report(), ROOT)
    article = next((a for a in articles if a.slug == slug), None)
    if article is None:
        sys.exit(f"audit: no seed has the slug {slug}")
    lines = [f"# {md_inline(article.title)}", ""]
    for block in article.blocks:
        lines += [f"## {md_inline(block.text)}" if block.kind == "heading" else md_text(block.text), ""]
    return "\n".join(lines)


def build_anchor(folder: Path, markdown: str, site_url: str) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text(markdown, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Explainer\n"
        f"site_url: {site_url}\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n"
        "extra:\n  generator: false\n",
        encoding="utf-8",
    )
    mkdocs(cwd=folder, site_url=site_url)
    return folder / "site"


def lighthouse(url: str, name: str, run: int) -> dict[str, int]:
    output = REPORTS / f"{name}-run{run}"
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output=html",
            f"--output-path={output}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"audit: lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(Path(f"{output}.report.json").read_text(encoding="utf-8"))
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def median_scores(urls: dict[str, str]) -> dict[str, dict[str, int]]:
    """RUNS rounds over all pages (round-robin, so a burst of machine load hits every page alike)."""
    runs: dict[str, list[dict[str, int]]] = {name: [] for name in urls}
    for run in range(1, RUNS + 1):
        for name, url in urls.items():
            runs[name].append(lighthouse(url, name.split(" ")[0], run))
    for name, rows in runs.items():
        print(
            f"  {name}: " + "; ".join(" ".join(str(r[c]) for c in CATEGORIES) for r in rows), file=sys.stderr
        )
    return {
        name: {c: int(statistics.median(r[c] for r in rows)) for c in CATEGORIES}
        for name, rows in runs.items()
    }


def misses(scores: dict[str, dict[str, int]], anchor: str) -> list[str]:
    found = []
    for name, row in scores.items():
        if name == anchor:
            continue
        if row["accessibility"] < 100:
            found.append(f"{name}: accessibility {row['accessibility']} < 100")
        for category in CATEGORIES:
            if category != "accessibility" and row[category] < scores[anchor][category]:
                found.append(f"{name}: {category} {row[category]} < plain page's {scores[anchor][category]}")
    return found


def table(scores: dict[str, dict[str, int]], pages: dict[str, str]) -> str:
    lines = ["| page | url | " + " | ".join(CATEGORIES) + " |", "|---|---|" + "---:|" * len(CATEGORIES)]
    for name, row in scores.items():
        lines.append(f"| {name} | {pages[name]} | " + " | ".join(str(row[c]) for c in CATEGORIES) + " |")
    return "\n".join(lines)


def main() -> int:
    if not LIGHTHOUSE.exists():
        sys.exit("audit: lighthouse is missing: run 'make npm'")
    REPORTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="explainer-audit-") as temp:
        temp_dir = Path(temp)
        (temp_dir / "site").mkdir()
        (temp_dir / "anchor").mkdir()
        # Serve first, so each site is built with the URL it is served at (canonical, sitemap).
        site_base, site_server = serve(temp_dir / "site")
        anchor_base, anchor_server = serve(temp_dir / "anchor" / "site")
        try:
            mkdocs("--site-dir", str(temp_dir / "site"), cwd=ROOT, site_url=site_base)
            article = richest(temp_dir / "site", "articles")
            (temp_dir / "anchor").rmdir()
            build_anchor(temp_dir / "anchor", anchor_markdown(article), anchor_base)
            pages = {"home": "", "article": article, "entity": richest(temp_dir / "site", "entities")}
            urls = {name: site_base + path for name, path in pages.items()}
            urls["plain page (anchor)"] = anchor_base
            pages["plain page (anchor)"] = "mkdocs-material, same article text"
            print(
                f"audit: lighthouse x{RUNS} per page (performance accessibility best-practices seo)",
                file=sys.stderr,
            )
            scores = median_scores(urls)
        finally:
            site_server.shutdown()
            anchor_server.shutdown()
    summary = table(scores, pages)
    missed = misses(scores, "plain page (anchor)")
    (REPORTS / "summary.md").write_text(f"Median of {RUNS} lighthouse runs\n\n{summary}\n", encoding="utf-8")
    (REPORTS / "summary.json").write_text(
        json.dumps({"pages": pages, "scores": scores, "missed": missed}, indent=2) + "\n", encoding="utf-8"
    )
    print(summary)
    print(f"\nreports: {REPORTS.relative_to(ROOT)}/")
    for miss in missed:
        print(f"target missed: {miss}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
