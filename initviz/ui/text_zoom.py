"""Text zoom for the projector: Ctrl+= / Ctrl+- / Ctrl+0 scale all text, remembered.

The zoom itself lives in ``theme`` (``font_scale``, ``set_font_scale``, ``scaled_px``):
the interface font and every plot font are their base sizes times it. This module only
owns the window's actions and the setting: it changes the zoom and asks the window to
restyle (apply the theme again, which every view follows).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .theme import font_scale, set_font_scale, zoom_step

#: The settings key of the zoom.
SETTING = "view/font_scale"


def stored_scale(value) -> float:
    """The zoom kept in the settings (a string in an INI file); 1 when missing or bad."""
    try:
        scale = float(value)
    except (TypeError, ValueError):
        return 1.0
    return scale if scale == scale and scale > 0 else 1.0  # NaN is not a zoom


class TextZoom(QObject):
    """The three zoom actions of ``window`` (window-wide shortcuts); ``restyle`` redraws
    everything at the new size. ``changed`` carries the new zoom."""

    changed = Signal(float)

    def __init__(self, window: QWidget, restyle: Callable[[], None], stored=None) -> None:
        super().__init__(window)
        self._restyle = restyle
        set_font_scale(stored_scale(stored))  # before the window first applies its theme
        self.zoom_in = self._action(window, self.tr("&Larger text"), ("Ctrl+=", "Ctrl++"), 1)
        self.zoom_out = self._action(window, self.tr("&Smaller text"), ("Ctrl+-",), -1)
        self.reset = self._action(window, self.tr("&Actual text size"), ("Ctrl+0",), 0)

    @property
    def actions(self) -> list[QAction]:
        return [self.zoom_in, self.zoom_out, self.reset]

    def _action(self, window: QWidget, text: str, keys: tuple[str, ...], direction: int) -> QAction:
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # also while a field has focus
        action.triggered.connect(lambda _=False: self.set_scale(zoom_step(font_scale(), direction)))
        window.addAction(action)
        return action

    @property
    def scale(self) -> float:
        return font_scale()

    def set_scale(self, scale: float) -> None:
        """Zoom all text to ``scale`` (clamped to the zoom's steps) and redraw."""
        before = font_scale()
        after = set_font_scale(scale)
        if after != before:
            self._restyle()
            self.changed.emit(after)

    def settings_values(self) -> dict:
        return {SETTING: font_scale()}
