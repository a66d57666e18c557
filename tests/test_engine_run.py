"""Run-level behaviour of ``simulate``: determinism, randomness layout, divergence,
cancellation, memory refusal and configuration validation."""

import threading
import warnings

import numpy as np
import pytest

from initviz.engine import ConfigError, InitSpec, MemoryRefused, RunSummary, SimulationConfig, simulate
from initviz.engine.memory import check_memory, estimate_bytes

from .engine_helpers import run


def _key(r):
    return (r.pass_name, r.layer, r.mean, r.std, r.min, r.max, tuple(r.activations.counts)
            if r.pass_name == "forward" else tuple(r.gradient.counts))


def test_same_configuration_and_seed_give_bit_identical_results():
    cfg = SimulationConfig(activation="gelu", init="glorot_uniform", depth=6, width=70, samples=300,
                           gradients=True, bias="normal", bias_std=0.1)
    a, b = run(cfg), run(cfg)
    assert [_key(r) for r in a[0] + a[1]] == [_key(r) for r in b[0] + b[1]]
    other = run(cfg.replace(seed=1))
    assert [_key(r) for r in other[0]] != [_key(r) for r in a[0]]


def test_layer_k_is_the_same_whether_the_run_has_5_or_50_layers():
    base = dict(activation="tanh", init="xavier", width=60, samples=200, dtype="float64")
    short, _, _ = run(SimulationConfig(depth=5, **base))
    long_, _, _ = run(SimulationConfig(depth=50, **base))
    for s, t in zip(short, long_[:5], strict=True):
        assert (s.mean, s.std, s.min, s.max) == (t.mean, t.std, t.min, t.max)
        np.testing.assert_array_equal(s.activations.counts, t.activations.counts)  # tanh: fixed edges


def test_runs_differing_only_in_scheme_see_the_same_inputs_and_draws():
    base = dict(activation="linear", depth=1, width=50, samples=400, dtype="float64")
    xavier, _, _ = run(SimulationConfig(init="xavier", **base))
    he, _, _ = run(SimulationConfig(init="he", **base))
    # linear layer 1: z_he = sqrt(2) * z_xavier exactly when inputs and draws agree
    assert he[0].std == pytest.approx(np.sqrt(2) * xavier[0].std, rel=1e-12)
    assert he[0].max == pytest.approx(np.sqrt(2) * xavier[0].max, rel=1e-12)


def test_overflowing_run_stops_at_the_first_non_finite_layer_without_warnings():
    cfg = SimulationConfig(activation="linear", init=InitSpec("normal", std=10.0), depth=100)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        forward, _, summary = run(cfg)
    assert summary.stopped == "diverged"
    assert summary.diverged_at == forward[-1].layer == len(forward) < 100
    assert forward[-1].nonfinite > 0
    assert all(r.nonfinite == 0 for r in forward[:-1])
    # linear: a = z, so each non-finite position is counted once in a and once in z;
    # the histogram holds every finite position
    h = forward[-1].activations
    assert forward[-1].nonfinite % 2 == 0
    assert h.total == 1000 * 100 - forward[-1].nonfinite // 2


def test_cancel_between_layers():
    cancel = threading.Event()
    cfg = SimulationConfig(activation="relu", init="he", depth=20, width=50, samples=100)
    seen = []
    for r in simulate(cfg, cancel):
        if isinstance(r, RunSummary):
            summary = r
            break
        seen.append(r.layer)
        if r.layer == 3:
            cancel.set()
    assert seen == [1, 2, 3]
    assert summary.stopped == "cancelled" and summary.layers == 3


def test_cancel_during_the_backward_pass():
    cancel = threading.Event()
    cfg = SimulationConfig(depth=6, width=30, samples=50, gradients=True)
    results = []
    for r in simulate(cfg, cancel):
        results.append(r)
        if getattr(r, "pass_name", None) == "backward":
            cancel.set()
    assert results[-1].stopped == "cancelled"
    assert sum(1 for r in results[:-1] if r.pass_name == "backward") == 1


@pytest.mark.parametrize(
    "helper, samples, width",
    [("never", 50, 40), ("auto", 2048, 256)],  # 2048 x 256 = 2**19 values: large enough for the helper
    ids=["small", "helper-sized"],
)
def test_stopping_iteration_early_is_a_clean_cancel(helper, samples, width):
    import multiprocessing
    import sys
    import time

    threads, children = set(threading.enumerate()), set(multiprocessing.active_children())
    gen = simulate(SimulationConfig(depth=50, width=width, samples=samples), helper=helper)
    first = next(gen)
    if helper == "auto" and sys.platform.startswith("linux"):
        assert set(multiprocessing.active_children()) - children, "the run's statistics helper is running"
    gen.close()  # the caller throws the run away: its threads and processes end with it
    assert first.layer == 1
    for thread in set(threading.enumerate()) - threads:
        thread.join(10.0)  # a limit against a hang: close() has already stopped them
    left = [t.name for t in set(threading.enumerate()) - threads]
    assert not left, f"threads still alive after close(): {left}"
    deadline = time.monotonic() + 10.0
    while set(multiprocessing.active_children()) - children and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [p.name for p in set(multiprocessing.active_children()) - children]
    assert not left, f"child processes still alive after close(): {left}"


