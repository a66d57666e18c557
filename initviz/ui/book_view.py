"""The book's view: one histogram per layer side by side ("1-layer", "2-layer", ...).

Deep Learning from Scratch ch. 6 draws one subplot per layer. Here every layer of a run
lives in ONE plot item: layer k's histogram occupies x in [k * PITCH, k * PITCH + 1]
(its bin edges mapped onto [0, 1]), all bars of all layers are one ``BarGraphItem`` and
all prediction curves one ``PlotDataItem`` (NaN-separated). Titles, tick labels and the
per-layer numbers are text items from a pool created once and reused, so a redraw is a
few ``setData`` calls however many layers there are. The same x range and y scale hold
for every layer (and for both rows when a preset compares two runs).
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg

from .book_pages import PageBar, layer_px, line_px
from .i18n import tr
from .layout_fit import LayerPages, layer_pages
from .plotting import (
    LEFT_AXIS_PX,
    Label,
    PaintClock,
    count_ticks,
    curve,
    fmt,
    line_pen,
    log_count_ticks,
    percent,
    set_title,
    style_plot,
)
from .rundata import RunData, Series
from .theme import FONT_PX, Theme, scaled_px

#: Distance between the left edges of two neighbouring layers (a layer is 1 wide).
PITCH = 1.28
#: Pixels kept above the bars for the titles and below them for ticks and numbers.
TOP_PX = 34
TEXT_LINE_PX = 21
#: More layers than this go to the deep view.
MAX_LAYERS = 16
#: Rows at most: four pinned runs and the controls' run.
MAX_ROWS = 5


def shared_span(edges: list) -> tuple[float, float] | None:
    """(lowest, highest) edge of the runs' histograms (None before any has edges): one x
    range on which every run's bins keep their own places."""
    known = [e for e in edges if e is not None]
    if not known:
        return None
    return min(float(e[0]) for e in known), max(float(e[-1]) for e in known)


def _panel_text(series: Series, index: int, quantity: str, digits: int = 3, compact: bool = False) -> str:
    st = series.stats[index]
    if st is None:
        return ""
    if compact:  # three compared runs or more: a row has room for the std and its prediction only
        lines = [tr("std {0}").format(fmt(st.std, digits))]
        if st.predicted_std is not None:
            lines.append(tr("pred. {0}").format(fmt(st.predicted_std, digits)))
        return "\n".join(lines)
    lines = [tr("mean {0}").format(fmt(st.mean, digits)) if quantity != "weight_gradients" else "",
             tr("std {0}").format(fmt(st.std, digits))]
    if st.predicted_std is not None:
        lines.append(tr("pred. {0}").format(fmt(st.predicted_std, digits)))
    if st.saturated is not None and st.saturated > 0:
        lines.append(tr("sat. {0}").format(percent(st.saturated)))
    if st.dead is not None and st.dead > 0:
        lines.append(tr("dead {0}").format(percent(st.dead)))
    out = int(series.underflow[index] + series.overflow[index])
    total = int(series.counts[index].sum()) + out
    if out and total:
        lines.append(tr("outside {0}").format(percent(out / total)))
    if st.nonfinite:
        lines.append(tr("non-finite {0}").format(st.nonfinite))
    return "\n".join(line for line in lines if line)


def _spaced(ticks: list, px_per_unit: float, least_px: float) -> list:
    """``ticks`` without those closer than ``least_px`` to a higher one kept (labels of a
    short row would overlap), taken from the top."""
    kept: list = []
    for value, text in sorted(ticks, reverse=True):
        if not kept or (kept[-1][0] - value) * px_per_unit >= least_px:
            kept.append((value, text))
    return kept[::-1]


