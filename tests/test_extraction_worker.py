"""The worker that extracts an edit's seeds: same results as in-process, and never the build's undoing."""

from __future__ import annotations

import os
import signal

import pytest

from generator.extract import extract
from generator.extract.worker import ExtractionWorker

from .test_cache import MODEL, seed_articles

pytestmark = pytest.mark.model


def test_the_worker_extracts_what_this_process_would():
    articles = seed_articles()
    worker = ExtractionWorker(MODEL)
    worker.submit(articles)
    assert worker.result() == extract(articles, MODEL)
    assert not worker.running


def test_a_killed_worker_says_it_could_not_deliver():
    worker = ExtractionWorker(MODEL)
    os.kill(worker.pid, signal.SIGKILL)
    worker.submit(seed_articles())
    assert worker.result() is None  # the build extracts the batch itself
    assert not worker.running


def test_a_worker_never_sent_a_batch_is_stopped_and_reaped():
    worker = ExtractionWorker(MODEL)
    worker.close()
    worker.close()  # twice is harmless
    assert not worker.running


def test_the_worker_ends_when_the_build_is_gone():
    """Its copy of the build's end of the pipe is closed: the build's death reaches it as an end of file."""
    import time

    worker = ExtractionWorker(MODEL)
    worker._connection.close()  # what the build's death does to its end
    deadline = time.monotonic() + 60
    while worker.running and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not worker.running


def test_a_failure_in_the_worker_falls_back(monkeypatch):
    import generator.extract

    def broken(*args, **kwargs):
        raise RuntimeError("only in the worker")

    monkeypatch.setattr(generator.extract, "extract", broken)  # the forked worker inherits this
    worker = ExtractionWorker(MODEL)
    worker.submit(seed_articles())
    assert worker.result() is None


def test_a_missing_model_is_reported_not_retried():
    from generator.config import ModelError

    worker = ExtractionWorker("no_such_model_installed")
    worker.submit(seed_articles())
    with pytest.raises(ModelError):
        worker.result()


def test_an_extractor_with_a_dead_worker_extracts_in_this_process(tmp_path):
    from generator.config import Settings
    from generator.extract import Extractor

    articles = seed_articles()
    with Extractor(Settings(cache=str(tmp_path)), rebuilding=True) as extractor:
        os.kill(extractor.worker.pid, signal.SIGKILL)
        assert [item.extraction for item in extractor.extract(articles)] == extract(articles, MODEL)


def _loaded_afresh(monkeypatch, load):
    """nlp's two loaders with empty caches of their own (the session's loaded model stays cached), whose
    loads go to load(name, excluded)."""
    from functools import lru_cache

    from generator.extract import nlp

    monkeypatch.setattr(nlp, "_load_excluding", load)
    monkeypatch.setattr(nlp, "_recogniser", lru_cache(maxsize=4)(nlp._recogniser.__wrapped__))
    monkeypatch.setattr(nlp, "_parser", lru_cache(maxsize=2)(nlp._parser.__wrapped__))
    return nlp


def test_a_model_asked_for_while_it_loads_in_the_background_loads_once(monkeypatch):
    """`mkdocs serve` loads the model in a thread while it waits; a save meanwhile waits for that load."""
    import threading
    import time

    from generator.config import Settings
    from generator.pipeline import prepare_in_background

    loading, loads = threading.Event(), []

    class Pipeline:
        disabled = ()

    def slow_load(name, excluded):
        loads.append(tuple(excluded))
        loading.set()
        time.sleep(0.3)  # the build asks meanwhile
        return Pipeline()

    nlp = _loaded_afresh(monkeypatch, slow_load)
    warm_up = prepare_in_background(Settings(model="a-model"))
    assert loading.wait(10)
    asked = [nlp.load_model("a-model") for _ in range(3)]
    warm_up.join(timeout=10)
    assert not warm_up.is_alive()
    assert len(loads) == 2  # the recogniser once and the parser once
    assert asked[0] is asked[1] is asked[2] is nlp.load_model("a-model")


def test_a_model_that_fails_to_load_in_the_background_is_left_for_the_build(monkeypatch):
    import threading

    from generator.config import Settings
    from generator.pipeline import prepare_in_background

    def broken(name, excluded):
        raise OSError("no such model")

    nlp = _loaded_afresh(monkeypatch, broken)
    errors = []
    monkeypatch.setattr(threading, "excepthook", errors.append)
    prepare_in_background(Settings(model="a-model")).join(timeout=10)
    assert errors == []
    with pytest.raises(OSError):
        nlp.load_model("a-model")  # the build's own load says it
