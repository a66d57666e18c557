"""The phase diagram's grid: ``phase_grid`` on a whole map against a plain per-point loop.

The window's map is 201 x 201 points. ``engine.phase_grid`` computes all of them at once
from tables in q and Mehler's expansion; the reference ``engine.phase.phase_point``
computes one point by direct quadrature (bisection for q*, two-dimensional integrals
for c*). Both run in this process, on the same axes: the grid on the full map, the loop
on every STRIDE-th row and column of it (the full loop would take many minutes), whose
time per point is scaled to the map's size. The ratio is the loop's time per point over
the grid's. The grid's tables (built once per activation and cached) are timed apart.

Run: ``python benchmarks/bench_phase.py [--activations tanh,relu] [--size 201] [--stride 20]``.
``--lateness`` also measures the window's side: the map of each activation computed by the
phase view's worker thread (``ui.phase_maps``, tables included, as on a first visit) while
a 10 ms Qt timer on the GUI thread records how late each of its ticks comes (offscreen).
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from initviz.engine.phase import phase_point  # noqa: E402
from initviz.engine.phase_grid import _tables, phase_grid, tables  # noqa: E402

SIGMA_W2, SIGMA_B2 = (0.0, 4.0), (0.0, 0.5)


def measure(activation: str, size: int, stride: int, rounds: int) -> dict:
    sw, sb = np.linspace(*SIGMA_W2, size), np.linspace(*SIGMA_B2, size)
    _tables.cache_clear()
    t0 = time.perf_counter()
    tables(activation)
    table_s = time.perf_counter() - t0
    grid_s = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        grid = phase_grid(activation, sw, sb)
        grid_s.append(time.perf_counter() - t0)
    rows, cols = sb[::stride], sw[::stride]
    t0 = time.perf_counter()
    worst = 0.0
    for i, b in enumerate(rows):
        for j, s in enumerate(cols):
            p = phase_point(activation, float(s), float(b))
            g = grid.chi1[i * stride, j * stride]
            worst = max(worst, abs(g - p.chi1) / max(p.chi1, 1e-12))
    loop_s = time.perf_counter() - t0
    loop_points = rows.size * cols.size
    per_point_loop = loop_s / loop_points
    per_point_grid = statistics.median(grid_s) / (size * size)
    return {
        "tables_s": round(table_s, 3),
        "grid_s": round(statistics.median(grid_s), 3),
        "loop_points": loop_points,
        "loop_s": round(loop_s, 2),
        "loop_s_full_map": round(per_point_loop * size * size, 1),
        "ratio": round(per_point_loop / per_point_grid, 1),
        "chi1_worst_rel_diff": float(f"{worst:.2e}"),
    }


def lateness(activation: str) -> dict:
    """GUI timer lateness (ms) while the phase view's worker computes ``activation``'s map."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from initviz.ui.phase_maps import PhaseMaps

    app = QApplication.instance() or QApplication([])
    _tables.cache_clear()
    maps = PhaseMaps()
    ticks: list[float] = []
    done = []
    maps.ready.connect(lambda _key: done.append(True))
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    t0 = time.perf_counter()
    maps.get(activation, 0.0)
    timer.start()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - t0
    timer.stop()
    maps.shutdown()
    late = np.diff(ticks) * 1000 - 10
    return {"map_s": round(seconds, 2), "p99_ms": round(float(np.percentile(late, 99)), 1),
            "max_ms": round(float(late.max()), 1), "ticks": int(late.size)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activations", default="tanh,relu")
    parser.add_argument("--size", type=int, default=201)
    parser.add_argument("--stride", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lateness", action="store_true", help="also the GUI timer while the window's map computes")
    args = parser.parse_args()
    print(f"initviz phase grid: {args.size} x {args.size} on sigma_w2 {SIGMA_W2}, sigma_b2 {SIGMA_B2}; "
          f"the loop on every {args.stride}th row and column")
    print(f"machine: {os.cpu_count()} cores, load average before {os.getloadavg()[0]:.2f}")
    print()
    print(f"{'activation':11} {'tables s':>9} {'grid s':>8} {'loop pts':>9} {'loop s':>8} {'loop s/map':>11} "
          f"{'ratio':>8} {'chi1 diff':>10}")
    results = {}
    for name in args.activations.split(","):
        r = measure(name, args.size, args.stride, args.rounds)
        results[name] = r
        print(f"{name:11} {r['tables_s']:9.3f} {r['grid_s']:8.3f} {r['loop_points']:9d} {r['loop_s']:8.2f} "
              f"{r['loop_s_full_map']:11.1f} {r['ratio']:8.1f} {r['chi1_worst_rel_diff']:10.1e}")
    print()
    print(f"load average after {os.getloadavg()[0]:.2f}; ratio = loop time per point / grid time per point")
    window = {}
    if args.lateness:
        print()
        for name in args.activations.split(","):
            window[name] = w = lateness(name)
            print(f"{name:11} the window's map in {w['map_s']:.2f} s on its worker thread; GUI timer lateness "
                  f"p99 {w['p99_ms']:.1f} ms, max {w['max_ms']:.1f} ms over {w['ticks']} ticks")
    print(json.dumps({"size": args.size, "stride": args.stride, "results": results, "window": window}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
