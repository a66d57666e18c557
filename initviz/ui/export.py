"""Export: the current view as PNG or SVG, its numbers as CSV, the configuration as JSON;
and reading a saved configuration back.

A figure leaves the window with its context: a title above it and one configuration
line per run under it (``figure_text``), and a PNG is drawn at a chosen scale (2x the
view by default, for print and slides) rather than copied from the screen. The numbers
are tidy CSV: one row per (run, pass, quantity, layer, bin) in ``name.csv`` and one row
per (run, pass, quantity, layer) with the statistics in ``name_layers.csv``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QRegion
from PySide6.QtWidgets import QGraphicsView, QWidget

from ..engine import ConfigError, SimulationConfig
from ..pinned import split_file
from ..safe_io import ends_with, parse_json, quiet_stderr, read_text, write_atomically, write_text_atomically
from .figure_text import file_stem
from .i18n import tr
from .rundata import QUANTITIES, RunData

#: The last chunk of every complete PNG file.
PNG_END = b"IEND\xaeB`\x82"
#: The scale of an exported PNG unless the user picks another (print and slides want more
#: pixels than a laptop screen has).
DEFAULT_SCALE = 2.0
#: The largest exported image side, in pixels (a 16000 x 16000 ARGB image is 1 GB).
MAX_SIDE = 16000
#: Pixel sizes (at scale 1) of the title and the footer, and the margin around them.
TITLE_PX = 22
FOOTER_PX = 15
MARGIN_PX = 10


class Decoration:
    """The title and footer lines drawn around an exported figure (none: the bare view)."""

    def __init__(self, title: str | None = None, footer: Sequence[str] = ()) -> None:
        self.title = title or ""
        self.footer = [line for line in footer if line]

    def _fonts(self) -> tuple[QFont, QFont]:
        title = QFont()
        title.setPixelSize(TITLE_PX)
        title.setBold(True)
        footer = QFont()
        footer.setPixelSize(FOOTER_PX)
        return title, footer

    def heights(self, width: int) -> tuple[int, int]:
        """Pixels (at scale 1) above and below the view for a figure ``width`` wide; long
        lines wrap rather than being cut."""
        title_font, footer_font = self._fonts()
        inner = QRect(0, 0, max(width - 2 * MARGIN_PX, 50), 100000)
        flags = int(Qt.TextFlag.TextWordWrap)
        top = QFontMetrics(title_font).boundingRect(inner, flags, self.title).height() + 2 * MARGIN_PX \
            if self.title else 0
        bottom = 0
        for line in self.footer:
            bottom += QFontMetrics(footer_font).boundingRect(inner, flags, line).height() + 4
        if bottom:
            bottom += 2 * MARGIN_PX
        return top, bottom

    def paint(self, painter: QPainter, width: int, view_height: int, colour: QColor) -> None:
        """Draw the title over ``[0, top)`` and the footer under the view."""
        title_font, footer_font = self._fonts()
        top, _ = self.heights(width)
        painter.save()
        painter.setPen(colour)
        flags = int(Qt.TextFlag.TextWordWrap)
        inner_width = max(width - 2 * MARGIN_PX, 50)
        if self.title:
            painter.setFont(title_font)
            painter.drawText(QRect(MARGIN_PX, MARGIN_PX, inner_width, top - MARGIN_PX), flags, self.title)
        painter.setFont(footer_font)
        y = top + view_height + MARGIN_PX
        metrics = QFontMetrics(footer_font)
        for line in self.footer:
            h = metrics.boundingRect(QRect(0, 0, inner_width, 100000), flags, line).height()
            painter.drawText(QRect(MARGIN_PX, y, inner_width, h), flags, line)
            y += h + 4
        painter.restore()


def _canvas(widget: QWidget):
    """The graphics view that holds a view's plots (the symmetry view keeps it in ``canvas``)."""
    return getattr(widget, "canvas", widget)


def _colours(widget: QWidget) -> tuple[QColor, QColor]:
    """Background and text colour of the figure: the plots' background, the theme's text."""
    canvas = _canvas(widget)
    background = canvas.backgroundBrush().color() if isinstance(canvas, QGraphicsView) else \
        widget.palette().color(QPalette.ColorRole.Window)
    if background.alpha() == 0:
        background = widget.palette().color(QPalette.ColorRole.Window)
    text = widget.palette().color(QPalette.ColorRole.WindowText)
    if abs(text.lightness() - background.lightness()) < 100:  # a palette that does not match the plots
        text = QColor("#111111") if background.lightness() > 127 else QColor("#EEEEEE")
    return background, text


