"""The backward pass: back-propagate a random top gradient through the run's network.

The loss is sum(g * a_top) with g ~ N(0, 1) drawn from the run's own stream, so every
layer's gradient dL/da, its gradient with respect to the pre-activations
dL/dz = dL/da * phi'(z) (the quantity that vanishes or explodes) and the weight gradient
dL/dW = a_prev^T dL/dz are measured on the same network and inputs as the forward pass. Activations are
recomputed from checkpoints, so memory does not grow with depth.
"""

from __future__ import annotations

import math
import time

import numpy as np

from .config import SimulationConfig
from .initializers import weight_std
from .kernels import BinSpec, Summarizer
from .network import Network, input_batch, input_second_moment, stream
from .results import BackwardLayer, Histogram, frozen_array
from .theory import gaussian_expectation, gradient_gains

#: Rows and columns of the gradients kept for the symmetry view (the forward pass keeps
#: the same corner of the activations).
SNAPSHOT = 64
#: Activations kept at once by the checkpointed backward pass (independent of depth).
CHECKPOINT_SLOTS = 16


def backward(config: SimulationConfig, net: Network, preds, summarizer: Summarizer, cancel, count):
    """Back-propagate g ~ N(0, 1) from the top; activations recomputed from checkpoints.

    At most CHECKPOINT_SLOTS activations are held: a segment that fits is run forward
    storing every layer's input; a longer one is split in half, its midpoint kept, the
    upper half reversed first (recursively, with one slot fewer), then the lower half.
    Memory stays flat in depth; the forward work grows as depth * log2(depth / slots).
    """
    depth = config.depth
    widths = config.width
    g = stream(config.seed, 0, 2).standard_normal((config.samples, widths[-1]), dtype=np.dtype(config.dtype))
    grad_pred, wgrad_pred, zgrad_pred = _gradient_predictions(config, net, preds)
    plan = _GradientPlan(grad_pred, wgrad_pred, config.bins, zgrad_pred)
    state = {"g": g, "stopped": None, "at": None}

    def step(layer: int, a_prev: np.ndarray):
        t0 = time.perf_counter()
        w = net.weights(layer)
        z = net.preactivation(layer, a_prev, w)
        g = state["g"]
        delta = net.activation.derivative(z, net.parameter)
        del z
        delta *= g
        w_grad = a_prev.T @ delta
        g_stats_spec, w_spec = plan.specs(g, w_grad)
        z_spec = plan.z_spec(delta)
        gs = summarizer.tensor(g, g_stats_spec)
        ws = summarizer.tensor(w_grad, w_spec)
        zs = summarizer.tensor(delta, z_spec)
        state["g"] = delta @ w.T
        k = layer - 1
        result = BackwardLayer(
            layer=layer,
            gradient=Histogram.of(gs, g_stats_spec.edges),
            mean=gs["mean"],
            std=gs["std"],
            min=gs["min"],
            max=gs["max"],
            nonfinite=gs["nonfinite"] + ws["nonfinite"] + zs["nonfinite"],
            predicted_std=grad_pred[k] if grad_pred else None,
            weight_gradient=Histogram.of(ws, w_spec.edges),
            weight_std=ws["std"],
            predicted_weight_std=wgrad_pred[k] if wgrad_pred else None,
            seconds=time.perf_counter() - t0,
            pre_gradient=Histogram.of(zs, z_spec.edges),
            pre_gradient_mean=zs["mean"],
            pre_gradient_std=zs["std"],
            predicted_pre_gradient_std=zgrad_pred[k] if zgrad_pred else None,
            snapshot=frozen_array(g[:SNAPSHOT, :SNAPSHOT], np.float32),
            pre_gradient_snapshot=frozen_array(delta[:SNAPSHOT, :SNAPSHOT], np.float32),
        )
        return result

    def reverse(first: int, x: np.ndarray, n: int, slots: int):
        if n <= max(slots, 1):
            inputs = [x]
            for layer in range(first, first + n - 1):
                inputs.append(net.forward_activation(layer, inputs[-1]))
            for i in range(n - 1, -1, -1):
                if cancel.is_set():
                    state["stopped"] = "cancelled"
                    return
                result = step(first + i, inputs[i])
                inputs[i] = None
                count.n += 1
                yield result
                if result.nonfinite:
                    state["stopped"], state["at"] = "diverged", first + i
                    return
            return
        left = n // 2
        mid = x
        for layer in range(first, first + left):
            mid = net.forward_activation(layer, mid)
        yield from reverse(first + left, mid, n - left, slots - 1)
        del mid
        if state["stopped"] is None:
            yield from reverse(first, x, left, slots)

    yield from reverse(1, input_batch(config), depth, CHECKPOINT_SLOTS)
    return state["stopped"], state["at"]


def _gradient_predictions(config, net: Network, preds):
    """Predicted std of dL/da, of dL/dW and of dL/dz per layer (index 0 = layer 1), or Nones.

    dL/dz = dL/da * phi'(z), with g independent of z in the mean-field picture (Poole et
    al. 2016; Schoenholz et al. 2017), so E[(dL/dz)^2] = E[g^2] E[phi'(z)^2]."""
    if preds is None or len(preds) < config.depth or config.init.name == "lsuv":
        return None, None, None
    spec = config.init
    fans = [config.fans(k) for k in range(1, config.depth + 1)]
    wvars = [weight_std(spec, fi, fo) ** 2 for fi, fo in fans]
    chis = gradient_gains(net.activation, net.parameter, preds, wvars, fans)
    g2 = [0.0] * config.depth
    g2[-1] = 1.0
    for k in range(config.depth - 1, 0, -1):
        g2[k - 1] = g2[k] * chis[k]
    act_second = [input_second_moment(config)] + [p.act_std**2 + p.act_mean**2 for p in preds[:-1]]
    wstd, zstd = [], []
    for k, p in enumerate(preds):
        d2 = gaussian_expectation(lambda v: net.activation.derivative(v + p.pre_mean, net.parameter) ** 2, p.q)
        wstd.append(math.sqrt(config.samples * act_second[k] * g2[k] * d2))
        zstd.append(math.sqrt(g2[k] * d2))
    return [math.sqrt(v) for v in g2], wstd, zstd


class _GradientPlan:
    """Edges for the gradient histograms, the same for every layer of a run: +-4 times
    the largest predicted std, or, without a prediction, +-4 times the top layer's
    measured std."""

    def __init__(self, grad_pred, wgrad_pred, bins: int, zgrad_pred=None) -> None:
        self.bins = bins
        self.g = _symmetric(grad_pred, bins)
        self.w = _symmetric(wgrad_pred, bins)
        self.z = _symmetric(zgrad_pred, bins)

    def specs(self, g: np.ndarray, w_grad: np.ndarray) -> tuple[BinSpec, BinSpec]:
        if self.g is None:
            self.g = _symmetric([float(np.std(g, dtype=np.float64))], self.bins)
        if self.w is None:
            self.w = _symmetric([float(np.std(w_grad, dtype=np.float64))], self.bins)
        return self.g, self.w

    def z_spec(self, delta: np.ndarray) -> BinSpec:
        """The dL/dz edges, fixed by the first (top) layer measured when there is no prediction."""
        if self.z is None:
            self.z = _symmetric([float(np.std(delta, dtype=np.float64))], self.bins)
        return self.z


def _symmetric(stds, bins: int) -> BinSpec | None:
    if not stds:
        return None
    finite = [s for s in stds if math.isfinite(s) and s > 0]
    if not finite:
        return BinSpec(-1.0, 1.0, bins)
    r = 4.0 * max(finite)
    return BinSpec(-r, r, bins)
