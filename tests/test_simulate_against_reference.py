"""Every execution path of ``simulate`` against the plain definitions of ``statistics``.

The layer's z and a are recomputed here from the run's own weights (``Network``), and
their statistics taken with ``initviz.engine.statistics``; the engine's results, with
every block inline and with the helper process, must agree: float64 counts exactly,
float32 counts but for values within a float32 rounding of an edge (the engine bins
float32 data in float32), moments to rounding, saturated, dead and distinct units exactly.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from initviz.engine import ForwardLayer, InitSpec, SimulationConfig, simulate, statistics
from initviz.engine.network import Network, input_batch

CONFIGS = {
    "relu-he-f32": dict(activation="relu", init="he", depth=4, width=300, samples=900),
    "tanh-xavier-bias-f64": dict(
        activation="tanh", init="xavier", depth=4, width=[120, 80, 150, 60], features=50, samples=700,
        bias="normal", bias_std=0.2, dtype="float64",
    ),
    "sigmoid-std1-book-f32": dict(
        activation="sigmoid", init="normal", depth=5, width=100, samples=1000, bins=30, hist_range=(0.0, 1.0)
    ),
    "elu-he-range-f64": dict(activation="elu", init="he", depth=3, width=90, samples=500, hist_range=(-0.5, 2.0),
                             bins=17, dtype="float64"),
    "softplus-constant-f32": dict(activation="softplus", init=InitSpec("constant", value=0.05), depth=3, width=64,
                                  samples=400),
    "leaky-glorot-f32": dict(activation="leaky_relu", activation_param=0.1, init="glorot_uniform", depth=3,
                             width=200, samples=600, bins=41),
}
HELPERS = ["never"] + (["always"] if sys.platform.startswith("linux") else [])


def near_an_edge(x: np.ndarray, edges: np.ndarray) -> int:
    """How many values of float32 ``x`` lie within two float32 roundings of an edge."""
    x = x.ravel().astype(np.float64)
    spacing = 2 * np.spacing(np.abs(x).astype(np.float32)).astype(np.float64) + 2 * np.spacing(
        np.float32(np.max(np.abs(edges)))
    )
    nearest = np.min(np.abs(x[:, None] - edges[None, :]), axis=1) if x.size * edges.size < 5e7 else None
    assert nearest is not None, "keep the test's layers small"
    return int(np.count_nonzero(nearest <= spacing))


def check_histogram(name: str, values: np.ndarray, histogram, dtype: str) -> None:
    edges = np.asarray(histogram.edges)
    ref = statistics.histogram(values, edges[0], edges[-1], edges.size - 1)
    got = np.concatenate(([histogram.underflow], histogram.counts, [histogram.overflow]))
    want = np.concatenate(([ref["underflow"]], ref["counts"], [ref["overflow"]]))
    if dtype == "float64":
        np.testing.assert_array_equal(got, want, err_msg=name)
    else:
        moved = int(np.abs(got - want).sum())
        assert moved <= 2 * near_an_edge(values, edges), f"{name}: {moved} counts differ, {got} vs {want}"
        assert got.sum() == want.sum(), name


@pytest.mark.parametrize("helper", HELPERS)
@pytest.mark.parametrize("name", list(CONFIGS))
def test_every_layer_matches_the_definitions(name, helper):
    cfg = SimulationConfig(seed=7, **CONFIGS[name])
    net = Network(cfg)
    intervals = net.activation.saturation_intervals(net.parameter)
    layers = [r for r in simulate(cfg, helper=helper) if isinstance(r, ForwardLayer)]
    assert len(layers) == cfg.depth
    x = input_batch(cfg)
    rtol = 1e-12 if cfg.dtype == "float64" else 2e-6
    for r in layers:
        z = net.preactivation(r.layer, x)
        a = net.activation.forward(z, net.parameter).astype(cfg.dtype, copy=False)
        where = f"{name}, {helper}, layer {r.layer}"
        check_histogram(f"{where}, activations", a, r.activations, cfg.dtype)
        check_histogram(f"{where}, pre-activations", z, r.preactivations, cfg.dtype)
        for got, want in ((r.mean, "mean"), (r.std, "std"), (r.min, "min"), (r.max, "max")):
            ref = statistics.moments(a)[want]
            scale = max(abs(ref), statistics.moments(a)["std"], 1e-300)
            assert abs(got - ref) <= rtol * scale, f"{where}: {want} {got} vs {ref}"
        assert r.pre_std == pytest.approx(statistics.moments(z)["std"], rel=rtol, abs=1e-300), where
        assert r.saturated == statistics.saturated(z, intervals) / z.size, where
        assert r.dead == pytest.approx(np.count_nonzero(statistics.dead_units(a)) / a.shape[1], abs=1e-12), where
        assert r.distinct_units == statistics.distinct_units(a), where
        x = a


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("hist_range", [None, (-1.0, 1.0), (-1e20, 1e20), (-1e300, 1e300), (5.0, 6.0)])
def test_moments_do_not_depend_on_the_histogram_range(hist_range, dtype):
    """The mean and std of a layer are the data's, whatever range its histogram is drawn
    over: far-away edges, edges the data never reach, or the automatic ones."""
    cfg = SimulationConfig(activation="tanh", init="xavier", depth=2, width=64, samples=300, seed=3, dtype=dtype,
                           hist_range=hist_range)
    net = Network(cfg)
    x = input_batch(cfg)
    rtol = 1e-12 if dtype == "float64" else 2e-6
    for r in (r for r in simulate(cfg) if isinstance(r, ForwardLayer)):
        z = net.preactivation(r.layer, x)
        a = net.activation.forward(z, net.parameter)
        for got, values in ((r.mean, a), (r.pre_mean, z)):
            ref = statistics.moments(values)
            assert abs(got - ref["mean"]) <= rtol * ref["std"], (hist_range, r.layer, got, ref["mean"])
        assert r.std == pytest.approx(statistics.moments(a)["std"], rel=rtol)
        assert r.pre_std == pytest.approx(statistics.moments(z)["std"], rel=rtol)
        x = a
