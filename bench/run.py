"""`make bench`: generate and build a site from a corpus, against the NLP floor measured in the same run.

CORPUS=path overrides the corpus (default ../shared/corpus/bbc); LIMIT=N takes the
first N files. Prints a table and writes bench/results/latest.json.

The floor is the same texts through bare spaCy's entity recogniser (the same
model with tagger, parser, lemmatizer and attribute ruler excluded) with the same
number of processes: the least any NER-based generator could spend. Ratios to it
are what to compare across runs, since these machines are noisy.

Each figure is a fresh `python -m generator build` process: cold (no cache, no
docs/), warm (nothing changed), one edit (a paragraph naming no one appended to
one seed) and one edit naming the corpus's most mentioned people and place
(which changes every page that shows them).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench import editor_loop

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
RESULTS = ROOT / "bench" / "results"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def corpus_files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    return files[:limit] if limit else files


def make_project(files: list[Path], where: Path, seeds_ready: bool = False) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", where / "overrides")
    (where / "generator").symlink_to(ROOT / "generator")
    (where / "docs").mkdir()
    if not seeds_ready:
        (where / "seeds").mkdir()
    for path in files:
        shutil.copy(path, where / "seeds" / path.name)
    return where


NAMES_EDIT = "Tony Blair met Gordon Brown in London on Monday."


def unique_file(files: list[Path], start: int) -> Path:
    """The first file from files[start] on that has no duplicate in the corpus: editing one of a pair of
    duplicates makes the other a new article, which is another kind of change."""
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]
    counts = Counter(digests)
    return next(
        p for p, d in zip(files[start:] + files[:start], digests[start:] + digests[:start]) if counts[d] == 1
    )


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return elapsed


FLOOR_SCRIPT = """
import sys, time, spacy
from pathlib import Path
model, processes = sys.argv[1], int(sys.argv[2])
texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in sys.argv[3:]]
nlp = spacy.load(model, exclude=["tagger", "parser", "lemmatizer", "attribute_ruler"])
nlp.max_length = max([nlp.max_length, *(len(text) + 1 for text in texts)])  # the big seed is one text
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
    pass
print(time.perf_counter() - start)
"""


def floor_seconds(files: list[Path], model: str, processes: int) -> float:
    """Bare NER over the same texts; like the generator's run, it includes start-up and the model load."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", FLOOR_SCRIPT, model, str(processes), *map(str, files)],
        env=ENV,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"bench: floor run failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def words(files: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)


def html_sizes(site: Path, folder: str) -> list[int]:
    return [p.stat().st_size for p in (site / folder).glob("*/index.html")]


