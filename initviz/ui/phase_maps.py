"""Phase maps computed off the GUI thread and cached per activation; a point's exact values.

A map (``engine.phase_grid`` on MAP_SIZE x MAP_SIZE points, and the critical point
without biases) takes from a quarter of a second to a second, most of it in NumPy, so one
worker thread computes it while the window stays live; the result comes back as a queued
signal. Each activation's map is computed once per session: the map does not depend on
the depth, the width or the seed (the depth only moves the 6 xi_c contour, drawn from
the same arrays).
"""

from __future__ import annotations

import math
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from ..engine.phase import NoCriticalPoint, PhasePoint, critical_sigma_w2, phase_point
from ..engine.phase_grid import PhaseGrid, phase_grid

#: Points per axis of the window's map (on the default axes, steps of 0.02 and 0.0025:
#: Xavier's 1, He's 2 and tanh's 1.76 at 0.05 are grid points), and its axes (tanh's
#: critical line runs from (1, 0) to (2.84, 0.5), ReLU's critical point is (2, 0)).
MAP_SIZE = 201
SIGMA_W2_RANGE = (0.0, 4.0)
SIGMA_B2_RANGE = (0.0, 0.5)
#: Wider sigma_w2 axes, for an activation critical beyond 4 (sigmoid: 103 at sigma_b2 = 0):
#: the first that reaches 1.3 times its critical point.
WIDER = (5.0, 10.0, 20.0, 50.0, 100.0, 150.0, 200.0, 500.0, 1000.0)


@dataclass(frozen=True)
class PhaseMap:
    """A grid and the critical sigma_w2 at sigma_b2 = 0 (NaN when there is none)."""

    grid: PhaseGrid
    critical_at_zero: float


def compute_map(activation: str, parameter: float) -> PhaseMap:
    """The window's map of ``activation`` (runs on the worker thread): the default axes,
    or a wider sigma_w2 axis that shows a critical point beyond them."""
    try:
        zero = critical_sigma_w2(activation, 0.0, parameter)
    except NoCriticalPoint:
        zero = math.nan
    high = SIGMA_W2_RANGE[1]
    if math.isfinite(zero) and 1.3 * zero > high:
        high = next((w for w in WIDER if w >= 1.3 * zero), WIDER[-1])
    sw = np.linspace(SIGMA_W2_RANGE[0], high, MAP_SIZE)
    sb = np.linspace(*SIGMA_B2_RANGE, MAP_SIZE)
    return PhaseMap(phase_grid(activation, sw, sb, parameter), zero)


@lru_cache(maxsize=64)
def exact_point(activation: str, parameter: float, sigma_w2: float, sigma_b2: float) -> PhasePoint:
    """``engine.phase.phase_point``, once per point: up to 50 ms (a chaotic point's c* takes
    two-dimensional integrals), so the view asks only for the run's point, not the pointer's."""
    return phase_point(activation, sigma_w2, sigma_b2, parameter)


class PhaseMaps(QObject):
    """``get(activation, parameter)``: the cached map, or None while it is being computed
    (``ready`` fires with the key when it is there)."""

    ready = Signal(object)
    _finished = Signal(object, object)  # key, Future: from the worker thread, queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[str, float], PhaseMap] = {}
        self._pending: set[tuple[str, float]] = set()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="initviz-phase")
        self._finished.connect(self._store)
        self.failed: dict[tuple[str, float], str] = {}

    def get(self, activation: str, parameter: float) -> PhaseMap | None:
        key = (activation, float(parameter))
        if key in self._cache:
            return self._cache[key]
        if key not in self._pending and key not in self.failed:
            self._pending.add(key)
            future = self._pool.submit(compute_map, *key)
            future.add_done_callback(lambda f, k=key: self._finished.emit(k, f))
        return None

    @Slot(object, object)
    def _store(self, key, future: Future) -> None:
        self._pending.discard(key)
        try:
            self._cache[key] = future.result()
        except Exception as exc:  # shown by the view; the window stays up
            self.failed[key] = f"{type(exc).__name__}: {exc}".splitlines()[0]
        self.ready.emit(key)

    def shutdown(self) -> None:
        """Drop queued maps; one being computed finishes on its own (within a second)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
