"""Histogram edges of a run: the same for every layer, so that layers can be compared.

Activations: the range the user gave; else the activation's natural range where it is
bounded on both sides (sigmoid (0, 1); tanh and softsign (-1, 1)); else from the
activation's lower bound (ReLU 0, ELU -alpha...) or -R up to R, where R is four times
the largest predicted root-mean-square activation over the layers (mean-field, see
``theory``). Pre-activations: +-(|bias mean| + 4 sqrt(max q)). Where there is no
prediction (constant weights) R is 1.5 times the largest |value| of layer 1.
Values outside the edges are counted as underflow and overflow, never dropped.

ReLU's activations (without a range from the user) take [0, R_pre], the upper half of
the pre-activation range with as many bins, rather than their own 4 rms: each output
bin is then exactly the upper half of a pre-activation bin, so the two histograms line
up, and the statistics count both from one index of z (``kernels.one_grid``), the
benchmark's hot path. The range reaches 4 standard deviations of the half-normal
outputs instead of 5.7.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from .activations import Activation
from .config import SimulationConfig
from .kernels import BinSpec

#: Half-widths in units of the predicted scale.
SPREAD = 4.0
#: Margin over layer 1's largest value when there is no prediction.
DATA_MARGIN = 1.5
#: Narrowest half-width: below this (float32's normal range ends near 1e-38) the bin
#: arithmetic bins / (hi - lo) would overflow; such values all land in the middle bins.
MIN_HALF_WIDTH = 1e-30


def _half_width(r: float) -> float:
    """``r`` made usable as a half-width: 1 where it is 0 or not finite, else >= MIN_HALF_WIDTH."""
    if not math.isfinite(r) or r <= 0:
        return 1.0
    return max(r, MIN_HALF_WIDTH)


@dataclass(frozen=True)
class EdgePlan:
    """The edges of a run; ``needs_data`` while layer 1 must still decide some of them."""

    pre: BinSpec | None
    act: BinSpec | None
    bins: int
    lower_bound: float | None = None
    #: ReLU: activations share the pre-activations' grid (see the module's docstring).
    relu: bool = False

    @property
    def needs_data(self) -> bool:
        return self.pre is None or self.act is None

    def from_first_layer(self, z: np.ndarray, a: np.ndarray) -> EdgePlan:
        """Fill the missing edges from layer 1's values."""
        bins = self.bins
        pre, act = self.pre, self.act
        if pre is None:
            r = _half_width(DATA_MARGIN * _max_abs(z))
            pre = BinSpec(-r, r, bins)
        if act is None and self.relu:
            act = BinSpec(0.0, pre.hi, bins)
        if act is None:
            r = _half_width(DATA_MARGIN * _max_abs(a))
            lo = -r if self.lower_bound is None else self.lower_bound
            act = BinSpec(lo, max(r, lo + MIN_HALF_WIDTH), bins)
        return replace(self, pre=pre, act=act)


def _max_abs(x: np.ndarray) -> float:
    finite = x[np.isfinite(x)]
    m = float(np.max(np.abs(finite))) if finite.size else 0.0
    return m if m > 0 else 1.0


def plan_edges(config: SimulationConfig, activation: Activation, parameter: float, preds) -> EdgePlan:
    """Decide the edges before layer 1 where the range or a prediction allows."""
    bins = config.bins
    lower = activation.lower_bound(parameter) if activation.lower_bound else None
    finite = [p for p in (preds or []) if math.isfinite(p.q) and math.isfinite(p.act_std)]
    act = pre = None
    if config.hist_range is not None:
        act = BinSpec(*config.hist_range, bins)
    elif activation.natural_range is not None:
        act = BinSpec(*activation.natural_range, bins)
    elif finite:
        r = _half_width(SPREAD * max(math.sqrt(p.act_std**2 + p.act_mean**2) for p in finite))
        lo = -r if lower is None else lower
        act = BinSpec(lo, max(r, lo + MIN_HALF_WIDTH), bins)
    if finite:
        r = _half_width(abs(finite[0].pre_mean) + SPREAD * math.sqrt(max(p.q for p in finite)))
        pre = BinSpec(-r, r, bins)
    relu = activation.name == "relu" and config.hist_range is None
    if relu:
        act = None if pre is None else BinSpec(0.0, pre.hi, bins)
    return EdgePlan(pre, act, bins, lower, relu)
