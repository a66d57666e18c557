"""The figure area: a small toolbar (view, quantity, log y, prediction) over the views.

The book's view suits a few layers, the deep view hundreds, the symmetry view equal
weights; "Automatic" picks by the run, and the user can switch. The Training view
(chosen by hand or by a training preset) trains the network instead. Only the visible view
is redrawn; a view is brought up to date when it is shown.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ..engine import SimulationConfig
from .book_view import MAX_LAYERS, BookView
from .deep_view import DeepView
from .layout_fit import FlowLayout, together
from .phase_view import PhaseView
from .rundata import RunData
from .symmetry_view import SymmetryView
from .theme import Theme
from .training_view import TrainingView


def automatic_view(config: SimulationConfig) -> str:
    """Equal weights: the symmetry view; up to MAX_LAYERS layers: the book's; else deep."""
    if config.init.name in ("constant", "zeros"):
        return "symmetry"
    return "book" if config.depth <= MAX_LAYERS else "deep"


class ViewArea(QWidget):
    """Toolbar and stacked views; ``set_runs`` then ``refresh`` (cheap) as results come."""

    view_changed = Signal()
    view_created = Signal(str)

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.views: dict[str, QWidget] = {}  # built on first use: start-up pays for one
        self.stack = QStackedWidget()
        self.choice = QComboBox()
        for key, text in (("auto", self.tr("Automatic")), ("book", self.tr("Layers side by side")),
                          ("deep", self.tr("Deep view")), ("symmetry", self.tr("Symmetry")),
                          ("training", self.tr("Training")), ("phase", self.tr("Phase diagram"))):
            self.choice.addItem(text, key)
        self.choice.setToolTip(self.tr("Automatic: side by side up to {0} layers, the deep view beyond, "
                                       "the symmetry view for equal weights").format(MAX_LAYERS))
        self.quantity = QComboBox()
        for key, text in (("activations", self.tr("Activations a = phi(z)")),
                          ("preactivations", self.tr("Pre-activations z = xW + b")),
                          ("gradients", self.tr("Gradients dL/da")),
                          ("pre_gradients", self.tr("Gradients dL/dz (pre-activations)")),
                          ("weight_gradients", self.tr("Weight gradients dL/dW"))):
            self.quantity.addItem(text, key)
        self.quantity.setToolTip(self.tr("What the histograms count (gradients need the backward pass)"))
        self.log_y = QCheckBox(self.tr("Log y"))
        self.log_y.setToolTip(self.tr("Counts on a logarithmic axis"))
        self.prediction = QCheckBox(self.tr("Prediction"))
        self.prediction.setChecked(True)
        self.prediction.setToolTip(self.tr("Mean-field prediction (Poole et al. 2016): "
                                           "q_l = sigma_w^2 E[phi(sqrt(q_(l-1)) z)^2] + sigma_b^2"))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        bar = self.bar = FlowLayout()  # wraps when narrow, instead of widening the window past the screen
        for label, widget in ((self.tr("View"), self.choice), (self.tr("Show"), self.quantity)):
            bar.addWidget(together(QLabel(label), widget))
        bar.addWidget(self.log_y)
        bar.addWidget(self.prediction)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        self.runs: list[RunData] = []
        self.choice.currentIndexChanged.connect(self._options_changed)
        self.quantity.currentIndexChanged.connect(self._options_changed)
        self.log_y.toggled.connect(self._options_changed)
        self.prediction.toggled.connect(self._options_changed)

    def view(self, key: str) -> QWidget:
        """The view called ``key`` ("book", "deep", "symmetry"), built when first asked for."""
        if key not in self.views:
            view = {"phase": PhaseView,
                    "book": BookView, "deep": DeepView, "symmetry": SymmetryView, "training": TrainingView}[key](
                self.theme)
            self.views[key] = view
            self.stack.addWidget(view)
            gc.freeze()  # the view's thousands of objects: out of every future GC pass
            self.view_created.emit(key)
        return self.views[key]

    @property
    def book(self) -> BookView:
        return self.view("book")

    @property
    def deep(self) -> DeepView:
        return self.view("deep")

    @property
    def symmetry(self) -> SymmetryView:
        return self.view("symmetry")

    @property
    def phase(self) -> PhaseView:
        return self.view("phase")

    @property
    def training(self) -> TrainingView:
        return self.view("training")

    @property
    def current_key(self) -> str:
        choice = self.choice.currentData()
        if choice != "auto":
            return choice
        return automatic_view(self.runs[0].config) if self.runs else "book"

    @property
    def current(self) -> QWidget:
        return self.view(self.current_key)

    def set_view(self, key: str) -> None:
        self.choice.setCurrentIndex(max(self.choice.findData(key), 0))

    def set_quantity(self, key: str) -> None:
        self.quantity.setCurrentIndex(max(self.quantity.findData(key), 0))

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for view in self.views.values():
            view.set_theme(theme)

    def set_runs(self, runs: list[RunData], redraw: bool = True) -> None:
        """Show ``runs``: now, or (``redraw=False``) at the next ``refresh``."""
        self.runs = runs
        if runs and not runs[0].config.gradients and self.quantity.currentData() in ("gradients", "pre_gradients",
                                                                               "weight_gradients"):
            self.quantity.blockSignals(True)
            self.set_quantity("activations")
            self.quantity.blockSignals(False)
        if redraw:
            self.refresh()

    def _options_changed(self, *_args) -> None:
        self.refresh()
        self.view_changed.emit()

    def refresh(self) -> None:
        """Redraw the visible view from the runs' arrays."""
        view = self.current
        if self.stack.currentWidget() is not view:
            self.stack.setCurrentWidget(view)
        quantity = self.quantity.currentData()
        if hasattr(view, "quantity"):
            view.quantity = quantity
            view.log_y = self.log_y.isChecked()
            view.show_prediction = self.prediction.isChecked()
        plain = self.current_key not in ("symmetry", "training")  # the Training view has its own
        self.log_y.setEnabled(plain)
        self.quantity.setEnabled(plain or self.current_key == "symmetry")  # its gradients too
        self.prediction.setEnabled(self.current_key != "training")
        view.set_runs(self.runs)
