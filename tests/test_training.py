"""The training engine: gradients against finite differences, the optimizers against their
formulas, the book's findings (seeded), symmetry, and the generator's contract."""

from __future__ import annotations

import math
import threading

import numpy as np
import pytest

from initviz.engine import ACTIVATIONS, InitSpec, statistics
from initviz.engine.activations import get_activation
from initviz.engine.data import load_dataset
from initviz.engine.mlp import Mlp, cross_entropy
from initviz.engine.optimizers import ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, MOMENTUM, make_optimizer
from initviz.engine.parameters import ConfigError
from initviz.engine.smoothing import smooth_curve
from initviz.engine.training import Trainer, train
from initviz.engine.training_config import TrainingConfig
from initviz.engine.training_results import TrainingRecord, TrainingStep, TrainingSummary

LN10 = math.log(10)
SEED = 20150206  # the presets' seed


def _tiny_mlp(activation: str, rng) -> tuple[Mlp, np.ndarray, np.ndarray]:
    sizes = (6, 5, 4, 3)
    act = get_activation(activation)
    weights = [rng.standard_normal((a, b)) * 0.8 for a, b in zip(sizes[:-1], sizes[1:])]
    biases = [rng.standard_normal(b) * 0.3 for b in sizes[1:]]
    x = rng.standard_normal((8, sizes[0]))
    labels = rng.integers(0, sizes[-1], 8)
    return Mlp(weights, biases, act, act.parameter(None)), x, labels


def _reference_loss(mlp: Mlp, x: np.ndarray, labels: np.ndarray, start: int = 0) -> float:
    """The loss written out plainly, from layer ``start``'s activations ``x`` upward."""
    a = x
    for k in range(start, len(mlp.weights)):
        z = a @ mlp.weights[k] + mlp.biases[k]
        a = z if k == len(mlp.weights) - 1 else mlp.activation.forward(z, mlp.parameter)
    p = np.exp(a - a.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_gradients_match_finite_differences(activation):
    rng = np.random.default_rng(sorted(ACTIVATIONS).index(activation))
    mlp, x, labels = _tiny_mlp(activation, rng)
    buf = mlp.buffers(len(x))
    mlp.gradients(x, labels, buf, keep_hidden=True)
    eps = 1e-6
    for param, grad in zip(mlp.params, mlp.grads):
        numeric = np.zeros_like(param)
        for i in np.ndindex(param.shape):
            keep = param[i]
            param[i] = keep + eps
            up = _reference_loss(mlp, x, labels)
            param[i] = keep - eps
            down = _reference_loss(mlp, x, labels)
            param[i] = keep
            numeric[i] = (up - down) / (2 * eps)
        np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8, err_msg=activation)
    # The kept dL/da of every hidden layer, against the loss as a function of that layer's output.
    for k in range(len(mlp.weights) - 1):
        a = mlp.activation.forward(x @ mlp.weights[0] + mlp.biases[0], mlp.parameter)
        for j in range(1, k + 1):
            a = mlp.activation.forward(a @ mlp.weights[j] + mlp.biases[j], mlp.parameter)
        numeric = np.zeros_like(a)
        for i in np.ndindex(a.shape):
            keep = a[i]
            a[i] = keep + eps
            up = _reference_loss(mlp, a, labels, k + 1)
            a[i] = keep - eps
            down = _reference_loss(mlp, a, labels, k + 1)
            a[i] = keep
            numeric[i] = (up - down) / (2 * eps)
        np.testing.assert_allclose(buf.g[k], numeric, rtol=1e-5, atol=1e-8, err_msg=f"{activation} dL/da{k + 1}")


def test_cross_entropy_is_stable_and_matches_the_definition():
    logits = np.array([[1000.0, 0.0, -1000.0], [0.5, 0.25, 0.0]])
    labels = np.array([1, 2])
    # Row 1: log(1 + e^-1000 + e^-2000) + 1000 ~ 1000; row 2 written out.
    row2 = -math.log(math.exp(0.0) / (math.exp(0.5) + math.exp(0.25) + 1.0))
    assert cross_entropy(logits, labels) == pytest.approx((1000.0 + row2) / 2, rel=1e-12)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_optimizers_follow_their_formulas(name):
    rng = np.random.default_rng(1)
    p0 = rng.standard_normal(5)
    grads = [rng.standard_normal(5) for _ in range(3)]
    p = [p0.copy()]
    opt = make_optimizer(name, 0.1, p)
    for g in grads:
        opt.step(p, [g.copy()])
    # Written out step by step.
    q, v, m, s = p0.copy(), np.zeros(5), np.zeros(5), np.zeros(5)
    for t, g in enumerate(grads, start=1):
        if name == "sgd":
            q = q - 0.1 * g
        elif name == "momentum":
            v = MOMENTUM * v - 0.1 * g
            q = q + v
        else:
            m = ADAM_BETA1 * m + (1 - ADAM_BETA1) * g
            s = ADAM_BETA2 * s + (1 - ADAM_BETA2) * g * g
            lr_t = 0.1 * math.sqrt(1 - ADAM_BETA2**t) / (1 - ADAM_BETA1**t)
            q = q - lr_t * m / (np.sqrt(s) + ADAM_EPSILON)
    np.testing.assert_allclose(p[0], q, rtol=1e-12)


