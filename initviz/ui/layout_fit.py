"""Arrangements that fit the room there is: a wrapping row of controls, how a view's
plots are placed (grid, one row, one column or tabs) and how many layers go on a line.

The choices are pure functions of pixel sizes, so the views decide the same way at
every screen size and the tests can check each decision without a window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QSizePolicy, QWidgetItem

#: Arrangements of a view's plots, from the roomiest to the most compact.
GRID, ROW, COLUMN, TABS = "grid", "row", "column", "tabs"


@dataclass(frozen=True)
class Placement:
    """Where a view's plots go: ``cells[i]`` is plot i's (row, column), or None when the
    plot is not shown (tabs show one plot at a time)."""

    kind: str
    cells: tuple[tuple[int, int] | None, ...]


def arrange(width: float, height: float, sizes: list[tuple[float, float]], columns: int = 2,
            current: int = 0) -> Placement:
    """Place plots whose least sizes are ``sizes`` ((width, height) pixels each) in
    ``width`` x ``height``: a grid of ``columns`` columns when every column and row gets
    its widest and tallest plot's least size, else one row, else one column, else tabs
    (plot ``current`` alone, full size). A last plot alone on a grid row spans the row."""
    count = len(sizes)
    rows = math.ceil(count / columns)
    column_widths = [max((sizes[i][0] for i in range(c, count, columns)), default=0.0) for c in range(columns)]
    alone = count % columns == 1 and columns > 1  # spans the row: only as wide as the columns together
    if alone:
        column_widths[0] = max((sizes[i][0] for i in range(0, count - 1, columns)), default=0.0)
    row_heights = [max(h for _, h in sizes[r * columns:(r + 1) * columns]) for r in range(rows)]
    fits_alone = not alone or sizes[-1][0] <= sum(column_widths)
    if sum(column_widths) <= width and sum(row_heights) <= height and fits_alone:
        return Placement(GRID, tuple((i // columns, i % columns) for i in range(count)))
    if sum(w for w, _ in sizes) <= width and max(h for _, h in sizes) <= height:
        return Placement(ROW, tuple((0, i) for i in range(count)))
    if sum(h for _, h in sizes) <= height and max(w for w, _ in sizes) <= width:
        return Placement(COLUMN, tuple((i, 0) for i in range(count)))
    return Placement(TABS, tuple((0, 0) if i == current else None for i in range(count)))


@dataclass(frozen=True)
class LayerPages:
    """Layers of a run spread over lines and pages: ``per_line`` layers on each of
    ``lines`` lines per page; ``page`` (0-based) of ``pages`` shows ``first``..``last``
    (1-based, inclusive)."""

    depth: int
    per_line: int
    lines: int
    page: int

    @property
    def per_page(self) -> int:
        return self.per_line * self.lines

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.depth / self.per_page))

    @property
    def first(self) -> int:
        return self.page * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.depth, (self.page + 1) * self.per_page)

    def line_layers(self, line: int) -> range:
        """The 1-based layers on ``line`` of this page (empty past the last layer)."""
        start = self.first + line * self.per_line
        return range(start, min(start + self.per_line, self.last + 1))


def layer_pages(depth: int, width: float, height: float, layer_px: float, line_px: float,
                runs: int = 1, most: int = 16, page: int = 0) -> LayerPages:
    """How ``depth`` layers of ``runs`` runs fit ``width`` x ``height``: a layer needs
    ``layer_px`` of width, a line ``line_px`` of height, and every run gets its own line.
    At most ``most`` layers per line; with one run, several lines (wrapped) when the
    height allows, so that a page holds as many layers as fit. ``page`` is clamped."""
    per_line = max(1, min(most, depth, int(width // max(layer_px, 1.0))))
    lines = max(1, int(height // max(line_px, 1.0))) if runs == 1 else 1
    lines = min(lines, math.ceil(depth / per_line))
    # balanced pages (40 layers on 33 + 7 would be 20 + 20) and balanced lines on each
    pages = math.ceil(depth / (per_line * lines))
    per_page = math.ceil(depth / pages)
    lines = math.ceil(per_page / per_line)
    per_line = math.ceil(per_page / lines)
    fitted = LayerPages(depth, per_line, lines, 0)
    return LayerPages(depth, per_line, lines, min(max(page, 0), fitted.pages - 1))


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto a new line when the width runs out (Qt's
    "Flow Layout" example), so that a toolbar never sets the window's minimum width."""

    def __init__(self, parent=None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def addWidget(self, widget) -> None:  # noqa: N802 (Qt override)
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def addStretch(self, _stretch: int = 0) -> None:  # noqa: N802 (QBoxLayout's name)
        """Nothing: a flow has no stretch (kept so that code written for a box works)."""

    def addSpacing(self, size: int) -> None:  # noqa: N802 (QBoxLayout's name)
        from PySide6.QtWidgets import QSpacerItem

        self.addItem(QSpacerItem(size, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def insertWidget(self, index: int, widget) -> None:  # noqa: N802 (QBoxLayout's name)
        self.addChildWidget(widget)
        self._items.insert(index if index >= 0 else len(self._items), QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 (Qt override)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 (Qt override)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = sum(i.sizeHint().width() + self._spacing for i in self._visible())
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (when ``move``); returns the height used. Items of
        one line are centred vertically on the line."""
        margins = self.contentsMargins()
        left, top = rect.x() + margins.left(), rect.y() + margins.top()
        right = rect.right() - margins.right()
        lines: list[list] = [[]]
        x = left
        for item in self._visible():
            w = item.sizeHint().width()
            if lines[-1] and x + w > right + 1:
                lines.append([])
                x = left
            lines[-1].append(item)
            x += w + self._spacing
        y = top
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            x = left
            for item in line:
                hint = item.sizeHint()
                w = min(hint.width(), max(right - x + 1, 0))
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), QSize(w, hint.height())))
                x += hint.width() + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + margins.bottom()


def together(*widgets):
    """``widgets`` in one row that a ``FlowLayout`` never splits (a label and its field)."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return box
