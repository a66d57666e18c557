"""Type: the interface size applies from launch, and the text zoom scales the interface
and the plots' text together (offscreen; sizes are read back from the widgets and items)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget  # noqa: E402

from initviz.ui import theme  # noqa: E402


@pytest.fixture(autouse=True)
def zoom_one(qapp):
    theme.set_font_scale(1.0)
    yield
    theme.set_font_scale(1.0)
    theme.apply_to_application(qapp, theme.LIGHT)


def test_zoom_steps_walk_up_and_down_and_stop_at_the_ends():
    assert theme.zoom_step(1.0, 1) == 1.15
    assert theme.zoom_step(1.15, -1) == 1.0
    assert theme.zoom_step(2.0, 0) == 1.0
    assert theme.zoom_step(theme.ZOOM_STEPS[-1], 1) == theme.ZOOM_STEPS[-1]
    assert theme.zoom_step(theme.ZOOM_STEPS[0], -1) == theme.ZOOM_STEPS[0]
    assert theme.set_font_scale(100.0) == theme.ZOOM_STEPS[-1]


def test_widgets_built_before_the_theme_get_the_interface_size(qtbot, qapp):
    # Before app.exec(), Qt passes a new application font to no existing widget: the
    # window's widgets are built before its theme is applied.
    base = qapp.font()
    base.setPointSize(9)
    qapp.setFont(base)
    host = QWidget()
    label, combo = QLabel("x", host), QComboBox(host)
    qtbot.addWidget(host)
    theme.apply_to_application(qapp, theme.LIGHT)
    assert label.font().pointSizeF() == theme.BASE_POINT_SIZE
    assert combo.font().pointSizeF() == theme.BASE_POINT_SIZE


def test_the_zoom_scales_the_interface_and_every_plot_text(qtbot, qapp):
    from initviz.ui.deep_view import DeepView

    view = DeepView(theme.LIGHT)
    qtbot.addWidget(view)
    theme.set_font_scale(1.5)
    theme.apply_to_application(qapp, theme.LIGHT)
    view.set_theme(theme.LIGHT)
    assert QApplication.font().pointSizeF() == pytest.approx(theme.BASE_POINT_SIZE * 1.5)
    want = round(theme.FONT_PX * 1.5)
    assert view.std_plot.getAxis("left").style["tickFont"].pixelSize() == want
    assert view.large_text.font().pixelSize() == want
    assert f"{want}px" in view.heat.getAxis("bottom").labelStyle["font-size"]


def test_text_zoom_actions_change_the_scale_and_restyle(qtbot):
    from initviz.ui.text_zoom import TextZoom, stored_scale

    host = QWidget()
    qtbot.addWidget(host)
    calls = []
    zoom = TextZoom(host, lambda: calls.append(theme.font_scale()), stored="1.3")
    assert theme.font_scale() == 1.3
    zoom.zoom_in.trigger()
    assert calls == [1.5] and zoom.settings_values() == {"view/font_scale": 1.5}
    zoom.reset.trigger()
    zoom.zoom_out.trigger()
    assert calls == [1.5, 1.0, 0.9]
    assert stored_scale("abc") == 1.0 and stored_scale("nan") == 1.0 and stored_scale(None) == 1.0


def test_the_window_zooms_from_any_focus_and_remembers_it(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    field = w.panel.findChildren(QWidget)[0]
    field.setFocus()
    w.presenting.zoom.zoom_in.trigger()
    w.presenting.zoom.zoom_in.trigger()
    assert theme.font_scale() == 1.3
    assert QApplication.font().pointSizeF() == pytest.approx(theme.BASE_POINT_SIZE * 1.3)
    assert w.area.choice.font().pointSizeF() == pytest.approx(theme.BASE_POINT_SIZE * 1.3)
    w.presenting.set_panel_visible(False)
    assert not w.presenting.panel_visible() and not w.presenting.panel_action.isChecked()
    w.close()
    theme.set_font_scale(1.0)
    again = MainWindow(Settings(tmp_path))
    qtbot.addWidget(again)
    assert theme.font_scale() == 1.3
    assert again.presenting.panel_visible() or not again.isVisible()
    again.presenting.panel_action.trigger()  # hidden -> shown, or shown -> hidden
    assert again.presenting.panel_action.isChecked() == again.presenting.panel_visible()
    assert Qt.Key.Key_F9 in [s[0].key() for s in again.presenting.panel_action.shortcuts()]
    again.close()


def test_the_panel_widens_to_its_fields_at_a_larger_zoom(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path))
    qtbot.addWidget(w)
    w.resize(1600, 960)
    w.show()
    qtbot.waitExposed(w)
    w.presenting.zoom.set_scale(2.0)
    QApplication.processEvents()
    scroll = w.centralWidget().widget(0)
    assert w.centralWidget().sizes()[0] >= scroll.widget().minimumSizeHint().width()
    w.close()
