"""The phase diagram's theory (initviz.engine.phase, phase_grid) against closed forms,
finite differences of its own maps, the published landmarks and a direct simulation."""

import math

import numpy as np
import pytest

from initviz.engine import ACTIVATIONS, InitSpec, SimulationConfig, simulate
from initviz.engine.phase import (
    NoCriticalPoint,
    chi_1,
    classify,
    correlation_map,
    correlation_slope,
    critical_sigma_w2,
    fixed_correlation,
    fixed_length,
    length_map,
    length_slope,
    phase_point,
)
from initviz.engine.phase_grid import phase_grid
from initviz.engine.theory import bivariate_expectation

SMOOTH = ("sigmoid", "tanh", "gelu", "silu", "softplus")


def arc_cosine(q: float, c: float) -> float:
    """E[relu(u1) relu(u2)] for variance q and correlation c (Cho & Saul 2009)."""
    return q / (2 * math.pi) * (math.sqrt(1 - c * c) + (math.pi - math.acos(c)) * c)


# -- closed forms -------------------------------------------------------------------------
@pytest.mark.parametrize("s, b", [(0.5, 0.0), (1.5, 0.1), (1.9, 0.3), (2.0, 0.0), (3.0, 0.0)])
def test_relu_chi1_is_half_sigma_w2(s, b):
    q = fixed_length("relu", s, b)
    assert chi_1("relu", s, q) == pytest.approx(s / 2, rel=1e-12)
    assert phase_point("relu", s, b).chi1 == pytest.approx(s / 2, rel=1e-12)


@pytest.mark.parametrize("q", [1e-6, 0.3, 1.0, 7.0, 1e4])
def test_relu_length_map_is_linear(q):
    assert length_map("relu", 1.3, 0.2, q) == pytest.approx(1.3 * q / 2 + 0.2, rel=1e-12)
    assert length_slope("relu", 1.3, q) == pytest.approx(1.3 / 2, rel=1e-10)


def test_relu_fixed_points():
    assert fixed_length("relu", 1.5, 0.1) == pytest.approx(0.1 / (1 - 0.75), rel=1e-10)
    assert fixed_length("relu", 1.5, 0.0) == 0.0  # the signal fades
    assert fixed_length("relu", 2.0, 0.0) == pytest.approx(2.0)  # He: every q is fixed, the first stays
    assert math.isinf(fixed_length("relu", 2.0, 0.1))  # grows by 0.1 a layer
    assert math.isinf(fixed_length("relu", 2.5, 0.0))


@pytest.mark.parametrize("c", [-0.9, -0.3, 0.0, 0.4, 0.9, 0.99])
def test_two_dimensional_expectation_against_closed_forms(c):
    relu = lambda z: np.maximum(z, 0)  # noqa: E731
    step = lambda z: (z > 0).astype(float)  # noqa: E731
    tol = 2e-7 if abs(c) < 0.95 else 5e-6  # as c -> 1 the smoothed inner step narrows below a cell
    assert bivariate_expectation(relu, relu, 2.0, c) == pytest.approx(arc_cosine(2.0, c), abs=tol)
    assert bivariate_expectation(step, step, 2.0, c) == pytest.approx(0.25 + math.asin(c) / (2 * math.pi), abs=tol)
    # tanh: a Monte Carlo-free check, Price's theorem d/dc E[f f] = q E[f' f'] (finite difference)
    d = 1e-4
    e = lambda c: bivariate_expectation(np.tanh, np.tanh, 0.7, c)  # noqa: E731
    fd = (e(c + d) - e(c - d)) / (2 * d)
    dtanh = lambda z: 1 - np.tanh(z) ** 2  # noqa: E731
    assert fd == pytest.approx(0.7 * bivariate_expectation(dtanh, dtanh, 0.7, c), rel=1e-6)


