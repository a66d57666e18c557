"""The symmetry demonstration: a neuron-by-sample heat map of one layer.

With constant weights every unit of a layer computes the same function of its inputs,
so every column (unit) of the heat map is the same and the layer has one distinct unit;
random weights break the symmetry. The engine keeps a 64 x 64 corner of each layer's
activations (``ForwardLayer.snapshot``) and counts the distinct units of the whole layer.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from .deep_axes import plain_ticks
from .plot_arrangement import PlotArrangement
from .plotting import BOTTOM_AXIS_PX, LEFT_AXIS_PX, PaintClock, curve, line_pen, set_label, set_title, style_plot
from .rundata import RunData
from .symmetry_quantity import colour_label, count_text, distinct_count, distinct_curve, distinct_title, snapshots
from .symmetry_runs import OtherRuns
from .theme import FONT_PX, TITLE_PX, Theme, scaled_px


class _Canvas(PaintClock, pg.GraphicsLayoutWidget):
    pass


def _cell_size() -> tuple[float, float]:
    """The least room (pixels) of one plot: its axes at the text zoom and 200 x 140 of data
    (the colour bar and the titles ask for more themselves)."""
    return scaled_px(LEFT_AXIS_PX) + 200, scaled_px(BOTTOM_AXIS_PX) + scaled_px(32) + 140


class SymmetryView(QWidget):
    """Heat map of layer k's first 64 samples x 64 units, and distinct units per layer."""

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.runs: list[RunData] = []
        self.quantity = "activations"  # the Show menu's: the activations or, with the backward pass, gradients
        self.layer = QSpinBox(minimum=1, maximum=1, value=1)
        self.layer.setToolTip(self.tr("The layer whose units are drawn"))
        self.layer.valueChanged.connect(self.refresh)
        self.count = QLabel()
        self.count.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Layer:")))
        top.addWidget(self.layer)
        top.addSpacing(24)
        top.addWidget(self.count, 1)
        self.canvas = _Canvas()
        self.canvas.ci.layout.setHorizontalSpacing(36)  # the colour bar's label clear of the next plot's
        self.map_grid = self.canvas.addLayout(row=0, col=0)  # the first run's map; compared runs' beside it
        self.map = self.map_grid.addPlot(row=0, col=0)
        self.image = pg.ImageItem()
        self.map.addItem(self.image)
        self.map.setMouseEnabled(x=False, y=False)
        self.map.invertY(True)
        self.colorbar = pg.ColorBarItem(values=(0, 1), interactive=False, width=18)
        self.colorbar.setImageItem(self.image, insert_in=self.map)
        plain_ticks(self.colorbar.axis)  # "0.2", not "200" under a "(x0.001)" scale
        self.distinct = self.canvas.addPlot(row=0, col=1)
        self.distinct_curve = curve(self.distinct, symbol="o", symbolSize=9)
        self.distinct.setLogMode(y=True)
        self.others = OtherRuns(self)
        # side by side while both get their least size, else one above the other, else tabs:
        # the distinct units stay in view however narrow the window
        self.arrangement = PlotArrangement(self.canvas, _cell_size, columns=2, stretch=(3, 2))
        self.arrangement.set_plots([self.map_grid, self.distinct],
                                   [self.tr("Units of one layer"), self.tr("Distinct units")])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        self.set_theme(theme)

    def take_paint_time(self) -> float:
        return self.canvas.take_paint_time()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.canvas.setBackground(theme.background)
        font = self.count.font()  # set_theme follows a change of the text zoom too
        font.setPixelSize(scaled_px(TITLE_PX + 2))
        font.setBold(True)
        self.count.setFont(font)
        style_plot(self.map, theme)
        style_plot(self.distinct, theme)
        self.map.showGrid(x=False, y=False)
        self.colorbar.setColorMap(pg.colormap.get(theme.colormap))
        self.colorbar.axis.setTextPen(pg.mkPen(theme.foreground))
        self.colorbar.axis.setStyle(tickFont=self.map.getAxis("left").style["tickFont"])
        self.distinct_curve.setPen(line_pen(theme.series[0]))
        self.distinct_curve.setSymbolBrush(pg.mkBrush(theme.series[0]))
        self.distinct_curve.setSymbolPen(pg.mkPen(theme.series[0]))
        self.others.set_theme(theme)
        self.refresh()

    def set_runs(self, runs: list[RunData]) -> None:
        self.runs = runs
        if runs:
            self.layer.setMaximum(max(r.depth for r in runs))
        self.refresh()

    def refresh(self, *_args) -> None:
        set_label(self.map, "bottom", self.tr("unit (neuron)"), self.theme)
        set_label(self.map, "left", self.tr("sample"), self.theme)
        set_label(self.distinct, "bottom", self.tr("layer"), self.theme)
        set_label(self.distinct, "left", self.tr("distinct units (log)"), self.theme)
        set_title(self.distinct, distinct_title(self.quantity) or self.tr("Distinct units per layer"), self.theme)
        if not self.runs:
            return
        run = self.runs[0]
        k = self.layer.value()
        snap = snapshots(run, self.quantity).get(k)
        label = (colour_label(self.quantity), self.theme.foreground, scaled_px(FONT_PX))
        if getattr(self, "_bar_label", None) != label:  # a new label relayouts the scene
            self._bar_label = label
            self.colorbar.axis.setLabel(label[0], color=label[1], **{"font-size": f"{label[2]}px"})
        many = len(self.runs) > 1
        self.distinct_curve.setData(*distinct_curve(run, self.quantity))
        top = float(np.log10(max(max(int(r.units.max()) for r in self.runs), 2)))
        self.distinct.setYRange(-0.15, top + 0.15, padding=0)
        self.distinct.getAxis("left").setTicks([[(float(k), f"{10**k:,}") for k in range(int(top) + 1)]])
        deepest = max(r.depth for r in self.runs)
        if deepest <= 20:
            self.distinct.getAxis("bottom").setTicks([[(float(k), str(k)) for k in range(1, deepest + 1)]])
        else:
            self.distinct.getAxis("bottom").setTicks(None)
        others = self.others.snapshots(k)
        if snap is None:
            self.image.clear()
            self.others.draw(k, (0.0, 1.0), self.tr("{0}: layer {1}").replace("{1}", str(k)))
            self.count.setText(self.tr("Layer {0}: waiting for the run").format(k))
            return
        img = np.asarray(snap, dtype=np.float32).T  # col-major: x = unit, y = sample
        # compared runs share the colour levels, so that equal colours are equal values
        every = np.concatenate([m.ravel() for m in [img] + [o for o in others if o is not None]])
        finite = every[np.isfinite(every)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if hi <= lo:
            lo, hi = lo - 0.5, hi + 0.5
        self.image.setImage(img, levels=(lo, hi), autoLevels=False)
        self.colorbar.setLevels((lo, hi))
        self.image.setRect(0, 0, img.shape[0], img.shape[1])
        set_title(
            self.map,
            self.tr("{0}: layer {1}").format(run.title, k) if many else
            self.tr("Layer {0}: {1} samples x {2} units").format(k, img.shape[1], img.shape[0]),  # short: fits 1024
            self.theme,
        )
        self.others.draw(k, (lo, hi), self.tr("{0}: layer {1}").replace("{1}", str(k)))
        units = int(run.units[k - 1])
        distinct = distinct_count(run, self.quantity, k)
        if distinct == 1:
            text = self.tr("Layer {0}: {1} distinct unit of {2}: every neuron computes the same function")
        else:
            text = self.tr("Layer {0}: {1} distinct units of {2}")
        text = count_text(run, self.quantity, k) or text.format(k, distinct, units)
        if many:  # every run's count, by its letter
            text = self.tr("Layer {0}, distinct units: {1}").format(k, ";  ".join(
                f"{r.title[:1]} {int(r.distinct_units[k - 1])}/{int(r.units[min(k, r.depth) - 1])}"
                for r in self.runs if k <= r.depth))
        self.count.setText(text)
        self.count.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
