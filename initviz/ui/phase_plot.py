"""The phase diagram's map: a heat map over (sigma_w2, sigma_b2) with the critical line,
the ordered and chaotic regions named, the trainability contour depth = 6 xi_c
(Schoenholz et al. 2017), the current configuration and the named schemes.

Colour: log10 chi_1 on a colour-blind-safe diverging map (CET-CBD1, white at chi_1 = 1),
or log10 xi_c on cividis over one decade each side of depth / 6, where the contour lies.
Clicks and drags on the map are reported as ``point(sigma_w2, sigma_b2, final)``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ..engine.phase_grid import PhaseGrid
from .i18n import tr
from .phase_maps import PhaseMap
from .plotting import PaintClock, line_pen, set_label, set_title, style_plot
from .theme import FONT_PX, Theme, plot_font

#: log10 chi_1 shown from CHI_LOW (chi_1 = 0.1) up to at least CHI_HIGH.
CHI_LOW, CHI_HIGH = -1.0, 0.25


class _MapBox(pg.ViewBox):
    """A view box whose left clicks and drags choose a point instead of panning."""

    def __init__(self, on_point) -> None:
        super().__init__(enableMouse=False)
        self.on_point = on_point

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (pyqtgraph override)
        if ev.button() != Qt.MouseButton.LeftButton:
            return super().mouseClickEvent(ev)
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.on_point(p.x(), p.y(), True)

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 (pyqtgraph override)
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.on_point(p.x(), p.y(), ev.isFinish())


def _diverging(lo: float, hi: float) -> pg.ColorMap:
    """CET-CBD1 (blue, white, yellow: readable with every colour-vision deficiency) with
    its white middle at 0 of the range lo..hi, whatever the two halves' lengths."""
    base = pg.colormap.get("CET-CBD1")
    colors = base.getLookupTable(0.0, 1.0, 257, alpha=True)
    middle = -lo / (hi - lo)
    positions = np.concatenate([np.linspace(0.0, middle, 129), np.linspace(middle, 1.0, 129)[1:]])
    return pg.ColorMap(positions, colors)


