"""The deep view: every layer in one picture, for runs too deep for one plot per layer.

- a layer-by-value heat map (x: layer, y: value, colour: log10 of the count), one
  ``ImageItem`` for all layers;
- std versus depth on a log axis, measured (solid) and mean-field predicted (dashed),
  for every run of a comparison;
- saturated and dead fractions versus depth on a log axis;
- the histogram of one layer, large: click the heat map (or a curve) to choose it;
- with pairs of correlated inputs, their correlation versus depth (``CorrelationPlot``),
  in a row of its own under the others.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor

from .compare_curves import RunCurves
from .correlation_plot import CorrelationPlot
from .deep_axes import decades, has_zero, log_ticks, log_values, plain_ticks, zero_row
from .i18n import tr
from .plot_arrangement import PlotArrangement
from .plotting import (
    BOTTOM_AXIS_PX,
    LEFT_AXIS_PX,
    Label,
    PaintClock,
    curve,
    fmt,
    line_pen,
    percent,
    set_label,
    set_title,
    style_plot,
)
from .rundata import RunData
from .theme import FONT_PX, GREEN, PURPLE, Theme, scaled_px

#: Milliseconds between two stages of a redraw: long enough for the first stage's
#: repaint to happen on its own (with 0 ms, Qt merged several stages into one repaint).
STAGE_GAP_MS = 4
#: The fraction axis shows at least 0.1 to 1 (a decade); it reaches down to the smallest
#: non-zero fraction measured, and zeros get a "0" row below (``deep_axes``).
FRACTION_TOP_DECADES = 1


def _short(title: str, limit: int = 22) -> str:
    """A run's title, cut to fit a legend."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "\u2026"


def integer_ticks(depth: int):
    """Ticks at whole layers for a shallow run (None: pyqtgraph's own)."""
    if depth > 20:
        return None
    step = 1 if depth <= 10 else 2
    return [[(float(k), str(k)) for k in range(1, depth + 1, step)]]


def _nice_ceiling(x: float) -> float:
    """The next of 1, 1.5, 2, 3, 5, 7, 10 x 10^k at or above ``x`` (a y range that
    changes rarely as layers stream in)."""
    if not np.isfinite(x) or x <= 0:
        return 1.0
    mag = 10 ** np.floor(np.log10(x))
    return float(next(m * mag for m in (1, 1.5, 2, 3, 5, 7, 10) if m * mag >= x))


