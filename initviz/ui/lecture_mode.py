"""Lecture mode: the window walks through the lecture's steps, full screen, by presenter keys.

Each step is loaded into the window as a preset (its configuration, comparison or
training runs), with its view and quantity; the control panel, menus, status bar and
the view's toolbar are hidden, and the caption panel shows the step's title, caption,
formula and the number picked from the window's own runs when they finish.

Keys (what presenter remotes and slide software use): PageDown / Right / Space / Enter
next, PageUp / Left / Backspace previous, Home / End, a number then Enter jumps, B or '.'
blanks the screen, T or G lists the steps, P (or F9) brings the control panel back, Esc
leaves. While the control panel is shown, keys typed into it stay there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from ..engine import ConfigError
from ..lecture import STEPS, Step
from ..pinned import Pinned
from .i18n import tr
from .lecture_panel import CaptionPanel
from .theme import FONT_PX, font_scale

#: Plot labels at least this many pixels at 1920 x 1080 (the zoom the lecture sets).
PLOT_LABEL_PX = 22
#: While a step's runs compute, its number is looked for this often (ms).
POLL_MS = 500

_NEXT = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down}
_PREVIOUS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_Up}
_ENTER = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_BLANK = {Qt.Key.Key_B, Qt.Key.Key_Period}
_TITLES = {Qt.Key.Key_T, Qt.Key.Key_G}


def lecture_zoom(height: int) -> float:
    """The text zoom for a screen ``height`` pixels high: plot labels of at least
    PLOT_LABEL_PX at 1080 and above, a little less on smaller screens so the figure fits."""
    if height >= 1000:
        return max(1.0, PLOT_LABEL_PX / FONT_PX + 0.01)
    return 1.15 if height >= 780 else 1.0


class LectureMode(QObject):
    """The lecture in ``window`` (a ``MainWindow``); ``enter(n)``, the keys, ``leave()``."""

    step_shown = Signal(int)
    highlighted = Signal(str)
    left = Signal()

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.number = 0  # 1-based, 0 outside the lecture
        self.typed = ""
        self.full_screen = True
        self.panel = CaptionPanel(window.theme)
        self.panel.setVisible(False)
        self.blank = QWidget(window)
        self.blank.setStyleSheet("background: black;")
        self.blank.setAutoFillBackground(True)
        self.blank.setVisible(False)
        self.titles = QListWidget(window)
        self.titles.setVisible(False)
        self.titles.itemActivated.connect(lambda item: self.go(self.titles.row(item) + 1))
        self._saved: dict = {}
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.update_highlight)
        window.run_finished.connect(self.update_highlight)

    # -- entering and leaving ---------------------------------------------------------
    def enter(self, number: int = 1, full_screen: bool = True) -> None:
        """Start the lecture at step ``number`` (clamped to the steps there are)."""
        w = self.window
        if not self.active:
            self._save()
            self.active = True
            self.full_screen = full_screen
            area = w.area
            column = area.parentWidget().layout()
            column.addWidget(self.panel)
            self.panel.set_theme(w.theme)
            self.panel.setVisible(True)
            for widget in self._chrome():
                widget.setVisible(False)
            w.presenting.set_panel_visible(False)
            if self._saved["pinned"] is not None:  # the user's pinned runs wait until the lecture ends
                w.compare.set_pinned(Pinned())
            QApplication.instance().installEventFilter(self)
            if full_screen:
                w.showFullScreen()
            self._fit()
        self.go(number)

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        QApplication.instance().removeEventFilter(self)
        self._poll.stop()
        self.active = False
        self.number = 0
        self.typed = ""
        self.blank.setVisible(False)
        self.titles.setVisible(False)
        self.panel.setVisible(False)
        s = self._saved
        for widget, visible in s["chrome"]:
            widget.setVisible(visible)
        w.presenting.set_panel_visible(s["panel"])
        if abs(font_scale() - s["zoom"]) > 1e-9:
            w.presenting.zoom.set_scale(s["zoom"])
        if self.full_screen and not s["full_screen"]:
            w.showNormal()
        w.area.set_view(s["view"])
        if s["pinned"] is not None:
            w.compare.set_pinned(s["pinned"])
        if s["config"] is not None:
            w.panel.set_config(s["config"])
            w.rerun()
        self.left.emit()

    def _chrome(self) -> list[QWidget]:
        """What the audience should not see: menus, status bar, messages, the view's toolbar."""
        w, area = self.window, self.window.area
        bar = getattr(area, "bar", None) or area.layout().itemAt(0).layout()
        toolbar = [bar.itemAt(i).widget() for i in range(bar.count()) if bar.itemAt(i).widget() is not None]
        pins = getattr(getattr(w, "compare", None), "bar", None)  # the pinned runs' bar
        return [w.menuBar(), w.statusBar(), w.banner, area.caption, *toolbar, *([pins] if pins else [])]

    def _save(self) -> None:
        w = self.window
        try:
            config = w.panel.config()
        except ConfigError:
            config = None
        self._saved = {
            "chrome": [(widget, widget.isVisible()) for widget in self._chrome()],
            "panel": w.presenting.panel_visible(),
            "zoom": font_scale(),
            "full_screen": w.isFullScreen(),
            "view": w.area.choice.currentData(),
            "config": config,
            "pinned": getattr(getattr(w, "compare", None), "pinned", None),
        }

    # -- steps ------------------------------------------------------------------------
    @property
    def step(self) -> Step | None:
        return STEPS[self.number - 1] if self.number else None

    def go(self, number: int) -> None:
        """Show step ``number`` (clamped to 1..len(STEPS))."""
        number = min(max(number, 1), len(STEPS))
        self.typed = ""
        self.titles.setVisible(False)
        self.blank.setVisible(False)
        self.number = number
        step = STEPS[number - 1]
        w = self.window
        self.panel.show_step(number, step)
        w.area.set_view(step.view)
        w.load_preset(step.preset)
        quantity = w.area.quantity
        quantity.blockSignals(True)  # drawn with the step's runs, not the previous step's
        w.area.set_quantity(step.quantity)
        quantity.blockSignals(False)
        self._poll.start()
        self.update_highlight()
        self.step_shown.emit(number)

    def next(self) -> None:
        self.go(self.number + 1)

    def previous(self) -> None:
        self.go(self.number - 1)

    def runs(self) -> list:
        """The step's runs as the window holds them (training runs in the Training view)."""
        step = self.step
        if step is None:
            return []
        if step.training:
            return list(self.window.area.training.runs) if "training" in self.window.area.views else []
        runs = self.window.runs
        # a comparison's runs share a range fitted to both (initviz/ui/pins.py)
        same = runs and runs[0].config.replace(hist_range=step.config.hist_range) == step.config
        return runs if same else []

    def update_highlight(self) -> None:
        step = self.step
        if not self.active or step is None:
            return
        highlight = step.highlight(self.runs())
        self.panel.set_highlight(highlight)
        if highlight is not None:
            self._poll.stop()
            self.highlighted.emit(highlight.text(tr))

    # -- overlays ---------------------------------------------------------------------
    def set_blank(self, blank: bool) -> None:
        self.blank.setGeometry(self.window.rect())
        self.blank.setVisible(blank)
        if blank:
            self.blank.raise_()

    def show_titles(self, visible: bool) -> None:
        t = self.titles
        if visible:
            t.clear()
            for i, step in enumerate(STEPS, start=1):
                t.addItem(f"{i}   {tr(step.title)}")
            font = QFont(t.font())
            font.setPixelSize(self.panel.px)
            t.setFont(font)
            r = self.window.rect()
            width, height = int(r.width() * 0.7), int(r.height() * 0.8)
            t.setGeometry((r.width() - width) // 2, (r.height() - height) // 2, width, height)
            t.setCurrentRow(self.number - 1)
            t.raise_()
        t.setVisible(visible)
        if visible:
            t.setFocus()

    def _fit(self) -> None:
        r = self.window.rect()
        self.panel.set_size_for(r.width(), r.height())
        zoom = lecture_zoom(r.height())
        if abs(font_scale() - zoom) > 1e-9:
            self.window.presenting.zoom.set_scale(zoom)
        if self.blank.isVisible():
            self.blank.setGeometry(r)

    # -- keys -------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit)
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        if not self._ours(obj):
            return False
        if kind == QEvent.Type.ShortcutOverride:  # the lecture's keys win over the menus' shortcuts
            if self._handles(event):
                event.accept()
                return True
            return False
        return self.key(event.key(), event.text(), event.modifiers())

    def _ours(self, obj) -> bool:
        """Keys for the window, except those typed into the control panel when it is shown."""
        if not isinstance(obj, QWidget) or obj.window() is not self.window:
            return False
        focus = QApplication.focusWidget()
        panel = self.window.centralWidget().widget(0)
        return not (focus is not None and panel.isVisible() and panel.isAncestorOf(focus))

    def _handles(self, event: QKeyEvent) -> bool:
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        return (key in _NEXT | _PREVIOUS | _ENTER | _BLANK | _TITLES
                or key in (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Escape, Qt.Key.Key_P)
                or Qt.Key.Key_0 <= key <= Qt.Key.Key_9)

    def key(self, key: int, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> bool:
        """Act on one key; True when it was the lecture's."""
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if self.titles.isVisible():
            return self._titles_key(key)
        if self.blank.isVisible():  # any key brings the picture back; B and '.' only that
            self.set_blank(False)
            if key in _BLANK or key == Qt.Key.Key_Escape:
                return True
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.typed = (self.typed + chr(key))[-3:]
            return True
        if key in _ENTER:
            self.go(int(self.typed)) if self.typed else self.next()
        elif key in _NEXT:
            self.next()
        elif key in _PREVIOUS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(1)
        elif key == Qt.Key.Key_End:
            self.go(len(STEPS))
        elif key in _BLANK:
            self.set_blank(True)
        elif key in _TITLES:
            self.show_titles(True)
        elif key == Qt.Key.Key_P:
            self.window.presenting.set_panel_visible(not self.window.presenting.panel_visible())
        elif key == Qt.Key.Key_Escape:
            if self.typed:
                self.typed = ""
            else:
                self.leave()
        else:
            return False
        return True

    def _titles_key(self, key: int) -> bool:
        if key in _ENTER:
            self.go(self.titles.currentRow() + 1)
        elif key in _TITLES or key == Qt.Key.Key_Escape:
            self.show_titles(False)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.typed = (self.typed + chr(key))[-3:]
            self.titles.setCurrentRow(min(max(int(self.typed), 1), len(STEPS)) - 1)
        else:
            return False  # arrows and the mouse move in the list
        return True
