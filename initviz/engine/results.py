"""The small, immutable per-layer results that ``simulate`` yields.

Only these cross thread boundaries: a few hundred numbers per layer, never the
activation matrices themselves (a 64 x 64 corner is kept for the symmetry heat map).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


def frozen_array(values, dtype) -> np.ndarray:
    """A read-only copy, so a result can be shared between threads without surprises."""
    out = np.array(values, dtype=dtype, copy=True)
    out.setflags(write=False)
    return out


def _num(x: float | None) -> float | None:
    """A JSON-safe float: NaN and infinities become None (JSON has no such numbers)."""
    if x is None:
        return None
    x = float(x)
    return x if np.isfinite(x) else None


def _histogram_json(h: Histogram, prefix: str = "") -> dict[str, Any]:
    """edges, counts, underflow and overflow of ``h`` under keys starting with ``prefix``."""
    return {
        f"{prefix}edges": [float(e) for e in h.edges],
        f"{prefix}counts": [int(c) for c in h.counts],
        f"{prefix}underflow": h.underflow,
        f"{prefix}overflow": h.overflow,
    }


def _layer_json(r, histogram: Histogram) -> dict[str, Any]:
    """The keys every per-layer line has, in the contract's order."""
    return {
        "pass": r.pass_name,
        "layer": r.layer,
        "mean": _num(r.mean),
        "std": _num(r.std),
        "min": _num(r.min),
        "max": _num(r.max),
        **_histogram_json(histogram),
    }


@dataclass(frozen=True)
class Histogram:
    """Counts over fixed edges; values outside the edges are counted, never dropped.

    ``counts[i]`` counts edges[i] <= v < edges[i+1] (the last bin includes its right
    edge, as ``numpy.histogram``); ``underflow`` counts v < edges[0], ``overflow``
    v > edges[-1]. ``predicted`` holds the mean-field expected counts per bin, or None.
    """

    counts: np.ndarray
    edges: np.ndarray
    underflow: int
    overflow: int
    predicted: np.ndarray | None = None

    @property
    def total(self) -> int:
        return int(self.counts.sum()) + self.underflow + self.overflow

    @classmethod
    def of(cls, stats: dict, edges: np.ndarray, predicted: np.ndarray | None = None) -> Histogram:
        """From a statistics dict (``counts``, ``underflow``, ``overflow``), frozen."""
        return cls(
            counts=frozen_array(stats["counts"], np.int64),
            edges=frozen_array(edges, np.float64),
            underflow=stats["underflow"],
            overflow=stats["overflow"],
            predicted=None if predicted is None else frozen_array(predicted, np.float64),
        )


@dataclass(frozen=True)
class ForwardLayer:
    """One layer of the forward pass: its activations a = phi(z) and pre-activations z.

    ``correlation`` and ``predicted_correlation`` are set only in runs with pairs of
    correlated inputs (``SimulationConfig.correlation``; NaN: not defined at this layer).
    """

    layer: int
    units: int
    activations: Histogram
    preactivations: Histogram
    mean: float
    std: float
    min: float
    max: float
    pre_mean: float
    pre_std: float
    saturated: float
    dead: float
    nonfinite: int
    distinct_units: int
    predicted_std: float | None
    predicted_pre_std: float | None
    snapshot: np.ndarray
    seconds: float
    correlation: float | None = None
    predicted_correlation: float | None = None

    pass_name = "forward"

    def to_json(self) -> dict[str, Any]:
        h = self.activations
        return {
            **_layer_json(self, h),
            "saturated": _num(self.saturated),
            "dead": _num(self.dead),
            "nonfinite": self.nonfinite,
            "distinct_units": self.distinct_units,
            "predicted_std": _num(self.predicted_std),
            "predicted_counts": None if h.predicted is None else [float(c) for c in h.predicted],
            "pre_mean": _num(self.pre_mean),
            "pre_std": _num(self.pre_std),
            **_histogram_json(self.preactivations, "pre_"),
            "predicted_pre_std": _num(self.predicted_pre_std),
            **self._correlation_json(),
            "seconds": self.seconds,
        }

    def _correlation_json(self) -> dict[str, Any]:
        """The pair correlation's keys, only in runs that measure it (other runs' lines keep
        their keys)."""
        if self.correlation is None:
            return {}
        return {"correlation": _num(self.correlation), "predicted_correlation": _num(self.predicted_correlation)}


@dataclass(frozen=True)
class BackwardLayer:
    """One layer of the backward pass.

    ``gradient`` is dL/da for this layer's activations a (the loss is sum(g * a_top)
    with g standard normal), ``weight_gradient`` is dL/dW = a_prev^T (dL/da * phi'(z)),
    ``pre_gradient`` is dL/dz = dL/da * phi'(z), the gradient with respect to the
    pre-activations (not in ``to_json``, whose keys are a stable contract).
    """

    layer: int
    gradient: Histogram
    mean: float
    std: float
    min: float
    max: float
    nonfinite: int
    predicted_std: float | None
    weight_gradient: Histogram
    weight_std: float
    predicted_weight_std: float | None
    seconds: float
    pre_gradient: Histogram | None = None
    pre_gradient_mean: float = float("nan")
    pre_gradient_std: float = float("nan")
    predicted_pre_gradient_std: float | None = None
    # 64 x 64 corners (samples x units) of dL/da and dL/dz, float32, for the symmetry view:
    # with equal weights every unit below the top gets the same gradient (not in to_json)
    snapshot: np.ndarray | None = None
    pre_gradient_snapshot: np.ndarray | None = None

    pass_name = "backward"

    def to_json(self) -> dict[str, Any]:
        return {
            **_layer_json(self, self.gradient),
            "saturated": None,
            "dead": None,
            "nonfinite": self.nonfinite,
            "distinct_units": None,
            "predicted_std": _num(self.predicted_std),
            "weight_std": _num(self.weight_std),
            "predicted_weight_std": _num(self.predicted_weight_std),
            **_histogram_json(self.weight_gradient, "weight_"),
            "seconds": self.seconds,
        }


@dataclass(frozen=True)
class RunSummary:
    """The last item of every run: how many layer results came and why it stopped.

    ``stopped`` is None (finished), "diverged" (a layer held non-finite values; that
    layer was yielded and the run ended) or "cancelled".
    """

    layers: int
    stopped: str | None
    seconds: float
    diverged_at: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"summary": {"layers": self.layers, "stopped": self.stopped, "seconds": self.seconds}}