def test_smoothing_is_the_books_kaiser_window_with_mirrored_ends():
    x = np.random.default_rng(2).standard_normal(40)
    w = np.kaiser(11, 2.0)
    w /= w.sum()
    y = smooth_curve(x)
    assert y.shape == x.shape
    assert y[20] == pytest.approx(float(np.dot(w, x[15:26])))  # the window's weights, symmetric
    # First point: x[5], ..., x[1] mirrored before it; last point: x[39], ..., x[35] after it.
    assert y[0] == pytest.approx(float(np.dot(w, np.r_[x[5:0:-1], x[:6]])))
    assert y[-1] == pytest.approx(float(np.dot(w, np.r_[x[34:], x[39:34:-1]])))
    np.testing.assert_allclose(smooth_curve(np.full(30, 2.5)), 2.5)
    np.testing.assert_array_equal(smooth_curve([1.0, 3.0]), [1.0, 3.0])


def _run(config: TrainingConfig):
    losses, records, summary = [], [], None
    for r in train(config):
        if isinstance(r, TrainingStep):
            losses.append(r.loss)
        elif isinstance(r, TrainingRecord):
            records.append(r)
        else:
            summary = r
    return np.array(losses), records, summary


@pytest.fixture(scope="module")
def book_runs():
    """The book's comparison: std 0.01, its "Xavier" and He, SGD 0.01, batch 128, 2000 iterations."""
    inits = {"std 0.01": InitSpec("normal", std=0.01), "xavier": InitSpec("xavier"), "he": InitSpec("he")}
    return {name: _run(TrainingConfig(init=init, seed=SEED, every=500)) for name, init in inits.items()}


def test_the_books_finding_std_001_never_leaves_ln10(book_runs):
    losses, records, summary = book_runs["std 0.01"]
    assert len(losses) == 2000 and summary.stopped is None
    assert np.max(np.abs(losses - LN10)) < 0.05
    assert records[-1].test_accuracy < 0.2  # chance is 0.1


def test_the_books_finding_xavier_and_he_learn_he_fastest(book_runs):
    for name in ("xavier", "he"):
        losses, records, summary = book_runs[name]
        assert summary.final_loss < 0.5 < LN10 - 1.5, name  # well below ln 10
        assert records[-1].test_accuracy > 0.85, name
    # At 500 iterations, on the curve the book draws (its smoothing), He is below Xavier.
    he, xavier = smooth_curve(book_runs["he"][0]), smooth_curve(book_runs["xavier"][0])
    assert he[499] < xavier[499]


def _hidden_units_identical(trainer: Trainer) -> bool:
    """Every unit of every hidden layer equal bit for bit: its incoming weights and bias, its
    outgoing weights, and its output on held-out images."""
    mlp = trainer.mlp
    logits_input = trainer.recorder.x[:200]
    a = logits_input
    for k in range(len(mlp.weights) - 1):
        w, b, out = mlp.weights[k], mlp.biases[k], mlp.weights[k + 1]
        a = mlp.activation.forward(a @ w + b, mlp.parameter)
        if not ((w == w[:, :1]).all() and (b == b[0]).all() and (out == out[:1]).all() and (a == a[:, :1]).all()):
            return False
    return True


def test_constant_weights_keep_every_hidden_unit_identical_he_does_not():
    # float64: OpenBLAS's float32 kernels add the columns of one product in more than one
    # order, which differs in the last bit (the float32 case is below).
    constant = TrainingConfig(init=InitSpec("constant", value=0.01), dtype="float64", seed=SEED, iterations=500,
                              every=250)
    trainer = Trainer(constant, load_dataset("mnist"))
    losses = [trainer.step() for _ in range(constant.iterations)]
    assert losses[-1] < LN10 - 0.01  # it did learn something
    assert _hidden_units_identical(trainer)
    assert trainer.record(500, losses[-1]).distinct_units == (1, 1, 1, 1)
    he = Trainer(constant.replace(init="he"), load_dataset("mnist"))
    for _ in range(constant.iterations):
        he.step()
    assert not _hidden_units_identical(he)
    record = he.record(500, None)
    for f in record.forward:  # every live unit is its own; dead ReLU units count as one
        dead = round(f.dead * f.units)
        assert f.distinct_units == f.units - dead + (dead > 0) > 1


