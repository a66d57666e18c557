"""The helper process (``initviz.engine.helper_process``): the same results as the inline
execution, bit for bit; its failures and its death are reported, never hung on; it never
outlives a run.

The helper exists on Linux only (it is forked); elsewhere these tests are skipped, as
the inline execution is then the only one and the rest of the suite covers it.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from initviz.engine import ACTIVATIONS, SCHEMES, InitSpec, RunSummary, SimulationConfig, helper_process, simulate
from initviz.engine.kernels import summarizer

pytestmark = pytest.mark.skipif(
    not helper_process.wanted(SimulationConfig(), "always"), reason="the helper process is Linux-only (fork)"
)

CONFIGS = [
    dict(activation="relu", init="he", depth=6, width=300, samples=2000),  # one grid, paired counts
    dict(activation="tanh", init="xavier", depth=5, width=[300, 200, 400, 100, 300], samples=1500, features=50),
    dict(activation="relu", init=InitSpec("constant", value=0.01), depth=4, width=200, samples=1000),  # edges from data
    dict(activation="sigmoid", init="lsuv", depth=4, width=200, samples=1000),  # weights drawn in the parent
    dict(activation="relu", init="orthogonal", depth=4, width=200, samples=1000, dtype="float64"),
    dict(activation="linear", init=InitSpec("normal", std=10.0), depth=40, width=100, samples=500),  # diverges
    dict(activation="gelu", init="he", depth=4, width=256, samples=1200, bias="normal", bias_std=0.5, gradients=True),
    dict(activation="relu", init="he", depth=3, width=256, samples=1200, hist_range=(0.0, 1.0), bins=33),
]


def helpers() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "initviz-stats-helper"]


def assert_same(x, y, where: str) -> None:
    """Every field equal (arrays element for element, NaN equal to NaN), but seconds."""
    assert type(x) is type(y), where
    for f in dataclasses.fields(x):
        if f.name == "seconds":
            continue
        u, v = getattr(x, f.name), getattr(y, f.name)
        if dataclasses.is_dataclass(u):
            assert_same(u, v, f"{where}.{f.name}")
        elif isinstance(u, np.ndarray):
            np.testing.assert_array_equal(u, v, err_msg=f"{where}.{f.name}")
        elif not (isinstance(u, float) and u != u and v != v):
            assert u == v, f"{where}.{f.name}: {u!r} != {v!r}"


@pytest.mark.parametrize("params", CONFIGS, ids=lambda p: f"{p['activation']}-{getattr(p['init'], 'name', p['init'])}")
def test_the_helper_gives_the_inline_results_bit_for_bit(params):
    cfg = SimulationConfig(**params)
    with_helper = list(simulate(cfg, helper="always"))
    inline = list(simulate(cfg, helper="never"))
    assert len(with_helper) == len(inline)
    for i, (x, y) in enumerate(zip(with_helper[:-1], inline[:-1])):
        assert_same(x, y, f"result {i}")
    assert with_helper[-1].stopped == inline[-1].stopped
    assert not helpers()


def test_a_failure_in_the_helper_is_reported_and_the_helper_stops(monkeypatch):
    parent = os.getpid()
    real = helper_process.block_work

    def failing_in_the_child(*args):
        if os.getpid() != parent:
            raise ValueError("broken block")
        return real(*args)

    monkeypatch.setattr(helper_process, "block_work", failing_in_the_child)  # the fork inherits it
    run = simulate(SimulationConfig(activation="relu", init="he", depth=3, width=256, samples=2048), helper="always")
    with pytest.raises(helper_process.HelperFailed, match="ValueError: broken block"):
        list(run)
    assert not helpers()


def test_a_helper_that_dies_is_reported_not_waited_for():
    run = simulate(SimulationConfig(activation="relu", init="he", depth=20, width=256, samples=2048), helper="always")
    next(run)
    (child,) = helpers()
    os.kill(child.pid, signal.SIGKILL)
    child.join(5)
    with pytest.raises(helper_process.HelperFailed, match="stopped"):
        list(run)
    assert not helpers()


def test_stopping_early_or_cancelling_stops_the_helper():
    cfg = SimulationConfig(activation="relu", init="he", depth=30, width=256, samples=2048)
    run = simulate(cfg, helper="always")
    next(run)
    assert len(helpers()) == 1
    run.close()  # the caller stops iterating
    assert not helpers()

    cancel = threading.Event()
    results = []
    for r in simulate(cfg, cancel, helper="always"):
        results.append(r)
        if len(results) == 3:
            cancel.set()
    assert isinstance(results[-1], RunSummary) and results[-1].stopped == "cancelled"
    assert results[-1].layers == 3 and not helpers()


def test_the_choice_the_size_rule_and_threads_decide_where_the_helper_runs():
    small = SimulationConfig(width=100, samples=1000)
    big = SimulationConfig(activation="relu", init="he", width=512, samples=4096)
    assert helper_process.wanted(big, "never") is False and helper_process.wanted(small, "always") is True
    assert helper_process.wanted(small, "auto") is False and helper_process.wanted(big, "auto") is True
    seen = []
    worker = threading.Thread(target=lambda: seen.append(helper_process.wanted(big, "always")))
    worker.start()
    worker.join()
    assert seen == [False]  # never forked from a thread other than the main one
    with pytest.raises(ValueError, match="never, auto, always"):
        helper_process.wanted(big, "yes")
    with pytest.raises(ValueError, match="helper must be"):
        simulate(big, helper=True)


def test_where_the_helper_cannot_start_the_run_goes_inline(monkeypatch):
    def no_fork(*args, **kwargs):
        raise OSError("fork: resource temporarily unavailable")

    cfg = SimulationConfig(**CONFIGS[0])
    expected = list(simulate(cfg, helper="never"))
    monkeypatch.setattr(helper_process, "HelperExecution", no_fork)
    got = list(simulate(cfg, helper="always"))
    for i, (x, y) in enumerate(zip(got[:-1], expected[:-1])):
        assert_same(x, y, f"result {i}")


def test_ctrl_c_on_the_command_line_stops_both_processes_without_a_traceback():
    root = Path(__file__).resolve().parent.parent
    args = ["simulate", "--activation", "relu", "--init", "he", "--width", "512", "--samples", "2048",
            "--depth", "2000", "--json"]
    # A job started in the background inherits an ignored SIGINT; a terminal's program does not.
    proc = subprocess.Popen([sys.executable, str(root / "main.py"), *args], cwd=root, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert proc.stdout.readline().startswith("{")  # running, so the helper is there
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl+C: the whole group
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130 and "Traceback" not in err, err
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the helper follows its parent out
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("a process of the run outlived it")


random_configs = st.fixed_dictionaries(
    {
        "samples": st.integers(1, 200),
        "depth": st.integers(1, 5),
        "width": st.one_of(st.integers(1, 40), st.lists(st.integers(1, 40), min_size=5, max_size=5)),
        "features": st.integers(1, 40),
        "activation": st.sampled_from(list(ACTIVATIONS)),
        "init": st.builds(lambda name, std: InitSpec(name, std=std), st.sampled_from(list(SCHEMES)), st.floats(0, 5)),
        "bias": st.sampled_from(["zeros", "constant", "normal"]),
        "bias_value": st.floats(-1, 1),
        "bias_std": st.floats(0, 1),
        "bins": st.integers(1, 60),
        "seed": st.integers(0, 2**32),
        "dtype": st.sampled_from(["float32", "float64"]),
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_configs)
def test_random_configurations_give_the_same_results_with_the_helper(params):
    """Blocks of 64 elements: even these small layers are split between both processes."""
    if isinstance(params["width"], list):
        params["width"] = params["width"][: params["depth"]]
    cfg = SimulationConfig(**params)
    chunk = summarizer.CHUNK_ELEMENTS
    summarizer.CHUNK_ELEMENTS = 64  # set before the fork: the helper inherits it
    try:
        with_helper = list(simulate(cfg, helper="always"))
        inline = list(simulate(cfg, helper="never"))
    finally:
        summarizer.CHUNK_ELEMENTS = chunk
    assert len(with_helper) == len(inline)
    for i, (x, y) in enumerate(zip(with_helper[:-1], inline[:-1])):
        assert_same(x, y, f"result {i}")
