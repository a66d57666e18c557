"""Hover texts: every bar and every number of the figure explains itself in place.

``book_text(view, scene_pos)`` and ``deep_text(view, scene_pos)`` give the text for a
point of the view's scene (None: nothing there): a bar's bin range, count and share of
the layer, a statistic's one-sentence meaning (``explain``), a layer's std or saturated
and dead shares. ``install_hover(area)`` shows them as tooltips in the side-by-side and
deep views while the pointer moves.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip

from .explain import statistic_texts
from .i18n import tr
from .plotting import Label, fmt, percent

#: The words that start each statistic's line under a histogram, as drawn (translated).
_LINE_STARTS = {"mean": "mean {0}", "std": "std {0}", "pred.": "pred. {0}", "sat.": "sat. {0}", "dead": "dead {0}",
                "outside": "outside {0}", "non-finite": "non-finite {0}"}


def bin_text(run, quantity: str, layer: int, b: int) -> str:
    """Layer ``layer`` (0-based) of ``run``, bin ``b``: its range, count, share and prediction."""
    series = run.series[quantity]
    edges, counts = series.edges, series.counts[layer]
    count = int(counts[b])
    total = int(counts.sum()) + int(series.underflow[layer]) + int(series.overflow[layer])
    lines = [tr("Layer {0}, bin {1} of {2}: {3} to {4}").format(layer + 1, b + 1, len(counts), fmt(edges[b], 4),
                                                                 fmt(edges[b + 1], 4)),
             tr("{0} values, {1} of the layer's {2}").format(f"{count:,}", percent(count / total) if total else "-",
                                                             f"{total:,}")]
    if series.predicted is not None and np.isfinite(series.predicted[layer, b]):
        lines.append(tr("predicted: {0} (mean-field theory)").format(f"{series.predicted[layer, b]:,.0f}"))
    if len(getattr(run, "title", "") or "") and run.title != tr("Measured"):
        lines.insert(0, run.title)
    return "\n".join(lines)


def statistic_line_text(line: str, run) -> str | None:
    """The explanation of one line under a histogram ("sat. 50%"), for the run's activation."""
    texts = statistic_texts(run.config.activation, run.config.activation_param)
    for key, pattern in _LINE_STARTS.items():
        start = tr(pattern).split("{0}")[0].strip()
        if start and line.strip().startswith(start):
            return texts[key]
    return None


def _lines(view) -> list:
    """(run index, layers) of each row of the side-by-side view, top to bottom."""
    lines = getattr(view, "_lines", None)
    if lines:
        return list(lines)
    from .book_view import MAX_LAYERS

    return [(i, range(min(run.depth, MAX_LAYERS))) for i, run in enumerate(view.runs)]


def label_rect(item: Label) -> QRectF:
    """Where ``item`` is drawn, in scene coordinates. It ignores the view's transformations,
    so Qt's sceneBoundingRect() is not its place: map its pixels through the view instead."""
    view = item.scene().views()[0]
    device = item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
    return view.mapToScene(device.toAlignedRect()).boundingRect()


def _label_line(item: Label, pos: QPointF) -> str | None:
    """The line of a multi-line label under scene position ``pos``."""
    text = item.text()
    if not text or not item.isVisible():
        return None
    rect = label_rect(item)
    if not rect.contains(pos):
        return None
    lines = text.splitlines()
    index = int((pos.y() - rect.top()) / max(rect.height() / len(lines), 1e-9))
    return lines[min(max(index, 0), len(lines) - 1)]


def book_text(view, pos: QPointF) -> str | None:
    """The hover text at scene position ``pos`` of a BookView."""
    quantity = view.quantity
    for row, (index, layers) in zip(view.rows, _lines(view)):
        if not row.plot.isVisible() or index >= len(view.runs):
            continue
        run = view.runs[index]
        for item in row.numbers:
            line = _label_line(item, pos)
            if line is not None:
                return statistic_line_text(line, run)
        box = row.plot.getViewBox()
        if not box.sceneBoundingRect().contains(pos):
            continue
        series = run.series[quantity]
        x0, x1 = row.bars.opts.get("x0"), row.bars.opts.get("x1")
        if series.counts is None or x0 is None or len(x0) == 0:
            return None
        point = box.mapSceneToView(pos)
        if point.y() < 0:  # under the bars: the ticks and numbers
            return None
        hit = np.flatnonzero((np.asarray(x0) <= point.x()) & (point.x() < np.asarray(x1)))
        if hit.size == 0:
            return None
        i = int(hit[0])
        bins = len(series.edges) - 1
        layer = layers.start + i // bins
        if layer >= run.depth or not series.filled[layer]:
            return None
        return bin_text(run, quantity, layer, i % bins)
    return None


