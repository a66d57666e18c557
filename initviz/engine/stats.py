"""Single-pass, chunked statistics of one layer: histograms, moments, saturation, dead units.

The matrices are walked once, in row chunks (``row_blocks``), on a small thread pool,
or split between this process and a helper process (``lanes``, which calls
``forward_work`` on shared memory): NumPy releases the GIL inside its loops, but a
chunk is many short calls and two threads lose most of their gain handing the GIL
back and forth, which a process does not. Workers make no BLAS call that
OpenBLAS would spread over its own threads (a 65,536-element dot from two Python
threads right after a threaded GEMM measured 100 times slower): only dot products
short enough to run on the calling thread, and einsum for the unit projection.

Bins follow ``numpy.histogram``'s uniform-bin arithmetic: index = floor((x - lo) * norm)
with norm = bins / (hi - lo); the last bin is closed on the right (x == hi counts in
it); anything else outside [lo, hi] is counted as underflow or overflow. float32 data
count from the edge nearest zero instead of lo (``BinSpec``): the same in exact
arithmetic, one rounding and one pass fewer where that edge is 0.

Precision follows the data. float64 data: the index in float64, moments to ~1e-12.
float32 data (the default): binned and summed in float32 (a 2**18-element ReLU chunk
measured 1.35 ms instead of 2.1 ms: float32 passes move half the bytes). The index is
floor((x - lo32) * norm32) with lo and norm rounded to float32 and each operation
rounded to float32, so a value within a float32 rounding or two of an edge may fall on
either side of it, as the value itself is only that accurate; the moments come from
float32 sums (short BLAS dot products, pieces added in float64) and keep ~1e-6
relative to the spread. Edges float32 cannot hold (|lo| or norm beyond its range) fall
back to float64 for that tensor, and so do sums of squares float32 would overflow or
flush to zero (|x| beyond ~1e15 or all below 1e-15).

Per chunk, each tensor costs: min and max, the sum and sum of squares (the moments),
and floor((x - lo) * norm), the bin index: in float64, v = (x - lo) * norm (one pass
when lo = 0) whose sums give the moments; in float32, sums of x - c for a centre c
(no pass when c = 0), and the index in a float32 half of the float64 scratch. Instead
of clamping every index into [-1, bins] (two more passes), the chunk's own min and
max give the exact range of indices in it (the index is a monotone
function of x), the bincount is taken over that range and the out-of-range cells are
folded into underflow and overflow afterwards; clamping is used only when that range
is huge (or, in float32, infinite). The range comes from indexing the chunk's min and
max with the very same arithmetic as the elements (float32 ones on a float32 array),
and so does the decision whether values equal to hi must be moved back into the last
bin; otherwise the offsets would not match. Pre-activations and
activations share one bincount over joint (z-bin, a-bin) cells, whose margins are the
two histograms: one bincount instead of two. In float64 the
cell numbers become integers by the 2**52 trick (an integer y < 2**52 stored as the
double y + 2**52 has y in its low mantissa bits), cheaper than NumPy's float-to-int
cast; in float32 the cell (jz - zj0) * span_a + (ja - aj0) is computed after
subtracting the offsets, every term an integer below 2**24 and so exact, and cast to
int64 in the other scratch vector.

Moments are merged over chunks with Chan, Golub & LeVeque (1979)'s pairwise update of
(count, mean, M2), each chunk's M2 = sum(v^2) - n mean(v)^2, recomputed about the chunk
mean when that subtraction would cancel (|mean| >> std). v differs from the exact
(x - lo) * norm by one rounding (relative 1e-16), far below what is reported. float32
chunks do the same about their centre c (0 when the chunk straddles 0, else the
midpoint of its min and max), redone about the chunk mean when M2 would cancel.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

#: Elements per chunk. Smaller chunks keep the float64 scratch in L2 (one thread runs
#: ~10% faster at 2**17) but hand the GIL back and forth more often: on 2 threads,
#: per layer of 4096 x 512, 2**16 measured 20 ms, 2**17 14 ms, 2**18 12 ms, 2**20 12 ms.
#: Each thread holds two float64 vectors of this size (4 MB at 2**18).
CHUNK_ELEMENTS = 1 << 18

#: Index ranges wider than this (values far outside the edges) are clamped instead.
MAX_SPAN = 4096
#: Largest joint (z-bin, a-bin) table; beyond it each tensor gets its own bincount.
JOINT_LIMIT = 1 << 16
#: Widest index range counted in pairs (``_paired_counts``): a table of PAIR_SPAN**2
#: int64 cells (512 KB) stays in L2, and a bincount over half the elements saves more
#: (0.29 -> 0.16 ms per 2**18 elements) than pairing costs (two half passes, 0.03 ms).
PAIR_SPAN = 256
#: A chunk's M2 = sum(v^2) - n mean^2 is recomputed about its mean when
#: sum(v^2) exceeds this multiple of M2 (float64 then keeps ~12 significant digits).
CANCELLATION = 1e4
#: Float32 moments: sums about a centre c are redone about the chunk mean when
#: sum((x - c)^2) exceeds this multiple of M2. OpenBLAS's float32 dot products measured
#: ~1e-8 relative error here (at worst ~1e-7 per piece), so M2 keeps ~1e-6 or better.
CANCELLATION32 = 16.0
#: Dot products of up to 10,000 elements run on the calling thread in OpenBLAS (its
#: level-1 threading threshold); longer ones would wake its thread pool from our workers.
DOT_PIECE = 8192
#: 2**52 as a double, and its bit pattern: (y + 2**52).view(int64) - _MAGIC_BITS == y
#: for integers 0 <= y < 2**52.
_MAGIC = 4503599627370496.0
_MAGIC_BITS = 0x4330000000000000
#: The ones that sum(v) is the dot product with, for float32 chunks.
_ONES32 = np.ones(DOT_PIECE, dtype=np.float32)
_ONES32.flags.writeable = False


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
    """Uniform edges over [lo, hi] with ``bins`` bins.

    float32 data are indexed from the edge nearest zero, the anchor (edge k0, value e):
    floor((x - e) * norm) + k0. Mathematically that is floor((x - lo) * norm); in float32
    it rounds once less where e = 0 (symmetric ranges with an even number of bins,
    ranges starting at 0), which also saves the subtraction, and it puts every range
    that shares the anchor 0 on one grid: a ReLU output bin over [0, R] is then exactly
    the upper half of a pre-activation bin over [-R, R] (see ``LayerSummarizer``).
    """

    lo: float
    hi: float
    bins: int
    norm: float = field(init=False, repr=False, compare=False)
    hi_index: int = field(init=False, repr=False, compare=False)
    #: The anchor edge's number k0 (0..bins), for float32 data.
    anchor: int = field(init=False, repr=False, compare=False)
    #: (e, norm) as float32 for float32 data (e: the anchor edge's value), or None when
    #: the float32 arithmetic cannot represent the edges (|lo|, |hi| or norm beyond
    #: float32, a subnormal norm).
    f32: tuple | None = field(init=False, repr=False, compare=False)
    hi_index32: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        bins, lo, hi = self.bins, self.lo, self.hi
        object.__setattr__(self, "norm", bins / (hi - lo))
        object.__setattr__(self, "hi_index", self.index(hi))
        k0 = min(max(round(-lo * self.norm), 0), bins) if math.isfinite(self.norm) else 0
        # lo (1 - k0/bins) + hi k0/bins, written so that it is exactly 0 for symmetric
        # ranges with an even number of bins and exactly lo or hi at the ends.
        anchor = lo if k0 == 0 else hi if k0 == bins else (lo * (bins - k0) + hi * k0) / bins
        object.__setattr__(self, "anchor", k0)
        with np.errstate(all="ignore"):
            lo32, hi32, e32, norm32 = (np.float32(v) for v in (lo, hi, anchor, self.norm))
        ok = all(bool(np.isfinite(v)) for v in (lo32, hi32, e32, norm32))
        ok = ok and float(norm32) >= float(np.finfo(np.float32).tiny)
        object.__setattr__(self, "f32", (e32, norm32) if ok else None)
        object.__setattr__(self, "hi_index32", self.index32(hi) if ok else math.nan)

    @property
    def edges(self) -> np.ndarray:
        return np.linspace(self.lo, self.hi, self.bins + 1)

    def index(self, x: float) -> int:
        """floor((x - lo) * norm) for one finite value, the same float64 operations as
        the array code (Python floats are IEEE doubles; the ufuncs do not fuse)."""
        return math.floor((float(x) - self.lo) * self.norm)

    def index32(self, x: float) -> float:
        """The float32 index of one float32 value, by the very ufuncs the arrays use (on
        a 1-element array); a float, as it may be infinite far outside the edges."""
        return self.raw32(x)[0] + self.anchor

    def raw32(self, *xs: float) -> list[float]:
        """floor((x - e) * norm), the float32 index before adding the anchor k0, of
        several values in one call on a small array (the ufuncs act elementwise, so each
        element gets exactly the value it would get alone)."""
        v = np.array(xs, dtype=np.float32)
        with np.errstate(all="ignore"):
            _index32(v, v, self)
        return v.tolist()

    def uses_f32(self, dtype: np.dtype) -> bool:
        """True when ``dtype`` data is binned with the float32 arithmetic."""
        return self.f32 is not None and np.dtype(dtype) == np.float32

    def hi_moves(self, dtype: np.dtype) -> bool:
        """True when values equal to hi exist in ``dtype`` and the index arithmetic puts
        them past the last bin, so they must be moved back into it."""
        index = self.hi_index32 if self.uses_f32(dtype) else self.hi_index
        return index >= self.bins and float(np.dtype(dtype).type(self.hi)) == self.hi


class _ScratchPool:
    """Pairs of float64 scratch vectors lent to one chunk at a time, reused across
    chunks and layers (no allocation in the loop; a fresh 2 MB array would also cost
    page faults). As many pairs exist as chunks ever ran at once, whichever threads ran
    them, so a run's memory does not depend on scheduling."""

    def __init__(self) -> None:
        self._free: list[tuple[np.ndarray, np.ndarray]] = []
        self._lock = threading.Lock()

    @contextmanager
    def pair(self, size: int):
        with self._lock:
            bufs = self._free.pop() if self._free else None
        if bufs is None or bufs[0].size < size:
            bufs = (np.empty(size), np.empty(size))
        try:
            yield bufs[0][:size], bufs[1][:size]
        finally:
            with self._lock:
                self._free.append(bufs)


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
        self._scratch = _ScratchPool()

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def __enter__(self) -> LayerSummarizer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def row_blocks(rows: int, cols: int) -> list[tuple[int, int]]:
        """Row ranges [r0, r1) of about CHUNK_ELEMENTS elements each: the unit of work."""
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
        relu: bool = False,
        fingerprint: np.ndarray | None = None,
    ) -> dict:
        """Joint statistics of pre-activations z and activations a (same 2-D shape).

        With ``activate``, each worker first fills its rows of ``a`` with
        ``activate(z_rows, a_rows)``, while those rows are in its cache. Returns
        histograms and moments of both, the saturated count (z inside one of the
        ``saturation`` intervals), per-unit "ever nonzero" flags (dead units) and each
        unit's largest activation (``unit_max``, float64).

        ``relu``: a = max(z, 0) exactly, so a's min and max are max(z's, 0) and a unit
        is alive where some z > 0: z's column maxima give both (one pass less). When,
        besides, a's float32 edges are the upper half of z's grid (``one_grid``), one
        index of z on a's grid gives both histograms (``_shared32``).

        ``fingerprint`` (one weight per sample): also returns its projection
        ``fingerprint @ a`` per unit, summed chunk by chunk in a fixed order with
        einsum (no BLAS in the workers; every column sums in the same order, so equal
        columns get equal projections).
        """
        rows, cols = a.shape
        work = self.forward_work(z, a, z_spec, a_spec, saturation, activate, relu, fingerprint)
        return merge_forward(self._pool.map(work, self.row_blocks(rows, cols)), cols, z_spec, a_spec)

    def forward_work(
        self,
        z: np.ndarray,
        a: np.ndarray,
        z_spec: BinSpec,
        a_spec: BinSpec,
        saturation: tuple[tuple[float, float], ...],
        activate: Callable[[np.ndarray, np.ndarray], None] | None = None,
        relu: bool = False,
        fingerprint: np.ndarray | None = None,
    ) -> Callable[[tuple[int, int]], tuple]:
        """``forward``'s work on one row block ``(r0, r1)`` of ``row_blocks``: its
        contribution, to be merged in block order by ``merge_forward``. Blocks may be
        computed anywhere (a worker, this thread, a helper process on shared memory):
        each block's result depends on its rows only, so the merged statistics are the
        same bit for bit."""
        bounds = _bounds_in(saturation, z.dtype)
        shared = relu and one_grid(z_spec, a_spec)

        def work(span):
            r0, r1 = span
            zc, ac = z[r0:r1], a[r0:r1]
            if activate is not None:
                activate(zc, ac)
            part = self._forward_chunk(zc, ac, z_spec, a_spec, bounds, relu, shared)
            fp = None if fingerprint is None else np.einsum("i,ij->j", fingerprint[r0:r1], ac)
            return (*part, fp)

        return _quiet(work)

    def apply(self, z: np.ndarray, a: np.ndarray, activate: Callable[[np.ndarray, np.ndarray], None]) -> None:
        """a = phi(z) by ``activate(z_rows, a_rows)``, row chunks on the workers."""

        def work(span):
            r0, r1 = span
            activate(z[r0:r1], a[r0:r1])

        for _ in self._pool.map(_quiet(work), self.row_blocks(*z.shape)):
            pass

    def _forward_chunk(self, zc, ac, z_spec: BinSpec, a_spec: BinSpec, bounds, relu: bool, shared: bool):
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
        sat = _saturated(zf, bounds)
        if not all(math.isfinite(v) for v in (zlo, zhi, alo, ahi)):  # rare: a diverging layer
            nonzero = np.any(ac != 0, axis=0)  # NaN counts as output, as in a plain check
            return _slow_part(zf, z_spec), _slow_part(af, a_spec), sat, nonzero, amax
        extremes = (zlo, zhi, alo, ahi)
        z32, a32 = z_spec.uses_f32(zf.dtype), a_spec.uses_f32(af.dtype)
        with self._scratch.pair(zf.size) as (dz, da):
            if z32 and a32:
                parts = None
                if shared:
                    parts = _shared32(zf, af, dz, da, z_spec, a_spec, extremes)
                if parts is None:
                    parts = self._joint32(zf, af, dz, da, z_spec, a_spec, extremes)
                return (*parts, sat, nonzero, amax)
            if not (z32 or a32):
                return (*self._joint(zf, af, dz, da, z_spec, a_spec, extremes, sat, nonzero), amax)
            # Edges only one of the tensors can bin in float32 (extreme ranges): apart.
            zp, ap = _single(zf, dz, da, z_spec, zlo, zhi), _single(af, dz, da, a_spec, alo, ahi)
            return zp, ap, sat, nonzero, amax

    def _joint(self, zf, af, dz, da, z_spec: BinSpec, a_spec: BinSpec, extremes, sat, nonzero):
        """float64 arithmetic (float64 data, or edges float32 cannot hold)."""
        zlo, zhi, alo, ahi = extremes
        zm = _moments_and_index(zf, dz, z_spec, zlo, zhi)
        am = _moments_and_index(af, da, a_spec, alo, ahi)
        (zj0, zj1), (aj0, aj1) = _span(dz, z_spec, zlo, zhi), _span(da, a_spec, alo, ahi)
        zs, as_ = zj1 - zj0 + 1, aj1 - aj0 + 1
        if zs * as_ <= JOINT_LIMIT:
            # One bincount over joint cells (jz - zj0) * as_ + (ja - aj0).
            np.multiply(dz, as_, out=dz)
            np.add(dz, da, out=dz)
            table = np.bincount(_as_int(dz, zj0 * as_ + aj0), minlength=zs * as_).reshape(zs, as_)
            zcounts, acounts = table.sum(axis=1), table.sum(axis=0)
        else:
            zcounts = np.bincount(_as_int(dz, zj0), minlength=zs)
            acounts = np.bincount(_as_int(da, aj0), minlength=as_)
        zcodes = _fold(zcounts, zj0, z_spec.bins)
        acodes = _fold(acounts, aj0, a_spec.bins)
        _move_hi(zcodes, zf, z_spec, zhi)
        _move_hi(acodes, af, a_spec, ahi)
        return _Part(zm, zcodes), _Part(am, acodes), sat, nonzero

    def _joint32(self, zf, af, dz, da, z_spec: BinSpec, a_spec: BinSpec, extremes):
        """float32 arithmetic for float32 data. The float64 pair is carved up: dz holds
        both float32 index vectors, da first the moments' float32 deviations, then the
        int64 cell numbers."""
        zlo, zhi, alo, ahi = extremes
        n = zf.size
        halves = dz.view(np.float32)
        iz, ia = halves[:n], halves[n:]
        cells = da.view(np.int64)
        zm = _moments32(zf, da, z_spec.lo, zlo, zhi)
        am = _moments32(af, da, a_spec.lo, alo, ahi)
        _index32(zf, iz, z_spec)
        _index32(af, ia, a_spec)
        (zj0, zj1), (aj0, aj1) = _span32(iz, z_spec, zlo, zhi), _span32(ia, a_spec, alo, ahi)
        zs, as_ = zj1 - zj0 + 1, aj1 - aj0 + 1
        if zs * as_ <= JOINT_LIMIT:
            # Joint cells (jz - zj0) * as_ + (ja - aj0): every term an integer < 2**24,
            # so exact in float32.
            if zj0:
                np.subtract(iz, np.float32(zj0), out=iz)
            if as_ > 1:
                np.multiply(iz, np.float32(as_), out=iz)
            if aj0:
                np.subtract(ia, np.float32(aj0), out=ia)
            np.add(iz, ia, out=iz)
            np.copyto(cells, iz, casting="unsafe")
            table = np.bincount(cells, minlength=zs * as_).reshape(zs, as_)
            zcounts, acounts = table.sum(axis=1), table.sum(axis=0)
        else:
            zcounts = np.bincount(_as_int32(iz, zj0, cells), minlength=zs)
            acounts = np.bincount(_as_int32(ia, aj0, cells), minlength=as_)
        zcodes = _fold(zcounts, zj0 + z_spec.anchor, z_spec.bins)
        acodes = _fold(acounts, aj0 + a_spec.anchor, a_spec.bins)
        _move_hi(zcodes, zf, z_spec, zhi)
        _move_hi(acodes, af, a_spec, ahi)
        return _Part(zm, zcodes), _Part(am, acodes)

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
            with self._scratch.pair(flat.size) as (d, other):
                return _single(flat, d, other, spec, lo, hi)

        total = Moments()
        codes = np.zeros(spec.bins + 2, dtype=np.int64)
        for part in self._pool.map(_quiet(work), self.row_blocks(rows, cols)):
            total.merge(part.moments)
            codes += part.codes
        return _finish(codes, spec, total)


