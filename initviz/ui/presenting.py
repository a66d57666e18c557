"""Window controls for presenting: the text zoom and hiding the control panel.

F9 (or Ctrl+\\) hides the control panel so that the figure gets the whole window, and
shows it again; dragging the splitter's handle to the edge collapses it the same way.
Ctrl+= / Ctrl+- / Ctrl+0 zoom all text (``TextZoom``). Both sit in the View menu and work
whatever has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter

from .text_zoom import SETTING, TextZoom


class Presenting(QObject):
    """The panel toggle and the text zoom of ``window`` (whose central widget is the
    splitter of control panel and figure), added to ``menu`` when given."""

    def __init__(self, window: QMainWindow, menu=None) -> None:
        super().__init__(window)
        self.window = window
        self.zoom = TextZoom(window, lambda: window.set_theme(window.theme.name), window.settings.get(SETTING))
        self.panel_action = QAction(self.tr("Control &panel"), window)
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(True)
        self.panel_action.setShortcuts([QKeySequence("F9"), QKeySequence("Ctrl+\\")])
        self.panel_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.panel_action.setStatusTip(self.tr("Hide the control panel so that the figure gets the whole window"))
        self.panel_action.triggered.connect(self.set_panel_visible)
        window.addAction(self.panel_action)
        self.splitter.splitterMoved.connect(self._sync)
        self.zoom.changed.connect(self.fit_panel)
        QTimer.singleShot(0, self, self.fit_panel)  # a zoom kept from the last session (not after a close)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.panel_action)
            for action in self.zoom.actions:
                menu.addAction(action)

    @property
    def splitter(self) -> QSplitter:
        return self.window.centralWidget()

    def panel_visible(self) -> bool:
        panel = self.splitter.widget(0)
        return not panel.isHidden() and self.splitter.sizes()[0] > 0

    def set_panel_visible(self, visible: bool) -> None:
        split = self.splitter
        panel = split.widget(0)
        panel.setVisible(visible)
        if visible and split.sizes()[0] == 0:  # collapsed by a drag: open it at its own width
            total = sum(split.sizes())
            width = panel.minimumSizeHint().width() + 40
            split.setSizes([width, max(total - width, 1)])
        self._sync()

    def fit_panel(self, *_args) -> None:
        """Widen the panel to its contents' width at the text zoom (its fields were cut at
        the right after Ctrl+=); the figure gives up the room."""
        split = self.splitter
        scroll = split.widget(0)
        inner = scroll.widget() if hasattr(scroll, "widget") else None
        if inner is None or not self.panel_visible():
            return
        need = inner.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        sizes = split.sizes()
        if sizes[0] < need and sum(sizes) > need:
            split.setSizes([need, sum(sizes) - need])

    def _sync(self, *_args) -> None:
        self.panel_action.setChecked(self.panel_visible())

    def settings_values(self) -> dict:
        return self.zoom.settings_values()
