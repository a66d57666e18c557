"""The only bridge between the engine and Qt: runs ``simulate`` on a worker thread.

Modelled on Qt's Mandelbrot example and napari's generator workers:

- ``SimulationRunner`` lives on the GUI thread and owns one ``QThread`` with one
  ``_Worker`` on it. ``start(runs)`` opens a new *generation*: it sets the cancel event
  of the previous job (checked by the engine between layers) and queues the new job.
- The worker emits one typed signal per result (``ForwardLayer``, ``BackwardLayer``,
  ``RunSummary``), tagged with the job's generation. Only those small frozen results
  cross the thread boundary, never activation matrices.
- The runner drops every signal whose generation is not the current one, so results of
  a cancelled run never reach the screen, however late they arrive.
- ``shutdown()`` cancels, quits the thread's event loop and waits for it: no
  "QThread: Destroyed while thread is still running".
- An exception in the engine becomes the ``failed`` signal with a one-line message.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .engine import BackwardLayer, ForwardLayer, MemoryRefused, RunSummary, SimulationConfig, simulate


@dataclass(frozen=True)
class Job:
    """One request: runs (title, config) done one after the other, sharing a cancel event."""

    generation: int
    runs: tuple[tuple[str, SimulationConfig], ...]
    cancel: threading.Event = field(default_factory=threading.Event)


class _Worker(QObject):
    """Lives on the worker thread; ``run`` is invoked through a queued signal."""

    started = Signal(int, int)  # generation, run index
    forward = Signal(int, int, ForwardLayer)
    backward = Signal(int, int, BackwardLayer)
    finished = Signal(int, int, RunSummary)
    refused = Signal(int, str)
    failed = Signal(int, str)
    done = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # written by the GUI thread: an int assignment is atomic

    @Slot(object)
    def run(self, job: Job) -> None:
        gen = job.generation
        try:
            for index, (_title, config) in enumerate(job.runs):
                if job.cancel.is_set() or gen != self.latest:
                    return
                try:
                    results = simulate(config, job.cancel)
                except MemoryRefused as exc:
                    self.refused.emit(gen, str(exc))
                    return
                self.started.emit(gen, index)
                for result in results:
                    if isinstance(result, ForwardLayer):
                        self.forward.emit(gen, index, result)
                    elif isinstance(result, BackwardLayer):
                        self.backward.emit(gen, index, result)
                    else:
                        self.finished.emit(gen, index, result)
                        if result.stopped == "cancelled":
                            return
        except Exception as exc:  # shown in the window; the thread stays alive
            traceback.print_exc()
            self.failed.emit(gen, f"{type(exc).__name__}: {exc}".splitlines()[0])
        finally:
            self.done.emit(gen)


class SimulationRunner(QObject):
    """GUI-thread handle on the worker: start, cancel, shut down; current results only."""

    run_started = Signal(int)  # run index
    forward_layer = Signal(int, ForwardLayer)
    backward_layer = Signal(int, BackwardLayer)
    run_finished = Signal(int, RunSummary)
    refused = Signal(str)
    failed = Signal(str)
    job_done = Signal()
    _request = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._job: Job | None = None
        self._busy = False
        self._thread = QThread()
        self._thread.setObjectName("initviz-simulation")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        w = self._worker
        w.started.connect(self._on_started)
        w.forward.connect(self._on_forward)
        w.backward.connect(self._on_backward)
        w.finished.connect(self._on_finished)
        w.refused.connect(self._on_refused)
        w.failed.connect(self._on_failed)
        w.done.connect(self._on_done)
        self._thread.start()

    def _current(self, generation: int) -> bool:
        return generation == self.generation

    # Slots run on the GUI thread (queued connections): filter by generation, re-emit.
    @Slot(int, int)
    def _on_started(self, generation: int, index: int) -> None:
        if self._current(generation):
            self.run_started.emit(index)

    @Slot(int, int, ForwardLayer)
    def _on_forward(self, generation: int, index: int, result: ForwardLayer) -> None:
        if self._current(generation):
            self.forward_layer.emit(index, result)

    @Slot(int, int, BackwardLayer)
    def _on_backward(self, generation: int, index: int, result: BackwardLayer) -> None:
        if self._current(generation):
            self.backward_layer.emit(index, result)

    @Slot(int, int, RunSummary)
    def _on_finished(self, generation: int, index: int, result: RunSummary) -> None:
        if self._current(generation):
            self.run_finished.emit(index, result)

    @Slot(int, str)
    def _on_refused(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.refused.emit(message)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.failed.emit(message)

    @Slot(int)
    def _on_done(self, generation: int) -> None:
        if self._current(generation):
            self._busy = False
            self.job_done.emit()

    @property
    def busy(self) -> bool:
        """True while the current job has not ended."""
        return self._busy

    def start(self, runs) -> int:
        """Cancel whatever runs and start ``runs`` ((title, config) pairs); the new generation."""
        self.cancel()
        self.generation += 1
        self._job = Job(self.generation, tuple(runs))
        self._worker.latest = self.generation
        self._busy = True
        self._request.emit(self._job)
        return self.generation

    def cancel(self) -> None:
        """Ask the current job to stop at the next layer; its remaining results still arrive
        (ending with a 'cancelled' summary)."""
        if self._job is not None:
            self._job.cancel.set()

    def shutdown(self) -> None:
        """Cancel, stop the thread and wait for it. Safe to call twice."""
        if self._job is not None:
            self._job.cancel.set()
        self.generation += 1  # nothing more reaches the screen
        self._worker.latest = self.generation
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
