"""Export: the current view as PNG or SVG, its numbers as CSV, the configuration as JSON;
and reading a saved configuration back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..engine import ConfigError, SimulationConfig
from .i18n import tr
from .rundata import RunData


def export_png(widget: QWidget, path: str | Path) -> None:
    """The widget as drawn on screen; OSError when it cannot be written."""
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(tr("could not write {0}").format(path))


def export_svg(widget: QWidget, path: str | Path) -> None:
    """Vector drawing of a pyqtgraph view's scene via QSvgGenerator (the symmetry view
    exports its canvas). pyqtgraph's own SVGExporter fails on Qt 6.11's path output."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    canvas = getattr(widget, "canvas", widget)
    scene = canvas.scene()
    rect = QRectF(canvas.viewport().rect()) if hasattr(canvas, "viewport") else scene.sceneRect()
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
    if not Path(path).exists():
        raise OSError(tr("could not write {0}").format(path))


CSV_FIELDS = ("run", "quantity", "layer", "mean", "std", "predicted_std", "saturated", "dead", "nonfinite",
              "distinct_units", "underflow", "overflow", "edges", "counts")


def export_csv(runs: list[RunData], path: str | Path) -> None:
    """One row per run, quantity and layer: the numbers and the histogram."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for run in runs:
            for row in run.to_rows():
                writer.writerow({k: ("" if v is None else v) for k, v in row.items()})


def export_json(config: SimulationConfig, path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(config.to_dict(), f, indent=2)
        f.write("\n")


def load_config(path: str | Path) -> SimulationConfig:
    """A configuration file written by ``export_json`` (or by hand); ConfigError otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(tr("cannot read {0}: {1}").format(path, exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(tr("{0} is not JSON: {1}").format(Path(path).name, exc)) from None
    return SimulationConfig.from_dict(data)
