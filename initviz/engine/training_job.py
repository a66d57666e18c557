"""A training job for the window: its runs side by side, their losses sent in small batches.

The window compares runs (the book's std 0.01, Xavier and He) as they learn, so the
runs of a job advance together, one iteration each in turn, as in the book's own loop.
``training_job`` yields ("started", index, None) for every run, then ("result", index,
payload) messages: the runs' ``TrainingRecord`` and ``TrainingSummary`` as ``train``
yields them, and their per-iteration losses gathered into ``TrainingSteps``, sent at
least every FLUSH_S seconds and before each record. One message per iteration and run
would wake the window's threads thousands of times a second for a few bytes each.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

import numpy as np

from .training import train
from .training_config import TrainingConfig
from .training_results import TrainingStep, TrainingSteps

#: Seconds between two batches of losses of a run.
FLUSH_S = 0.05


def is_training_job(configs: Sequence) -> bool:
    """True when ``configs`` are training runs (not simulations)."""
    return bool(configs) and all(isinstance(c, TrainingConfig) for c in configs)


def training_job(configs: Sequence[TrainingConfig], cancel) -> Iterator[tuple[str, int, object]]:
    """The messages of a job of training runs (see the module's docstring). Every run
    reads the same ``cancel``; each ends with its summary. A bad data file or network
    raises before anything is yielded."""
    runs = [train(config, cancel) for config in configs]
    for index in range(len(runs)):
        yield "started", index, None
    pending: list[list[float]] = [[] for _ in runs]
    first = [1] * len(runs)
    active = list(range(len(runs)))
    flushed = time.perf_counter()

    def flush(i: int):
        if pending[i]:
            batch = TrainingSteps(first[i], np.array(pending[i]))
            first[i] += len(pending[i])
            pending[i] = []
            return batch
        return None

    while active:
        for i in list(active):
            for result in runs[i]:  # up to and including this run's next step
                if isinstance(result, TrainingStep):
                    pending[i].append(result.loss)
                    break
                batch = flush(i)
                if batch is not None:
                    yield "result", i, batch
                yield "result", i, result
            else:
                active.remove(i)
        if time.perf_counter() - flushed >= FLUSH_S:
            flushed = time.perf_counter()
            for i in range(len(runs)):
                batch = flush(i)
                if batch is not None:
                    yield "result", i, batch
