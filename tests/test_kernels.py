"""The fast statistics (``initviz.engine.kernels``) against their definition
(``initviz.engine.statistics``) and against numpy.histogram.

float64 data: the counts equal the definition's exactly, the moments agree to 1e-12 of
the larger of the data's and the edges' magnitudes (the kernels take moments about the
lower edge, so values far smaller than the edges keep fewer digits). float32 data are
binned in float32 arithmetic, so a value within a float32 rounding of an edge may land
on either side of it: below every edge, the number of values counted by the kernels
and by the definition may differ by at most the number of values that close to that
edge (``near_edge``), found here from the edges of np.linspace in float64, not from the
kernels' own arithmetic. The moments of float32 data agree to ~1e-6 of the values'
spread. Saturated, dead and distinct units equal the definition's.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from initviz.engine import statistics
from initviz.engine.kernels import BinSpec, Summarizer, blocks, counting, distinct_units, one_grid, row_blocks
from initviz.engine.kernels import summarizer as summarizer_module

#: Activations as plain NumPy, each with its inverse (to put activations on a's edges).
ACTIVATIONS = {
    "relu": (lambda z: np.maximum(z, 0), lambda a: a),
    "linear": (lambda z: z.copy(), lambda a: a),
    "tanh": (np.tanh, lambda a: np.arctanh(np.clip(a, -0.999999, 0.999999))),
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda a: np.log(a / (1 - a))),
    "leaky_relu": (lambda z: np.where(z > 0, z, 0.1 * z), lambda a: np.where(a > 0, a, 10 * a)),
}


@contextmanager
def blocks_of(elements: int):
    """Row blocks of about ``elements`` elements, so small matrices span several blocks."""
    with mock.patch.object(summarizer_module, "CHUNK_ELEMENTS", elements):
        yield


def near_edge(x: np.ndarray, lo: float, hi: float, bins: int, float32: bool) -> np.ndarray:
    """For each edge of np.linspace(lo, hi, bins + 1): how many finite values of ``x``
    lie so close to it that the kernels may count them on its other side.

    The definition computes floor((x - lo) * norm) in float64: a few float64 roundings
    of |x| + |lo| + |hi|. float32 data are indexed in float32 as (x - e) * norm from an
    edge e no farther from zero than x; e, norm, the difference and the product are
    each rounded once (relative 2**-24), at most 2**-24 (|e| + 3 |x - e|) <= 7 * 2**-24
    |x| in x units; and a product below float32's smallest step (2**-149) is off by up
    to that step, 2**-149 / norm in x units."""
    v = x[np.isfinite(x)].astype(np.float64)
    slack = 2.0**-50 * (np.abs(v) + abs(lo) + abs(hi))
    if float32:
        slack += 7 * 2.0**-24 * np.abs(v) + 2.0**-149 * (hi - lo) / bins
    edges = np.linspace(lo, hi, bins + 1)
    first = np.searchsorted(edges, v - slack, side="left")
    last = np.searchsorted(edges, v + slack, side="right")  # edges first .. last - 1
    marks = np.zeros(bins + 2, dtype=np.int64)
    np.add.at(marks, first, 1)
    np.add.at(marks, last, -1)
    return np.cumsum(marks)[: bins + 1]


def below_edges(h: dict) -> np.ndarray:
    """Values counted below each edge: underflow, plus the bins to its left."""
    return h["underflow"] + np.concatenate(([0], np.cumsum(h["counts"])))


def assert_counts(fast: dict, expected: dict, x: np.ndarray, spec: BinSpec, float32: bool) -> None:
    assert fast["nonfinite"] == expected["nonfinite"]
    assert fast["counts"].sum() + fast["underflow"] + fast["overflow"] == x.size - expected["nonfinite"]
    if not float32:
        np.testing.assert_array_equal(fast["counts"], expected["counts"])
        assert (fast["underflow"], fast["overflow"]) == (expected["underflow"], expected["overflow"])
        return
    differ = np.abs(below_edges(fast) - below_edges(expected))
    allowed = near_edge(x, spec.lo, spec.hi, spec.bins, True)
    bad = np.flatnonzero(differ > allowed)
    assert bad.size == 0, f"edges {bad[:5]}: counts below differ by {differ[bad[:5]]}, near {allowed[bad[:5]]}"


def numpy_histogram(x: np.ndarray, spec: BinSpec) -> dict:
    """numpy.histogram of the finite values' float64 cast, with under- and overflow."""
    v = x[np.isfinite(x)].astype(np.float64)
    counts, _ = np.histogram(v, bins=spec.bins, range=(spec.lo, spec.hi))
    return {
        "counts": counts,
        "underflow": int(np.count_nonzero(v < spec.lo)),
        "overflow": int(np.count_nonzero(v > spec.hi)),
        "nonfinite": x.size - v.size,
    }


