"""``simulate(config)``: push a batch through a deep dense network, one layer at a time.

A generator of small immutable per-layer results (``ForwardLayer``, then, with
gradients on, ``BackwardLayer`` from the top layer down), closed by one ``RunSummary``.
Stopping early is cooperative: stop iterating, or set the ``cancel`` event, which is
checked between layers.

Randomness: one ``SeedSequence(seed)`` per run; the inputs, every layer's weights and
biases and the top gradient each get their own ``Generator`` from a fixed spawn key, so
layer k's weights are the same whether the run has 5 layers or 50, and runs that differ
only in the scheme see the same inputs and the same underlying draws.
"""

from __future__ import annotations

import functools
import math
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from . import lanes
from .activations import Activation
from .config import SimulationConfig
from .edges import EdgePlan, plan_edges
from .initializers import weight_std
from .memory import check_memory
from .network import Network, bias_moments, input_batch, input_second_moment, stream
from .results import BackwardLayer, ForwardLayer, Histogram, RunSummary, frozen_array
from .stats import BinSpec, LayerSummarizer, merge_forward
from .theory import (
    LayerPrediction,
    gaussian_expectation,
    gradient_gains,
    predict_forward,
    predicted_bin_probabilities,
)

#: Activations kept at once by the checkpointed backward pass (independent of depth).
CHECKPOINT_SLOTS = 16
#: Size of the corner of each layer's activations kept for the symmetry heat map.
SNAPSHOT = 64
#: Columns compared at once when verifying candidate duplicate units.
VERIFY_COLUMNS = 16

Result = ForwardLayer | BackwardLayer | RunSummary


def predictions(config: SimulationConfig, net: Network) -> list[LayerPrediction] | None:
    """Mean-field predictions per layer, or None where the theory does not apply
    (constant weights: every unit is the same deterministic function)."""
    spec = config.init_spec
    if spec.name == "constant":
        return None
    weight_vars, fan_ins = [], []
    for layer in range(1, config.depth + 1):
        fan_in, fan_out = config.fans(layer)
        fan_ins.append(fan_in)
        if spec.name == "lsuv":
            weight_vars.append(None)
        else:
            weight_vars.append(weight_std(spec, fan_in, fan_out) ** 2)
    mean_b, var_b = bias_moments(config)
    return predict_forward(
        net.activation, net.parameter, weight_vars, fan_ins, mean_b, var_b, input_second_moment(config)
    )


def _prediction(preds: list[LayerPrediction] | None, layer: int) -> LayerPrediction | None:
    """Layer ``layer``'s prediction (1-based), or None: no theory, or it stopped early
    (a predicted variance overflowed before that layer)."""
    return preds[layer - 1] if preds is not None and layer - 1 < len(preds) else None


@dataclass
class _Counter:
    n: int = 0


def simulate(
    config: SimulationConfig, cancel: threading.Event | None = None, helper: bool | None = None
) -> Iterator[Result]:
    """Run ``config``: yields per-layer results, then one ``RunSummary``.

    Raises ``MemoryRefused`` at once (nothing allocated) when the run would not fit
    in the memory this machine has. ``helper``: whether the forward pass may share its
    statistics with a helper process (``lanes``); None decides by platform, thread,
    Qt and size, True or False decide instead of the size and Qt rules where the
    platform and thread allow a helper at all. The results are the same either way.
    """
    check_memory(config)
    return _run(config, cancel or threading.Event(), helper)


