"""The deep view's axes at the extremes, on the real window (offscreen): a log axis reaches
the smallest std measured, a zero fraction sits on the "0" row, a diverged run ends at its
last finite layer with ticks as powers of ten and no SI scale. Expected values come from the
run's own statistics (the engine's), compared with what the plots hold."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import InitSpec, SimulationConfig  # noqa: E402

CAP_MS = 120_000


@pytest.fixture
def deep(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.resize(1600, 960)
    w.show()

    def run(config: SimulationConfig):
        with qtbot.waitSignal(w.run_finished, timeout=CAP_MS):
            w.panel.set_config(config)
            w.rerun()
        w.area.set_view("deep")
        view = w.area.deep
        view.flush()
        return w.runs[0], view

    yield run
    w.close()


def _y_range(plot):
    return plot.getViewBox().viewRange()[1]


def _ticks(plot):
    return dict(plot.getAxis("left")._tickLevels[0])


def test_the_std_axis_reaches_the_smallest_std_measured(deep):
    # ReLU at std 0.01, width 100: the std shrinks by 0.01 * sqrt(50) a layer, to about 1e-45
    run, view = deep(SimulationConfig(depth=40, width=100, activation="relu", init=InitSpec("normal", std=0.01),
                                      dtype="float64", seed=3))
    std = run.series["activations"].std
    smallest = float(std[std > 0].min())
    assert smallest < 1e-40  # below the old 1e-30 floor
    drawn = view.std_curves[0][0].getData()[1]  # log10 of the plotted values (log mode)
    np.testing.assert_allclose(drawn, np.log10(std), rtol=1e-12)
    low, _high = _y_range(view.std_plot)
    assert low <= math.log10(smallest) + 1e-9
    assert math.floor(math.log10(smallest)) in [round(k) for k in _ticks(view.std_plot)]


def test_a_zero_fraction_is_drawn_on_the_zero_row(deep):
    run, view = deep(SimulationConfig(depth=30, width=100, activation="tanh", init=InitSpec("xavier"), seed=1))
    s = run.series["activations"]
    dead, sat = s.dead, s.saturated
    assert (dead == 0).any()
    fractions = np.concatenate([dead, sat])
    lo = math.floor(math.log10(fractions[fractions > 0].min())) if (fractions > 0).any() else -1
    lo = min(lo, -1)
    drawn = view.dead_curve.getData()[1]
    zero_places = drawn[dead == 0]
    assert np.all(zero_places == lo - 1)  # one decade under the lowest, where the axis says "0"
    assert _ticks(view.frac_plot)[float(lo - 1)] == "0"
    assert view.zero_breaks[view.frac_plot].isVisible()
    np.testing.assert_allclose(drawn[dead > 0], np.log10(dead[dead > 0]), rtol=1e-12)
    assert _y_range(view.frac_plot)[0] <= lo - 1


def test_a_diverged_run_ends_at_its_last_finite_layer_with_powers_of_ten(deep):
    # ReLU at std 1, width 100, float32: the std grows by sqrt(50) a layer and overflows
    run, view = deep(SimulationConfig(depth=60, width=100, activation="relu", init=InitSpec("normal", std=1.0),
                                      seed=2))
    std = run.series["activations"].std
    finite = np.flatnonzero(np.isfinite(std) & (std > 0))
    assert finite.size < 60  # it did diverge
    x, y = view.std_curves[0][0].getData()
    drawn = x[np.isfinite(y)]
    assert drawn.max() == finite.max() + 1 and np.all(np.diff(drawn) == 1)
    assert max(_ticks(view.std_plot)) >= math.log10(std[finite].max())
    labels = list(_ticks(view.std_plot).values())
    assert all("e+" not in label and "e-" not in label for label in labels)
    assert any(label.startswith("10") and len(label) > 2 for label in labels)  # 10³⁸, a power of ten
    axis = view.heat.getAxis("left")
    low, high = _y_range(view.heat)
    values = [v for _, level in axis.tickValues(low, high, 400) for v in level]
    strings = axis.tickStrings(values, axis.scale, (high - low) / 4)
    assert axis.scale == 1 and axis.labelUnitPrefix == ""
    assert all("e+" not in s and "e-" not in s for s in strings)
