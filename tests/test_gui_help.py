"""Help that helps: Help > Guide (offline; its formulas and sources are the engine's own),
and a first launch that opens on the book's first figure with its caption."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from initviz.engine import ACTIVATIONS, SCHEMES  # noqa: E402
from initviz.presets import PRESETS_BY_KEY  # noqa: E402

CAP_MS = 120_000


def make_window(qtbot, folder):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(folder))
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "settings")
    yield w
    w.close()


def test_f1_opens_the_guide_with_views_statistics_keys_and_formulas(qtbot, window):
    from initviz.ui.guide import GuideDialog

    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for heading in ("The views", "The numbers under each histogram", "Formulas and their sources", "Keys"):
        assert heading in text
    for scheme in SCHEMES.values():  # every scheme's formula, with its source when it has one
        assert scheme.formula in text and scheme.source in text
    assert ACTIVATIONS["relu"].formula in text and "Poole et al. 2016" in text
    assert "√(2/n)" in text and "2/√n" in text  # the note's mistake, named
    # the keys are the window's own: Ctrl+E exports, F1 is this guide
    assert "Export view as PNG" in text and "Ctrl+E" in text and "F1" in text
    # the statistics say what is measured
    assert "under 5% of the activation's largest slope" in text
    dialog.close()


def test_a_first_launch_shows_the_books_first_figure_with_its_caption(qtbot, window):
    preset = PRESETS_BY_KEY["sigmoid_std1"]
    assert window.panel.config() == preset.config
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.rerun()
    assert window.runs[0].config.seed == preset.config.seed and window.runs[0].config.hist_range == (0.0, 1.0)
    assert window.area.caption.text() and window.area.caption.isVisible()
    assert window.runs[0].title != "Measured"


def test_a_later_launch_keeps_the_users_configuration(qtbot, tmp_path):
    from initviz.engine import SimulationConfig

    folder = tmp_path / "settings"
    first = make_window(qtbot, folder)
    mine = SimulationConfig(activation="tanh", init="xavier", depth=7, seed=3)
    first.panel.set_config(mine)
    first.close()
    second = make_window(qtbot, folder)
    assert second.panel.config() == mine
    second.close()
