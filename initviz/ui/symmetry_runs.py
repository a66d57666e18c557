"""The symmetry view's other compared runs: one more heat map and distinct-units curve each.

The first run keeps the view's own map (with the colour bar and the axes) and curve; every
other run gets a map, two to a row, on the same colour levels so that the maps compare, and
its curve in its colour. The view's arrangement places the grid of maps and the distinct
units (side by side, one above the other, or tabs) as the room allows. Maps are created
when a comparison first needs them and leave the layout when not needed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .plotting import curve, line_pen, set_title, style_plot
from .rundata import RunData
from .symmetry_quantity import snapshots


class OtherRuns:
    """Maps and curves of runs 2, 3, ... of ``view`` (a SymmetryView)."""

    def __init__(self, view) -> None:
        self.view = view
        self.maps: list[pg.PlotItem] = []
        self.images: list[pg.ImageItem] = []
        self._placed: list[pg.PlotItem] = []  # the maps now in the layout
        self.curves = [curve(view.distinct, symbol="o", symbolSize=9) for _ in range(len(view.theme.series) - 1)]

    def set_theme(self, theme) -> None:
        for i, item in enumerate(self.curves, start=1):
            colour = theme.series[i % len(theme.series)]
            item.setPen(line_pen(colour))
            item.setSymbolBrush(pg.mkBrush(colour))
            item.setSymbolPen(pg.mkPen(colour))
        for plot in self.maps:
            style_plot(plot, theme)
            plot.showGrid(x=False, y=False)
        for image in self.images:
            image.setColorMap(pg.colormap.get(theme.colormap))

    def _map(self, i: int) -> tuple[pg.PlotItem, pg.ImageItem]:
        """The map of run ``i`` + 1 (0: the second run), created on first use."""
        while len(self.maps) <= i:
            plot = pg.PlotItem()  # placed in the grid by ``draw``
            image = pg.ImageItem()
            plot.addItem(image)
            plot.setMouseEnabled(x=False, y=False)
            plot.invertY(True)
            for side in ("left", "bottom"):  # the first run's map names them; these stay narrow
                plot.hideAxis(side)
            self.maps.append(plot)
            self.images.append(image)
            self.set_theme(self.view.theme)
        return self.maps[i], self.images[i]

    def snapshots(self, layer: int) -> list[np.ndarray | None]:
        """Layer ``layer``'s 64 x 64 corner of every other run (x = unit), None where not yet run."""
        corners = [snapshots(r, self.view.quantity).get(layer) for r in self.view.runs[1:]]
        return [None if c is None else np.asarray(c, dtype=np.float32).T for c in corners]

    def draw(self, layer: int, levels: tuple[float, float], title: str) -> None:
        """Every other run's map of ``layer`` on ``levels`` (``title``: the map title with {0}
        for the run's letter); their distinct units per layer."""
        runs: list[RunData] = self.view.runs[1:]
        for i, plot in enumerate(self.maps):  # out of the layout when unused: a hidden item keeps its room
            if i >= len(runs) and plot in self._placed:
                self.view.map_grid.removeItem(plot)
                self._placed.remove(plot)
        for i, item in enumerate(self.curves):
            if i >= len(runs):
                item.setData([], [])
                continue
            done = runs[i].forward_done
            item.setData(np.arange(1, done + 1, dtype=np.float64),
                         np.maximum(runs[i].distinct_units[:done], 1).astype(np.float64))
        for i, img in enumerate(self.snapshots(layer)):
            plot, image = self._map(i)
            if plot not in self._placed:
                n = i + 1  # among all the maps, two to a row
                self.view.map_grid.addItem(plot, row=n // 2, col=n % 2)
                self._placed.append(plot)
            set_title(plot, title.format(runs[i].title), self.view.theme)
            if img is None:
                image.clear()
                continue
            image.setImage(img, levels=levels, autoLevels=False)
            image.setRect(0, 0, img.shape[0], img.shape[1])