def _run(config: SimulationConfig, cancel: threading.Event, helper: bool | None = None) -> Iterator[Result]:
    start = time.perf_counter()
    net = Network(config)
    count = _Counter()
    with np.errstate(all="ignore"), LayerSummarizer() as summarizer:
        preds = predictions(config, net)
        setup = _ForwardSetup.of(config, net, preds)
        lane = _start_helper(config, net, setup, helper)  # here: in the thread that iterates
        if lane is not None:
            with lane:
                forward = _forward_with_helper(config, net, preds, setup, lane, summarizer, cancel, count)
                stopped, diverged_at = yield from forward
        else:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="initviz-prefetch") as prefetch:
                forward = _forward(config, net, preds, setup, summarizer, cancel, count, prefetch)
                stopped, diverged_at = yield from forward
        if stopped is None and config.gradients:
            stopped, diverged_at = yield from _backward(config, net, preds, summarizer, cancel, count)
    yield RunSummary(count.n, stopped, time.perf_counter() - start, diverged_at)


@dataclass(frozen=True)
class _ForwardSetup:
    """What either forward pass starts from, made once per run: the saturation
    intervals, the fingerprint weights of the distinct-unit check, the activation
    applied into a buffer, whether it is ReLU, and the predicted histograms."""

    saturation: tuple
    fingerprint: np.ndarray
    activate: Callable[[np.ndarray, np.ndarray], None]
    relu: bool
    predicted: _PredictedCounts

    @classmethod
    def of(cls, config: SimulationConfig, net: Network, preds) -> _ForwardSetup:
        return cls(
            saturation=_saturation_intervals(net.activation, net.parameter),
            fingerprint=stream(config.seed, 0, 1).standard_normal(config.samples).astype(config.dtype),
            activate=_activate_into(net),
            relu=net.activation.name == "relu",
            predicted=_PredictedCounts(net, preds),
        )


def _start_helper(config, net: Network, setup: _ForwardSetup, wanted: bool | None) -> lanes.Helper | None:
    """The helper process where ``lanes`` allows one (``wanted``: ``simulate``'s
    ``helper``) and the fork succeeds; else None, and the threads do it all."""
    if not lanes.available(config, wanted):
        return None
    try:
        return lanes.Helper(net, setup.fingerprint, setup.activate)
    except OSError:  # no fork here (process limits, memory)
        return None


def _forward(config, net: Network, preds, setup: _ForwardSetup, summarizer: LayerSummarizer, cancel, count, prefetch):
    """The forward pass, pipelined one layer deep.

    Layer k: the workers apply the activation to z_k (a_k); then the next product
    z_{k+1} = a_k W_{k+1} (+ b) starts on its own thread while the workers take layer k's
    statistics, and the prefetch thread draws W_{k+2} (weights do not depend on the
    data; LSUV only rescales them) and integrates its predicted histograms. The product
    keeps both cores busy through the statistics' serial moments (the GIL-held bincount,
    the result). Three matrices are held whatever the depth, in reused buffers: z_k,
    a_k and z_{k+1}.
    """
    x = input_batch(config)
    plan: EdgePlan | None = plan_edges(config, net.activation, net.parameter, preds)
    saturation, fingerprint, activate = setup.saturation, setup.fingerprint, setup.activate
    relu, predicted = setup.relu, setup.predicted
    buffers = _Buffers(net.dtype)
    if not plan.needs_data:  # here, not beside layer 1's work: its temporaries are MBs
        predicted.get(1, plan)
    # QR (orthogonal, LSUV) runs LAPACK on OpenBLAS's threads: those weights are drawn
    # on the product's thread, never beside a running product.
    lapack = config.init in ("orthogonal", "lsuv")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="initviz-product") as product:

        def draw(layer: int):
            if lapack or layer > config.depth:
                return None
            return prefetch.submit(_next_layer, net, layer, predicted, plan)

        z = _product(net, config, 1, x, draw(1), buffers)
        del x
        upcoming = draw(2)
        for layer in range(1, config.depth + 1):
            if cancel.is_set():
                return "cancelled", None
            t0 = time.perf_counter()
            a = buffers.take(z.shape)
            summarizer.apply(z, a, activate)
            if plan.needs_data:
                plan = plan.from_first_layer(z, a)
            nxt = None
            if layer < config.depth:
                nxt = product.submit(_product, net, config, layer + 1, a, upcoming, buffers)
                upcoming = draw(layer + 2)
            try:
                s = summarizer.forward(z, a, plan.pre, plan.act, saturation, relu=relu, fingerprint=fingerprint)
                pred = _prediction(preds, layer)
                result = _forward_result(config, layer, a, s, plan, pred, predicted.get(layer, plan), t0)
            finally:
                z_next = None if nxt is None else nxt.result()  # never leave a product running
            buffers.give(z)
            buffers.give(a)
            z = z_next
            count.n += 1
            yield result
            if result.nonfinite:
                return "diverged", layer
    return None, None