class PhaseCanvas(PaintClock, pg.GraphicsLayoutWidget):
    """The map; ``show(map, depth, colour)``, ``set_marker``, ``set_named``."""

    def __init__(self, theme: Theme, on_point, on_leave=None, parent=None) -> None:
        super().__init__(parent)
        self.on_leave = on_leave
        self.theme = theme
        self.plot = self.addPlot(row=0, col=0, viewBox=_MapBox(self._point))
        self.on_point = on_point
        self.image = pg.ImageItem()
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(CHI_LOW, CHI_HIGH), interactive=False, width=18)
        self.colorbar.setImageItem(self.image, insert_in=self.plot)
        self.contour = pg.IsocurveItem(level=1.0)
        self.contour.setParentItem(self.image)  # drawn in the image's cells
        # black on a white halo, in both themes: the colour map is white on the critical line
        self.critical_halo = pg.PlotDataItem([], [], connect="finite", antialias=True, pen=pg.mkPen("#FFFFFF", width=8))
        self.critical = pg.PlotDataItem([], [], connect="finite", antialias=True, pen=pg.mkPen("#000000", width=4))
        self.critical_zero = pg.ScatterPlotItem(symbol="star", size=24, brush=pg.mkBrush("#000000"),
                                                pen=pg.mkPen("#FFFFFF", width=1.5))
        self.named = pg.ScatterPlotItem(symbol="d", size=14)
        self.marker = pg.ScatterPlotItem(symbol="o", size=20)
        for item in (self.critical_halo, self.critical, self.critical_zero, self.named, self.marker):
            self.plot.addItem(item)
        self.region_labels = [pg.TextItem(anchor=(0.5, 0.5)) for _ in range(2)]
        self.named_labels: list[pg.TextItem] = []
        self.marker_label = pg.TextItem(anchor=(0.5, 1.3))
        for label in self.region_labels + [self.marker_label]:
            label.setFont(plot_font(FONT_PX + 2, bold=True))
            self.plot.addItem(label, ignoreBounds=True)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        for side in ("left", "bottom"):  # 0.5, not 500 x 0.001
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.map: PhaseMap | None = None
        self.limits = ((0.0, 1.0), (0.0, 1.0))
        self.set_theme(theme)

    # -- appearance -----------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackground(theme.background)
        style_plot(self.plot, theme)
        self.plot.showGrid(x=False, y=False)
        axis = self.colorbar.axis
        axis.setStyle(tickFont=plot_font(FONT_PX))
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setPen(pg.mkPen(theme.foreground))
        axis.setWidth(56)
        self.contour.setPen(line_pen(theme.prediction, dashed=True, width=4))
        self.named.setBrush(pg.mkBrush(theme.background))
        self.named.setPen(pg.mkPen(theme.foreground, width=2))
        self.marker.setBrush(pg.mkBrush(theme.prediction))
        self.marker.setPen(pg.mkPen(theme.foreground, width=3))
        fill = pg.mkBrush(theme.background + "C8")  # a veil under text on any colour
        for label in self.region_labels + self.named_labels + [self.marker_label]:
            label.setColor(theme.foreground)
            label.fill = fill
        set_label(self.plot, "bottom", tr("σ_w² (weight variance × fan_in)"), theme)
        set_label(self.plot, "left", tr("σ_b² (bias variance)"), theme)

    # -- drawing --------------------------------------------------------------------
    def show_map(self, phase_map: PhaseMap, depth: int, colour: str, activation_label: str) -> None:
        """Draw ``phase_map`` coloured by "chi" (log10 chi_1) or "xi" (log10 xi_c)."""
        self.map = phase_map
        g = phase_map.grid
        sw, sb = g.sigma_w2, g.sigma_b2
        dx, dy = sw[1] - sw[0], sb[1] - sb[0]
        self.limits = ((float(sw[0]), float(sw[-1])), (float(sb[0]), float(sb[-1])))
        with np.errstate(divide="ignore", invalid="ignore"):
            if colour == "chi":
                values = np.log10(g.chi1)
                lo, hi = CHI_LOW, max(CHI_HIGH, float(np.nanmax(np.where(np.isfinite(values), values, np.nan))))
                cmap = _diverging(lo, hi)
                title = tr("{0}: log₁₀ χ₁").format(activation_label)
            else:
                centre = math.log10(max(depth / 6, 1.0))
                values = np.log10(np.where(np.isnan(g.xi_c), 0.0, g.xi_c))
                lo, hi = centre - 1.0, centre + 1.0
                cmap = pg.colormap.get(self.theme.colormap)
                title = tr("{0}: log₁₀ ξ_c").format(activation_label)
        values = np.clip(np.nan_to_num(values, nan=lo, posinf=hi, neginf=lo), lo, hi)
        self.image.setImage(values.T, levels=(lo, hi), autoLevels=False)
        self.image.setRect(float(sw[0] - dx / 2), float(sb[0] - dy / 2), float(sw[-1] - sw[0] + dx),
                           float(sb[-1] - sb[0] + dy))
        self.colorbar.setColorMap(cmap)
        self.colorbar.setLevels((lo, hi))
        set_title(self.plot, title, self.theme)
        self.critical.setData(g.critical, sb)
        self.critical_halo.setData(g.critical, sb)
        zero = phase_map.critical_at_zero
        self.critical_zero.setData([zero] if math.isfinite(zero) else [], [0.0] if math.isfinite(zero) else [])
        self._label_regions(g)
        self.set_depth(depth)
        self.plot.setXRange(sw[0] - dx / 2, sw[-1] + dx / 2, padding=0)
        # a margin under sigma_b2 = 0, where the named schemes sit, so that their markers show whole
        self.plot.setYRange(sb[0] - 0.05 * (sb[-1] - sb[0]), sb[-1] + dy / 2, padding=0)

    def set_depth(self, depth: int) -> None:
        """The trainability contour: depth = 6 xi_c (Schoenholz et al. 2017, fig. 5)."""
        if self.map is None:
            return
        xi = self.map.grid.xi_c
        # where the length grows without bound nothing trains: there the contour's inside ends
        data = np.where(np.isnan(xi), 0.0, np.minimum(xi, 1e12))
        self.contour.setData(data.T, level=depth / 6.0)

    def _label_regions(self, g: PhaseGrid) -> None:
        phase = g.phase
        s, b = np.meshgrid(g.sigma_w2, g.sigma_b2)
        texts = (tr("ordered"), tr("chaotic"))
        for label, code, text in zip(self.region_labels, (-1, 1), texts):
            inside = phase == code
            label.setVisible(bool(inside.sum() >= 0.05 * phase.size))  # too small a region to name
            if not label.isVisible():
                continue
            if code == 1 and np.isinf(g.q_star[inside]).mean() > 0.5:
                text += "\n" + tr("(q* infinite)")
            label.setText(text)
            x = float(np.median(s[inside]))
            label.setAnchor(self._anchor(x, 0.5))
            # at different heights: on a narrow map the two names would meet at the same one
            label.setPos(x, float(np.quantile(b[inside], 0.7 if code < 0 else 0.35)))

    def set_points(self, current: tuple[float, float] | None, named: list[tuple[str, float, float]]) -> None:
        """The current configuration's marker and the named schemes' (each pinned to the
        border, with its value, when off the map). A scheme the run sits on names the run."""
        while len(self.named_labels) < len(named):
            label = pg.TextItem(anchor=(0.5, 1.15), color=self.theme.foreground, fill=self.theme.background + "C8")
            label.setFont(plot_font(FONT_PX))
            self.plot.addItem(label, ignoreBounds=True)
            self.named_labels.append(label)
        xs, ys, same = [], [], None
        (x0, x1), _ = self.limits
        px = max(self.plot.getViewBox().width(), 1.0) / (x1 - x0)  # pixels per unit of sigma_w2
        row_ends = [-math.inf, -math.inf]  # where each row's last label ends, in pixels
        for k in sorted(range(len(named)), key=lambda k: named[k][1]):
            label, (name, s, b) = self.named_labels[k], named[k]
            x, y, text = self._pinned(s, b, tr(name))
            xs.append(x)
            ys.append(y)
            on_it = current is not None and math.isclose(s, current[0], rel_tol=1e-6) and abs(b - current[1]) < 1e-12
            same = tr(name) if on_it else same
            label.setText("" if on_it else text)
            label.setVisible(not on_it)  # an empty label would still draw its veil
            label.setPos(x, y)
            # the first row, or the second where the first is taken there (a narrow map)
            width = label.textItem.boundingRect().width()
            left = (x - x0) * px - self._anchor(x, 0)[0] * width
            row = 0 if left > row_ends[0] + 4 else (1 if left > row_ends[1] + 4 else 0)
            if not on_it:
                row_ends[row] = left + width
            label.setAnchor(self._anchor(x, 1.15 if row == 0 else 2.3))
        self.named.setData(xs, ys)
        self.marker_label.setVisible(current is not None)
        if current is None:
            self.marker.setData([], [])
            return
        x, y, text = self._pinned(*current, tr("this run") if same is None else tr("this run: {0}").format(same))
        self.marker.setData([x], [y])
        self.marker_label.setText(text)
        (_, _), (y0, y1) = self.limits
        # above the dot; higher near sigma_b2 = 0, over the schemes' two rows; under it at the top
        t = (y - y0) / (y1 - y0)
        self.marker_label.setAnchor(self._anchor(x, 3.4 if t < 0.12 else (-0.4 if t > 0.85 else 1.3)))
        self.marker_label.setPos(x, y)

    def _anchor(self, x: float, up: float) -> tuple[float, float]:
        """A label's anchor: as far along the label as its point is along the axis, so that
        every label stays inside the map (centred in the middle, flush at the edges)."""
        (x0, x1), _ = self.limits
        return min(max((x - x0) / (x1 - x0), 0.0), 1.0), up

    def _pinned(self, s: float, b: float, name: str) -> tuple[float, float, str]:
        """(x, y) on the map and the label: off the map, at its border, with the value."""
        (x0, x1), (y0, y1) = self.limits
        x, y = min(max(s, x0), x1), min(max(b, y0), y1)
        if (x, y) == (s, b):
            return x, y, name
        arrow = "→" if s > x1 else ("←" if s < x0 else "")
        return x, y, f"{name} {arrow} {s:.3g}" + ("" if b == y else f", σ_b² {b:.3g}")

    # -- input ----------------------------------------------------------------------
    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().leaveEvent(event)
        if self.on_leave is not None:
            self.on_leave()

    def _point(self, x: float, y: float, final: bool) -> None:
        (x0, x1), (y0, y1) = self.limits
        self.on_point(min(max(x, x0), x1), min(max(y, y0), y1), final)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The grid cell (row, column) nearest to (x, y), or None off the map."""
        if self.map is None:
            return None
        g = self.map.grid
        (x0, x1), (y0, y1) = self.limits
        if not (x0 - 1e-9 <= x <= x1 + 1e-9 and y0 - 1e-9 <= y <= y1 + 1e-9) and not (
            abs(x - min(max(x, x0), x1)) < (x1 - x0) / (2 * (g.sigma_w2.size - 1))
            and abs(y - min(max(y, y0), y1)) < (y1 - y0) / (2 * (g.sigma_b2.size - 1))
        ):
            return None
        j = int(np.argmin(np.abs(g.sigma_w2 - x)))
        i = int(np.argmin(np.abs(g.sigma_b2 - y)))
        return i, j
