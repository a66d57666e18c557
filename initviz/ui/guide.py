"""Help > Guide (F1): the offline guide in a dialog, and the window's help wiring.

``install_help(window)`` adds the Guide to the Help menu, lets the window's shortcuts
work from any focus (``shortcuts``) and explains the figure in place (``hover``: hover
texts and the abbreviations under it); the guide's text is ``guide_text``'s.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .guide_text import guide_html
from .hover import install_footnote, install_hover
from .i18n import tr
from .shortcuts import WindowShortcuts


def window_keys(window) -> list[tuple[str, str]]:
    """(what it does, key) for every action of the window that has a shortcut, in menu order."""
    seen, keys = set(), []
    for menu in getattr(window, "menus", {}).values():
        for action in menu.actions():
            _add(action, keys, seen)
    for action in window.findChildren(QAction):  # actions outside the menus
        _add(action, keys, seen)
    return keys


def _add(action: QAction, keys: list, seen: set) -> None:
    if action.menu() is not None:
        for sub in action.menu().actions():
            _add(sub, keys, seen)
        return
    shortcuts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()]
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".")
    if shortcuts and text and id(action) not in seen:
        seen.add(id(action))
        keys.append((text, " / ".join(shortcuts)))


class GuideDialog(QDialog):
    """The guide in a QTextBrowser (links open nowhere: everything is on the page)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("initviz guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        try:
            activation = window.panel.activation.currentData() or "sigmoid"
        except AttributeError:
            activation = "sigmoid"
        self.browser.setHtml(guide_html(window_keys(window), activation))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        room = window.size()
        self.resize(max(640, min(1100, int(room.width() * 0.8))), max(480, min(900, int(room.height() * 0.85))))


def show_guide(window) -> GuideDialog:
    """Open the guide (non-modal: the window stays usable beside it)."""
    dialog = GuideDialog(window)
    dialog.show()
    window._guide = dialog  # kept alive while open
    return dialog


def install_help(window) -> WindowShortcuts:
    """Help > Guide (F1) first in the Help menu; shortcuts from any focus; hover texts and
    the abbreviations under the figure."""
    menu = window.menus["help"]
    action = QAction(tr("&Guide"), window)
    action.setShortcut(QKeySequence("F1"))
    action.setStatusTip(tr("The views, the numbers, the keys and the formulas with their sources"))
    action.triggered.connect(lambda: show_guide(window))
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    window.hover_tips = install_hover(window.area)
    window.footnote = install_footnote(window.area, window.runner.run_started, window.run_finished)
    return WindowShortcuts(window)
