"""Distinct units, fast: candidates by a random projection, then verified column by column.

The definition (``statistics.distinct_units``): two units are the same when their
outputs agree within tol * (|a_i| + peak) for every sample; dead units all count as
one. Comparing every pair of columns costs units^2 * samples; here the live units are
sorted by a random projection of their outputs (summed over the samples with the
statistics), only runs of neighbours whose projections agree within rounding are
candidates, and each run is grouped greedily: each unit left is compared with the first
unit left, which starts a group.
"""

from __future__ import annotations

import math

import numpy as np

#: Rows compared first: most candidates differ there, and a full column gather is costly.
FIRST_ROWS = 64
#: Columns gathered at a time when verifying a run (memory: a few columns' worth).
VERIFY_COLUMNS = 16


def distinct_units(
    a: np.ndarray, fingerprint: np.ndarray, peak: float, alive: np.ndarray, unit_max: np.ndarray | None = None,
    tol: float | None = None,
) -> int:
    """Units whose outputs differ over the batch (1 for constant weights).

    Dead units (``alive`` False: 0 for every sample, known from the statistics) are all
    the same unit. The live ones are sorted by ``fingerprint`` (their projections on one
    random weight per sample); within each run of neighbours whose projections agree
    within rounding, units are grouped greedily, column against column, so two units
    count as one only when every sample's output agrees to float rounding: |a_j - a_i|
    <= tol (|a_i| + peak), tol 1e-6 for float32 and 1e-12 for float64, ``peak`` the
    largest |output|; a caller may pass a wider ``tol``. Every unit counts when the
    projections or ``peak`` are not finite.

    ``unit_max`` (each unit's largest output, from the statistics) skips comparisons
    bound to fail: outputs that agree within tol * (|ref| + peak) everywhere have maxima
    within 2 tol peak (4 tol peak allows for the comparison's own rounding). Deep ReLU
    layers have many nearly silent units whose projections all sit near 0; their
    columns would otherwise be gathered whole, one candidate run after another.
    """
    live = np.flatnonzero(alive)
    distinct = 1 if live.size < a.shape[1] else 0
    if live.size == 0:
        return distinct
    # Candidates are looser than the verification: the float32 projection's own
    # rounding must never split units that verify as equal.
    near = 1e-5 if a.dtype == np.float32 else 1e-12
    if tol is None:
        tol = 1e-6 if a.dtype == np.float32 else 1e-12
    else:  # a caller's wider tolerance (a trained network's accumulated rounding) widens the candidates too
        near = max(near, 100 * tol)
    order = live[np.argsort(fingerprint[live], kind="stable")]
    fp = fingerprint[order]
    scale = float(np.max(np.abs(fp)))
    if not (math.isfinite(scale) and math.isfinite(peak)):
        return a.shape[1]
    close = np.abs(np.diff(fp)) <= near * max(scale, 1e-300)
    distinct += live.size - int(np.count_nonzero(close))  # one per run of close neighbours
    edges = np.diff(np.concatenate(([0], close.astype(np.int8), [0])))
    for s, e in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)):
        distinct += _groups(a, order[s : e + 1], unit_max, tol, peak) - 1
    return distinct


def _groups(a: np.ndarray, members: np.ndarray, unit_max: np.ndarray | None, tol: float, peak: float) -> int:
    """How many distinct units a run of candidates holds: pieces whose maxima are more
    than 4 tol peak apart cannot share a unit; within a piece, greedily, each unit
    left is compared with the first one left, which starts a group."""
    if unit_max is None:
        return _greedy(a, members, None, tol, peak)
    by_max = np.argsort(unit_max[members], kind="stable")
    jumps = np.flatnonzero(np.diff(unit_max[members[by_max]]) > 4 * tol * peak) + 1
    if jumps.size == members.size - 1:  # all apart
        return members.size
    groups = 0
    for piece in np.split(by_max, jumps):
        groups += 1 if piece.size == 1 else _greedy(a, members[np.sort(piece)], unit_max, tol, peak)
    return groups


def _greedy(a: np.ndarray, members: np.ndarray, unit_max: np.ndarray | None, tol: float, peak: float) -> int:
    """Groups among ``members``: the first unit left starts a group of all units left
    that are the same as it, until none is left."""
    groups = 0
    while members.size:
        groups += 1
        first, rest = members[0], members[1:]
        possible = np.arange(rest.size)
        if unit_max is not None:
            possible = np.flatnonzero(np.abs(unit_max[rest] - unit_max[first]) <= 4 * tol * peak)
        if possible.size == 0:
            members = rest
            continue
        same = np.zeros(rest.size, dtype=bool)
        same[possible] = _same(a, first, rest[possible], tol, peak)
        members = rest[~same]
    return groups


def _same(a: np.ndarray, first: int, cols: np.ndarray, tol: float, peak: float) -> np.ndarray:
    """Which units ``cols`` are the same as unit ``first``: on the first rows, then on
    all rows, a few columns at a time."""
    same = np.ones(cols.size, dtype=bool)
    for rows in (slice(0, FIRST_ROWS), slice(None)):
        ref = a[rows, first][:, None]
        bound = tol * (np.abs(ref) + peak)
        left = np.flatnonzero(same)
        for k in range(0, left.size, VERIFY_COLUMNS):
            chunk = left[k : k + VERIFY_COLUMNS]
            same[chunk] = np.all(np.abs(a[rows, cols[chunk]] - ref) <= bound, axis=0)
    return same
