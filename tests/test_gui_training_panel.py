"""The control panel in the Training view: controls that training does not use are hidden
there and come back outside it; the training settings box uses the panel's font."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def _unused(panel):
    return [panel.samples, panel.features, panel.input, panel.bins, panel.range, panel.gradients]


def test_controls_training_does_not_use_are_hidden_in_the_training_view_only(qtbot, window):
    panel = window.panel
    window.area.set_view("book")
    assert all(w.isVisible() for w in _unused(panel))
    window.area.set_view("training")
    qtbot.waitUntil(lambda: not panel.samples.isVisible(), timeout=5000)
    assert not any(w.isVisible() for w in _unused(panel))
    form = panel.samples.parentWidget().layout()
    assert form.labelForField(panel.samples) is not None and not form.labelForField(panel.samples).isVisible()
    # What training does use stays: the network, the seed, the precision, and its own settings.
    for w in (panel.activation, panel.init, panel.depth, panel.width, panel.bias_std, panel.seed, panel.dtype,
              window.area.training.settings_box, window.area.training.lr):
        assert w.isVisible()
    window.area.set_view("book")
    qtbot.waitUntil(lambda: panel.samples.isVisible(), timeout=5000)
    assert all(w.isVisible() for w in _unused(panel))
    assert form.labelForField(panel.samples).isVisible()
    assert not window.area.training.settings_box.isVisible()


def test_the_training_settings_use_the_panels_font_at_every_text_size(qtbot, window):
    from PySide6.QtWidgets import QWidget

    window.area.set_view("training")
    box = window.area.training.settings_box
    qtbot.waitUntil(box.isVisible, timeout=5000)
    zoom = window.presenting.zoom
    sizes = []
    for scale in (1.0, 1.5):
        zoom.set_scale(scale)
        reference = window.panel.depth.font()
        sizes.append(reference.pointSizeF())
        widgets = box.findChildren(QWidget)  # the labels, fields and button of the box
        assert len(widgets) > 5
        for w in [box, *widgets]:
            assert (w.font().family(), w.font().pointSizeF()) == (reference.family(), reference.pointSizeF()), w
    assert sizes[1] == pytest.approx(1.5 * sizes[0], rel=0.05)


def test_the_fields_of_every_box_start_in_one_column(qtbot, window):
    from PySide6.QtCore import QPoint

    window.area.set_view("training")
    view = window.area.training
    qtbot.waitUntil(view.settings_box.isVisible, timeout=5000)
    fields = (window.panel.depth, window.panel.seed, view.lr, view.optimizer)

    def starts():
        return {w.mapTo(window.panel, QPoint(0, 0)).x() for w in fields}

    for scale in (1.0, 1.5):
        window.presenting.zoom.set_scale(scale)
        qtbot.waitUntil(lambda: len(starts()) == 1, timeout=5000)
