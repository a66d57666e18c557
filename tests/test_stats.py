"""The chunked, threaded statistics against a plain re-implementation of their definition.

The fast path skips work (no clamping, one joint bincount, extremes from z for ReLU,
dtype-exact saturation bounds); these tests pin that it still counts exactly what the
definition says: index floor((x - lo) * bins / (hi - lo)), the last bin closed at hi,
everything else outside counted as underflow or overflow. The index arithmetic is
float64 for float64 data; for float32 data whose edges float32 can hold it is
floor((x - e) * bins / (hi - lo)) + k0 from the edge k0 nearest zero (value e), with e
and the norm rounded to float32 and each operation rounded to float32; the reference
below writes that formula out in plain NumPy. Moments: float64 data to
~1e-12, float32 data (summed in float32) to ~1e-5 relative to the spread.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from initviz.engine import stats
from initviz.engine.stats import BinSpec, LayerSummarizer, one_grid


def float32_edges(spec: BinSpec):
    """(anchor value e, bins / (hi - lo), anchor number k0) with e and the norm as
    float32, or None when float32 cannot hold the edges. The anchor is the edge nearest
    zero: k0 = round(-lo * norm) within 0..bins."""
    lo, hi, bins = spec.lo, spec.hi, spec.bins
    norm = bins / (hi - lo)
    k0 = min(max(round(-lo * norm), 0), bins)
    e = lo if k0 == 0 else hi if k0 == bins else (lo * (bins - k0) + hi * k0) / bins
    with np.errstate(over="ignore"):
        values = [np.float32(v) for v in (lo, hi, e, norm)]
    if all(np.isfinite(v) for v in values) and values[3] >= np.finfo(np.float32).tiny:
        return values[2], values[3], k0
    return None


def reference_histogram(x: np.ndarray, spec: BinSpec):
    finite = x[np.isfinite(x)]
    edges32 = float32_edges(spec)
    if x.dtype == np.float32 and edges32 is not None:
        e, norm, k0 = edges32
        with np.errstate(over="ignore"):
            v32 = (finite - e) * norm
        assert v32.dtype == np.float32  # float32 operations throughout
        j = np.floor(v32).astype(np.float64) + k0
    else:
        j = np.floor((finite.astype(np.float64) - spec.lo) * (spec.bins / (spec.hi - spec.lo)))
    v = finite.astype(np.float64)
    j[v == spec.hi] = spec.bins - 1
    counts = np.array([np.count_nonzero(j == k) for k in range(spec.bins)])
    return counts, int(np.count_nonzero(j < 0)), int(np.count_nonzero(j >= spec.bins))


def check_tensor(stats: dict, x: np.ndarray, spec: BinSpec):
    counts, under, over = reference_histogram(x, spec)
    np.testing.assert_array_equal(stats["counts"], counts)
    assert (stats["underflow"], stats["overflow"]) == (under, over)
    finite = x[np.isfinite(x)].astype(np.float64)
    assert stats["nonfinite"] == x.size - finite.size
    if finite.size:
        # float32 data are summed in float32: the mean to ~1e-6 of the values' spread.
        if x.dtype == np.float32 and float32_edges(spec) is not None:
            mean_tol = {"rel": 1e-5, "abs": 1e-6 * np.ptp(finite)}
            std_tol = {"rel": 1e-5, "abs": 1e-300}
        else:
            mean_tol = {"rel": 1e-12, "abs": 1e-12 * np.abs(finite).max()}
            std_tol = {"rel": 1e-10, "abs": 1e-300}
        assert stats["mean"] == pytest.approx(finite.mean(), **mean_tol)
        assert stats["std"] == pytest.approx(finite.std(), **std_tol)
        assert stats["min"] == finite.min() and stats["max"] == finite.max()


def edge_values(spec: BinSpec, dtype) -> np.ndarray:
    """Values on and next to every edge, in ``dtype``."""
    t = np.dtype(dtype).type
    edges = spec.edges.astype(dtype)
    near = [np.nextafter(edges, t(-np.inf)), edges, np.nextafter(edges, t(np.inf))]
    return np.concatenate(near + [np.array([spec.lo, spec.hi], dtype=dtype)])


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("relu", [False, True])
def test_forward_statistics_equal_the_definition(dtype, relu):
    rng = np.random.default_rng(7)
    rows, cols = 700, 300  # several chunks, the last one short
    z = (rng.standard_normal((rows, cols)) * 1.7).astype(dtype)
    z.reshape(-1)[: 4 * 51 + 8] = np.resize(edge_values(BinSpec(-4.0, 4.0, 50), dtype), 4 * 51 + 8)
    z[:, 5] = -1.0  # a dead unit for ReLU
    z_spec, a_spec = BinSpec(-4.0, 4.0, 50), BinSpec(0.0, 3.0, 50)
    sat = ((-math.inf, 2.1684043449813627e-22),) if relu else ((-math.inf, -2.5), (0.7, 0.9), (3.0, math.inf))
    if relu:
        def activate(zc, out):
            np.maximum(zc, 0, out=out)

    else:
        def activate(zc, out):
            out[...] = np.tanh(zc)

        a_spec = BinSpec(-1.0, 1.0, 50)
    a = np.empty_like(z)
    fingerprint = rng.standard_normal(rows).astype(dtype)
    with LayerSummarizer() as s:
        out = s.forward(z, a, z_spec, a_spec, sat, activate, relu, fingerprint)
        again = np.empty_like(z)
        s.apply(z, again, activate)
    expected_a = np.maximum(z, 0) if relu else np.tanh(z)
    np.testing.assert_array_equal(a, expected_a)
    np.testing.assert_array_equal(again, expected_a)
    reference = fingerprint.astype(np.float64) @ expected_a.astype(np.float64)
    np.testing.assert_allclose(out["fingerprint"], reference, rtol=1e-4, atol=1e-4 * np.abs(reference).max())
    check_tensor(out["z"], z, z_spec)
    check_tensor(out["a"], a, a_spec)
    z64 = z.astype(np.float64)
    expected_sat = sum(int(np.count_nonzero((z64 > lo) & (z64 < hi))) for lo, hi in sat)
    assert out["saturated"] == expected_sat
    np.testing.assert_array_equal(out["nonzero_units"], np.any(a != 0, axis=0))


@pytest.mark.parametrize("cols", [300, 301])  # even and odd chunk sizes
def test_relu_on_one_grid_counts_both_histograms_from_one_index(cols, monkeypatch):
    """ReLU with a over [0, R] and z over [-R, R] (even bins): one index of z gives
    both histograms; they must still equal each definition exactly, edges included."""
    rng = np.random.default_rng(11)
    rows = 700
    z_spec, a_spec = BinSpec(-4.0, 4.0, 50), BinSpec(0.0, 4.0, 50)
    assert one_grid(z_spec, a_spec) and not one_grid(BinSpec(-4.0, 4.0, 49), BinSpec(0.0, 4.0, 49))
    z = (rng.standard_normal((rows, cols)) * 1.7).astype(np.float32)
    near = np.concatenate([edge_values(z_spec, np.float32), edge_values(a_spec, np.float32), [-0.0, 0.0]])
    z.reshape(-1)[: near.size] = near.astype(np.float32)
    z[300:320] *= 8  # a chunk too wide to pair (counted unpaired)
    z[650, 3] = 1e6  # the last chunk: too wide for one bincount (binned apart)
    z[:, 7] = -2.0  # a dead unit
    shared_chunks = []
    real = stats._shared32

    def spy(*args):
        parts = real(*args)
        shared_chunks.append(parts is not None)
        return parts

    monkeypatch.setattr(stats, "_shared32", spy)
    monkeypatch.setattr(stats, "CHUNK_ELEMENTS", 1 << 14)  # 13 chunks of 54 rows
    a = np.empty_like(z)
    with LayerSummarizer() as s:
        out = s.forward(z, a, z_spec, a_spec, ((-math.inf, 0.0),), lambda zc, o: np.maximum(zc, 0, out=o), True)
    assert shared_chunks.count(True) >= 2 and shared_chunks.count(False) == 1
    np.testing.assert_array_equal(a, np.maximum(z, 0))
    check_tensor(out["z"], z, z_spec)
    check_tensor(out["a"], a, a_spec)
    assert out["saturated"] == np.count_nonzero(z < 0)
    np.testing.assert_array_equal(out["nonzero_units"], np.any(a != 0, axis=0))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_values_far_outside_and_non_finite_values(dtype):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((1000, 200)).astype(dtype)
    x[0, :3] = [1e30, -1e30, 7e3]  # index ranges too wide for one bincount: clamped
    x[-100:] = 10 ** (4 + 20 * rng.random((100, 200)))  # the last chunk: all far above
    x[500, 0] = np.nan  # a chunk with a NaN and an infinity takes the plain path
    x[500, 1] = np.inf
    spec = BinSpec(-2.0, 2.0, 40)
    with LayerSummarizer() as s:
        check_tensor(s.tensor(x, spec), x, spec)


def test_wide_histograms_use_separate_bincounts_and_stay_exact():
    rng = np.random.default_rng(5)
    z = rng.standard_normal((400, 256)).astype(np.float32)
    a = np.empty_like(z)
    z_spec, a_spec = BinSpec(-3.0, 3.0, 3000), BinSpec(0.0, 3.0, 3000)
    with LayerSummarizer() as s:
        out = s.forward(z, a, z_spec, a_spec, (), lambda zc, o: np.maximum(zc, 0, out=o), True)
    check_tensor(out["z"], z, z_spec)
    check_tensor(out["a"], a, a_spec)


def test_moments_stay_accurate_far_from_the_lower_edge():
    # Values near 0.5 with a spread of 1e-6, binned over (0, 1): sums about lo = 0
    # would cancel; the chunk M2 is recomputed about the chunk mean.
    rng = np.random.default_rng(11)
    x = 0.5 + 1e-6 * rng.standard_normal((500, 300))
    with LayerSummarizer() as s:
        out = s.tensor(x, BinSpec(0.0, 1.0, 30))
    assert out["std"] == pytest.approx(x.std(), rel=1e-9)
    assert out["mean"] == pytest.approx(x.mean(), rel=1e-15)


def test_constant_values_have_zero_spread():
    x = np.full((300, 300), 0.3, dtype=np.float32)
    with LayerSummarizer() as s:
        out = s.tensor(x, BinSpec(-1.0, 1.0, 10))
    assert out["std"] == pytest.approx(0.0, abs=1e-12)
    assert out["counts"].sum() == x.size


def test_float32_moments_survive_cancellation():
    # Values near 100 with spread 1, and one at -1: the chunk straddles 0, so the sums
    # start about 0, cancel, and are redone about the chunk mean.
    rng = np.random.default_rng(13)
    x = (100 + rng.standard_normal((600, 300))).astype(np.float32)
    x[::50, 0] = -1.0
    spec = BinSpec(-2.0, 110.0, 56)
    with LayerSummarizer() as s:
        out = s.tensor(x, spec)
    check_tensor(out, x, spec)
    assert out["std"] == pytest.approx(x.astype(np.float64).std(), rel=1e-5)


def test_float32_index_overflow_and_edges_float32_cannot_hold():
    rng = np.random.default_rng(17)
    x = rng.standard_normal((700, 300)).astype(np.float32)
    x[0, :2] = [3e38, -3e38]  # (x - lo) * norm overflows float32: clamped
    with LayerSummarizer() as s:
        spec = BinSpec(-1e-3, 1e-3, 10)
        check_tensor(s.tensor(x, spec), x, spec)
        # Edges beyond float32 (a's upper edge, a tiny norm): that tensor is binned in
        # float64, the other in float32, each against its own reference.
        z = rng.standard_normal((700, 300)).astype(np.float32)
        a = np.empty_like(z)
        z_spec, a_spec = BinSpec(-3.0, 3.0, 20), BinSpec(0.0, 1e39, 20)
        assert float32_edges(a_spec) is None and float32_edges(z_spec) is not None
        out = s.forward(z, a, z_spec, a_spec, (), lambda zc, o: np.maximum(zc, 0, out=o), True)
    check_tensor(out["z"], z, z_spec)
    check_tensor(out["a"], a, a_spec)