def _single(flat: np.ndarray, d: np.ndarray, other: np.ndarray, spec: BinSpec, lo: float, hi: float) -> _Part:
    """One finite chunk (min lo, max hi) of one tensor, with the float64 scratch pair."""
    if spec.uses_f32(flat.dtype):
        n = flat.size
        m = _moments32(flat, other, spec.lo, lo, hi)
        j = d.view(np.float32)[:n]
        _index32(flat, j, spec)
        j0, j1 = _span32(j, spec, lo, hi)
        cells = _as_int32(j, j0, other.view(np.int64))
        first = j0 + spec.anchor
    else:
        m = _moments_and_index(flat, d, spec, lo, hi)
        j0, j1 = _span(d, spec, lo, hi)
        cells = _as_int(d, j0)
        first = j0
    codes = _fold(np.bincount(cells, minlength=j1 - j0 + 1), first, spec.bins)
    _move_hi(codes, flat, spec, hi)
    return _Part(m, codes)


def one_grid(z_spec: BinSpec, a_spec: BinSpec) -> bool:
    """True when float32 data on ``a_spec`` are binned on ``z_spec``'s grid halved: both
    anchored at 0 and a's norm exactly twice z's, a from 0. For ReLU (a = max(z, 0))
    each activation bin is then the upper half of a pre-activation bin, so one index,
    floor(z * norm_a), gives both histograms: a's bin is max(index, 0) and z's is
    floor(index / 2) + k0 (``float32(2 n) = 2 float32(n)`` and ``z (2 n) = 2 (z n)``
    in float32, barring overflow and subnormal products, which only subnormal z meet)."""
    if z_spec.f32 is None or a_spec.f32 is None or a_spec.lo != 0.0:
        return False
    (ze, zn), (ae, an) = z_spec.f32, a_spec.f32
    return ze == 0 and ae == 0 and float(an) == 2 * float(zn)


