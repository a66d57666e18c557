"""Runtime hook of the initviz bundle: an empty stand-in for PySide6.QtOpenGL.

The bundle leaves the QtOpenGL binding out (packaging/initviz.spec, docs/bundle.md).
pyqtgraph imports it at start-up but uses it only to paint with OpenGL, which initviz never
turns on; any use of a name from the stand-in raises an AttributeError saying why.
"""

import sys
import types


def _install() -> None:
    if "PySide6.QtOpenGL" in sys.modules:
        return
    module = types.ModuleType("PySide6.QtOpenGL", "Stand-in: QtOpenGL is left out of the initviz bundle.")

    def missing(name):
        raise AttributeError(
            f"PySide6.QtOpenGL.{name}: QtOpenGL is left out of the initviz bundle (packaging/initviz.spec), "
            "so pyqtgraph cannot paint with OpenGL"
        )

    module.__getattr__ = missing  # module-level __getattr__ (PEP 562)
    sys.modules["PySide6.QtOpenGL"] = module


_install()
