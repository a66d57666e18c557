"""The counting paths: one finite block's histograms (and moments) by the cheapest route.

- ``joint``: float64 arithmetic; z and a share one bincount over joint (z-bin, a-bin)
  cells, whose margins are the two histograms (cell numbers to int64 by the 2**52
  trick, ``bins.as_int``).
- ``joint32``: the same in float32 arithmetic for float32 data; the cell number is
  computed after subtracting the offsets, every term an integer below 2**24 and so
  exact in float32.
- ``shared32``: ReLU on one grid (``bins.one_grid``): one float32 index of z gives
  both histograms, counted in pairs (``paired_counts``).
- ``single``: one tensor alone (gradients; or edges only one of z, a can bin in float32).
- ``slow_part``: a block holding NaN or infinity: its finite values, plainly.

Each returns the block's ``Part``s: moments and counts over codes (0 underflow,
1..bins the bins, bins + 1 overflow). ``dz``, ``da``: the caller's float64 scratch
vectors of the block's size, reused as float32 or int64 views.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .bins import MAX_SPAN, BinSpec, as_int, as_int32, fold, index32, move_hi, span, span32
from .moments import Moments, moments32, moments_and_index

#: Largest joint (z-bin, a-bin) table; beyond it each tensor gets its own bincount.
JOINT_LIMIT = 1 << 16
#: Widest index range counted in pairs (``paired_counts``): a table of PAIR_SPAN**2
#: int64 cells (512 KB) stays in L2, and a bincount over half the elements saves more
#: than pairing costs (two half passes).
PAIR_SPAN = 256


@dataclass
class Part:
    """One block's contribution for one tensor: moments and counts over codes
    (0 underflow, 1..bins the bins, bins + 1 overflow)."""

    moments: Moments
    codes: np.ndarray


def joint(zf, af, dz, da, z_spec: BinSpec, a_spec: BinSpec, extremes) -> tuple[Part, Part]:
    """float64 arithmetic (float64 data, or edges float32 cannot hold)."""
    zlo, zhi, alo, ahi = extremes
    zm = moments_and_index(zf, dz, z_spec, zlo, zhi)
    am = moments_and_index(af, da, a_spec, alo, ahi)
    (zj0, zj1), (aj0, aj1) = span(dz, z_spec, zlo, zhi), span(da, a_spec, alo, ahi)
    zs, as_ = zj1 - zj0 + 1, aj1 - aj0 + 1
    if zs * as_ <= JOINT_LIMIT:
        # One bincount over joint cells (jz - zj0) * as_ + (ja - aj0).
        np.multiply(dz, as_, out=dz)
        np.add(dz, da, out=dz)
        table = np.bincount(as_int(dz, zj0 * as_ + aj0), minlength=zs * as_).reshape(zs, as_)
        zcounts, acounts = table.sum(axis=1), table.sum(axis=0)
    else:
        zcounts = np.bincount(as_int(dz, zj0), minlength=zs)
        acounts = np.bincount(as_int(da, aj0), minlength=as_)
    zcodes = fold(zcounts, zj0, z_spec.bins)
    acodes = fold(acounts, aj0, a_spec.bins)
    move_hi(zcodes, zf, z_spec, zhi)
    move_hi(acodes, af, a_spec, ahi)
    return Part(zm, zcodes), Part(am, acodes)


def joint32(zf, af, dz, da, z_spec: BinSpec, a_spec: BinSpec, extremes) -> tuple[Part, Part]:
    """float32 arithmetic for float32 data. The float64 pair is carved up: dz holds
    both float32 index vectors, da first the moments' float32 deviations, then the
    int64 cell numbers."""
    zlo, zhi, alo, ahi = extremes
    n = zf.size
    halves = dz.view(np.float32)
    iz, ia = halves[:n], halves[n:]
    cells = da.view(np.int64)
    zm = moments32(zf, da, zlo, zhi)
    am = moments32(af, da, alo, ahi)
    index32(zf, iz, z_spec)
    index32(af, ia, a_spec)
    (zj0, zj1), (aj0, aj1) = span32(iz, z_spec, zlo, zhi), span32(ia, a_spec, alo, ahi)
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
        zcounts = np.bincount(as_int32(iz, zj0, cells), minlength=zs)
        acounts = np.bincount(as_int32(ia, aj0, cells), minlength=as_)
    zcodes = fold(zcounts, zj0 + z_spec.anchor, z_spec.bins)
    acodes = fold(acounts, aj0 + a_spec.anchor, a_spec.bins)
    move_hi(zcodes, zf, z_spec, zhi)
    move_hi(acodes, af, a_spec, ahi)
    return Part(zm, zcodes), Part(am, acodes)


def shared32(zf, af, dz, da, z_spec: BinSpec, a_spec: BinSpec, extremes) -> tuple[Part, Part] | None:
    """One finite float32 ReLU block on one grid (``one_grid``): the fine index
    floor(z * norm_a) of z alone, counted once, gives both histograms. Returns the two
    ``Part``s, or None when the block's index range is too wide (the caller then bins
    z and a apart). ``dz``'s float32 view holds the index, ``da``'s int64 view the
    bincount's input; the moments come first, as they may use ``da``."""
    zlo, zhi, alo, ahi = extremes
    j0, j1 = a_spec.raw32(zlo, zhi)
    if not (j1 - j0 + 1 <= MAX_SPAN):  # also catches infinite indices
        return None
    j0, width = int(j0), int(j1 - j0 + 1)
    n = zf.size
    zm = moments32(zf, da, zlo, zhi)
    am = moments32(af, da, alo, ahi)
    fine = dz.view(np.float32)[:n]
    index32(zf, fine, a_spec)
    cells = da.view(np.int64)
    if width <= PAIR_SPAN and max(abs(j0), abs(j0 + width - 1)) * (width + 1) < 1 << 24:
        counts = paired_counts(fine, j0, width, cells)
    else:
        counts = np.bincount(as_int32(fine, j0, cells), minlength=width)
    # z's bin: floor(index / 2) + k0, two fine cells each (from an even start).
    lead = j0 % 2
    pairs = np.zeros(lead + width + (lead + width) % 2, dtype=np.int64)
    pairs[lead : lead + width] = counts
    zcodes = fold(pairs.reshape(-1, 2).sum(axis=1), (j0 - lead) // 2 + z_spec.anchor, z_spec.bins)
    # a's bin: max(index, 0); every z <= 0 is an a = 0, in a's first bin.
    if j0 < 0:
        k = min(1 - j0, width)
        counts = np.concatenate(([counts[:k].sum()], counts[k:]))
    acodes = fold(counts, max(j0, 0), a_spec.bins)
    move_hi(zcodes, zf, z_spec, zhi)
    move_hi(acodes, af, a_spec, ahi)
    return Part(zm, zcodes), Part(am, acodes)


def paired_counts(j: np.ndarray, j0: int, width: int, cells: np.ndarray) -> np.ndarray:
    """How often each integer j0 .. j0 + width - 1 occurs in the float32 vector ``j``
    (which this overwrites), from a bincount over half as many cells: the first half's
    values pair with the second half's, cell (j' - j0) * width + (j'' - j0), and the
    table's two margins add up to the counts. Every term is an integer below 2**24
    (the caller checks), so exact in float32. ``cells``: int64 scratch."""
    n = j.size
    half = n // 2
    first = j[:half]
    np.multiply(first, np.float32(width), out=first)
    np.add(first, j[half : 2 * half], out=first)
    offset = j0 * (width + 1)
    if offset:
        np.subtract(first, np.float32(offset), out=first)
    out = cells[:half]
    np.copyto(out, first, casting="unsafe")
    table = np.bincount(out, minlength=width * width).reshape(width, width)
    counts = table.sum(axis=0) + table.sum(axis=1)
    if n % 2:
        counts[int(j[n - 1]) - j0] += 1
    return counts


def single(flat: np.ndarray, d: np.ndarray, other: np.ndarray, spec: BinSpec, lo: float, hi: float) -> Part:
    """One finite block (min lo, max hi) of one tensor, with the float64 scratch pair."""
    if spec.uses_f32(flat.dtype):
        n = flat.size
        m = moments32(flat, other, lo, hi)
        j = d.view(np.float32)[:n]
        index32(flat, j, spec)
        j0, j1 = span32(j, spec, lo, hi)
        cells = as_int32(j, j0, other.view(np.int64))
        first = j0 + spec.anchor
    else:
        m = moments_and_index(flat, d, spec, lo, hi)
        j0, j1 = span(d, spec, lo, hi)
        cells = as_int(d, j0)
        first = j0
    codes = fold(np.bincount(cells, minlength=j1 - j0 + 1), first, spec.bins)
    move_hi(codes, flat, spec, hi)
    return Part(m, codes)


def slow_part(flat: np.ndarray, spec: BinSpec) -> Part:
    """A block holding NaN or infinity: the finite values only, plainly (float64
    moments; the same index arithmetic as the fast paths)."""
    finite = flat[np.isfinite(flat)].astype(np.float64)
    m = Moments(nonfinite=flat.size - finite.size)
    codes = np.zeros(spec.bins + 2, dtype=np.int64)
    if finite.size:
        m.count = finite.size
        m.mean = float(finite.sum()) / finite.size
        c = finite - m.mean
        m.m2 = float(np.einsum("i,i->", c, c))
        m.min, m.max = float(finite.min()), float(finite.max())
        if spec.uses_f32(flat.dtype):
            j = np.empty(finite.size, dtype=np.float32)
            index32(finite.astype(np.float32), j, spec)
            j = j.astype(np.float64) + spec.anchor
        else:
            j = np.floor((finite - spec.lo) * spec.norm)
        np.maximum(j, -1.0, out=j)
        np.minimum(j, float(spec.bins), out=j)
        codes += np.bincount(j.astype(np.intp) + 1, minlength=spec.bins + 2)
        move_hi(codes, finite.astype(flat.dtype), spec, m.max)
    return Part(m, codes)
