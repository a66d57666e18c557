"""The phase view, offscreen: a click on the map reruns the histograms at the clicked
(sigma_w2, sigma_b2); a drag reruns only once it pauses. No timed assertions: waits are
capped only so that a hang fails instead of blocking the suite."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import ForwardLayer, simulate  # noqa: E402
from initviz.engine.phase import point_of  # noqa: E402
from initviz.presets import PRESETS_BY_KEY  # noqa: E402
from initviz.ui.phase_view import PAIR_CORRELATION  # noqa: E402

CAP_MS = 120_000


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    yield w
    w.close()


def phase_view_ready(qtbot, w):
    """The phase view of the tanh preset, its map drawn and its run (with input pairs) done."""
    with qtbot.waitSignal(w.run_finished, timeout=CAP_MS):
        w.load_preset(PRESETS_BY_KEY["cs231n_tanh_xavier"])
    with qtbot.waitSignal(w.run_finished, timeout=CAP_MS):  # the view asks for its input pairs
        w.area.set_view("phase")
    view = w.area.phase
    qtbot.waitUntil(lambda: view.canvas.map is not None, timeout=CAP_MS)
    assert w.runs[0].config.correlation == PAIR_CORRELATION
    return view


def click_at(qtbot, view, s, b):
    from PySide6.QtCore import QPointF, Qt

    box = view.canvas.plot.getViewBox()
    pos = view.canvas.mapFromScene(box.mapViewToScene(QPointF(s, b)))
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_a_click_on_the_map_reruns_the_histograms_there(qtbot, window):
    view = phase_view_ready(qtbot, window)
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        click_at(qtbot, view, 3.0, 0.2)  # chaotic for tanh
    config = window.runs[0].config
    s, b = point_of(config)
    assert config.init.name == "variance_scaling" and config.init.mode == "fan_in" and config.init.gain == 1.0
    assert s == pytest.approx(3.0, abs=0.05) and b == pytest.approx(0.2, abs=0.01)  # a pixel's worth
    assert config.correlation == PAIR_CORRELATION and config.depth == 10  # the rest of the run is kept
    assert window.panel.config() == config  # the controls show it
    # the histograms on screen are the engine's for exactly that configuration
    counts = np.array([r.activations.counts for r in simulate(config) if isinstance(r, ForwardLayer)])
    np.testing.assert_allclose(view.deep.image.image, np.log10(1.0 + counts.astype(np.float32)), rtol=1e-6)
    xs, ys = view.canvas.marker.getData()
    assert (xs[0], ys[0]) == pytest.approx((s, b))
    assert "chaotic" in view.hover.text()
    # chaotic: nearby inputs come apart, toward c* = 0.69 (xi_c = 9 layers: 0.91 to 0.82 in 10)
    run = window.runs[0]
    assert run.correlation[-1] < run.correlation[0] - 0.05
    assert abs(run.correlation[-1] - run.predicted_correlation[-1]) < 0.05


def test_the_run_follows_the_map_into_the_ordered_phase(qtbot, window):
    view = phase_view_ready(qtbot, window)
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        click_at(qtbot, view, 0.5, 0.3)
    run = window.runs[0]
    assert point_of(run.config) == pytest.approx((0.5, 0.3), abs=0.02)
    # ordered: the pairs' correlation climbs to 1 (measured and predicted)
    assert run.correlation[0] < 0.97 and run.correlation[-1] > 0.99
    assert abs(run.correlation[-1] - run.predicted_correlation[-1]) < 0.05
    assert "ordered" in view.hover.text()


def test_a_drag_reruns_once_it_pauses(qtbot, window):
    view = phase_view_ready(qtbot, window)
    generation = window.runner.generation
    view._chosen(2.5, 0.1, False)  # as the map reports a drag on its way
    xs, _ = view.canvas.marker.getData()
    assert xs[0] == pytest.approx(2.5)  # the marker follows at once
    assert window.runner.generation == generation and window._debounce.isActive()  # the run waits
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        pass
    assert point_of(window.runs[0].config) == pytest.approx((2.5, 0.1))
    assert not math.isnan(window.runs[0].correlation[0])


def test_the_map_is_the_engines_grid(qtbot, window):
    from initviz.engine.phase_grid import phase_grid
    from initviz.ui.phase_maps import MAP_SIZE, SIGMA_B2_RANGE, SIGMA_W2_RANGE

    view = phase_view_ready(qtbot, window)
    grid = view.canvas.map.grid
    expected = phase_grid("tanh", np.linspace(*SIGMA_W2_RANGE, MAP_SIZE), np.linspace(*SIGMA_B2_RANGE, MAP_SIZE))
    np.testing.assert_array_equal(grid.chi1, expected.chi1)
    assert view.canvas.map.critical_at_zero == pytest.approx(1.0, abs=1e-6)