def _shared32(zf, af, dz, da, z_spec: BinSpec, a_spec: BinSpec, extremes):
    """One finite float32 ReLU chunk on one grid (``one_grid``): the fine index
    floor(z * norm_a) of z alone, counted once, gives both histograms. Returns the two
    ``_Part``s, or None when the chunk's index range is too wide (the caller then bins
    z and a apart). ``dz``'s float32 view holds the index, ``da``'s int64 view the
    bincount's input; the moments come first, as they may use ``da``."""
    zlo, zhi, alo, ahi = extremes
    j0, j1 = a_spec.raw32(zlo, zhi)
    if not (j1 - j0 + 1 <= MAX_SPAN):  # also catches infinite indices
        return None
    j0, span = int(j0), int(j1 - j0 + 1)
    n = zf.size
    zm = _moments32(zf, da, z_spec.lo, zlo, zhi)
    am = _moments32(af, da, a_spec.lo, alo, ahi)
    fine = dz.view(np.float32)[:n]
    _index32(zf, fine, a_spec)
    cells = da.view(np.int64)
    if span <= PAIR_SPAN and max(abs(j0), abs(j0 + span - 1)) * (span + 1) < 1 << 24:
        counts = _paired_counts(fine, j0, span, cells)
    else:
        counts = np.bincount(_as_int32(fine, j0, cells), minlength=span)
    # z's bin: floor(index / 2) + k0, two fine cells each (from an even start).
    lead = j0 % 2
    pairs = np.zeros(lead + span + (lead + span) % 2, dtype=np.int64)
    pairs[lead : lead + span] = counts
    zcodes = _fold(pairs.reshape(-1, 2).sum(axis=1), (j0 - lead) // 2 + z_spec.anchor, z_spec.bins)
    # a's bin: max(index, 0); every z <= 0 is an a = 0, in a's first bin.
    if j0 < 0:
        k = min(1 - j0, span)
        counts = np.concatenate(([counts[:k].sum()], counts[k:]))
    acodes = _fold(counts, max(j0, 0), a_spec.bins)
    _move_hi(zcodes, zf, z_spec, zhi)
    _move_hi(acodes, af, a_spec, ahi)
    return _Part(zm, zcodes), _Part(am, acodes)


def _paired_counts(j: np.ndarray, j0: int, span: int, cells: np.ndarray) -> np.ndarray:
    """How often each integer j0 .. j0 + span - 1 occurs in the float32 vector ``j``
    (which this overwrites), from a bincount over half as many cells: the first half's
    values pair with the second half's, cell (j' - j0) * span + (j'' - j0), and the
    table's two margins add up to the counts. Every term is an integer below 2**24
    (the caller checks), so exact in float32. ``cells``: int64 scratch."""
    n = j.size
    half = n // 2
    first = j[:half]
    np.multiply(first, np.float32(span), out=first)
    np.add(first, j[half : 2 * half], out=first)
    offset = j0 * (span + 1)
    if offset:
        np.subtract(first, np.float32(offset), out=first)
    out = cells[:half]
    np.copyto(out, first, casting="unsafe")
    table = np.bincount(out, minlength=span * span).reshape(span, span)
    counts = table.sum(axis=0) + table.sum(axis=1)
    if n % 2:
        counts[int(j[n - 1]) - j0] += 1
    return counts


def merge_forward(parts, cols: int, z_spec: BinSpec, a_spec: BinSpec) -> dict:
    """The row blocks' contributions (``LayerSummarizer.forward_work``) merged, in block order."""
    zm, am = Moments(), Moments()
    z_codes = np.zeros(z_spec.bins + 2, dtype=np.int64)
    a_codes = np.zeros(a_spec.bins + 2, dtype=np.int64)
    sat = 0
    nonzero = np.zeros(cols, dtype=bool)
    unit_max = np.full(cols, -np.inf)
    projection = np.zeros(cols, dtype=np.float64)
    for zp, ap, s, nz, mx, fp in parts:
        if fp is not None:
            projection += fp
        zm.merge(zp.moments)
        am.merge(ap.moments)
        z_codes += zp.codes
        a_codes += ap.codes
        sat += s
        nonzero |= nz
        np.maximum(unit_max, mx, out=unit_max)
    return {
        "z": _finish(z_codes, z_spec, zm),
        "a": _finish(a_codes, a_spec, am),
        "saturated": sat,
        "nonzero_units": nonzero,
        "unit_max": unit_max,
        "fingerprint": projection,
    }


def _quiet(fn):
    """Run ``fn`` with NumPy's floating-point warnings off (errstate is per thread)."""

    def run(span):
        with np.errstate(all="ignore"):
            return fn(span)

    return run


def _moments_and_index(flat: np.ndarray, v: np.ndarray, spec: BinSpec, lo: float, hi: float) -> Moments:
    """Moments of the finite chunk ``flat`` (min lo, max hi); leaves
    floor((x - lo) * norm) in the float64 scratch ``v``."""
    n = flat.size
    # dtype: a float32 chunk is widened inside the ufunc (cheaper than a separate
    # copy; without it NumPy would compute in float32, as a Python float does not
    # raise the precision). x - 0 is x, so lo = 0 needs no subtraction.
    if spec.lo == 0.0:
        np.multiply(flat, spec.norm, out=v, dtype=np.float64)
    else:
        np.subtract(flat, spec.lo, out=v, dtype=np.float64)
        np.multiply(v, spec.norm, out=v)
    mean, m2 = _mean_m2(v)
    np.floor(v, out=v)
    scale = 1.0 / spec.norm  # back from bin units to x units
    return Moments(count=n, mean=mean * scale, m2=m2 * scale * scale, min=lo, max=hi)


def _dot(v: np.ndarray, w: np.ndarray) -> float:
    """sum(v * w) as BLAS dot products of DOT_PIECE elements: a stacked
    (k, 1, DOT_PIECE) @ (k, DOT_PIECE, 1) matmul is one call for k of them."""
    k = v.size // DOT_PIECE
    head = k * DOT_PIECE
    total = 0.0
    if k:
        pieces = np.matmul(v[:head].reshape(k, 1, DOT_PIECE), w[:head].reshape(k, DOT_PIECE, 1))
        total = float(pieces.sum(dtype=np.float64))
    if head < v.size:
        total += float(np.dot(v[head:], w[head:]))
    return total


def _span(d: np.ndarray, spec: BinSpec, lo: float, hi: float) -> tuple[int, int]:
    """The range [j0, j1] of indices in ``d`` (from the chunk's min and max, since the
    index is monotone in x); clamps ``d`` first when that range is huge."""
    j0, j1 = spec.index(lo), spec.index(hi)
    if j1 - j0 + 1 > MAX_SPAN:
        np.maximum(d, -1.0, out=d)
        np.minimum(d, float(spec.bins), out=d)
        j0, j1 = min(max(j0, -1), spec.bins), max(min(j1, spec.bins), -1)
    return j0, j1


def _as_int(d: np.ndarray, offset: int) -> np.ndarray:
    """The integers d - offset (>= 0, < 2**52, held exactly in float64 ``d``) as int64,
    in d's own memory: add 2**52, then drop the exponent bits."""
    np.add(d, _MAGIC - offset, out=d)
    bits = d.view(np.int64)
    np.subtract(bits, _MAGIC_BITS, out=bits)
    return bits


def _index32(flat: np.ndarray, out: np.ndarray, spec: BinSpec) -> None:
    """out = floor((x - e) * norm) in float32 arithmetic (e, norm: ``spec.f32``): the
    index less the anchor k0. x - 0 is x, so an anchor at 0 needs no subtraction."""
    e, norm = spec.f32
    if e == 0:
        np.multiply(flat, norm, out=out)
    else:
        np.subtract(flat, e, out=out)
        np.multiply(out, norm, out=out)
    np.floor(out, out=out)


def _span32(j: np.ndarray, spec: BinSpec, lo: float, hi: float) -> tuple[int, int]:
    """``_span`` for float32 indices ``j`` (less the anchor, as ``_index32`` leaves them):
    the chunk's extremes are indexed by the same float32 ufuncs (``BinSpec.raw32``), so
    they bound ``j`` exactly. An index may be infinite (float32 overflow far outside
    the edges): that range is clamped too. Returns the range less the anchor."""
    j0, j1 = spec.raw32(lo, hi)
    if not (j1 - j0 + 1 <= MAX_SPAN):  # also true for infinities (and their NaN difference)
        below, above = np.float32(-1 - spec.anchor), np.float32(spec.bins - spec.anchor)
        np.maximum(j, below, out=j)
        np.minimum(j, above, out=j)
        j0, j1 = min(max(j0, below), above), max(min(j1, above), below)
    return int(j0), int(j1)


def _as_int32(j: np.ndarray, offset: int, out: np.ndarray) -> np.ndarray:
    """The integers j - offset (>= 0, < MAX_SPAN; the float32 subtraction of two
    integers is exact when its result is that small) as int64 in ``out``."""
    if offset:
        np.subtract(j, np.float32(offset), out=j)
    np.copyto(out, j, casting="unsafe")
    return out


def _moments32(flat: np.ndarray, scratch: np.ndarray, origin: float, lo: float, hi: float) -> Moments:
    """Moments of the finite float32 chunk ``flat`` (min lo, max hi) from float32 sums
    about a centre c: sum(x - c) and sum((x - c)^2) as short dot products (``_sums32``).
    c is 0 when the chunk straddles 0 (no subtraction pass: ReLU outputs, zero-mean
    pre-activations), else the float32 midpoint of lo and hi, x - c going to the float32
    scratch ``d`` (carved from the float64 ``scratch``). When the values sit far from c
    compared with their spread (M2 = sum((x-c)^2) - sum(x-c)^2 / n would cancel), the
    sums are redone about their mean. Squares that float32 would overflow or flush
    towards zero (|x - c| beyond 1e15 or all below 1e-15) are summed in float64
    instead. ``mean`` is returned relative to ``origin``."""
    n = flat.size
    c = np.float32(0.0) if lo <= 0.0 <= hi else np.float32((lo + hi) / 2)
    reach = max(hi - float(c), float(c) - lo)
    if reach != 0.0 and not (1e-15 < reach and reach * reach * n < 1e37):
        return _moments64(flat, scratch, origin, lo, hi)
    d = scratch.view(np.float32)[:n]
    for _ in range(2):
        if c == 0:
            s1, s2 = _sums32(flat)
        else:
            np.subtract(flat, c, out=d)
            s1, s2 = _sums32(d)
        m2 = s2 - s1 * s1 / n
        if s2 <= CANCELLATION32 * max(m2, 0.0):
            break
        c = np.float32(float(c) + s1 / n)
    return Moments(count=n, mean=(float(c) - origin) + s1 / n, m2=max(m2, 0.0), min=lo, max=hi)


def _moments64(flat: np.ndarray, v: np.ndarray, origin: float, lo: float, hi: float) -> Moments:
    """Moments of a finite chunk in float64, about ``origin`` (x units), recomputed
    about the chunk mean when M2 would cancel; ``v``: float64 scratch."""
    n = flat.size
    np.subtract(flat, origin, out=v, dtype=np.float64)
    mean, m2 = _mean_m2(v)
    return Moments(count=n, mean=mean, m2=m2, min=lo, max=hi)


def _mean_m2(v: np.ndarray) -> tuple[float, float]:
    """Mean and M2 (sum of squared deviations) of the float64 vector ``v``.

    M2 = sum(v^2) - n mean^2, redone about the mean when that subtraction would cancel
    (the values sit far from 0 compared with their spread), a piece at a time: no
    chunk-sized temporary, and ``v`` stays intact for the bin index.
    """
    n = v.size
    mean = float(v.sum()) / n  # pairwise summation
    sumsq = _dot(v, v)
    m2 = sumsq - n * mean * mean
    if sumsq > CANCELLATION * max(m2, 0.0):
        m2 = 0.0
        for i in range(0, n, DOT_PIECE):
            c = v[i : i + DOT_PIECE] - mean
            m2 += float(np.dot(c, c))
    return mean, m2


def _sums32(v: np.ndarray) -> tuple[float, float]:
    """(sum(v), sum(v^2)) of a float32 vector, as BLAS dot products of DOT_PIECE
    elements (with ones, and with itself), the pieces added in float64. Faster than
    NumPy's pairwise float32 sum, and measured as accurate (~1e-8 relative)."""
    k = v.size // DOT_PIECE
    head = k * DOT_PIECE
    s1 = s2 = 0.0
    if k:
        rows = v[:head].reshape(k, 1, DOT_PIECE)
        s1 = float(np.matmul(rows, _ONES32.reshape(DOT_PIECE, 1)).sum(dtype=np.float64))
        s2 = float(np.matmul(rows, v[:head].reshape(k, DOT_PIECE, 1)).sum(dtype=np.float64))
    if head < v.size:
        tail = v[head:]
        s1 += float(np.dot(tail, _ONES32[: tail.size]))
        s2 += float(np.dot(tail, tail))
    return s1, s2


def _fold(counts: np.ndarray, j0: int, bins: int) -> np.ndarray:
    """Counts over indices j0, j0+1, ... -> codes: 0 underflow, 1..bins, bins+1 overflow.
    Slices, not a scatter: this runs per chunk, where small NumPy calls add up."""
    n = counts.size
    k0 = min(max(-j0, 0), n)  # counts[:k0] have j < 0
    k1 = min(max(bins - j0, 0), n)  # counts[k1:] have j >= bins
    codes = np.zeros(bins + 2, dtype=np.int64)
    codes[0] = counts[:k0].sum()
    codes[bins + 1] = counts[k1:].sum()
    if k1 > k0:
        codes[1 + j0 + k0 : 1 + j0 + k1] = counts[k0:k1]
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
        if spec.uses_f32(flat.dtype):  # the same float32 index as the fast path
            j = np.empty(finite.size, dtype=np.float32)
            _index32(finite.astype(np.float32), j, spec)
            j = j.astype(np.float64) + spec.anchor
        else:
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
