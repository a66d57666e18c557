"""``simulate(config)``: push a batch through a deep dense network, one layer at a time.

A generator of small immutable per-layer results (``ForwardLayer``, then, with
gradients on, ``BackwardLayer`` from the top layer down), closed by one ``RunSummary``.
Stopping early is cooperative: stop iterating, or set the ``cancel`` event, which is
checked between layers.

The forward loop below is the whole forward pass. Per layer: z = x W (+ b), then
a = phi(z) and every statistic of z and a, block by block (``kernels``; their plain
definitions are in ``statistics``), then the result. Where the blocks run is the
``execution``'s business, never the loop's.
"""

from __future__ import annotations

import functools
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from . import helper_process
from .activations import Activation
from .backward import backward
from .config import SimulationConfig
from .correlation import PairCorrelations
from .edges import plan_edges
from .execution import HELPER_CHOICES, InlineExecution, LayerWork
from .kernels import distinct_units
from .memory import check_memory
from .network import Network, input_batch, stream
from .prediction import PredictedCounts, layer_prediction, predictions
from .results import BackwardLayer, ForwardLayer, Histogram, RunSummary, frozen_array

#: Size of the corner of each layer's activations kept for the symmetry heat map.
SNAPSHOT = 64

Result = ForwardLayer | BackwardLayer | RunSummary


def simulate(
    config: SimulationConfig, cancel: threading.Event | None = None, helper: str = "never"
) -> Iterator[Result]:
    """Run ``config``: yields per-layer results, then one ``RunSummary``.

    Raises ``MemoryRefused`` at once (nothing allocated) when the run would not fit in
    the memory this machine has. ``helper``: "never" (the default: every statistic on
    the calling thread), "auto" (a helper process takes part of the statistics where
    ``helper_process`` allows it and the layers are large) or "always" (wherever it is
    allowed). Only a process without a GUI may ask for one. The results are the same.
    """
    if helper not in HELPER_CHOICES:
        raise ValueError(f"helper must be one of {', '.join(HELPER_CHOICES)}; got {helper!r}")
    check_memory(config)
    return _run(config, cancel or threading.Event(), helper)


@dataclass
class _Counter:
    n: int = 0


def _run(config: SimulationConfig, cancel: threading.Event, helper: str) -> Iterator[Result]:
    start = time.perf_counter()
    net = Network(config)
    count = _Counter()
    with np.errstate(all="ignore"):
        preds = predictions(config, net)
        setup = _ForwardSetup.of(config, net, preds)
        # Opened here, in the thread that iterates: the helper is forked from it.
        with _open_execution(net, setup, helper) as execution:
            stopped, diverged_at = yield from _forward(config, net, preds, setup, execution, cancel, count)
            if stopped is None and config.gradients:
                stopped, diverged_at = yield from backward(config, net, preds, execution.summarizer, cancel, count)
    yield RunSummary(count.n, stopped, time.perf_counter() - start, diverged_at)


def _open_execution(net: Network, setup: _ForwardSetup, helper: str):
    """The helper process where ``helper`` asks for it and ``helper_process`` allows it
    (and the fork succeeds), else every block inline."""
    if helper_process.wanted(net.config, helper):
        try:
            return helper_process.HelperExecution(net, setup.fingerprint, setup.activate)
        except OSError:  # no fork here (process limits, memory)
            pass
    return InlineExecution(net, setup.fingerprint, setup.activate)


@dataclass(frozen=True)
class _ForwardSetup:
    """What the forward pass starts from, made once per run: the saturation
    intervals, the fingerprint weights of the distinct-unit check, the activation
    applied into a buffer, whether it is ReLU, the predicted histograms and, with
    pairs of correlated inputs, their correlation's tracker."""

    saturation: tuple
    fingerprint: np.ndarray
    activate: Callable[[np.ndarray, np.ndarray], None]
    relu: bool
    predicted: PredictedCounts
    pairs: PairCorrelations | None

    @classmethod
    def of(cls, config: SimulationConfig, net: Network, preds) -> _ForwardSetup:
        return cls(
            saturation=_saturation_intervals(net.activation, net.parameter),
            fingerprint=stream(config.seed, 0, 1).standard_normal(config.samples).astype(config.dtype),
            activate=_activate_into(net),
            relu=net.activation.name == "relu",
            predicted=PredictedCounts(net, preds),
            pairs=None if config.correlation is None else PairCorrelations(config, net, preds),
        )


