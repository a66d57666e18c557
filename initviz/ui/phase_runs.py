"""The run beside the phase map: a compact deep view in one column.

Top, every layer's histogram as a layer-by-value heat map (log10 of the count); middle,
the std against depth, measured and predicted (log axis); bottom, the correlation of the
input pairs against depth (``CorrelationPlot``). One column, so that it fits beside the
map where the full deep view (two columns) would not; under the map (a small window),
the histograms and the correlation side by side, without the std.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .correlation_plot import CorrelationPlot
from .deep_view import integer_ticks
from .i18n import tr
from .plotting import PaintClock, curve, finite_positive, line_pen, log_axis_ticks, set_label, set_title, style_plot
from .rundata import RunData
from .theme import FONT_PX, Theme, plot_font

NAMES = {
    "activations": "activation a",
    "preactivations": "pre-activation z",
    "gradients": "gradient dL/da",
    "pre_gradients": "gradient dL/dz",
    "weight_gradients": "weight gradient dL/dW",
}


class PhaseRuns(PaintClock, pg.GraphicsLayoutWidget):
    """Heat map, std and correlation of the current run, stacked."""

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.quantity = "activations"
        self.log_y = False
        self.show_prediction = True
        self.runs: list[RunData] = []
        self.heat = self.addPlot(row=0, col=0)
        self.image = pg.ImageItem()
        self.heat.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(0, 1), interactive=False, width=14)
        self.colorbar.setImageItem(self.image, insert_in=self.heat)
        self.std = self.addPlot(row=1, col=0)
        self.std.setLogMode(y=True)
        self.measured = curve(self.std)
        self.predicted = curve(self.std)
        self.correlation = CorrelationPlot(theme)
        self.addItem(self.correlation.plot, row=2, col=0)
        self.beside = True
        for plot in (self.heat, self.std):
            plot.setMouseEnabled(x=False, y=False)
            plot.enableAutoRange(False)
            plot.hideButtons()
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 2)
        self.ci.layout.setRowStretchFactor(2, 2)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackground(theme.background)
        for plot in (self.heat, self.std):
            style_plot(plot, theme)
        self.heat.showGrid(x=False, y=False)
        self.colorbar.setColorMap(pg.colormap.get(theme.colormap))
        axis = self.colorbar.axis
        axis.setStyle(tickFont=plot_font(FONT_PX))
        axis.setTextPen(pg.mkPen(theme.foreground))
        axis.setPen(pg.mkPen(theme.foreground))
        axis.setWidth(40)
        self.measured.setPen(line_pen(theme.series[0]))
        self.predicted.setPen(line_pen(theme.prediction, dashed=True))
        self.correlation.set_theme(theme)
        set_label(self.std, "bottom", tr("layer"), theme)
        set_label(self.heat, "bottom", tr("layer"), theme)
        self.refresh()

    def arrange(self, beside: bool) -> None:
        """One column (beside the map) or one row of two plots (under it)."""
        if beside == self.beside:
            return
        self.beside = beside
        for item in (self.heat, self.std, self.correlation.plot):
            if item.scene() is not None:
                self.removeItem(item)
        if beside:
            for row, item in enumerate((self.heat, self.std, self.correlation.plot)):
                self.addItem(item, row=row, col=0)
        else:
            self.addItem(self.heat, row=0, col=0)
            self.addItem(self.correlation.plot, row=0, col=1)

    def set_runs(self, runs: list[RunData]) -> None:
        self.runs = runs
        self.refresh()

    def refresh(self) -> None:
        if not self.runs:
            return
        run = self.runs[0]
        s = run.series[self.quantity]
        depth = run.depth
        x_range = (0.5, depth + 0.5)
        set_title(self.heat, tr("Histograms"), self.theme)
        set_label(self.heat, "left", tr(NAMES[self.quantity]), self.theme)
        set_title(self.std, tr("std · dashed: predicted"), self.theme)  # no legend: it would cover a curve
        if s.counts is None:
            self.image.clear()
        else:
            img = np.log10(1.0 + s.counts.astype(np.float32))
            top = float(np.ceil(2 * img.max()) / 2) or 1.0
            self.image.setImage(img, levels=(0.0, top), autoLevels=False)
            lo, hi = float(s.edges[0]), float(s.edges[-1])
            self.image.setRect(0.5, lo, depth, hi - lo)
            self.colorbar.setLevels((0.0, top))
            self.heat.setYRange(lo, hi, padding=0.02)
        for plot in (self.heat, self.std):
            plot.setXRange(*x_range, padding=0.01)
            plot.getAxis("bottom").setTicks(integer_ticks(depth))
        x = np.arange(1, depth + 1, dtype=np.float64)
        y = finite_positive(np.where(s.filled, s.std, np.nan), 1e-30)
        p = finite_positive(s.predicted_std, 1e-30) if self.show_prediction else np.full(depth, np.nan)
        self.measured.setData(x, y, connect="finite")
        self.predicted.setData(x, p, connect="finite")
        values = np.concatenate([y, p])
        values = values[np.isfinite(values)]
        if values.size:  # whole decades: the axis changes rarely while a run streams in
            lo, hi = np.floor(np.log10(values.min())), np.ceil(np.log10(values.max()))
            hi = max(hi, lo + 1)
            self.std.getAxis("left").setTicks(log_axis_ticks(int(lo), int(hi)))
            self.std.setYRange(float(lo), float(hi), padding=0.02)
        self.correlation.draw(self.runs)
