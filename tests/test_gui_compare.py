"""Pinned runs in the real window (offscreen): pin, change a control, every run drawn with
its label; the four-pin limit; the pinned list in the configuration file and the settings;
a preset that compares loads as pins. Waits are capped only so that a hang fails."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import json  # noqa: E402
import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import ForwardLayer, InitSpec, SimulationConfig, simulate  # noqa: E402
from initviz.presets import PRESETS_BY_KEY  # noqa: E402

CAP_MS = 120_000
SMALL = SimulationConfig(activation="relu", init="he", depth=4, width=60, features=60, samples=300, seed=5)


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def engine_counts(config: SimulationConfig) -> np.ndarray:
    return np.array([r.activations.counts for r in simulate(config) if isinstance(r, ForwardLayer)])


def run_to_end(qtbot, w, start) -> None:
    with qtbot.waitSignal(w.run_finished, timeout=CAP_MS):
        start()


def show(qtbot, w, config: SimulationConfig) -> None:
    w.panel.set_config(config)
    run_to_end(qtbot, w, w.rerun)


def test_pin_then_change_a_control_draws_both_runs_with_their_labels(qtbot, window):
    show(qtbot, window, SMALL)
    first = window.runs[0]
    run_to_end(qtbot, window, window.compare.pin)
    assert window.runs == [first]  # pinning the run on screen runs nothing again
    mistake = SMALL.replace(init=InitSpec("variance_scaling", scale=4.0))
    show(qtbot, window, mistake)
    assert [r.config for r in window.runs] == [SMALL, mistake]
    assert window.runs[0] is first  # the pinned run was kept, not run again
    assert [r.title for r in window.runs] == ["A: He normal: √(2/n)", "B: 2/√n"]
    book = window.area.book
    np.testing.assert_array_equal(book.drawn_heights(0), engine_counts(SMALL))
    np.testing.assert_array_equal(book.drawn_heights(1), engine_counts(mistake))
    assert "A: He normal: √(2/n)" in book.rows[0].plot.titleLabel.text
    assert "B: 2/√n" in book.rows[1].plot.titleLabel.text
    chips = [label.text() for label in window.compare.bar.labels]
    assert "A: He normal: √(2/n)" in chips[0] and "B: 2/√n" in chips[1] and "(controls)" in chips[1]
    # each row in its own colour
    colours = [row.bars.opts["brush"].color().name().upper() for row in book.rows[:2]]
    assert colours == [c.upper() for c in window.theme.series[:2]]


def test_pinned_runs_share_the_seed_and_the_deep_and_symmetry_views_show_each_run(qtbot, window):
    show(qtbot, window, SMALL)
    window.compare.pin()
    changed = SMALL.replace(init="xavier", seed=99)  # a new seed redraws the pinned run too
    show(qtbot, window, changed)
    assert [r.config.seed for r in window.runs] == [99, 99]
    window.area.set_view("deep")
    deep = window.area.deep
    deep.flush()
    for run, (measured, _predicted) in zip(window.runs, deep.std_curves):
        np.testing.assert_allclose(measured.getData()[1], np.log10(run.series["activations"].std))  # log axis
    for run, (solid, _dashed) in zip(window.runs, deep.frac_runs.pairs):
        sat = run.series["activations"].saturated  # ReLU: about half, every layer
        assert (sat > 0.3).all()
        np.testing.assert_allclose(solid.getData()[1], np.log10(sat))
    window.area.set_view("symmetry")
    symmetry = window.area.symmetry
    symmetry.refresh()
    assert symmetry.others.maps[0].isVisible()
    for run, item in zip(window.runs, [symmetry.distinct_curve] + symmetry.others.curves):
        np.testing.assert_array_equal(10 ** item.getData()[1], np.maximum(run.distinct_units, 1))
    assert "B " in symmetry.count.text() and "A " in symmetry.count.text()


def test_at_most_four_pins_with_a_clear_message(qtbot, window):
    for depth in (2, 3, 4, 5):
        show(qtbot, window, SMALL.replace(depth=depth))
        assert window.compare.pin()
    show(qtbot, window, SMALL.replace(depth=6))
    assert len(window.runs) == 5
    assert not window.compare.pin()
    assert window.banner.isVisible() and "At most 4 runs can be pinned" in window.banner.text()
    assert len(window.compare.pinned) == 4
    window.compare.unpin(0)
    assert [c.depth for c in window.compare.pinned.configs] == [3, 4, 5]


def test_the_pinned_list_is_saved_and_opened_with_the_configuration(qtbot, window, tmp_path):
    show(qtbot, window, SMALL)
    window.compare.pin()
    current = SMALL.replace(activation="tanh")
    show(qtbot, window, current)
    path = tmp_path / "compare.json"
    window.save_config(str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert SimulationConfig.from_dict(data["pinned"][0]) == SMALL
    window.compare.clear()
    run_to_end(qtbot, window, lambda: window.open_config(str(path)))
    assert window.compare.pinned.configs == (SMALL,)
    assert [r.config for r in window.runs] == [SMALL, current]
    # an old file (no "pinned") still opens; a bad entry is one line and the rest is kept
    old = tmp_path / "old.json"
    old.write_text(json.dumps(SMALL.to_dict()), encoding="utf-8")
    run_to_end(qtbot, window, lambda: window.open_config(str(old)))
    assert len(window.compare.pinned) == 0 and [r.config for r in window.runs] == [SMALL]
    data["pinned"].append({"depth": 0})
    path.write_text(json.dumps(data), encoding="utf-8")
    run_to_end(qtbot, window, lambda: window.open_config(str(path)))
    assert window.compare.pinned.configs == (SMALL,)
    assert "pinned run 2 was ignored: depth" in window.banner.text() and "\n" not in window.banner.text()


def test_the_pinned_list_outlives_the_window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "s"))
    qtbot.addWidget(w)
    w.panel.set_config(SMALL)
    w.compare.pin()
    w.close()
    again = MainWindow(Settings(tmp_path / "s"))
    qtbot.addWidget(again)
    assert again.compare.pinned.configs == (SMALL,)
    again.close()


def test_a_preset_that_compares_loads_as_pins_on_a_range_that_shows_the_doubling(qtbot, window):
    preset = PRESETS_BY_KEY["relu_he_mistake"]
    run_to_end(qtbot, window, lambda: window.load_preset(preset))
    pins = window.compare.pinned.configs
    assert [c.init for c in pins] == [preset.config.init, preset.compare.init]
    # ReLU, sigma_w^2 = 4: the second moment doubles per layer, 2^l; 4 rms of layer 5 is
    # 4 sqrt(32) = 22.6, rounded up to 25 (He: 4 x 1)
    assert 4 * math.sqrt(2**5) == pytest.approx(22.63, abs=0.01)
    assert all(c.hist_range == (0.0, 25.0) for c in pins)
    assert [r.config for r in window.runs] == list(pins)
    for i, config in enumerate(pins):
        np.testing.assert_array_equal(window.area.book.drawn_heights(i), engine_counts(config))
    assert window.area.caption.text()  # still the preset: its caption
    # another preset replaces a preset's pins
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["relu_he"]))
    assert len(window.compare.pinned) == 0 and len(window.runs) == 1


def test_fit_chooses_one_range_from_the_runs(qtbot, window):
    config = SMALL.replace(hist_range=(0.0, 1.0))
    show(qtbot, window, config)
    window.compare.pin()
    show(qtbot, window, config.replace(init=InitSpec("variance_scaling", scale=4.0)))
    stds = [(st.mean, st.std) for run in window.runs for st in run.series["activations"].stats]
    widest = max(math.hypot(m, s) for m, s in stds)
    run_to_end(qtbot, window, window.compare.fit)
    lo, hi = window.runs[0].config.hist_range
    assert lo == 0.0 and 4 * widest <= hi <= 1.25 * 4 * widest
    assert window.runs[1].config.hist_range == (lo, hi)


def test_the_training_view_trains_the_pinned_runs_side_by_side(qtbot, window):
    window.panel.set_config(SMALL)
    window.compare.pin()
    window.panel.set_config(SMALL.replace(init="xavier"))
    view = window.area.training
    runs = view.runs_for(window.panel.config(), None, window.compare.training_runs(window.panel.config()))
    assert [t for t, _ in runs] == ["A: He normal: √(2/n)", "B: Xavier (book): 1/√n"]
    assert [c.init.name for _, c in runs] == ["he", "xavier"]
    assert all(c.depth == SMALL.depth and c.seed == SMALL.seed for _, c in runs)


def test_a_file_with_pins_still_opens_where_only_its_configuration_is_read(tmp_path):
    from initviz.pinned import Pinned, file_data
    from initviz.ui.export import load_config

    path = tmp_path / "c.json"
    path.write_text(json.dumps(file_data(SMALL, Pinned((SMALL.replace(depth=2),)))), encoding="utf-8")
    assert load_config(path) == SMALL  # as main.py --config reads it
