"""The per-layer API of the fast statistics: row blocks, the ``Summarizer`` and the merge.

Everything runs on the calling thread, block by block in row order. Parallelism, where
wanted, comes from a separate process taking some of the blocks (``forward_work`` on
shared memory): threads gain little here, as a block is many short NumPy calls and
they spend it handing the GIL back and forth.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .bins import BinSpec, one_grid
from .blocks import forward_block, saturation_bounds, tensor_block
from .moments import Moments

#: Elements per row block: the scratch (two float64 vectors of this size, 4 MB) stays
#: near the cache while the per-call overhead of a block's NumPy calls stays small.
CHUNK_ELEMENTS = 1 << 18


def row_blocks(rows: int, cols: int) -> list[tuple[int, int]]:
    """Row ranges [r0, r1) of about CHUNK_ELEMENTS elements each: the unit of work."""
    step = max(1, CHUNK_ELEMENTS // max(cols, 1))
    return [(r, min(r + step, rows)) for r in range(0, rows, step)]


class Summarizer:
    """A layer's statistics, block by block, with scratch vectors reused across blocks
    and layers (no allocation in the loop; a fresh 2 MB array would also cost page
    faults). One thread at a time."""

    def __init__(self) -> None:
        self._dz = self._da = np.empty(0)

    def _scratch(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        """Two float64 scratch vectors of exactly ``size`` elements (views of larger ones)."""
        if self._dz.size < size:
            self._dz, self._da = np.empty(size), np.empty(size)
        return self._dz[:size], self._da[:size]

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

        With ``activate``, each block first fills its rows of ``a`` with
        ``activate(z_rows, a_rows)``, while those rows are in the cache. Returns
        histograms and moments of both, the saturated count (z inside one of the
        ``saturation`` intervals), per-unit "ever nonzero" flags (dead units), each
        unit's largest activation (``unit_max``) and, with ``fingerprint`` (one weight
        per sample), its projection ``fingerprint @ a`` per unit (``fingerprint``),
        summed block by block in a fixed order with einsum, so equal columns get equal
        projections. ``relu``: a = max(z, 0) exactly (see ``blocks.forward_block``).
        """
        rows, cols = a.shape
        work = self.forward_work(z, a, z_spec, a_spec, saturation, activate, relu, fingerprint)
        return merge_forward([work(s) for s in row_blocks(rows, cols)], cols, z_spec, a_spec)

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
        contribution, to be merged in block order by ``merge_forward``. Each block's
        result depends on its rows only, so blocks computed anywhere (this thread, a
        helper process on shared memory) merge to the same bits."""
        bounds = saturation_bounds(saturation, z.dtype)
        shared = relu and one_grid(z_spec, a_spec)

        def work(span):
            r0, r1 = span
            zc, ac = z[r0:r1], a[r0:r1]
            with np.errstate(all="ignore"):
                if activate is not None:
                    activate(zc, ac)
                part = self._block(zc, ac, z_spec, a_spec, bounds, relu, shared)
                fp = None if fingerprint is None else np.einsum("i,ij->j", fingerprint[r0:r1], ac)
            return (*part, fp)

        return work

    def _block(self, zc, ac, z_spec: BinSpec, a_spec: BinSpec, bounds, relu: bool, shared: bool) -> tuple:
        dz, da = self._scratch(zc.size)
        return forward_block(zc, ac, dz, da, z_spec, a_spec, bounds, relu, shared)

    def tensor(self, x: np.ndarray, spec: BinSpec) -> dict:
        """Counts and moments of one 2-D tensor, block by block."""
        total = Moments()
        codes = np.zeros(spec.bins + 2, dtype=np.int64)
        with np.errstate(all="ignore"):
            for r0, r1 in row_blocks(*x.shape):
                flat = x[r0:r1].reshape(-1)
                part = tensor_block(flat, *self._scratch(flat.size), spec)
                total.merge(part.moments)
                codes += part.codes
        return _finish(codes, spec, total)


def merge_forward(parts, cols: int, z_spec: BinSpec, a_spec: BinSpec) -> dict:
    """The row blocks' contributions (``Summarizer.forward_work``) merged, in block order."""
    zm, am = Moments(), Moments()
    z_codes = np.zeros(z_spec.bins + 2, dtype=np.int64)
    a_codes = np.zeros(a_spec.bins + 2, dtype=np.int64)
    sat = 0
    nonzero = np.zeros(cols, dtype=bool)
    unit_max = np.full(cols, -np.inf)
    projection = np.zeros(cols, dtype=np.float64)
    for zp, ap, s, nz, mx, fp in parts:
        if fp is not None:
            with np.errstate(all="ignore"):  # a diverging layer's projection may be inf - inf
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


def _finish(codes: np.ndarray, spec: BinSpec, m: Moments) -> dict:
    mean, std = m.mean_std()
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
