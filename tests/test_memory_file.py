"""The build's Memory on disk (stamp.py): read back as it was written, and refused when damaged."""

from __future__ import annotations

import pytest

from generator.model import Memory
from generator.stamp import _memory_from_plain, _memory_to_plain

MEMORY = Memory(
    environment="env",
    facts={"entity:a": "1", "entity:b": "2", "article:x": "3"},
    pages={"articles/x.md": ("article:x", "entity:a"), "entities/a.md": ("entity:a",), "index.md": ()},
    named={"x": ("a", "b")},
)


def test_a_memory_reads_back_as_it_was_written():
    assert _memory_from_plain(_memory_to_plain(MEMORY)) == MEMORY


@pytest.mark.parametrize("damage", [-1, 99, "0", 1.5, None])
def test_a_read_that_is_no_key_index_is_refused(damage):
    # load_memory takes either error for a damaged file, and draws every page.
    plain = _memory_to_plain(MEMORY)
    plain["pages"]["articles/x.md"] = [0, damage]
    with pytest.raises((IndexError, TypeError)):
        _memory_from_plain(plain)
