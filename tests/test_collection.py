"""The garbage collector during a build (collection.py)."""

from __future__ import annotations

import gc

import pytest

import generator.pipeline
from generator import mkdocs_hook
from generator.collection import YOUNG_THRESHOLD, FewerCollections, fewer_collections
from generator.config import Settings


@pytest.fixture
def default_thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_a_block_collects_less_often_and_then_as_before(default_thresholds):
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_build_collects_less_often_from_its_first_step(default_thresholds, monkeypatch, tmp_path):
    seen = []

    def first_step(settings, site_name):
        seen.append(gc.get_threshold())
        raise RuntimeError("stop here")

    monkeypatch.setattr(generator.pipeline, "environment_digest", first_step)
    with pytest.raises(RuntimeError):
        generator.pipeline.build(Settings(root=tmp_path))
    assert seen == [(YOUNG_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


def test_mkdocs_collects_less_often_from_start_to_exit(default_thresholds, monkeypatch):
    monkeypatch.setattr(mkdocs_hook, "_fewer_collections", FewerCollections())
    monkeypatch.setattr(mkdocs_hook, "_state", {})
    mkdocs_hook.on_startup("build", dirty=False)
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    mkdocs_hook.on_shutdown()
    assert gc.get_threshold() == (700, 10, 10)


def test_a_collector_turned_off_stays_off(default_thresholds):
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (0, 10, 10)
