"""Exports carry their context: the PNG at the chosen scale, a title and a configuration
footer in PNG and SVG, tidy CSV read back with the csv module, file names that say what
is in them. Driven through the real window, offscreen."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import csv  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import BackwardLayer, ForwardLayer, simulate  # noqa: E402
from initviz.presets import PRESET_SEED, PRESETS_BY_KEY  # noqa: E402

CAP_MS = 120_000  # a hang fails, nothing is timed
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.close()


def load(qtbot, window, key):
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.load_preset(PRESETS_BY_KEY[key])


def svg_text(path) -> tuple[str, str]:
    """The SVG's <title> and all its <text> content, glyph runs joined, without spaces
    (a long footer line wraps, and Qt writes each glyph run as its own text)."""
    root = ET.parse(path).getroot()
    title = root.find(f"{SVG}title").text
    text = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    return title, "".join(text.split())


def bare(text: str) -> str:
    return "".join(text.split())


def test_png_is_twice_the_view_with_title_and_footer_rows(qtbot, window, tmp_path):
    from PySide6.QtGui import QImage

    load(qtbot, window, "sigmoid_std1")
    view = window.area.current
    window.export_view("png", str(tmp_path / "bare.png"), scale=1.0, decorated=False)
    bare = QImage(str(tmp_path / "bare.png"))
    assert (bare.width(), bare.height()) == (view.width(), view.height())
    window.export_view("png", str(tmp_path / "x2.png"))  # the default scale: 2x
    image = QImage(str(tmp_path / "x2.png"))
    assert image.width() == 2 * view.width()
    assert image.height() > 2 * view.height() + 2 * 40  # a title row above and a footer below
    window.export_view("png", str(tmp_path / "x3.png"), scale=3.0)
    assert QImage(str(tmp_path / "x3.png")).width() == 3 * view.width()
    # the title row is drawn: the rows above the plot hold text pixels of another colour
    top = image.copy(0, 0, image.width(), 40)
    colours = {top.pixel(x, y) for x in range(0, top.width(), 3) for y in range(0, 40, 2)}
    assert len(colours) > 2


def test_svg_holds_the_title_and_the_configuration_footer(qtbot, window, tmp_path):
    load(qtbot, window, "relu_he")
    window.export_view("svg", str(tmp_path / "v.svg"))
    title, text = svg_text(tmp_path / "v.svg")
    assert title.startswith("ReLU, He") and "activations" in title
    assert bare(title.split(":")[0]) in text  # the title drawn, not only named
    for part in ("He normal", "σ = gain·√(2/fan_in)", "gain = 1", "depth 5", "width 100", f"seed {PRESET_SEED}"):
        assert bare(part) in text, part


def test_a_comparison_gets_one_footer_line_per_run(qtbot, window, tmp_path):
    load(qtbot, window, "relu_he_mistake")
    window.export_view("svg", str(tmp_path / "v.svg"))
    _, text = svg_text(tmp_path / "v.svg")
    assert text.count("depth5") == 2 and text.count(f"seed{PRESET_SEED}") == 2


def test_csv_is_tidy_and_its_counts_are_the_engines(qtbot, window, tmp_path):
    from initviz.ui.export import BIN_FIELDS, LAYER_FIELDS

    preset = PRESETS_BY_KEY["sigmoid_std1"]
    config = preset.config.replace(gradients=True)
    window.load_preset(preset)
    window.panel.gradients.setChecked(True)
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.rerun()
    window.export_csv(str(tmp_path / "n.csv"))
    with open(tmp_path / "n.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == BIN_FIELDS
        rows = list(reader)
    with open(tmp_path / "n_layers.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == LAYER_FIELDS
        layers = list(reader)
    # one row per (pass, quantity, layer, bin): every quantity x 5 layers x 30 bins
    quantities = {(r["pass"], r["quantity"]) for r in rows}
    assert {("forward", "activations"), ("forward", "preactivations"), ("backward", "gradients"),
            ("backward", "weight_gradients")} <= quantities
    assert len(rows) == len(quantities) * 5 * 30 and len(layers) == len(quantities) * 5
    forward = [r for r in simulate(config) if isinstance(r, ForwardLayer)]
    backward = {r.layer: r for r in simulate(config) if isinstance(r, BackwardLayer)}
    for k in range(1, 6):
        act = [r for r in rows if r["quantity"] == "activations" and int(r["layer"]) == k]
        assert [int(r["bin"]) for r in act] == list(range(1, 31))
        np.testing.assert_array_equal([int(r["count"]) for r in act], forward[k - 1].activations.counts)
        np.testing.assert_allclose([float(r["bin_low"]) for r in act], np.linspace(0, 1, 31)[:-1], atol=1e-12)
        np.testing.assert_allclose([float(r["bin_high"]) for r in act], np.linspace(0, 1, 31)[1:], atol=1e-12)
        grad = [int(r["count"]) for r in rows if r["quantity"] == "gradients" and int(r["layer"]) == k]
        np.testing.assert_array_equal(grad, backward[k].gradient.counts)
        stats = next(r for r in layers if r["quantity"] == "activations" and int(r["layer"]) == k)
        # every one of the layer's 1000 x 100 values is in a bin or outside the range
        assert int(stats["values"]) == 1000 * 100
        assert sum(int(r["count"]) for r in act) + int(stats["underflow"]) + int(stats["overflow"]) == 1000 * 100
        shares = [float(r["share"]) for r in act]
        assert sum(shares) == pytest.approx(1 - (int(stats["underflow"]) + int(stats["overflow"])) / 1e5)
        assert float(stats["std"]) == pytest.approx(forward[k - 1].std)
        assert float(stats["saturated"]) == pytest.approx(forward[k - 1].saturated)


def test_default_file_names_say_what_is_in_them(qtbot, window):
    load(qtbot, window, "relu_he")
    assert window._default_name(".png") == f"relu_he_depth5_seed{PRESET_SEED}.png"
    assert window._default_name(".csv") == f"relu_he_depth5_seed{PRESET_SEED}.csv"
    load(qtbot, window, "sigmoid_std0.01")
    assert window._default_name(".svg") == f"sigmoid_std0.01_depth5_seed{PRESET_SEED}.svg"


def test_a_bad_scale_is_a_message_and_no_file(qtbot, window, tmp_path):
    load(qtbot, window, "sigmoid_std1")
    window.export_view("png", str(tmp_path / "huge.png"), scale=1000.0)
    assert window.banner.isVisible() and "pixels" in window.banner.text()
    assert not (tmp_path / "huge.png").exists()


def test_the_png_dialog_keeps_scale_and_width_in_step(qtbot, window):
    from initviz.ui.export import Decoration
    from initviz.ui.export_dialog import PngOptions

    load(qtbot, window, "sigmoid_std1")
    view = window.area.current
    dialog = PngOptions(view, Decoration("t", ["f"]), window)
    qtbot.addWidget(dialog)
    assert dialog.width.value() == 2 * view.width()
    dialog.width.setValue(3 * view.width())
    assert dialog.scale.value() == pytest.approx(3.0)
    assert dialog.chosen_scale() == pytest.approx(3.0)
    assert str(3 * view.width()) in dialog.size_label.text()
