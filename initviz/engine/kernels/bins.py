"""Uniform bins and the index arithmetic of the fast statistics.

The index of a value x is floor((x - lo) * norm), norm = bins / (hi - lo), the last bin
closed on the right (numpy.histogram's uniform bins, as ``statistics.histogram``
defines them). float64 data are indexed exactly so. float32 data (when
float32 can hold the edges) are indexed in float32 from the edge nearest zero, the
anchor (edge number k0, value e): floor((x - e) * norm) + k0, with e and norm rounded
to float32 and each operation rounded to float32. In exact arithmetic that is the same
index; in float32 a value within a rounding or two of an edge may fall on either side
of it, as the value itself is only that accurate. Anchoring at the edge nearest zero
saves a subtraction where e = 0 and puts every range anchored at 0 on one grid
(``one_grid``).

A block's index range comes from indexing its min and max with the very same
arithmetic as its elements (the index is monotone in x), so counts can be taken over
that range and folded into underflow and overflow afterwards (``fold``) instead of
clamping every element.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

#: Index ranges wider than this (values far outside the edges) are clamped instead.
MAX_SPAN = 4096
#: 2**52 as a double, and its bit pattern: (y + 2**52).view(int64) - _MAGIC_BITS == y
#: for integers 0 <= y < 2**52 (the integer sits in the low mantissa bits).
_MAGIC = 4503599627370496.0
_MAGIC_BITS = 0x4330000000000000


@dataclass(frozen=True)
class BinSpec:
    """Uniform edges over [lo, hi] with ``bins`` bins.

    float32 data are indexed from the edge nearest zero, the anchor (edge k0, value e):
    floor((x - e) * norm) + k0. Mathematically that is floor((x - lo) * norm); in float32
    it rounds once less where e = 0 (symmetric ranges with an even number of bins,
    ranges starting at 0), which also saves the subtraction, and it puts every range
    that shares the anchor 0 on one grid: a ReLU output bin over [0, R] is then exactly
    the upper half of a pre-activation bin over [-R, R] (see ``one_grid``).
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
        the array code (Python floats are IEEE doubles; the ufuncs do not fuse); +-2**62
        where that product overflows."""
        v = (float(x) - self.lo) * self.norm
        return math.floor(v) if math.isfinite(v) else (1 << 62 if v > 0 else -(1 << 62))

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
            index32(v, v, self)
        return v.tolist()

    def uses_f32(self, dtype: np.dtype) -> bool:
        """True when ``dtype`` data is binned with the float32 arithmetic."""
        return self.f32 is not None and np.dtype(dtype) == np.float32

    def hi_moves(self, dtype: np.dtype) -> bool:
        """True when values equal to hi exist in ``dtype`` and the index arithmetic puts
        them past the last bin, so they must be moved back into it."""
        index = self.hi_index32 if self.uses_f32(dtype) else self.hi_index
        return index >= self.bins and float(np.dtype(dtype).type(self.hi)) == self.hi


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


def index32(flat: np.ndarray, out: np.ndarray, spec: BinSpec) -> None:
    """out = floor((x - e) * norm) in float32 arithmetic (e, norm: ``spec.f32``): the
    index less the anchor k0. x - 0 is x, so an anchor at 0 needs no subtraction."""
    e, norm = spec.f32
    if e == 0:
        np.multiply(flat, norm, out=out)
    else:
        np.subtract(flat, e, out=out)
        np.multiply(out, norm, out=out)
    np.floor(out, out=out)


def span(d: np.ndarray, spec: BinSpec, lo: float, hi: float) -> tuple[int, int]:
    """The range [j0, j1] of float64 indices in ``d`` (from the block's min and max,
    since the index is monotone in x); clamps ``d`` first when that range is huge or
    lies far outside the edges (``as_int`` and the joint cells need small integers)."""
    j0, j1 = spec.index(lo), spec.index(hi)
    if j1 - j0 + 1 > MAX_SPAN or j0 < -MAX_SPAN or j1 > spec.bins + MAX_SPAN:
        np.maximum(d, -1.0, out=d)
        np.minimum(d, float(spec.bins), out=d)
        j0, j1 = min(max(j0, -1), spec.bins), max(min(j1, spec.bins), -1)
    return j0, j1


def span32(j: np.ndarray, spec: BinSpec, lo: float, hi: float) -> tuple[int, int]:
    """``span`` for float32 indices ``j`` (less the anchor, as ``index32`` leaves them):
    the block's extremes are indexed by the same float32 ufuncs (``BinSpec.raw32``), so
    they bound ``j`` exactly. An index may be infinite (float32 overflow far outside
    the edges): that range is clamped too. Returns the range less the anchor."""
    j0, j1 = spec.raw32(lo, hi)
    if not (j1 - j0 + 1 <= MAX_SPAN):  # also true for infinities (and their NaN difference)
        below, above = np.float32(-1 - spec.anchor), np.float32(spec.bins - spec.anchor)
        np.maximum(j, below, out=j)
        np.minimum(j, above, out=j)
        j0, j1 = min(max(j0, below), above), max(min(j1, above), below)
    return int(j0), int(j1)


def as_int(d: np.ndarray, offset: int) -> np.ndarray:
    """The integers d - offset (>= 0, < 2**52, held exactly in float64 ``d``) as int64,
    in d's own memory: add 2**52, then drop the exponent bits (cheaper than a cast)."""
    np.add(d, _MAGIC - offset, out=d)
    bits = d.view(np.int64)
    np.subtract(bits, _MAGIC_BITS, out=bits)
    return bits


def as_int32(j: np.ndarray, offset: int, out: np.ndarray) -> np.ndarray:
    """The integers j - offset (>= 0, < MAX_SPAN; the float32 subtraction of two
    integers is exact when its result is that small) as int64 in ``out``."""
    if offset:
        np.subtract(j, np.float32(offset), out=j)
    np.copyto(out, j, casting="unsafe")
    return out


def fold(counts: np.ndarray, j0: int, bins: int) -> np.ndarray:
    """Counts over indices j0, j0+1, ... -> codes: 0 underflow, 1..bins, bins+1 overflow.
    Slices, not a scatter: this runs per block, where small NumPy calls add up."""
    n = counts.size
    k0 = min(max(-j0, 0), n)  # counts[:k0] have j < 0
    k1 = min(max(bins - j0, 0), n)  # counts[k1:] have j >= bins
    codes = np.zeros(bins + 2, dtype=np.int64)
    codes[0] = counts[:k0].sum()
    codes[bins + 1] = counts[k1:].sum()
    if k1 > k0:
        codes[1 + j0 + k0 : 1 + j0 + k1] = counts[k0:k1]
    return codes


def move_hi(codes: np.ndarray, flat: np.ndarray, spec: BinSpec, hi: float) -> None:
    """Values exactly at hi belong to the last bin (numpy.histogram's closed last bin);
    ``hi`` is the block's max."""
    if hi >= spec.hi and spec.hi_moves(flat.dtype):
        at_hi = int(np.count_nonzero(flat == spec.hi))
        codes[spec.bins + 1] -= at_hi
        codes[spec.bins] += at_hi
