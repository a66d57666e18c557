"""The engine's process heals: killed between runs or during one, it is reaped at once
(no zombie), a new one is started, the window says the run was interrupted without a
traceback, and the next large run goes through the new process intact."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import signal  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import ForwardLayer, SimulationConfig, simulate  # noqa: E402
from initviz.presets import PRESETS_BY_KEY  # noqa: E402

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the engine process exists on POSIX only")
CAP_MS = 120_000  # a hang fails; nothing is timed
LARGE = PRESETS_BY_KEY["cs231n_tanh_xavier"]  # 10 layers of 500: runs in the engine's process


def counts(config: SimulationConfig) -> np.ndarray:
    return np.array([r.activations.counts for r in simulate(config) if isinstance(r, ForwardLayer)])


def run_large(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.load_preset(LARGE)
    assert window.runner.in_process and window.runner.engine.ready
    np.testing.assert_array_equal(window.area.book.drawn_heights(0), counts(LARGE.config))


def reaped(pid: int) -> bool:
    """True when ``pid`` is gone for good: not running, and not a zombie either (a zombie
    keeps its /proc entry until its parent reaps it)."""
    return not os.path.exists(f"/proc/{pid}")


def test_an_engine_killed_between_runs_is_reaped_and_replaced(qtbot, window):
    run_large(qtbot, window)
    old = window.runner.engine
    os.kill(old.process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: window.runner.engine is not old and window.runner.engine is not None, timeout=CAP_MS)
    qtbot.waitUntil(lambda: reaped(old.process.pid), timeout=CAP_MS)
    run_large(qtbot, window)
    assert window.runner.engine.process.pid != old.process.pid


def test_an_engine_killed_mid_run_interrupts_it_with_a_message_and_no_traceback(qtbot, window, capfd):
    run_large(qtbot, window)
    old = window.runner.engine
    slow = SimulationConfig(depth=400, width=512, samples=2000, activation="tanh", init="xavier")
    with qtbot.waitSignal(window.runner.forward_layer, timeout=CAP_MS):
        window.panel.set_config(slow)
        window.rerun()
    os.kill(old.process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=CAP_MS)
    assert window.banner.isVisible() and "interrupted" in window.banner.text()
    assert "Traceback" not in capfd.readouterr().err
    qtbot.waitUntil(lambda: reaped(old.process.pid), timeout=CAP_MS)
    run_large(qtbot, window)
    assert window.runner.engine is not old
