"""The checkpointed backward pass at depth > 16 against a plain full-storage backward pass.

The engine keeps at most 16 activations and recomputes the others from checkpoints
(segments split in half, odd lengths unevenly). The reference below stores every
layer's pre-activation and activation, then back-propagates g from the top:
g_L = the run's top gradient, delta = g_l * phi'(z_l), dL/dW_l = a_{l-1}^T delta,
g_{l-1} = delta W_l^T. It shares only the run's weights and inputs with the engine
(``Network``'s streams), and compares, layer by layer, the gradient's histogram
(``numpy.histogram`` over the engine's edges), std, mean, min and max, and the
weight gradient's histogram and std.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from initviz.engine import BackwardLayer, ForwardLayer, RunSummary, SimulationConfig, simulate
from initviz.engine.network import Network, input_batch, stream

#: float64 runs: the engine recomputes activations and sums moments in its own order, so its
#: values differ from these by rounding (~1e-15), grown at most by the network's gain per layer.
REL = 1e-9

#: phi and phi' written out here, not taken from the engine.
PHI = {
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(z.dtype)),
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)), lambda z: np.exp(-z) / (1.0 + np.exp(-z)) ** 2),
}


def _scheme(config: SimulationConfig) -> str:
    return getattr(config.init, "name", config.init)


def _lsuv_constants():
    from initviz.engine import network

    return network.LSUV_TOLERANCE, network.LSUV_MAX_STEPS


def _layer_weights(config: SimulationConfig, net: Network, layer: int, x: np.ndarray) -> np.ndarray:
    """W_layer; for LSUV (Mishkin & Matas 2015) the orthogonal start rescaled on this
    layer's input x until Var(x W + b) is 1 within the engine's tolerance."""
    w = net.weights(layer).copy()
    if _scheme(config) != "lsuv":
        return w
    tolerance, steps = _lsuv_constants()
    b = net.bias(layer)
    for _ in range(steps):
        z = x @ w + (0.0 if b is None else b)
        var = float(np.var(z))
        if not math.isfinite(var) or var == 0 or abs(var - 1.0) < tolerance:
            break
        w *= 1.0 / math.sqrt(var)
    return w


def full_storage_backward(config: SimulationConfig):
    """Every layer's dL/da and dL/dW, from stored activations (float64 throughout)."""
    phi, dphi = PHI[config.activation]
    net = Network(config)
    acts = [input_batch(config).astype(np.float64)]
    zs, ws = [], []
    for layer in range(1, config.depth + 1):
        w = _layer_weights(config, net, layer, acts[-1])
        b = net.bias(layer)
        z = acts[-1] @ w + (0.0 if b is None else b)
        ws.append(w)
        zs.append(z)
        acts.append(phi(z))
    g = stream(config.seed, 0, 2).standard_normal((config.samples, config.width[-1]), dtype=np.float64)
    grads, wgrads = {}, {}
    for layer in range(config.depth, 0, -1):
        grads[layer] = g
        delta = g * dphi(zs[layer - 1])
        wgrads[layer] = acts[layer - 1].T @ delta
        g = delta @ ws[layer - 1].T
    return acts, grads, wgrads


def _assert_same_histogram(h, values: np.ndarray, what: str) -> None:
    """Counts, underflow and overflow of ``values`` over h's edges; a count may differ only
    by values within rounding of an edge (either side is then right)."""
    edges = np.asarray(h.edges, dtype=np.float64)
    counts, _ = np.histogram(values, bins=edges)
    under = int(np.count_nonzero(values < edges[0]))
    over = int(np.count_nonzero(values > edges[-1]))
    flat = values.ravel()
    gap = np.min(np.abs(flat[:, None] - edges[None, :]), axis=1)
    near = int(np.count_nonzero(gap <= REL * (edges[-1] - edges[0])))
    moved = int(np.abs(np.asarray(h.counts) - counts).sum()) + abs(h.underflow - under) + abs(h.overflow - over)
    assert moved <= 2 * near, f"{what}: counts differ by {moved} with {near} values at an edge"
    assert h.total == values.size, f"{what}: {h.total} values counted, {values.size} expected"


def _compare(config: SimulationConfig) -> None:
    results = list(simulate(config))
    summary = results[-1]
    assert isinstance(summary, RunSummary) and summary.stopped is None
    forward = [r for r in results if isinstance(r, ForwardLayer)]
    backward = [r for r in results if isinstance(r, BackwardLayer)]
    assert [r.layer for r in backward] == list(range(config.depth, 0, -1)), "each layer once, from the top"
    assert summary.layers == 2 * config.depth
    acts, grads, wgrads = full_storage_backward(config)
    # The reference's forward pass is the engine's (else the comparison below would be moot).
    for r in forward:
        assert r.std == pytest.approx(float(np.std(acts[r.layer])), rel=REL), f"forward layer {r.layer}"
    for r in backward:
        g, wg = grads[r.layer], wgrads[r.layer]
        where = f"{config.activation}/{_scheme(config)} depth {config.depth}, layer {r.layer}"
        assert r.std == pytest.approx(float(np.std(g)), rel=REL), f"{where}: gradient std"
        assert r.mean == pytest.approx(float(np.mean(g)), abs=REL * float(np.std(g))), f"{where}: gradient mean"
        assert r.min == pytest.approx(float(np.min(g)), rel=REL), f"{where}: gradient min"
        assert r.max == pytest.approx(float(np.max(g)), rel=REL), f"{where}: gradient max"
        assert r.weight_std == pytest.approx(float(np.std(wg)), rel=REL), f"{where}: weight-gradient std"
        _assert_same_histogram(r.gradient, g, f"{where}: gradient histogram")
        _assert_same_histogram(r.weight_gradient, wg, f"{where}: weight-gradient histogram")
        assert r.nonfinite == 0


# Small layers, so a full-storage reference is cheap; depths past the 16 slots, even and
# odd, so segments split unevenly; 300 layers recurse five levels deep.
CASES = {
    "tanh-xavier-40": dict(activation="tanh", init="xavier", depth=40, width=48, features=36, samples=64),
    "relu-he-37-widths": dict(
        activation="relu", init="he", depth=37, width=[40 + (7 * k) % 23 for k in range(37)], features=30,
        samples=50, bias="normal", bias_std=0.1,
    ),
    "tanh-lsuv-37": dict(activation="tanh", init="lsuv", depth=37, width=40, samples=60),
    "tanh-orthogonal-300": dict(activation="tanh", init="orthogonal", depth=300, width=24, samples=40),
}

#: Sigmoid's gradient shrinks about 4x a layer (phi' <= 1/4): 1e-18 at layer 1 of 30, far
#: below the histogram's edges (+-4 x the top layer's std).
VANISHING = dict(activation="sigmoid", init="xavier", depth=30, width=50, samples=100)


@pytest.mark.parametrize(
    "case",
    [
        *(pytest.param(case, id=name) for name, case in CASES.items()),
        pytest.param(VANISHING, id="sigmoid-xavier-30-vanishing"),
    ],
)
def test_checkpointed_backward_equals_full_storage_backward(case):
    _compare(SimulationConfig(dtype="float64", gradients=True, bins=24, seed=11, **case))
