"""PySide6 6.12.0 on CPython 3.11 aborts after a few thousand calls of a method returning
None (pyproject.toml pins around it). Run 100,000 such calls in a child interpreter so an abort
fails this test instead of killing the whole session."""

import os
import subprocess
import sys

SNIPPET = (
    "from PySide6 import QtWidgets\n"
    "app = QtWidgets.QApplication([])\n"
    "w = QtWidgets.QWidget()\n"
    "for _ in range(100000):\n"
    "    w.setMaximumHeight(10)\n"
    "print('survived')\n"
)


def test_calling_a_none_returning_qt_method_100000_times_does_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SNIPPET], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"interpreter aborted ({proc.returncode}): {proc.stderr[-500:]}"
    assert "survived" in proc.stdout
