"""The worker that extracts an edit's seeds: same results as in-process, and never the build's undoing."""

from __future__ import annotations

import os
import signal

import pytest

from generator.extract import extract_articles
from generator.extraction_worker import ExtractionWorker

from .test_cache import MODEL, seed_articles


def test_the_worker_extracts_what_this_process_would():
    articles = seed_articles()
    worker = ExtractionWorker(MODEL)
    fallbacks: list[int] = []
    wait = worker.begin(articles, lambda batch: fallbacks.append(len(batch)) or [])
    assert wait() == extract_articles(articles, MODEL)
    assert fallbacks == []
    assert not worker._process.is_alive()


def test_a_killed_worker_falls_back_to_this_process():
    articles = seed_articles()
    worker = ExtractionWorker(MODEL)
    os.kill(worker._process.pid, signal.SIGKILL)
    worker._process.join()
    wait = worker.begin(articles, lambda batch: ["extracted here"] * len(batch))
    assert wait() == ["extracted here"] * len(articles)
    assert not worker._process.is_alive()


def test_a_worker_never_sent_a_batch_is_stopped_and_reaped():
    worker = ExtractionWorker(MODEL)
    worker.close()
    worker.close()  # twice is harmless
    assert not worker._process.is_alive() and worker._process.exitcode is not None


def test_the_worker_ends_when_the_build_is_gone():
    """Its copy of the build's end of the pipe is closed, so the build's death reaches it as an end of file."""
    worker = ExtractionWorker(MODEL)
    worker._connection.close()  # what the build's death does to its end
    worker._process.join(timeout=60)
    assert not worker._process.is_alive()


def test_a_failure_in_the_worker_falls_back(monkeypatch):
    import generator.extract

    def broken(*args, **kwargs):
        raise RuntimeError("only in the worker")

    monkeypatch.setattr(generator.extract, "extract_articles", broken)  # the forked worker inherits this
    worker = ExtractionWorker(MODEL)
    articles = seed_articles()
    assert worker.begin(articles, lambda batch: ["extracted here"] * len(batch))() == ["extracted here"] * len(articles)


def test_a_missing_model_is_reported_not_retried():
    from generator.config import ModelError

    worker = ExtractionWorker("no_such_model_installed")
    wait = worker.begin(seed_articles(), lambda batch: pytest.fail("a missing model is no reason to fall back"))
    with pytest.raises(ModelError):
        wait()
