"""A process that gets spaCy ready while the build does other work, for a rebuild after an edit.

After an edit, a build extracts only the seeds that changed; the rest come from
the cache. Importing spaCy and loading the model take longer than that. So a
rebuild forks a worker at once: it imports spaCy and loads the model while the
build reads the seeds, then extracts the batch it is sent while the build loads
the cached extractions of all the others.

The worker never costs the build more than time: if it dies, hangs or cannot be
reached, the batch is extracted in the build's own process.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection

from .model import Article, ExtractedArticle

WAIT_LIMIT_S = 300  # a batch of under 40 seeds takes seconds: past this, the worker is taken for stuck


def _serve(connection: Connection, builds_end: Connection, model: str) -> None:
    """In the worker: get ready, then answer one batch with (True, extractions) or (False, the error)."""
    builds_end.close()  # else the build's death would never reach recv() as an end of file
    gc.enable()  # spaCy's documents hold reference cycles (the build that forked this may have collection off)
    try:
        from .extract import extract_articles, load_model, load_parser

        try:
            load_model(model)
            load_parser(model)
        except Exception:  # noqa: BLE001 - raised again by the batch's extraction, and reported then
            pass
        batch = connection.recv()
        connection.send((True, extract_articles(batch, model=model)))
    except EOFError:
        pass  # the build needed no extraction, or has gone
    except BaseException as error:  # noqa: BLE001 - any failure is the build's to report
        try:
            connection.send((False, error))
        except OSError:
            pass
    finally:
        connection.close()


class ExtractionWorker:
    """One forked process that extracts one batch of articles (see the module docstring)."""

    def __init__(self, model: str):
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, self._connection, model), daemon=True,
                                        name="explainer-extract")
        self._process.start()
        theirs.close()
        self._sent = False

    @staticmethod
    def available() -> bool:
        return "fork" in multiprocessing.get_all_start_methods()

    def begin(self, batch: list[Article], fallback: Callable[[list[Article]], list[ExtractedArticle]]
              ) -> Callable[[], list[ExtractedArticle]]:
        """Send the batch; the returned function waits for its extractions (made with fallback, in this
        process, if the worker cannot deliver them)."""
        self._sent = True
        # Sent from a thread: a batch bigger than the pipe's buffer would block here until the worker
        # has loaded the model, and this process has the cache to load meanwhile.
        sending = threading.Thread(target=self._send, args=(batch,), daemon=True)
        sending.start()

        def wait() -> list[ExtractedArticle]:
            sending.join(WAIT_LIMIT_S)
            try:
                if sending.is_alive() or not self._connection.poll(WAIT_LIMIT_S):
                    raise TimeoutError
                ok, value = self._connection.recv()
            except (EOFError, OSError):  # dead or stuck (TimeoutError is an OSError)
                self.close()
                return fallback(batch)
            self.close()
            if not ok:
                raise value
            return value
        return wait

    def _send(self, batch: list[Article]) -> None:
        try:
            self._connection.send(batch)
        except OSError:
            pass  # the worker is gone: wait() sees the end of file and falls back

    def close(self) -> None:
        """Stop the worker and reap it: at once if it was never sent a batch (it may still be loading).
        Closing twice is harmless."""
        self._connection.close()
        if self._sent:
            self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
