"""The main window's menu bar: File, Run, Presets, View and Help, with their shortcuts.

Kept apart from ``main_window`` so that a feature adds its entry here in a line or two.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ..presets import PRESETS, TRAINING_PRESETS
from .i18n import tr
from .language import LanguageMenu

#: Views in the View menu: key, text, shortcut.
VIEW_ENTRIES = (
    ("auto", "&Automatic view", "Alt+1"),
    ("book", "Layers &side by side", "Alt+2"),
    ("deep", "&Deep view", "Alt+3"),
    ("symmetry", "S&ymmetry view", "Alt+4"),
    ("training", "&Training view", "Alt+5"),
    ("phase", "&Phase diagram", "Alt+6"),
)


def add_action(window, menu, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
    """An action on ``menu`` that calls ``slot``; it belongs to ``window``."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window) -> dict:
    """Fill ``window``'s menu bar; returns the menus by name for later additions."""
    bar = window.menuBar()
    menus = {}
    file = menus["file"] = bar.addMenu(tr("&File"))
    add_action(window, file, tr("&Open configuration..."), window.open_config, QKeySequence.StandardKey.Open)
    add_action(window, file, tr("&Save configuration as JSON..."), window.save_config,
               QKeySequence.StandardKey.Save)
    file.addSeparator()
    add_action(window, file, tr("Export view as &PNG..."), lambda: window.export_view("png"), "Ctrl+E")
    add_action(window, file, tr("Export view as S&VG..."), lambda: window.export_view("svg"), "Ctrl+Shift+E")
    add_action(window, file, tr("Export numbers as &CSV..."), window.export_csv)
    file.addSeparator()
    add_action(window, file, tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
    run = menus["run"] = bar.addMenu(tr("&Run"))
    add_action(window, run, tr("&Rerun"), window.rerun, "F5", tr("Run the simulation again"))
    add_action(window, run, tr("&Cancel"), window.cancel, "Esc", tr("Stop the run at the next layer"))
    add_action(window, run, tr("&New seed"), window.panel._reseed, "Ctrl+R")
    presets = menus["presets"] = bar.addMenu(tr("&Presets"))
    # Ctrl+0 is the text zoom's reset (as in a browser): the tenth preset takes Ctrl+Shift+0
    keys = [f"Ctrl+{d}" for d in "123456789"] + ["Ctrl+Shift+0"] + [f"Ctrl+Shift+{d}" for d in "123456789"]
    for i, preset in enumerate(PRESETS + TRAINING_PRESETS):
        if preset is TRAINING_PRESETS[0]:
            presets.addSeparator()
        action = add_action(window, presets, tr(preset.title), lambda _=False, p=preset: window.load_preset(p),
                            keys[i] if i < len(keys) else None, tr(preset.description))
        action.setToolTip(tr(preset.description))
    presets.setToolTipsVisible(True)
    view = menus["view"] = bar.addMenu(tr("&View"))
    window.theme_group = QActionGroup(window)
    for key, text, shortcut in (("light", tr("&Light theme"), "Ctrl+Shift+L"),
                                ("dark", tr("&Dark theme"), "Ctrl+Shift+D")):
        action = add_action(window, view, text, lambda _=False, k=key: window.set_theme(k), shortcut)
        action.setCheckable(True)
        action.setData(key)
        window.theme_group.addAction(action)
    view.addSeparator()
    for key, text, shortcut in VIEW_ENTRIES:
        add_action(window, view, tr(text), lambda _=False, k=key: window.area.set_view(k), shortcut)
    add_action(window, view, tr("&Full screen"), window.toggle_full_screen, "F11")
    view.addSeparator()
    window.language_menu = LanguageMenu(window, view)  # English / 한국어 (initviz/ui/language.py)
    helpm = menus["help"] = bar.addMenu(tr("&Help"))
    add_action(window, helpm, tr("&About initviz"), window.show_about)
    return menus
