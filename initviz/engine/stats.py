"""Single-pass, chunked statistics of one layer: histograms, moments, saturation, dead units.

The matrices are walked once in row chunks small enough to stay in the CPU cache, on a
small thread pool (NumPy releases the GIL inside its loops, so both cores bin at once).
Bins follow ``numpy.histogram``'s arithmetic: index = floor((x - lo) * bins / (hi - lo))
in float64, the last bin closed on the right.
"""

from __future__ import annotations

import math
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

#: About 64 K elements a chunk: the float64 scratch buffers then fit in L2.
CHUNK_ELEMENTS = 1 << 16


@dataclass
class Moments:
    """Running sums of one tensor, merged over chunks."""

    count: int = 0
    shifted_sum: float = 0.0
    shifted_sumsq: float = 0.0
    min: float = math.inf
    max: float = -math.inf
    nonfinite: int = 0

    def mean_std(self, shift: float) -> tuple[float, float]:
        """Mean and population std from sums of (x - shift): stable when shift ~ mean."""
        if self.count == 0:
            return math.nan, math.nan
        m = self.shifted_sum / self.count
        var = max(self.shifted_sumsq / self.count - m * m, 0.0)
        return shift + m, math.sqrt(var)


@dataclass(frozen=True)
class BinSpec:
    """Uniform edges over [lo, hi] with ``bins`` bins."""

    lo: float
    hi: float
    bins: int

    @property
    def edges(self) -> np.ndarray:
        return np.linspace(self.lo, self.hi, self.bins + 1)

    @property
    def norm(self) -> float:
        return self.bins / (self.hi - self.lo)


class _Scratch(threading.local):
    """Per-thread scratch buffers, reused across chunks and layers."""

    def get(self, name: str, size: int, dtype) -> np.ndarray:
        key = (name, np.dtype(dtype).str)
        buf = self.__dict__.get(key)
        if buf is None or buf.size < size:
            buf = np.empty(size, dtype=dtype)
            self.__dict__[key] = buf
        return buf[:size]


def _bin_index(x: np.ndarray, spec: BinSpec, out64: np.ndarray) -> np.ndarray:
    """1 + floor((x - lo) * norm), clipped to [0, bins + 1], as float64 in ``out64``.

    0 is underflow, 1..bins the bins, bins + 1 overflow (and values exactly at hi,
    moved back into the last bin by the caller). x must be finite.
    """
    np.subtract(x, spec.lo, out=out64)
    np.multiply(out64, spec.norm, out=out64)
    np.floor(out64, out=out64)
    np.maximum(out64, -1.0, out=out64)
    np.minimum(out64, float(spec.bins), out=out64)
    out64 += 1.0
    return out64


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

    def _chunks(self, rows: int, cols: int) -> list[tuple[int, int]]:
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
        fingerprint: np.ndarray,
    ) -> dict:
        """Joint statistics of pre-activations z and activations a (same shape).

        Returns counts for both, moments for both, the saturated count (z inside one of
        the ``saturation`` intervals), per-unit "ever nonzero" flags and the per-unit
        fingerprint ``fingerprint @ a`` used to count distinct units.
        """
        rows, cols = a.shape
        z_shift = _shift(z)
        a_shift = _shift(a)
        nb = a_spec.bins + 2

        def work(span):
            r0, r1 = span
            zc, ac = z[r0:r1], a[r0:r1]
            n = zc.size
            zm, am = Moments(count=n), Moments(count=n)
            zfin = _moments(zc, z_shift, zm, self._scratch)
            afin = _moments(ac, a_shift, am, self._scratch)
            bz = self._scratch.get("bz", n, np.float64)
            ba = self._scratch.get("ba", n, np.float64)
            ok = zfin and afin
            if not ok:  # rare: a diverging layer; bin only the finite pairs
                keep = np.isfinite(zc) & np.isfinite(ac)
                zc_f, ac_f = zc[keep], ac[keep]
                bz, ba = bz[: zc_f.size], ba[: zc_f.size]
            else:
                zc_f, ac_f = zc.reshape(-1), ac.reshape(-1)
            _bin_index(zc_f, z_spec, bz)
            _bin_index(ac_f, a_spec, ba)
            bz *= nb
            bz += ba
            idx = self._scratch.get("idx", bz.size, np.intp)
            np.copyto(idx, bz, casting="unsafe")
            joint = np.bincount(idx, minlength=nb * nb)
            at_hi_z = int(np.count_nonzero(zc_f == z_spec.hi)) if zm.max >= z_spec.hi else 0
            at_hi_a = int(np.count_nonzero(ac_f == a_spec.hi)) if am.max >= a_spec.hi else 0
            sat = 0
            for lo, hi in saturation:
                sat += int(np.count_nonzero((zc > lo) & (zc < hi)))
            nonzero = (ac.max(axis=0) != 0) | (ac.min(axis=0) != 0)
            fp = fingerprint[r0:r1].astype(np.float64) @ ac.astype(np.float64, copy=False)
            return joint, at_hi_z, at_hi_a, zm, am, sat, nonzero, fp

        joint = np.zeros(nb * nb, dtype=np.int64)
        zm_all, am_all = Moments(), Moments()
        at_hi_z = at_hi_a = sat = 0
        nonzero = np.zeros(cols, dtype=bool)
        fp = np.zeros(cols, dtype=np.float64)
        for j, hz, ha, zm, am, s, nz, f in self._pool.map(_quiet(work), self._chunks(rows, cols)):
            joint += j
            at_hi_z += hz
            at_hi_a += ha
            _merge(zm_all, zm)
            _merge(am_all, am)
            sat += s
            nonzero |= nz
            fp += f
        joint = joint.reshape(nb, nb)
        return {
            "z": _finish(joint.sum(axis=1), at_hi_z, z_spec, zm_all, z_shift),
            "a": _finish(joint.sum(axis=0), at_hi_a, a_spec, am_all, a_shift),
            "saturated": sat,
            "nonzero_units": nonzero,
            "fingerprint": fp,
        }

    # -- any single tensor (gradients) -------------------------------------------------
    def tensor(self, x: np.ndarray, spec: BinSpec) -> dict:
        """Counts and moments of one 2-D tensor."""
        rows, cols = x.shape
        shift = _shift(x)
        nb = spec.bins + 2

        def work(span):
            r0, r1 = span
            c = x[r0:r1]
            m = Moments(count=c.size)
            if _moments(c, shift, m, self._scratch):
                flat = c.reshape(-1)
            else:
                flat = c[np.isfinite(c)]
            b = _bin_index(flat, spec, self._scratch.get("bz", flat.size, np.float64))
            idx = self._scratch.get("idx", b.size, np.intp)
            np.copyto(idx, b, casting="unsafe")
            at_hi = int(np.count_nonzero(flat == spec.hi)) if m.max >= spec.hi else 0
            return np.bincount(idx, minlength=nb), at_hi, m

        counts = np.zeros(nb, dtype=np.int64)
        total, at_hi = Moments(), 0
        for c, h, m in self._pool.map(_quiet(work), self._chunks(rows, cols)):
            counts += c
            at_hi += h
            _merge(total, m)
        return _finish(counts, at_hi, spec, total, shift)


