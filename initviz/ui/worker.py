"""The only bridge between the engine and Qt: runs ``simulate`` off the GUI thread.

Modelled on Qt's Mandelbrot example and napari's generator workers:

- ``SimulationRunner`` lives on the GUI thread and owns one ``QThread`` with one
  ``_Worker`` on it. ``start(runs)`` opens a new *generation*: it sets the cancel event
  of the previous job and queues the new job; the worker skips jobs already stale.
- The worker hands the job to the engine's own process (``initviz.engine_process``:
  no GIL shared with the GUI, see there for the measurement) and relays each result
  as one typed signal (``ForwardLayer``, ``BackwardLayer``, ``RunSummary``), tagged
  with the job's generation. Only these small frozen results cross, never activation
  matrices. Until that process is ready, when it cannot be started, on Windows, or with
  ``INITVIZ_ENGINE=thread``, the worker thread runs ``simulate`` itself.
- The runner drops every signal whose generation is not the current one, so results of
  a cancelled run never reach the screen, however late they arrive.
- ``shutdown()`` cancels, ends the worker's loop, quits and waits for the thread and
  stops the process (terminated if it does not quit at once): no "QThread: Destroyed
  while thread is still running", no hang on close.
- An exception in the engine becomes the ``failed`` signal with a one-line message.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from .. import engine_process
from ..engine import BackwardLayer, ForwardLayer, MemoryRefused, RunSummary, SimulationConfig, simulate
from ..engine.training_job import is_training_job, training_job
from ..engine.training_results import TRAINING_RESULTS

#: Seconds between two looks at the cancel flag while waiting for the engine process.
POLL_S = 0.02
#: Jobs with more multiply-adds than this wait for the engine process to be ready; smaller
#: ones run on the worker thread meanwhile.
LARGE_WORK = 1e9
#: Seconds the engine process gets to quit on close before it is killed (mid-layer).
STOP_WAIT_S = 0.3
#: Milliseconds between two looks at whether an idle engine process has died.
ENGINE_WATCH_MS = 1000
#: Milliseconds after the runner is made before the engine process is started.
ENGINE_START_DELAY_MS = 1500


@dataclass(frozen=True)
class Job:
    """One request: runs (title, config) done one after the other, sharing a cancel event."""

    generation: int
    runs: tuple[tuple[str, SimulationConfig], ...]
    cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def training(self) -> bool:
        """True for a job of training runs (``TrainingConfig``)."""
        return is_training_job([config for _title, config in self.runs])

    @property
    def large(self) -> bool:
        """Worth waiting for the engine process (multiply-adds of the forward pass, twice
        that with gradients, above LARGE_WORK). Training always is: on this thread it would
        hold the interpreter lock the GUI paints with for seconds."""
        if self.training:
            return True
        work = 0
        for _title, c in self.runs:
            per_sample = sum(c.fans(k)[0] * c.fans(k)[1] for k in range(1, c.depth + 1))
            work += c.samples * per_sample * (2 if c.gradients else 1)
        return work >= LARGE_WORK


class _EngineProcess:
    """The child running ``engine_process`` (POSIX only: pickled messages over pipes).

    Used from the worker thread; ``stop`` is called once the worker's loop has ended.
    Until the child says it is ready (it imports NumPy and the engine first), jobs run
    on the worker thread, so the first figure does not wait for the child.
    """

    def __init__(self) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            engine_process.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True
        )
        self.outbox = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.inbox = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self._ready = False

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    @property
    def ready(self) -> bool:
        """True once the child has imported the engine (never blocks)."""
        try:
            while not self._ready and self.inbox.poll():
                self._ready = self.inbox.recv() == ("ready",)
        except (EOFError, OSError):
            return False
        return self._ready and self.alive

    def wait_ready(self, give_up, timeout: float) -> bool:
        """Wait (polling ``give_up()``) until the child is ready; False if it never is."""
        deadline = time.monotonic() + timeout
        while not self.ready:
            if give_up() or not self.alive or time.monotonic() > deadline:
                return False
            try:
                self.inbox.poll(POLL_S)
            except OSError:
                return False
        return True

    def send(self, message) -> None:
        self.outbox.send(message)

    def stop(self) -> None:
        try:
            self.outbox.send(None)
        except OSError:
            pass
        try:
            self.process.wait(STOP_WAIT_S if self._ready else 0.0)  # importing: nothing to lose
        except subprocess.TimeoutExpired:
            self.process.kill()  # mid-layer: a process can simply be stopped
            self.process.wait()
        self.outbox.close()
        self.inbox.close()


class EngineStopped(RuntimeError):
    """The engine process died mid-run (killed, out of memory); a new one is started."""


class _Worker(QObject):
    """Lives on the worker thread; ``run`` is invoked through a queued signal."""

    started = Signal(int, int)  # generation, run index
    forward = Signal(int, int, ForwardLayer)
    backward = Signal(int, int, BackwardLayer)
    finished = Signal(int, int, RunSummary)
    trained = Signal(int, int, object)  # a training run's steps, records and summary
    refused = Signal(int, str)
    failed = Signal(int, str)
    done = Signal(int)

    def __init__(self, engine: _EngineProcess | None) -> None:
        super().__init__()
        self.engine = engine
        self.latest = 0  # written by the GUI thread: an int assignment is atomic
        self.stopping = False

    def _emit(self, gen: int, index: int, result) -> None:
        if isinstance(result, TRAINING_RESULTS):
            self.trained.emit(gen, index, result)
        elif isinstance(result, ForwardLayer):
            self.forward.emit(gen, index, result)
        elif isinstance(result, BackwardLayer):
            self.backward.emit(gen, index, result)
        else:
            self.finished.emit(gen, index, result)

    @Slot(object)
    def run(self, job: Job) -> None:
        gen = job.generation
        if job.cancel.is_set() or gen != self.latest or self.stopping:
            self.done.emit(gen)
            return
        try:
            engine = self.engine
            if engine is not None and (
                engine.ready or job.large and engine.wait_ready(lambda: job.cancel.is_set() or self.stopping, 30.0)
            ):
                self._run_in_process(job)
            else:
                self._run_here(job)
        except EngineStopped as exc:  # said in the window; no traceback: nothing is wrong here
            self.failed.emit(gen, str(exc))
        except Exception as exc:  # shown in the window; the thread stays alive
            traceback.print_exc()
            self.failed.emit(gen, f"{type(exc).__name__}: {exc}".splitlines()[0])
        finally:
            self.done.emit(gen)

    def _run_here(self, job: Job) -> None:
        gen = job.generation
        if job.training:  # no engine process (Windows): the runs side by side on this thread
            for kind, index, payload in training_job([config for _title, config in job.runs], job.cancel):
                if kind == "started":
                    self.started.emit(gen, index)
                else:
                    self._emit(gen, index, payload)
            return
        for index, (_title, config) in enumerate(job.runs):
            if job.cancel.is_set():
                return
            try:
                results = simulate(config, job.cancel)
            except MemoryRefused as exc:
                self.refused.emit(gen, str(exc))
                return
            self.started.emit(gen, index)
            for result in results:
                self._emit(gen, index, result)
                if isinstance(result, RunSummary) and result.stopped == "cancelled":
                    return

    def _run_in_process(self, job: Job) -> None:
        gen, engine = job.generation, self.engine
        engine.send(("run", gen, [config for _title, config in job.runs]))
        cancelled = False
        while True:
            if self.stopping:
                return  # closing: the process is stopped (killed if mid-layer) by shutdown
            if not cancelled and job.cancel.is_set():
                engine.send(("cancel", gen))
                cancelled = True
            try:
                if not engine.inbox.poll(POLL_S):
                    if not engine.alive:
                        raise EOFError
                    continue
                got_gen, kind, index, payload = engine.inbox.recv()
            except (EOFError, OSError):
                engine.stop()  # reaped at once: no zombie
                self.engine = _start_engine_process()  # for the next large run
                raise EngineStopped(
                    "the engine process stopped unexpectedly, so the run was interrupted; "
                    "a new engine process is starting (press F5 to run again)"
                ) from None
            if got_gen != gen:
                continue
            if kind == "done":
                return
            if kind == "result":
                self._emit(gen, index, payload)
            elif kind == "started":
                self.started.emit(gen, index)
            elif kind == "refused":
                self.refused.emit(gen, payload)
            elif kind == "failed":
                self.failed.emit(gen, payload)


def _start_engine_process() -> _EngineProcess | None:
    """The engine's process, or None (engine on the worker thread): on Windows (no
    pipe polling in ``multiprocessing.connection``), with ``INITVIZ_ENGINE=thread``, or
    when it cannot be started."""
    if os.name != "posix" or os.environ.get("INITVIZ_ENGINE", "process") == "thread":
        return None
    try:
        return _EngineProcess()
    except (OSError, ValueError) as exc:
        print(f"initviz: engine process unavailable ({exc}); running the engine on a thread", file=sys.stderr)
        return None


class SimulationRunner(QObject):
    """GUI-thread handle on the worker: start, cancel, shut down; current results only."""

    run_started = Signal(int)  # run index
    forward_layer = Signal(int, ForwardLayer)
    backward_layer = Signal(int, BackwardLayer)
    run_finished = Signal(int, RunSummary)
    training_started = Signal(int)  # run index of a training job (run_started is a simulation's)
    training_result = Signal(int, object)  # run index, TrainingSteps / TrainingRecord / TrainingSummary
    refused = Signal(str)
    failed = Signal(str)
    job_done = Signal()
    _request = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._job: Job | None = None
        self._busy = False
        self._engine_tried = False
        self._thread = QThread()
        self._thread.setObjectName("initviz-simulation")
        self._worker = _Worker(None)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        w = self._worker
        w.started.connect(self._on_started)
        w.forward.connect(self._on_forward)
        w.backward.connect(self._on_backward)
        w.finished.connect(self._on_finished)
        w.refused.connect(self._on_refused)
        w.failed.connect(self._on_failed)
        w.trained.connect(self._on_trained)
        w.done.connect(self._on_done)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        # Started once start-up is over, so that it never competes with the first figure
        # (a large job starts it at once).
        QTimer.singleShot(ENGINE_START_DELAY_MS, self, self._ensure_engine)
        self._watch = QTimer(self, interval=ENGINE_WATCH_MS)
        self._watch.timeout.connect(self._replace_dead_engine)
        self._watch.start()

    @property
    def engine(self) -> _EngineProcess | None:
        """The engine's process, or None (jobs run on the worker thread)."""
        return self._worker.engine

    @property
    def in_process(self) -> bool:
        """True when the engine process has been started (jobs go there once it is ready)."""
        return self._worker.engine is not None

    def _ensure_engine(self) -> None:
        if not self._engine_tried and not self._worker.stopping:
            self._engine_tried = True
            self._worker.engine = _start_engine_process()  # read by the worker at its next job

    def _replace_dead_engine(self) -> None:
        """An engine process that died between runs is reaped at once (no zombie) and a
        new one started. During a job the worker does it (the job's messages say how)."""
        engine = self._worker.engine
        if self._busy or engine is None or self._worker.stopping or engine.alive:
            return
        engine.stop()
        self._worker.engine = _start_engine_process()

    def _current(self, generation: int) -> bool:
        return generation == self.generation

    # Slots run on the GUI thread (queued connections): filter by generation, re-emit.
    @Slot(int, int)
    def _on_started(self, generation: int, index: int) -> None:
        if self._current(generation):
            (self.training_started if self._job.training else self.run_started).emit(index)

    @Slot(int, int, object)
    def _on_trained(self, generation: int, index: int, result) -> None:
        if self._current(generation):
            self.training_result.emit(index, result)

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
        if self._job.large:
            self._ensure_engine()
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
        """Cancel, stop the thread and the engine process, and wait for them. Safe to call twice."""
        if self._job is not None:
            self._job.cancel.set()
        self.generation += 1  # nothing more reaches the screen
        self._worker.latest = self.generation
        self._worker.stopping = True
        self._engine_tried = True  # no engine process after shutdown
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        self._watch.stop()
        engine, self._worker.engine = self._worker.engine, None
        if engine is not None:
            engine.stop()
        self._busy = False
