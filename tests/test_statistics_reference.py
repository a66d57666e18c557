"""The definition of a layer's statistics (``initviz.engine.statistics``) against hand
counts and against numpy.histogram, whose convention it follows."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from initviz.engine import statistics


def test_a_histogram_by_hand():
    x = np.array([0.0, 0.25, 0.3, 0.5, 1.0, -0.1, 1.1, np.nan, np.inf, -np.inf, 0.9999])
    h = statistics.histogram(x, 0.0, 1.0, 4)
    # [0, .25): 0 | [.25, .5): .25 .3 | [.5, .75): .5 | [.75, 1]: .9999 and 1 (closed)
    assert list(h["counts"]) == [1, 2, 1, 2]
    assert (h["underflow"], h["overflow"], h["nonfinite"]) == (1, 1, 3)


def test_the_last_bin_is_closed_and_values_far_outside_are_counted():
    h = statistics.histogram(np.array([-1e300, -2.0, 2.0, 2.0, np.nextafter(2.0, 3.0), 1e300]), -2.0, 2.0, 3)
    assert list(h["counts"]) == [1, 0, 2] and (h["underflow"], h["overflow"]) == (1, 2)


@settings(max_examples=200, deadline=None)
@given(
    lo=st.floats(-1e3, 1e3),
    width=st.floats(1e-3, 1e3),
    bins=st.integers(1, 200),
    seed=st.integers(0, 2**32 - 1),
    on_edges=st.booleans(),
)
def test_the_histogram_is_numpy_histogram(lo, width, bins, seed, on_edges):
    """Equal to numpy.histogram's counts (with what falls outside [lo, hi] as under-
    and overflow), except for a value within a few float64 roundings of an edge: there
    numpy.histogram compares with its array of edges, the definition floors the index."""
    hi = lo + width
    rng = np.random.default_rng(seed)
    x = rng.uniform(lo - width / 4, hi + width / 4, 500)
    edges = np.linspace(lo, hi, bins + 1)
    if on_edges:
        x[: edges.size] = edges[rng.permutation(edges.size)][:500]
    h = statistics.histogram(x, lo, hi, bins)
    counts, _ = np.histogram(x, bins=bins, range=(lo, hi))
    below_def = h["underflow"] + np.concatenate(([0], np.cumsum(h["counts"])))
    below_np = np.count_nonzero(x < lo) + np.concatenate(([0], np.cumsum(counts)))
    slack = 2.0**-50 * (np.abs(x) + abs(lo) + abs(hi))
    near = np.array([np.count_nonzero(np.abs(x - e) <= slack) for e in edges])
    assert np.all(np.abs(below_def - below_np) <= near)  # the last: everything but the overflow


def test_moments_by_hand():
    m = statistics.moments(np.array([[1.0, 2.0], [3.0, np.nan]]))
    assert (m["mean"], m["min"], m["max"]) == (2.0, 1.0, 3.0)
    assert m["std"] == math.sqrt(2 / 3)  # population: divided by n, not n - 1
    assert all(math.isnan(v) for v in statistics.moments(np.array([np.inf, np.nan])).values())


def test_saturated_values_are_strictly_inside_an_interval():
    z = np.array([-np.inf, -3.0, -2.5, -1.0, 0.0, 0.8, 0.9, 3.0, 4.0, np.inf, np.nan])
    intervals = ((-math.inf, -2.5), (0.7, 0.9), (3.0, math.inf))
    # -inf and -3 in the first, 0.8 in the second, 4 and inf in the third; no bound counts.
    assert statistics.saturated(z, intervals) == 5
    assert statistics.saturated(z, ()) == 0


def test_dead_units_output_exactly_zero_for_every_sample():
    a = np.array([[0.0, 0.0, 1e-300, np.nan, -0.0], [0.0, 2.0, 0.0, 0.0, 0.0]])
    assert list(statistics.dead_units(a)) == [True, False, False, False, True]


def test_distinct_units_by_hand():
    rng = np.random.default_rng(1)
    u, v = rng.standard_normal(50), rng.standard_normal(50)
    dead = np.zeros(50)
    assert statistics.distinct_units(np.stack([u, u, u], axis=1)) == 1  # constant weights
    assert statistics.distinct_units(np.stack([u, v, u, dead, dead], axis=1)) == 3  # the dead count once
    twin = u * (1 + 1e-14)  # float64 rounding apart: the same unit
    assert statistics.distinct_units(np.stack([u, twin, v], axis=1)) == 2
    other = u.copy()
    other[17] += 1e-6  # differs in one sample beyond rounding
    assert statistics.distinct_units(np.stack([u, other], axis=1)) == 2
    u32 = u.astype(np.float32)
    assert statistics.distinct_units(np.stack([u32, np.nextafter(u32, np.float32(9))], axis=1)) == 1
    assert statistics.distinct_units(np.stack([u, v, np.full(50, np.nan)], axis=1)) == 3  # not comparable
