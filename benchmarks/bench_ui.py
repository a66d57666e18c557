"""UI responsiveness and start-up of the desktop app.

1. Responsiveness: the real main window (offscreen unless a display is set), idle for
   2.5 s after it opened, runs depth 300, width 512, 2000 samples (tanh, Xavier) while
   a 5 ms timer on the GUI thread records how late each of its ticks is, from the
   moment the run is asked for to its last layer on screen. Targets: p99 lateness
   < 16 ms, max < 50 ms.
2. Run ratio: the window's wall time for that run over the engine's alone (a plain loop
   over ``simulate``, same configuration, the mean of one run before and one after the
   window's, as the load of a shared machine drifts). Target <= 1.15.
3. Start-up: ``python main.py --self-test`` against a bare pyqtgraph window that shows
   one plot and quits, both in fresh interpreters, median of --rounds interleaved runs.
   Target <= 1.5.
4. Pinned runs: the same timer and ratio with four pinned runs and the controls' run (five
   runs of that shape, schemes Xavier, He, LeCun normal, orthogonal and Glorot normal) drawn
   in the deep view, against the engine alone on the same five.
5. Training: the same timer while the window trains the book's three-run comparison
   (the ``training_book`` preset: std 0.01, Xavier and He, 2000 iterations each, in the
   engine's process) and draws it live. Targets: p99 lateness < 16 ms, max < 50 ms.

Usage: ``python benchmarks/bench_ui.py [--rounds N] [--depth 300] [--width 512] [--samples 2000]
[--training-only | --pinned-only]``. The last line of output is one JSON object with p99_ms, max_ms,
run_ratio, startup_ratio, pinned_p99_ms, pinned_max_ms, pinned_run_ratio, training_p99_ms and
training_max_ms (--pinned-only: start-up and the pinned case).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

TICK_MS = 5
#: Milliseconds the window is left idle before the run (its engine process starts).
SETTLE_MS = 2500
#: (seconds since the run started, lateness in ms) of every tick, for --trace.
LATE_AT: list[tuple[float, float]] = []

BARE_WINDOW = (
    "import pyqtgraph as pg\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "w = pg.PlotWidget()\n"
    "w.plot([1, 2, 3], [1, 3, 2])\n"
    "w.show()\n"
    "app.processEvents()\n"
    "print('shown')\n"
)


def bench_config(args):
    from initviz.engine import SimulationConfig

    return SimulationConfig(depth=args.depth, width=args.width, samples=args.samples, features=args.width,
                            activation="tanh", init="xavier", seed=1)


def pinned_configs(config) -> list:
    """Four configurations to pin and the controls' one: ``config`` under five schemes."""
    return [config.replace(init=name) for name in ("xavier", "he", "lecun_normal", "orthogonal", "glorot_normal")]


def engine_alone(config) -> float:
    from initviz.engine import simulate

    # As the window's engine process runs it: with the statistics helper where it is allowed.
    t0 = time.perf_counter()
    for c in config if isinstance(config, list) else [config]:
        for _ in simulate(c, helper="auto"):
            pass
    return time.perf_counter() - t0


def in_window(config, pinned: list | None = None) -> tuple[list[float], float]:
    """Lateness of every 5 ms tick (ms) during the run, and the run's wall time (s)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    _app = QApplication.instance() or QApplication([])  # kept alive for the run
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(Settings(folder))
        window.resize(1600, 960)
        window.show()
        window.area.set_view("deep")  # the view a 300-layer run gets
        # Steady state: the window has been open a moment (start-up is measured apart),
        # so the engine's process is up, as it is a second after the app starts.
        settle = QEventLoop()
        QTimer.singleShot(SETTLE_MS, settle.quit)
        settle.exec()
        late: list[float] = []
        last = [0.0]

        def tick():
            now = time.perf_counter()
            late.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
            LATE_AT.append((now - t0, late[-1]))
            last[0] = now

        timer = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=TICK_MS)
        timer.timeout.connect(tick)
        loop = QEventLoop()
        window.run_finished.connect(loop.quit)
        window.panel.set_config(config)
        if pinned:  # as a saved comparison opens: every pinned run is new
            from initviz.pinned import Pinned

            window.compare.set_pinned(Pinned(tuple(pinned)))
        t0 = last[0] = time.perf_counter()
        timer.start()
        window.rerun()
        loop.exec()
        wall = time.perf_counter() - t0
        timer.stop()
        expected = len(pinned) + 1 if pinned else 1
        ok = len(window.runs) == expected and all(r.forward_done == r.depth for r in window.runs)
        window.close()
    if not ok:
        raise SystemExit("bench_ui: the run did not reach the window")
    return late[1:], wall


def in_window_training() -> tuple[list[float], float]:
    """Lateness of every 5 ms tick (ms) while the window trains the book's comparison, and its
    wall time (s), from the preset's loading to the last run's summary on screen."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from initviz.presets import TRAINING_PRESETS_BY_KEY
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    _app = QApplication.instance() or QApplication([])  # kept alive for the run
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(Settings(folder))
        window.resize(1600, 960)
        window.show()
        # Shown before, as the deep view is in the other case: the view's first layout and
        # paint are not the comparison's (it trains the panel's network meanwhile).
        window.area.set_view("training")
        settle = QEventLoop()
        QTimer.singleShot(SETTLE_MS, settle.quit)
        settle.exec()
        late: list[float] = []
        last = [0.0]

        def tick():
            now = time.perf_counter()
            late.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
            LATE_AT.append((now - t0, late[-1]))
            last[0] = now

        timer = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=TICK_MS)
        timer.timeout.connect(tick)
        loop = QEventLoop()
        window.run_finished.connect(loop.quit)
        t0 = last[0] = time.perf_counter()
        timer.start()
        window.load_preset(TRAINING_PRESETS_BY_KEY["training_book"])
        loop.exec()
        wall = time.perf_counter() - t0
        timer.stop()
        runs = window.area.training.runs
        ok = len(runs) == 3 and all(r.done and r.summary.stopped is None for r in runs)
        window.close()
    if not ok:
        raise SystemExit("bench_ui: the training comparison did not reach the window")
    return late[1:], wall