def _forward_with_helper(
    config, net: Network, preds, setup: _ForwardSetup, helper: lanes.Helper, summarizer: LayerSummarizer, cancel,
    count,
):
    """The forward pass with a helper process (see ``lanes``), one layer at a time.

    Layer k: the matrix product z_k = a_{k-1} W_k (+ b) alone on both cores; then the
    activation and the statistics, block by block, in both processes at once (the
    helper draws W_{k+1} into the shared arena first); then this process merges the
    blocks and builds the result. z, a and W live in the arena, whatever the depth.
    """
    x = input_batch(config)
    plan: EdgePlan = plan_edges(config, net.activation, net.parameter, preds)
    saturation, fingerprint, activate = setup.saturation, setup.fingerprint, setup.activate
    relu, predicted = setup.relu, setup.predicted
    lapack = config.init in ("orthogonal", "lsuv")  # QR: drawn here, between products
    arena = helper.arena
    for layer in range(1, config.depth + 1):
        if cancel.is_set():
            return "cancelled", None
        t0 = time.perf_counter()
        fan_in, fan_out = config.fans(layer)
        if layer == 1 or lapack:
            w = net.weights(layer)
        else:  # drawn by the helper during the previous layer's statistics
            w = arena.w((fan_in, fan_out))
        shape = (config.samples, fan_out)
        z = None
        if config.init == "lsuv":
            w, z = net.fit_lsuv(layer, x, w, out=arena.z(shape))
        if z is None:
            z = net.preactivation(layer, x, w, out=arena.z(shape))
        a = arena.a(shape)  # x's slot: the product is done with it
        apply = True
        if plan.needs_data:  # layer 1 decides the edges: activate it whole first
            activate(z, a)
            plan = plan.from_first_layer(z, a)
            apply = False
        draw = None if lapack or layer == config.depth else (layer + 1, *config.fans(layer + 1))
        work = summarizer.forward_work(
            z, a, plan.pre, plan.act, saturation, activate if apply else None, relu, fingerprint
        )
        spans = summarizer.row_blocks(*shape)
        parts = helper.forward(shape, spans, plan.pre, plan.act, saturation, relu, apply, draw, work)
        s = merge_forward(parts, fan_out, plan.pre, plan.act)
        pred = _prediction(preds, layer)
        result = _forward_result(config, layer, a, s, plan, pred, predicted.get(layer, plan), t0)
        x = a
        count.n += 1
        yield result
        if result.nonfinite:
            return "diverged", layer
    return None, None


class _Buffers:
    """Matrices reused from layer to layer (a fresh 8 MB array per layer costs page
    faults), handed out by shape; thread-safe, as the product's thread takes too."""

    def __init__(self, dtype) -> None:
        self.dtype = dtype
        self._free: list[np.ndarray] = []
        self._lock = threading.Lock()

    def take(self, shape) -> np.ndarray:
        with self._lock:
            for i, buf in enumerate(self._free):
                if buf.shape == shape:
                    return self._free.pop(i)
        return np.empty(shape, dtype=self.dtype)

    def give(self, buf: np.ndarray) -> None:
        with self._lock:
            self._free.append(buf)
            del self._free[:-2]  # at most two spare: memory stays flat with varying widths


