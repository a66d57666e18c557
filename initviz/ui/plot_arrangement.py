"""Keeps the plots of one pyqtgraph canvas arranged to fit the canvas: a grid while every
plot gets its minimum size, else one row, else one column, else tabs (one plot at a time,
full size, chosen with a tab bar over the canvas). ``layout_fit.arrange`` decides.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QGraphicsGridLayout, QTabBar

from .layout_fit import COLUMN, GRID, ROW, TABS, Placement, arrange


class PlotArrangement(QObject):
    """Arranges ``canvas``'s plots again whenever the canvas is resized or the plots change.

    ``cell()`` gives the minimum (width, height) in pixels of one plot (it follows the text
    zoom); ``stretch`` weighs the grid's columns. The canvas's layout holds these plots only
    (it is rebuilt at each change). In a grid, a last plot alone on its row
    spans the row. ``changed`` carries the arrangement's kind when it changes."""

    changed = Signal(str)

    def __init__(self, canvas: pg.GraphicsLayoutWidget, cell: Callable[[], tuple[float, float]],
                 columns: int = 2, stretch: tuple[int, ...] = (1, 1)) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.cell = cell
        self.columns = columns
        self.stretch = stretch
        self.plots: list = []
        self.names: list[str] = []
        self.placement: Placement | None = None
        self.current = 0
        self._margins = canvas.ci.layout.getContentsMargins()
        self.tabs = QTabBar(canvas)
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.hide()
        self.tabs.currentChanged.connect(self._tab_chosen)
        canvas.installEventFilter(self)

    @property
    def kind(self) -> str:
        return self.placement.kind if self.placement else GRID

    def set_plots(self, plots: list, names: list[str]) -> None:
        """Arrange ``plots`` (PlotItems or other layout items), named ``names`` on the tabs."""
        if plots == self.plots and names == self.names:
            return
        self.plots, self.names = list(plots), list(names)
        self.current = min(self.current, len(plots) - 1)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for name in names:
            self.tabs.addTab(name)
        self.tabs.setCurrentIndex(max(self.current, 0))
        self.tabs.blockSignals(False)
        self.arrange(force=True)

    def show_plot(self, index: int) -> None:
        """Bring plot ``index`` forward (the tab to show when arranged as tabs)."""
        if 0 <= index < len(self.plots) and index != self.current:
            self.tabs.setCurrentIndex(index)

    def _tab_chosen(self, index: int) -> None:
        if index >= 0 and index != self.current:
            self.current = index
            if self.kind == TABS:
                self.arrange(force=True)

    def _sizes(self) -> list[tuple[float, float]]:
        """Each plot's least size: ``cell()``, or more where the plot asks for more (a long
        title), with the layout's spacing."""
        from PySide6.QtCore import Qt

        width, height = self.cell()
        spacing = max(self.canvas.ci.layout.horizontalSpacing(), 0)
        sizes = []
        for plot in self.plots:
            least = plot.effectiveSizeHint(Qt.SizeHint.MinimumSize)
            sizes.append((max(width, least.width()) + spacing, max(height, least.height()) + spacing))
        return sizes

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.canvas and event.type() == QEvent.Type.Resize:
            self.arrange()
        return False

    def arrange(self, force: bool = False) -> None:
        """Place the plots for the canvas's present size (nothing when unchanged)."""
        if not self.plots:
            return
        left, top, right, bottom = self._margins
        placement = arrange(self.canvas.width() - left - right, self.canvas.height() - top - bottom, self._sizes(),
                            self.columns, self.current)
        if placement == self.placement and not force:
            self._place_tabs()
            return
        kind_changed = self.placement is None or placement.kind != self.placement.kind
        self.placement = placement
        layout = self.canvas.ci
        for plot in self.plots:
            if plot in layout.items:
                layout.removeItem(plot)
        # A fresh grid: the old one keeps every row and column it ever had (a stretch set
        # on them is enough), and each empty one still costs a spacing.
        old = layout.layout
        grid = QGraphicsGridLayout()
        grid.setContentsMargins(*self._margins)
        grid.setHorizontalSpacing(old.horizontalSpacing())
        grid.setVerticalSpacing(old.verticalSpacing())
        layout.layout = grid
        layout.setLayout(grid)
        layout.rows = {}
        used_rows = {cell[0] for cell in placement.cells if cell is not None}
        used_columns = {cell[1] for cell in placement.cells if cell is not None}
        for i in used_rows:
            grid.setRowStretchFactor(i, 1)
        for i in used_columns:
            grid.setColumnStretchFactor(i, self.stretch[i] if placement.kind == GRID and i < len(self.stretch) else 1)
        for i, (plot, cell) in enumerate(zip(self.plots, placement.cells)):
            if cell is None:
                plot.hide()
                continue
            plot.show()
            alone = placement.kind == GRID and i == len(self.plots) - 1 and cell[1] == 0 and self.columns > 1
            layout.addItem(plot, row=cell[0], col=cell[1], colspan=self.columns if alone else 1)
        tabs = placement.kind == TABS
        height = self.tabs.sizeHint().height() if tabs else 0
        self.tabs.setVisible(tabs)
        if tabs:  # the bar lies over the canvas's top; the plot starts below it
            left, top, right, bottom = self._margins
            grid.setContentsMargins(left, top + height, right, bottom)
        self._place_tabs()
        if kind_changed:
            self.changed.emit(placement.kind)

    def _place_tabs(self) -> None:
        if not self.tabs.isHidden():
            self.tabs.setGeometry(0, 0, self.canvas.width(), self.tabs.sizeHint().height())
            self.tabs.raise_()


__all__ = ["COLUMN", "GRID", "ROW", "TABS", "PlotArrangement"]
