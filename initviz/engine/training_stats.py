"""What a training run records every ``every`` iterations: the network on held-out samples.

A record runs the held-out samples forward (all of them, in chunks, for the accuracy and
the loss) and back-propagates the mean cross-entropy of the first PROBE of them. Every
hidden layer's pre-activations, activations, gradients dL/da and weight gradients dL/dW
are then summarised by the same kernels as a simulation's layers
(``kernels.Summarizer``, ``kernels.distinct_units``), into the same ``ForwardLayer``
and ``BackwardLayer`` results, so the histogram views draw them unchanged.

Edges are decided at the first record (iteration 0) and kept for the whole run, so a
layer's histograms at two iterations can be compared bin for bin: pre-activations
+-8 times the largest root-mean-square z over the layers; activations their natural
range where bounded on both sides, ReLU the upper half of the pre-activations' range
(one grid, as in a simulation), else from the lower bound (or -R) to R = 8 times the
largest RMS activation; gradients +-4 times the largest std (they shrink as the loss
falls). Values that training later carries outside are counted as underflow and overflow.
"""

from __future__ import annotations

import functools
import math
import time

import numpy as np

from .activations import Activation
from .kernels import BinSpec, Summarizer, distinct_units
from .mlp import Mlp, cross_entropy
from .network import stream
from .results import BackwardLayer, ForwardLayer, Histogram, frozen_array
from .training_results import TrainingRecord

#: Held-out samples whose layers are summarised (all of them count for the accuracy).
PROBE = 1000
#: Half-widths of the edges in root-mean-squares at iteration 0: twice the simulation's 4
#: for z and a, as training widens them (He's last layer doubles its spread over the
#: book's 2000 iterations); the simulation's 4 standard deviations for gradients, which
#: shrink as the loss falls.
SPREAD = 8.0
GRADIENT_SPREAD = 4.0
MIN_HALF_WIDTH = 1e-30
#: Corner of each layer's activations kept (the symmetry view's size).
SNAPSHOT = 64
#: Relative tolerance of "the same unit" in a trained network: wider than a simulation's
#: (1e-6, 1e-12), as every weight is rounded again at each update. Over a million updates
#: that rounding, about 6e-8 (float32) or 1e-16 (float64) each, stays well within these.
TRAINED_TOLERANCE = {np.dtype(np.float32): 1e-4, np.dtype(np.float64): 1e-10}


@functools.lru_cache(maxsize=32)
def _saturation(activation: Activation, parameter: float) -> tuple[tuple[float, float], ...]:
    return activation.saturation_intervals(parameter)


def _half(r: float) -> float:
    """``r`` as a usable half-width: 1 where it is 0 or not finite."""
    return max(r, MIN_HALF_WIDTH) if math.isfinite(r) and r > 0 else 1.0


