"""The one place that owns the order of the stages.

read → extract → resolve → relate → render → write. Everything is gathered
before anything is written (entity pages need the whole corpus), and only the
write stage touches docs/.
"""

from __future__ import annotations

import gc
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .collection import collection_off, fewer_collections
from .config import Settings
from .failures import doing
from .model import Article, Corpus, EntityType, Memory, Report
from .session import Session
from .stamp import (
    DateCache,
    Stamp,
    docs_state,
    environment_digest,
    forget_stamp,
    inputs_digest,
    intact_files,
    load_memory,
    load_stamp,
    save_memory,
    save_stamp,
    still_stands,
)
from .write import MANIFEST, WriteResult, recorded_files, write_pages

DEFAULT_SITE_NAME = "Explainer"


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
    kept: int = 0  # pages that stood as the last build left them: nothing they read had changed
    drawn: list[str] = field(
        default_factory=list
    )  # the pages drawn this build (written only if their bytes changed)


@fewer_collections()  # collection.py: most of what a build makes lives to its end
def build(
    settings: Settings,
    site_name: str = DEFAULT_SITE_NAME,
    report: Report | None = None,
    session: Session | None = None,
) -> BuildResult:
    """Generate docs/ from the seeds; problems go to the report, never raise for bad seeds. A long-lived
    process passes its session (session.py): the next build then reads less from the cache folder."""
    from .extract import Extractor

    report = report if report is not None else Report()
    start = time.perf_counter()
    environment = environment_digest(settings, site_name)
    inputs = inputs_digest(settings, environment)
    stamp = load_stamp(settings)
    if still_stands(stamp, inputs, settings.docs_dir):
        report.problems.extend(stamp.problems)
        paths = [path for path in stamp.files if path != MANIFEST]
        return BuildResult(
            stamp.articles,
            stamp.entities,
            len(paths),
            WriteResult(unchanged=len(paths)),
            report,
            {"up-to-date check": round(time.perf_counter() - start, 3)},
            up_to_date=True,
            page_paths=paths,
        )
    try:
        # After an edit, only a few seeds need the model: the Extractor's worker loads it meanwhile (a
        # session's process has it loaded already).
        kept = session.extractions if session is not None else None
        with Extractor(settings, rebuilding=stamp is not None, kept=kept) as extractor:
            previous = (session.memory_of(stamp.inputs) if session and stamp else None) or load_memory(
                settings, stamp
            )
            # The last build's pages that are as it left them (and on the manifest's record) may stand.
            intact = (
                intact_files(stamp, settings.docs_dir) & recorded_files(settings.docs_dir)
                if previous
                else frozenset()
            )
            forget_stamp(settings)
            result, memory = _build(settings, site_name, report, environment, previous, intact, extractor)
    finally:
        # _build froze its stages' output; a long-lived process (mkdocs serve) must be able to free it.
        gc.unfreeze()
    files = docs_state(settings.docs_dir, [*result.page_paths, MANIFEST])
    try:
        save_memory(settings, inputs, memory)
        save_stamp(settings, Stamp(inputs, files, tuple(report.problems), result.articles, result.entities))
        if session is not None:
            session.keep(inputs, memory)
    except OSError as error:
        report.add(
            str(settings.cache),
            f"cannot be written ({error.strerror or error}): the next build draws every "
            'page again; make the folder writable, or set cache: "" in mkdocs.yml',
        )
    return result


def prepare_in_background(settings: Settings) -> threading.Thread:
    """For a process that will build again (`mkdocs serve`, waiting for a save): a thread imports the later
    stages (networkx and scipy with them) and loads the model meanwhile. An up-to-date first build needs
    neither, and the first save's build waited about 3 s for them."""

    def prepare() -> None:
        from . import relate, render  # noqa: F401
        from .extract import warm_up

        warm_up(settings.model)

    thread = threading.Thread(target=prepare, name="explainer-prepare", daemon=True)
    thread.start()
    return thread


def read_articles(settings: Settings, report: Report) -> list[Article]:
    """Stage 1: every readable seed, each once."""
    from .read import read_seeds
    from .read.duplicates import drop_duplicates

    return drop_duplicates(
        read_seeds(settings.seeds_dir, settings.max_seed_bytes, report, root=settings.root), report
    )


def corpus_of(settings: Settings, report: Report) -> Corpus:
    """Stages 1 to 3 of the seeds, without a build: what the review queue and the like read."""
    from .extract import Extractor

    articles = read_articles(settings, report)
    with Extractor(settings) as extractor:
        return resolve_articles(articles, extractor.extract(articles), settings, report)


def resolve_articles(articles: list[Article], extracted, settings: Settings, report: Report) -> Corpus:
    """Stage 3: the site's entities, with the editor's curation applied."""
    from .curation import load_curation
    from .resolve import resolve

    return resolve(
        extracted, load_curation(settings.seeds_dir, articles, report, display=Path(settings.seeds)), report
    )


def _build(
    settings: Settings,
    site_name: str,
    report: Report,
    environment: str,
    previous: Memory | None,
    intact: frozenset[str],
    extractor,
) -> tuple[BuildResult, Memory]:
    # Imported here: networkx and scipy take a second to import, which an up-to-date build never needs.
    from .relate import build_graph
    from .render import Site, render_site_since

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = round(now - clock, 3)
        clock = now

    with collection_off():
        articles = read_articles(settings, report)
        lap("read")
        extracted = extractor.extract(articles)
        extractor.close()
        lap("extract")
        with doing("resolving the entities of the seeds"):
            corpus = resolve_articles(articles, extracted, settings, report)
        lap("resolve")
        with doing("relating the entities"):
            graph = build_graph(corpus)
        with doing("listing what an editor should review"):
            _write_review(settings, corpus)
        lap("relate")
        # What the stages built lives to the build's end. Frozen (before the collector is back on), it is not
        # walked by the collections of rendering, here and in the forked render workers (which would touch
        # the memory pages they share with this process).
        gc.freeze()
    site = Site(settings, site_name, corpus, graph)
    dates = DateCache(settings.cache_dir) if settings.cache_dir else None
    if dates:
        try:
            site.dates.learn(dates.load())
        except (ValueError, TypeError):
            pass  # a damaged cache: every date is parsed again
    rendering = render_site_since(site, environment, previous, intact)
    if dates:
        dates.save(
            site.dates.rows(
                {
                    " ".join(em.mention.text.split())
                    for em in corpus.mentions
                    if corpus.entities[em.entity].type is EntityType.DATE
                }
            )
        )
    lap("render")
    with doing(f"writing {settings.docs}/"):
        written = write_pages(settings.docs_dir, rendering.pages, report, kept=rendering.kept)
    lap("write")
    paths = [page.path for page in rendering.pages] + rendering.kept
    result = BuildResult(
        len(articles),
        len(corpus.entities),
        len(paths),
        written,
        report,
        timings,
        page_paths=paths,
        kept=len(rendering.kept),
        drawn=[page.path for page in rendering.pages],
    )
    return result, rendering.memory


REVIEW_FILE = Path("reports") / "review.md"


def _write_review(settings: Settings, corpus: Corpus) -> None:
    """The editor's review queue (review.py), outside the published site; written only when it changed."""
    from .review import as_markdown, review
    from .write import write_atomic

    path = settings.root / REVIEW_FILE
    text = as_markdown(review(corpus)).encode("utf-8")
    try:
        if not path.is_file() or path.read_bytes() != text:
            write_atomic(path, text)
    except OSError:
        pass  # a queue that cannot be written is no reason to stop the build