def test_float32_constant_weights_stay_one_distinct_unit_in_every_record():
    losses, records, _ = _run(TrainingConfig(init=InitSpec("constant", value=0.01), seed=SEED, iterations=400,
                                             every=100))
    assert [r.distinct_units for r in records] == [(1, 1, 1, 1)] * 5


def test_the_generator_yields_records_steps_and_a_summary_in_order():
    config = TrainingConfig(iterations=25, every=10, batch=16, seed=3)
    results = list(train(config))
    kinds = [(type(r).__name__, r.iteration) for r in results[:-1]]
    expected = [("TrainingRecord", 0)]
    for i in range(1, 26):
        expected.append(("TrainingStep", i))
        if i in (10, 20, 25):
            expected.append(("TrainingRecord", i))
    assert kinds == expected
    summary = results[-1]
    assert isinstance(summary, TrainingSummary) and summary.iterations == 25 and summary.stopped is None
    steps = [r.loss for r in results if isinstance(r, TrainingStep)]
    assert summary.final_loss == pytest.approx(np.mean(steps))
    assert summary.test_accuracy == results[-2].test_accuracy
    again = [r.loss for r in train(config) if isinstance(r, TrainingStep)]
    assert again == steps  # same configuration, same run


def test_records_are_the_histogram_views_statistics_of_the_held_out_images():
    config = TrainingConfig(activation="tanh", init="xavier", depth=2, width=30, iterations=5, every=5, seed=4,
                            dtype="float64")
    trainer = Trainer(config, load_dataset("mnist"))
    for _ in range(5):
        trainer.step()
    record = trainer.record(5, None)
    mlp, x, y = trainer.mlp, trainer.recorder.x, trainer.recorder.y
    a = x
    for k in range(2):  # the forward pass written out, and the definitions of statistics.py
        z = a @ mlp.weights[k] + mlp.biases[k]
        a = np.tanh(z)
        f = record.forward[k]
        ref = statistics.histogram(a, f.activations.edges[0], f.activations.edges[-1], 30)
        np.testing.assert_array_equal(f.activations.counts, ref["counts"])
        assert f.std == pytest.approx(np.std(a)) and f.pre_std == pytest.approx(np.std(z))
        assert f.distinct_units == statistics.distinct_units(a) == 30
    logits = a @ mlp.weights[2] + mlp.biases[2]
    assert record.test_accuracy == np.mean(np.argmax(logits, axis=1) == y)
    assert record.test_loss == pytest.approx(cross_entropy(logits, y))
    # dL/da of the top hidden layer: the output layer's gradient through W^T.
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1
    da = p / len(y) @ mlp.weights[2].T
    assert record.backward[1].std == pytest.approx(np.std(da))


def test_compared_runs_share_minibatches_and_the_normal_familys_draws():
    data = load_dataset("mnist")
    he = Trainer(TrainingConfig(init="he", seed=9), data)
    xavier = Trainer(TrainingConfig(init="xavier", seed=9), data)
    for a, b in zip(he.mlp.weights, xavier.mlp.weights):
        np.testing.assert_allclose(a / b, math.sqrt(2), rtol=1e-6)
    for _ in range(300):  # past the first chunk of drawn indices
        np.testing.assert_array_equal(he._peek(), xavier._peek())
        he._next += 1
        xavier._next += 1


def test_cancel_and_divergence_stop_the_run():
    cancel = threading.Event()
    results = []
    for r in train(TrainingConfig(iterations=1000, batch=8, seed=1), cancel):
        results.append(r)
        if isinstance(r, TrainingStep) and r.iteration == 3:
            cancel.set()
    assert results[-1].stopped == "cancelled" and results[-1].iterations == 3
    losses, _, summary = _run(TrainingConfig(init=InitSpec("normal", std=3.0), lr=1000, iterations=200, seed=1))
    assert summary.stopped == "diverged" and not math.isfinite(losses[-1])
    assert np.all(np.isfinite(losses[:-1])) and summary.iterations == len(losses)


