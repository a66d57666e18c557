"""The small, immutable results that ``train`` yields, and their JSON Lines form.

Per iteration a ``TrainingStep`` (the minibatch loss after the update); at iteration 0
and every ``every`` iterations a ``TrainingRecord`` (held-out accuracy and loss, the
distinct units and the statistics of every hidden layer, as ``ForwardLayer`` and
``BackwardLayer``, the very results the histogram views draw); a ``TrainingSummary``
last. ``TrainingSteps`` carries many steps of one run at once, for the window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .results import BackwardLayer, ForwardLayer

#: The summary's final loss is the mean of this many last minibatch losses.
FINAL_WINDOW = 100


def _num(x: float | None) -> float | None:
    """A JSON-safe float: NaN and infinities become None."""
    return None if x is None or not math.isfinite(x) else float(x)


@dataclass(frozen=True)
class TrainingStep:
    """One iteration: the loss of its minibatch with the parameters just updated on it."""

    iteration: int
    loss: float

    def to_json(self) -> dict[str, Any]:
        return {"iteration": self.iteration, "loss": _num(self.loss)}


@dataclass(frozen=True)
class TrainingSteps:
    """Consecutive steps of one run: ``losses[i]`` is iteration ``first + i``'s loss."""

    first: int
    losses: np.ndarray


@dataclass(frozen=True)
class TrainingRecord:
    """The network measured on the held-out samples after ``iteration`` updates.

    ``loss`` is that iteration's minibatch loss (None at iteration 0). ``forward[k]`` and
    ``backward[k]`` are hidden layer k + 1's activation and gradient statistics on the
    held-out samples (at most ``training.PROBE`` of them), the gradients being those of
    their mean cross-entropy; ``distinct_units[k]`` its distinct units.
    """

    iteration: int
    loss: float | None
    test_accuracy: float
    test_loss: float
    distinct_units: tuple[int, ...]
    forward: tuple[ForwardLayer, ...]
    backward: tuple[BackwardLayer, ...]
    seconds: float

    def to_json(self) -> dict[str, Any]:
        """The keys a record adds to its iteration's line."""
        return {"test_accuracy": _num(self.test_accuracy), "distinct_units": list(self.distinct_units)}


@dataclass(frozen=True)
class TrainingSummary:
    """The last result of every run.

    ``iterations``: updates done. ``final_loss``: the mean of the last FINAL_WINDOW
    minibatch losses (NaN when one of them is not finite). ``test_accuracy``: at the
    last record (None before any). ``stopped``: None (finished), "diverged" (a loss was
    not finite; that iteration was yielded and the run ended) or "cancelled".
    """

    iterations: int
    final_loss: float
    test_accuracy: float | None
    stopped: str | None
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {"summary": {"iterations": self.iterations, "final_loss": _num(self.final_loss),
                            "test_accuracy": _num(self.test_accuracy), "stopped": self.stopped,
                            "seconds": self.seconds}}


TrainingResult = TrainingStep | TrainingSteps | TrainingRecord | TrainingSummary
TRAINING_RESULTS = (TrainingStep, TrainingSteps, TrainingRecord, TrainingSummary)
