"""The Training view: does the initialization change learning? (Deep Learning from Scratch,
ch. 6, ``weight_init_compare.py``, live.)

The runs are trained in the engine's process (``SimulationRunner``, like the deep runs)
side by side. Their losses and held-out accuracy are drawn as they come
(``training_plots``); below, a time slider picks a recorded iteration of one run, whose
hidden layers' histograms are drawn by the book's own view from that record, beside
the run's distinct units per layer. The network is the control panel's (or a
training preset's runs); the optimizer, learning rate, minibatch, iterations and data
are this view's own controls. A change retrains; the File menu exports the numbers as
tidy CSV (one measurement a row).
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..engine import SCHEMES, ConfigError, SimulationConfig, TrainingConfig
from ..engine.data import DataError, describe, load_dataset
from ..engine.training_config import MAX_BATCH, MAX_ITERATIONS
from ..engine.training_results import TrainingSummary
from ..safe_io import write_atomically
from .book_view import BookView
from .controls import NumberField
from .error_text import translated_error
from .i18n import tr
from .rundata import QUANTITIES
from .theme import Theme
from .training_data import CSV_FIELDS, TrainingRun
from .training_plots import DistinctPlot, TrainingPlots

#: Milliseconds between redraws while results stream in, at least; more when a redraw is
#: costly (PAINT_SHARE times what it took), so that the GUI thread stays mostly idle.
REDRAW_MS = 60
PAINT_SHARE = 20
#: Records per run: the iterations are recorded every iterations / RECORDS.
RECORDS = 20


def training_config(config: SimulationConfig, settings: dict) -> TrainingConfig:
    """The network of a simulation's configuration, trained with ``settings`` (the optimizer's)."""
    return TrainingConfig(activation=config.activation, activation_param=config.activation_param,
                          init=config.init, depth=config.depth, width=config.width,
                          bias_std=config.bias_std if config.bias == "normal" else 0.0, seed=config.seed,
                          dtype=config.dtype, **settings)


class TrainingView(QWidget):
    """Loss and accuracy of the compared runs, live; one run's layers at a chosen iteration."""

    #: The view's own controls changed: the window retrains (debounced).
    changed = Signal()

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.runner = None
        self.runs: list[TrainingRun] = []
        self.requested: list[tuple[str, TrainingConfig]] = []
        self._preset = None
        self._loading = False
        self._started_at = 0.0
        self._cost = 0.0
        self._data = "mnist"
        self._generation = -1
        self._shown: tuple | None = None  # (run, record, quantity, theme) the histograms show
        self._build()
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._redraw.timeout.connect(self.draw)

    # -- construction -----------------------------------------------------------------
    def _build(self) -> None:
        self.optimizer = QComboBox()
        for key, text in (("sgd", self.tr("SGD (the book's)")), ("momentum", self.tr("Momentum 0.9")),
                          ("adam", self.tr("Adam"))):
            self.optimizer.addItem(text, key)
        self.lr = NumberField(self.tr("learning rate"), self.tr("Step size of each update (the book: 0.01)"))
        self.lr.set_value(0.01)
        self.batch = QSpinBox(minimum=1, maximum=MAX_BATCH, value=128)
        self.batch.setToolTip(self.tr("Images per minibatch, drawn with replacement (the book: 128)"))
        self.iterations = QSpinBox(minimum=10, maximum=MAX_ITERATIONS, value=2000, singleStep=500)
        self.iterations.setToolTip(self.tr("Updates per run (the book: 2000)"))
        for spin in (self.batch, self.iterations):
            spin.setGroupSeparatorShown(True)
            spin.setKeyboardTracking(False)
        self.data = QComboBox()
        self.data.addItem(self.tr("MNIST, 5,000 images"), "mnist")
        self.data.addItem(self.tr("Open a .npz file..."), "open")
        self.data.setToolTip(self.tr("MNIST (LeCun & Cortes, CC BY-SA 3.0), shipped with the app; or your own "
                                     ".npz with x and y (samples x features, labels 0 to classes - 1)"))
        self.log_loss = QCheckBox(self.tr("Log loss"))
        self.log_loss.setToolTip(self.tr("The loss on a logarithmic axis"))
        self.again = QPushButton(self.tr("Train again"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing() + 4)  # the runs' results
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setToolTip(self.tr("Final loss: the mean of the last 100 minibatch losses. Held-out accuracy: "
                                       "on the images the network never trains on."))
        self.key = QLabel(self.tr("Thin: each minibatch's loss; thick: smoothed as the book (Kaiser window, 11 "
                                  "points, β = 2); dashed: ln 10, a uniform guess."))
        self.key.setWordWrap(True)
        self.plots = TrainingPlots(self.theme)
        self.canvas = self.plots.canvas  # what "Export view as SVG" draws
        self.run_choice = QComboBox()
        self.run_choice.setToolTip(self.tr("The run whose hidden layers are drawn below, at the iteration the "
                                           "slider picks"))
        self.layer_quantity = QComboBox()
        for key, text, tip in zip(QUANTITIES, (self.tr("Activations"), self.tr("Pre-activations"),
                                               self.tr("Gradients"), self.tr("Weight gradients"),
                                               self.tr("Gradients dL/dz")),
                                  ("a = phi(z)", "z = xW + b", "dL/da", "dL/dW", "dL/dz = dL/da · φ′(z)")):
            self.layer_quantity.addItem(text, key)
            self.layer_quantity.setItemData(self.layer_quantity.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.layer_quantity.setToolTip(self.tr("What the histograms count, on the first 1,000 held-out images; "
                                               "gradients of their mean loss"))
        self.slider = QSlider(Qt.Orientation.Horizontal, minimum=0, maximum=0)
        self.slider.setMinimumWidth(120)
        self.slider.setToolTip(self.tr("The recorded iteration whose histograms are drawn"))
        self.moment = QLabel()
        self.moment.setMinimumWidth(self.moment.fontMetrics().horizontalAdvance(self.tr("iteration {0}").format(
            "000000")))
        self.book = BookView(self.theme)
        self.book.show_prediction = False
        self.distinct = DistinctPlot(self.theme)
        self._lay_out()
        self.optimizer.currentIndexChanged.connect(self._edited)
        self.lr.editingFinished.connect(self._edited)
        self.batch.valueChanged.connect(self._edited)
        self.iterations.valueChanged.connect(self._edited)
        self.data.activated.connect(self._data_chosen)
        self.log_loss.toggled.connect(self._log_toggled)
        self.again.clicked.connect(self._train_again)
        self.run_choice.currentIndexChanged.connect(self._schedule)
        self.layer_quantity.currentIndexChanged.connect(self._schedule)
        self.slider.valueChanged.connect(self._schedule)

    def _lay_out(self) -> None:
        # The training settings go in the window's control panel, under the network they
        # train (MainWindow puts the box there); it shows while this view does.
        self.settings_box = QGroupBox(self.tr("Training"))
        form = QFormLayout(self.settings_box)
        for label, widget in ((self.tr("Optimizer"), self.optimizer), (self.tr("Learning rate"), self.lr),
                              (self.tr("Batch"), self.batch), (self.tr("Iterations"), self.iterations),
                              (self.tr("Data"), self.data)):
            form.addRow(label, widget)
        form.addRow("", self.again)
        self.settings_box.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.log_loss, 0, Qt.AlignmentFlag.AlignTop)
        picker = QHBoxLayout()
        picker.addWidget(self.run_choice)
        picker.addWidget(self.layer_quantity)
        picker.addWidget(self.slider, 1)
        picker.addWidget(self.moment)
        lower = QSplitter()
        lower.addWidget(self.book)
        lower.addWidget(self.distinct.canvas)
        lower.setStretchFactor(0, 5)
        lower.setStretchFactor(1, 2)
        bottom = QWidget()
        col = QVBoxLayout(bottom)
        col.setContentsMargins(0, 0, 0, 0)
        col.addLayout(picker)
        col.addWidget(lower, 1)
        upper = QWidget()
        col = QVBoxLayout(upper)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.key)
        col.addWidget(self.canvas, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.settings_box.setVisible(True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not event.spontaneous():  # another view, not a minimised window
            self.settings_box.setVisible(False)
        super().hideEvent(event)

    # -- wiring -----------------------------------------------------------------------
    def attach(self, runner) -> None:
        """Train with ``runner`` (the window's ``SimulationRunner``)."""
        self.runner = runner
        runner.training_result.connect(self._on_result)
        runner.job_done.connect(self._on_done)

    def set_runs(self, _runs) -> None:
        """The window's simulation runs: not drawn here (the view trains its own)."""

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.plots.set_theme(theme)
        self.distinct.set_theme(theme)
        self.book.set_theme(theme)
        self._schedule()

    def take_paint_time(self) -> float:
        return self.plots.canvas.take_paint_time() + self.book.take_paint_time()

    # -- runs -------------------------------------------------------------------------
    def settings(self) -> dict:
        """The optimizer settings the controls describe; ConfigError names a bad value."""
        iterations = self.iterations.value()
        return dict(optimizer=self.optimizer.currentData(), lr=self.lr.value(), batch=self.batch.value(),
                    iterations=iterations, every=max(1, iterations // RECORDS), data=self._data)

    def runs_for(self, config: SimulationConfig, preset=None, pinned=()) -> list[tuple[str, TrainingConfig]]:
        """The runs to train: a training preset's, the ``pinned`` (title, network) pairs side
        by side, or one run of the panel's network."""
        if preset is not None and preset.training:
            if preset is not self._preset:
                self._show_settings(preset.training[0][1])
            self._preset = preset
            return [(tr(title), c.replace(**self.settings())) for title, c in preset.training]
        self._preset = None
        if pinned:
            return [(title, training_config(c, self.settings())) for title, c in pinned]
        return [(tr(SCHEMES[config.init.name].label), training_config(config, self.settings()))]

    def start(self, config: SimulationConfig, preset=None, pinned=()) -> bool:
        """Train the runs for ``config`` (and ``preset``), unless exactly these are trained
        already; False (and a message) when a setting is bad."""
        try:
            runs = self.runs_for(config, preset, pinned)
        except ConfigError as exc:
            self.status.setText(self.tr("Not trained: {0}").format(translated_error(str(exc))))
            return False
        if runs == self.requested and self._going_or_done():
            return True
        self.requested = runs
        self.runs = [TrainingRun(title, c) for title, c in runs]
        self._loading = True
        self.run_choice.clear()
        for run in self.runs:
            self.run_choice.addItem(run.title)
        self.run_choice.setCurrentIndex(len(self.runs) - 1)  # He, in the book's comparison
        self.slider.setRange(0, 0)
        self._loading = False
        self._started_at = time.perf_counter()
        if self.runner is not None:
            self._generation = self.runner.start(runs)
        self.draw()
        return True

    def _going_or_done(self) -> bool:
        """True while this view's runs are training (their job is the runner's current one)
        or when they all finished: then a request for the same runs changes nothing."""
        if not self.runs or any(r.done and r.summary.stopped is not None for r in self.runs):
            return False
        if all(r.done for r in self.runs):
            return True
        return self.runner is not None and self.runner.generation == self._generation and self.runner.busy

    def _show_settings(self, c: TrainingConfig) -> None:
        self._loading = True
        self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(c.optimizer)))
        self.lr.set_value(c.lr)
        self.batch.setValue(c.batch)
        self.iterations.setValue(c.iterations)
        self._loading = False

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def _train_again(self) -> None:
        self.requested = []
        self.changed.emit()

    def _data_chosen(self, index: int) -> None:
        key = self.data.itemData(index)
        if key == "open":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open training data"), "", self.tr("NumPy (*.npz)"))
            if path:
                self.choose_data(path)
            else:
                self._show_data()
            return
        if key != self._data:
            self._data = key
            self.changed.emit()

    def choose_data(self, path: str) -> bool:
        """Use the .npz at ``path`` when it can be used; else say why in one line and keep
        the data as they were."""
        try:
            dataset = load_dataset(path)
        except DataError as exc:
            self.status.setText(self.tr("This file cannot be used: {0}").format(translated_error(str(exc))))
            self._show_data()
            return False
        if self.data.findData(path) < 0:
            self.data.insertItem(self.data.count() - 1, self.tr("{0}: {1} images").format(
                describe(path), f"{len(dataset.y_train) + len(dataset.y_test):,}"), path)
        self._data = path
        self._show_data()
        self.changed.emit()
        return True

    def _show_data(self) -> None:
        self.data.setCurrentIndex(max(0, self.data.findData(self._data)))

    def _log_toggled(self, on: bool) -> None:
        self.plots.set_log_y(on)
        self._schedule()

    def _on_result(self, index: int, result) -> None:
        if index < len(self.runs):
            self.runs[index].add(result)
            if isinstance(result, TrainingSummary) or len(self.runs[index].records) > self.slider.maximum() + 1:
                self._follow(index)
            self._schedule()

    def _follow(self, index: int) -> None:
        """Grow the slider with the chosen run's records; at its end it follows the newest."""
        if index != self.run_choice.currentIndex():
            return
        count = len(self.runs[index].records)
        at_end = self.slider.value() == self.slider.maximum()
        self.slider.setMaximum(max(0, count - 1))
        if at_end:
            self.slider.setValue(self.slider.maximum())

    def _on_done(self) -> None:
        self._schedule()

    # -- drawing ----------------------------------------------------------------------
    def _schedule(self, *_args) -> None:
        if self._loading:
            return
        if not self._redraw.isActive():
            self._redraw.start(int(max(REDRAW_MS, 1000 * PAINT_SHARE * self._cost)))

    def draw(self) -> None:
        """Redraw the curves, the status and the chosen run's layers."""
        self._redraw.stop()
        start = time.perf_counter()
        self.plots.draw(self.runs)
        run = self.runs[self.run_choice.currentIndex()] if 0 <= self.run_choice.currentIndex() < len(self.runs) \
            else None
        if run is not None and self.slider.maximum() != max(0, len(run.records) - 1):
            self._loading = True
            self.slider.setMaximum(max(0, len(run.records) - 1))
            self.slider.setValue(self.slider.maximum())
            self._loading = False
        self.distinct.draw(run)
        index = min(self.slider.value(), len(run.records) - 1) if run is not None and run.records else -1
        shown = (id(run), index, self.layer_quantity.currentData(), self.theme.name)
        if shown != self._shown:  # the histograms change only with the slider, run or quantity
            self._shown = shown
            if index >= 0:
                self.book.quantity = shown[2]
                self.book.set_runs([run.layer_data(index, shown[2])])
                self.moment.setText(self.tr("iteration {0}").format(run.records[index].iteration))
            else:
                self.book.set_runs([])
                self.moment.setText("")
        self.status.setText(self._status_text())
        self._cost = time.perf_counter() - start + self.take_paint_time()

    def _status_text(self) -> str:
        if not self.runs:
            return ""
        data = describe(self.runs[0].config.data)
        elapsed = time.perf_counter() - self._started_at
        if not any(r.done for r in self.runs):  # side by side: every run at the same iteration
            return self.tr("Training, iteration {0} of {1} ({2}, {3:.1f} s)").format(
                min(r.count for r in self.runs), self.runs[0].config.iterations, data, elapsed)
        parts = []
        for run in self.runs:
            s = run.summary
            if s is None:
                parts.append(self.tr("{0}: {1} of {2}").format(run.title, run.count, run.config.iterations))
            elif s.stopped == "diverged":
                parts.append(self.tr("{0}: diverged at iteration {1}").format(run.title, s.iterations))
            elif s.stopped == "cancelled":
                parts.append(self.tr("{0}: cancelled at {1}").format(run.title, s.iterations))
            else:
                parts.append(self.tr("{0}: {1:.2f}, {2:.1%}").format(run.title, s.final_loss, s.test_accuracy))
        if all(r.done for r in self.runs):
            elapsed = max(r.summary.seconds for r in self.runs)
        return self.tr("{0} (final loss, held-out accuracy; {1:.1f} s)").format(" · ".join(parts), elapsed)

    # -- export -----------------------------------------------------------------------
    def export_csv(self, path: str | Path) -> None:
        """Every run's numbers, one measurement a row (run, init, iteration, measure, layer, value)."""

        def write(temporary: Path) -> None:
            with open(temporary, "w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, fieldnames=CSV_FIELDS)
                writer.writeheader()
                for run in self.runs:
                    for row in run.to_rows():
                        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})

        write_atomically(path, write)
