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


def test_stopping_iteration_early_is_a_clean_cancel():
    gen = simulate(SimulationConfig(depth=50, width=40, samples=50))
    first = next(gen)
    gen.close()  # the caller throws the run away: threads and buffers are released
    assert first.layer == 1


def test_oversized_run_is_refused_before_allocating():
    cfg = SimulationConfig(samples=10_000_000, width=100_000, depth=2)
    with pytest.raises(MemoryRefused, match=r"GiB"):
        simulate(cfg)
    small = SimulationConfig()
    check_memory(small, available=10 * estimate_bytes(small))
    with pytest.raises(MemoryRefused, match=r"needs about .* GiB but only .* GiB"):
        check_memory(small, available=estimate_bytes(small))


def test_gradient_memory_estimate_does_not_grow_with_depth():
    shallow = estimate_bytes(SimulationConfig(depth=10, gradients=True))
    deep = estimate_bytes(SimulationConfig(depth=1000, gradients=True))
    assert deep == shallow


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
