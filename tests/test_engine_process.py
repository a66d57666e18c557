"""The engine process's protocol on its own, without the window (``initviz.engine_process``).

The child is started as the window starts it (``engine_process.command()``, pickled
``multiprocessing.connection`` messages over its stdin and stdout): it says ready; a
("run", generation, configs) job answers "started", the results (per-layer results,
then a ``RunSummary``) and exactly one "done"; ("cancel", generation) stops that job
between layers; a cancel of another generation is ignored; None quits. Refusal and
failure are checked in the child where a configuration can cause them, and a failure
in the middle of a run with ``serve`` on a thread and a broken ``simulate``.
Timeouts are generous limits against a hang, never measurements of speed.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from initviz import engine_process
from initviz.engine import BackwardLayer, ForwardLayer, RunSummary, SimulationConfig, simulate
from initviz.presets import PRESETS_BY_KEY

ROOT = Path(__file__).resolve().parent.parent
#: Seconds any one message may take before the test gives up (the child imports NumPy first).
TIMEOUT = 60.0

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the engine process runs on POSIX")

SMALL = PRESETS_BY_KEY["relu_he"].config.replace(depth=4, width=30, samples=40)
#: A run that is still going when the test cancels it: the pipe holds some twenty results,
#: so the child cannot run ahead of what the test has read.
ENDLESS = PRESETS_BY_KEY["relu_he"].config.replace(depth=5000, width=16, samples=16)
#: Refused before anything is allocated: terabytes.
HUGE = SimulationConfig(samples=10_000_000, width=100_000, depth=2)


class Child:
    """The engine's child process, started and spoken to as ``initviz.ui.worker`` does."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        self.stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            engine_process.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
            env=env, close_fds=True,
        )
        self.outbox = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.inbox = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()

    def send(self, message) -> None:
        self.outbox.send(message)

    def recv(self):
        if not self.inbox.poll(TIMEOUT):
            self.stderr.seek(0)
            log = self.stderr.read().decode()
            pytest.fail(f"no message from the engine process in {TIMEOUT} s; its stderr:\n{log}")
        return self.inbox.recv()

    def close(self) -> None:
        try:
            self.outbox.send(None)
        except OSError:
            pass
        try:
            self.process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.outbox.close()
        self.inbox.close()
        self.stderr.close()


@pytest.fixture
def child():
    c = Child()
    try:
        yield c
    finally:
        c.close()


def job(conn, generation: int) -> list[tuple]:
    """Every message of ``generation``'s job up to and including its "done"."""
    messages = []
    while True:
        message = conn.recv()
        assert message[0] == generation, f"a message of generation {message[0]} during job {generation}: {message}"
        messages.append(message)
        if message[1] == "done":
            return messages


def results_of(messages, index: int) -> list:
    return [payload for _, kind, i, payload in messages if kind == "result" and i == index]


def test_ready_first_then_each_run_streams_its_results_and_one_done(child):
    assert child.recv() == ("ready",)
    configs = [SMALL, SMALL.replace(activation="tanh", init="xavier", gradients=True)]
    child.send(("run", 1, configs))
    messages = job(child, 1)
    kinds = [(kind, index) for _, kind, index, _ in messages]
    assert kinds[0] == ("started", 0) and kinds[-1] == ("done", -1)
    assert kinds.index(("started", 1)) == 1 + SMALL.depth + 1  # started, its layers, its summary
    assert [k for k, _ in kinds].count("done") == 1
    for index, config in enumerate(configs):
        got = results_of(messages, index)
        expected = list(simulate(config))  # the same run here: the pipe must carry it whole
        assert [type(r) for r in got] == [type(r) for r in expected]
        assert isinstance(got[-1], RunSummary) and got[-1].stopped is None
        assert got[-1].layers == config.depth * (2 if config.gradients else 1)
        for r, e in zip(got[:-1], expected[:-1]):
            assert (r.layer, r.std, r.mean) == (e.layer, e.std, e.mean)
    assert any(isinstance(r, BackwardLayer) for r in results_of(messages, 1))
    # The next job's first message is its own: no second "done" of job 1 is pending.
    child.send(("run", 2, [SMALL]))
    assert child.recv()[:3] == (2, "started", 0)
    job(child, 2)
    child.send(None)
    assert child.process.wait(TIMEOUT) == 0


