"""The engine's mathematics against independent calculations (closed forms, finite
differences, direct NumPy recomputation)."""

import math
import warnings

import numpy as np
import pytest

from initviz.engine import ACTIVATIONS, InitSpec, SimulationConfig, draw_weights, get_activation
from initviz.engine.theory import gaussian_expectation, predict_forward, predicted_bin_probabilities

from .engine_helpers import reference_forward, run, sigmoid

FAN_IN, FAN_OUT = 400, 300


def _sample_std(spec, fan_in=FAN_IN, fan_out=FAN_OUT):
    w = draw_weights(spec, np.random.default_rng(1), fan_in, fan_out, "float64")
    return float(w.std()), w


@pytest.mark.parametrize(
    "spec, expected",
    [
        (InitSpec("normal", std=0.37), 0.37),
        (InitSpec("xavier"), 1 / math.sqrt(FAN_IN)),
        (InitSpec("glorot_normal"), math.sqrt(2 / (FAN_IN + FAN_OUT))),
        (InitSpec("glorot_uniform"), math.sqrt(2 / (FAN_IN + FAN_OUT))),
        (InitSpec("he"), math.sqrt(2 / FAN_IN)),
        (InitSpec("he_uniform"), math.sqrt(2 / FAN_IN)),
        (InitSpec("lecun_normal"), math.sqrt(1 / FAN_IN)),
        (InitSpec("lecun_uniform"), math.sqrt(1 / FAN_IN)),
        (InitSpec("truncated_normal", std=0.5), 0.5),
        (InitSpec("variance_scaling", scale=3.0, mode="fan_out", distribution="normal"), math.sqrt(3 / FAN_OUT)),
        (InitSpec("variance_scaling", scale=2.0, mode="fan_avg", distribution="truncated"),
         math.sqrt(2 / ((FAN_IN + FAN_OUT) / 2))),
        (InitSpec("variance_scaling", scale=1.0, mode="fan_in", distribution="uniform"), math.sqrt(1 / FAN_IN)),
        (InitSpec("he", gain=1.5), 1.5 * math.sqrt(2 / FAN_IN)),
        (InitSpec("uniform", limit=0.3), 0.3 / math.sqrt(3)),
    ],
    ids=lambda v: v.name if isinstance(v, InitSpec) else "",
)
def test_scheme_std_matches_its_formula(spec, expected):
    std, w = _sample_std(spec)
    # 120,000 draws: the sample std is within ~0.5% of the true one.
    assert std == pytest.approx(expected, rel=0.01)
    assert abs(float(w.mean())) < 0.02 * expected


@pytest.mark.parametrize("name", ["uniform", "he_uniform", "glorot_uniform", "lecun_uniform"])
def test_uniform_schemes_respect_their_limit(name):
    spec = InitSpec(name, limit=0.25)
    std, w = _sample_std(spec)
    limit = 0.25 if name == "uniform" else math.sqrt(3) * std
    assert np.abs(w).max() <= limit * 1.0001
    assert np.abs(w).max() > 0.99 * limit  # the range is used up to the edge


def test_truncated_normal_is_cut_at_two_stds_of_the_underlying_normal():
    std, w = _sample_std(InitSpec("truncated_normal", std=1.0))
    assert np.abs(w).max() <= 2 / 0.87962566103423978 + 1e-9


def test_constant_and_zeros():
    w = draw_weights(InitSpec("constant", value=0.7), np.random.default_rng(0), 5, 4, "float32")
    assert w.dtype == np.float32 and np.all(w == np.float32(0.7))
    assert not draw_weights(InitSpec("zeros"), np.random.default_rng(0), 5, 4, "float64").any()


@pytest.mark.parametrize("fan_in, fan_out", [(64, 64), (100, 40), (40, 100)])
def test_orthogonal_is_orthogonal_times_gain(fan_in, fan_out):
    w = draw_weights(InitSpec("orthogonal", gain=2.0), np.random.default_rng(3), fan_in, fan_out, "float64")
    gram = w.T @ w if fan_in >= fan_out else w @ w.T
    np.testing.assert_allclose(gram, 4.0 * np.eye(min(fan_in, fan_out)), atol=1e-10)


def test_normal_family_schemes_scale_the_same_draws():
    rng = lambda: np.random.default_rng(11)  # noqa: E731
    he = draw_weights(InitSpec("he"), rng(), 50, 50, "float64")
    xavier = draw_weights(InitSpec("xavier"), rng(), 50, 50, "float64")
    np.testing.assert_allclose(he / xavier, math.sqrt(2.0))


# -- activations -----------------------------------------------------------------------

