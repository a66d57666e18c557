"""Geometry of what a pyqtgraph view shows, in the window's pixels: the rectangles of its
plots and of its text items, and which of them leave the window or overlap. Used by the
layout tests; geometry only, no pixels are read."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsView, QWidget


def canvases(widget: QWidget) -> list[QGraphicsView]:
    """The visible graphics views in ``widget`` (itself included)."""
    found = [widget] if isinstance(widget, QGraphicsView) else []
    found += widget.findChildren(QGraphicsView)
    return [v for v in found if v.isVisible()]


def to_window(view: QGraphicsView, rect: QRectF, window: QWidget) -> QRect:
    """A rectangle in ``view``'s viewport pixels, in ``window``'s coordinates."""
    origin = view.viewport().mapTo(window, QPoint(0, 0))
    return rect.toAlignedRect().translated(origin)


def viewport_rect(view: QGraphicsView, window: QWidget) -> QRect:
    return to_window(view, QRectF(view.viewport().rect()), window)


def _device_rect(view: QGraphicsView, item) -> QRectF:
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())


def plot_rects(view: QGraphicsView, window: QWidget) -> list[tuple[str, QRect]]:
    """Every visible plot item's rectangle, named by its title (or its class)."""
    out = []
    for item in view.scene().items():
        if isinstance(item, pg.PlotItem) and item.isVisible():
            name = item.titleLabel.text or type(item).__name__
            out.append((name, to_window(view, _device_rect(view, item), window)))
    return out


def _clip_rect(view: QGraphicsView, item) -> QRectF | None:
    """The device rectangle of the nearest ancestor that clips ``item`` (a ViewBox), or None."""
    parent = item.parentItem()
    while parent is not None:
        if isinstance(parent, pg.ViewBox):
            return _device_rect(view, parent)
        parent = parent.parentItem()
    return None


def text_rects(view: QGraphicsView, window: QWidget) -> list[tuple[str, QRect, QRect | None]]:
    """(text, rectangle, clipping rectangle or None) of every visible, non-empty text item."""
    out = []
    for item in view.scene().items():
        if not isinstance(item, (QGraphicsSimpleTextItem, QGraphicsTextItem)) or not item.isVisible():
            continue
        text = item.text() if isinstance(item, QGraphicsSimpleTextItem) else item.toPlainText()
        if not text.strip():
            continue
        rect = _device_rect(view, item)
        # the ink, not the item's padding: QGraphicsTextItem keeps a document margin of 4 px
        if isinstance(item, QGraphicsTextItem):
            rect = rect.adjusted(3, 3, -3, -3)
        clip = _clip_rect(view, item)
        out.append((text, to_window(view, rect, window), None if clip is None else to_window(view, clip, window)))
    return out


def overlapping(rects: list[tuple[str, QRect]], slack: int = 1) -> list[tuple[str, str]]:
    """Pairs of named rectangles that overlap by more than ``slack`` pixels both ways."""
    pairs = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            inter = ra.intersected(rb)
            if inter.width() > slack and inter.height() > slack:
                pairs.append((a, b))
    return pairs


def problems(widget: QWidget, window: QWidget) -> list[str]:
    """What is wrong with ``widget``'s plots and texts inside ``window``: a plot or a text
    outside the window or its canvas, a text cut by its plot's clipping, two texts overlapping."""
    found = []
    bounds = window.rect()
    for view in canvases(widget):
        port = viewport_rect(view, window)
        if not bounds.contains(port):
            found.append(f"canvas {port} outside the window {bounds}")
        for name, rect in plot_rects(view, window):
            if not port.adjusted(-1, -1, 1, 1).contains(rect):
                found.append(f"plot {name!r} at {rect} outside its canvas {port}")
        texts = text_rects(view, window)
        for text, rect, clip in texts:
            if not port.adjusted(-1, -1, 1, 1).contains(rect):
                found.append(f"text {text!r} at {rect} outside its canvas {port}")
            elif clip is not None and not clip.adjusted(-2, -2, 2, 2).contains(rect):
                found.append(f"text {text!r} at {rect} cut by its plot {clip}")
        for a, b in overlapping([(t, r) for t, r, _ in texts]):
            found.append(f"texts overlap: {a!r} and {b!r}")
    return found
