"""The one place that owns the order of the stages.

read → extract → resolve → relate → render → write. Everything is gathered
before anything is written (entity pages need the whole corpus), and only the
write stage touches docs/.
"""

from __future__ import annotations

import gc
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .changes import Memory
from .config import Settings
from .extraction_worker import ExtractionWorker
from .model import Article, ExtractedArticle, Report
from .stamp import (Stamp, docs_state, environment_digest, forget_stamp, inputs_digest, intact_files, load_memory,
                    load_stamp, save_memory, save_stamp, still_stands)
from .write import MANIFEST, WriteResult, recorded_files, write_pages

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
    kept: int = 0  # pages that stood as the last build left them: nothing they show had changed


def build(settings: Settings, site_name: str = DEFAULT_SITE_NAME, report: Report | None = None) -> BuildResult:
    """Generate docs/ from the seeds; problems go to the report, never raise for bad seeds."""
    report = report if report is not None else Report()
    start = time.perf_counter()
    environment = environment_digest(settings, site_name)
    inputs = inputs_digest(settings, environment)
    stamp = load_stamp(settings)
    if still_stands(stamp, inputs, settings.docs_dir):
        report.problems.extend(stamp.problems)
        paths = [path for path in stamp.files if path != MANIFEST]
        return BuildResult(stamp.articles, stamp.entities, len(paths), WriteResult(unchanged=len(paths)), report,
                           {"up-to-date check": round(time.perf_counter() - start, 3)}, up_to_date=True,
                           page_paths=paths)
    worker = None
    try:
        # After an edit, only a few seeds need the model: a worker loads it while this process reads the seeds.
        worker = ExtractionWorker(settings.model) if stamp is not None and ExtractionWorker.available() else None
        previous_memory = load_memory(settings, stamp)
        # The last build's pages that are as it left them (and on the manifest's record) may stand.
        intact = intact_files(stamp, settings.docs_dir) & recorded_files(settings.docs_dir) if previous_memory \
            else frozenset()
        forget_stamp(settings)
        result, memory = _build(settings, site_name, report, environment, previous_memory, intact, worker)
    finally:
        if worker is not None:
            worker.close()
        gc.unfreeze()  # _build froze its stages' output; a long-lived process (mkdocs serve) must be able to free it
    files = docs_state(settings.docs_dir, [*result.page_paths, MANIFEST])
    try:
        save_memory(settings, inputs, memory)
        save_stamp(settings, Stamp(inputs, files, tuple(report.problems), result.articles, result.entities))
    except OSError as error:
        report.add(str(settings.cache), f"cannot be written ({error.strerror or error}): the next build draws every page "
                   "again; make the folder writable, or set cache: \"\" in mkdocs.yml")
    return result


@contextmanager
def _collection(on: bool):
    """The garbage collector on or off for a block, then as it was.

    Off while the stages before rendering run: they make millions of objects that live to the build's
    end, and hardly any reference cycles; collections walking them again and again took a fifth of a
    rebuild (rendering runs with it on, those objects frozen out of its sight). On for spaCy's work:
    its documents do hold reference cycles.
    """
    def switch(enabled: bool) -> None:
        if enabled:
            gc.enable()
        else:
            gc.disable()

    was_on = gc.isenabled()
    switch(on)
    try:
        yield
    finally:
        switch(was_on)


def _build(settings: Settings, site_name: str, report: Report, environment: str, previous_memory: Memory | None,
           intact: frozenset[str], worker: ExtractionWorker | None = None) -> tuple[BuildResult, Memory]:
    # Imported here: spaCy, networkx and scipy take a second to import, which an up-to-date build never needs.
    from .curation import load_curation
    from .duplicates import drop_duplicates
    from .read import read_seeds
    from .relate import build_graph
    from .render import Previous, render_site_since
    from .resolve import resolve

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 3)
        clock = now

    with _collection(on=False):
        articles = drop_duplicates(read_seeds(settings.seeds_dir, settings.max_seed_bytes, report, root=settings.root),
                                   report)
        lap("read")
        extracted = _extract(articles, settings, worker)
        lap("extract")
        curation = load_curation(settings.seeds_dir, articles, report, display=Path(settings.seeds))
        corpus = resolve(extracted, curation, report)
        lap("resolve")
        graph = build_graph(corpus)
        lap("relate")
        # What the stages built lives to the build's end. Frozen (before the collector is back on), it is not
        # walked by the collections of rendering, here and in the forked render workers (which would touch
        # the memory pages they share with this process).
        gc.freeze()
    previous = Previous(previous_memory, intact) if previous_memory else None
    with _dates_remembered(settings):
        rendering = render_site_since(corpus, graph, settings, site_name, environment, previous)
    lap("render")
    written = write_pages(settings.docs_dir, rendering.pages, report, kept=rendering.kept)
    lap("write")
    paths = [page.path for page in rendering.pages] + rendering.kept
    result = BuildResult(len(articles), len(corpus.entities), len(paths), written, report, timings, page_paths=paths,
                         kept=len(rendering.kept))
    return result, rendering.memory


def _extract(articles: list[Article], settings: Settings, worker: ExtractionWorker | None) -> list[ExtractedArticle]:
    """Every article's extraction: from the cache, or made now (by the worker when it is a few)."""
    from .cache import ExtractionCache, extract_with_cache

    def run(batch: list[Article]) -> list[ExtractedArticle]:
        from .extract import extract_articles

        # Worker processes cost a model load each: worth it only for a real batch.
        processes = settings.process_count if len(batch) >= PARALLEL_FROM_ARTICLES else 1
        # A bar on stderr for long runs; tqdm stays quiet when stderr is not a terminal.
        with _collection(on=True), tqdm(total=len(batch), desc="extracting", unit="article", file=sys.stderr,
                                        disable=None, leave=False) as bar:
            return extract_articles(batch, model=settings.model, n_process=processes, progress=bar.update)

    def begin(batch: list[Article]):
        """A few edited seeds go to the worker, which has the model loaded by now, while this process
        loads the cached extractions of the others; a big batch is extracted here, across processes."""
        if worker is not None and len(batch) < PARALLEL_FROM_ARTICLES:
            return worker.begin(batch, run)
        if worker is not None:
            worker.close()  # its core is the extraction pool's now
        done = run(batch)
        return lambda: done

    cache = ExtractionCache(settings.cache_dir) if settings.cache_dir else None
    extracted = extract_with_cache(articles, settings.model, cache, run, begin)
    if worker is not None:
        worker.close()  # done, or never needed: every seed was in the cache
    return extracted


@contextmanager
def _dates_remembered(settings: Settings):
    """What dateparser made of each date expression, from the last build and for the next one."""
    from .cache import DateCache
    from .render.dates import known_dates, learn_dates

    dates = DateCache(settings.cache_dir) if settings.cache_dir else None
    if dates:
        try:
            learn_dates(dates.load())
        except (ValueError, TypeError):
            pass  # a damaged cache: every date is parsed again
    yield
    if dates:
        dates.save(known_dates())
