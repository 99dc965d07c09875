"""The build's Memory on disk (stamp.py): read back as it was written, and refused when damaged or when it
is not plain values."""

from __future__ import annotations

import os
import pickle

import pytest

from generator.model import Memory
from generator.stamp import MEMORY_FILE, Stamp, load_memory, save_memory
from generator.write import with_checksum

MEMORY = Memory(
    environment="env",
    facts={"entity:a": "1", "entity:b": "2", "article:x": "3"},
    pages={"articles/x.md": ("article:x", "entity:a"), "entities/a.md": ("entity:a",), "index.md": ()},
    named={"x": ("a", "b")},
    made_from={"view:x": ("entity:a",)},
)


class _Settings:
    def __init__(self, cache_dir):
        self.cache_dir = cache_dir


def _stamp(inputs: str) -> Stamp:
    return Stamp(inputs=inputs, files={}, problems=(), articles=1, entities=2)


def test_a_memory_reads_back_as_it_was_written(tmp_path):
    save_memory(_Settings(tmp_path), "inputs", MEMORY)
    assert load_memory(_Settings(tmp_path), _stamp("inputs")) == MEMORY


def test_another_builds_memory_is_not_used(tmp_path):
    save_memory(_Settings(tmp_path), "inputs", MEMORY)
    assert load_memory(_Settings(tmp_path), _stamp("other inputs")) is None


@pytest.mark.parametrize("cut", [0, 10, 70, -1])
def test_a_damaged_memory_file_is_refused(tmp_path, cut):
    save_memory(_Settings(tmp_path), "inputs", MEMORY)
    path = tmp_path / MEMORY_FILE
    data = path.read_bytes()
    path.write_bytes(data[:cut] + bytes([data[cut] ^ 1]) + data[cut + 1 :] if cut >= 0 else data[:-5])
    assert load_memory(_Settings(tmp_path), _stamp("inputs")) is None


class _RunsCode:
    def __reduce__(self):
        return (os.mkdir, (self.folder,))

    def __init__(self, folder):
        self.folder = folder


def test_a_pickle_that_would_run_code_is_refused_unrun(tmp_path):
    made_by_the_pickle = tmp_path / "made"
    body = {"inputs": "inputs", "memory": {"environment": _RunsCode(str(made_by_the_pickle))}}
    (tmp_path / MEMORY_FILE).write_bytes(with_checksum(pickle.dumps(body)))
    assert load_memory(_Settings(tmp_path), _stamp("inputs")) is None
    assert not made_by_the_pickle.exists()


def test_plain_values_of_another_shape_are_refused(tmp_path):
    body = {"inputs": "inputs", "memory": {"environment": "env", "facts": [], "pages": {}}}
    (tmp_path / MEMORY_FILE).write_bytes(with_checksum(pickle.dumps(body)))
    assert load_memory(_Settings(tmp_path), _stamp("inputs")) is None


@pytest.mark.parametrize(
    "body",
    [
        b"\x80\x05}}b.",  # a dict 'built' from a dict: AttributeError inside the unpickler
        b"\x80\x05]K\x05Ns.",  # a list item set by key: IndexError
        pickle.dumps({"inputs": "inputs"}),  # no memory: KeyError
        pickle.dumps({"inputs": "inputs", "memory": {**MEMORY.__dict__, "pages": [1]}}),
        pickle.dumps({"inputs": 7, "memory": MEMORY.__dict__}),
        pickle.dumps(["inputs"]),
    ],
)
def test_a_memory_file_of_other_values_is_refused(tmp_path, body):
    (tmp_path / MEMORY_FILE).write_bytes(with_checksum(body))
    assert load_memory(_Settings(tmp_path), _stamp("inputs")) is None