def test_cancel_mid_run_ends_the_job_early_with_a_cancelled_summary(child):
    assert child.recv() == ("ready",)
    child.send(("run", 7, [ENDLESS, SMALL]))
    assert child.recv()[:3] == (7, "started", 0)
    first = child.recv()
    assert first[1] == "result" and isinstance(first[3], ForwardLayer)
    child.send(("cancel", 7))
    messages = job(child, 7)
    summary = results_of(messages, 0)[-1]
    assert isinstance(summary, RunSummary) and summary.stopped == "cancelled"
    assert summary.layers < ENDLESS.depth
    assert [kind for _, kind, _, _ in messages].count("done") == 1
    assert not any(index == 1 for _, _, index, _ in messages), "the job's second run must not start"
    # The process keeps serving.
    child.send(("run", 8, [SMALL]))
    assert results_of(job(child, 8), 0)[-1].stopped is None


def test_a_cancel_of_another_generation_is_ignored(child):
    assert child.recv() == ("ready",)
    child.send(("cancel", 2))  # between jobs: a late cancel of a job that has ended
    long_ = SMALL.replace(depth=300)
    child.send(("run", 3, [long_]))
    child.send(("cancel", 2))  # during job 3: read between layers, and not for it
    summary = results_of(job(child, 3), 0)[-1]
    assert summary.stopped is None and summary.layers == long_.depth


def test_quit_during_a_job_ends_it_and_the_process(child):
    assert child.recv() == ("ready",)
    child.send(("run", 4, [ENDLESS]))
    assert child.recv()[:3] == (4, "started", 0)
    child.send(None)
    messages = job(child, 4)
    assert results_of(messages, 0)[-1].stopped == "cancelled"
    assert child.process.wait(TIMEOUT) == 0


def test_a_run_that_does_not_fit_is_refused_then_done(child):
    assert child.recv() == ("ready",)
    child.send(("run", 5, [HUGE, SMALL]))
    messages = job(child, 5)
    assert [(kind, index) for _, kind, index, _ in messages] == [("refused", 0), ("done", -1)]
    assert "GiB" in messages[0][3]
    child.send(("run", 6, [SMALL]))
    assert results_of(job(child, 6), 0)[-1].stopped is None


def test_an_engine_error_in_the_child_is_failed_then_done_and_serving_goes_on(child):
    assert child.recv() == ("ready",)
    child.send(("run", 9, ["not a configuration"]))
    messages = job(child, 9)
    assert [kind for _, kind, _, _ in messages] == ["failed", "done"]
    assert "\n" not in messages[0][3] and messages[0][3].startswith(("AttributeError", "TypeError"))
    child.send(("run", 10, [SMALL]))
    assert results_of(job(child, 10), 0)[-1].stopped is None
    child.send(None)
    assert child.process.wait(TIMEOUT) == 0


class _ServerThread:
    """``serve`` on a thread, over two one-way pipes."""

    def __init__(self) -> None:
        server_in, self.outbox = Pipe(duplex=False)
        self.inbox, server_out = Pipe(duplex=False)
        self.thread = threading.Thread(target=engine_process.serve, args=(server_in, server_out), daemon=True)
        self.thread.start()

    def recv(self):
        assert self.inbox.poll(TIMEOUT), f"no message from serve in {TIMEOUT} s"
        return self.inbox.recv()


def test_an_exception_mid_run_is_failed_in_one_line_then_done_and_the_next_job_runs(monkeypatch):
    real = simulate

    def broken(config, cancel=None, **kwargs):
        if config.depth != 3:
            return real(config, cancel, **kwargs)

        def run():
            yield from list(real(config, cancel, **kwargs))[:2]
            raise RuntimeError("the engine broke\nwith a second line")

        return run()

    monkeypatch.setattr("initviz.engine.simulate", broken)
    server = _ServerThread()
    assert server.recv() == ("ready",)
    server.outbox.send(("run", 1, [SMALL.replace(depth=3), SMALL]))
    messages = job(server, 1)
    assert [kind for _, kind, _, _ in messages] == ["started", "result", "result", "failed", "done"]
    assert messages[3][3] == "RuntimeError: the engine broke"
    server.outbox.send(("run", 2, [SMALL]))
    assert results_of(job(server, 2), 0)[-1].stopped is None
    server.outbox.send(None)
    server.thread.join(TIMEOUT)
    assert not server.thread.is_alive(), "serve returns on None"


def test_serve_returns_when_the_parent_is_gone():
    server = _ServerThread()
    assert server.recv() == ("ready",)
    server.outbox.close()
    server.thread.join(TIMEOUT)
    assert not server.thread.is_alive()
