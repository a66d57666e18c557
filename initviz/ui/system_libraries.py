"""Before Qt loads its X11 platform plugin: are the system libraries it needs there?

Qt's own check aborts the process with a dump of plugin paths when one is missing
(a bare Linux, a minimal classroom image). This asks the dynamic loader for each
library first and, if any is missing, says in one line which ones and the command
that installs them. No Qt here: it runs before Qt is imported.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

#: Libraries Qt's xcb platform plugin links (``ldd libqxcb.so``), with the Debian and
#: Ubuntu package that holds each.
REQUIRED: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(environ=os.environ) -> bool:
    """True when Qt will pick its X11 (xcb) platform plugin here."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return bool(environ.get("DISPLAY")) and not wayland


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
        return True
    except OSError:
        pass
    bundle = getattr(sys, "_MEIPASS", None)  # a frozen bundle carries some of them itself
    return bool(bundle) and any(Path(bundle).rglob(name))


def missing() -> list[str]:
    """The required libraries the dynamic loader cannot find."""
    return [name for name in REQUIRED if not _loadable(name)]


def missing_message(names: list[str]) -> str:
    """One line: what is missing and how to install it."""
    packages = " ".join(dict.fromkeys(REQUIRED[n] for n in names))
    return (
        f"initviz: the window needs system libraries that are missing: {', '.join(names)}; "
        f"install them with: sudo apt-get install {packages}"
    )
