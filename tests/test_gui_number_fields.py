"""Number fields: a typed formula's value beside it ("= 0.2" for 2/sqrt(100)), and the
same red frame and one-line message for every bad value ("abc" and "-1" alike)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

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


def normal_std_field(window):
    window.panel.init.setCurrentIndex(window.panel.init.findData("normal"))
    return window.panel.params["std"]


def test_a_formula_shows_its_value_beside_the_field(qtbot, window):
    field = normal_std_field(window)
    field.clear()
    qtbot.keyClicks(field, "2/sqrt(100)")
    assert field.shown_value.isVisible() and field.shown_value.text() == "= 0.2"
    assert field.textMargins().right() >= field.shown_value.sizeHint().width()  # text never under the value
    field.setText("2/sqrt(1000)")
    assert field.shown_value.text() == "= 0.0632456"
    field.setText("0.5")  # a plain number needs no showing
    assert not field.shown_value.isVisible()
    field.setText("sqrt(")  # nor does a formula on its way
    assert not field.shown_value.isVisible()


@pytest.mark.parametrize("bad", ["abc", "-1", "1/0"])
def test_every_bad_value_gets_the_same_frame_and_a_message(qtbot, window, bad):
    from initviz.ui.number_field import INVALID_STYLE

    field = normal_std_field(window)
    field.setText(bad)
    assert window.rerun() is False
    assert field.styleSheet() == INVALID_STYLE
    assert window.panel.error.isVisible() and "std" in window.panel.error.text()
    assert "\n" not in window.panel.error.text()
    field.setText("0.01")
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        assert window.rerun() is True
    assert field.styleSheet() == "" and not window.panel.error.isVisible()


def test_the_bias_and_the_activation_parameter_are_framed_too(qtbot, window):
    from initviz.ui.number_field import INVALID_STYLE

    panel = window.panel
    panel.bias_std.setText("-0.5")
    assert window.rerun() is False and panel.bias_std.styleSheet() == INVALID_STYLE
    panel.bias_std.setText("0")
    panel.activation.setCurrentIndex(panel.activation.findData("leaky_relu"))
    panel.alpha.setText("2")  # a slope must be below 1
    assert window.rerun() is False and panel.alpha.styleSheet() == INVALID_STYLE
    assert "slope" in panel.error.text()


def test_the_range_is_framed_and_shows_a_formulas_value(qtbot, window):
    from initviz.ui.number_field import INVALID_STYLE

    field = window.panel.range
    field.setText("1, 0")
    assert window.rerun() is False and field.styleSheet() == INVALID_STYLE
    assert "LOW < HIGH" in window.panel.error.text() or "range" in window.panel.error.text()
    field.setText("-1/sqrt(4), 2/sqrt(4)")
    assert field.shown_value.text() == "= -0.5, 1"
    field.setText("abc")
    assert window.rerun() is False and field.styleSheet() == INVALID_STYLE
    field.setText("auto")
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        assert window.rerun() is True
    assert field.styleSheet() == "" and not field.shown_value.isVisible()
