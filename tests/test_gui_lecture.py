"""Lecture mode in the real window, offscreen, driven by keys as a presenter remote sends
them; each step's figure is compared with an independent ``simulate`` of the step's
configuration. The handout and the command line too. No timed assertions: waits are
capped only so that a hang fails."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import math  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from initviz.engine import BackwardLayer, ForwardLayer, simulate  # noqa: E402
from initviz.lecture import STEPS  # noqa: E402

CAP_MS = 180_000
ROOT = Path(__file__).resolve().parents[1]
HISTOGRAMS = {"activations": "activations", "preactivations": "preactivations", "gradients": "gradient",
              "pre_gradients": "pre_gradient", "weight_gradients": "weight_gradient"}


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.lecture.leave()
    w.close()


def press(qtbot, w, key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(w.area, key)


def wait_for_number(qtbot, w) -> str:
    """The step's highlighted number, once its runs have finished."""
    qtbot.waitUntil(lambda: w.lecture.step.highlight(w.lecture.runs()) is not None and not
                    (w.runner.busy and not w.lecture.step.training), timeout=CAP_MS)
    w._draw()
    w.lecture.update_highlight()
    return w.lecture.panel.number.text()


def independent_counts(config, quantity: str) -> np.ndarray:
    """Layers x bins of ``quantity``, from a fresh simulate() of ``config``."""
    attr = HISTOGRAMS[quantity]
    rows = {r.layer: getattr(r, attr).counts for r in simulate(config)
            if isinstance(r, BackwardLayer if "gradient" in quantity else ForwardLayer)}
    return np.array([rows[k] for k in sorted(rows)])


def check_figure(w, step) -> None:
    """What the step's view draws equals what an independent run of its configuration gives."""
    area = w.area
    assert area.current_key == step.view, step.key
    if step.training:
        # the book's finding on screen: std 0.01 stays at ln 10, He ends lowest
        runs = {r.title: r for r in area.training.runs}
        assert abs(runs["std 0.01"].summary.final_loss - math.log(10)) < 0.05
        assert runs["He"].summary.final_loss < runs["Xavier"].summary.final_loss < 1.0
        return
    for i, run in enumerate(w.runs):
        # a comparison is drawn on one range fitted to both runs (initviz/ui/pins.py)
        wanted = step.config if i == 0 else step.preset.compare
        assert run.config.replace(hist_range=wanted.hist_range) == wanted, step.key
    if step.view == "book":
        for i, run in enumerate(w.runs):
            np.testing.assert_array_equal(area.book.drawn_heights(i), independent_counts(run.config, step.quantity),
                                          err_msg=step.key)
    elif step.view == "deep":
        area.deep.flush()
        counts = independent_counts(w.runs[0].config, step.quantity)
        np.testing.assert_allclose(area.deep.image_data(), np.log10(1.0 + counts), rtol=1e-6, err_msg=step.key)
    elif step.view == "symmetry":
        forward = [r for r in simulate(step.config) if isinstance(r, ForwardLayer)]
        y = area.symmetry.distinct_curve.yData  # as set, before the log axis
        np.testing.assert_array_equal(y, [r.distinct_units for r in forward])
    elif step.view == "phase":
        forward = [r for r in simulate(step.config) if isinstance(r, ForwardLayer)]
        y = area.phase.deep.measured.yData
        np.testing.assert_allclose(y, [r.std for r in forward], rtol=1e-6)


def test_keys_walk_every_step_and_back_each_figure_the_engines(qtbot, window):
    w = window
    w.lecture.enter(1)
    assert w.lecture.active and not w.presenting.panel_visible() and not w.menuBar().isVisible()
    for number in range(1, len(STEPS) + 1):
        assert w.lecture.number == number
        step = STEPS[number - 1]
        text = wait_for_number(qtbot, w)
        assert text == step.highlight(w.lecture.runs()).text()
        check_figure(w, step)
        assert w.lecture.panel.counter.text() == f"{number} / {len(STEPS)}"
        press(qtbot, w, (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space)[number % 3])
    assert w.lecture.number == len(STEPS)  # the last step stays
    for number in range(len(STEPS) - 1, 0, -1):
        press(qtbot, w, (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Backspace)[number % 3])
        assert w.lecture.number == number
        assert w.area.current_key == STEPS[number - 1].view
    press(qtbot, w, Qt.Key.Key_PageUp)
    assert w.lecture.number == 1
    wait_for_number(qtbot, w)
    check_figure(w, STEPS[0])