def main() -> None:
    corpus = Path(os.environ.get("CORPUS") or DEFAULT_CORPUS)
    limit = int(os.environ["LIMIT"]) if os.environ.get("LIMIT") else None
    if not corpus.is_dir():
        sys.exit(f"bench: corpus folder {corpus} not found; set CORPUS=path")
    files = corpus_files(corpus, limit)
    sys.path.insert(0, str(ROOT))
    from generator.config import Settings

    settings = Settings()
    processes = settings.process_count
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        project = make_project(files, Path(tmp))
        generate = [sys.executable, "-m", "generator", "build"]
        print(f"bench: {len(files)} files from {corpus}, {processes} processes", file=sys.stderr)
        floor = floor_seconds(files, settings.model, processes)
        cold = timed(generate, project)
        warm = timed(generate, project)
        # An edit that names no one (a typo fixed, a paragraph added): it changes one article page.
        edited = project / "seeds" / unique_file(files, len(files) // 2).name
        edited.write_text(
            edited.read_text(encoding="utf-8", errors="replace")
            + "\n\nOne more paragraph for the benchmark.\n",
            encoding="utf-8",
        )
        one_edit = timed(generate, project)
        # An edit that names the corpus's most mentioned people and place: every page that shows them changes.
        edited = project / "seeds" / unique_file(files, len(files) // 3).name
        edited.write_text(
            edited.read_text(encoding="utf-8", errors="replace") + "\n\n" + NAMES_EDIT + "\n",
            encoding="utf-8",
        )
        one_edit_names = timed(generate, project)
        peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        mkdocs = [editor_loop.MKDOCS, "build"]
        # Every page rendered: docs/ is up to date, the site cache empty.
        mkdocs_s, mkdocs_rss_mb = editor_loop.timed_with_rss(mkdocs, project, ENV)
        site = project / "site"
        pages = sum(1 for _ in site.rglob("*.html"))
        article_sizes = html_sizes(site, "articles")
        search = site / "search" / "search_index.json"
        site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        result = {
            "articles": len(files),
            "words": words(files),
            "processes": processes,
            "generate_cold_s": round(cold, 2),
            "floor_s": round(floor, 2),
            "cold_over_floor": round(cold / floor, 3),
            "generate_warm_s": round(warm, 2),
            "warm_over_cold": round(warm / cold, 3),
            "one_edit_s": round(one_edit, 2),
            "one_edit_over_cold": round(one_edit / cold, 3),
            "one_edit_names_s": round(one_edit_names, 2),
            "one_edit_names_over_cold": round(one_edit_names / cold, 3),
            "mkdocs_build_s": round(mkdocs_s, 2),
            "pages": pages,
            "pages_per_s": round(pages / mkdocs_s, 1),
            "peak_rss_mb": round(peak_rss_mb, 1),
            "site_mb": round(site_bytes / 1e6, 2),
            "article_page_kb_median": round(statistics.median(article_sizes) / 1000, 1)
            if article_sizes
            else None,
            "article_page_kb_max": round(max(article_sizes) / 1000, 1) if article_sizes else None,
            "search_index_kb": round(search.stat().st_size / 1000, 1) if search.exists() else None,
            "mkdocs_peak_rss_mb": round(mkdocs_rss_mb, 1),
        }
        result.update(_editor_loop(project, files, cold, floor, mkdocs_s, Path(tmp), settings.model))
    report(result, "latest.json")


def _editor_loop(
    project: Path, files: list[Path], cold: float, floor: float, mkdocs_cold: float, tmp: Path, model: str
) -> dict:
    """What an editor waits for: `mkdocs build` after edits, `mkdocs serve` after a save, one big seed."""
    mkdocs = [editor_loop.MKDOCS, "build"]
    site_cold = cold + mkdocs_cold  # make site from nothing: generation, then every page rendered
    editor_loop.append(
        project / "seeds" / unique_file(files, len(files) // 4).name, "A paragraph for the benchmark."
    )
    site_one_edit = timed(mkdocs, project)
    editor_loop.append(project / "seeds" / unique_file(files, len(files) // 5).name, NAMES_EDIT)
    site_names_edit = timed(mkdocs, project)
    serve_reload = editor_loop.serve_reload_seconds(
        project, project / "seeds" / unique_file(files, len(files) // 6).name, ENV
    )
    big_project = tmp / "big"
    big_project.mkdir()
    seeds, big = editor_loop.big_seed(files, big_project)
    make_project([], big_project, seeds_ready=True)
    big_s = timed([sys.executable, "-m", "generator", "build"], big_project)
    big_floor = floor_seconds([big], model, 1)
    editor_loop.append(sorted(p for p in seeds.iterdir() if p != big)[0], "A paragraph for the benchmark.")
    big_other_edit = timed([sys.executable, "-m", "generator", "build"], big_project)
    return {
        "site_cold_s": round(site_cold, 2),
        "site_cold_over_floor": round(site_cold / floor, 3),
        "site_one_edit_s": round(site_one_edit, 2),
        "site_one_edit_over_cold": round(site_one_edit / site_cold, 3),
        "mkdocs_one_edit_over_mkdocs_cold": round(site_one_edit / mkdocs_cold, 3),
        "site_names_edit_s": round(site_names_edit, 2),
        "mkdocs_names_edit_over_mkdocs_cold": round(site_names_edit / mkdocs_cold, 3),
        "serve_reload_s": round(serve_reload, 2),
        "big_seed_bytes": big.stat().st_size,
        "big_seed_s": round(big_s, 2),
        "big_seed_floor_s": round(big_floor, 2),
        "big_seed_over_floor": round(big_s / big_floor, 3),
        "big_seed_other_edit_s": round(big_other_edit, 2),
    }


def report(result: dict, name: str, also: str = "") -> None:
    """Print the result as a table and write it to bench/results/name."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / name).write_text(json.dumps(result, indent=2) + "\n")
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    print(f"(written to {RESULTS / name}{also})")


if __name__ == "__main__":
    main()
