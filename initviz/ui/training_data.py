"""The window's record of one training run, gathered into arrays for the Training view (Qt-free).

The engine's process sends the run's losses in batches (``TrainingSteps``), its records
and its summary; ``TrainingRun`` files them: losses by iteration, one entry per record
(held-out accuracy, distinct units per layer), and, for the histograms at a recorded
iteration, a ``RunData`` made from that record's per-layer results, the very object
the book's view draws.
"""

from __future__ import annotations

import numpy as np

from ..engine import SimulationConfig, TrainingConfig
from ..engine.smoothing import smooth_curve
from ..engine.training_results import TrainingRecord, TrainingStep, TrainingSteps, TrainingSummary
from .rundata import RunData

#: The book's ReLU histograms cut the count axis at 7% of the values (7,000 of 100,000):
#: half of ReLU's outputs are exactly 0 and their bar would flatten everything else.
RELU_Y_SHARE = 0.07

#: Columns of the tidy CSV: one measurement a row.
CSV_FIELDS = ("run", "init", "iteration", "measure", "layer", "value")


class TrainingRun:
    """Losses, records and summary of one run, as they arrive."""

    def __init__(self, title: str, config: TrainingConfig) -> None:
        self.title = title
        self.config = config
        self.losses = np.full(config.iterations, np.nan)
        self.count = 0  # iterations received
        self.records: list[TrainingRecord] = []
        self.summary: TrainingSummary | None = None
        self._views: dict[tuple[int, str], RunData] = {}

    def add(self, result) -> None:
        if isinstance(result, TrainingSteps):
            end = result.first - 1 + len(result.losses)
            self.losses[result.first - 1 : end] = result.losses
            self.count = max(self.count, end)
        elif isinstance(result, TrainingStep):
            self.losses[result.iteration - 1] = result.loss
            self.count = max(self.count, result.iteration)
        elif isinstance(result, TrainingRecord):
            self.records.append(result)
        elif isinstance(result, TrainingSummary):
            self.summary = result

    @property
    def done(self) -> bool:
        return self.summary is not None

    def curve(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Iterations 1..count, their losses and the book's smoothed curve of them."""
        raw = self.losses[: self.count]
        return np.arange(1, self.count + 1), raw, smooth_curve(raw)

    def record_iterations(self) -> np.ndarray:
        return np.array([r.iteration for r in self.records], dtype=np.int64)

    def accuracy(self) -> np.ndarray:
        return np.array([r.test_accuracy for r in self.records], dtype=np.float64)

    def distinct(self) -> np.ndarray:
        """Records x hidden layers: the distinct units."""
        return np.array([r.distinct_units for r in self.records], dtype=np.int64).reshape(len(self.records), -1)

    def layer_data(self, index: int, quantity: str = "activations") -> RunData:
        """Record ``index``'s per-layer results as the book's view draws them."""
        key = (index, quantity)
        if key not in self._views:
            record = self.records[index]
            first = record.forward[0]
            samples = max(1, first.activations.total // first.units)
            c = self.config
            shape = SimulationConfig(samples=samples, depth=c.depth, width=c.width, activation=c.activation,
                                     activation_param=c.activation_param, init=c.init, bins=c.bins, seed=c.seed,
                                     dtype=c.dtype, gradients=True)
            y_max = RELU_Y_SHARE * samples * max(c.width) if c.activation == "relu" and quantity == "activations" \
                else None
            data = RunData(shape, self.title, y_max)
            for result in (*record.forward, *record.backward):
                data.add(result)
            self._views[key] = data
        return self._views[key]

    def to_rows(self) -> list[dict]:
        """Tidy rows: the loss and its smoothed curve per iteration; accuracy, held-out loss
        and per-layer numbers per record."""
        rows = []
        init = self.config.init.name
        iterations, raw, smooth = self.curve()
        for i, loss, s in zip(iterations, raw, smooth):
            rows.append(dict(run=self.title, init=init, iteration=int(i), measure="loss", layer=None, value=loss))
            rows.append(dict(run=self.title, init=init, iteration=int(i), measure="loss_smoothed", layer=None,
                             value=s))
        for r in self.records:
            base = dict(run=self.title, init=init, iteration=r.iteration)
            rows.append({**base, "measure": "test_accuracy", "layer": None, "value": r.test_accuracy})
            rows.append({**base, "measure": "test_loss", "layer": None, "value": r.test_loss})
            for f, b in zip(r.forward, r.backward):
                for measure, value in (("distinct_units", f.distinct_units), ("activation_mean", f.mean),
                                       ("activation_std", f.std), ("preactivation_std", f.pre_std),
                                       ("dead", f.dead), ("saturated", f.saturated), ("gradient_std", b.std),
                                       ("weight_gradient_std", b.weight_std)):
                    rows.append({**base, "measure": measure, "layer": f.layer, "value": value})
        return rows