def deep_text(view, pos: QPointF) -> str | None:
    """The hover text at scene position ``pos`` of a DeepView."""
    if not view.runs:
        return None
    run = view.runs[0]
    series = run.series[view.quantity]
    for plot in (view.heat, view.large, view.std_plot, view.frac_plot):
        if plot.isVisible() and plot.getViewBox().sceneBoundingRect().contains(pos):
            point = plot.getViewBox().mapSceneToView(pos)
            break
    else:
        return None
    if plot is view.large:
        return _large_text(view, run, point)
    layer = int(round(point.x())) - 1
    if not 0 <= layer < run.depth or not series.filled[layer]:
        return None
    stats = series.stats[layer]
    if plot is view.heat:
        edges = series.edges
        b = int(np.floor((point.y() - edges[0]) / (edges[-1] - edges[0]) * (len(edges) - 1)))
        if not 0 <= b < len(edges) - 1:
            return None
        return bin_text(run, view.quantity, layer, b) + "\n" + tr("Colour: log10(1 + count)")
    texts = statistic_texts(run.config.activation, run.config.activation_param)
    if plot is view.std_plot:
        head = tr("Layer {0}: std {1}, predicted {2}").format(layer + 1, fmt(stats.std, 4),
                                                               fmt(stats.predicted_std, 4))
        return "\n".join([head, texts["std"], texts["pred."]])
    head = tr("Layer {0}: saturated {1}, dead {2}").format(layer + 1, percent(stats.saturated), percent(stats.dead))
    return "\n".join([head, texts["sat."], texts["dead"], tr("A share of 0 is drawn at the bottom of the axis.")])


def _large_text(view, run, point) -> str | None:
    layer = view.selected - 1
    series = run.series[view.quantity]
    if series.counts is None or not 0 <= layer < run.depth or not series.filled[layer] or point.y() < 0:
        return None
    x0, x1 = view.large_bars.opts.get("x0"), view.large_bars.opts.get("x1")
    if x0 is None or len(x0) == 0:
        return None
    hit = np.flatnonzero((np.asarray(x0) <= point.x()) & (point.x() < np.asarray(x1)))
    return bin_text(run, view.quantity, layer, int(hit[0])) if hit.size else None


class HoverTips(QObject):
    """Shows the hover text of a view as its tooltip: after the usual hover pause (Qt's
    ToolTip event, which the scene would otherwise answer by hiding every tooltip, as
    its items have none), and updated at once while the pointer moves on."""

    def __init__(self, view, text_at) -> None:
        super().__init__(view)
        self.view = view
        self.text_at = text_at
        self.last: str | None = None
        view.viewport().installEventFilter(self)
        view.scene().sigMouseMoved.connect(self.moved)

    def text(self, pos: QPointF) -> str | None:
        return self.text_at(self.view, pos) if self.view.runs else None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip:
            self.last = self.text(self.view.mapToScene(event.pos()))
            if self.last:
                QToolTip.showText(event.globalPos(), self.last, self.view.viewport())
            else:
                QToolTip.hideText()
            return True
        return False

    def moved(self, pos: QPointF) -> None:
        if not QToolTip.isVisible():
            return
        text = self.text(pos)
        if text != self.last:
            self.last = text
            QToolTip.showText(QCursor.pos(), text, self.view.viewport()) if text else QToolTip.hideText()


#: The views with hover texts, by the view area's key.
HOVER_VIEWS = {"book": book_text, "deep": deep_text}


def install_hover(area) -> dict:
    """Hover texts on the side-by-side and deep views, now or when they are built."""
    tips: dict = {}

    def attach(key: str) -> None:
        if key in HOVER_VIEWS and key not in tips:
            tips[key] = HoverTips(area.views[key], HOVER_VIEWS[key])

    for key in list(area.views):
        attach(key)
    area.view_created.connect(attach)
    return tips


def install_footnote(area, *signals):
    """The abbreviations under the side-by-side view ("sat.", "pred.", "outside"), a line
    under the figure shown with that view only; checked again on each of ``signals`` (a new
    run may change the automatic view)."""
    from PySide6.QtWidgets import QLabel

    from .explain import abbreviations

    note = QLabel()
    note.setObjectName("abbreviations")
    note.setWordWrap(True)
    area.layout().addWidget(note)

    def update(*_args) -> None:
        book = area.current_key == "book"
        if book:
            note.setText(abbreviations(area.quantity.currentData() or "activations"))
        note.setVisible(book)

    for signal in (area.view_changed, *signals):
        signal.connect(update)
    update()
    return note
