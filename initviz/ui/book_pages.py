"""Pages of the side-by-side view: how wide a layer must be for its texts, and the bar
that pages through the layers ("layers 17-32 of 40", previous, next).

A layer's column holds its title ("10-layer"), its two range ticks and its numbers
("mean -1.4e-3", ...), all at fixed pixel sizes, so the view measures them (with the
widest numbers a run can show) to decide how many layers fit on a line.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from .i18n import tr
from .layout_fit import LayerPages
from .plotting import fmt
from .theme import FONT_PX, plot_font, scaled_px

#: Pixels kept between the texts of two neighbouring layers.
GAP_PX = 10
#: Height of the bars' area of a line at the least (pixels at text zoom 1).
BARS_PX = 90


def _width(text: str, px: int, bold: bool = False) -> float:
    metrics = QFontMetricsF(plot_font(px, bold))
    return max((metrics.horizontalAdvance(line) for line in text.splitlines()), default=0.0)


def layer_px(depth: int, lo: float, hi: float, digits: int, text_px: int, pitch: float) -> float:
    """The pixels one layer needs from the left edge of its column to the next one's:
    its title, its numbers at their widest, and its two range ticks side by side."""
    mantissa = "8." + "8" * (digits - 1)
    number = f"-{mantissa}e-8"  # a two-digit exponent (below 1e-9) takes some of the gap
    numbers = "\n".join([tr("mean {0}").format(number), tr("std {0}").format(number[1:]),
                         tr("pred. {0}").format(number[1:]), tr("outside {0}").format("100%")])
    title = _width(tr("{0}-layer").format(depth), FONT_PX + 2, bold=True)
    ticks = _width(fmt(lo, 2), FONT_PX) + _width(fmt(hi, 2), FONT_PX) + GAP_PX
    return max(title + GAP_PX, _width(numbers, text_px) + GAP_PX, ticks * pitch)


def line_px(rows_of_text: int, top_px: int, text_line_px: int) -> float:
    """The pixels one line of layers needs: titles, bars, ticks and ``rows_of_text`` numbers."""
    return scaled_px(top_px) + scaled_px(BARS_PX) + scaled_px(text_line_px) * (rows_of_text + 1) + 2


class PageBar(QFrame):
    """"layers 17-32 of 40" between previous and next buttons; hidden with one page."""

    page_asked = Signal(int)  # -1: previous, +1: next

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.previous = QToolButton(text="\u25c0")
        self.previous.setToolTip(self.tr("Previous layers"))
        self.next = QToolButton(text="\u25b6")
        self.next.setToolTip(self.tr("Next layers"))
        self.label = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.previous)
        row.addWidget(self.label)
        row.addWidget(self.next)
        self.previous.clicked.connect(lambda: self.page_asked.emit(-1))
        self.next.clicked.connect(lambda: self.page_asked.emit(1))
        self.hide()

    def show_pages(self, pages: LayerPages | None) -> None:
        if pages is None or pages.pages <= 1:
            self.hide()
            return
        self.label.setText(tr("layers {0}-{1} of {2}").format(pages.first, pages.last, pages.depth))
        self.previous.setEnabled(pages.page > 0)
        self.next.setEnabled(pages.page < pages.pages - 1)
        self.adjustSize()
        self.show()
        self.place()

    def place(self) -> None:
        """At the top right of the view."""
        parent = self.parentWidget()
        self.move(max(parent.width() - self.width() - 6, 0), 2)
        self.raise_()
