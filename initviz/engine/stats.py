"""Single-pass, chunked statistics of one layer: histograms, moments, saturation, dead units.

The matrices are walked once, in row chunks whose float64 scratch stays in the CPU's L2
cache, on a small thread pool: NumPy releases the GIL inside its loops, so both cores
work at once. The only BLAS call is made by the caller, never from a worker thread
(OpenBLAS called from several Python threads at once, right after a threaded GEMM,
spins and serialises: measured 10 to 100 times slower).

Bins follow ``numpy.histogram``'s uniform-bin arithmetic: index = floor((x - lo) * norm)
with norm = bins / (hi - lo), in float64; the last bin is closed on the right (x == hi
counts in it); anything else outside [lo, hi] is counted as underflow or overflow.

Per chunk, each tensor costs: min and max, one float64 difference d = x - lo, its sum
and sum of squares (the moments), d * norm and its floor (the bin index). Instead of
clamping every index into [-1, bins] (two more passes), the chunk's own min and max give
the exact range of indices in it (the index is a monotone function of x), the bincount
is taken over that range and the out-of-range cells are folded into underflow and
overflow afterwards; clamping is used only when that range is huge. Pre-activations and
activations share one bincount over joint (z-bin, a-bin) cells, whose margins are the
two histograms: a bincount holds the GIL, so one instead of two matters.

Moments are merged over chunks with Chan, Golub & LeVeque (1979)'s pairwise update of
(count, mean, M2), each chunk's M2 = sum(d^2) - n mean(d)^2 about d = x - lo, recomputed
about the chunk mean when that subtraction would cancel (|mean| >> std).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

#: Elements per chunk: two float64 scratch vectors and one index vector of this size
#: (1.5 MB) stay in a core's L2 cache, and the ~30 NumPy calls a chunk needs stay
#: cheap next to the work they do.
CHUNK_ELEMENTS = 1 << 16

#: Index ranges wider than this (values far outside the edges) are clamped instead.
MAX_SPAN = 4096
#: Largest joint (z-bin, a-bin) table; beyond it each tensor gets its own bincount.
JOINT_LIMIT = 1 << 16
#: A chunk's M2 = sum(d^2) - n mean^2 is recomputed about its mean when
#: sum(d^2) exceeds this multiple of M2 (float64 then keeps ~12 significant digits).
CANCELLATION = 1e4


@dataclass
class Moments:
    """Count, mean, M2 (sum of squared deviations), min, max and non-finite count.

    ``mean`` is relative to an origin fixed per tensor (the bins' lower edge); merging
    follows Chan, Golub & LeVeque 1979.
    """

    count: int = 0
    mean: float = 0.0
    m2: float = 0.0
    min: float = math.inf
    max: float = -math.inf
    nonfinite: int = 0

    def merge(self, other: Moments) -> None:
        n = self.count + other.count
        if other.count:
            delta = other.mean - self.mean
            self.mean += delta * other.count / n
            self.m2 += other.m2 + delta * delta * self.count * other.count / n
            self.min = min(self.min, other.min)
            self.max = max(self.max, other.max)
        self.count = n
        self.nonfinite += other.nonfinite

    def mean_std(self, origin: float) -> tuple[float, float]:
        """Mean and population std (ddof 0) of the finite values."""
        if self.count == 0:
            return math.nan, math.nan
        return origin + self.mean, math.sqrt(max(self.m2, 0.0) / self.count)


@dataclass(frozen=True)
class BinSpec:
    """Uniform edges over [lo, hi] with ``bins`` bins."""

    lo: float
    hi: float
    bins: int
    norm: float = field(init=False, repr=False, compare=False)
    hi_index: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "norm", self.bins / (self.hi - self.lo))
        object.__setattr__(self, "hi_index", self.index(self.hi))

    @property
    def edges(self) -> np.ndarray:
        return np.linspace(self.lo, self.hi, self.bins + 1)

    def index(self, x: float) -> int:
        """floor((x - lo) * norm) for one finite value, the same float64 operations as
        the array code (Python floats are IEEE doubles; the ufuncs do not fuse)."""
        return math.floor((float(x) - self.lo) * self.norm)

    def hi_moves(self, dtype: np.dtype) -> bool:
        """True when values equal to hi exist in ``dtype`` and the index arithmetic puts
        them past the last bin, so they must be moved back into it."""
        return self.hi_index >= self.bins and float(np.dtype(dtype).type(self.hi)) == self.hi


class _Scratch(threading.local):
    """Per-thread scratch buffers, reused across chunks and layers (no allocation in
    the loop; a fresh 0.5 MB array would also cost page faults)."""

    def get(self, name: str, size: int, dtype) -> np.ndarray:
        key = (name, np.dtype(dtype).str)
        buf = self.__dict__.get(key)
        if buf is None or buf.size < size:
            buf = np.empty(max(size, CHUNK_ELEMENTS), dtype=dtype)
            self.__dict__[key] = buf
        return buf[:size]


@dataclass(frozen=True)
class ActivationFacts:
    """What the statistics may assume about a = phi(z), to skip passes.

    ``extremes(zmin, zmax)`` gives a's exact (min, max) from z's where phi is monotone
    and evaluated exactly (ReLU: max(., 0)); ``nonnegative``: a >= 0 everywhere, so a
    unit is dead exactly when its column maximum is 0.
    """

    extremes: Callable[[float, float], tuple[float, float]] | None = None
    nonnegative: bool = False


#: ReLU, a = max(z, 0): monotone and exact, never negative.
RELU_FACTS = ActivationFacts(extremes=lambda lo, hi: (max(lo, 0.0), max(hi, 0.0)), nonnegative=True)


@dataclass
class _Part:
    """One chunk's contribution for one tensor: moments and counts over codes
    (0 underflow, 1..bins the bins, bins + 1 overflow)."""

    moments: Moments
    codes: np.ndarray


class LayerSummarizer:
    """Computes a layer's statistics with a shared thread pool. Use as a context manager."""

    def __init__(self, threads: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="initviz-stats")
        self._scratch = _Scratch()

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def __enter__(self) -> LayerSummarizer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def _chunks(rows: int, cols: int) -> list[tuple[int, int]]:
        step = max(1, CHUNK_ELEMENTS // max(cols, 1))
        return [(r, min(r + step, rows)) for r in range(0, rows, step)]

    # -- forward layer ---------------------------------------------------------------
    def forward(
        self,
        z: np.ndarray,
        a: np.ndarray,
        z_spec: BinSpec,
        a_spec: BinSpec,
        saturation: tuple[tuple[float, float], ...],
        activate: Callable[[np.ndarray, np.ndarray], None] | None = None,
        facts: ActivationFacts = ActivationFacts(),
    ) -> dict:
        """Joint statistics of pre-activations z and activations a (same 2-D shape).

        With ``activate``, each worker first fills its rows of ``a`` with
        ``activate(z_rows, a_rows)``, while those rows are in its cache. Returns
        histograms and moments of both, the saturated count (z inside one of the
        ``saturation`` intervals) and per-unit "ever nonzero" flags (dead units).
        """
        rows, cols = a.shape
        bounds = _bounds_in(saturation, z.dtype)

        def work(span):
            r0, r1 = span
            zc, ac = z[r0:r1], a[r0:r1]
            if activate is not None:
                activate(zc, ac)
            return self._forward_chunk(zc, ac, z_spec, a_spec, bounds, facts)

        zm, am = Moments(), Moments()
        z_codes = np.zeros(z_spec.bins + 2, dtype=np.int64)
        a_codes = np.zeros(a_spec.bins + 2, dtype=np.int64)
        sat = 0
        nonzero = np.zeros(cols, dtype=bool)
        for zp, ap, s, nz in self._pool.map(_quiet(work), self._chunks(rows, cols)):
            zm.merge(zp.moments)
            am.merge(ap.moments)
            z_codes += zp.codes
            a_codes += ap.codes
            sat += s
            nonzero |= nz
        return {
            "z": _finish(z_codes, z_spec, zm),
            "a": _finish(a_codes, a_spec, am),
            "saturated": sat,
            "nonzero_units": nonzero,
        }

    def _forward_chunk(self, zc, ac, z_spec: BinSpec, a_spec: BinSpec, bounds, facts: ActivationFacts):
        # Column extremes of a give both the dead-unit flags and a's min and max.
        zf, af = zc.reshape(-1), ac.reshape(-1)
        zlo, zhi = float(zf.min()), float(zf.max())
        colmax = ac.max(axis=0)
        if facts.nonnegative:
            nonzero = colmax != 0
        else:
            colmin = ac.min(axis=0)
            nonzero = (colmax != 0) | (colmin != 0)
        if facts.extremes is not None and math.isfinite(zlo) and math.isfinite(zhi):
            alo, ahi = facts.extremes(zlo, zhi)
        else:
            alo = float(colmin.min()) if not facts.nonnegative else float(af.min())
            ahi = float(colmax.max())
        sat = _saturated(zf, bounds)
        if not all(math.isfinite(v) for v in (zlo, zhi, alo, ahi)):  # rare: a diverging layer
            return _slow_part(zf, z_spec), _slow_part(af, a_spec), sat, nonzero
        n = zf.size
        dz = self._scratch.get("dz", n, np.float64)
        da = self._scratch.get("da", n, np.float64)
        zm = _moments_and_index(zf, z_spec, zlo, zhi, dz)
        am = _moments_and_index(af, a_spec, alo, ahi, da)
        (zj0, zj1), (aj0, aj1) = _span(dz, z_spec, zlo, zhi), _span(da, a_spec, alo, ahi)
        zs, as_ = zj1 - zj0 + 1, aj1 - aj0 + 1
        if zs * as_ <= JOINT_LIMIT:
            # One bincount over joint cells (jz - zj0) * as_ + (ja - aj0); the cell
            # numbers go into da's memory, which is free once added in.
            np.multiply(dz, as_, out=dz)
            np.add(dz, da, out=dz)
            offset = zj0 * as_ + aj0
            if offset:
                np.subtract(dz, offset, out=dz)
            idx = da.view(np.intp)
            np.copyto(idx, dz, casting="unsafe")
            table = np.bincount(idx, minlength=zs * as_).reshape(zs, as_)
            zcounts, acounts = table.sum(axis=1), table.sum(axis=0)
        else:
            idx = self._scratch.get("idx", n, np.intp)
            zcounts = _bincount(dz, zj0, zs, idx)
            acounts = _bincount(da, aj0, as_, idx)
        zcodes = _fold(zcounts, zj0, z_spec.bins)
        acodes = _fold(acounts, aj0, a_spec.bins)
        _move_hi(zcodes, zf, z_spec, zhi)
        _move_hi(acodes, af, a_spec, ahi)
        return _Part(zm, zcodes), _Part(am, acodes), sat, nonzero

    # -- any single tensor (gradients) -------------------------------------------------
    def tensor(self, x: np.ndarray, spec: BinSpec) -> dict:
        """Counts and moments of one 2-D tensor."""
        rows, cols = x.shape

        def work(span):
            r0, r1 = span
            flat = x[r0:r1].reshape(-1)
            lo, hi = float(flat.min()), float(flat.max())
            if not (math.isfinite(lo) and math.isfinite(hi)):
                return _slow_part(flat, spec)
            d = self._scratch.get("dz", flat.size, np.float64)
            m = _moments_and_index(flat, spec, lo, hi, d)
            j0, j1 = _span(d, spec, lo, hi)
            idx = self._scratch.get("idx", flat.size, np.intp)
            codes = _fold(_bincount(d, j0, j1 - j0 + 1, idx), j0, spec.bins)
            _move_hi(codes, flat, spec, hi)
            return _Part(m, codes)

        total = Moments()
        codes = np.zeros(spec.bins + 2, dtype=np.int64)
        for part in self._pool.map(_quiet(work), self._chunks(rows, cols)):
            total.merge(part.moments)
            codes += part.codes
        return _finish(codes, spec, total)


def _quiet(fn):
    """Run ``fn`` with NumPy's floating-point warnings off (errstate is per thread)."""

    def run(span):
        with np.errstate(all="ignore"):
            return fn(span)

    return run


def _moments_and_index(flat: np.ndarray, spec: BinSpec, lo: float, hi: float, d: np.ndarray) -> Moments:
    """Moments of the finite chunk ``flat``; leaves floor((x - lo) * norm) in ``d``."""
    n = flat.size
    # dtype: a float32 chunk is widened before the subtraction (NumPy would otherwise
    # subtract in float32, since a Python float does not raise the precision).
    np.subtract(flat, spec.lo, out=d, dtype=np.float64)
    mean = float(d.sum()) / n
    sumsq = float(np.einsum("i,i->", d, d))  # einsum: no BLAS from a worker thread
    m2 = sumsq - n * mean * mean
    if sumsq > CANCELLATION * max(m2, 0.0):
        # The values sit far from lo compared with their spread: redo M2 about the mean.
        c = d - mean
        m2 = float(np.einsum("i,i->", c, c))
    np.multiply(d, spec.norm, out=d)
    np.floor(d, out=d)
    return Moments(count=n, mean=mean, m2=m2, min=lo, max=hi)


def _span(d: np.ndarray, spec: BinSpec, lo: float, hi: float) -> tuple[int, int]:
    """The range [j0, j1] of indices in ``d`` (from the chunk's min and max, since the
    index is monotone in x); clamps ``d`` first when that range is huge."""
    j0, j1 = spec.index(lo), spec.index(hi)
    if j1 - j0 + 1 > MAX_SPAN:
        np.maximum(d, -1.0, out=d)
        np.minimum(d, float(spec.bins), out=d)
        j0, j1 = min(max(j0, -1), spec.bins), max(min(j1, spec.bins), -1)
    return j0, j1


def _bincount(d: np.ndarray, j0: int, span: int, idx: np.ndarray) -> np.ndarray:
    if j0:
        np.subtract(d, j0, out=d)
    np.copyto(idx, d, casting="unsafe")
    return np.bincount(idx, minlength=span)


def _fold(counts: np.ndarray, j0: int, bins: int) -> np.ndarray:
    """Counts over indices j0, j0+1, ... -> codes: 0 underflow, 1..bins, bins+1 overflow."""
    codes = np.zeros(bins + 2, dtype=np.int64)
    j = np.arange(j0, j0 + counts.size)
    np.add.at(codes, np.clip(j + 1, 0, bins + 1), counts)
    return codes


def _move_hi(codes: np.ndarray, flat: np.ndarray, spec: BinSpec, hi: float) -> None:
    """Values exactly at hi belong to the last bin (numpy.histogram's closed last bin)."""
    if hi >= spec.hi and spec.hi_moves(flat.dtype):
        at_hi = int(np.count_nonzero(flat == spec.hi))
        codes[spec.bins + 1] -= at_hi
        codes[spec.bins] += at_hi


def _bounds_in(intervals, dtype) -> list[tuple]:
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


def _saturated(zf: np.ndarray, bounds) -> int:
    """Number of values strictly inside one of the intervals (see ``_bounds_in``)."""
    total = 0
    for lo, hi, lo_t, hi_t in bounds:
        if lo == -math.inf:
            total += int(np.count_nonzero(zf < hi_t))
        elif hi == math.inf:
            total += int(np.count_nonzero(zf > lo_t))
        else:
            total += int(np.count_nonzero((zf > lo_t) & (zf < hi_t)))
    return total


def _slow_part(flat: np.ndarray, spec: BinSpec) -> _Part:
    """A chunk holding NaN or infinity: the finite values only, plainly (float64)."""
    finite = flat[np.isfinite(flat)].astype(np.float64)
    m = Moments(nonfinite=flat.size - finite.size)
    codes = np.zeros(spec.bins + 2, dtype=np.int64)
    if finite.size:
        d = finite - spec.lo
        m.count = finite.size
        m.mean = float(d.sum()) / finite.size
        c = d - m.mean
        m.m2 = float(np.einsum("i,i->", c, c))
        m.min, m.max = float(finite.min()), float(finite.max())
        j = np.floor(d * spec.norm)
        np.maximum(j, -1.0, out=j)
        np.minimum(j, float(spec.bins), out=j)
        codes += np.bincount(j.astype(np.intp) + 1, minlength=spec.bins + 2)
        _move_hi(codes, finite.astype(flat.dtype), spec, m.max)
    return _Part(m, codes)


def _finish(codes: np.ndarray, spec: BinSpec, m: Moments) -> dict:
    mean, std = m.mean_std(spec.lo)
    return {
        "counts": codes[1 : spec.bins + 1].copy(),
        "underflow": int(codes[0]),
        "overflow": int(codes[spec.bins + 1]),
        "mean": mean,
        "std": std,
        "min": m.min if m.count else math.nan,
        "max": m.max if m.count else math.nan,
        "nonfinite": m.nonfinite,
    }
