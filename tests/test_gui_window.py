"""The real main window, offscreen: runs reach the screen intact, stale runs never do,
and bad input keeps the previous run on screen. No timed assertions: waits are capped
only so that a hang fails instead of blocking the suite."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import json  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import ForwardLayer, InitSpec, SimulationConfig, simulate  # noqa: E402
from initviz.presets import PRESETS_BY_KEY  # noqa: E402

CAP_MS = 120_000  # a hang fails, nothing is timed


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
    rows = [r.activations.counts for r in simulate(config) if isinstance(r, ForwardLayer)]
    return np.array(rows)


def run_to_end(qtbot, w, start) -> None:
    with qtbot.waitSignal(w.run_finished, timeout=CAP_MS):
        start()


def slow_config() -> SimulationConfig:
    return SimulationConfig(depth=400, width=256, samples=800, activation="tanh", init="xavier")


def test_preset_runs_to_completion_and_the_bars_are_the_engines_counts(qtbot, window):
    preset = PRESETS_BY_KEY["sigmoid_std1"]
    run_to_end(qtbot, window, lambda: window.load_preset(preset))
    assert window.area.current is window.area.book
    drawn = window.area.book.drawn_heights(0)
    np.testing.assert_array_equal(drawn, engine_counts(preset.config))
    assert window.runs[0].summary is not None and window.runs[0].summary.stopped is None
    assert window.progress.value() == window.progress.maximum()


def test_a_large_run_goes_through_the_engine_process_intact(qtbot, window):
    preset = PRESETS_BY_KEY["cs231n_tanh_xavier"]  # 10 layers of 500: a "large" job
    run_to_end(qtbot, window, lambda: window.load_preset(preset))
    if os.name == "posix":
        assert window.runner.in_process and window.runner.engine.ready
    np.testing.assert_array_equal(window.area.book.drawn_heights(0), engine_counts(preset.config))
    # and a small one after it, now that the process is ready
    small = PRESETS_BY_KEY["relu_xavier"]
    run_to_end(qtbot, window, lambda: window.load_preset(small))
    np.testing.assert_array_equal(window.area.book.drawn_heights(0), engine_counts(small.config))
    engine = window.runner.engine
    window.close()
    if engine is not None:
        assert engine.process.poll() is not None  # the child is gone


def test_compare_preset_draws_both_runs(qtbot, window):
    preset = PRESETS_BY_KEY["relu_he_mistake"]
    run_to_end(qtbot, window, lambda: window.load_preset(preset))
    # pinned, on a range fitted to both (tests/test_gui_compare.py)
    fitted = window.runs[0].config.hist_range
    np.testing.assert_array_equal(window.area.book.drawn_heights(0),
                                  engine_counts(preset.config.replace(hist_range=fitted)))
    np.testing.assert_array_equal(window.area.book.drawn_heights(1),
                                  engine_counts(preset.compare.replace(hist_range=fitted)))


def test_deep_view_heat_map_holds_every_layers_counts(qtbot, window):
    config = SimulationConfig(depth=40, width=64, samples=200, activation="relu", init="he", gradients=True)
    window.panel.set_config(config)
    run_to_end(qtbot, window, window.rerun)
    assert window.area.current is window.area.deep
    image = window.area.deep.image_data()
    np.testing.assert_allclose(image, np.log10(1.0 + engine_counts(config)), rtol=1e-6)
    window.area.set_quantity("gradients")
    assert window.runs[0].series["gradients"].filled.all()
    window.area.deep.choose_layer(7)
    assert window.area.deep.selected == 7


def test_a_change_mid_run_cancels_it_and_only_the_new_run_shows(qtbot, window):
    window.panel.set_config(slow_config())
    with qtbot.waitSignal(window.runner.forward_layer, timeout=CAP_MS):
        window.rerun()
    assert window.runner.busy
    old = window.runs[0]
    new = SimulationConfig(depth=6, width=50, samples=300, activation="sigmoid", init="xavier")
    window.panel.set_config(new)
    run_to_end(qtbot, window, window.rerun)
    assert window.runs[0].config == new
    assert window.runs[0].forward_done == new.depth
    np.testing.assert_array_equal(window.area.book.drawn_heights(0), engine_counts(new))
    assert old.forward_done < old.depth  # the old run was cut short


def test_a_storm_of_200_changes_ends_with_the_last_configuration(qtbot, window):
    window.panel.set_config(SimulationConfig(depth=8, width=80, samples=300))
    for i in range(200):
        window.panel.seed.setValue(1000 + i)  # each edit restarts the debounce
        if i % 7 == 0:
            window.rerun()  # and some start real runs that the next ones cancel
    qtbot.waitUntil(
        lambda: not window.runner.busy and bool(window.runs) and window.runs[0].config.seed == 1199
        and window.runs[0].summary is not None and not window._debounce.isActive(),
        timeout=CAP_MS,
    )
    last = window.panel.config()
    assert last.seed == 1199 and window.runs[0].config == last
    np.testing.assert_array_equal(window.area.book.drawn_heights(0), engine_counts(last))


def test_escape_cancels_and_says_so(qtbot, window):
    window.panel.set_config(slow_config())
    with qtbot.waitSignal(window.runner.forward_layer, timeout=CAP_MS):
        window.rerun()
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.cancel()
    assert window.runs[0].summary.stopped == "cancelled"
    assert "ancel" in window.reason.text()


def test_closing_mid_run_stops_the_worker(qtbot, window):
    window.panel.set_config(slow_config())
    with qtbot.waitSignal(window.runner.forward_layer, timeout=CAP_MS):
        window.rerun()
    window.close()
    assert window.runner._thread.isFinished()


def test_bad_control_value_gives_a_message_and_keeps_the_previous_run(qtbot, window):
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["sigmoid_xavier"]))
    before = window.runs
    drawn = window.area.book.drawn_heights(0).copy()
    window.panel.init.setCurrentIndex(window.panel.init.findData("normal"))
    window.panel.params["std"].setText("one half")
    assert window.rerun() is False
    assert window.panel.error.isVisible() and "std" in window.panel.error.text()
    window.panel.activation.setCurrentIndex(window.panel.activation.findData("leaky_relu"))
    window.panel.params["std"].setText("0.1")
    window.panel.alpha.setText("1.5")
    assert window.rerun() is False
    assert "slope" in window.panel.error.text()
    assert window.runs is before
    np.testing.assert_array_equal(window.area.book.drawn_heights(0), drawn)


def test_a_run_refused_for_memory_keeps_the_previous_run(qtbot, window):
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["relu_he"]))
    before = window.runs
    window.panel.set_config(SimulationConfig(samples=10_000_000, width=100_000, depth=3))
    with qtbot.waitSignal(window.runner.refused, timeout=CAP_MS):
        window.rerun()
    assert "memory" in window.reason.text().lower()
    assert window.runs is before


def test_a_bad_loaded_file_gives_a_message_and_keeps_the_previous_run(qtbot, window, tmp_path):
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["relu_he"]))
    before = window.runs
    drawn = window.area.book.drawn_heights(0).copy()
    for name, text in (("junk.json", "{not json"), ("foreign.json", json.dumps({"colour": "red"})),
                       ("bad.json", json.dumps({"depth": -3})), ("list.json", "[1, 2]")):
        path = tmp_path / name
        path.write_text(text)
        assert window.open_config(str(path)) is False
        assert window.banner.isVisible() and window.banner.text()
    assert window.open_config(str(tmp_path / "missing.json")) is False
    assert window.runs is before
    np.testing.assert_array_equal(window.area.book.drawn_heights(0), drawn)


def test_saved_configuration_opens_again(qtbot, window, tmp_path):
    from initviz.ui.export import export_json

    config = SimulationConfig(depth=3, width=20, samples=50, activation="tanh", init="glorot_uniform")
    export_json(config, tmp_path / "c.json")
    run_to_end(qtbot, window, lambda: window.open_config(str(tmp_path / "c.json")))
    assert window.runs[0].config == config


def test_an_engine_exception_shows_as_a_message_and_the_window_stays_usable(qtbot, window, monkeypatch):
    import initviz.ui.worker as worker

    def broken(config, cancel=None):
        raise RuntimeError("engine broke")

    monkeypatch.setattr(worker, "simulate", broken)  # the worker thread's engine
    monkeypatch.setattr(worker, "_start_engine_process", lambda: None)
    with qtbot.waitSignal(window.runner.failed, timeout=CAP_MS):
        window.rerun()
    assert window.banner.isVisible() and "engine broke" in window.banner.text()
    monkeypatch.undo()
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["relu_he"]))
    assert not window.banner.isVisible()


def test_exports_write_files(qtbot, window, tmp_path):
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["sigmoid_std1"]))
    window.export_view("png", str(tmp_path / "v.png"))
    window.export_view("svg", str(tmp_path / "v.svg"))
    window.export_csv(str(tmp_path / "v.csv"))
    assert (tmp_path / "v.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "v.svg").read_text()
    lines = (tmp_path / "v.csv").read_text().splitlines()
    assert lines[0].startswith("run,configuration,pass,quantity,layer,bin") and len(lines) == 1 + 2 * 5 * 30
    assert len((tmp_path / "v_layers.csv").read_text().splitlines()) == 1 + 2 * 5


def test_theme_switch_and_views_do_not_break(qtbot, window):
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["equal_weights"]))
    assert window.area.current is window.area.symmetry
    assert "1 distinct unit" in window.area.symmetry.count.text()
    window.set_theme("dark")
    for key in ("book", "deep", "symmetry", "auto"):
        window.area.set_view(key)
    window.set_theme("light")


def test_what_the_controls_cannot_show_is_kept_from_a_loaded_file(qtbot, window, tmp_path):
    from initviz.ui.export import export_json

    config = SimulationConfig(depth=3, width=[40, 30, 20], samples=60, bias="constant", bias_value=0.5,
                              seed=2**40, activation="tanh", init="xavier")
    export_json(config, tmp_path / "c.json")
    run_to_end(qtbot, window, lambda: window.open_config(str(tmp_path / "c.json")))
    assert window.runs[0].config == config
    assert [int(u) for u in window.runs[0].units] == [40, 30, 20]


def test_a_diverging_run_says_where_it_diverged(qtbot, window):
    config = SimulationConfig(depth=60, width=50, samples=100, activation="relu", init=InitSpec("normal", std=50.0))
    window.panel.set_config(config)
    run_to_end(qtbot, window, window.rerun)
    summary = window.runs[0].summary
    assert summary.stopped == "diverged"
    assert f"layer {summary.diverged_at}" in window.reason.text()


def test_visible_strings_go_through_qt_translation(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    class Shouting(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # Qt override
            return f"<{source}>" if source else source

    translator = Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        w = MainWindow(Settings(tmp_path))
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.run_finished, timeout=CAP_MS):
            w.load_preset(PRESETS_BY_KEY["sigmoid_std1"])
        assert w.windowTitle().startswith("<")  # self.tr
        assert w.area.book.rows[0].titles[0].text() == "<{0}-layer>".replace("{0}", "1")  # module-level tr
        assert w.area.caption.text().startswith("<")  # preset text looked up at run time
        w.close()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_typing_a_formula_reruns_once_it_parses(qtbot, window):
    run_to_end(qtbot, window, lambda: window.load_preset(PRESETS_BY_KEY["sigmoid_std1"]))
    window.panel.params["std"].clear()
    qtbot.keyClicks(window.panel.params["std"], "1/sqrt(")
    assert not window.panel.error.isVisible()  # half-typed: no complaint yet
    qtbot.keyClicks(window.panel.params["std"], "100)")
    qtbot.waitUntil(lambda: bool(window.runs) and window.runs[0].config.init.std == pytest.approx(0.1)
                    and not window.runner.busy and not window._debounce.isActive(), timeout=CAP_MS)
    assert not window.panel.error.isVisible()


def test_relu_presets_cut_the_count_axis_where_the_book_does(qtbot, window):
    preset = PRESETS_BY_KEY["relu_he"]
    run_to_end(qtbot, window, lambda: window.load_preset(preset))
    book = window.area.book
    drawn = book.drawn_heights(0)
    assert drawn.max() > 40_000  # half the outputs are 0: one bar far above the cap
    top = book.rows[0].plot.getViewBox().viewRange()[1][1]
    assert preset.y_max <= top < 1.5 * preset.y_max
    # a configuration typed by hand fits its tallest bar again
    window.panel.set_config(preset.config.replace(seed=1))
    run_to_end(qtbot, window, window.rerun)
    assert window.area.book.rows[0].plot.getViewBox().viewRange()[1][1] > 40_000