def png_size(widget: QWidget, scale: float = DEFAULT_SCALE, decoration: Decoration | None = None) -> QSize:
    """The size in pixels of the PNG ``export_png`` writes for these arguments."""
    top, bottom = (decoration or Decoration()).heights(widget.width())
    return QSize(round(widget.width() * scale), round((widget.height() + top + bottom) * scale))


def check_scale(widget: QWidget, scale: float, decoration: Decoration | None = None) -> None:
    """ValueError (one line) when ``scale`` is not a usable size for this view."""
    size = png_size(widget, scale, decoration) if scale > 0 else QSize(0, 0)
    if not 0 < scale or size.width() < 16 or size.height() < 16 or max(size.width(), size.height()) > MAX_SIDE:
        raise ValueError(tr("the image would be {0} x {1} pixels; allowed: 16 to {2} pixels a side")
                         .format(size.width(), size.height(), MAX_SIDE))


def render_image(widget: QWidget, scale: float = DEFAULT_SCALE, decoration: Decoration | None = None) -> QImage:
    """The widget drawn at ``scale`` times its size (text and lines redrawn sharp, not
    enlarged pixels), with the decoration's title above and footer below."""
    decoration = decoration or Decoration()
    check_scale(widget, scale, decoration)
    top, _bottom = decoration.heights(widget.width())
    size = png_size(widget, scale, decoration)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)  # painting is in the widget's pixels, stored at scale
    background, text = _colours(widget)
    image.fill(background)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(0, top)
        if not isinstance(widget, QGraphicsView):  # its toolbar, labels and spin boxes
            QWidget.render(widget, painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
        # A graphics view renders itself wrongly through QWidget.render at a device pixel
        # ratio other than the screen's: draw each one again from its scene.
        views = ([widget] if isinstance(widget, QGraphicsView) else []) + widget.findChildren(QGraphicsView)
        for view in views:
            if view.isVisibleTo(widget) or view is widget:
                port = view.viewport()
                origin = port.mapTo(widget, QPoint(0, 0)) if view is not widget else port.pos()
                target = QRectF(QPointF(origin), QRectF(port.rect()).size())
                QGraphicsView.render(view, painter, target, port.rect())
        painter.translate(0, -top)
        decoration.paint(painter, widget.width(), widget.height(), text)
    finally:
        painter.end()
    return image


def export_png(widget: QWidget, path: str | Path, scale: float = 1.0, decoration: Decoration | None = None) -> None:
    """The widget as a PNG: at scale 1 with no decoration exactly as on screen, else
    ``render_image``. OSError when it cannot be written (the old file, if any, is then
    kept: see ``safe_io``); ValueError for a scale that gives no usable image."""
    if scale == 1.0 and decoration is None:
        image = widget.grab()
    else:
        image = render_image(widget, scale, decoration)

    def write(temporary: Path) -> None:
        with quiet_stderr():  # libpng prints its own line on a write error; ours follows
            saved = image.save(str(temporary), "PNG")
        if not saved:
            raise OSError(tr("the image could not be saved (is the disk full?)"))

    write_atomically(path, write, check=ends_with(PNG_END))


def export_svg(widget: QWidget, path: str | Path, decoration: Decoration | None = None) -> None:
    """Vector drawing of a pyqtgraph view's scene via QSvgGenerator (the symmetry view
    exports its canvas), with the decoration's title and footer as SVG text.
    pyqtgraph's own SVGExporter fails on Qt 6.11's path output."""
    canvas = _canvas(widget)
    scene = canvas.scene()
    rect = QRectF(canvas.viewport().rect()) if hasattr(canvas, "viewport") else scene.sceneRect()
    write_atomically(path, lambda temporary: _render_svg(canvas, scene, rect, temporary, decoration or Decoration()),
                     check=ends_with(b"</svg>"))


def _render_svg(canvas, scene, rect, path: Path, decoration: Decoration) -> None:
    from PySide6.QtSvg import QSvgGenerator

    width, height = int(rect.width()), int(rect.height())
    top, bottom = decoration.heights(width)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height + top + bottom))
    generator.setViewBox(QRectF(0, 0, width, height + top + bottom))
    generator.setTitle(decoration.title or "initviz")
    if decoration.footer:
        generator.setDescription("\n".join(decoration.footer))
    background, text = _colours(canvas)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(tr("could not write {0}").format(path))
    try:
        painter.fillRect(QRectF(0, 0, width, height + top + bottom), background)
        target = QRectF(0, top, rect.width(), rect.height())
        scene.render(painter, target, canvas.mapToScene(rect.toRect()).boundingRect())
        decoration.paint(painter, width, height, text)
    finally:
        painter.end()