def _forward(config: SimulationConfig, net: Network, preds, setup: _ForwardSetup, execution, cancel, count):
    """The forward pass. z and a live in the execution's memory, whatever the depth:
    the product z = x W is complete before a overwrites x."""
    x = input_batch(config)
    plan = plan_edges(config, net.activation, net.parameter, preds)
    for layer in range(1, config.depth + 1):
        if cancel.is_set():
            return "cancelled", None
        t0 = time.perf_counter()
        shape = (config.samples, config.width[layer - 1])
        z, a = execution.matrices(shape)
        _product(net, layer, x, execution.weights(layer), out=z)
        apply = True
        if plan.needs_data:  # layer 1 decides the edges: activate it whole first
            setup.activate(z, a)
            plan = plan.from_first_layer(z, a)
            apply = False
        s = execution.statistics(layer, LayerWork(shape, plan.pre, plan.act, setup.saturation, setup.relu, apply))
        pred = layer_prediction(preds, layer)
        pair = None if setup.pairs is None else setup.pairs.layer(layer, z)
        result = _forward_result(layer, a, s, plan, pred, setup.predicted.get(layer, plan), t0, pair)
        x = a
        count.n += 1
        yield result
        if result.nonfinite:
            return "diverged", layer
    return None, None


def _product(net: Network, layer: int, x: np.ndarray, w: np.ndarray, out: np.ndarray) -> None:
    """out = x W (+ b); LSUV first fits W's scale on this very batch."""
    if net.spec.name == "lsuv":
        w, z = net.fit_lsuv(layer, x, w, out=out)
        if z is not None:  # the fit's last product was with the final W
            return
    net.preactivation(layer, x, w, out=out)


def _activate_into(net: Network) -> Callable[[np.ndarray, np.ndarray], None]:
    """``activate(z, out)``: out = phi(z) for one block of rows. ReLU runs as one ufunc
    without a temporary; the others evaluate their formula and copy it (elementwise,
    so the values are the same as on the whole matrix)."""
    phi, p = net.activation.forward, net.parameter
    if net.activation.name == "relu":
        return lambda z, out: np.maximum(z, 0, out=out)

    def generic(z, out):
        out[...] = phi(z, p)

    return generic


@functools.lru_cache(maxsize=32)
def _saturation_intervals(activation: Activation, parameter: float) -> tuple[tuple[float, float], ...]:
    """``activation.saturation_intervals``, once per process: it scans a fine grid, the
    same for every run of that activation."""
    return activation.saturation_intervals(parameter)


def _forward_result(layer, a, s, plan, pred, predicted, t0, pair=None) -> ForwardLayer:
    n = a.size
    act, pre = s["a"], s["z"]
    probs_act, probs_pre = predicted
    nonfinite = act["nonfinite"] + pre["nonfinite"]
    if nonfinite == 0:
        peak = max(abs(act["min"]), abs(act["max"]))
        distinct = distinct_units(a, s["fingerprint"], peak, s["nonzero_units"], s.get("unit_max"))
    else:
        distinct = a.shape[1]
    return ForwardLayer(
        layer=layer,
        units=a.shape[1],
        activations=Histogram.of(act, plan.act.edges, None if probs_act is None else n * probs_act),
        preactivations=Histogram.of(pre, plan.pre.edges, None if probs_pre is None else n * probs_pre),
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
        snapshot=frozen_array(a[:SNAPSHOT, :SNAPSHOT], np.float32),
        seconds=time.perf_counter() - t0,
        correlation=None if pair is None else pair[0],
        predicted_correlation=None if pair is None else pair[1],
    )
