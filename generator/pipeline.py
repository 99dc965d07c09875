"""The one place that owns the order of the stages.

read → extract → resolve → relate → render → write. Everything is gathered
before anything is written (entity pages need the whole corpus), and only the
write stage touches docs/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .curation import load_curation
from .extract import extract_articles
from .model import Report
from .read import read_seeds
from .relate import build_graph
from .render import render_site
from .resolve import resolve
from .write import WriteResult, write_pages

DEFAULT_SITE_NAME = "Explainer"


@dataclass
class BuildResult:
    articles: int
    entities: int
    pages: int
    written: WriteResult
    report: Report


def build(settings: Settings, site_name: str = DEFAULT_SITE_NAME, report: Report | None = None) -> BuildResult:
    """Generate docs/ from the seeds; problems go to the report, never raise for bad seeds."""
    report = report if report is not None else Report()
    articles = read_seeds(settings.seeds_dir, settings.max_seed_bytes, report, root=settings.root)
    extracted = extract_articles(articles, settings.model)
    curation = load_curation(settings.seeds_dir, articles, report, display=Path(settings.seeds))
    corpus = resolve(extracted, curation, report)
    graph = build_graph(corpus)
    pages = render_site(corpus, graph, settings, site_name)
    written = write_pages(settings.docs_dir, pages, report)
    return BuildResult(len(articles), len(corpus.entities), len(pages), written, report)