#: Columns of the histogram CSV: one row per run, pass, quantity, layer and bin.
BIN_FIELDS = ("run", "configuration", "pass", "quantity", "layer", "bin", "bin_low", "bin_high", "count", "share",
              "predicted_count")
#: Columns of the statistics CSV (``*_layers.csv``): one row per run, pass, quantity and layer.
LAYER_FIELDS = ("run", "configuration", "pass", "quantity", "layer", "units", "values", "mean", "std",
                "predicted_std", "saturated", "dead", "nonfinite", "distinct_units", "underflow", "overflow")
#: Which pass computes each quantity.
PASSES = {"activations": "forward", "preactivations": "forward", "gradients": "backward",
          "weight_gradients": "backward", "pre_gradients": "backward"}


def layers_path(path: str | Path) -> Path:
    """``numbers.csv`` -> ``numbers_layers.csv``: where the per-layer statistics go."""
    path = Path(path)
    suffix = path.suffix if path.suffix.lower() == ".csv" else ""
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    return path.with_name(f"{stem}_layers{suffix or '.csv'}")


def _number(x) -> float | str:
    """A CSV cell: the number, or empty for a missing or NaN one."""
    if x is None:
        return ""
    x = float(x)
    return "" if x != x else x


def bin_rows(run: RunData):
    """One dict per (quantity, layer, bin) of the run's filled layers, in BIN_FIELDS."""
    name = file_stem(run.config)
    for quantity in QUANTITIES:
        series = run.series[quantity]
        if series.counts is None:
            continue
        edges = series.edges
        for i in (int(k) for k in series.filled.nonzero()[0]):
            counts = series.counts[i]
            total = int(counts.sum()) + int(series.underflow[i]) + int(series.overflow[i])
            predicted = series.predicted[i] if series.predicted is not None else None
            for b, count in enumerate(counts):
                yield {"run": run.title, "configuration": name, "pass": PASSES.get(quantity, ""), "quantity": quantity,
                       "layer": i + 1, "bin": b + 1, "bin_low": float(edges[b]), "bin_high": float(edges[b + 1]),
                       "count": int(count), "share": int(count) / total if total else "",
                       "predicted_count": "" if predicted is None else _number(predicted[b])}


def layer_rows(run: RunData):
    """One dict per (quantity, layer) of the run's filled layers, in LAYER_FIELDS."""
    name = file_stem(run.config)
    for quantity in QUANTITIES:
        series = run.series[quantity]
        if series.counts is None:
            continue
        for i in (int(k) for k in series.filled.nonzero()[0]):
            st = series.stats[i]
            values = int(series.counts[i].sum()) + int(series.underflow[i]) + int(series.overflow[i])
            yield {"run": run.title, "configuration": name, "pass": PASSES.get(quantity, ""), "quantity": quantity,
                   "layer": i + 1, "units": int(run.units[i]), "values": values, "mean": _number(st.mean),
                   "std": _number(st.std), "predicted_std": _number(st.predicted_std),
                   "saturated": _number(st.saturated), "dead": _number(st.dead), "nonfinite": int(st.nonfinite),
                   "distinct_units": int(run.distinct_units[i]) if quantity == "activations" else "",
                   "underflow": int(series.underflow[i]), "overflow": int(series.overflow[i])}


def _write_csv(path: Path, fields: tuple[str, ...], rows) -> None:
    def write(temporary: Path) -> None:
        with open(temporary, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)

    write_atomically(path, write)


def export_csv(runs: list[RunData], path: str | Path) -> Path:
    """The histograms in ``path`` and the statistics beside it (``layers_path``), each
    written whole or not at all; returns the statistics file's path."""
    path = Path(path)
    _write_csv(path, BIN_FIELDS, (row for run in runs for row in bin_rows(run)))
    second = layers_path(path)
    _write_csv(second, LAYER_FIELDS, (row for run in runs for row in layer_rows(run)))
    return second


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
