"""The Training view's curves: the loss of every run (raw and smoothed) and the held-out
accuracy in one pyqtgraph canvas; one run's distinct units per hidden layer in another.

The raw curve is each iteration's minibatch loss after the update, drawn thin; the
thick one is the book's smoothing of it (``engine.smoothing``: each point the weighted
mean of 11, Kaiser window with beta 2). A dashed line marks ln 10 = 2.30, the loss of a
network that gives every one of the 10 digits the same probability. Plot items are
made once and updated with ``setData``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from .i18n import tr
from .plotting import PaintClock, curve, line_pen, log_axis_ticks, set_label, set_title, style_plot
from .theme import FONT_PX, Theme
from .training_data import TrainingRun

#: The loss of a uniform guess among 10 classes: where std 0.01 stays.
CHANCE_LOSS = math.log(10)
#: Opacity of the raw loss curves (0-255), under the smoothed ones.
RAW_ALPHA = 90
MAX_RUNS = 4
#: Points of a smoothed curve drawn, at most (about 300).
SMOOTH_POINTS = 300
#: Width of the left axes: their numbers are short (a loss, a percentage, a unit count).
AXIS_PX = 64


class _Canvas(PaintClock, pg.GraphicsLayoutWidget):
    pass


def _with_alpha(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


class TrainingPlots:
    """Loss, accuracy and distinct units of the runs, drawn on ``canvas``."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.canvas = _Canvas()
        self.loss = self.canvas.addPlot(row=0, col=0)
        self.accuracy = self.canvas.addPlot(row=0, col=1)
        self.canvas.ci.layout.setColumnStretchFactor(0, 2)
        self.canvas.ci.layout.setColumnStretchFactor(1, 1)
        # Top right of the loss plot, under ln 10: empty once the runs leave their start (the
        # accuracy plot is the smaller one).
        self.legend = self.loss.addLegend(offset=(-8, 26), labelTextSize=f"{FONT_PX - 3}px", verSpacing=-4)
        self.raw = [pg.PlotDataItem([], [], antialias=False) for _ in range(MAX_RUNS)]
        self.smooth = [curve(self.loss) for _ in range(MAX_RUNS)]
        for item in self.raw:
            self.loss.addItem(item)
            item.setZValue(-1)
        self.chance = pg.InfiniteLine(angle=0, pos=CHANCE_LOSS, movable=False,
                                      label=tr("ln 10 = 2.30"),
                                      labelOpts=dict(position=0.3, anchors=[(0, 0), (0, 0)]))  # under it
        self.loss.addItem(self.chance, ignoreBounds=True)
        self.acc_curves = [curve(self.accuracy, symbol="o", symbolSize=7) for _ in range(MAX_RUNS)]
        for plot in (self.loss, self.accuracy):
            plot.setMenuEnabled(False)
            plot.hideButtons()
        self.accuracy.setYRange(0, 100, padding=0.02)
        self.log_y = False
        self._titles: list[str] = []
        self._drawn: list[tuple | None] = [None] * MAX_RUNS  # what each run's curves show
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.canvas.setBackground(theme.background)
        for plot in (self.loss, self.accuracy):
            style_plot(plot, theme)
            plot.getAxis("left").setWidth(AXIS_PX)
        self.chance.setPen(line_pen(theme.muted, dashed=True, width=2))
        self.chance.label.setColor(theme.muted)
        self.chance.label.setFont(self.loss.getAxis("left").style["tickFont"])
        for i in range(MAX_RUNS):
            color = theme.series[i % len(theme.series)]
            self.raw[i].setPen(pg.mkPen(_with_alpha(color, RAW_ALPHA), width=1))
            self.smooth[i].setPen(line_pen(color))
            self.acc_curves[i].setPen(line_pen(color))
            self.acc_curves[i].setSymbolBrush(color)
            self.acc_curves[i].setSymbolPen(color)
        self.legend.setLabelTextColor(theme.foreground)
        set_title(self.loss, tr("Training loss"), theme)
        set_title(self.accuracy, tr("Held-out accuracy"), theme)
        set_label(self.loss, "bottom", tr("iteration"), theme)
        set_label(self.accuracy, "bottom", tr("iteration"), theme)
        set_label(self.accuracy, "left", tr("correct, %"), theme)
        set_label(self.loss, "left", tr("loss"), theme)

    def set_log_y(self, log_y: bool) -> None:
        self.log_y = log_y
        self.loss.setLogMode(y=log_y)
        self.chance.setPos(math.log10(CHANCE_LOSS) if log_y else CHANCE_LOSS)
        if not log_y:
            self.loss.getAxis("left").setTicks(None)

    def draw(self, runs: list[TrainingRun]) -> None:
        """Every run's curves; items of absent runs are emptied. The legend is rebuilt only
        when the runs change: a legend entry costs a millisecond to make."""
        titles = [run.title for run in runs]
        if titles != self._titles:
            self._titles = titles
            self.legend.clear()
            for i, title in enumerate(titles[:MAX_RUNS]):
                self.legend.addItem(self.acc_curves[i], title)
        top, highest = 1, CHANCE_LOSS
        for i in range(MAX_RUNS):
            if i >= len(runs):
                if self._drawn[i] is not None:
                    self._drawn[i] = None
                    for item in (self.raw[i], self.smooth[i], self.acc_curves[i]):
                        item.setData([], [])
                continue
            run = runs[i]
            top = max(top, run.config.iterations)
            raw = run.losses[: run.count]
            if np.isfinite(raw).any():
                highest = max(highest, float(np.nanmax(np.where(np.isfinite(raw), raw, np.nan))))
            state = (id(run), run.count, len(run.records))
            if self._drawn[i] == state:  # nothing new: setData would cost a relayout for nothing
                continue
            self._drawn[i] = state
            x, raw, smooth = run.curve()
            self.raw[i].setData(x, raw, connect="finite")
            # Thick antialiased lines are a repaint's costliest part (15 ms for three curves of
            # 2000 points): the smoothed curve, smooth over 11 points by construction, is drawn
            # from at most SMOOTH_POINTS of them, its last one included.
            keep = np.unique(np.r_[np.arange(0, len(x), max(1, len(x) // SMOOTH_POINTS)), len(x) - 1]) if len(x) \
                else np.zeros(0, dtype=np.int64)
            self.smooth[i].setData(x[keep], smooth[keep], connect="finite")
            self.acc_curves[i].setData(run.record_iterations(), 100 * run.accuracy())
        self.loss.setXRange(0, top, padding=0.01)
        self.accuracy.setXRange(0, top, padding=0.02)
        if not self.log_y:
            self.loss.setYRange(0, min(highest, 4 * CHANCE_LOSS) * 1.08, padding=0)
            return
        positive = [raw[raw > 0] for raw in (r.losses[: r.count] for r in runs)]
        lowest = min([float(p.min()) for p in positive if p.size] + [CHANCE_LOSS])
        lo, hi = math.floor(math.log10(lowest)), math.ceil(math.log10(max(highest, CHANCE_LOSS * 1.1)))
        self.loss.getAxis("left").setTicks(log_axis_ticks(lo, hi))  # decades, and 2 and 5 between
        self.loss.setYRange(math.log10(lowest) - 0.05, math.log10(highest) + 0.08, padding=0)


class DistinctPlot:
    """One run's distinct units per hidden layer over the recorded iterations: flat at 1
    for equal weights, whose units never stop being the same unit."""

    def __init__(self, theme: Theme) -> None:
        self.canvas = _Canvas()
        self.plot = self.canvas.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setLogMode(y=True)
        self.curves: list[pg.PlotDataItem] = []
        # Right of the middle: He's units sit near the top, equal weights' at 1.
        self.legend = self.plot.addLegend(offset=(-6, 40), labelTextSize=f"{FONT_PX - 3}px", verSpacing=-4)
        self._end = None
        self.theme = theme
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.canvas.setBackground(theme.background)
        style_plot(self.plot, theme)
        self.plot.getAxis("left").setWidth(AXIS_PX)
        set_label(self.plot, "bottom", tr("iteration"), theme)
        # An axis label, not a title: a title's width would widen the plot past its narrow pane.
        set_label(self.plot, "left", tr("distinct units per layer"), theme)
        self.legend.setLabelTextColor(theme.foreground)
        for k, item in enumerate(self.curves):
            item.setPen(line_pen(theme.series[k % len(theme.series)]))

    def draw(self, run: TrainingRun | None) -> None:
        distinct = run.distinct() if run is not None and run.records else np.zeros((0, 0), dtype=np.int64)
        layers = distinct.shape[1]
        while len(self.curves) < layers:
            item = curve(self.plot, symbol="o", symbolSize=6)
            color = self.theme.series[len(self.curves) % len(self.theme.series)]
            item.setPen(line_pen(color))
            item.setSymbolBrush(color)
            item.setSymbolPen(color)
            self.curves.append(item)
        x = run.record_iterations() if run is not None else []
        for k, item in enumerate(self.curves):
            if k < layers:
                item.setData(x, distinct[:, k])
            else:
                item.setData([], [])
        labels = [tr("{0}: {1}").format(k + 1, int(distinct[-1, k])) for k in range(layers)]
        if len(labels) != len(self.legend.items):  # entries made once, their text updated
            self.legend.clear()
            for k, text in enumerate(labels):
                self.legend.addItem(self.curves[k], text)
        for (_sample, label), text in zip(self.legend.items, labels):
            if label.text != text:
                label.setText(text)
        width = max(run.config.width) if run is not None else 1
        # Log axis from just under 1: a layer of equal units sits visibly at 1. Decades only:
        # pyqtgraph's own log ticks crowd a short axis.
        top = math.log10(max(width, 2))
        self.plot.setYRange(-0.15, top + 0.1, padding=0)
        self.plot.getAxis("left").setTicks([[(float(k), f"{10**k:,}") for k in range(math.floor(top) + 1)], []])
        end = run.config.iterations if run is not None else 1
        self.plot.setXRange(0, end, padding=0.02)
        if end != self._end:  # a narrow plot: one tick, in the middle (the range is the loss plot's)
            self._end = end
            self.plot.getAxis("bottom").setTicks([[(end / 2, f"{end / 2:,.0f}")], []])
