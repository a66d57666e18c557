"""A machine without the X11 libraries Qt needs: one line naming them and the install
command, exit 1, instead of Qt's abort with a plugin dump."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from initviz.ui.system_libraries import REQUIRED, missing_message, uses_xcb

ROOT = Path(__file__).resolve().parents[2]


def test_xcb_is_expected_only_where_qt_would_pick_it():
    linux = sys.platform.startswith("linux")
    assert uses_xcb({"DISPLAY": ":0"}) is linux
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb:dpi=96"}) is linux
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})
    assert not uses_xcb({})


def test_the_message_names_the_libraries_and_their_packages_once():
    line = missing_message(["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "\n" not in line
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in line
    assert line.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4")
    assert all(package for package in REQUIRED.values())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 plugin is Linux's")
def test_a_missing_library_stops_the_window_with_one_line():
    code = (
        "import sys\n"
        "from initviz.ui import system_libraries\n"
        "system_libraries.REQUIRED['libinitviz-absent.so.0'] = 'initviz-absent0'\n"
        "from initviz.cli import main\n"
        "sys.exit(main([]))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "DISPLAY": ":987", "HOME": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "libinitviz-absent.so.0" in lines[0] and "apt-get install" in lines[0], lines
    assert "Traceback" not in proc.stderr and "qt.qpa" not in proc.stderr