def _rms(x: np.ndarray) -> float:
    with np.errstate(all="ignore"):
        return float(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


class Recorder:
    """Makes the ``TrainingRecord`` of an ``Mlp`` on held-out samples ``x`` (labels ``y``)."""

    def __init__(self, x: np.ndarray, y: np.ndarray, seed: int, bins: int) -> None:
        self.x, self.y = x, y
        self.probe = min(PROBE, len(x))
        self.bins = bins
        self.summarizer = Summarizer()
        # One weight per probe sample for the distinct-unit check (the simulation's stream).
        self.fingerprint = stream(seed, 0, 1).standard_normal(self.probe).astype(x.dtype)
        self.specs: tuple[BinSpec, BinSpec, BinSpec, BinSpec] | None = None
        self.z_spec: BinSpec | None = None  # dL/dz's edges, fixed at the first record as the others

    def record(self, mlp: Mlp, iteration: int, loss: float | None) -> TrainingRecord:
        t0 = time.perf_counter()
        correct, total_loss = 0, 0.0
        for start in range(0, len(self.x), self.probe):
            xs, ys = self.x[start : start + self.probe], self.y[start : start + self.probe]
            logits = mlp.forward(xs, mlp.buffers(len(xs)))
            correct += int(np.count_nonzero(np.argmax(logits, axis=1) == ys))
            total_loss += cross_entropy(logits, ys) * len(ys)
        xs, ys = self.x[: self.probe], self.y[: self.probe]
        buf = mlp.buffers(len(xs))
        if len(self.x) == self.probe:  # one chunk: its forward pass is still in buf, back-propagate it
            mlp.backward(xs, ys, logits, buf, keep_hidden=True)
        else:
            mlp.gradients(xs, ys, buf, keep_hidden=True)
        hidden = len(mlp.weights) - 1
        zs, acts, das = buf.z[:hidden], buf.a[:hidden], buf.g[:hidden]
        if self.specs is None:
            self.specs = self._decide(mlp.activation, mlp.parameter, zs, acts, das, mlp.grad_w[:hidden])
        forward = tuple(self._forward(k + 1, zs[k], acts[k], mlp) for k in range(hidden))
        # dL/dz = dL/da * phi'(z), the pre-activation gradient the views show beside dL/da and dL/dW
        dzs = [das[k] * mlp.activation.derivative(zs[k], mlp.parameter) for k in range(hidden)]
        if self.z_spec is None:
            r_z = _half(GRADIENT_SPREAD * max(float(np.std(d, dtype=np.float64)) for d in dzs))
            self.z_spec = BinSpec(-r_z, r_z, self.bins)
        backward = tuple(self._backward(k + 1, das[k], mlp.grad_w[k], dzs[k]) for k in range(hidden))
        return TrainingRecord(
            iteration=iteration,
            loss=loss,
            test_accuracy=correct / len(self.x),
            test_loss=total_loss / len(self.x),
            distinct_units=tuple(f.distinct_units for f in forward),
            forward=forward,
            backward=backward,
            seconds=time.perf_counter() - t0,
        )

    def _decide(self, activation: Activation, parameter: float, zs, acts, das, dws):
        bins = self.bins
        r_pre = _half(SPREAD * max(_rms(z) for z in zs))
        pre = BinSpec(-r_pre, r_pre, bins)
        if activation.name == "relu":
            act = BinSpec(0.0, pre.hi, bins)
        elif activation.natural_range is not None:
            act = BinSpec(*activation.natural_range, bins)
        else:
            r = _half(SPREAD * max(_rms(a) for a in acts))
            lo = -r if activation.lower_bound is None else activation.lower_bound(parameter)
            act = BinSpec(lo, max(r, lo + MIN_HALF_WIDTH), bins)
        r_g = _half(GRADIENT_SPREAD * max(float(np.std(g, dtype=np.float64)) for g in das))
        r_w = _half(GRADIENT_SPREAD * max(float(np.std(w, dtype=np.float64)) for w in dws))
        return pre, act, BinSpec(-r_g, r_g, bins), BinSpec(-r_w, r_w, bins)

    def _forward(self, layer: int, z: np.ndarray, a: np.ndarray, mlp: Mlp) -> ForwardLayer:
        pre_spec, act_spec = self.specs[0], self.specs[1]
        s = self.summarizer.forward(z, a, pre_spec, act_spec, _saturation(mlp.activation, mlp.parameter),
                                    relu=mlp.relu, fingerprint=self.fingerprint)
        act, pre = s["a"], s["z"]
        nonfinite = act["nonfinite"] + pre["nonfinite"]
        if nonfinite == 0:
            peak = max(abs(act["min"]), abs(act["max"]))
            distinct = distinct_units(a, s["fingerprint"], peak, s["nonzero_units"], s["unit_max"],
                                      TRAINED_TOLERANCE[a.dtype])
        else:
            distinct = a.shape[1]
        return ForwardLayer(
            layer=layer, units=a.shape[1],
            activations=Histogram.of(act, act_spec.edges), preactivations=Histogram.of(pre, pre_spec.edges),
            mean=act["mean"], std=act["std"], min=act["min"], max=act["max"],
            pre_mean=pre["mean"], pre_std=pre["std"],
            saturated=s["saturated"] / a.size,
            dead=1.0 - float(np.count_nonzero(s["nonzero_units"])) / a.shape[1],
            nonfinite=nonfinite, distinct_units=distinct, predicted_std=None, predicted_pre_std=None,
            snapshot=frozen_array(a[:SNAPSHOT, :SNAPSHOT], np.float32), seconds=0.0,
        )

    def _backward(self, layer: int, da: np.ndarray, dw: np.ndarray, dz: np.ndarray) -> BackwardLayer:
        g_spec, w_spec = self.specs[2], self.specs[3]
        gs = self.summarizer.tensor(da, g_spec)
        ws = self.summarizer.tensor(dw, w_spec)
        zs = self.summarizer.tensor(dz, self.z_spec)
        return BackwardLayer(
            layer=layer, gradient=Histogram.of(gs, g_spec.edges),
            mean=gs["mean"], std=gs["std"], min=gs["min"], max=gs["max"],
            nonfinite=gs["nonfinite"] + ws["nonfinite"], predicted_std=None,
            weight_gradient=Histogram.of(ws, w_spec.edges), weight_std=ws["std"], predicted_weight_std=None,
            seconds=0.0, pre_gradient=Histogram.of(zs, self.z_spec.edges), pre_gradient_mean=zs["mean"],
            pre_gradient_std=zs["std"],
        )
