"""The desktop application's entry point (Qt is imported from here on, never by the engine)."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    """Open the main window. (The window lands with the desktop-app issue.)"""
    print("initviz: the window is not built yet; try `python main.py simulate`", file=sys.stderr)
    return 1