def _product(net: Network, config, layer: int, x: np.ndarray, drawn, buffers: _Buffers) -> np.ndarray:
    """z = x W_layer (+ b) into a reused buffer; ``drawn``: the prefetched weights' future."""
    w = net.weights(layer) if drawn is None else drawn.result()
    with np.errstate(all="ignore"):
        out = buffers.take((x.shape[0], w.shape[1]))
        if config.init == "lsuv":
            w, z = net.fit_lsuv(layer, x, w, out=out)
            if z is not None:
                return z
        return net.preactivation(layer, x, w, out=out)


def _next_layer(net: Network, layer: int, predicted: _PredictedCounts, plan: EdgePlan) -> np.ndarray:
    """Prefetch-thread work for ``layer``: its weights, and its predicted histograms."""
    if not plan.needs_data:
        predicted.get(layer, plan)
    return net.weights(layer)


def _activate_into(net: Network):
    """``activate(z, out)``: out = phi(z) for one block of rows. ReLU, the benchmark's
    and the lecture's workhorse, runs as one ufunc without a temporary; the others
    evaluate their formula on the block and copy it (elementwise, so the values are the
    same as on the whole matrix)."""
    phi, p = net.activation.forward, net.parameter
    if net.activation.name == "relu":
        return lambda z, out: np.maximum(z, 0, out=out)

    def generic(z, out):
        out[...] = phi(z, p)

    return generic


@functools.lru_cache(maxsize=32)
def _saturation_intervals(activation: Activation, parameter: float) -> tuple[tuple[float, float], ...]:
    """``activation.saturation_intervals``, once per process: it scans a 240,001-point
    grid (several MB of temporaries), the same for every run of that activation."""
    return activation.saturation_intervals(parameter)