@pytest.mark.parametrize("name, a", [("relu", 0.0), ("leaky_relu", 0.2)])
@pytest.mark.parametrize("c", [0.0, 0.5, 0.95])
def test_relu_correlation_map_against_the_arc_cosine_kernel(name, a, c):
    s, b = 1.5, 0.1
    q = fixed_length(name, s, b, a or None)
    # l(u) = relu(u) - a relu(-u); (-u1, -u2) has correlation c and (u1, -u2) has -c
    e = (1 + a * a) * arc_cosine(q, c) - 2 * a * arc_cosine(q, -c)
    assert correlation_map(name, s, b, q, c, a or None) == pytest.approx((s * e + b) / q, abs=1e-6)


# -- the published landmarks ---------------------------------------------------------------
def test_tanh_is_critical_at_sigma_w2_1_without_biases():
    assert critical_sigma_w2("tanh", 0.0) == pytest.approx(1.0, abs=1e-6)
    assert phase_point("tanh", 1.0, 0.0).phase == "critical"


def test_tanh_is_critical_near_1_76_at_sigma_b2_0_05():
    # Schoenholz et al. (2017) mark sigma_w2 = 1.76; this code gives 1.7610
    assert critical_sigma_w2("tanh", 0.05) == pytest.approx(1.76, abs=0.002)
    assert phase_point("tanh", 1.76, 0.05).phase == "critical"
    assert phase_point("tanh", 1.5, 0.05).phase == "ordered"
    assert phase_point("tanh", 2.5, 0.05).phase == "chaotic"


def test_relu_has_a_critical_point_only_without_biases():
    assert critical_sigma_w2("relu", 0.0) == pytest.approx(2.0, rel=1e-9)
    with pytest.raises(NoCriticalPoint, match="grows without bound"):
        critical_sigma_w2("relu", 0.05)


def test_the_critical_line_has_chi1_one_and_rises_with_the_bias():
    line = [critical_sigma_w2("tanh", b) for b in (0.0, 0.05, 0.2, 0.5)]
    assert line == sorted(line)
    for b, s in zip((0.05, 0.2, 0.5), line[1:]):
        assert chi_1("tanh", s, fixed_length("tanh", s, b)) == pytest.approx(1.0, abs=1e-9)


# -- finite differences of the maps --------------------------------------------------------
#: Points with a finite q* for each activation: an ordered one, and a chaotic one where
#: the length stays bounded there (the bounded activations).
FD_POINTS = [(n, 0.8 if n == "linear" else 1.5, 0.1) for n in ACTIVATIONS] + [
    (n, 3.0, 0.2) for n in ("sigmoid", "tanh", "softsign")]


@pytest.mark.parametrize("name, s, b", FD_POINTS)
def test_chi1_is_the_slope_of_the_correlation_map_at_1(name, s, b):
    q = fixed_length(name, s, b)
    assert 0 < q < math.inf
    d = 1e-3 if name in SMOOTH else 1e-4  # a kink makes the map's error grow as d^(3/2)
    c_map = lambda c: correlation_map(name, s, b, q, c)  # noqa: E731
    slope = (3 * c_map(1.0) - 4 * c_map(1 - d) + c_map(1 - 2 * d)) / (2 * d)  # second-order, one-sided
    assert slope == pytest.approx(chi_1(name, s, q), rel=1e-5 if name in SMOOTH else 1e-3)


@pytest.mark.parametrize("name", ["tanh", "gelu", "selu", "sigmoid"])
def test_the_length_maps_slope_is_its_finite_difference(name):
    s, b = 1.8, 0.1
    q = fixed_length(name, s, b)
    d = 1e-5 * q
    fd = (length_map(name, s, b, q + d) - length_map(name, s, b, q - d)) / (2 * d)
    assert length_slope(name, s, q) == pytest.approx(fd, rel=1e-6)
    assert length_map(name, s, b, q) == pytest.approx(q, rel=1e-10)  # a fixed point
    assert phase_point(name, s, b).xi_q == pytest.approx(-1 / math.log(fd), rel=1e-5)


@pytest.mark.parametrize("name, s, b", [("tanh", 3.0, 0.2), ("tanh", 4.0, 0.0), ("selu", 1.5, 0.1),
                                        ("softsign", 6.0, 0.1)])
