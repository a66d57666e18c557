"""The window's shortcuts work wherever the keyboard focus is.

A text field claims some Ctrl keys before the menus see them: on Linux a line edit
takes Ctrl+E as "end of line" (Emacs keys), so Ctrl+E exported nothing while a number
field had the focus, which it usually has. Qt asks the focused widget first with a
ShortcutOverride event; this filter answers for the window's text fields, leaving the
override unaccepted (so the menu's shortcut fires) when the keys are one of the
window's actions and not a standard editing key (copy, paste, undo, select all...).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

#: Keys a text field keeps even if an action were given them.
EDITING_KEYS = tuple(getattr(QKeySequence.StandardKey, name) for name in ("Copy", "Cut", "Paste", "Undo", "Redo",
                                                                         "SelectAll"))
TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)


def _is_editing_key(event) -> bool:
    """Keys the field keeps: the standard editing keys, and every key without Ctrl, Alt or
    Meta except Esc and F1-F35 (typing "." or "B" into a field must never turn a page)."""
    if any(event.matches(key) for key in EDITING_KEYS):
        return True
    commands = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
    return not (event.modifiers() & commands) and event.key() != Qt.Key.Key_Escape \
        and not Qt.Key.Key_F1.value <= event.key() <= Qt.Key.Key_F35.value


class WindowShortcuts(QObject):
    """Installed once per window: every text field of the window, once it has the focus,
    lets the window's action shortcuts through."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old, new) -> None:
        if isinstance(new, TEXT_FIELDS) and new.window() is self._window:
            new.removeEventFilter(self)  # installed once, however often it gains the focus
            new.installEventFilter(self)

    def _action_keys(self) -> set[str]:
        keys = set()
        for action in self._window.findChildren(QAction):
            if action.isEnabled():
                keys.update(s.toString() for s in action.shortcuts() if not s.isEmpty())
        return keys

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride and not _is_editing_key(event):
            if QKeySequence(event.keyCombination()).toString() in self._action_keys():
                return True  # not accepted by the field: Qt fires the window's shortcut
        return False