def check_tensor(fast: dict, x: np.ndarray, spec: BinSpec) -> None:
    """One tensor's histogram and moments against the definition (and numpy.histogram)."""
    float32 = x.dtype == np.float32
    assert_counts(fast, statistics.histogram(x, spec.lo, spec.hi, spec.bins), x, spec, float32)
    if float32:
        assert_counts(fast, numpy_histogram(x, spec), x, spec, True)
    expected = statistics.moments(x)
    finite = x[np.isfinite(x)].astype(np.float64)
    if finite.size == 0:
        assert all(math.isnan(fast[k]) for k in ("mean", "std", "min", "max"))
        return
    assert (fast["min"], fast["max"]) == (expected["min"], expected["max"])
    magnitude = max(abs(spec.lo), abs(spec.hi), float(np.abs(finite).max()))
    tol = 1e-12 * magnitude + (2e-6 * float(np.ptp(finite)) if float32 else 0.0)
    assert abs(fast["mean"] - expected["mean"]) <= tol, (fast["mean"], expected["mean"], tol)
    assert abs(fast["std"] - expected["std"]) <= tol, (fast["std"], expected["std"], tol)


def check_layer(out: dict, z, a, z_spec, a_spec, saturation, fingerprint) -> None:
    """Everything ``Summarizer.forward`` returns against its definition."""
    check_tensor(out["z"], z, z_spec)
    check_tensor(out["a"], a, a_spec)
    assert out["saturated"] == statistics.saturated(z, saturation)
    np.testing.assert_array_equal(~out["nonzero_units"], statistics.dead_units(a))
    if np.all(np.isfinite(a)):
        np.testing.assert_array_equal(out["unit_max"], a.max(axis=0).astype(np.float64))
        projection = fingerprint.astype(np.float64) @ a.astype(np.float64)
        bound = np.abs(fingerprint.astype(np.float64)) @ np.abs(a.astype(np.float64))
        # Summed in a's dtype: relative rounding, a subnormal step per sample, and
        # overflow where the sum exceeds the dtype's range.
        info = np.finfo(a.dtype)
        rel = 1e-5 if a.dtype == np.float32 else 1e-12
        tol = rel * bound + 2 * a.shape[0] * float(info.smallest_subnormal)
        fits = bound < float(info.max) / 2
        assert np.all(np.abs(out["fingerprint"] - projection)[fits] <= tol[fits])
    peak = max(abs(out["a"]["min"]), abs(out["a"]["max"]))
    fast = distinct_units(a, out["fingerprint"], peak, out["nonzero_units"], out["unit_max"])
    if not np.all(np.isfinite(a)) or sameness_is_an_equivalence(a):
        assert fast == statistics.distinct_units(a)


def sameness_is_an_equivalence(a: np.ndarray) -> bool:
    """True when the definition's "same unit" relation among the live units is
    symmetric and transitive, so that the number of distinct units does not depend on
    the order units are grouped in. Units within a few tol * peak of each other (nearly
    silent units beside a large peak) can form chains a ~ b ~ c with a !~ c; there the
    kernels (which group in the order of a random projection) and the definition (in
    unit order) may group differently, and no count is the right one."""
    tol = 1e-6 if a.dtype == np.float32 else 1e-12
    live = a[:, ~statistics.dead_units(a)]
    peak = float(np.abs(a).max())
    same = np.empty((live.shape[1], live.shape[1]), dtype=bool)  # same[j, i]: unit j is the same as unit i
    with np.errstate(over="ignore"):  # values near float's limit: inf differences are simply not "the same"
        for i in range(live.shape[1]):
            ref = live[:, i : i + 1]
            same[:, i] = np.all(np.abs(live - ref) <= tol * (np.abs(ref) + peak), axis=0)
    chained = (same.astype(np.int64) @ same.astype(np.int64)) > 0
    equivalence = bool(np.array_equal(same, same.T) and np.all(same[chained]))
    if currently_in_test_context():
        event(f"distinct units compared: {equivalence}")
    return equivalence