class _Row:
    """One run's row: a plot item with its bars, prediction curve and text pool."""

    def __init__(self, plot: pg.PlotItem, theme: Theme) -> None:
        self.plot = plot
        self.bars = pg.BarGraphItem(x0=[], x1=[], height=[], y0=0)
        plot.addItem(self.bars)
        self.prediction = curve(plot, connect="finite")
        plot.hideAxis("bottom")
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setMenuEnabled(False)
        self.titles: list[Label] = []
        self.numbers: list[Label] = []
        self.ticks: list[Label] = []
        self.theme = theme
        self.layers = 0
        self.rows_of_text = 4
        self.colour: tuple | None = None  # (bar, edge, prediction) now set

    def _text(self, pool: list, i: int, anchor, px: int, bold: bool = False) -> Label:
        while len(pool) <= i:
            item = Label(anchor, px, bold, self.theme.foreground)
            self.plot.addItem(item, ignoreBounds=True)
            pool.append(item)
        return pool[i]

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        style_plot(self.plot, theme)
        self.plot.showGrid(x=False, y=True, alpha=theme.grid_alpha)
        self.colour = None
        self.paint(theme.bar, theme.bar_edge, theme.prediction)
        for item in self.titles + self.numbers + self.ticks:
            item.setColor(theme.foreground)
            item.rescale()  # set_theme follows a change of the text zoom too

    def paint(self, bar: str, edge: str, prediction: str, width: float = 3) -> None:
        """Bars and prediction curve (``width`` px) in these colours (a compared run's own)."""
        if self.colour != (bar, edge, prediction, width):
            self.colour = (bar, edge, prediction, width)
            self.bars.setOpts(brush=pg.mkBrush(bar), pen=pg.mkPen(edge, width=1))
            self.prediction.setPen(line_pen(prediction, width=width))