def startup(rounds: int) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as folder:
        env["INITVIZ_SETTINGS_DIR"] = folder
        for _ in range(rounds):
            for cmd, out in (([sys.executable, "-c", BARE_WINDOW], bare),
                             ([sys.executable, str(ROOT / "main.py"), "--self-test"], ours)):
                t0 = time.perf_counter()
                proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
                out.append(time.perf_counter() - t0)
                if proc.returncode != 0:
                    raise SystemExit(f"bench_ui: {cmd[-1]} failed: {proc.stdout}{proc.stderr}")
    return statistics.median(ours), statistics.median(bare)


def pinned_result(config) -> dict:
    """The four-pinned-runs case: lateness while the window runs and draws all five in the deep
    view, and its wall time over the engine's alone on the same five (before and after)."""
    configs = pinned_configs(config)
    before = engine_alone(configs)
    late, wall = in_window(configs[-1], configs[:-1])
    engine = (before + engine_alone(configs)) / 2
    p99, worst = percentile(late, 99), max(late)
    print(f"four pinned runs and the controls' run, depth {config.depth}: window {wall:.2f} s, engine alone "
          f"{engine:.2f} s, ratio {wall / engine:.3f}; GUI timer p99 {p99:.2f} ms, max {worst:.2f} ms")
    return {"pinned_p99_ms": round(p99, 2), "pinned_max_ms": round(worst, 2),
            "pinned_run_ratio": round(wall / engine, 3), "pinned_window_s": round(wall, 2),
            "pinned_engine_s": round(engine, 2), "pinned_ticks": len(late)}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--depth", type=int, default=300)
    p.add_argument("--width", type=int, default=512)
    p.add_argument("--samples", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=5, help="start-up rounds (median)")
    p.add_argument("--startup-only", action="store_true", help="skip the responsiveness run")
    p.add_argument("--training-only", action="store_true", help="only the training comparison's lateness")
    p.add_argument("--pinned-only", action="store_true", help="start-up and the four pinned runs only")
    args = p.parse_args()
    if args.training_only:
        late, wall = in_window_training()
        print(f"training comparison in the window: {wall:.2f} s; GUI timer ({TICK_MS} ms, {len(late)} ticks): "
              f"p99 {percentile(late, 99):.2f} ms, max {max(late):.2f} ms")
        print(json.dumps({"training_p99_ms": round(percentile(late, 99), 2), "training_max_ms": round(max(late), 2),
                          "training_s": round(wall, 2), "ticks": len(late)}))
        return 0
    config = bench_config(args)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    ours, bare = startup(args.rounds)
    print(f"start-up: --self-test {ours:.3f} s, bare pyqtgraph window {bare:.3f} s, ratio {ours / bare:.2f}")
    if args.startup_only:
        print(json.dumps({"startup_ratio": round(ours / bare, 3), "startup_s": round(ours, 3),
                          "bare_startup_s": round(bare, 3)}))
        return 0
    pinned = pinned_result(config)
    if args.pinned_only:
        print(json.dumps({"startup_ratio": round(ours / bare, 3), **pinned, "cpus": os.cpu_count(),
                          "load_avg_after": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}))
        return 0
    # engine alone before and after the window's run: the load of a shared machine drifts
    before = engine_alone(config)
    late, wall = in_window(config)
    engine = (before + engine_alone(config)) / 2
    p99, worst = percentile(late, 99), max(late)
    training_late, training_wall = in_window_training()
    print(f"training comparison in the window: {training_wall:.2f} s; GUI timer p99 "
          f"{percentile(training_late, 99):.2f} ms, max {max(training_late):.2f} ms")
    print(f"run depth {args.depth} width {args.width} samples {args.samples}: window {wall:.2f} s, "
          f"engine alone {engine:.2f} s, ratio {wall / engine:.3f}")
    print(f"GUI timer ({TICK_MS} ms, {len(late)} ticks): median lateness {statistics.median(late):.2f} ms, "
          f"p99 {p99:.2f} ms, max {worst:.2f} ms")
    result = {"p99_ms": round(p99, 2), "max_ms": round(worst, 2), "run_ratio": round(wall / engine, 3),
              "startup_ratio": round(ours / bare, 3), "window_run_s": round(wall, 2), "engine_run_s": round(engine, 2),
              **pinned,
              "startup_s": round(ours, 3), "bare_startup_s": round(bare, 3), "ticks": len(late),
              "training_p99_ms": round(percentile(training_late, 99), 2),
              "training_max_ms": round(max(training_late), 2), "training_s": round(training_wall, 2),
              "cpus": os.cpu_count(), "load_avg_before": load_before,
              "load_avg_after": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