class DeepView(PaintClock, pg.GraphicsLayoutWidget):
    """Heat map, std/depth, saturation/depth and one enlarged layer, created once."""

    layer_chosen = Signal(int)

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.quantity = "activations"
        self.log_y = False
        self.show_prediction = True
        self.runs: list[RunData] = []
        self.selected = 1
        self._pinned = False
        self.ci.layout.setSpacing(12)
        self.heat = self.addPlot(row=0, col=0)
        self.image = pg.ImageItem()
        self.heat.addItem(self.image)
        self.marker = pg.InfiniteLine(angle=90, movable=False)
        self.heat.addItem(self.marker, ignoreBounds=True)
        self.colorbar = pg.ColorBarItem(values=(0, 1), interactive=False, width=18)
        self.colorbar.setImageItem(self.image, insert_in=self.heat)
        self.large = self.addPlot(row=0, col=1)
        self.large_bars = pg.BarGraphItem(x0=[], x1=[], height=[], y0=0)
        self.large.addItem(self.large_bars)
        self.large_pred = curve(self.large)
        # Changing a plot title relayouts (and repaints) the whole scene; this text
        # item inside the plot only repaints itself.
        self.large_text = Label((1, 0), FONT_PX, bold=True)
        self.large.addItem(self.large_text, ignoreBounds=True)
        self.std_plot = self.addPlot(row=1, col=0)
        self.std_plot.setLogMode(y=True)
        self.std_plot.addLegend(offset=(-10, 10))
        self.frac_plot = self.addPlot(row=1, col=1)
        self.frac_plot.setLogMode(y=True)
        self.frac_plot.addLegend(offset=(-10, -10))
        self.std_curves: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        for _ in range(len(theme.series)):  # one per compared run
            measured = curve(self.std_plot)
            predicted = curve(self.std_plot)
            self.std_curves.append((measured, predicted))
        self.sat_curve = curve(self.frac_plot)
        self.dead_curve = curve(self.frac_plot)
        self.frac_runs = RunCurves(self.frac_plot, len(theme.series))  # compared runs, each in its colour
        self.std_key = pg.PlotDataItem()  # the legend's "dashed: predicted" when comparing
        self.heat_tag = Label((0, 0), FONT_PX, bold=True)  # compared: whose heat map and large layer this is
        self.heat.addItem(self.heat_tag, ignoreBounds=True)
        self.std_marker = pg.InfiniteLine(angle=90, movable=False)
        self.std_plot.addItem(self.std_marker, ignoreBounds=True)
        self.frac_marker = pg.InfiniteLine(angle=90, movable=False)
        self.frac_plot.addItem(self.frac_marker, ignoreBounds=True)
        self.correlation = CorrelationPlot(theme)  # in the layout only while a run measures it
        for plot in (self.heat, self.large, self.std_plot, self.frac_plot):
            plot.enableAutoRange(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.getAxis("left").enableAutoSIPrefix(False)  # never "(x1e+27)"
        for axis in (self.heat.getAxis("left"), self.large.getAxis("bottom"), self.colorbar.axis):
            plain_ticks(axis)  # values of a diverged run: 4×10¹²⁶
        # the dashed line that sets the "0" row of a log axis off from its decades
        self.zero_breaks = {plot: pg.InfiniteLine(angle=0, movable=False) for plot in (self.std_plot, self.frac_plot)}
        for plot, line in self.zero_breaks.items():
            plot.addItem(line, ignoreBounds=True)
            line.hide()
        self._ranges: dict = {}
        self._stages: list = []
        self._stage_pending = False
        # 2 x 2 while every plot gets its minimum size, else a row, a column or tabs
        self.arrangement = PlotArrangement(self, self._cell_size, columns=2, stretch=(3, 2))
        self._arrange_plots(False)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.set_theme(theme)

    # -- public ---------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackground(theme.background)
        for plot in (self.heat, self.large, self.std_plot, self.frac_plot):
            style_plot(plot, theme)
        self.heat.showGrid(x=False, y=False)
        cmap = pg.colormap.get(theme.colormap)
        self.colorbar.setColorMap(cmap)
        self.colorbar.axis.setStyle(tickFont=self.heat.getAxis("left").style["tickFont"])
        self.colorbar.axis.setTextPen(pg.mkPen(theme.foreground))
        self.colorbar.axis.setPen(pg.mkPen(theme.foreground))
        self.colorbar.axis.setWidth(48)
        for m in (self.marker, self.std_marker, self.frac_marker):
            m.setPen(line_pen(theme.prediction if theme.name == "light" else "#FFFFFF", width=2))
        for line in self.zero_breaks.values():
            line.setPen(line_pen(theme.muted, dashed=True, width=1))
        self.large_bars.setOpts(brush=pg.mkBrush(theme.bar), pen=pg.mkPen(theme.bar_edge, width=1))
        self.large_pred.setPen(line_pen(theme.prediction, width=3))
        self.large_text.setColor(theme.foreground)
        self.large_text.rescale()  # set_theme follows a change of the text zoom too
        for i, (measured, predicted) in enumerate(self.std_curves):
            color = theme.series[i]
            measured.setPen(line_pen(color))
            predicted.setPen(line_pen(color if i else theme.prediction, dashed=True))
            self._ranges.pop(("pred pen", i), None)
        self.correlation.set_theme(theme)
        self.sat_curve.setPen(line_pen(PURPLE))
        self.dead_curve.setPen(line_pen(GREEN, dashed=True))
        self.std_key.setPen(line_pen(theme.foreground, dashed=True))
        self._ranges.pop("large pen", None)  # set again by the next draw
        for legend in (self.std_plot.legend, self.frac_plot.legend):
            legend.setLabelTextColor(theme.foreground)
            legend.opts["labelTextSize"] = f"{scaled_px(FONT_PX)}px"
            fill = QColor(theme.background)
            fill.setAlpha(215)
            legend.setBrush(pg.mkBrush(fill))
            legend.setPen(pg.mkPen(theme.muted))
            legend._initviz_entries = None  # rebuilt with the new colours
        self._set_labels()
        self.refresh()

    def _set_labels(self) -> None:
        """Axis labels and titles (set once: a new label relayouts the whole view)."""
        names = {
            "activations": tr("activation value"),
            "preactivations": tr("pre-activation value"),
            "gradients": tr("gradient dL/da"),
            "weight_gradients": tr("weight gradient dL/dW"),
        }
        set_label(self.heat, "left", names[self.quantity], self.theme)
        set_label(self.heat, "bottom", tr("layer (click one to enlarge it)"), self.theme)
        set_title(self.heat, tr("All layers: log10(count)"), self.theme)
        set_label(self.std_plot, "bottom", tr("layer"), self.theme)
        set_label(self.std_plot, "left", tr("std (log)"), self.theme)
        set_label(self.frac_plot, "bottom", tr("layer"), self.theme)
        set_label(self.frac_plot, "left", tr("fraction (log)"), self.theme)
        set_title(self.large, tr("One layer"), self.theme)
        set_label(self.large, "left", tr("log10(count)") if self.log_y else tr("count"), self.theme)

    def set_runs(self, runs: list[RunData]) -> None:
        if not runs or not self.runs or runs[0].config != self.runs[0].config:
            self._pinned = False
        self.runs = runs
        self.refresh()

    def choose_layer(self, layer: int) -> None:
        """Show ``layer`` (1-based) large; it stays chosen until the next configuration."""
        if self.runs:
            self.selected = int(np.clip(layer, 1, self.runs[0].depth))
            self._pinned = True
            self.refresh()
            self.layer_chosen.emit(self.selected)

    def image_data(self) -> np.ndarray | None:
        """The heat map's counts (layers x bins) currently drawn (for tests)."""
        return None if self.image.image is None else np.asarray(self.image.image)

    def refresh(self) -> None:
        if not self.runs:
            return
        run = self.runs[0]
        series = run.series[self.quantity]
        depth = run.depth
        filled = np.flatnonzero(series.filled)
        if not self._pinned and filled.size:
            # follow the newest layer: the top one going forward, the lowest going back
            forward = self.quantity in ("activations", "preactivations")
            self.selected = int(filled.max() + 1 if forward else filled.min() + 1)
        self._set_labels()
        # Each plot is drawn in its own turn of the event loop, so each gets a repaint of
        # its own region and the GUI thread is never busy repainting the whole view at once
        # (timers and input are served in between). A newer refresh replaces the queue.
        self._stages = [
            lambda: (self._draw_heat(series, depth), self.marker.setValue(self.selected)),
            lambda: self._draw_large(run),
            lambda: (self._draw_std(), self.std_marker.setValue(self.selected)),
            lambda: (self._draw_fractions(run), self.frac_marker.setValue(self.selected)),
            self._draw_correlation,
        ]
        self._next_stage()

    def _next_stage(self) -> None:
        if self._stages:
            self._stages.pop(0)()
        if self._stages and not self._stage_pending:
            self._stage_pending = True
            QTimer.singleShot(STAGE_GAP_MS, self, self._stage_timeout)

    def _stage_timeout(self) -> None:
        self._stage_pending = False
        self._next_stage()

    def flush(self) -> None:
        """Draw everything now (tests, export)."""
        self.refresh()
        while self._stages:
            self._stages.pop(0)()

    # -- drawing --------------------------------------------------------------------
    def _draw_heat(self, series, depth: int) -> None:
        if series.counts is None:
            self.image.clear()
            return
        img = np.log10(1.0 + series.counts.astype(np.float32))
        top = float(np.ceil(2 * img.max()) / 2) or 1.0  # in half decades: changes rarely
        self.image.setImage(img, levels=(0.0, top), autoLevels=False)
        lo, hi = float(series.edges[0]), float(series.edges[-1])
        self.image.setRect(0.5, lo, depth, hi - lo)
        if self._ranges.get("levels") != top:
            self._ranges["levels"] = top
            self.colorbar.setLevels((0.0, top))
        self._set_range(self.heat, "x", 0.5, depth + 0.5)
        self._layer_ticks(self.heat, depth)
        self._set_range(self.heat, "y", lo, hi)

    def _layer_ticks(self, plot: pg.PlotItem, depth: int) -> None:
        key = (id(plot), "layer ticks")
        if self._ranges.get(key) != depth:
            self._ranges[key] = depth
            plot.getAxis("bottom").setTicks(integer_ticks(depth))

    def _set_range(self, plot: pg.PlotItem, axis: str, lo: float, hi: float) -> None:
        """Set a range only when it changed: every change repaints the plot and its axes."""
        key = (id(plot), axis)
        if self._ranges.get(key) == (lo, hi):
            return
        self._ranges[key] = (lo, hi)
        if axis == "x":
            plot.setXRange(lo, hi, padding=0.01)
        else:
            plot.setYRange(lo, hi, padding=0.02)

    def _draw_std(self) -> None:
        values = []
        for run in self.runs:
            s = run.series[self.quantity]
            values += [s.std[s.filled], s.predicted_std if self.show_prediction else s.std[:0]]
        allv = np.concatenate(values) if values else np.array([])
        # whole decades down to the smallest non-zero std (the axis changes rarely while a
        # run streams in); a std of exactly 0 on a "0" row below them
        span = decades(allv)
        floor = self._log_axis(self.std_plot, "std", span or (-1, 0), has_zero(allv), bool(allv.size))
        if self.runs:
            deepest = max(r.depth for r in self.runs)
            self._set_range(self.std_plot, "x", 0.5, deepest + 0.5)
            self._layer_ticks(self.std_plot, deepest)
        for i, (measured, predicted) in enumerate(self.std_curves):
            if i >= len(self.runs):
                measured.setData([], [])
                predicted.setData([], [])
                continue
            run = self.runs[i]
            s = run.series[self.quantity]
            x = np.arange(1, run.depth + 1, dtype=np.float64)
            y = log_values(np.where(s.filled, s.std, np.nan), floor)
            measured.setData(x, y, connect="finite")  # a diverged run ends at its last finite layer
            p = log_values(s.predicted_std, floor) if self.show_prediction else np.full(run.depth, np.nan)
            predicted.setData(x, p, connect="finite")
        entries = []
        many = len(self.runs) > 1
        for i, (_measured, predicted) in enumerate(self.std_curves):
            # one colour per run when comparing; else the prediction's own colour
            color = self.theme.series[i] if many else self.theme.prediction
            if self._ranges.get(("pred pen", i)) != color:
                self._ranges[("pred pen", i)] = color
                predicted.setPen(line_pen(color, dashed=True))
        for i, (measured, predicted) in enumerate(self.std_curves[: len(self.runs)]):
            name = _short(self.runs[i].title)
            # compared: one line per run (its colour), and one key for every dashed prediction
            entries.append((measured, name if many else tr("measured")))
            predicted_any = np.isfinite(self.runs[i].series[self.quantity].predicted_std).any()
            if not many and self.show_prediction and predicted_any:
                entries.append((predicted, tr("mean-field prediction")))
        if many and self.show_prediction:
            entries.append((self.std_key, tr("dashed: predicted")))
        self._set_legend(self.std_plot.legend, entries)

    @staticmethod
    def _set_legend(legend, entries) -> None:
        """Show exactly ``entries`` ((item, text) pairs); rebuilt only when they change."""
        key = [(id(item), text) for item, text in entries]
        if getattr(legend, "_initviz_entries", None) == key:
            return
        legend.clear()
        for item, text in entries:
            legend.addItem(item, text)
        legend._initviz_entries = key

    def _draw_fractions(self, run: RunData) -> None:
        s = run.series["activations"]
        x = np.arange(1, run.depth + 1, dtype=np.float64)
        measured = [np.concatenate([r.series["activations"].saturated[r.series["activations"].filled],
                                    r.series["activations"].dead[r.series["activations"].filled]])
                    for r in self.runs]
        fractions = np.concatenate(measured) if measured else np.array([])
        span = decades(fractions) or (-FRACTION_TOP_DECADES, 0)
        floor = self._log_axis(self.frac_plot, "frac", (min(span[0], -FRACTION_TOP_DECADES), 0),
                            has_zero(fractions), True)
        sat = log_values(np.where(s.filled, s.saturated, np.nan), floor)
        dead = log_values(np.where(s.filled, s.dead, np.nan), floor)
        self.sat_curve.setData(x, sat, connect="finite")
        self.dead_curve.setData(x, dead, connect="finite")
        entries = [(self.sat_curve, tr("saturated")), (self.dead_curve, tr("dead units"))]
        # compared: every run in its colour; zeros (only they are below the data) on the "0" row
        if self.frac_runs.draw(self.runs, self.theme, 10.0 ** floor):
            self.sat_curve.setData([], [])
            self.dead_curve.setData([], [])
            entries = [(self.frac_runs.keys[0], tr("saturated")), (self.frac_runs.keys[1], tr("dead units"))]
            run = max(self.runs, key=lambda r: r.depth)  # the x range of the deepest
        self._set_legend(self.frac_plot.legend, entries)
        self._set_range(self.frac_plot, "x", 0.5, run.depth + 0.5)
        self._layer_ticks(self.frac_plot, run.depth)

    def _log_axis(self, plot: pg.PlotItem, name: str, span: tuple[int, int], zero: bool, known: bool) -> int:
        """Ticks and y range of a log axis over the decades ``span``, with the "0" row and
        its dashed line when ``zero``; returns the decade of the "0" row, where zeros are
        drawn. ``known``: there are values at all (else the range is left alone)."""
        lo, hi = span
        if known and self._ranges.get((name, "ticks")) != (lo, hi, zero):
            self._ranges[(name, "ticks")] = (lo, hi, zero)
            plot.getAxis("left").setTicks(log_ticks(lo, hi, zero))
            self.zero_breaks[plot].setValue((lo + zero_row(lo, hi)) / 2)
            self.zero_breaks[plot].setVisible(zero)
        if known:  # room for the end labels: a third of a decade under the "0" row, a sixth elsewhere
            pad = 0.15 * (lo - zero_row(lo, hi))  # a label's room, in the axis's own decades
            self._set_range(plot, "y", zero_row(lo, hi) - 2 * pad if zero else lo - pad, hi + pad)
        return zero_row(lo, hi)

    def _draw_correlation(self) -> None:
        """Show the correlation row while a run measures it, and draw it."""
        wanted = CorrelationPlot.wanted(self.runs)
        self._arrange_plots(wanted)
        if wanted:
            self.correlation.draw(self.runs)

    @staticmethod
    def _cell_size() -> tuple[float, float]:
        """The least room (pixels) in which one plot reads: its axes, colour bar or legend
        at the text zoom, and about 200 x 140 pixels of data (a colour bar or a long title
        asks for more itself)."""
        return (scaled_px(LEFT_AXIS_PX) + 200, scaled_px(BOTTOM_AXIS_PX) + scaled_px(32) + 140)

    def _arrange_plots(self, correlation: bool) -> None:
        plots = [self.heat, self.large, self.std_plot, self.frac_plot]
        names = [tr("All layers"), tr("One layer"), tr("Std"), tr("Saturated, dead")]
        if correlation:
            plots.append(self.correlation.plot)
            names.append(tr("Correlation"))
        self.arrangement.set_plots(plots, names)

    def _draw_large(self, run: RunData) -> None:
        s = run.series[self.quantity]
        k = self.selected - 1
        set_title(self.large, tr("One layer"), self.theme)
        set_label(self.large, "left", tr("log10(count)") if self.log_y else tr("count"), self.theme)
        if s.counts is None or not s.filled[k]:
            self.large_bars.setOpts(x0=[], x1=[], height=[])
            self.large_pred.setData([], [])
            self.large_text.setText(tr("layer {0}").format(self.selected))
            return
        counts = s.counts[k].astype(np.float64)
        h = np.log10(np.maximum(counts, 1)) * (counts > 0) if self.log_y else counts
        self.large_bars.setOpts(x0=s.edges[:-1], x1=s.edges[1:], height=h)
        pred = s.predicted[k]
        top = float(h.max()) if h.size else 1.0
        if self.show_prediction and np.isfinite(pred).any():
            centres = 0.5 * (s.edges[:-1] + s.edges[1:])
            p = np.log10(np.maximum(pred, 1)) if self.log_y else pred
            self.large_pred.setData(centres, p)
            top = max(top, float(np.nanmax(p)))
        else:
            self.large_pred.setData([], [])
        st = s.stats[k]
        self._tag(run, s)
        lines = [tr("layer {0}").format(self.selected), tr("mean {0}").format(fmt(st.mean)),
                 tr("std {0}").format(fmt(st.std))]
        if st.saturated is not None:
            lines.append(tr("saturated {0}").format(percent(st.saturated)))
        self.large_text.setText("\n".join(lines))
        lo, hi = float(s.edges[0]), float(s.edges[-1])
        self._set_range(self.large, "x", lo, hi)
        ceiling = _nice_ceiling(top * 1.05)
        self._set_range(self.large, "y", 0.0, ceiling)
        self.large_text.setPos(hi, ceiling)  # anchored at its top right: inside however narrow


    def _tag(self, run: RunData, series) -> None:
        """Name the run of the heat map and the large layer (the first) when runs are compared."""
        many = len(self.runs) > 1
        self.heat_tag.setVisible(many)
        pen = self.theme.foreground if many else self.theme.prediction  # not a compared run's colour
        if self._ranges.get("large pen") != pen:
            self._ranges["large pen"] = pen
            self.large_pred.setPen(line_pen(pen, width=3))
        if many:
            self.heat_tag.setText(run.title)
            self.heat_tag.setColor("#FFFFFF")  # over cividis's dark blue, where no layer reaches
            self.heat_tag.setPos(0.7, float(series.edges[-1]))

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.runs:
            return
        pos = event.scenePos()
        for plot in (self.heat, self.std_plot, self.frac_plot):
            if plot.sceneBoundingRect().contains(pos):
                x = plot.getViewBox().mapSceneToView(pos).x()
                self.choose_layer(int(round(x)))
                return