def test_jump_blank_titles_leave_and_reenter(qtbot, window):
    w = window
    before = w.panel.config()
    w.lecture.enter(2)
    assert w.lecture.number == 2
    press(qtbot, w, Qt.Key.Key_End)
    assert w.lecture.number == len(STEPS)
    press(qtbot, w, Qt.Key.Key_Home)
    assert w.lecture.number == 1
    for key in (Qt.Key.Key_7, Qt.Key.Key_Return):  # a number then Enter jumps
        press(qtbot, w, key)
    assert w.lecture.number == 7
    wait_for_number(qtbot, w)
    check_figure(w, STEPS[6])
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_Enter):
        press(qtbot, w, key)
    assert w.lecture.number == 11
    for blank in (Qt.Key.Key_B, Qt.Key.Key_Period):
        press(qtbot, w, blank)
        assert w.lecture.blank.isVisible() and w.lecture.blank.geometry() == w.rect()
        press(qtbot, w, blank)  # the same key brings the picture back, and nothing else moves
        assert not w.lecture.blank.isVisible() and w.lecture.number == 11
    press(qtbot, w, Qt.Key.Key_B)
    press(qtbot, w, Qt.Key.Key_PageDown)  # any key unblanks first
    assert not w.lecture.blank.isVisible()
    press(qtbot, w, Qt.Key.Key_T)  # the step titles, for jumping
    titles = w.lecture.titles
    assert titles.isVisible() and titles.count() == len(STEPS) and STEPS[4].title in titles.item(4).text()
    titles.setCurrentRow(4)
    press(qtbot, w, Qt.Key.Key_Return)
    assert w.lecture.number == 5 and not titles.isVisible()
    press(qtbot, w, Qt.Key.Key_P)  # the control panel comes back, and goes again
    assert w.presenting.panel_visible()
    press(qtbot, w, Qt.Key.Key_P)
    assert not w.presenting.panel_visible()
    press(qtbot, w, Qt.Key.Key_Escape)
    assert not w.lecture.active and w.presenting.panel_visible() and w.menuBar().isVisible()
    assert not w.lecture.panel.isVisible()
    assert w.panel.config() == before  # the configuration before the lecture is back
    w.lecture.enter(3)  # and the lecture can start again
    assert w.lecture.active and w.lecture.number == 3 and w.lecture.panel.isVisible()
    wait_for_number(qtbot, w)
    check_figure(w, STEPS[2])


def test_caption_and_plot_type_are_large_at_1920x1080(qtbot, window):
    from initviz.ui.lecture_mode import PLOT_LABEL_PX, lecture_zoom
    from initviz.ui.lecture_panel import caption_px
    from initviz.ui.theme import FONT_PX, font_scale

    assert caption_px(1920, 1080) >= 28
    assert FONT_PX * lecture_zoom(1080) >= PLOT_LABEL_PX
    window.resize(1920, 1080)
    window.lecture.enter(1, full_screen=False)
    qtbot.waitUntil(lambda: window.lecture.panel.caption_pixel_size >= 28, timeout=CAP_MS)
    assert FONT_PX * font_scale() >= PLOT_LABEL_PX


def test_handout_has_one_page_per_step_with_text(tmp_path):
    pypdf = pytest.importorskip("pypdf")  # a test extra: reads the text back out of the PDF
    out = tmp_path / "handout.pdf"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "lecture", "--handout", str(out), "--lang", "en"],
                          capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pages = pypdf.PdfReader(out).pages
    assert len(pages) == len(STEPS)
    for number, (page, step) in enumerate(zip(pages, STEPS), start=1):
        text = " ".join(page.extract_text().split())
        assert f"{number} / {len(STEPS)}" in text
        assert " ".join(step.title.split()[:3]) in text, (number, text[:200])
        assert "Measured:" in text and "Measured: -" not in text


def run_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_command_line_lists_renders_and_refuses_bad_input(tmp_path):
    listed = run_cli("lecture", "--list")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert lines == [f"{i}\t{s.title}" for i, s in enumerate(STEPS, start=1)]
    png = tmp_path / "step3.png"
    done = run_cli("render", "--lecture", "3", "--out", str(png), "--size", "1280x800")
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)
    for args, words in ((("render", "--lecture", "13", "--out", str(png)), "steps 1 to"),
                        (("render", "--lecture", "0", "--out", str(png)), "steps 1 to"),
                        (("--lecture", "99"), "steps 1 to"),
                        (("lecture", "--list", "--lang", "fr"), "--lang"),
                        (("lecture", "--handout", str(tmp_path / "missing" / "h.pdf")), "cannot be written"),
                        (("lecture", "--handout", str(tmp_path)), "folder")):
        bad = run_cli(*args)
        assert bad.returncode == 2, (args, bad.stderr)
        assert len(bad.stderr.strip().splitlines()) == 1 and words in bad.stderr, (args, bad.stderr)
    assert not (tmp_path / "missing").exists()
