"""Every number explained in place: hovering a bar gives its bin's range, count and share
(checked against the engine's own run), hovering a statistic explains it, the deep view's
plots answer too, and the abbreviations are defined under the side-by-side view."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPointF  # noqa: E402

from initviz.engine import ForwardLayer, SimulationConfig, simulate  # noqa: E402
from initviz.presets import PRESETS_BY_KEY  # noqa: E402

CAP_MS = 120_000


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    yield w
    w.close()


def load(qtbot, window, key):
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.load_preset(PRESETS_BY_KEY[key])
    window._draw()


def bar_position(view, layer: int, b: int, bins: int = 30) -> QPointF:
    """The scene position of the middle of bin ``b`` of 0-based ``layer``, just above the axis."""
    from initviz.ui.book_view import PITCH

    row = view.rows[0]
    x0 = np.asarray(row.bars.opts["x0"])[layer * bins + b]
    x1 = np.asarray(row.bars.opts["x1"])[layer * bins + b]
    return row.plot.getViewBox().mapViewToScene(QPointF(0.5 * (x0 + x1), 1.0)) if PITCH else None


def test_hovering_a_bar_gives_its_range_count_and_share(qtbot, window):
    from initviz.ui.hover import book_text

    load(qtbot, window, "sigmoid_std1")
    view = window.area.book
    config = PRESETS_BY_KEY["sigmoid_std1"].config
    counts = [r.activations.counts for r in simulate(config) if isinstance(r, ForwardLayer)]
    for layer, b in ((0, 0), (1, 5), (4, 29)):
        text = book_text(view, bar_position(view, layer, b))
        lo, hi = b / 30, (b + 1) / 30  # the book's 30 bins over (0, 1)
        assert f"Layer {layer + 1}, bin {b + 1} of 30" in text
        assert f"{lo:.4g} to {hi:.4g}" in text
        count = int(counts[layer][b])
        assert f"{count:,} values" in text
        share = 100 * count / (1000 * 100)
        assert (f"{share:.1f}%" if share < 10 else f"{share:.0f}%") in text


def test_hovering_a_statistic_explains_it(qtbot, window):
    from initviz.ui.hover import book_text, label_rect

    load(qtbot, window, "relu_he")
    view = window.area.book
    label = view.rows[0].numbers[0]
    rect = label_rect(label)
    lines = label.text().splitlines()
    found = {}
    for i, line in enumerate(lines):
        pos = QPointF(rect.center().x(), rect.top() + (i + 0.5) * rect.height() / len(lines))
        found[line.split()[0]] = book_text(view, pos)
    assert "every negative input, so about 50% is normal" in found["sat."]
    assert "under 5% of the activation's largest slope" in found["sat."]
    assert "standard deviation" in found["std"] and "mean-field" in found["pred."]


def test_sigmoid_saturation_names_its_region():
    from initviz.engine import ACTIVATIONS
    from initviz.ui.explain import saturated_text

    # independent: sigma'(z) = s(1 - s) < 0.05 / 4 where |z| > 2 acosh(1 / (2 sqrt(0.0125)))
    bound = 2 * np.arccosh(1 / (2 * np.sqrt(0.05 * 0.25)))
    assert f"|z| > {bound:.3g}" in saturated_text("sigmoid")
    assert "never saturates" in saturated_text("linear")
    assert ACTIVATIONS["tanh"].label in saturated_text("tanh")


def test_the_real_pointer_shows_the_tooltip(qtbot, window):
    from PySide6.QtWidgets import QToolTip

    load(qtbot, window, "sigmoid_std1")
    view = window.area.book
    pos = bar_position(view, 2, 10)
    qtbot.mouseMove(view.viewport(), view.mapFromScene(pos))
    qtbot.waitUntil(lambda: "bin 11 of 30" in QToolTip.text(), timeout=5000)


def test_the_deep_view_answers_on_each_plot(qtbot, window):
    from initviz.ui.hover import deep_text

    config = SimulationConfig(activation="tanh", init="xavier", depth=30, width=60, samples=200, seed=2)
    window.panel.set_config(config)
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.rerun()
    view = window.area.deep
    view.flush()
    assert window.area.current is view
    layers = [r for r in simulate(config) if isinstance(r, ForwardLayer)]
    edges = layers[11].activations.edges
    heat = view.heat.getViewBox().mapViewToScene(QPointF(12, 0.5 * (edges[7] + edges[8])))
    text = deep_text(view, heat)
    assert "Layer 12, bin 8 of" in text and f"{int(layers[11].activations.counts[7]):,} values" in text
    std = view.std_plot.getViewBox().mapViewToScene(QPointF(20, view.std_plot.getViewBox().viewRange()[1][0]))
    assert f"Layer 20: std {layers[19].std:.4g}" in deep_text(view, std)
    frac = view.frac_plot.getViewBox().mapViewToScene(QPointF(5, view.frac_plot.getViewBox().viewRange()[1][0]))
    assert "Layer 5: saturated" in deep_text(view, frac)


def test_the_abbreviations_are_defined_under_the_side_by_side_view(qtbot, window):
    load(qtbot, window, "sigmoid_std1")
    note = window.footnote
    assert note.isVisible()
    for word in ("pred. =", "sat. =", "dead =", "outside ="):
        assert word in note.text()
    window.area.set_view("deep")
    assert not note.isVisible()