def test_oversized_run_is_refused_before_allocating():
    cfg = SimulationConfig(samples=10_000_000, width=100_000, depth=2)
    with pytest.raises(MemoryRefused, match=r"GiB"):
        simulate(cfg)
    small = SimulationConfig()
    check_memory(small, available=10 * estimate_bytes(small))
    with pytest.raises(MemoryRefused, match=r"needs about .* GiB but only .* GiB"):
        check_memory(small, available=estimate_bytes(small))


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param(dict(activation="relu", init="he", depth=10, width=100, samples=1000), id="relu-forward"),
        pytest.param(dict(activation="gelu", init="xavier", depth=20, width=500, samples=4000), id="gelu-forward"),
        pytest.param(dict(activation="tanh", init="xavier", depth=40, width=256, samples=2000, gradients=True),
                     id="tanh-gradients"),
        pytest.param(dict(activation="relu", init="he", depth=30, width=200, samples=2000, dtype="float64",
                          gradients=True), id="relu-float64-gradients"),
        pytest.param(dict(activation="sigmoid", init="xavier", depth=40, width=256, samples=2000),
                     id="sigmoid-forward"),
        # depth 32: the lower half is one full segment of 16 stored activations
        pytest.param(dict(activation="gelu", init="xavier", depth=32, width=200, samples=2000, dtype="float64",
                          gradients=True), id="gelu-float64-gradients"),
    ],
)
def test_memory_estimate_bounds_the_measured_peak(changes):
    """estimate_bytes is at least the run's peak, and not far above it. The peak is the
    tracemalloc peak (NumPy reports its buffers to it) of one run after a warm-up, in a
    fresh process, as benchmarks/bench_memory.py measures it, plus the anonymous shared
    mappings the run creates (the layer's z, a and W live in one; tracemalloc does not
    see mmap). Sizes below the helper's, whose process is not measured here."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    child = (
        "import gc, json, mmap, sys, tracemalloc\n"
        "mapped = []\n"
        "class Counted(mmap.mmap):\n"
        "    def __new__(cls, fileno, length, *args, **kwargs):\n"
        "        mapped.append(length)\n"
        "        return super().__new__(cls, fileno, length, *args, **kwargs)\n"
        "mmap.mmap = Counted\n"
        "from initviz.engine import SimulationConfig, simulate\n"
        "config = SimulationConfig(**json.loads(sys.argv[1]))\n"
        "for _ in simulate(config.replace(depth=2)): pass\n"  # lazy imports, per-activation caches
        "gc.collect()\n"
        "mapped.clear()\n"
        "tracemalloc.start()\n"
        "for _ in simulate(config): pass\n"
        "print(tracemalloc.get_traced_memory()[1] + sum(mapped))\n"
    )
    proc = subprocess.run([sys.executable, "-c", child, json.dumps(changes)], capture_output=True, text=True,
                          check=False, cwd=str(Path(__file__).resolve().parent.parent))
    assert proc.returncode == 0, proc.stderr
    peak = int(proc.stdout.split()[-1])
    estimate = estimate_bytes(SimulationConfig(**changes))
    assert peak <= estimate, f"measured peak {peak / 1e6:.2f} MB above the estimate {estimate / 1e6:.2f} MB"
    assert estimate <= 4 * peak, f"estimate {estimate / 1e6:.2f} MB more than 4x the peak {peak / 1e6:.2f} MB"


@pytest.mark.parametrize(
    "changes, fragment",
    [
        (dict(depth=0), "depth must be from 1"),
        (dict(width=-5), "width must be from 1"),
        (dict(width=[10, 20]), "width lists one number per layer"),
        (dict(activation="swishy"), "activation must be one of"),
        (dict(init="kaiming"), "init must be one of"),
        (dict(samples=2.5), "samples must be a whole number"),
        (dict(bins=0), "bins must be from 1"),
        (dict(dtype="float16"), "dtype must be one of"),
        (dict(hist_range=(1.0, 0.0)), "LOW < HIGH"),
        (dict(hist_range=(0.0, 1e-320)), "range width"),
        (dict(hist_range=(-1e308, 1e308)), "range width"),
        (dict(activation="leaky_relu", activation_param=1.5), "slope"),
        (dict(seed=-1), "seed must be from 0"),
        (dict(gradients="yes"), "gradients must be true or false"),
    ],
)
def test_invalid_configurations_name_the_field(changes, fragment):
    with pytest.raises(ConfigError, match=fragment):
        SimulationConfig(**changes)


def test_config_round_trips_through_a_dict():
    cfg = SimulationConfig(width=[3, 4, 5], depth=3, hist_range=(0, 2), activation="elu", activation_param=0.5)
    assert SimulationConfig.from_dict(cfg.to_dict()) == cfg
    with pytest.raises(ConfigError, match="unknown configuration field 'colour'"):
        SimulationConfig.from_dict({"colour": "red"})
    with pytest.raises(ConfigError):
        SimulationConfig.from_dict(["not", "a", "dict"])


def test_denormal_scales_still_give_usable_edges():
    # Found by hypothesis: zero weights plus a denormal bias made bins / (hi - lo) overflow.
    cfg = SimulationConfig(samples=1, depth=1, width=1, features=1, activation="linear", init="zeros",
                           bias="constant", bias_value=5e-324, bins=1)
    forward, _, summary = run(cfg)
    assert summary.stopped is None
    assert forward[0].activations.total == 1
