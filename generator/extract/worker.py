"""A process that gets spaCy ready while the build does other work, for a rebuild after an edit.

After an edit, a build extracts only the seeds that changed; the rest come from
the cache. Importing spaCy and loading the model take longer than that. So a
rebuild forks a worker at once: it imports spaCy and loads the model while the
build reads the seeds, then extracts the batch it is sent while the build loads
the cached extractions of all the others.

The worker never costs the build more than time: if it dies, fails, or is not
ready in time (a fork can inherit a lock another thread held), result() says
so with None and the build extracts the batch itself. Only a missing model is
raised as such.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from multiprocessing.connection import Connection

from ..config import ModelError
from ..model import Article, Extraction

READY_LIMIT_S = 120  # loading the model takes a second or two: a worker not ready by then is taken for stuck
READY = "ready"


def _serve(connection: Connection, builds_end: Connection, model: str) -> None:
    """In the worker: load the model, say so, then answer one batch with (True, extractions) or
    (False, the error)."""
    builds_end.close()  # else the build's death would never reach recv() as an end of file
    # spaCy's documents hold reference cycles (the build that forked this may have collection off).
    gc.enable()
    try:
        from . import extract, warm_up

        warm_up(model)  # a model that does not load: the batch's extract() raises it as it should
        connection.send(READY)
        batch = connection.recv()
        connection.send((True, extract(batch, model=model)))
    except EOFError:
        pass  # the build needed no extraction, or has gone
    except BaseException as error:
        try:
            connection.send((False, error))
        except Exception:
            pass
    finally:
        connection.close()


class ExtractionWorker:
    """One forked process that extracts one batch of articles (see the module docstring)."""

    def __init__(self, model: str):
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(theirs, self._connection, model), daemon=True, name="explainer-extract"
        )
        self._process.start()
        theirs.close()
        self._answered = False
        self._sending: threading.Thread | None = None

    @staticmethod
    def available() -> bool:
        return "fork" in multiprocessing.get_all_start_methods()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process.is_alive()

    def submit(self, batch: list[Article]) -> None:
        """Send the batch; result() waits for its extractions."""
        # Sent from a thread: a batch bigger than the pipe's buffer would block here until the worker
        # has loaded the model, and this process has the cache to load meanwhile.
        self._sending = threading.Thread(target=self._send, args=(batch,), daemon=True)
        self._sending.start()

    def result(self) -> list[Extraction] | None:
        """The submitted batch's extractions; None if the worker could not deliver them (the caller
        extracts the batch itself). The worker is stopped either way."""
        try:
            answer = self._answer()
        except (EOFError, OSError):  # gone, or not ready in time (TimeoutError is an OSError)
            answer = None
        finally:
            self.close()
        if answer is None:
            return None
        ok, value = answer
        if ok:
            return value
        if isinstance(value, ModelError):
            raise value
        return None  # whatever failed in the worker may not fail in the build

    def _answer(self) -> tuple[bool, object] | None:
        """The worker's answer, once it has said it is ready; None if it is gone."""
        if not self._connection.poll(READY_LIMIT_S):
            raise TimeoutError
        if self._connection.recv() != READY:
            return None
        # Extracting, which takes as long as the batch does: a dead worker shows as an end of file.
        self._connection.poll(None)
        try:
            answer = self._connection.recv()
        except Exception:
            return None
        self._answered = True
        return answer

    def _send(self, batch: list[Article]) -> None:
        try:
            self._connection.send(batch)
        except Exception:
            pass

    def close(self) -> None:
        """Stop the worker and reap it; then, with no send left in progress (the worker's end is gone),
        close the connection. Closing twice is harmless."""
        if self._answered:
            self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        if self._sending is not None:
            self._sending.join()
        self._connection.close()