class _PredictedCounts:
    """Mean-field expected counts per bin for each layer, computed once per distinct
    (mean, q) (He/ReLU and other fixed points repeat them for every layer) and
    thread-safe, so the prefetch thread can integrate layer k+1's while layer k runs."""

    def __init__(self, net: Network, preds) -> None:
        self.net = net
        self.preds = preds
        self._lock = threading.Lock()
        self._cache: dict[tuple, tuple] = {}  # the last few only: memory flat in depth

    def get(self, layer: int, plan: EdgePlan) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(activation probabilities, pre-activation probabilities) per bin, or Nones."""
        preds = self.preds
        pred = _prediction(preds, layer)
        if pred is None or not math.isfinite(pred.q):
            return None, None
        # q to 12 significant digits: a fixed point (He/ReLU: q = 2 at every layer)
        # returns from the quadrature with last-digit noise, and should hit the cache.
        key = (float(f"{pred.pre_mean:.12g}"), float(f"{pred.q:.12g}"), plan.act, plan.pre)
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            net = self.net
            fn = lambda v: net.activation.forward(v, net.parameter)  # noqa: E731
            hit = (
                predicted_bin_probabilities(fn, pred.pre_mean, pred.q, plan.act.edges),
                predicted_bin_probabilities(lambda v: v, pred.pre_mean, pred.q, plan.pre.edges),
            )
            with self._lock:
                if len(self._cache) >= 4:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = hit
        return hit


def _distinct_units(
    a: np.ndarray, fingerprint: np.ndarray, peak: float, alive: np.ndarray, unit_max: np.ndarray | None = None
) -> int:
    """Units whose outputs differ over the batch (1 for constant weights).

    Dead units (``alive`` False: 0 for every sample, known from the statistics) are all
    the same unit. The live ones are sorted by a random projection of their outputs
    (``fingerprint``, summed over the samples by the statistics workers); runs of neighbours whose projections
    agree within rounding are then compared column against column, so two units count
    as one only when every sample's output agrees to float rounding.

    ``unit_max`` (each unit's largest output, from the statistics) skips comparisons
    bound to fail: outputs that agree within tol * (|ref| + peak) everywhere have maxima
    within 2 tol peak (4 tol peak allows for the comparison's own rounding). Deep ReLU
    layers have many nearly silent units whose projections all sit near 0; their
    columns would otherwise be gathered whole, one candidate run after another.
    """
    live = np.flatnonzero(alive)
    distinct = 1 if live.size < a.shape[1] else 0
    if live.size == 0:
        return distinct
    tol = 1e-6 if a.dtype == np.float32 else 1e-12
    # Candidates are looser than the verification: the float32 projection's own
    # rounding must never split units that verify as equal.
    near = 1e-5 if a.dtype == np.float32 else 1e-12
    order = live[np.argsort(fingerprint[live], kind="stable")]
    fp = fingerprint[order]
    scale = float(np.max(np.abs(fp)))
    if not (math.isfinite(scale) and math.isfinite(peak)):
        return a.shape[1]
    close = np.abs(np.diff(fp)) <= near * max(scale, 1e-300)
    distinct += live.size - int(np.count_nonzero(close))
    # Verify each run of "close" neighbours against its first member: on the first
    # rows (most candidates differ there, and a column gather is costly), then on all,
    # a few columns at a time (deep, degenerate layers give long runs; memory stays
    # a few columns' worth).
    edges = np.diff(np.concatenate(([0], close.astype(np.int8), [0])))
    for s, e in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)):
        members = order[s : e + 1]
        first = members[0]
        if unit_max is not None:
            possible = np.abs(unit_max[members] - unit_max[first]) <= 4 * tol * peak
            distinct += int(np.count_nonzero(~possible))
            members = members[possible]
            if members.size < 2:
                continue
        for rows in (slice(0, SNAPSHOT), slice(None)):
            ref = a[rows, first][:, None]
            bound = tol * (np.abs(ref) + peak)
            keep = [first]
            for i in range(1, members.size, VERIFY_COLUMNS):
                cols = members[i : i + VERIFY_COLUMNS]
                same = np.all(np.abs(a[rows, cols] - ref) <= bound, axis=0)
                distinct += int(np.count_nonzero(~same))
                keep.extend(cols[same])
            members = np.asarray(keep)
            if members.size < 2:
                break
    return distinct


def _histogram(stats: dict, spec: BinSpec, predicted: np.ndarray | None) -> Histogram:
    return Histogram(
        counts=frozen_array(stats["counts"], np.int64),
        edges=frozen_array(spec.edges, np.float64),
        underflow=stats["underflow"],
        overflow=stats["overflow"],
        predicted=None if predicted is None else frozen_array(predicted, np.float64),
    )


def _forward_result(config, layer, a, s, plan, pred, predicted, t0) -> ForwardLayer:
    n = a.size
    act, pre = s["a"], s["z"]
    probs_act, probs_pre = predicted
    pred_act = None if probs_act is None else n * probs_act
    pred_pre = None if probs_pre is None else n * probs_pre
    nonfinite = act["nonfinite"] + pre["nonfinite"]
    if nonfinite == 0:
        peak = max(abs(act["min"]), abs(act["max"]))
        distinct = _distinct_units(a, s["fingerprint"], peak, s["nonzero_units"], s.get("unit_max"))
    else:
        distinct = a.shape[1]
    snap = a[:SNAPSHOT, :SNAPSHOT]
    return ForwardLayer(
        layer=layer,
        units=a.shape[1],
        activations=_histogram(act, plan.act, pred_act),
        preactivations=_histogram(pre, plan.pre, pred_pre),
        mean=act["mean"],
        std=act["std"],
        min=act["min"],
        max=act["max"],
        pre_mean=pre["mean"],
        pre_std=pre["std"],
        saturated=s["saturated"] / n,
        dead=1.0 - float(np.count_nonzero(s["nonzero_units"])) / a.shape[1],
        nonfinite=nonfinite,
        distinct_units=distinct,
        predicted_std=None if pred is None else pred.act_std,
        predicted_pre_std=None if pred is None else math.sqrt(pred.q),
        snapshot=frozen_array(snap, np.float32),
        seconds=time.perf_counter() - t0,
    )


def _backward(config, net: Network, preds, summarizer: LayerSummarizer, cancel, count):
    """Back-propagate g ~ N(0, 1) from the top; activations recomputed from checkpoints.

    At most CHECKPOINT_SLOTS activations are held: a segment that fits is run forward
    storing every layer's input; a longer one is split in half, its midpoint kept, the
    upper half reversed first (recursively, with one slot fewer), then the lower half.
    Memory stays flat in depth; the forward work grows as depth * log2(depth / slots).
    """
    depth = config.depth
    widths = config.width
    dtype = np.dtype(config.dtype)
    g = stream(config.seed, 0, 2).standard_normal((config.samples, widths[-1]), dtype=dtype)
    grad_pred, wgrad_pred = _gradient_predictions(config, net, preds)
    plan = _GradientPlan(grad_pred, wgrad_pred, config.bins)
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
        gs = summarizer.tensor(g, g_stats_spec)
        ws = summarizer.tensor(w_grad, w_spec)
        state["g"] = delta @ w.T
        k = layer - 1
        result = BackwardLayer(
            layer=layer,
            gradient=_histogram(gs, g_stats_spec, None),
            mean=gs["mean"],
            std=gs["std"],
            min=gs["min"],
            max=gs["max"],
            nonfinite=gs["nonfinite"] + ws["nonfinite"],
            predicted_std=grad_pred[k] if grad_pred else None,
            weight_gradient=_histogram(ws, w_spec, None),
            weight_std=ws["std"],
            predicted_weight_std=wgrad_pred[k] if wgrad_pred else None,
            seconds=time.perf_counter() - t0,
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
    """Predicted std of dL/da and of dL/dW per layer (index 0 = layer 1), or (None, None)."""
    if preds is None or len(preds) < config.depth or config.init == "lsuv":
        return None, None
    spec = config.init_spec
    fans = [config.fans(k) for k in range(1, config.depth + 1)]
    wvars = [weight_std(spec, fi, fo) ** 2 for fi, fo in fans]
    chis = gradient_gains(net.activation, net.parameter, preds, wvars, fans)
    g2 = [0.0] * config.depth
    g2[-1] = 1.0
    for k in range(config.depth - 1, 0, -1):
        g2[k - 1] = g2[k] * chis[k]
    act_second = [input_second_moment(config)] + [p.act_std**2 + p.act_mean**2 for p in preds[:-1]]
    wstd = []
    for k, p in enumerate(preds):
        d2 = gaussian_expectation(lambda v: net.activation.derivative(v + p.pre_mean, net.parameter) ** 2, p.q)
        wstd.append(math.sqrt(config.samples * act_second[k] * g2[k] * d2))
    return [math.sqrt(v) for v in g2], wstd


class _GradientPlan:
    """Edges for the gradient histograms, the same for every layer of a run: +-4 times
    the largest predicted std, or, without a prediction, +-4 times the top layer's
    measured std."""

    def __init__(self, grad_pred, wgrad_pred, bins: int) -> None:
        self.bins = bins
        self.g = _symmetric(grad_pred, bins)
        self.w = _symmetric(wgrad_pred, bins)

    def specs(self, g: np.ndarray, w_grad: np.ndarray) -> tuple[BinSpec, BinSpec]:
        if self.g is None:
            self.g = _symmetric([float(np.std(g, dtype=np.float64))], self.bins)
        if self.w is None:
            self.w = _symmetric([float(np.std(w_grad, dtype=np.float64))], self.bins)
        return self.g, self.w


def _symmetric(stds, bins: int) -> BinSpec | None:
    if not stds:
        return None
    finite = [s for s in stds if math.isfinite(s) and s > 0]
    if not finite:
        return BinSpec(-1.0, 1.0, bins)
    r = 4.0 * max(finite)
    return BinSpec(-r, r, bins)