@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_matches_central_finite_difference(name):
    act = get_activation(name)
    z = np.linspace(-6, 6, 1201)
    z = z[np.abs(z) > 1e-3]  # away from the kinks of ReLU-like functions
    h = 1e-6
    p = act.parameter(None)
    fd = (act.forward(z + h, p) - act.forward(z - h, p)) / (2 * h)
    np.testing.assert_allclose(act.derivative(z, p), fd, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_activations_are_stable_at_large_inputs(name, dtype):
    z = np.array([-1000.0, -80.0, 0.0, 80.0, 1000.0], dtype=dtype)
    # Underflow to 0 in the far tail is correct and silent by default; the rest must not happen.
    with np.errstate(over="raise", invalid="raise", divide="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        act = get_activation(name)
        y = act.forward(z, act.parameter(None))
        d = act.derivative(z, act.parameter(None))
    assert y.dtype == dtype and d.dtype == dtype
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(d))


def test_activation_values_against_closed_forms():
    z = np.array([-3.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(get_activation("sigmoid").forward(z, 0.0), 1 / (1 + np.exp(-z)), rtol=1e-15)
    np.testing.assert_allclose(get_activation("softplus").forward(z, 0.0), np.log1p(np.exp(z)), rtol=1e-14)
    np.testing.assert_allclose(get_activation("softsign").forward(z, 0.0), z / (1 + np.abs(z)))
    np.testing.assert_allclose(get_activation("elu").forward(z, 0.5), np.where(z > 0, z, 0.5 * (np.exp(z) - 1)))
    np.testing.assert_allclose(
        get_activation("selu").forward(z, 0.0),
        1.0507009873554805 * np.where(z > 0, z, 1.6732632423543772 * np.expm1(z)),
    )
    np.testing.assert_allclose(get_activation("silu").forward(z, 0.0), z / (1 + np.exp(-z)), rtol=1e-15)
    np.testing.assert_allclose(get_activation("leaky_relu").forward(z, 0.01), np.where(z > 0, z, 0.01 * z))
    # sigmoid keeps its far tail (no 1 - 1 cancellation): s(-30) = e^-30 / (1 + e^-30)
    assert get_activation("sigmoid").forward(np.array([-30.0]), 0.0)[0] == pytest.approx(math.exp(-30), rel=1e-12)


def test_saturation_thresholds_solve_the_derivative_equation():
    (lo, hi), (lo2, hi2) = get_activation("sigmoid").saturation_intervals()
    # s'(z) = 0.05 * 0.25  <=>  s = (1 +- sqrt(0.95)) / 2  <=>  z = logit(s)
    s = (1 + math.sqrt(0.95)) / 2
    assert hi == pytest.approx(-math.log(s / (1 - s)), abs=1e-9) and lo == -math.inf
    assert lo2 == pytest.approx(math.log(s / (1 - s)), abs=1e-9) and hi2 == math.inf
    ((t_lo, t_hi), _) = get_activation("tanh").saturation_intervals()
    assert t_hi == pytest.approx(-math.atanh(math.sqrt(0.95)), abs=1e-9)
    assert get_activation("linear").saturation_intervals() == ()


# -- mean-field theory -----------------------------------------------------------------

def test_gaussian_expectation_closed_forms():
    relu = get_activation("relu")
    for q in (0.3, 1.0, 7.0):
        assert gaussian_expectation(lambda v: relu.forward(v, 0.0) ** 2, q) == pytest.approx(q / 2, rel=1e-9)
        # midpoint rule across a kink: error O(h^2), about 1e-6 here
        mean = gaussian_expectation(lambda v: relu.forward(v, 0.0), q)
        assert mean == pytest.approx(math.sqrt(q / (2 * math.pi)), rel=1e-5)
        assert gaussian_expectation(lambda v: v**4, q) == pytest.approx(3 * q * q, rel=1e-9)
        # E[relu'(z)^2] = 1/2 exactly: the step at 0 must not bias the rule
        assert gaussian_expectation(lambda v: relu.derivative(v, 0.0) ** 2, q) == pytest.approx(0.5, rel=1e-12)


def test_linear_network_prediction_is_the_product_of_variances():
    lin = get_activation("linear")
    preds = predict_forward(lin, 0.0, [0.04, 0.09, 0.01], [100, 50, 200], 0.0, 0.0, 1.0)
    q1 = 0.04 * 100
    q2 = 0.09 * 50 * q1
    q3 = 0.01 * 200 * q2
    assert [p.q for p in preds] == pytest.approx([q1, q2, q3])
    assert [p.act_std for p in preds] == pytest.approx([math.sqrt(q1), math.sqrt(q2), math.sqrt(q3)])


@pytest.mark.parametrize(
    "activation, init, std",
    [("sigmoid", "normal", 1.0), ("tanh", "xavier", 1.0), ("relu", "he", 1.0), ("sigmoid", "normal", 0.01),
     ("relu", "xavier", 1.0), ("selu", "lecun_normal", 1.0)],
)
def test_mean_field_prediction_matches_measurement_at_width_1000(activation, init, std):
    cfg = SimulationConfig(activation=activation, init=InitSpec(init, std=std), depth=6, width=1000, samples=1000,
                           dtype="float64")
    forward, _, _ = run(cfg)
    for r in forward:
        assert r.std == pytest.approx(r.predicted_std, rel=0.05), (r.layer, r.std, r.predicted_std)
        assert r.pre_std == pytest.approx(r.predicted_pre_std, rel=0.05)


def test_relu_he_keeps_the_spread_over_50_layers():
    cfg = SimulationConfig(activation="relu", init="he", depth=50, width=500, samples=1000, bins=50)
    forward, _, _ = run(cfg)
    first = forward[0].pre_std
    for r in forward:
        assert 0.5 * first < r.pre_std < 2.0 * first, (r.layer, r.pre_std, first)
    # ... while Xavier halves the variance at every layer: 50 layers shrink it by 2^-25
    xavier, _, _ = run(cfg.replace(init="xavier"))
    assert xavier[-1].pre_std < 1e-5 * xavier[0].pre_std


def test_lsuv_gives_unit_pre_activation_variance():
    cfg = SimulationConfig(activation="tanh", init="lsuv", depth=8, width=120, samples=2000, dtype="float64",
                           bias="normal", bias_std=0.3)
    forward, _, _ = run(cfg)
    for r in forward:
        assert r.pre_std**2 == pytest.approx(1.0, abs=0.011)


# -- per-layer statistics against a direct recomputation --------------------------------

def test_histograms_moments_and_saturation_equal_a_direct_computation():
    cfg = SimulationConfig(activation="sigmoid", init=InitSpec("normal", std=1.0), depth=4, width=80, features=60,
                           samples=700, bins=30, dtype="float64")
    forward, _, _ = run(cfg)
    zs, acts = reference_forward(cfg, sigmoid)
    for r, z, a in zip(forward, zs, acts, strict=True):
        counts, edges = np.histogram(a, bins=30, range=(0.0, 1.0))
        np.testing.assert_array_equal(r.activations.counts, counts)
        np.testing.assert_allclose(r.activations.edges, edges)
        assert r.activations.underflow == 0 and r.activations.overflow == 0
        assert r.mean == pytest.approx(a.mean(), rel=1e-9)
        assert r.std == pytest.approx(a.std(), rel=1e-9)
        assert r.min == pytest.approx(a.min(), rel=1e-12) and r.max == pytest.approx(a.max(), rel=1e-12)
        assert r.pre_std == pytest.approx(z.std(), rel=1e-9)
        pre_counts, _ = np.histogram(z, bins=r.preactivations.edges)
        inside = (z >= r.preactivations.edges[0]) & (z <= r.preactivations.edges[-1])
        np.testing.assert_array_equal(r.preactivations.counts, pre_counts)
        assert r.preactivations.underflow + r.preactivations.overflow == np.count_nonzero(~inside)
        deriv = sigmoid(z) * (1 - sigmoid(z))
        assert r.saturated == pytest.approx(np.mean(deriv < 0.05 * 0.25), abs=1e-12)
        assert r.distinct_units == 80 and r.dead == 0.0 and r.nonfinite == 0


def test_values_outside_the_range_are_counted_not_dropped():
    cfg = SimulationConfig(activation="relu", init="he", depth=3, width=50, samples=300, bins=10,
                           hist_range=(0.2, 0.9), dtype="float64")
    forward, _, _ = run(cfg)
    _, acts = reference_forward(cfg, lambda z: np.maximum(z, 0))
    for r, a in zip(forward, acts, strict=True):
        assert r.activations.underflow == np.count_nonzero(a < 0.2)
        assert r.activations.overflow == np.count_nonzero(a > 0.9)
        assert r.activations.total == a.size


def test_dead_units_are_units_silent_for_every_sample():
    cfg = SimulationConfig(activation="relu", init="he", depth=30, width=60, samples=200, dtype="float64")
    forward, _, _ = run(cfg)
    _, acts = reference_forward(cfg, lambda z: np.maximum(z, 0))
    assert any(r.dead > 0 for r in forward)  # deep narrow ReLU nets do kill units
    for r, a in zip(forward, acts, strict=True):
        assert r.dead == pytest.approx(np.mean(np.all(a == 0, axis=0)))
        distinct = len({tuple(col) for col in a.T})
        assert r.distinct_units == distinct


def test_constant_weights_give_one_distinct_unit():
    cfg = SimulationConfig(activation="tanh", init=InitSpec("constant", value=0.05), depth=5, width=256, samples=500)
    forward, _, _ = run(cfg)
    assert [r.distinct_units for r in forward] == [1] * 5
    snap = forward[2].snapshot
    # Every column of the heat map is the same to float32 rounding: OpenBLAS sums the
    # columns of one product in different orders on some CPUs (AMD EPYC: 7.7e-7 apart).
    assert np.all(np.abs(snap - snap[:, :1]) <= 4e-6 * np.abs(snap[:, :1]) + 1e-6)
    assert np.ptp(snap[:, 0]) > 0.1  # and the samples still differ


def test_gradients_equal_an_independent_backpropagation():
    cfg = SimulationConfig(activation="tanh", init="xavier", depth=5, width=40, features=30, samples=64,
                           dtype="float64", gradients=True, bins=20)
    _, backward, summary = run(cfg)
    assert [r.layer for r in backward] == [5, 4, 3, 2, 1]
    assert summary.layers == 10
    from initviz.engine.network import input_batch, stream

    # Independent float64 backprop of L = sum(g * a_top), checked itself by a finite difference.
    x0 = input_batch(cfg)
    ws = [draw_weights(cfg.init, stream(cfg.seed, k), *cfg.fans(k), "float64") for k in range(1, 6)]

    def forward_pass(weights):
        xs, zs = [x0], []
        for w in weights:
            zs.append(xs[-1] @ w)
            xs.append(np.tanh(zs[-1]))
        return xs, zs

    g_top = stream(cfg.seed, 0, 2).standard_normal((cfg.samples, 40))
    xs, zs = forward_pass(ws)
    g = g_top
    grads, wgrads = {}, {}
    for k in range(5, 0, -1):
        grads[k] = g
        delta = g * (1 - np.tanh(zs[k - 1]) ** 2)
        wgrads[k] = xs[k - 1].T @ delta
        g = delta @ ws[k - 1].T
    eps = 1e-6
    bumped = [w.copy() for w in ws]
    bumped[1][3, 7] += eps
    loss = lambda weights: float(np.sum(g_top * forward_pass(weights)[0][-1]))  # noqa: E731
    assert (loss(bumped) - loss(ws)) / eps == pytest.approx(wgrads[2][3, 7], rel=1e-4)
    for r in backward:
        assert r.std == pytest.approx(grads[r.layer].std(), rel=1e-9)
        assert r.weight_std == pytest.approx(wgrads[r.layer].std(), rel=1e-9)
        counts, _ = np.histogram(grads[r.layer], bins=r.gradient.edges)
        np.testing.assert_array_equal(r.gradient.counts, counts)


def test_gradient_prediction_follows_measurement_for_relu_he():
    cfg = SimulationConfig(activation="relu", init="he", depth=10, width=800, samples=800, gradients=True)
    _, backward, _ = run(cfg)
    for r in backward:
        assert r.std == pytest.approx(r.predicted_std, rel=0.1)


@pytest.mark.parametrize("edges", [np.linspace(-3.0, 5.0, 41), np.array([-2.0, -0.5, 0.0, 0.3, 1.0, 4.0])])
def test_predicted_bin_probabilities_equal_the_normal_cdf(edges):
    """Identity f: P(e_i <= m + sqrt(q) z < e_{i+1}) = Phi((e_{i+1} - m)/s) - Phi((e_i - m)/s),
    uniform edges (arithmetic binning) and uneven ones (numpy.histogram) alike; ReLU
    moves all the mass below 0 into the bin that starts at 0."""
    m, q = 0.4, 2.3
    s = math.sqrt(q)

    def cdf(x):
        return 0.5 * (1 + math.erf((x - m) / (s * math.sqrt(2))))

    expected = np.array([cdf(b) - cdf(a) for a, b in zip(edges[:-1], edges[1:])])
    got = predicted_bin_probabilities(lambda v: v, m, q, edges)
    np.testing.assert_allclose(got, expected, atol=2e-4)
    relu = predicted_bin_probabilities(lambda v: np.maximum(v, 0), m, q, np.linspace(0.0, 4.0, 21))
    expected_relu = np.array([cdf(b) - cdf(a) for a, b in zip(np.linspace(0, 4, 21)[:-1], np.linspace(0, 4, 21)[1:])])
    expected_relu[0] += cdf(0.0)
    np.testing.assert_allclose(relu, expected_relu, atol=2e-4)