class BookView(PaintClock, pg.GraphicsLayoutWidget):
    """Histograms of every layer side by side; one row per run (two when comparing)."""

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.quantity = "activations"
        self.log_y = False
        self.show_prediction = True
        self.runs: list[RunData] = []
        self.rows: list[_Row] = []
        self._add_row()  # the comparison row is built when a comparison first comes
        self._top = 1.0
        # Layers that do not fit one line wrap onto more lines (one run) or pages
        # ("layers 17-32 of 40"); each row draws (run index, its 0-based layers).
        self.page = 0
        self.pages: LayerPages | None = None
        self._lines: list[tuple[int, range]] = []
        self.pager = PageBar(self)
        self.pager.page_asked.connect(self.turn_page)
        self.set_theme(theme)

    def _add_row(self) -> _Row:
        row = _Row(self.addPlot(row=len(self.rows), col=0), self.theme)
        if self.rows:
            row.plot.setYLink(self.rows[0].plot)
        row.plot.getViewBox().sigResized.connect(self._layout_y)
        row.set_theme(self.theme)
        self.rows.append(row)
        return row

    # -- public ---------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackground(theme.background)
        for row in self.rows:
            row.set_theme(theme)
        self.refresh()

    def set_runs(self, runs: list[RunData]) -> None:
        self.runs = runs
        self.refresh()

    def drawn_heights(self, run: int = 0) -> np.ndarray:
        """The bar heights on screen for run ``run``, one row per layer shown (for tests)."""
        bins = len(self.runs[run].series[self.quantity].edges) - 1
        parts = [np.asarray(row.bars.opts.get("height"), dtype=np.float64).reshape(-1, bins)
                 for row, (r, _layers) in zip(self.rows, self._lines) if r == run]
        return np.concatenate(parts) if parts else np.zeros((0, bins))

    def turn_page(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (-1) page of layers."""
        self.page = max(self.page + step, 0)
        self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not hasattr(self, "pager"):  # pyqtgraph resizes before __init__ has ended
            return
        before = (self.pages, list(self._lines))
        self._paginate()
        if (self.pages, self._lines) != before:
            self.refresh()
        self.pager.place()

    @staticmethod
    def _number_style(depth: int) -> tuple[int, int]:
        """(digits, pixel size) of the numbers under the layers: shorter and smaller when many."""
        return (2, FONT_PX - 3) if depth > 6 else (3, FONT_PX - 1)

    def _paginate(self) -> None:
        """Choose the layers of each row: as many on a line as their texts leave room for,
        wrapped onto more lines (one run), the rest on further pages."""
        if not self.runs:
            self.pages, self._lines = None, []
            self.pager.show_pages(None)
            return
        depth = max(run.depth for run in self.runs)
        lo, hi = shared_span([run.series[self.quantity].edges for run in self.runs]) or (0.0, 1.0)
        digits, text_px = self._number_style(depth)
        need = layer_px(depth, lo, hi, digits, text_px, PITCH)
        width = self.viewport().width() - scaled_px(LEFT_AXIS_PX) - 30
        line = line_px(max([row.rows_of_text for row in self.rows] + [3]), TOP_PX, TEXT_LINE_PX)
        height = self.viewport().height() - 20
        pages = layer_pages(depth, width, height, need, line, len(self.runs), MAX_LAYERS, self.page)
        if pages.pages > 1:  # the page bar takes a strip at the top
            height -= self.pager.sizeHint().height()
            pages = layer_pages(depth, width, height, need, line, len(self.runs), MAX_LAYERS, self.page)
        self.pages, self.page = pages, pages.page
        shown = [range(r.start - 1, r.stop - 1) for r in (pages.line_layers(i) for i in range(pages.lines))]
        if len(self.runs) == 1:
            self._lines = [(0, layers) for layers in shown if len(layers)]
        else:
            self._lines = [(i, range(shown[0].start, min(shown[0].stop, run.depth))) for i, run in
                           enumerate(self.runs)]
        self.pager.show_pages(pages)
        self.ci.layout.setContentsMargins(9, 9 + (self.pager.height() if self.pager.isVisible() else 0), 9, 9)

    def refresh(self) -> None:
        """Redraw from the runs' arrays (cheap: a handful of setData calls)."""
        self._paginate()
        while len(self.rows) < len(self._lines):
            self._add_row()
        for i, row in enumerate(self.rows[1:], start=1):
            row.plot.setVisible(i < len(self._lines))
        top = 0.0
        span = shared_span([run.series[self.quantity].edges for run in self.runs])
        many = len(self.runs) > 1
        for row, (i, layers) in zip(self.rows, self._lines):
            if many:  # each run in its colour (edges too: narrow bars stay seen); the prediction thin, in
                colour = self.theme.series[i % len(self.theme.series)]  # the text's, over any of them
                row.paint(colour, colour, self.theme.foreground, 2)
            else:
                row.paint(self.theme.bar, self.theme.bar_edge, self.theme.prediction)
            top = max(top, self._draw_row(row, self.runs[i], span, i, layers))
        caps = [run.y_max for run in self.runs if run.y_max is not None]
        if caps and not self.log_y:  # taller bars run off the top, as in the book's figure
            top = min(top, min(caps))
        self._top = top if top > 0 else 1.0
        self._layout_y()

    # -- drawing --------------------------------------------------------------------
    def _draw_row(self, row: _Row, run: RunData, span: tuple[float, float] | None = None, index: int = 0,
                  layers: range | None = None) -> float:
        """Draw ``layers`` (0-based; the first MAX_LAYERS when None) of ``run`` in ``row``."""
        series = run.series[self.quantity]
        layers = range(min(run.depth, MAX_LAYERS)) if layers is None else layers
        first, depth = layers.start, len(layers)
        # every line as wide as a full one, layer under layer (compared runs of different depths too)
        per_line = self.pages.per_line if self.pages is not None else depth
        x_max = (max(per_line, 1) - 1) * PITCH + 1
        row.plot.setXRange(-0.14, x_max + 0.14, padding=0)
        title = html.escape(run.title or "")
        if len(self.runs) > 1:
            swatch = self.theme.series[index % len(self.theme.series)]
            set_title(row.plot, f"<span style='color:{swatch}'>■</span> {title}", self.theme)
        else:
            set_title(row.plot, None, self.theme)
        for k in range(depth):
            t = row._text(row.titles, k, (0.5, 1.0), FONT_PX + 2, bold=True)
            t.setText(tr("{0}-layer").format(first + k + 1))
            t.setPos(k * PITCH + 0.5, 0)
        for k, item in enumerate(row.titles):
            item.setVisible(k < depth)
        if series.counts is None:
            row.bars.setOpts(x0=[], x1=[], height=[])
            row.prediction.setData([], [])
            self._hide_texts(row, 0)
            row.layers = depth
            return 0.0
        edges = series.edges
        # every row on one x range: the runs' own edges placed within the span of them all
        lo, hi = span if span is not None else (float(edges[0]), float(edges[-1]))
        unit = (edges - lo) / (hi - lo)
        offsets = np.arange(depth)[:, None] * PITCH
        x0 = (offsets + unit[None, :-1]).ravel()
        x1 = (offsets + unit[None, 1:]).ravel()
        counts = series.counts[first:first + depth].astype(np.float64)
        heights = np.log10(np.maximum(counts, 1)) * (counts > 0) if self.log_y else counts
        row.bars.setOpts(x0=x0, x1=x1, height=heights.ravel())
        top = float(heights.max()) if heights.size else 0.0
        self._draw_prediction(row, series, layers, unit, offsets)
        if self.show_prediction and series.predicted is not None:
            pred = series.predicted[first:first + depth]
            if np.isfinite(pred).any():
                p = np.log10(np.maximum(pred, 1)) if self.log_y else pred
                top = max(top, float(np.nanmax(p)))
        # ticks (low, high) and numbers under each layer
        quantity = self.quantity
        compact = len(self.runs) >= 3
        digits, text_px = self._number_style(max(r.depth for r in self.runs))
        for k in range(depth):
            for j, (value, anchor_x, frac) in enumerate(((lo, 0.0, 0.0), (hi, 1.0, 1.0))):
                t = row._text(row.ticks, 2 * k + j, (anchor_x, 0.0), FONT_PX)
                t.setText(fmt(value, 2))
                t.setPos(k * PITCH + frac, 0)
                t.setVisible(True)
            n = row._text(row.numbers, k, (0.5, 0.0), FONT_PX - 1)
            n.set_pixel_size(text_px)
            n.setText(_panel_text(series, first + k, quantity, digits, compact) if series.filled[first + k] else "")
            n.setPos(k * PITCH + 0.5, n.pos().y())
            n.setVisible(True)
        self._hide_texts(row, depth)
        row.layers = depth
        row.rows_of_text = max([len(_panel_text(series, k, quantity, 3, compact).splitlines()) for k in layers]
                               + [2 if compact else 3])
        return top

    def _draw_prediction(self, row: _Row, series: Series, layers: range, unit, offsets) -> None:
        if not self.show_prediction or series.predicted is None or not np.isfinite(series.predicted).any():
            row.prediction.setData([], [])
            return
        centres = 0.5 * (unit[:-1] + unit[1:])
        depth = len(layers)
        pred = series.predicted[layers.start:layers.stop]
        y = np.log10(np.maximum(pred, 1)) * (pred >= 1) if self.log_y else pred.copy()
        xs = np.concatenate([offsets + centres[None, :], np.full((depth, 1), np.nan)], axis=1).ravel()
        ys = np.concatenate([y, np.full((depth, 1), np.nan)], axis=1).ravel()
        row.prediction.setData(xs, ys, connect="finite")

    def _hide_texts(self, row: _Row, depth: int) -> None:
        for item in row.numbers[depth:] + row.ticks[2 * depth :]:
            item.setVisible(False)
        if depth == 0:
            for item in row.numbers + row.ticks:
                item.setVisible(False)

    def _layout_y(self, *_args) -> None:
        """Fit the y range so that titles (above) and numbers (below) get their pixels."""
        top = self._top * 1.02
        shown = [row for row in self.rows if row.plot.isVisible()]
        # the rows share one y range (linked): room below for the most numbers of any of them
        text_rows = max([row.rows_of_text for row in shown] + [1])
        for row in shown:
            height = max(row.plot.getViewBox().height(), 60.0)
            line, above = scaled_px(TEXT_LINE_PX), scaled_px(TOP_PX)  # the texts grow with the text zoom
            below = line * (text_rows + 1) + 2
            usable = max(height - above - below, 20.0)
            per_px = top / usable
            row.plot.setYRange(-below * per_px, top + above * per_px, padding=0)
            for item in row.titles:
                item.setPos(item.pos().x(), top + 3 * per_px)
            for item in row.numbers:
                item.setPos(item.pos().x(), -line * per_px * 1.05)
            # as many count ticks as the bars' height has room for (short rows: 6,000 over 4,000 overlapped)
            room = max(2, min(4, int(usable // scaled_px(FONT_PX + 10))))
            ticks = log_count_ticks(top) if self.log_y else count_ticks(top, room)
            if len(ticks) > room + 1:  # decades: every second, third... from the bottom
                ticks = ticks[:: -(-len(ticks) // (room + 1))]
            ticks = _spaced(ticks, usable / top, scaled_px(FONT_PX) + 2)
            row.plot.getAxis("left").setTicks([ticks])
