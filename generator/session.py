"""What a long-lived process keeps from one build to the next, so that a rebuild after a save reads less.

`mkdocs serve` builds again in the same process after every save. Its session
keeps the Memory the last build left (the next build would read it back from
the cache folder) and each seed's extraction under its cache key (else read
back from the cache, one file a seed). The model stays loaded in the process,
so a rebuild extracts the few changed seeds itself and forks no worker.

A one-shot build (`mkdocs build`, the CLI) has no session: everything comes
from the cache folder. What a session keeps is used only where the disk says
the same: the Memory while the stamp names the inputs it was made from (another
build in between writes another stamp), an extraction under the key that says
what it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Extraction, Memory


@dataclass
class Session:
    """One process's memory of its last build (see the module docstring)."""

    inputs: str | None = None  # the inputs digest of the build that left `memory`
    memory: Memory | None = None
    extractions: dict[str, Extraction] = field(default_factory=dict)  # cache key → the seed's extraction

    def memory_of(self, inputs: str | None) -> Memory | None:
        """The kept Memory if it is that of the build that read `inputs` (the stamp's), else None."""
        return self.memory if inputs is not None and inputs == self.inputs else None

    def keep(self, inputs: str, memory: Memory) -> None:
        """Keep the Memory a build just saved under `inputs`."""
        self.inputs, self.memory = inputs, memory
