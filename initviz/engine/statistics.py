"""What a layer's statistics are, defined in plain NumPy.

For pre-activations z and activations a = phi(z), both of shape (samples, units), the
engine reports: histograms of z and a, their moments, the share of z in the
activation's saturated regions, the dead units and the distinct units. This module is
the definition. The engine computes the same numbers faster, in one pass over row
blocks (``initviz.engine.kernels``), and the tests check it against these functions:
float64 data give the very same counts; float32 data are binned in float32 there, so
a value within a float32 rounding of an edge may land in the neighbouring bin.
"""

from __future__ import annotations

import numpy as np


def histogram(x: np.ndarray, lo: float, hi: float, bins: int) -> dict:
    """Counts of ``x`` over ``bins`` uniform bins from ``lo`` to ``hi``.

    numpy.histogram's convention for uniform bins: the value x goes to bin
    floor((x - lo) * norm), norm = bins / (hi - lo), every bin closed on the left and
    open on the right except the last, which also holds x == hi. (numpy.histogram also
    checks that index against its array of edges, so for a value within a float64
    rounding of an edge the two may differ by one bin.) Values with an index below 0
    are the underflow, those at or past ``bins`` the overflow. NaN and infinities are
    in no bin: they are counted as ``nonfinite``. The arithmetic is float64.
    """
    x = np.asarray(x, dtype=np.float64).ravel()
    finite = x[np.isfinite(x)]
    norm = bins / (hi - lo)
    with np.errstate(over="ignore"):
        index = np.floor((finite - lo) * norm)
    index[finite == hi] = bins - 1  # the last bin is closed on the right
    inside = (index >= 0) & (index < bins)
    return {
        "counts": np.bincount(index[inside].astype(np.int64), minlength=bins),
        "underflow": int(np.count_nonzero(index < 0)),
        "overflow": int(np.count_nonzero(index >= bins)),
        "nonfinite": x.size - finite.size,
    }


def moments(x: np.ndarray) -> dict:
    """Mean, standard deviation, min and max of the finite values of ``x`` (NaN when
    there are none). The standard deviation is the population one, sqrt(mean((x -
    mean)^2)) (ddof 0, numpy.std's default), as the batch is the whole population."""
    x = np.asarray(x, dtype=np.float64).ravel()
    finite = x[np.isfinite(x)]
    if finite.size == 0:
        return {"mean": np.nan, "std": np.nan, "min": np.nan, "max": np.nan}
    return {"mean": finite.mean(), "std": finite.std(), "min": finite.min(), "max": finite.max()}


def saturated(z: np.ndarray, intervals) -> int:
    """How many values of ``z`` lie strictly inside one of the activation's saturation
    ``intervals`` (lo, hi), where its derivative is nearly zero (``activations``).
    An infinite bound is no bound on that side: (-inf, h) holds every z < h, -inf too."""
    z = np.asarray(z, dtype=np.float64).ravel()
    total = 0
    for lo, hi in intervals:
        above = z > lo if lo != -np.inf else ~np.isnan(z)
        below = z < hi if hi != np.inf else ~np.isnan(z)
        total += int(np.count_nonzero(above & below))
    return total


def dead_units(a: np.ndarray) -> np.ndarray:
    """One flag per unit (column of ``a``): True when the unit outputs exactly 0 for
    every sample, so no gradient flows through it (a "dying ReLU", Lu, Shin, Su &
    Karniadakis 2019). NaN is an output, not a 0."""
    return np.all(a == 0, axis=0)


def distinct_units(a: np.ndarray) -> int:
    """How many different units the layer has: units computing the same output for
    every sample are one (constant weights give a single one: nothing breaks the
    symmetry between units, Goodfellow, Bengio & Courville 2016, section 8.4).

    Unit j is the same as unit i when |a_j - a_i| <= tol (|a_i| + peak) for every
    sample: equal up to float rounding, with tol 1e-6 for float32 and 1e-12 for
    float64 and ``peak`` the largest |output| in the layer. Units are grouped greedily
    in order, each compared with the first unit (i) of every group so far. All dead
    units count as one unit. A layer with a non-finite output has all its units
    counted, as they cannot be compared.
    """
    if not np.all(np.isfinite(a)):
        return a.shape[1]
    tol = 1e-6 if a.dtype == np.float32 else 1e-12
    peak = float(np.max(np.abs(a)))
    dead = dead_units(a)
    firsts: list[int] = []
    for j in np.flatnonzero(~dead):
        same = (np.all(np.abs(a[:, j] - a[:, i]) <= tol * (np.abs(a[:, i]) + peak)) for i in firsts)
        if not any(same):
            firsts.append(j)
    return len(firsts) + int(dead.any())
