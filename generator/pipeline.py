"""The one place that owns the order of the stages.

read → extract → resolve → relate → render → write. Everything is gathered
before anything is written (entity pages need the whole corpus), and only the
write stage touches docs/.
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .config import Settings
from .model import Report
from .stamp import Stamp, docs_state, forget_stamp, inputs_digest, load_stamp, save_stamp, still_stands
from .write import MANIFEST, WriteResult, write_pages

DEFAULT_SITE_NAME = "Explainer"
PARALLEL_FROM_ARTICLES = 40


@dataclass
class BuildResult:
    articles: int
    entities: int
    pages: int
    written: WriteResult
    report: Report
    timings: dict[str, float] = field(default_factory=dict)
    up_to_date: bool = False  # nothing the build reads had changed: docs/ was left as it was
    page_paths: list[str] = field(default_factory=list)  # every page the build produced, relative to docs/


def build(settings: Settings, site_name: str = DEFAULT_SITE_NAME, report: Report | None = None) -> BuildResult:
    """Generate docs/ from the seeds; problems go to the report, never raise for bad seeds."""
    report = report if report is not None else Report()
    start = time.perf_counter()
    inputs = inputs_digest(settings, site_name)
    stamp = load_stamp(settings)
    if still_stands(stamp, inputs, settings.docs_dir):
        report.problems.extend(stamp.problems)
        paths = [path for path in stamp.files if path != MANIFEST]
        return BuildResult(stamp.articles, stamp.entities, len(paths), WriteResult(unchanged=len(paths)), report,
                           {"up-to-date check": round(time.perf_counter() - start, 3)}, up_to_date=True,
                           page_paths=paths)
    forget_stamp(settings)
    result = _build(settings, site_name, report)
    files = docs_state(settings.docs_dir, [*result.page_paths, MANIFEST])
    save_stamp(settings, Stamp(inputs, files, tuple(report.problems), result.articles, result.entities))
    return result


def _build(settings: Settings, site_name: str, report: Report) -> BuildResult:
    # Imported here: spaCy, networkx and scipy take a second to import, which an up-to-date build never needs.
    from .cache import ExtractionCache, extract_with_cache
    from .curation import load_curation
    from .duplicates import drop_duplicates
    from .extract import extract_articles
    from .read import read_seeds
    from .relate import build_graph
    from .render import render_site
    from .resolve import resolve

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 3)
        clock = now

    articles = drop_duplicates(read_seeds(settings.seeds_dir, settings.max_seed_bytes, report, root=settings.root), report)
    lap("read")
    cache = ExtractionCache(settings.cache_dir) if settings.cache_dir else None

    def run(batch):
        # Worker processes cost a model load each: worth it only for a real batch.
        processes = settings.process_count if len(batch) >= PARALLEL_FROM_ARTICLES else 1
        # A bar on stderr for long runs; tqdm stays quiet when stderr is not a terminal.
        with tqdm(total=len(batch), desc="extracting", unit="article", file=sys.stderr, disable=None, leave=False) as bar:
            return extract_articles(batch, model=settings.model, n_process=processes, progress=bar.update)

    extracted = extract_with_cache(articles, settings.model, cache, run)
    lap("extract")
    # What each stage builds lives to the end of the build. Frozen, its millions of objects are not walked
    # by every garbage collection again (that once took longer than writing docs/), and the forked render
    # workers leave the memory pages they share untouched.
    gc.freeze()
    try:
        curation = load_curation(settings.seeds_dir, articles, report, display=Path(settings.seeds))
        corpus = resolve(extracted, curation, report)
        lap("resolve")
        graph = build_graph(corpus)
        lap("relate")
        gc.freeze()
        pages = render_site(corpus, graph, settings, site_name)
        lap("render")
        written = write_pages(settings.docs_dir, pages, report)
        lap("write")
    finally:
        gc.unfreeze()  # a long-lived process (mkdocs serve) must be able to free this build
    return BuildResult(len(articles), len(corpus.entities), len(pages), written, report, timings,
                       page_paths=[page.path for page in pages])
