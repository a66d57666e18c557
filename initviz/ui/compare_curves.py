"""Per-run curves of a comparison in one plot: each run in its colour, a solid and a dashed line.

The deep view draws the saturated (solid) and dead (dashed) fractions of every compared run
this way; the runs' colours are named once, in the std plot's legend and the bar of pinned
runs, so the legend here only says which line style is which quantity (two key lines in
the text's colour).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .plotting import curve, finite_positive, line_pen
from .rundata import RunData
from .theme import Theme


class RunCurves:
    """``count`` pairs of (solid, dashed) curves in ``plot``, and the two key lines."""

    def __init__(self, plot: pg.PlotItem, count: int) -> None:
        self.pairs = [(curve(plot), curve(plot)) for _ in range(count)]
        self.keys = (pg.PlotDataItem(), pg.PlotDataItem())  # legend samples only, not in the plot
        self._pens: tuple | None = None

    def draw(self, runs: list[RunData], theme: Theme, floor: float) -> bool:
        """Draw every run's saturated and dead fractions when there are several runs (True);
        else clear them (False: the view draws its one run itself). ``floor``: where zeros
        and smaller fractions go on the log axis."""
        many = len(runs) > 1
        pens = (theme.name, len(runs))
        if self._pens != pens:
            self._pens = pens
            for i, (solid, dashed) in enumerate(self.pairs):
                colour = theme.series[i % len(theme.series)]
                solid.setPen(line_pen(colour))
                dashed.setPen(line_pen(colour, dashed=True))
            self.keys[0].setPen(line_pen(theme.foreground))
            self.keys[1].setPen(line_pen(theme.foreground, dashed=True))
        for i, (solid, dashed) in enumerate(self.pairs):
            if not many or i >= len(runs):
                solid.setData([], [])
                dashed.setData([], [])
                continue
            s = runs[i].series["activations"]
            x = np.arange(1, runs[i].depth + 1, dtype=np.float64)
            solid.setData(x, finite_positive(np.where(s.filled, s.saturated, np.nan), floor), connect="finite")
            dashed.setData(x, finite_positive(np.where(s.filled, s.dead, np.nan), floor), connect="finite")
        return many
