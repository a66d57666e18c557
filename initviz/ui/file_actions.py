"""The window's File actions: open and save a configuration, export the view and its numbers.

A mixin of ``MainWindow``: it uses the window's panel, runs, view area and message
banner. A failed read or write is a message in the window, never a traceback.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFileDialog

from ..engine import ConfigError
from . import export
from .explain import abbreviations
from .export_dialog import PngOptions
from .figure_text import default_file_name, figure_title, footer_lines
from .i18n import tr
from .pins import read_file, write_file
from .rundata import RunData


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

    def _figure_decoration(self) -> export.Decoration:
        """The title and footer of the figure on screen: the preset's (or the
        configuration's) title and what is counted, one configuration line per run."""
        runs = self.runs or [RunData(self.panel.config())]
        quantity = self.area.quantity.currentData() if self.area.quantity.isEnabled() else "activations"
        preset = self._preset.title if self._preset is not None else None
        footer = footer_lines(runs)
        if self.area.current_key == "book":  # its numbers' short words, defined under it
            footer.append(abbreviations(quantity))
        return export.Decoration(figure_title(runs[0].config, quantity, tr(preset) if preset else None), footer)

    def _default_name(self, suffix: str) -> str:
        """``relu_he_depth5_seed20150206.png``: what the figure or the numbers show."""
        try:
            config = self.runs[0].config if self.runs else self.panel.config()
        except ConfigError:
            return "initviz" + suffix
        quantity = self.area.quantity.currentData() if suffix in (".png", ".svg") else "activations"
        return default_file_name(config, suffix, quantity)

    def export_view(self, kind: str, path: str | None = None, scale: float | None = None,
                    decorated: bool = True) -> None:
        """The view as PNG (at ``scale``, default 2x; asked in a dialog when no ``path``) or
        SVG, with its title and configuration footer unless ``decorated`` is False."""
        try:
            decoration = self._figure_decoration() if decorated else None
        except ConfigError as exc:
            self.show_message(str(exc))
            return
        self._draw()  # the figure as it is now, laid out (a run may have just ended)
        QApplication.sendPostedEvents()
        view = self.area.current
        if hasattr(view, "flush"):
            view.flush()
        if not path:
            if kind == "png":
                options = PngOptions(view, decoration or export.Decoration(), self)
                if options.exec() != PngOptions.DialogCode.Accepted:
                    return
                scale, decoration = options.chosen_scale(), options.chosen_decoration()
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export view"), self._default_name(f".{kind}"),
                                                  f"{kind.upper()} (*.{kind})")
            if not path:
                return
        if kind == "png":
            scale = export.DEFAULT_SCALE if scale is None else scale
            self._guard(lambda: export.export_png(view, path, scale, decoration or export.Decoration()))
        else:
            self._guard(lambda: export.export_svg(view, path, decoration))

    def export_csv(self, path: str | None = None) -> None:
        """The histograms as tidy CSV, and the per-layer statistics beside them (``*_layers.csv``)."""
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export numbers"), self._default_name(".csv"),
                                                  "CSV (*.csv)")
            if not path:
                return
        if self.area.current_key == "training":
            self._guard(lambda: self.area.training.export_csv(path))
        else:
            self._guard(lambda: export.export_csv(self.runs, path))

    def _guard(self, fn) -> None:
        try:
            fn()
        except (OSError, ValueError) as exc:  # ConfigError is a ValueError
            self.show_message(str(exc))
