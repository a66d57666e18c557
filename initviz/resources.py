"""Where the files under ``resources/`` are, from source and from the PyInstaller bundle.

Qt-free on purpose: the headless command line and the tests may ask for a path without
loading Qt. From a source checkout (or an editable install) the folder is the repository's
``resources/``; in a PyInstaller bundle it is ``resources/`` inside the bundle's data
folder (``sys._MEIPASS``: ``_internal/`` next to the executable in a one-folder build).
"""

from __future__ import annotations

import sys
from pathlib import Path

# PNG sizes generated from resources/icon.svg (see README, section Bundle).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def resources_dir() -> Path:
    """The folder that holds the application's resources."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    """The path of ``resources/<name>`` (``name`` may contain ``/``); it may not exist."""
    return resources_dir().joinpath(*name.split("/"))


def icon_paths() -> list[Path]:
    """The application icon's files that exist, smallest first (the SVG last).

    The GUI builds its ``QIcon`` from these: ``for p in icon_paths(): icon.addFile(str(p))``.
    """
    paths = [resource_path(f"icon-{size}.png") for size in ICON_SIZES]
    paths.append(resource_path("icon.svg"))
    return [p for p in paths if p.is_file()]
