"""The lecture's entries in the window: View > Lecture (Ctrl+L) and File > Lecture handout.

The handout is drawn by a second window that is never shown on screen (its runs are its
own), while a progress dialog keeps this one responsive; the text zoom and theme the
second window changes (they are the application's) are put back afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from .i18n import tr
from .lecture_mode import LectureMode
from .theme import font_scale


def install_lecture(window) -> LectureMode:
    """The window's lecture mode and its two menu entries."""
    lecture = LectureMode(window)
    view, file = window.menus["view"], window.menus["file"]
    action = QAction(tr("&Lecture"), window)
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setStatusTip(tr("The lecture, step by step, full screen (PageDown / PageUp; Esc leaves)"))
    action.triggered.connect(lambda _=False: lecture.enter(1))
    view.insertAction(view.actions()[0] if view.actions() else None, action)
    view.insertSeparator(view.actions()[1])
    handout = QAction(tr("Lecture &handout (PDF)..."), window)
    handout.setStatusTip(tr("One page per lecture step: the figure, caption, formula and configuration"))
    handout.triggered.connect(lambda _=False: save_handout(window))
    actions = file.actions()
    before = next((a for a in actions if a.isSeparator()), None)
    file.insertAction(before, handout)
    window.addAction(action)
    return lecture


def save_handout(window) -> None:
    """Ask for a file and write the handout there, with a message on the result."""
    from .lecture_output import write_handout

    path, _ = QFileDialog.getSaveFileName(window, tr("Lecture handout"), "initviz_lecture.pdf",
                                          tr("PDF files (*.pdf)"))
    if not path:
        return
    zoom, theme = font_scale(), window.theme.name
    window.setEnabled(False)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        problem = write_handout(type(window), path, report=False)
    finally:
        QApplication.restoreOverrideCursor()
        window.setEnabled(True)
        window.presenting.zoom.set_scale(zoom)
        window.set_theme(theme)
    if problem:
        window.show_message(tr("The handout was not written: {0}").format(problem))
    else:
        window.status.showMessage(tr("Handout written: {0}").format(path), 8000)
