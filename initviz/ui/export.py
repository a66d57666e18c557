"""Export: the current view as PNG or SVG, its numbers as CSV, the configuration as JSON;
and reading a saved configuration back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..engine import ConfigError, SimulationConfig
from ..pinned import split_file
from ..safe_io import ends_with, parse_json, quiet_stderr, read_text, write_atomically, write_text_atomically
from .i18n import tr
from .rundata import RunData

#: The last chunk of every complete PNG file.
PNG_END = b"IEND\xaeB`\x82"


def export_png(widget: QWidget, path: str | Path) -> None:
    """The widget as drawn on screen; OSError when it cannot be written (the old file,
    if any, is then kept: see ``safe_io``)."""
    image = widget.grab()

    def write(temporary: Path) -> None:
        with quiet_stderr():  # libpng prints its own line on a write error; ours follows
            saved = image.save(str(temporary), "PNG")
        if not saved:
            raise OSError(tr("the image could not be saved (is the disk full?)"))

    write_atomically(path, write, check=ends_with(PNG_END))


def export_svg(widget: QWidget, path: str | Path) -> None:
    """Vector drawing of a pyqtgraph view's scene via QSvgGenerator (the symmetry view
    exports its canvas). pyqtgraph's own SVGExporter fails on Qt 6.11's path output."""
    from PySide6.QtCore import QRectF

    canvas = getattr(widget, "canvas", widget)
    scene = canvas.scene()
    rect = QRectF(canvas.viewport().rect()) if hasattr(canvas, "viewport") else scene.sceneRect()
    write_atomically(path, lambda temporary: _render_svg(canvas, scene, rect, temporary), check=ends_with(b"</svg>"))


def _render_svg(canvas, scene, rect, path: Path) -> None:
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle("initviz")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(tr("could not write {0}").format(path))
    try:
        target = QRectF(0, 0, rect.width(), rect.height())
        painter.fillRect(target, canvas.backgroundBrush())
        scene.render(painter, target, canvas.mapToScene(rect.toRect()).boundingRect())
    finally:
        painter.end()


CSV_FIELDS = ("run", "quantity", "layer", "mean", "std", "predicted_std", "saturated", "dead", "nonfinite",
              "distinct_units", "underflow", "overflow", "edges", "counts")


def export_csv(runs: list[RunData], path: str | Path) -> None:
    """One row per run, quantity and layer: the numbers and the histogram."""

    def write(temporary: Path) -> None:
        with open(temporary, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for run in runs:
                for row in run.to_rows():
                    writer.writerow({k: ("" if v is None else v) for k, v in row.items()})

    write_atomically(path, write)


def export_json(config: SimulationConfig, path: str | Path) -> None:
    write_text_atomically(path, json.dumps(config.to_dict(), indent=2) + "\n")


def load_config(path: str | Path) -> SimulationConfig:
    """A configuration file written by ``export_json`` (or by hand); ConfigError otherwise.
    Only a regular file of at most a megabyte is read (``safe_io``)."""
    try:
        text = read_text(path)
    except OSError as exc:
        raise ConfigError(tr("cannot read {0}: {1}").format(path, exc.strerror or exc)) from None
    try:
        data = parse_json(text, Path(path).name)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    # a comparison's file: its configuration (the window reads the pinned list itself, ui/pins.py)
    return SimulationConfig.from_dict(split_file(data)[0])
