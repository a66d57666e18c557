"""Pairs of correlated inputs followed through depth: the measurement against a plain
recomputation, the prediction against the measurement of wide networks in both phases."""

import io
import json
import math

import numpy as np
import pytest

from initviz.cli import main as cli_main
from initviz.engine import ConfigError, InitSpec, SimulationConfig, simulate
from initviz.engine.correlation import pair_correlation
from initviz.engine.network import input_batch, pair_inputs
from initviz.engine.phase import phase_point


def _forward(config):
    return [r for r in simulate(config) if getattr(r, "pass_name", "") == "forward"]


def _config(activation, s, b, c0, depth=20, width=1000, **kw):
    return SimulationConfig(samples=200, depth=depth, width=width, features=width, activation=activation,
                            init=InitSpec("variance_scaling", scale=s), bias="normal" if b else "zeros",
                            bias_std=math.sqrt(b), seed=1, correlation=c0, **kw)


def test_pairs_have_the_asked_correlation_and_keep_their_second_moment():
    x = np.random.default_rng(0).standard_normal((2 * 20000, 3))
    before = x.copy()
    pair_inputs(x, 0.3)
    np.testing.assert_array_equal(x[0::2], before[0::2])  # the first of each pair is untouched
    np.testing.assert_allclose(x[1::2], 0.3 * before[0::2] + math.sqrt(1 - 0.09) * before[1::2])
    a, b = x[0::2].ravel(), x[1::2].ravel()
    assert np.mean(a * b) == pytest.approx(0.3, abs=0.02)
    assert np.mean(b * b) == pytest.approx(1.0, abs=0.02)


def test_an_odd_last_row_stays_and_the_even_rows_are_the_plain_runs():
    plain = SimulationConfig(samples=7, features=4, width=4)
    paired = plain.replace(correlation=-0.5)
    x, y = input_batch(plain), input_batch(paired)
    np.testing.assert_array_equal(y[0::2], x[0::2])  # rows 0, 2, 4 and the unpaired row 6


def test_pair_correlation_is_the_mean_over_pairs():
    z = np.random.default_rng(1).standard_normal((9, 50)).astype(np.float32)
    z[3] = 0.0  # a dead row: its pair is left out
    expected = [float(np.dot(z[i], z[i + 1]) / np.sqrt(np.dot(z[i], z[i]) * np.dot(z[i + 1], z[i + 1])))
                for i in (0, 4, 6)]
    assert pair_correlation(z) == pytest.approx(np.mean(expected), rel=1e-6)
    assert math.isnan(pair_correlation(np.zeros((4, 3))))


@pytest.mark.parametrize("activation, s, b, c0", [
    ("tanh", 0.8, 0.2, 0.2),  # ordered: the pairs' correlation rises to 1
    ("tanh", 4.0, 0.05, 0.9),  # chaotic: it falls toward c* = 0.165
    ("relu", 2.0, 0.0, 0.2),  # He: critical, it rises to 1 only polynomially
])
def test_the_measured_correlation_follows_the_correlation_map_at_width_1000(activation, s, b, c0):
    rows = _forward(_config(activation, s, b, c0))
    measured = np.array([r.correlation for r in rows])
    predicted = np.array([r.predicted_correlation for r in rows])
    # 1000 units: each layer's estimate is off by about 1/sqrt(1000) = 0.03 at most
    assert np.max(np.abs(measured - predicted)) < 0.04
    assert abs(measured[-1] - measured[0]) > 0.3  # it did move: the test could fail


def test_the_prediction_settles_at_c_star():
    rows = _forward(_config("tanh", 4.0, 0.05, 0.9, depth=150, width=64))  # xi_c = 7: 20 xi_c
    assert rows[-1].predicted_correlation == pytest.approx(phase_point("tanh", 4.0, 0.05).c_star, abs=1e-4)


def test_json_lines_carry_the_correlation_only_when_asked():
    def lines(*extra):
        out = io.StringIO()
        import contextlib

        with contextlib.redirect_stdout(out):
            assert cli_main(["simulate", "--depth", "2", "--gradients", "--json", *extra]) == 0
        return [json.loads(line) for line in out.getvalue().splitlines()]

    plain = lines()
    assert not any("correlation" in row for row in plain)
    paired = lines("--correlation", "0.5")
    forward = [row for row in paired if row.get("pass") == "forward"]
    assert all(isinstance(row["correlation"], float) and isinstance(row["predicted_correlation"], float)
               for row in forward)
    assert not any("correlation" in row for row in paired if row.get("pass") == "backward")


def test_configuration_checks_and_files():
    with pytest.raises(ConfigError, match="correlation must be from -1 to 1"):
        SimulationConfig(correlation=1.5)
    with pytest.raises(ConfigError, match="samples must be 2 or more"):
        SimulationConfig(samples=1, correlation=0.5)
    assert "correlation" not in SimulationConfig().to_dict()
    config = SimulationConfig(correlation=0.25)
    assert SimulationConfig.from_dict(config.to_dict()) == config
