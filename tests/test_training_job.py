"""Training jobs for the window: runs side by side (``engine.training_job``), and the engine
process's protocol for them (started, results, exactly one done; cancel; a bad file fails)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from initviz.engine import InitSpec, TrainingConfig, train
from initviz.engine.training_job import is_training_job, training_job
from initviz.engine.training_results import TrainingRecord, TrainingStep, TrainingSteps, TrainingSummary
from tests.test_engine_process import Child, job, results_of

SMALL = TrainingConfig(iterations=30, every=10, batch=16, width=20, seed=2)
RUNS = [SMALL.replace(init=InitSpec("normal", std=0.01)), SMALL.replace(init="xavier"), SMALL]


def _losses(payloads) -> list[float]:
    """The losses of a run's batches, checked to follow one another from iteration 1."""
    out: list[float] = []
    for p in payloads:
        if isinstance(p, TrainingSteps):
            assert p.first == len(out) + 1
            out.extend(float(v) for v in p.losses)
    return out


def _expected(config):
    results = list(train(config))
    return ([r.loss for r in results if isinstance(r, TrainingStep)],
            [r.iteration for r in results if isinstance(r, TrainingRecord)], results[-1])


def test_runs_go_side_by_side_and_carry_every_result_of_train():
    messages = list(training_job(RUNS, threading.Event()))
    assert [m[:2] for m in messages[:3]] == [("started", 0), ("started", 1), ("started", 2)]
    for index, config in enumerate(RUNS):
        payloads = [p for kind, i, p in messages if kind == "result" and i == index]
        losses, records, summary = _expected(config)
        assert _losses(payloads) == losses
        assert [p.iteration for p in payloads if isinstance(p, TrainingRecord)] == records
        assert isinstance(payloads[-1], TrainingSummary) and payloads[-1].final_loss == summary.final_loss
    # Side by side: the last run's first record comes before the first run's summary.
    order = [(i, type(p)) for kind, i, p in messages if kind == "result"]
    assert order.index((2, TrainingRecord)) < order.index((0, TrainingSummary))
    assert is_training_job(RUNS) and not is_training_job([]) and not is_training_job([object()])


@pytest.fixture
def child():
    c = Child()
    try:
        yield c
    finally:
        c.close()


def test_the_engine_process_runs_a_training_job_with_one_done(child):
    assert child.recv() == ("ready",)
    child.send(("run", 1, RUNS[1:]))
    messages = job(child, 1)
    kinds = [(kind, index) for _, kind, index, _ in messages]
    assert kinds[:2] == [("started", 0), ("started", 1)] and kinds[-1] == ("done", -1)
    assert [k for k, _ in kinds].count("done") == 1
    for index, config in enumerate(RUNS[1:]):
        payloads = results_of(messages, index)
        assert _losses(payloads) == _expected(config)[0]
        assert payloads[-1].stopped is None


def test_a_training_job_cancels_at_once_and_a_bad_file_fails_in_one_line(child):
    assert child.recv() == ("ready",)
    endless = SMALL.replace(iterations=1_000_000)
    child.send(("run", 2, [endless, endless.replace(init="xavier")]))
    assert child.recv()[:3] == (2, "started", 0)
    child.send(("cancel", 2))
    messages = job(child, 2)
    summaries = [p for _, kind, _, p in messages if isinstance(p, TrainingSummary)]
    assert [s.stopped for s in summaries] == ["cancelled", "cancelled"]
    assert all(s.iterations < 100_000 for s in summaries)
    child.send(("run", 3, [SMALL.replace(data="/no/such/file.npz")]))
    messages = job(child, 3)
    assert [m[1] for m in messages] == ["failed", "done"]
    assert messages[0][3].startswith("DataError: data file '/no/such/file.npz' cannot be read")
    child.send(("run", 4, [SMALL]))  # and it keeps serving
    assert isinstance(results_of(job(child, 4), 0)[-1], TrainingSummary)


def test_losses_of_a_batch_are_plain_floats_arrays():
    messages = list(training_job([SMALL], threading.Event()))
    batches = [p for _, _, p in messages if isinstance(p, TrainingSteps)]
    assert batches and all(isinstance(b.losses, np.ndarray) and b.losses.ndim == 1 for b in batches)
