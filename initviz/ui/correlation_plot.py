"""Correlation of input pairs against depth: measured (solid) and predicted by the
correlation map (dashed), for runs with pairs of correlated inputs (Poole et al. 2016).

In the ordered phase the pairs' correlation climbs to 1 (every input ends up alike); in
the chaotic phase it falls to c* < 1 (nearby inputs come apart). The deep view shows this
plot under its others while a run measures it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .i18n import tr
from .plotting import curve, line_pen, set_label, set_title, style_plot
from .rundata import RunData
from .theme import Theme


class CorrelationPlot:
    """One plot item with a measured and a predicted curve per run (up to two, in the
    runs' colours; the prediction of a single run in the prediction's colour)."""

    def __init__(self, theme: Theme) -> None:
        self.plot = pg.PlotItem()
        self.curves = [(curve(self.plot), curve(self.plot)) for _ in range(2)]
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.enableAutoRange(False)
        self.plot.setYRange(-0.05, 1.05, padding=0)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        style_plot(self.plot, theme)
        for i, (measured, predicted) in enumerate(self.curves):
            measured.setPen(line_pen(theme.series[i]))
            predicted.setPen(line_pen(theme.prediction if i == 0 else theme.series[i], dashed=True))
        set_label(self.plot, "bottom", tr("layer"), theme)
        set_label(self.plot, "left", tr("correlation"), theme)
        # no legend (a curve rising to 1 or falling to c* would pass under it wherever it sat):
        # solid and dashed mean measured and predicted, as in the std plot's legend beside it
        set_title(self.plot, tr("Pair correlation"), theme)  # short: it fits beside the phase map

    @staticmethod
    def wanted(runs: list[RunData]) -> bool:
        """True when a run measures the pairs' correlation."""
        return any(run.config.correlation is not None for run in runs)

    def draw(self, runs: list[RunData]) -> None:
        depth = runs[0].depth if runs else 1
        self.plot.setXRange(0.5, depth + 0.5, padding=0.01)
        lows = [-0.05]
        for i, (measured, predicted) in enumerate(self.curves):
            run = runs[i] if i < len(runs) and runs[i].config.correlation is not None else None
            if run is None:
                measured.setData([], [])
                predicted.setData([], [])
                continue
            x = np.arange(1, run.depth + 1, dtype=np.float64)
            measured.setData(x, run.correlation, connect="finite")
            predicted.setData(x, run.predicted_correlation, connect="finite")
            values = np.concatenate([run.correlation, run.predicted_correlation])
            values = values[np.isfinite(values)]
            if values.size:
                lows.append(float(values.min()) - 0.05)
        # from 0 (or below, for anti-correlated pairs) to 1: the range a correlation lives in
        self.plot.setYRange(min(lows), 1.05, padding=0)