def _shift(x: np.ndarray) -> float:
    """A value near the mean (that of the first row), to centre the running sums."""
    with np.errstate(all="ignore"):
        s = float(np.mean(x[0], dtype=np.float64))
    return s if math.isfinite(s) else 0.0


def _quiet(fn):
    """Run ``fn`` with NumPy's floating-point warnings off (errstate is per thread)."""

    def run(span):
        with np.errstate(all="ignore"):
            return fn(span)

    return run


def _moments(c: np.ndarray, shift: float, m: Moments, scratch: _Scratch) -> bool:
    """Fill ``m`` from chunk ``c``; False when the chunk holds NaN or infinity."""
    lo, hi = float(c.min()), float(c.max())
    if math.isfinite(lo) and math.isfinite(hi):
        d = scratch.get("shift", c.size, c.dtype).reshape(c.shape)
        np.subtract(c, c.dtype.type(shift), out=d)
        flat = d.reshape(-1)
        m.shifted_sum = float(flat.sum(dtype=np.float64))
        m.shifted_sumsq = float(np.dot(flat.astype(np.float64, copy=False), flat))
        m.min, m.max = lo, hi
        return True
    finite = c[np.isfinite(c)]
    m.nonfinite = c.size - finite.size
    m.count = finite.size
    if finite.size:
        d = finite.astype(np.float64) - shift
        m.shifted_sum = float(d.sum())
        m.shifted_sumsq = float(np.dot(d, d))
        m.min, m.max = float(finite.min()), float(finite.max())
    return False


def _merge(into: Moments, part: Moments) -> None:
    into.count += part.count
    into.shifted_sum += part.shifted_sum
    into.shifted_sumsq += part.shifted_sumsq
    into.min = min(into.min, part.min)
    into.max = max(into.max, part.max)
    into.nonfinite += part.nonfinite


def _finish(marginal: np.ndarray, at_hi: int, spec: BinSpec, m: Moments, shift: float) -> dict:
    counts = marginal[1 : spec.bins + 1].copy()
    over = int(marginal[spec.bins + 1]) - at_hi
    counts[-1] += at_hi
    mean, std = m.mean_std(shift)
    return {
        "counts": counts,
        "underflow": int(marginal[0]),
        "overflow": over,
        "mean": mean,
        "std": std,
        "min": m.min if m.count else math.nan,
        "max": m.max if m.count else math.nan,
        "nonfinite": m.nonfinite,
    }
