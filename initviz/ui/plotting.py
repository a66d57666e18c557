"""Small pyqtgraph helpers shared by the views: themed plot items, number formats, log ticks."""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from .theme import FONT_PX, LINE_WIDTH, Theme, plot_font, scaled_px

# Antialiasing is a large share of a repaint and buys nothing on bars and images; curves
# turn it on for themselves (``curve``).
pg.setConfigOptions(antialias=False, imageAxisOrder="col-major")


#: Pixel sizes of the axes (tick labels and axis title at FONT_PX) at text zoom 1.
LEFT_AXIS_PX = 96
BOTTOM_AXIS_PX = 58


class PaintClock:
    """Mixin for a pyqtgraph view: adds up the time its repaints take, so that the
    window can space redraws to keep the GUI thread mostly idle."""

    painted_s = 0.0

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        start = time.perf_counter()
        super().paintEvent(event)
        self.painted_s += time.perf_counter() - start

    def take_paint_time(self) -> float:
        """Seconds spent repainting since the last call."""
        spent, self.painted_s = self.painted_s, 0.0
        return spent


class Label(QGraphicsSimpleTextItem):
    """Text at a data position, upright and of fixed pixel size, anchored like pyqtgraph's
    ``TextItem`` ((0.5, 0): top centre at the position) but a plain text item: several
    times cheaper to create and to paint, which matters with one label per layer.
    ``px`` is the size at text zoom 1; ``set_pixel_size`` (or ``rescale`` after a zoom)
    applies the current zoom."""

    def __init__(self, anchor=(0.0, 0.0), px: int = FONT_PX, bold: bool = False, color: str = "#000000") -> None:
        super().__init__()
        self.anchor = anchor
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.base_px = px
        self.setFont(plot_font(px, bold))
        self.setColor(color)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        if text != self.text():
            super().setText(text)
            self._reanchor()

    def set_pixel_size(self, px: int) -> None:
        """``px`` at text zoom 1."""
        self.base_px = px
        if self.font().pixelSize() != scaled_px(px):
            font = self.font()
            font.setPixelSize(scaled_px(px))
            self.setFont(font)
            self._reanchor()

    def rescale(self) -> None:
        """Apply the current text zoom."""
        self.set_pixel_size(self.base_px)

    def setColor(self, color: str) -> None:  # noqa: N802 (pyqtgraph's TextItem name)
        self.setBrush(QColor(color))

    def _reanchor(self) -> None:
        rect = self.boundingRect()
        ax, ay = self.anchor
        self.setTransform(QTransform.fromTranslate(-ax * rect.width(), -ay * rect.height()))


def curve(plot: pg.PlotItem, **options) -> pg.PlotDataItem:
    """An empty antialiased curve added to ``plot``."""
    item = pg.PlotDataItem([], [], antialias=True, **options)
    plot.addItem(item)
    return item


def fmt(x: float | None, digits: int = 3) -> str:
    """A short number for a label: 0.213, 1.2e-05, inf; '-' for None or NaN."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if not math.isfinite(x):
        return "inf" if x > 0 else "-inf"
    if x != 0 and (abs(x) < 10 ** -(digits - 1) or abs(x) >= 10**5):
        mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{x:.{digits}g}"


def percent(x: float | None) -> str:
    if x is None or math.isnan(x):
        return "-"
    if 0 < x < 0.001:
        return "<0.1%"
    return f"{100 * x:.1f}%" if x < 0.1 else f"{100 * x:.0f}%"


def style_plot(plot: pg.PlotItem, theme: Theme) -> None:
    """Large tick labels, themed axes and grid."""
    pen = pg.mkPen(theme.foreground, width=1)
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pen)
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setStyle(tickFont=plot_font(FONT_PX), tickTextOffset=6)
        axis.label.setFont(plot_font(FONT_PX))
        # Axes (with their grid lines) are the costliest items to paint; as cached
        # pixmaps they cost a blit when only the data changed.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    # Fixed sizes: an axis that resizes with its tick labels relayouts (and repaints)
    # the whole scene, several times per redraw.
    plot.getAxis("left").setWidth(scaled_px(LEFT_AXIS_PX))
    plot.getAxis("bottom").setHeight(scaled_px(BOTTOM_AXIS_PX))
    plot.showGrid(x=True, y=True, alpha=theme.grid_alpha)
    plot.titleLabel.item.setFont(plot_font(FONT_PX + 2, bold=True))
    plot.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot._initviz_text = {}  # what set_title / set_label last wrote, per place


def _changed(plot: pg.PlotItem, place: str, value) -> bool:
    """True (and remembered) when ``value`` differs from the last one written at ``place``:
    rewriting the same label relayouts and repaints the whole plot."""
    memo = plot.__dict__.setdefault("_initviz_text", {})
    if memo.get(place) == value:
        return False
    memo[place] = value
    return True


def set_title(plot: pg.PlotItem, text: str | None, theme: Theme) -> None:
    size = scaled_px(FONT_PX + 2)
    if _changed(plot, "title", (text, theme.foreground, size)):
        plot.setTitle(text, color=theme.foreground, size=f"{size}px")


def set_label(plot: pg.PlotItem, side: str, text: str, theme: Theme) -> None:
    size = scaled_px(FONT_PX)
    if _changed(plot, side, (text, theme.foreground, size)):
        plot.setLabel(side, text, color=theme.foreground, **{"font-size": f"{size}px"})


def line_pen(color: str, dashed: bool = False, width: float = LINE_WIDTH):
    from PySide6.QtCore import Qt

    return pg.mkPen(color, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def log_count_ticks(top: float) -> list[tuple[float, str]]:
    """Ticks for a count axis drawn as log10(count): 1, 10, 100, ..."""
    return [(float(k), f"{10**k:,}") for k in range(0, int(math.floor(top)) + 1)]


def count_ticks(top: float, count: int = 4) -> list[tuple[float, str]]:
    """Round ticks from 0 to ``top`` for a count axis (no negative ticks)."""
    if top <= 0:
        return [(0.0, "0")]
    raw = top / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return [(float(v), f"{v:,.0f}" if step >= 1 else f"{v:g}") for v in np.arange(0, top + step * 0.01, step)]


def finite_positive(values: np.ndarray, floor: float) -> np.ndarray:
    """``values`` with non-finite entries as NaN and others clipped at ``floor`` (for log axes)."""
    out = np.asarray(values, dtype=np.float64).copy()
    out[~np.isfinite(out)] = np.nan
    return np.where(np.isnan(out), np.nan, np.maximum(out, floor))


def log_axis_ticks(lo: int, hi: int) -> list[list[tuple[float, str]]]:
    """Ticks of a log10 axis from 10^lo to 10^hi: every decade labelled, and 2 and 5
    in between when the range spans at most three decades (in log10 coordinates)."""
    step = max(1, (hi - lo + 5) // 6)
    major = [(float(k), f"{10.0**k:g}") for k in range(lo, hi + 1, step)]
    minor = []
    if hi - lo <= 3:
        minor = [(math.log10(m) + k, f"{m * 10.0**k:g}") for k in range(lo, hi) for m in (2, 5)]
    return [major, minor]
