"""Stage 2, extract: Article → Extraction (sentences, mentions, actions), with spaCy.

extract() runs the recogniser and the sentence segmenter (nlp.py, the one
module that imports spaCy) over the title and each paragraph (never over
headings or paragraphs that open like site lines), cuts each span to its name,
applies the document-level rules of refine.py and the learned re-typer of
retype.py (which also weighs the capitalised names the recogniser passed
over: proposals.py), resolves the references to
people named before ("he", "the two leaders", "Russia's President": coref.py),
credits quotations (quotes.py), then parses the sentences that can hold a
relation (actions.py).

An Extractor does that for a build: from the cache where it can (cache.py), the
few seeds an edit changed in a worker that loaded the model meanwhile
(worker.py), a big batch across processes.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from tqdm import tqdm

from ..boilerplate import opens_with_furniture
from ..config import Settings
from ..failures import doing
from ..model import Article, EntityType, ExtractedArticle, Extraction, Mention, Sentence
from .actions import find_actions, role_actions
from .cache import ExtractionCache, cache_key
from .coref import resolve_references
from .quotes import find_quotes, quote_actions
from .refine import refine
from .retype import load_retyper
from .spans import clean_span
from .worker import ExtractionWorker

LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "ORG": EntityType.ORGANIZATION,
    "NORP": EntityType.GROUP,
    "DATE": EntityType.DATE,
    "EVENT": EntityType.EVENT,
    "WORK_OF_ART": EntityType.OTHER,
    "LAW": EntityType.OTHER,
    "PRODUCT": EntityType.OTHER,
    "LANGUAGE": EntityType.OTHER,
}
PARALLEL_FROM_ARTICLES = 40  # worker processes cost a model load each: worth it only for a real batch


def _blocks_to_read(article: Article) -> Iterator[tuple[int, int, str]]:
    """(block index, offset, text) for the title (-1, when it stands in the text) and each paragraph."""
    if article.title_start is not None:
        yield -1, article.title_start, article.title
    for index, block in enumerate(article.blocks):
        if block.kind == "paragraph" and not opens_with_furniture(block.text):
            yield index, block.start, block.text


def recognised(
    articles: list[Article], model: str, n_process: int = 1, progress: Callable[[int], None] | None = None
) -> tuple[list[list[Sentence]], list[list[Mention]]]:
    """Each article's sentences and the recogniser's spans cut to their names (before refine.py's rules)."""
    from .nlp import recognise  # spaCy takes a second to import: only when there is text to read

    jobs = [(a, b, o, t) for a, article in enumerate(articles) for b, o, t in _blocks_to_read(article)]
    last_job = {a: j for j, (a, _, _, _) in enumerate(jobs)}
    docs = recognise((t for _, _, _, t in jobs), model, n_process)
    sentences: list[list[Sentence]] = [[] for _ in articles]
    mentions: list[list[Mention]] = [[] for _ in articles]
    for j, ((a, block, offset, _), doc) in enumerate(zip(jobs, docs)):
        if progress and last_job[a] == j:
            progress(1)
        first_sentence = len(sentences[a])
        sentence_starts = []
        for sent in doc.sents:
            sentence_starts.append(sent.start_char)
            sentences[a].append(Sentence(block, offset + sent.start_char, offset + sent.end_char, sent.text))
        for ent in doc.ents:
            entity_type = LABEL_TYPES.get(ent.label_)
            if entity_type is None:
                continue
            rel_start, rel_end = clean_span(ent.text)
            if rel_end <= rel_start:
                continue
            start = offset + ent.start_char + rel_start
            end = offset + ent.start_char + rel_end
            name = " ".join(ent.text[rel_start:rel_end].split())
            index = first_sentence + sum(1 for s in sentence_starts if s <= ent.start_char) - 1
            mentions[a].append(Mention(articles[a].text[start:end], start, end, index, entity_type, name))
    return sentences, mentions


def extract(
    articles: Iterable[Article], model: str, n_process: int = 1, progress: Callable[[int], None] | None = None
) -> list[Extraction]:
    """Sentences, cleaned mentions and actions of each article, in the order given; progress(1) per
    article done."""
    from .nlp import parse

    articles = list(articles)
    sentences, mentions = recognised(articles, model, n_process, progress)
    retyper = load_retyper()
    found = []
    for article, s, m in zip(articles, sentences, mentions):
        named = resolve_references(article, s, refine(article, s, m, retyper))
        quotes = find_quotes(article, s, named)
        said = role_actions(named) + quote_actions(quotes, named, article.text)
        found.append(Extraction(tuple(s), tuple(named), tuple(dict.fromkeys(said)), tuple(quotes)))
    return find_actions(found, lambda texts: parse(texts, model))


def warm_up(model: str) -> None:
    """Import spaCy and load the model now, for a process that will extract later (`mkdocs serve`, while it
    waits for a save: pipeline.prepare_in_background). A model that does not load is left for the build
    that needs it to report."""
    from .nlp import warm_up as load

    try:
        load(model)
    except Exception:
        pass


def extract_articles(articles: Iterable[Article], model: str, n_process: int = 1) -> list[ExtractedArticle]:
    """Each article with its extraction (extract(), without a cache)."""
    articles = list(articles)
    return [ExtractedArticle(a, e) for a, e in zip(articles, extract(articles, model, n_process))]


@contextmanager
def _collecting():
    """The garbage collector on while spaCy works (its documents hold reference cycles), then as it was."""
    was_on = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_on:
            gc.disable()


class Extractor:
    """A build's extraction: cached where it can be, else made now.

    With rebuilding=True (the last build left a stamp, so few seeds will have
    changed), a worker starts loading the model at once; use the Extractor as a
    context manager so the worker is always stopped.
    """

    def __init__(
        self, settings: Settings, rebuilding: bool = False, kept: dict[str, Extraction] | None = None
    ):
        self.model = settings.model
        self.processes = settings.process_count
        self.cache = ExtractionCache(settings.cache_dir) if settings.cache_dir else None
        # kept: a long-lived process's extractions by cache key (session.py); the model stays loaded in it
        # too, so it needs no worker.
        self.kept = kept
        forks = rebuilding and kept is None and ExtractionWorker.available()
        self.worker = ExtractionWorker(self.model) if forks else None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None

    def extract(self, articles: list[Article]) -> list[ExtractedArticle]:
        """Every article's extraction, computing only the cache misses (in one batch, so they can run in
        parallel). A few misses go to the worker while this process loads the cached ones; a session's
        kept extractions are not read again."""
        kept = self.kept if self.kept is not None else {}
        keys = [cache_key(a, self.model) for a in articles] if self.cache or self.kept is not None else []
        found: dict[int, Extraction] = {i: kept[key] for i, key in enumerate(keys) if key in kept}
        missing = [
            i
            for i in range(len(articles))
            if i not in found and (self.cache is None or not self.cache.has(keys[i]))
        ]
        batch = [articles[i] for i in missing]
        done = None
        if batch and self.worker is not None and len(batch) < PARALLEL_FROM_ARTICLES:
            self.worker.submit(batch)
        else:
            self.close()  # its core is the extraction pool's now, or it is not needed
            done = self._run(batch) if batch else []
        corrupt = []
        for i in sorted(set(range(len(articles))) - set(missing) - found.keys()):
            hit = self.cache.get(keys[i]) if self.cache else None
            if hit is None:
                corrupt.append(i)
            else:
                found[i] = hit
        if done is None:
            done = self.worker.result() if self.worker is not None else None
            self.close()
            if done is None:
                done = self._run(batch)
        fresh = list(zip(missing, done))
        if corrupt:
            fresh += zip(corrupt, self._run([articles[i] for i in corrupt]))
        for i, extraction in fresh:
            found[i] = extraction
            if self.cache:
                self.cache.put(keys[i], extraction)
        if self.kept is not None:  # this build's seeds only: an edited seed's old extraction goes
            self.kept.clear()
            self.kept.update((keys[i], found[i]) for i in range(len(articles)))
        return [ExtractedArticle(article, found[i]) for i, article in enumerate(articles)]

    def _run(self, batch: list[Article]) -> list[Extraction]:
        processes = self.processes if len(batch) >= PARALLEL_FROM_ARTICLES else 1
        names = ", ".join(a.source.as_posix() for a in batch[:3])
        names += f" and {len(batch) - 3} more" if len(batch) > 3 else ""
        # A bar on stderr for long runs; tqdm stays quiet when stderr is not a terminal.
        with (
            doing(f"extracting {names}"),
            _collecting(),
            tqdm(
                total=len(batch),
                desc="extracting",
                unit="article",
                file=sys.stderr,
                disable=None,
                leave=False,
            ) as bar,
        ):
            return extract(batch, self.model, n_process=processes, progress=bar.update)
