"""The window's shortcuts work from any focus: Ctrl+E (a line edit's "end of line" on
Linux) exports while a number field has the focus; the field keeps its editing keys.

The offscreen platform has no Emacs keys, so a filter does here what a line edit does
under X11: it claims Ctrl+E (accepts the ShortcutOverride), which silenced the menu."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402

CAP_MS = 120_000


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


class X11LineKeys(QObject):
    """Claims Ctrl+E for the field, as QLineEdit does with the X11 key scheme."""

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_E \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
        return False


def focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=5000)


@pytest.mark.parametrize("field", ["bias_std", "range", "depth"])
def test_ctrl_e_exports_while_a_text_field_has_the_focus(qtbot, window, monkeypatch, field):
    calls = []
    monkeypatch.setattr(type(window), "export_view", lambda self, kind, *a, **k: calls.append(kind))
    widget = getattr(window.panel, field)
    claim = X11LineKeys(widget)
    widget.installEventFilter(claim)
    focus(qtbot, widget)
    before = widget.text() if hasattr(widget, "text") else None
    qtbot.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["png"]
    qtbot.keyClick(widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert calls == ["png", "svg"]
    if before is not None:
        assert widget.text() == before  # the keys did not reach the field


def test_a_preset_key_works_from_a_line_edit(qtbot, window):
    focus(qtbot, window.panel.bias_std)
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        qtbot.keyClick(window.panel.bias_std, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.runs[0].config.activation == "relu"  # the fifth preset: ReLU, std 0.01


def test_the_field_keeps_select_all_and_typing(qtbot, window):
    field = window.panel.bias_std
    focus(qtbot, field)
    field.setText("0.5")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.selectedText() == "0.5"
    qtbot.keyClicks(field, "2/sqrt(100)")
    assert field.text() == "2/sqrt(100)"


def test_plain_keys_stay_with_the_field_even_if_an_action_has_them(qtbot, window):
    from PySide6.QtGui import QAction, QKeySequence

    fired = []
    action = QAction("next page", window)
    action.setShortcut(QKeySequence("."))
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    field = window.panel.bias_std
    focus(qtbot, field)
    field.clear()
    qtbot.keyClicks(field, "0.5")
    assert field.text() == "0.5" and not fired
