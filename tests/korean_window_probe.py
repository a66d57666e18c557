"""Drive the window in Korean and report, as one JSON line, what it showed and which
strings it looked up that the translation lacks (run by tests/test_gui_language.py in a
child process, so that the Korean translators never reach the other tests' application).

    python tests/korean_window_probe.py SETTINGS_DIR
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, QTranslator  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402


class Recorder(QTranslator):
    """Installed last, so asked first: notes every lookup and answers none (None: not found)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt's virtual
        self.seen.add((context or "", source))
        return None


def wait_for(window, seconds: float = 60.0) -> None:
    loop = QEventLoop()
    window.run_finished.connect(loop.quit)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    if window.runner.busy:
        loop.exec()
    window.run_finished.disconnect(loop.quit)


def main(folder: str) -> int:
    from initviz.presets import PRESETS
    from initviz.ui.about import about_html
    from initviz.ui.app import _application
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    app = _application([], "ko", folder)
    recorder = Recorder()
    app.installTranslator(recorder)
    window = MainWindow(Settings(folder))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own strings: qtbase_ko.qm
    report = {
        "font": app.font().family(),
        "menus": [a.text() for a in window.menuBar().actions()],
        "cancel_button": box.buttons()[0].text(),
        "language_entries": [a.text() for a in window.language_menu.menu.actions()],
        "language_checked": [a.text() for a in window.language_menu.menu.actions() if a.isChecked()],
    }
    for preset in PRESETS:
        window.load_preset(preset)
        wait_for(window)
        for view in ("book", "deep", "symmetry", "phase"):
            window.area.set_view(view)
            app.processEvents()
    window.panel.set_config(window.panel.config().replace(gradients=True))
    window.rerun()
    wait_for(window)
    for index in range(window.area.quantity.count()):
        window.area.quantity.setCurrentIndex(index)
        app.processEvents()
    about_html()
    window.area.set_view("training")
    app.processEvents()
    report["lookups"] = sorted(recorder.seen)
    window.close()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
