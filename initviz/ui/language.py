"""The interface language: which one starts, the View > Language menu, and the restart it needs.

At start the language is ``--lang`` if given, else the one chosen in the menu before
(the setting ``view/language``), else the system's (LANG=ko_KR.UTF-8 gives Korean).
``start_language`` installs the translations and, in Korean, the shipped font.

A choice in the menu is remembered and takes effect at the next start: a window built
in one language would need every widget to re-set its texts, and strings composed at run
time (captions, statistics, tooltips) would keep the old language until redrawn. So the
menu says so and offers to restart now, which closes the window (its state is saved as at
any close) and starts the same program again with the same arguments, less ``--lang``.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QSettings
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from ..safe_io import MAX_READ_BYTES
from .fonts import FAMILY, register_fonts, use_korean_font
from .i18n import LANGUAGES, current_language, install_translators, system_language, tr
from .settings import FILE_NAME, settings_dir

SETTING = "view/language"
#: Each language's name in itself, as the menu shows it (never translated).
NAMES = {"en": "English", "ko": "한국어"}


def stored_language(folder: Path | None = None) -> str | None:
    """The language chosen in the menu before, or None. Read before the window's
    Settings (whose messages need the language); a file that is not a small regular
    file is left for Settings to set aside."""
    path = Path(folder if folder is not None else settings_dir()) / FILE_NAME
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_READ_BYTES:
        return None
    value = QSettings(str(path), QSettings.Format.IniFormat).value(SETTING)
    return value if value in LANGUAGES else None


def choose_language(requested: str | None, folder: Path | None = None) -> str:
    """``--lang`` first, then the remembered choice, then the system's locale."""
    return requested or stored_language(folder) or system_language()


def start_language(app: QApplication, language: str) -> None:
    """Translations for ``language`` and the fonts: registered always (Hangul in the
    language menu), the application font in Korean."""
    install_translators(app, language)
    register_fonts()
    if language == "ko":
        use_korean_font(app)


def restart_arguments(argv: list[str]) -> list[str]:
    """``argv`` (without the program) less ``--lang X`` / ``--lang=X`` and ``--self-test``."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not (arg.startswith("--lang=") or arg == "--self-test"):
            out.append(arg)
    return out


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that start this app again (bundle, ``main.py`` or ``-m initviz``)."""
    args = restart_arguments(sys.argv[1:])
    if getattr(sys, "frozen", False):
        return sys.executable, args
    script = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if not script or script == "-c" or Path(script).name == "__main__.py":
        return sys.executable, ["-m", "initviz", *args]
    return sys.executable, [script, *args]


class LanguageMenu:
    """View > Language: English and 한국어, the current one checked."""

    def __init__(self, window, view_menu) -> None:
        self.window = window
        self.menu = view_menu.addMenu(tr("La&nguage"))  # L is the theme's, the lecture's and the zoom's
        self.group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = QAction(NAMES[code], window)
            if code == "ko" and register_fonts():  # Hangul even where the system has no such font
                action.setFont(QFont(FAMILY, action.font().pointSize()))
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action

    def choose(self, code: str) -> None:
        """Remember ``code``; when it is not the running language, offer to restart now."""
        settings = self.window.settings
        settings.set(SETTING, code)
        if code == current_language():
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Language"),
                          tr("The interface will be in {0} from the next start. Restart initviz now?")
                          .format(NAMES[code]), parent=self.window)
        restart = box.addButton(tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        if box.clickedButton() is restart:
            self.restart()
        else:
            self.window.show_message(tr("The interface will be in {0} from the next start.").format(NAMES[code]))

    def restart(self) -> bool:
        """Close the window (saving its state), start the app again, quit; False (and the
        window kept open) when the new process cannot start or the window refuses to close."""
        program, args = restart_command()
        if not self.window.close():
            return False
        if not QProcess.startDetached(program, args)[0]:
            self.window.show()
            self.window.show_message(tr("initviz could not be started again: please restart it by hand."),
                                     sticky=True)
            return False
        QApplication.instance().quit()
        return True
