"""The phase view: order and chaos on a map, linked to the histograms of the current run.

Left, the mean-field phase diagram of the current activation (``PhaseCanvas``: chi_1 or
xi_c over (sigma_w2, sigma_b2), Poole et al. 2016; Schoenholz et al. 2017) with the
current configuration and the named schemes marked. Right, a compact deep view of the
current run (``PhaseRuns``), with the correlation of its input pairs through depth. A click on the map moves the
configuration there (variance scaling, fan_in, normal, scale = sigma_w2, gain 1; biases
N(0, sigma_b2)) and reruns; a drag moves it live (the window debounces the reruns).
Hovering shows q*, chi_1, c*, xi_c and the phase under the pointer.

The view asks the window for configurations through ``configuration_requested(change,
immediate)``: ``change`` maps the controls' configuration to the new one.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ..engine import ACTIVATIONS
from ..engine.phase import configuration_at, named_points, point_of
from .i18n import tr
from .phase_maps import PhaseMaps, exact_point
from .phase_plot import PhaseCanvas
from .phase_runs import PhaseRuns
from .plotting import fmt
from .rundata import RunData
from .theme import Theme

#: The correlation of the input pairs the view asks for, until the user picks another:
#: two nearby inputs, which the chaotic phase pulls apart and the ordered one together.
PAIR_CORRELATION = 0.9
#: Below this width (pixels) the run's plots go under the map instead of beside it.
SIDE_BY_SIDE_PX = 800


class PhaseView(QWidget):
    """Map, hover line and the run's deep view; ``set_runs`` as the other views."""

    configuration_requested = Signal(object, bool)

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.runs: list[RunData] = []
        self.maps = PhaseMaps(self)
        self.maps.ready.connect(lambda _key: self._draw_map())
        self.colour = QComboBox()
        self.colour.addItem(self.tr("log₁₀ χ₁"), "chi")
        self.colour.addItem(self.tr("ξ_c (depth scale)"), "xi")
        self.colour.setToolTip(self.tr("χ₁ = σ_w² E[φ′(√q* z)²]: the factor by which gradients grow (> 1) or fade "
                                       "(< 1) per layer (Schoenholz et al. 2017)\n"
                                       "ξ_c = −1/ln(slope of the correlation map at c*): the layers over which "
                                       "two inputs' correlation settles"))
        self.colour.currentIndexChanged.connect(lambda _i: self._draw_map())
        self.pairs = QDoubleSpinBox(minimum=-1.0, maximum=1.0, singleStep=0.1, decimals=2, value=PAIR_CORRELATION)
        self.pairs.setKeyboardTracking(False)
        self.pairs.setToolTip(self.tr("The runs feed pairs of inputs with this correlation and follow it "
                                      "through depth (the lowest plot on the right)"))
        self.pairs.valueChanged.connect(self._pairs_changed)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Colour")))
        bar.addWidget(self.colour, 1)
        bar.addWidget(QLabel(self.tr("Pairs c₀")))
        bar.addWidget(self.pairs)
        self.canvas = PhaseCanvas(theme, self._chosen, self._left)
        self.canvas.setMinimumSize(360, 300)
        self.canvas.scene().sigMouseMoved.connect(self._hovered)
        self.hover = QLabel()
        self.hover.setWordWrap(True)
        self.hover.setMinimumHeight(2 * self.hover.fontMetrics().height())
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(bar)
        col.addWidget(self.canvas, 1)
        col.addWidget(self.hover)
        col.addWidget(self.legend)
        self.deep = PhaseRuns(theme)
        self.split = QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(self.deep)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        self._drawn: tuple | None = None  # (activation, parameter, colour) on the map
        self._asked_pairs_for = None  # the configuration the view last added its pairs to
        self._hovering = False  # the pointer is over the map: the line describes it
        self.set_theme(theme)

    # -- what the view area sets on every view ----------------------------------------
    @property
    def quantity(self) -> str:
        return self.deep.quantity

    @quantity.setter
    def quantity(self, value: str) -> None:
        self.deep.quantity = value

    @property
    def log_y(self) -> bool:
        return self.deep.log_y

    @log_y.setter
    def log_y(self, value: bool) -> None:
        self.deep.log_y = value

    @property
    def show_prediction(self) -> bool:
        return self.deep.show_prediction

    @show_prediction.setter
    def show_prediction(self, value: bool) -> None:
        self.deep.show_prediction = value

    def take_paint_time(self) -> float:
        return self.canvas.take_paint_time() + self.deep.take_paint_time()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.canvas.set_theme(theme)
        self.deep.set_theme(theme)
        self.legend.setText(self.tr(
            "<b>━</b> critical line χ₁ = 1 (★ at σ_b² = 0) &nbsp; <span style='color:{0}'><b>┅</b></span> "
            "depth = 6 ξ_c &nbsp; <span style='color:{0}'>●</span> this run &nbsp; ◇ schemes (σ_b² = 0)").format(
                theme.prediction))
        self.legend.setToolTip(self.tr(
            "A network deeper than 6 ξ_c trains only on the critical line's side of the dashed curve "
            "(Schoenholz et al. 2017). The schemes are drawn without biases, as published."))
        self._drawn = None
        self._draw_map()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        from PySide6.QtCore import Qt

        wide = event.size().width() >= SIDE_BY_SIDE_PX
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if orientation != self.split.orientation():
            self.split.setOrientation(orientation)
            self.deep.arrange(wide)
            extent = event.size().width() if wide else event.size().height()
            self.split.setSizes([extent // 2, extent // 2] if wide else [extent * 3 // 5, extent * 2 // 5])

    # -- runs -------------------------------------------------------------------------
    def set_runs(self, runs: list[RunData]) -> None:
        self.runs = runs
        self.deep.set_runs(runs)
        self._draw_map()
        if runs and runs[0].config.correlation is None and self._asked_pairs_for != runs[0].config:
            # this view follows input pairs through depth: ask for them (once per configuration)
            self._asked_pairs_for = runs[0].config
            # only while shown: by then another view (or a lecture step) may own the configuration
            QTimer.singleShot(0, self, lambda: self.isVisible() and self._request(self._with_pairs, True))

    @property
    def config(self):
        return self.runs[0].config if self.runs else None

    def _draw_map(self) -> None:
        config = self.config
        if config is None:
            return
        act = ACTIVATIONS[config.activation]
        parameter = act.parameter(config.activation_param)
        phase_map = self.maps.get(act.name, parameter)
        colour = self.colour.currentData()
        if phase_map is None:
            failed = self.maps.failed.get((act.name, parameter))
            self.hover.setText(self.tr("The map could not be computed: {0}").format(failed) if failed
                               else self.tr("Computing the phase diagram of {0}...").format(tr(act.label)))
            return
        key = (act.name, parameter, colour)
        if self._drawn != key:
            self.canvas.show_map(phase_map, config.depth, colour, tr(act.label))
            self._drawn = key
        else:
            self.canvas.set_depth(config.depth)
        self.canvas.set_points(point_of(config), named_points(config.width[0]))
        if not self._hovering:
            self._describe_run()

    # -- input ------------------------------------------------------------------------
    def _with_pairs(self, config):
        return config.replace(correlation=self.pairs.value())

    def _pairs_changed(self, _value: float) -> None:
        self._request(self._with_pairs, True)

    def _chosen(self, s: float, b: float, final: bool) -> None:
        """A click or a drag on the map: the marker moves now, the run follows."""
        s = max(s, 1e-3)  # variance scaling needs a positive scale
        if self.config is not None:
            self.canvas.set_points((s, b), named_points(self.config.width[0]))
        self._describe((s, b), self.tr("Here"))
        c0 = self.pairs.value()
        self._request(lambda config: configuration_at(config, s, b, c0), final)

    def _request(self, change, immediate: bool) -> None:
        self.configuration_requested.emit(change, immediate)

    def _hovered(self, pos) -> None:
        box = self.canvas.plot.getViewBox()
        self._hovering = box.sceneBoundingRect().contains(pos)
        if not self._hovering:
            self._describe_run()
            return
        p = box.mapSceneToView(pos)
        self._describe((p.x(), p.y()), self.tr("Here"))

    def _left(self) -> None:
        """The pointer left the map: the line describes the run again."""
        self._hovering = False
        self._describe_run()

    def _describe_run(self) -> None:
        """The run's own point, computed exactly (the map's cells are 0.02 wide)."""
        config = self.config
        point = None if config is None else point_of(config)
        if point is None:
            self.hover.setText("")
            return
        act = ACTIVATIONS[config.activation]
        p = exact_point(act.name, act.parameter(config.activation_param), *point)
        self.hover.setText(self._line(self.tr("This run"), point, p.phase, p.q_star, p.chi1, p.c_star, p.xi_c))

    def _line(self, prefix: str, point, phase: str, q: float, chi: float, c: float, xi: float) -> str:
        return self.tr("{0}: σ_w² = {1}, σ_b² = {2}: <b>{3}</b> · q* {4} · χ₁ {5} · c* {6} · ξ_c {7}").format(
            prefix, fmt(float(point[0])), fmt(float(point[1])), tr(phase), "∞" if math.isinf(q) else fmt(q),
            fmt(chi, 4), fmt(0.0 if abs(c) < 1e-9 else c), fmt(xi))  # c* = 0 to rounding at sigma_b2 = 0

    def _describe(self, point, prefix: str) -> None:
        """One line of the map's numbers at ``point`` (its nearest grid cell)."""
        phase_map = self.canvas.map
        cell = None if point is None or phase_map is None else self.canvas.cell_at(*point)
        if cell is None:
            text = "" if point is None else self.tr("{0}: σ_w² = {1}, σ_b² = {2} (off the map)").format(
                prefix, fmt(point[0]), fmt(point[1]))
            self.hover.setText(text)
            return
        g = phase_map.grid
        i, j = cell
        phase = ("ordered", "critical", "chaotic")[int(g.phase[i, j]) + 1]
        # the point's own coordinates; the numbers are those of the map's nearest cell
        self.hover.setText(self._line(prefix, point, phase, *(float(a[i, j]) for a in (g.q_star, g.chi1, g.c_star,
                                                                                        g.xi_c))))

    def shutdown(self) -> None:
        self.maps.shutdown()
