"""Moments of a block, and their merge over blocks (Chan, Golub & LeVeque 1979).

A block's moments are (count, mean, M2 = sum of squared deviations, min, max), taken
of the values themselves, never relative to the histogram's edges: a statistic must not
depend on the range it is drawn over. Its M2 = sum(v^2) - n mean(v)^2 for v = x less a
centre c of the block (0 when it straddles 0, else the midpoint of its min and max),
recomputed about the block's mean when that subtraction would cancel (|mean| >> std). Blocks are merged pairwise
with Chan, Golub & LeVeque (1979)'s update of (count, mean, M2), always in block
order, so the result does not depend on who computed which block.

Precision follows the data. float64 data: float64 sums, ~1e-12 relative. float32 data:
float32 sums about a centre c (short BLAS dot products, the pieces added in float64),
~1e-6 relative to the spread; sums of squares float32 would overflow or flush to zero
(|x - c| beyond ~1e15 or all below ~1e-15) are taken in float64 instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .bins import BinSpec

#: float64 blocks whose deviations reach beyond 1 / EXTREME or stay below EXTREME are
#: scaled by a power of two first: their squares would overflow or flush to zero.
EXTREME = 2.0**-400
#: A block's M2 = sum(v^2) - n mean^2 is recomputed about its mean when sum(v^2)
#: exceeds this multiple of M2 (float64 then keeps ~12 significant digits).
CANCELLATION = 1e4
#: float32 moments: sums about a centre c are redone about the block mean when
#: sum((x - c)^2) exceeds this multiple of M2. float32 dot products err by ~1e-8
#: relative (at worst ~1e-7 per piece), so M2 keeps ~1e-6 or better.
CANCELLATION32 = 16.0
#: Dot products of up to 10,000 elements run on the calling thread in OpenBLAS (its
#: level-1 threading threshold); longer ones would wake its thread pool.
DOT_PIECE = 8192
#: The ones that sum(v) is the dot product with, for float32 blocks.
_ONES32 = np.ones(DOT_PIECE, dtype=np.float32)
_ONES32.flags.writeable = False


@dataclass
class Moments:
    """Count, mean, M2 (sum of squared deviations), min, max and non-finite count of
    finite values; merging follows Chan, Golub & LeVeque 1979.

    The sum of squares of finite float64 values can overflow (|x| near 1e200) or vanish
    (near 1e-200), so M2 is held as ``m2 * 4**exp``: ``exp`` is 0 for ordinary data and
    the exponent of the values' size for extreme ones (``moments64``).
    """

    count: int = 0
    mean: float = 0.0
    m2: float = 0.0
    min: float = math.inf
    max: float = -math.inf
    nonfinite: int = 0
    exp: int = 0

    def merge(self, other: Moments) -> None:
        n = self.count + other.count
        if other.count:
            e = max(self.exp, other.exp) if self.count else other.exp
            # In units of 2**e (exact: powers of two), so that neither delta nor its square overflows.
            delta = math.ldexp(other.mean, -e) - math.ldexp(self.mean, -e)
            self.mean += math.ldexp(delta * other.count / n, e)
            own, theirs = math.ldexp(self.m2, 2 * (self.exp - e)), math.ldexp(other.m2, 2 * (other.exp - e))
            self.m2 = own + (theirs + delta * delta * self.count * other.count / n)
            self.exp = e
            self.min = min(self.min, other.min)
            self.max = max(self.max, other.max)
        self.count = n
        self.nonfinite += other.nonfinite

    def mean_std(self) -> tuple[float, float]:
        """Mean and population std (ddof 0) of the finite values."""
        if self.count == 0:
            return math.nan, math.nan
        return self.mean, math.ldexp(math.sqrt(max(self.m2, 0.0) / self.count), self.exp)


def moments_and_index(flat: np.ndarray, v: np.ndarray, spec: BinSpec, lo: float, hi: float) -> Moments:
    """Moments of the finite block ``flat`` (min lo, max hi, bins ``spec``); leaves the
    float64 index floor((x - lo) * norm) in the float64 scratch ``v``."""
    m = moments64(flat, v, lo, hi)
    # dtype: a float32 block is widened inside the ufunc (cheaper than a separate
    # copy; without it NumPy would compute in float32, as a Python float does not
    # raise the precision). x - 0 is x, so lo = 0 needs no subtraction.
    if spec.lo == 0.0:
        np.multiply(flat, spec.norm, out=v, dtype=np.float64)
    else:
        np.subtract(flat, spec.lo, out=v, dtype=np.float64)
        np.multiply(v, spec.norm, out=v)
    np.floor(v, out=v)
    return m


def moments32(flat: np.ndarray, scratch: np.ndarray, lo: float, hi: float) -> Moments:
    """Moments of the finite float32 block ``flat`` (min lo, max hi) from float32 sums
    about a centre c: sum(x - c) and sum((x - c)^2) as short dot products (``_sums32``).
    c is 0 when the block straddles 0 (no subtraction pass: ReLU outputs, zero-mean
    pre-activations), else the float32 midpoint of lo and hi, x - c going to a float32
    view of the float64 ``scratch``. When the values sit far from c compared with their
    spread (M2 = sum((x-c)^2) - sum(x-c)^2 / n would cancel), the sums are redone about
    their mean. Squares float32 would overflow or flush towards zero are summed in
    float64 instead (``moments64``)."""
    n = flat.size
    c = np.float32(0.0) if lo <= 0.0 <= hi else np.float32((lo + hi) / 2)
    reach = max(hi - float(c), float(c) - lo)
    if reach != 0.0 and not (1e-15 < reach and reach * reach * n < 1e37):
        return moments64(flat, scratch, lo, hi)
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
    return Moments(count=n, mean=float(c) + s1 / n, m2=max(m2, 0.0), min=lo, max=hi)


def moments64(flat: np.ndarray, v: np.ndarray, lo: float, hi: float) -> Moments:
    """Moments of a finite block (min lo, max hi) in float64, about its centre c (0 when
    it straddles 0, else the midpoint of lo and hi), recomputed about the block mean
    when M2 would cancel; ``v``: float64 scratch."""
    n = flat.size
    c = 0.0 if lo <= 0.0 <= hi else lo / 2 + hi / 2
    if c == 0.0:
        np.copyto(v, flat, casting="safe")
    else:
        np.subtract(flat, c, out=v, dtype=np.float64)
    reach = max(hi - c, c - lo)
    exp = 0
    if reach > 0 and not EXTREME < reach < 1 / EXTREME:
        exp = math.frexp(reach)[1]  # v / 2**exp lies within [-1, 1]: its squares are safe
        np.ldexp(v, -exp, out=v)
    mean, m2 = _mean_m2(v)
    return Moments(count=n, mean=c + math.ldexp(mean, exp), m2=m2, min=lo, max=hi, exp=exp)


def _mean_m2(v: np.ndarray) -> tuple[float, float]:
    """Mean and M2 (sum of squared deviations) of the float64 vector ``v``.

    M2 = sum(v^2) - n mean^2, redone about the mean when that subtraction would cancel
    (the values sit far from 0 compared with their spread), a piece at a time: no
    block-sized temporary, and ``v`` stays intact for the bin index.
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


def _sums32(v: np.ndarray) -> tuple[float, float]:
    """(sum(v), sum(v^2)) of a float32 vector, as BLAS dot products of DOT_PIECE
    elements (with ones, and with itself), the pieces added in float64: faster than
    NumPy's pairwise float32 sum, and as accurate here."""
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