def test_the_chaotic_fixed_correlation(name, s, b):
    p = phase_point(name, s, b)
    assert p.phase == "chaotic" and p.c_star < 1
    assert correlation_map(name, s, b, p.q_star, p.c_star) == pytest.approx(p.c_star, abs=1e-9)
    slope = correlation_slope(name, s, p.q_star, p.c_star)
    assert 0 < slope < 1  # stable
    assert p.xi_c == pytest.approx(-1 / math.log(slope))


def test_ordered_points_have_c_star_1_and_xi_c_from_chi1():
    p = phase_point("tanh", 0.8, 0.2)
    assert p.phase == "ordered" and p.c_star == 1.0
    assert p.xi_c == pytest.approx(-1 / math.log(p.chi1))
    assert fixed_correlation("tanh", 0.8, 0.2, p.q_star, p.chi1) == 1.0


def test_classify_tolerance():
    assert [classify(x) for x in (0.5, 0.9995, 1.0, 1.0009, 1.2)] == [
        "ordered", "critical", "critical", "critical", "chaotic"]


# -- the grid against the point-by-point reference -----------------------------------------
@pytest.mark.parametrize("name", ["tanh", "relu", "sigmoid", "selu", "gelu", "softsign"])
def test_the_grid_agrees_with_each_point(name):
    sw, sb = np.linspace(0.05, 4.0, 23), np.linspace(0.0, 0.5, 11)
    grid = phase_grid(name, sw, sb)
    rng = np.random.default_rng(5)
    for i, j in zip(rng.integers(0, sb.size, 8), rng.integers(0, sw.size, 8)):
        p = phase_point(name, float(sw[j]), float(sb[i]))
        assert grid.q_star[i, j] == pytest.approx(p.q_star, rel=1e-6, abs=1e-12)
        assert grid.chi1[i, j] == pytest.approx(p.chi1, rel=1e-4)
        if math.isnan(p.c_star):
            assert math.isnan(grid.c_star[i, j]) and math.isnan(grid.xi_c[i, j])
            continue
        assert grid.c_star[i, j] == pytest.approx(p.c_star, abs=1e-3)
        # 1/xi is the log slope: near the critical line xi itself is large and sensitive
        assert 1 / grid.xi_c[i, j] == pytest.approx(1 / p.xi_c, abs=1e-3)
        assert 1 / grid.xi_q[i, j] == pytest.approx(1 / p.xi_q, abs=1e-3)


def test_the_grids_critical_line_is_the_bisections():
    sb = np.array([0.0, 0.05, 0.2, 0.5])
    grid = phase_grid("tanh", np.linspace(0.5, 4.0, 141), sb)
    for b, s in zip(sb, grid.critical):
        assert s == pytest.approx(critical_sigma_w2("tanh", float(b)), abs=2e-3)
    relu = phase_grid("relu", np.linspace(0.5, 4.0, 141), sb[1:])
    assert np.isnan(relu.critical).all()  # beyond 2 the length grows without bound


def test_the_grid_classifies_as_the_points():
    grid = phase_grid("tanh", np.array([0.8, 1.7610, 3.0]), np.array([0.05]))
    assert list(grid.phase[0]) == [-1, 0, 1]


# -- a direct simulation -------------------------------------------------------------------
@pytest.mark.parametrize("s, b", [(4.0, 0.05), (0.8, 0.2)])
def test_a_wide_network_settles_at_q_star(s, b):
    config = SimulationConfig(samples=200, depth=30, width=1000, features=1000, activation="tanh",
                              init=InitSpec("variance_scaling", scale=s), bias="normal", bias_std=math.sqrt(b),
                              seed=1, dtype="float64")
    pre_var = [r.pre_std**2 for r in simulate(config) if getattr(r, "pass_name", "") == "forward"]
    # 1000 units: each layer's q is off by a few percent, independently from layer to layer
    assert np.mean(pre_var[-10:]) == pytest.approx(phase_point("tanh", s, b).q_star, rel=0.05)
