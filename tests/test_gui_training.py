"""The Training view in the real main window, offscreen: the runs on screen are the engine's,
a change retrains, cancel stops at once, the time slider shows a record's layers, and the
numbers export as tidy CSV. No timed assertions: waits are capped only so that a hang fails."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import csv  # noqa: E402
from dataclasses import replace  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import InitSpec, TrainingConfig, TrainingRecord, TrainingStep, train  # noqa: E402
from initviz.presets import TRAINING_PRESETS_BY_KEY  # noqa: E402

CAP_MS = 120_000


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def small_preset(iterations: int = 60):
    """The book's comparison, shortened: the same networks, fewer iterations."""
    book = TRAINING_PRESETS_BY_KEY["training_book"]
    runs = tuple((title, c.replace(iterations=iterations, every=max(1, iterations // 20))) for title, c in
                 book.training)
    return replace(book, key="small", training=runs)


def trained(qtbot, w) -> None:
    view = w.area.training
    qtbot.waitUntil(lambda: bool(view.runs) and all(r.done for r in view.runs) and not w.runner.busy,
                    timeout=CAP_MS)
    view.draw()


def test_the_book_preset_is_the_books_comparison():
    preset = TRAINING_PRESETS_BY_KEY["training_book"]
    assert [title for title, _ in preset.training] == ["std 0.01", "Xavier", "He"]
    assert [c.init for _, c in preset.training] == [InitSpec("normal", std=0.01), InitSpec("xavier"), InitSpec("he")]
    for _, c in preset.training:
        assert (c.activation, c.depth, c.width, c.optimizer, c.lr, c.batch, c.iterations, c.data) == (
            "relu", 4, (100,) * 4, "sgd", 0.01, 128, 2000, "mnist")
        assert c.bias_std == 0 and c.seed == preset.config.seed


def test_a_training_preset_trains_its_runs_and_draws_the_engines_numbers(qtbot, window):
    preset = small_preset()
    window.load_preset(preset)
    assert window.area.current_key == "training"
    trained(qtbot, window)
    view = window.area.training
    assert [r.title for r in view.runs] == ["std 0.01", "Xavier", "He"]
    for i, (run, (_, config)) in enumerate(zip(view.runs, preset.training)):
        results = list(train(config))
        losses = [r.loss for r in results if isinstance(r, TrainingStep)]
        x, y = view.plots.raw[i].getData()
        np.testing.assert_array_equal(y, losses)
        np.testing.assert_array_equal(x, np.arange(1, 61))
        records = [r for r in results if isinstance(r, TrainingRecord)]
        assert [r.iteration for r in run.records] == [r.iteration for r in records]
        _, acc = view.plots.acc_curves[i].getData()
        np.testing.assert_allclose(acc, [100 * r.test_accuracy for r in records])
    # The slider: the chosen run (He) at a recorded iteration, drawn by the book's view.
    he = view.runs[2]
    assert view.slider.maximum() == len(he.records) - 1
    view.slider.setValue(3)
    view.draw()
    drawn = view.book.drawn_heights(0)
    np.testing.assert_array_equal(drawn, [f.activations.counts for f in he.records[3].forward])
    assert view.moment.text().endswith(str(he.records[3].iteration))
    assert "He: " in view.status.text()


def test_a_change_retrains_and_the_same_request_does_not(qtbot, window):
    window.load_preset(small_preset(40))
    trained(qtbot, window)
    view = window.area.training
    first = view.runs
    window.rerun()  # the same runs, trained already: kept
    assert view.runs is first and not window.runner.busy
    view.lr.setText("0.05")
    view.lr.editingFinished.emit()
    qtbot.waitUntil(lambda: view.runs is not first, timeout=CAP_MS)
    trained(qtbot, window)
    assert all(r.config.lr == 0.05 for r in view.runs)


def test_cancel_stops_every_run_at_once(qtbot, window):
    window.load_preset(small_preset(1_000_000))
    view = window.area.training
    qtbot.waitUntil(lambda: bool(view.runs) and view.runs[-1].count > 0, timeout=CAP_MS)
    window.cancel()
    qtbot.waitUntil(lambda: all(r.done for r in view.runs) and not window.runner.busy, timeout=CAP_MS)
    assert [r.summary.stopped for r in view.runs] == ["cancelled"] * 3
    assert all(r.summary.iterations < 1_000_000 for r in view.runs)


def test_constant_weights_draw_one_distinct_unit_per_layer(qtbot, window):
    preset = TRAINING_PRESETS_BY_KEY["training_equal_weights"]
    runs = tuple((t, c.replace(iterations=40, every=10)) for t, c in preset.training)
    window.load_preset(replace(preset, training=runs))
    trained(qtbot, window)
    view = window.area.training
    view.run_choice.setCurrentIndex(0)
    view.draw()
    records = len(view.runs[0].records)
    assert records == 21  # the view records every iterations / 20
    for item in view.distinct.curves:
        np.testing.assert_array_equal(item.yData, np.ones(records))  # yData: before the log axis


def test_numbers_export_as_tidy_csv(qtbot, window, tmp_path):
    window.load_preset(small_preset(30))
    trained(qtbot, window)
    path = tmp_path / "training.csv"
    window.export_csv(str(path))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["run", "init", "iteration", "measure", "layer", "value"]
    view = window.area.training
    for run in view.runs:
        losses = [float(r["value"]) for r in rows if r["run"] == run.title and r["measure"] == "loss"]
        np.testing.assert_allclose(losses, run.losses)
        distinct = [r for r in rows if r["run"] == run.title and r["measure"] == "distinct_units"]
        assert len(distinct) == len(run.records) * 4
    assert {r["measure"] for r in rows} >= {"loss", "loss_smoothed", "test_accuracy", "test_loss", "activation_std",
                                             "gradient_std", "dead"}


def test_a_bad_data_file_keeps_the_data_and_says_why(qtbot, window, tmp_path):
    window.area.set_view("training")
    view = window.area.training
    bad = tmp_path / "bad.npz"
    bad.write_text("not an archive")
    assert not view.choose_data(str(bad))
    assert "not a .npz file" in view.status.text()
    assert view.settings()["data"] == "mnist" and view.data.currentData() == "mnist"
    good = tmp_path / "good.npz"
    rng = np.random.default_rng(0)
    np.savez(good, x=rng.random((50, 6)), y=np.arange(50) % 2)
    assert view.choose_data(str(good))
    assert view.settings()["data"] == str(good)


def test_leaving_the_training_view_simulates_again(qtbot, window):
    window.load_preset(small_preset(20))
    trained(qtbot, window)
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.area.set_view("book")
    assert window.runs and window.runs[0].summary is not None
    assert not window.area.training.settings_box.isVisible()


def test_training_configs_follow_the_panel_outside_a_preset(qtbot, window):
    window.area.set_view("training")
    view = window.area.training
    config = window.panel.config().replace(activation="tanh", init=InitSpec("glorot_normal"), depth=2, width=30)
    runs = view.runs_for(config)
    assert len(runs) == 1
    c = runs[0][1]
    assert isinstance(c, TrainingConfig)
    assert (c.activation, c.init.name, c.depth, c.width, c.seed) == ("tanh", "glorot_normal", 2, (30, 30),
                                                                     config.seed)


def test_without_the_engine_process_the_worker_thread_trains(qtbot, tmp_path, monkeypatch):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    monkeypatch.setenv("INITVIZ_ENGINE", "thread")  # as on Windows: no engine process
    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.show()
    try:
        preset = small_preset(20)
        w.load_preset(preset)
        trained(qtbot, w)
        assert not w.runner.in_process
        view = w.area.training
        for run, (_, config) in zip(view.runs, preset.training):
            expected = [r.loss for r in train(config) if isinstance(r, TrainingStep)]
            np.testing.assert_array_equal(run.losses, expected)
    finally:
        w.close()
