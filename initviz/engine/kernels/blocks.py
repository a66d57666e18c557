"""One row block's statistics: the extremes, the saturated count, the dead-unit flags,
then the histograms and moments by the counting path that fits (``counting``).

A block's result depends on its rows only, so blocks may be computed in any order and
by any process, and merged in row order (``summarizer.merge_forward``) to the same
bits.
"""

from __future__ import annotations

import math

import numpy as np

from .bins import BinSpec
from .counting import Part, joint, joint32, shared32, single, slow_part


def forward_block(zc, ac, dz, da, z_spec: BinSpec, a_spec: BinSpec, bounds, relu: bool, shared: bool) -> tuple:
    """Statistics of the rows ``zc`` (pre-activations) and ``ac`` (activations): the
    two ``Part``s, the saturated count (``bounds``: ``saturation_bounds``), each unit's
    "some output is nonzero" flag and each unit's largest output. ``dz``, ``da``:
    float64 scratch vectors of the block's size.

    ``relu``: a = max(z, 0) exactly, so a's min and max are max(z's, 0) and a unit is
    alive where some z > 0: z's column maxima give both (one pass less). ``shared``:
    besides, a's float32 edges are z's grid halved (``bins.one_grid``).
    """
    zf, af = zc.reshape(-1), ac.reshape(-1)
    zlo = float(zf.min())
    if relu:
        colmax = zc.max(axis=0)
        nonzero = colmax > 0
        zhi = float(colmax.max())
        alo, ahi = max(zlo, 0.0), max(zhi, 0.0)
    else:
        # Column extremes of a give both the dead-unit flags and a's min and max.
        zhi = float(zf.max())
        colmax, colmin = ac.max(axis=0), ac.min(axis=0)
        nonzero = (colmax != 0) | (colmin != 0)
        alo, ahi = float(colmin.min()), float(colmax.max())
    amax = np.maximum(colmax, 0) if relu else colmax  # each unit's largest output
    sat = saturated(zf, bounds)
    if not all(math.isfinite(v) for v in (zlo, zhi, alo, ahi)):  # rare: a diverging layer
        nonzero = np.any(ac != 0, axis=0)  # NaN counts as output, as in a plain check
        return slow_part(zf, z_spec), slow_part(af, a_spec), sat, nonzero, amax
    extremes = (zlo, zhi, alo, ahi)
    z32, a32 = z_spec.uses_f32(zf.dtype), a_spec.uses_f32(af.dtype)
    if z32 and a32:
        parts = shared32(zf, af, dz, da, z_spec, a_spec, extremes) if shared else None
        if parts is None:
            parts = joint32(zf, af, dz, da, z_spec, a_spec, extremes)
    elif not (z32 or a32):
        parts = joint(zf, af, dz, da, z_spec, a_spec, extremes)
    else:  # edges only one of the tensors can bin in float32 (extreme ranges): apart
        parts = single(zf, dz, da, z_spec, zlo, zhi), single(af, dz, da, a_spec, alo, ahi)
    return (*parts, sat, nonzero, amax)


def tensor_block(flat: np.ndarray, d: np.ndarray, other: np.ndarray, spec: BinSpec) -> Part:
    """Counts and moments of one block of a single tensor (gradients)."""
    lo, hi = float(flat.min()), float(flat.max())
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return slow_part(flat, spec)
    return single(flat, d, other, spec, lo, hi)


def saturation_bounds(intervals, dtype) -> list[tuple]:
    """The intervals' open bounds as values of ``dtype`` that compare the same way:
    x > lo iff x > (largest dtype value <= lo), x < hi iff x < (smallest >= hi).
    Comparing a float32 array with a float64 scalar would widen every element."""
    dtype = np.dtype(dtype)
    out = []
    for lo, hi in intervals:
        lo_t, hi_t = dtype.type(lo), dtype.type(hi)
        if float(lo_t) > lo:
            lo_t = np.nextafter(lo_t, dtype.type(-np.inf))
        if float(hi_t) < hi:
            hi_t = np.nextafter(hi_t, dtype.type(np.inf))
        out.append((float(lo), float(hi), lo_t, hi_t))
    return out


def saturated(zf: np.ndarray, bounds) -> int:
    """Number of values strictly inside one of the intervals (``saturation_bounds``);
    an infinite bound is no bound on that side."""
    total = 0
    for lo, hi, lo_t, hi_t in bounds:
        if lo == -math.inf:
            total += int(np.count_nonzero(zf < hi_t))
        elif hi == math.inf:
            total += int(np.count_nonzero(zf > lo_t))
        else:
            total += int(np.count_nonzero((zf > lo_t) & (zf < hi_t)))
    return total
