"""The engine's own process: runs ``simulate`` jobs sent over pipes (Qt-free).

Why a process: the engine's Python glue takes the GIL thousands of times a second, and
a GUI thread in the same interpreter then waits for it at every one of pyqtgraph's
Python paint calls (docs/performance.md has the measurement). In a separate process the
GUI thread never waits for the engine's GIL, and a run can be stopped at once on close.

The child is ``python -m initviz --engine-process`` (or, in a PyInstaller bundle, the
executable itself with that flag): no ``multiprocessing`` spawn, so nothing extra is
needed to freeze it (the engine may fork its statistics helper, ``engine.helper_process``;
a fork needs nothing from the freezer either). It runs at a lower priority
(``NICENESS``) so that painting is never starved.

Protocol, pickled ``multiprocessing.connection`` messages over the child's stdin and
stdout (its own stray prints go to stderr): the child first sends ``("ready",)``; the
parent sends ``("run", generation, configs)``, ``("cancel", generation)`` or ``None``
(quit); the child answers ``(generation, kind, index, payload)``, ``kind`` one of
"started", "result", "refused", "failed", "done". Every job ends with exactly one
"done". A cancel is noticed between layers (the engine calls ``is_set``), or between
iterations of a job of ``TrainingConfig`` runs, which train side by side.
"""

from __future__ import annotations

import os
import sys
import traceback
from multiprocessing.connection import Connection

#: Niceness of the engine process: the GUI thread gets a core whenever it needs one
#: (``$INITVIZ_ENGINE_NICE`` overrides it).
NICENESS = 10
FLAG = "--engine-process"


def command() -> list[str]:
    """How to start the child from this interpreter or bundle."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FLAG]
    return [sys.executable, "-m", "initviz", FLAG]


class _Cancel:
    """The ``cancel`` the engine polls: set by a ("cancel", generation) message."""

    def __init__(self, conn: Connection, generation: int) -> None:
        self.conn = conn
        self.generation = generation
        self.flag = False
        self.quit = False

    def is_set(self) -> bool:
        while not self.flag and self.conn.poll():
            message = self.conn.recv()
            if message is None:
                self.flag = self.quit = True
            elif message[0] == "cancel" and message[1] == self.generation:
                self.flag = True
        return self.flag


def serve(inbox: Connection, outbox: Connection) -> None:
    """Run jobs until told to quit or the parent is gone."""
    from .engine import MemoryRefused, RunSummary, simulate
    from .engine.training_job import is_training_job

    outbox.send(("ready",))
    while True:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        if message[0] != "run":
            continue  # a late cancel of a job that has ended
        _, generation, configs = message
        cancel = _Cancel(inbox, generation)
        if is_training_job(configs):  # runs side by side, in their own loop
            if not _serve_training(outbox, generation, configs, cancel) or cancel.quit:
                return
            continue
        try:
            for index, config in enumerate(configs):
                if cancel.is_set():
                    break
                try:
                    results = simulate(config, cancel, helper="auto")
                except MemoryRefused as exc:
                    outbox.send((generation, "refused", index, str(exc)))
                    break
                outbox.send((generation, "started", index, None))
                try:
                    for result in results:
                        outbox.send((generation, "result", index, result))
                        if isinstance(result, RunSummary) and result.stopped == "cancelled":
                            break
                finally:
                    results.close()  # a run left early stops its helper process now
                if cancel.flag:
                    break
        except (BrokenPipeError, EOFError, OSError):
            return
        except Exception as exc:  # reported to the window; the process keeps serving
            traceback.print_exc()
            outbox.send((generation, "failed", -1, f"{type(exc).__name__}: {exc}".splitlines()[0]))
        outbox.send((generation, "done", -1, None))
        if cancel.quit:
            return


def _serve_training(outbox: Connection, generation: int, configs, cancel: _Cancel) -> bool:
    """A job of training runs (``engine.training_job``), then its one "done"; False when
    the parent is gone."""
    from .engine.training_job import training_job

    try:
        for kind, index, payload in training_job(configs, cancel):
            outbox.send((generation, kind, index, payload))
    except (BrokenPipeError, EOFError, OSError):
        return False
    except Exception as exc:  # a bad data file, an oversized network: said in the window
        traceback.print_exc()
        outbox.send((generation, "failed", -1, f"{type(exc).__name__}: {exc}".splitlines()[0]))
    outbox.send((generation, "done", -1, None))
    return True


def main() -> int:
    """Entry point of the child: protocol on the original stdin/stdout."""
    if hasattr(os, "nice"):
        try:
            os.nice(int(os.environ.get("INITVIZ_ENGINE_NICE", NICENESS)))
        except (OSError, ValueError):
            pass
    out_fd = os.dup(1)
    os.dup2(2, 1)  # stray prints must not corrupt the protocol
    inbox = Connection(os.dup(0), writable=False)
    outbox = Connection(out_fd, readable=False)
    try:
        serve(inbox, outbox)
    except (BrokenPipeError, EOFError, OSError, KeyboardInterrupt):
        pass
    return 0
