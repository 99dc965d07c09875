"""A process that gets spaCy ready while the build does other work, for a rebuild after an edit.

After an edit, a build extracts only the seeds that changed; the rest come from
the cache. Importing spaCy and loading the model take longer than that. So a
rebuild forks a worker at once: it imports spaCy and loads the model while the
build reads the seeds, then extracts the batch it is sent while the build loads
the cached extractions of all the others.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection

from .model import Article, ExtractedArticle


def _serve(connection: Connection, model: str) -> None:
    """In the worker: get ready, then answer one batch with (True, extractions) or (False, the error)."""
    gc.enable()  # spaCy's documents hold reference cycles (the build that forked this may have collection off)
    try:
        from .extract import extract_articles, load_model

        try:
            load_model(model)
        except Exception:  # noqa: BLE001 - reported with the batch, if one comes
            pass
        batch = connection.recv()
        if batch is not None:
            connection.send((True, extract_articles(batch, model=model)))
    except EOFError:
        pass  # the build needed no extraction after all
    except BaseException as error:  # noqa: BLE001 - any failure is the build's to report
        connection.send((False, error))
    finally:
        connection.close()


class ExtractionWorker:
    """One forked process that extracts one batch of articles (see the module docstring)."""

    def __init__(self, model: str):
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, model), daemon=True, name="explainer-extract")
        self._process.start()
        theirs.close()
        self._sent = False

    @staticmethod
    def available() -> bool:
        return "fork" in multiprocessing.get_all_start_methods()

    def begin(self, batch: list[Article], fallback: Callable[[list[Article]], list[ExtractedArticle]]
              ) -> Callable[[], list[ExtractedArticle]]:
        """Send the batch; the returned function waits for its extractions (if the worker died, they
        are made here with fallback, so a killed worker costs time, never the build)."""
        self._connection.send(batch)
        self._sent = True

        def wait() -> list[ExtractedArticle]:
            try:
                ok, value = self._connection.recv()
            except (EOFError, OSError):
                self.close()
                return fallback(batch)
            self.close()
            if not ok:
                raise value
            return value
        return wait

    def close(self) -> None:
        """Stop the worker and reap it: at once if it was never sent a batch (it may still be loading).
        Closing twice is harmless."""
        self._connection.close()
        if self._sent:
            self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
