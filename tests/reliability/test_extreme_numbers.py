"""Numbers at the edges of float64: refused with one short line, or measured right.

Every number a user gives is at most 1e100 in size (its square and the mean-field
variances built from it stay finite); values that grow beyond that inside a run are
still measured: a finite layer never reports a missing (null) statistic.
"""

from __future__ import annotations

import numpy as np
import pytest

from initviz.engine import ConfigError, ForwardLayer, InitSpec, SimulationConfig, simulate
from initviz.engine.kernels import BinSpec, Summarizer
from initviz.engine.parameters import MAX_MAGNITUDE, QUOTE_CHARS


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda: SimulationConfig(init=InitSpec("normal", std=1.4e154)), "std must be at most 1e+100"),
        (lambda: SimulationConfig(init=InitSpec("he", gain=1e200)), "gain must be at most 1e+100"),
        (lambda: SimulationConfig(bias="normal", bias_std=1e200), "bias std must be at most 1e+100"),
        (lambda: SimulationConfig(activation="elu", activation_param=1e308), "at most 1e+100"),
        (lambda: SimulationConfig(init=InitSpec("normal", std=10**400)), "std must be at most 1e+100"),
        (lambda: SimulationConfig(activation_param=-(10**400)), "at most 1e+100"),
        (lambda: SimulationConfig(hist_range=(0, 10**400)), "range must be two numbers"),
        (lambda: SimulationConfig(depth=10**400), "depth must be from 1"),
        (lambda: SimulationConfig(activation="x" * 50_000_000), "activation must be one of"),
        (lambda: SimulationConfig.from_dict({"init": "normal", "std": "y" * 1_000_000}), "std must be a number"),
    ],
)
def test_too_large_values_are_refused_with_one_short_line(make, fragment):
    with pytest.raises(ConfigError) as info:
        make()
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message and len(message) < 200 + 2 * QUOTE_CHARS, message[:300]


def test_the_largest_allowed_values_run_without_a_traceback():
    cfg = SimulationConfig(activation="linear", init=InitSpec("normal", std=MAX_MAGNITUDE), depth=4, width=10,
                           samples=20, dtype="float64", bias="normal", bias_std=MAX_MAGNITUDE)
    results = list(simulate(cfg))
    assert results[-1].stopped == "diverged"


@pytest.mark.parametrize("scale", [1e200, 1e-200, 1e300, 1.0])
def test_moments_of_finite_extreme_values_are_finite_and_right(scale):
    """Squares of such values overflow or vanish in float64; the std must not."""
    rng = np.random.default_rng(5)
    unit = rng.standard_normal((700, 50)) + 0.3
    x = unit * scale
    s = Summarizer().tensor(x, BinSpec(-1.0, 1.0, 10))
    assert s["mean"] == pytest.approx(unit.mean() * scale, rel=1e-9)
    assert s["std"] == pytest.approx(unit.std() * scale, rel=1e-9)


def test_a_layer_of_huge_finite_values_reports_every_statistic():
    cfg = SimulationConfig(activation="linear", init=InitSpec("normal", std=1e100), depth=3, width=10, samples=20,
                           dtype="float64")
    layers = [r for r in simulate(cfg) if isinstance(r, ForwardLayer)]
    assert max(abs(layers[2].max), abs(layers[2].min)) > 1e300  # squares overflow float64
    for r in layers:
        row = r.to_json()
        assert r.nonfinite == 0
        assert all(row[k] is not None for k in ("mean", "std", "min", "max", "pre_mean", "pre_std")), row