def test_lsuv_scales_the_first_layer_to_unit_variance():
    data = load_dataset("mnist")
    trainer = Trainer(TrainingConfig(init="lsuv", seed=2, dtype="float64"), data)
    x = data.x_train[trainer._peek()]
    assert np.var(x @ trainer.mlp.weights[0]) == pytest.approx(1.0, abs=0.011)


@pytest.mark.parametrize(
    "changes, words",
    [
        (dict(optimizer="rmsprop"), "optimizer must be one of sgd, momentum, adam"),
        (dict(lr=0), "learning rate must be"),
        (dict(batch=0), "batch must be from 1"),
        (dict(iterations=2.5), "iterations must be a whole number"),
        (dict(depth=2, width=(10, 20, 30)), "one number per hidden layer"),
        (dict(activation="swish"), "activation must be one of"),
        (dict(data=""), "data must be"),
    ],
)
def test_a_bad_configuration_is_one_line(changes, words):
    with pytest.raises(ConfigError) as info:
        TrainingConfig(**changes)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_an_oversized_network_is_refused_before_anything_is_drawn():
    with pytest.raises(ConfigError, match="parameters; at most"):
        train(TrainingConfig(depth=100, width=10_000))


def test_a_trained_networks_units_are_compared_with_a_wider_tolerance():
    from initviz.engine.kernels import distinct_units

    rng = np.random.default_rng(5)
    column = rng.random(200).astype(np.float32) + 0.5
    a = np.repeat(column[:, None], 6, axis=1)
    a[:, 3] *= np.float32(1 + 2e-5)  # one unit off by 2e-5: rounding after many updates, not a new unit
    fingerprint = rng.standard_normal(200).astype(np.float32)
    args = (a, fingerprint @ a, float(a.max()), np.ones(6, dtype=bool), a.max(axis=0))
    assert distinct_units(*args) == 2  # the simulation's 1e-6
    assert distinct_units(*args, tol=1e-4) == 1
    a[:, 4] += np.float32(0.05)  # a real difference stays one
    args = (a, fingerprint @ a, float(a.max()), np.ones(6, dtype=bool), a.max(axis=0))
    assert distinct_units(*args, tol=1e-4) == 2


def test_blas_threads_are_set_for_the_block_and_restored():
    from initviz.engine import blas

    if not blas.available():
        pytest.skip("no OpenBLAS found in this process: blas_threads changes nothing")
    get, put = blas._openblas()
    before = get()
    put(2)
    try:
        with blas.blas_threads(1):
            assert get() == 1
        assert get() == 2
    finally:
        put(before)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_a_minibatch_is_the_samples_in_the_runs_dtype_without_all_zero_columns(dtype, tmp_path):
    mnist = load_dataset("mnist")
    assert mnist.pixels_train is not None  # gathered as uint8 pixels, scaled per minibatch
    rng = np.random.default_rng(3)
    x = rng.standard_normal((60, 12)) * (rng.random((60, 12)) < 0.3)
    np.savez(tmp_path / "own.npz", x=x, y=np.arange(60) % 3)
    own = load_dataset(str(tmp_path / "own.npz"))
    assert own.pixels_train is None
    for data in (mnist, own):
        trainer = Trainer(TrainingConfig(init="he", seed=4, batch=16, dtype=dtype), data)
        for _ in range(3):
            idx = trainer._peek()
            trainer._next += 1
            dense = data.x_train[idx].astype(dtype)
            full, none = trainer._minibatch(idx, sparse=False)
            assert none is None and full.dtype == np.dtype(dtype)
            np.testing.assert_array_equal(full, dense)
            sub, cols = trainer._minibatch(idx, sparse=True)
            np.testing.assert_array_equal(cols, np.flatnonzero(np.any(dense != 0, axis=0)))
            np.testing.assert_array_equal(sub, dense[:, cols])


def test_skipping_all_zero_input_columns_gives_the_dense_gradients_and_loss():
    data = load_dataset("mnist")
    trainer = Trainer(TrainingConfig(init="he", seed=5, dtype="float64"), data)
    idx = trainer._peek()
    labels = data.y_train[idx]
    dense = data.x_train[idx]
    cols = np.flatnonzero(np.any(dense != 0, axis=0))
    assert 0 < len(cols) < dense.shape[1]
    mlp = trainer.mlp
    mlp.gradients(dense, labels)
    expected = [g.copy() for g in mlp.grad_w + mlp.grad_b]
    mlp.gradients(dense[:, cols], labels, cols=cols)
    for got, want in zip(mlp.grad_w + mlp.grad_b, expected):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-14)
    assert mlp.loss(dense[:, cols], labels, cols=cols) == pytest.approx(_reference_loss(mlp, dense, labels), rel=1e-12)
