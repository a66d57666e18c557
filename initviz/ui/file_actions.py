"""The window's File actions: open and save a configuration, export the view and its numbers.

A mixin of ``MainWindow``: it uses the window's panel, runs, view area and message
banner. A failed read or write is a message in the window, never a traceback.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from ..engine import ConfigError
from . import export
from .pins import read_file, write_file


class FileActions:
    """Open/save configuration, export PNG/SVG/CSV (mixed into ``MainWindow``)."""

    def open_config(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open configuration"), "", self.tr("JSON (*.json)"))
            if not path:
                return False
        try:
            config, pinned, problems = read_file(path)  # with its pinned runs
        except ConfigError as exc:
            self.show_message(self.tr("This configuration cannot be used: {0}").format(exc))
            return False
        self._preset = None
        self.panel.set_config(config)
        self.compare.set_pinned(pinned)
        started = self.rerun()
        if problems:
            self.show_message("; ".join(problems), sticky=True)
        return started

    def save_config(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save configuration"), "initviz.json",
                                                  self.tr("JSON (*.json)"))
        if path:
            self._guard(lambda: write_file(path, self.panel.config(), self.compare.pinned))

    def export_view(self, kind: str, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export view"), f"initviz.{kind}",
                                                  f"{kind.upper()} (*.{kind})")
            if not path:
                return
        writer = export.export_png if kind == "png" else export.export_svg
        self._guard(lambda: writer(self.area.current, path))

    def export_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export numbers"), "initviz.csv", "CSV (*.csv)")
            if not path:
                return
        if self.area.current_key == "training":
            self._guard(lambda: self.area.training.export_csv(path))
        else:
            self._guard(lambda: export.export_csv(self.runs, path))

    def _guard(self, fn) -> None:
        try:
            fn()
        except (OSError, ConfigError) as exc:
            self.show_message(str(exc))