# -- random layers -------------------------------------------------------------------


@st.composite
def bin_specs(draw, from_zero: bool = False) -> BinSpec:
    """Ranges of every kind the engine meets: symmetric (even and odd bins), from 0,
    anywhere, narrow far from 0, and many bins."""
    bins = draw(st.one_of(st.integers(1, 80), st.sampled_from([2, 50, 64, 99, 100, 301, 3000])))
    r = draw(st.floats(1e-3, 1e3))
    kind = "from_zero" if from_zero else draw(st.sampled_from(["symmetric", "from_zero", "any", "narrow"]))
    if kind == "symmetric":
        return BinSpec(-r, r, bins)
    if kind == "from_zero":
        return BinSpec(0.0, r, bins)
    lo = draw(st.floats(-1e3, 1e3))
    if kind == "narrow":
        return BinSpec(lo, lo + r * 1e-3 * max(abs(lo), 1.0), bins)
    return BinSpec(lo, lo + r, bins)


def sample_values(rng, shape, dtype, specs, inverse, options) -> np.ndarray:
    """Normal values around the first range, some of them moved onto and next to the
    edges of every range (through ``inverse`` for the activation's range), some far
    outside, some duplicated columns, and optionally NaN and infinities."""
    z_spec = specs[0]
    centre = (z_spec.lo + z_spec.hi) / 2
    z = rng.normal(centre, (z_spec.hi - z_spec.lo) * rng.uniform(0.05, 1.0), shape)
    t = np.dtype(dtype).type
    edges = [z_spec.edges.astype(dtype), inverse(specs[1].edges).astype(dtype)]
    near = []
    for e in edges:
        e = e[np.abs(e) < 1e30]  # logit(1) is infinite, and its neighbour the largest float
        near.append(e)
        up, down = e.copy(), e.copy()
        for _ in range(3):
            up, down = np.nextafter(up, t(np.inf)), np.nextafter(down, t(-np.inf))
            near += [up, down]
    near = np.concatenate(near + [np.array([z_spec.lo, z_spec.hi, specs[1].lo, specs[1].hi, -0.0, 0.0])])
    z = z.astype(dtype)
    flat = z.reshape(-1)
    k = min(flat.size, near.size, int(flat.size * options["on_edges"]))
    flat[rng.choice(flat.size, k, replace=False)] = rng.choice(near[np.isfinite(near)], k)
    if options["far"]:
        k = max(1, flat.size // 50)
        flat[rng.choice(flat.size, k, replace=False)] = rng.choice([1e30, -1e30, 7e3, -7e3, 1e6], k)
    if options["twins"] and shape[1] > 1:
        for _ in range(shape[1] // 2):
            i, j = rng.choice(shape[1], 2, replace=False)
            z[:, j] = z[:, i] if rng.random() < 0.5 else np.nextafter(z[:, i], t(np.inf))
    if options["nonfinite"]:
        k = max(1, flat.size // 100)
        flat[rng.choice(flat.size, k, replace=False)] = rng.choice([np.nan, np.inf, -np.inf], k)
    return z


@st.composite
def layers(draw):
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    name = draw(st.sampled_from(sorted(ACTIVATIONS)))
    z_spec = draw(bin_specs())
    if name == "relu" and draw(st.booleans()):  # one grid: z over [-R, R], a over [0, R]
        bins = 2 * draw(st.integers(1, 60))
        r = draw(st.floats(1e-2, 1e2))
        z_spec, a_spec = BinSpec(-r, r, bins), BinSpec(0.0, r, bins)
    elif name in ("relu", "sigmoid"):
        a_spec = draw(bin_specs(from_zero=True))
    else:
        a_spec = draw(bin_specs())
    bound = st.floats(-5, 5)
    intervals = draw(st.lists(st.tuples(bound, bound), max_size=3))
    saturation = tuple((min(p), max(p)) for p in intervals if p[0] != p[1])
    if draw(st.booleans()):
        saturation += ((-math.inf, draw(bound)), (draw(bound), math.inf))
    options = {
        "on_edges": draw(st.sampled_from([0.0, 0.1, 0.5])),
        "far": draw(st.booleans()),
        "twins": draw(st.booleans()),
        "nonfinite": draw(st.integers(0, 4)) == 0,
    }
    shape = (draw(st.integers(1, 150)), draw(st.integers(1, 24)))
    chunk = draw(st.sampled_from([1, 7, 64, 333, 1 << 18]))
    seed = draw(st.integers(0, 2**32 - 1))
    return dtype, name, z_spec, a_spec, saturation, options, shape, chunk, seed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layers())
def test_forward_statistics_equal_the_definition(layer):
    dtype, name, z_spec, a_spec, saturation, options, shape, chunk, seed = layer
    rng = np.random.default_rng(seed)
    phi, inverse = ACTIVATIONS[name]
    with np.errstate(all="ignore"):
        z = sample_values(rng, shape, dtype, (z_spec, a_spec), inverse, options)
        expected_a = phi(z).astype(dtype)

    def activate(zc, out):
        out[...] = phi(zc)

    fingerprint = rng.standard_normal(shape[0]).astype(dtype)
    a = np.empty_like(z)
    with blocks_of(chunk):
        out = Summarizer().forward(z, a, z_spec, a_spec, saturation, activate, name == "relu", fingerprint)
    np.testing.assert_array_equal(a, expected_a)
    check_layer(out, z, a, z_spec, a_spec, saturation, fingerprint)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layers())
def test_tensor_statistics_equal_the_definition(layer):
    dtype, _, spec, _, _, options, shape, chunk, seed = layer
    x = sample_values(np.random.default_rng(seed), shape, dtype, (spec, spec), lambda v: v, options)
    with blocks_of(chunk):
        check_tensor(Summarizer().tensor(x, spec), x, spec)


# -- each specialised path, on purpose -----------------------------------------------


def edge_values(spec: BinSpec, dtype) -> np.ndarray:
    """Values on and next to every edge, in ``dtype``."""
    t = np.dtype(dtype).type
    edges = spec.edges.astype(dtype)
    near = [np.nextafter(edges, t(-np.inf)), edges, np.nextafter(edges, t(np.inf))]
    return np.concatenate(near + [np.array([spec.lo, spec.hi], dtype=dtype)])


@pytest.fixture
def paths(monkeypatch):
    """Which counting paths ran (and, for ``shared32``, whether it declined)."""
    taken = []

    def spy(module, name, label=None):
        real = getattr(module, name)

        def run(*args):
            result = real(*args)
            taken.append(label(result) if label else name)
            return result

        monkeypatch.setattr(module, name, run)

    for name in ("joint", "joint32", "single", "slow_part"):
        spy(blocks, name)
    spy(blocks, "shared32", lambda r: "shared32" if r is not None else "shared32 declined")
    spy(counting, "paired_counts")
    return taken


def relu(zc, out):
    np.maximum(zc, 0, out=out)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_tanh_layer_with_values_on_and_next_to_every_edge(dtype, paths):
    rng = np.random.default_rng(7)
    z_spec, a_spec = BinSpec(-4.0, 4.0, 50), BinSpec(-1.0, 1.0, 50)
    z = (rng.standard_normal((700, 300)) * 1.7).astype(dtype)  # several blocks, the last one short
    inner = edge_values(a_spec, dtype)
    near = np.concatenate([edge_values(z_spec, dtype), np.arctanh(inner[np.abs(inner) < 1])])
    z.reshape(-1)[: near.size] = near
    fingerprint = rng.standard_normal(700).astype(dtype)
    saturation = ((-math.inf, -2.5), (0.7, 0.9), (3.0, math.inf))
    a = np.empty_like(z)
    with np.errstate(all="ignore"):
        tanh = lambda zc, o: np.tanh(zc, out=o)  # noqa: E731
        out = Summarizer().forward(z, a, z_spec, a_spec, saturation, tanh, False, fingerprint)
    np.testing.assert_array_equal(a, np.tanh(z))
    check_layer(out, z, a, z_spec, a_spec, saturation, fingerprint)
    assert set(paths) == {"joint32" if dtype == "float32" else "joint"}


@pytest.mark.parametrize("cols", [300, 301])  # even and odd block sizes
def test_relu_on_one_grid_paired_unpaired_and_declined_blocks(cols, paths):
    """ReLU with a over [0, R] and z over [-R, R] (even bins): one index of z gives
    both histograms; blocks narrow enough are counted in pairs, a wider one unpaired,
    and one too wide for a single bincount is binned apart."""
    rng = np.random.default_rng(11)
    z_spec, a_spec = BinSpec(-4.0, 4.0, 50), BinSpec(0.0, 4.0, 50)
    assert one_grid(z_spec, a_spec) and not one_grid(BinSpec(-4.0, 4.0, 49), BinSpec(0.0, 4.0, 49))
    z = (rng.standard_normal((700, cols)) * 1.7).astype(np.float32)
    near = np.concatenate([edge_values(z_spec, np.float32), edge_values(a_spec, np.float32), [-0.0, 0.0]])
    z.reshape(-1)[: near.size] = near
    z[300:320] *= 8  # a block too wide to pair (counted unpaired)
    z[650, 3] = 1e6  # the last block: too wide for one bincount (binned apart)
    z[:, 7] = -2.0  # a dead unit
    fingerprint = rng.standard_normal(700).astype(np.float32)
    a = np.empty_like(z)
    with blocks_of(53 * 301):  # blocks of 53 rows and a last one of 11: odd sizes with 301 columns
        out = Summarizer().forward(z, a, z_spec, a_spec, ((-math.inf, 0.0),), relu, True, fingerprint)
        assert row_blocks(700, cols)[-2:] == [(636, 689), (689, 700)]
    np.testing.assert_array_equal(a, np.maximum(z, 0))
    check_layer(out, z, a, z_spec, a_spec, ((-math.inf, 0.0),), fingerprint)
    assert paths.count("paired_counts") >= 2
    assert paths.count("shared32") > paths.count("paired_counts")  # at least one unpaired
    assert paths.count("shared32 declined") == 1 and paths.count("joint32") == 1


def test_wide_histograms_use_separate_bincounts(paths):
    rng = np.random.default_rng(5)
    z = rng.standard_normal((400, 256)).astype(np.float32)
    z_spec, a_spec = BinSpec(-3.0, 3.0, 3000), BinSpec(0.0, 3.0, 3000)
    a = np.empty_like(z)
    fingerprint = rng.standard_normal(400).astype(np.float32)
    out = Summarizer().forward(z, a, z_spec, a_spec, (), relu, True, fingerprint)
    check_layer(out, z, a, z_spec, a_spec, (), fingerprint)
    z64, a64 = z.astype(np.float64), np.empty((400, 256))
    out = Summarizer().forward(z64, a64, z_spec, a_spec, (), relu, True, fingerprint.astype(np.float64))
    check_layer(out, z64, a64, z_spec, a_spec, (), fingerprint.astype(np.float64))
    assert "joint32" in paths and "joint" in paths


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_values_far_outside_and_non_finite_values(dtype, paths):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((1000, 200)).astype(dtype)
    x[0, :3] = [1e30, -1e30, 7e3]  # index ranges too wide for one bincount: clamped
    x[-100:] = 10 ** (4 + 20 * rng.random((100, 200)))  # the last block: all far above
    x[500, 0] = np.nan  # a block with a NaN and an infinity takes the plain path
    x[500, 1] = np.inf
    spec = BinSpec(-2.0, 2.0, 40)
    with blocks_of(1 << 14):
        check_tensor(Summarizer().tensor(x, spec), x, spec)
    assert paths.count("slow_part") == 1 and paths.count("single") == 12


def test_a_layer_with_nan_takes_the_plain_path_and_counts_every_unit(paths):
    rng = np.random.default_rng(9)
    z = rng.standard_normal((600, 500)).astype(np.float32)
    z[10, 4] = np.nan
    z[550, 6] = -np.inf
    z[:, 9] = -1.0  # dead
    a = np.empty_like(z)
    fingerprint = rng.standard_normal(600).astype(np.float32)
    saturation = ((-math.inf, 1e-30),)
    with np.errstate(invalid="ignore"):
        out = Summarizer().forward(z, a, BinSpec(-4, 4, 20), BinSpec(0, 4, 20), saturation, relu, True, fingerprint)
    check_layer(out, z, a, BinSpec(-4, 4, 20), BinSpec(0, 4, 20), saturation, fingerprint)
    assert "slow_part" in paths and statistics.distinct_units(a) == 500


def test_values_at_hi_go_to_the_last_bin():
    """hi = 0.7 over 7 bins: (hi - lo) * norm rounds to 7 or past it; values at hi
    must be in the last bin, values just above it in the overflow."""
    for dtype in (np.float32, np.float64):
        spec = BinSpec(0.0, float(dtype(0.7)), 7)
        x = np.full((3, 4), dtype(0.7))
        x[0, 0] = np.nextafter(dtype(0.7), dtype(1))
        out = Summarizer().tensor(x, spec)
        assert out["counts"][-1] == 11 and out["overflow"] == 1 and out["counts"][:-1].sum() == 0


def test_edges_float32_cannot_hold_are_binned_in_float64_exactly():
    rng = np.random.default_rng(17)
    z = rng.standard_normal((700, 300)).astype(np.float32)
    z[0, :2] = [3e38, -3e38]  # (x - lo) * norm overflows float32: clamped
    spec = BinSpec(-1e-3, 1e-3, 10)
    check_tensor(Summarizer().tensor(z, spec), z, spec)
    # a's upper edge is beyond float32: a is binned in float64 (exactly), z in float32.
    z_spec, a_spec = BinSpec(-3.0, 3.0, 20), BinSpec(0.0, 1e39, 20)
    assert a_spec.f32 is None and z_spec.f32 is not None
    a = np.empty_like(z)
    fingerprint = rng.standard_normal(700).astype(np.float32)
    out = Summarizer().forward(z, a, z_spec, a_spec, (), relu, True, fingerprint)
    check_layer(out, z, a, z_spec, a_spec, (), fingerprint)
    expected = statistics.histogram(a, 0.0, 1e39, 20)
    np.testing.assert_array_equal(out["a"]["counts"], expected["counts"])


# -- moments --------------------------------------------------------------------------


def test_moments_stay_accurate_far_from_the_lower_edge():
    # Values near 0.5 with a spread of 1e-6, binned over (0, 1): sums about lo = 0
    # would cancel; the block's M2 is recomputed about its mean.
    rng = np.random.default_rng(11)
    x = 0.5 + 1e-6 * rng.standard_normal((500, 300))
    out = Summarizer().tensor(x, BinSpec(0.0, 1.0, 30))
    assert out["std"] == pytest.approx(x.std(), rel=1e-9)
    assert out["mean"] == pytest.approx(x.mean(), rel=1e-15)


def test_constant_values_have_zero_spread():
    x = np.full((300, 300), 0.3, dtype=np.float32)
    out = Summarizer().tensor(x, BinSpec(-1.0, 1.0, 10))
    assert out["std"] == pytest.approx(0.0, abs=1e-12)
    assert out["counts"].sum() == x.size


def test_float32_moments_survive_cancellation():
    # Values near 1000 with spread 0.01, and some at -1: the block straddles 0, so the
    # sums start about 0, cancel, and are redone about the block mean.
    rng = np.random.default_rng(13)
    x = (1000 + 0.01 * rng.standard_normal((600, 300))).astype(np.float32)
    x[::50, 0] = -1.0
    spec = BinSpec(-2.0, 1100.0, 56)
    out = Summarizer().tensor(x, spec)
    check_tensor(out, x, spec)
    assert out["std"] == pytest.approx(x.astype(np.float64).std(), rel=1e-5)


# -- distinct units -------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_distinct_units_in_groups_of_twins(dtype):
    """Units in groups: copies, copies one rounding apart, and units that differ from
    the rest in a single sample; dead units all count as one."""
    rng = np.random.default_rng(21)
    t = np.dtype(dtype).type
    base = rng.standard_normal((300, 40)).astype(dtype)
    cols = [base[:, i % 25] for i in range(40)]  # 25 groups
    cols[30] = np.nextafter(cols[30], t(np.inf))  # still the same unit
    odd = cols[31].copy()
    odd[123] += 8  # one sample differs (and is positive): a new unit
    cols[31] = odd
    z = np.stack(cols + [np.full(300, -1.0, dtype=dtype)] * 3, axis=1)
    a = np.empty_like(z)
    fingerprint = rng.standard_normal(300).astype(dtype)
    out = Summarizer().forward(z, a, BinSpec(-4, 4, 20), BinSpec(0, 4, 20), (), relu, True, fingerprint)
    check_layer(out, z, a, BinSpec(-4, 4, 20), BinSpec(0, 4, 20), (), fingerprint)
    assert statistics.distinct_units(a) == 25 + 1 + 1  # the groups, the odd one, the dead


def test_constant_weights_give_one_unit():
    x = np.random.default_rng(2).standard_normal((200, 30))
    z = np.repeat(x @ np.full((30, 1), 0.1), 64, axis=1)
    a = np.empty_like(z)
    fingerprint = np.random.default_rng(3).standard_normal(200)
    tanh = lambda zc, o: np.tanh(zc, out=o)  # noqa: E731
    out = Summarizer().forward(z, a, BinSpec(-4, 4, 20), BinSpec(-1, 1, 20), (), tanh, fingerprint=fingerprint)
    check_layer(out, z, a, BinSpec(-4, 4, 20), BinSpec(-1, 1, 20), (), fingerprint)
    assert statistics.distinct_units(a) == 1


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_blocks_entirely_far_outside_the_edges(dtype):
    """Every value of a block at one huge index (1e30 over a range of 0.125): the
    index range is narrow, but the indices themselves are far beyond the edges."""
    z = np.full((4, 3), 1e30, dtype=dtype)
    z[2:] = -1e30
    z_spec, a_spec = BinSpec(-0.0625, 0.0625, 2), BinSpec(0.0, 0.0625, 2)
    fingerprint = np.ones(4, dtype=dtype)
    a = np.empty_like(z)
    with blocks_of(3):
        out = Summarizer().forward(z, a, z_spec, a_spec, (), relu, True, fingerprint)
    check_layer(out, z, a, z_spec, a_spec, (), fingerprint)
    # The index (x - lo) * norm overflows to infinity (the moments overflow too).
    x = np.array([[1e308, -1e308, 0.01]]) if dtype == "float64" else np.array([[3e38, -3e38, 0.01]], dtype)
    with np.errstate(over="ignore"):
        out = Summarizer().tensor(x, BinSpec(-1.0, 10.0, 4))
    assert (out["underflow"], list(out["counts"]), out["overflow"]) == (1, [1, 0, 0, 0], 1)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_distinct_units_two_groups_whose_projections_nearly_agree(dtype):
    """Two groups of three copies that differ in one sample only, the one whose random
    weight is smallest, so their projections agree within rounding, beside one unit
    with a large peak: three distinct units, however the candidates are grouped."""
    rng = np.random.default_rng(4)
    fingerprint = rng.standard_normal(300).astype(dtype)
    k, r = int(np.argmin(np.abs(fingerprint))), int(np.argmax(np.abs(fingerprint)))
    tol, peak = (1e-6 if dtype == "float32" else 1e-12), 1e4
    u = rng.uniform(0.5, 1.0, 300).astype(dtype)
    v = u.copy()
    v[k] += 5 * tol * peak
    big = np.zeros(300, dtype=dtype)
    big[r] = peak
    z = np.stack([u, v, v, u, big, v, u], axis=1)
    a = np.empty_like(z)
    out = Summarizer().forward(z, a, BinSpec(-2, 2, 8), BinSpec(0, 2, 8), (), relu, True, fingerprint)
    assert sameness_is_an_equivalence(a) and statistics.distinct_units(a) == 3
    check_layer(out, z, a, BinSpec(-2, 2, 8), BinSpec(0, 2, 8), (), fingerprint)
