"""``train(config)``: train a multilayer perceptron on MNIST (or a user's data), live.

A generator, like ``simulate``: it yields a ``TrainingRecord`` of the untrained network,
then per iteration a ``TrainingStep`` (the minibatch loss after the update, the curve
the book plots), a ``TrainingRecord`` every ``every`` iterations and at the last one,
and finally one ``TrainingSummary``. It stops as "diverged" at the first loss that is
not finite, and as "cancelled" when the ``cancel`` event is set (checked every
iteration).

One iteration is the book's (Saito, ch. 6, ``weight_init_compare.py``): draw a
minibatch with replacement, back-propagate its loss, update, and compute its loss again
with the updated parameters. Randomness comes from the run's streams
(``network.stream``): layer k's weights from (k,), its biases from (k, 1), the
minibatches from (0, 3). Runs with the same seed therefore draw the same minibatches,
and runs of normal-family schemes scale the very same standard normal weights, so
their curves differ by the initialization alone.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator

import numpy as np

from .activations import get_activation
from .blas import blas_threads
from .data import Dataset, load_dataset
from .initializers import draw_weights
from .mlp import Mlp
from .network import LSUV_MAX_STEPS, LSUV_TOLERANCE, stream
from .optimizers import make_optimizer
from .parameters import ConfigError
from .training_config import TrainingConfig
from .training_results import FINAL_WINDOW, TrainingRecord, TrainingResult, TrainingStep, TrainingSummary
from .training_stats import Recorder

#: Most parameters a network may have (with Adam's two moments: 400 MB in float32).
MAX_PARAMETERS = 25_000_000
#: Iterations whose minibatch indices are drawn at once.
INDEX_CHUNK = 256
#: Spawn key of the minibatch stream.
BATCH_STREAM = (0, 3)
#: BLAS threads during a step or a record: a second one gains a little on these small
#: products on an idle machine and loses much when another process takes a core (``engine.blas``).
BLAS_THREADS = 1
#: A minibatch's all-zero input columns are skipped (``mlp``) when at least this share of
#: the training inputs is 0, as for MNIST's pixels (81%); finding them costs a pass.
SPARSE_INPUTS = 0.5


def train(config: TrainingConfig, cancel: threading.Event | None = None) -> Iterator[TrainingResult]:
    """Train ``config``'s network: the results described in the module's docstring.

    The data are loaded and the network is built before the first result is asked for,
    so a bad data file (``DataError``) or an oversized network (``ConfigError``) raises
    here, before anything is yielded.
    """
    trainer = Trainer(config, load_dataset(config.data))
    return _run(trainer, cancel or threading.Event())


def _run(trainer: Trainer, cancel: threading.Event) -> Iterator[TrainingResult]:
    start = time.perf_counter()
    config = trainer.config
    losses: list[float] = []
    stopped = None
    last: TrainingRecord | None = None
    with np.errstate(all="ignore"):
        last = trainer.record(0, None)
        yield last
        for iteration in range(1, config.iterations + 1):
            if cancel.is_set():
                stopped = "cancelled"
                break
            loss = trainer.step()
            losses.append(loss)
            yield TrainingStep(iteration, loss)
            if not math.isfinite(loss):
                stopped = "diverged"
                break
            if iteration % config.every == 0 or iteration == config.iterations:
                last = trainer.record(iteration, loss)
                yield last
    tail = losses[-FINAL_WINDOW:]
    final = math.fsum(tail) / len(tail) if tail else math.nan
    yield TrainingSummary(len(losses), final, last.test_accuracy, stopped, time.perf_counter() - start)


class Trainer:
    """One run's network, optimizer, data and minibatch stream; ``step`` does one iteration."""

    def __init__(self, config: TrainingConfig, dataset: Dataset) -> None:
        self.config = config
        dtype = np.dtype(config.dtype)
        sizes = config.sizes(dataset.features, dataset.classes)
        count = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
        if count > MAX_PARAMETERS:
            raise ConfigError(f"the network {'-'.join(map(str, sizes))} has {count:,} parameters; "
                              f"at most {MAX_PARAMETERS:,} are allowed (fewer or narrower layers)")
        # uint8 pixels are gathered as they are and scaled in the minibatch: a quarter of the
        # bytes read at random, and the same numbers (u / 255 rounds alike in float32 and float64).
        self.pixels = dataset.pixels_train
        source = dataset.x_train if self.pixels is None else self.pixels
        self.x = source.astype(dtype) if self.pixels is None else None
        self.y = dataset.y_train
        self.sparse = np.count_nonzero(source) <= (1 - SPARSE_INPUTS) * source.size
        activation = get_activation(config.activation)
        weights, biases = [], []
        for k, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            weights.append(draw_weights(config.init, stream(config.seed, k), fan_in, fan_out, dtype))
            if config.bias_std > 0:
                b = stream(config.seed, k, 1).standard_normal(fan_out, dtype=dtype)
                b *= dtype.type(config.bias_std)
            else:
                b = np.zeros(fan_out, dtype=dtype)
            biases.append(b)
        self.mlp = Mlp(weights, biases, activation, activation.parameter(config.activation_param))
        self._rng = stream(config.seed, *BATCH_STREAM)
        self._indices = np.empty((0, config.batch), dtype=np.int64)
        self._next = 0
        self.dtype = dtype
        self.shape = (config.batch, dataset.features)
        self.gathered = None if self.pixels is None else np.empty(self.shape, np.uint8)
        self.xb = np.empty(config.batch * dataset.features, dtype=dtype)
        if config.init.name == "lsuv":
            self._fit_lsuv(self._minibatch(self._peek(), sparse=False)[0])
        self.optimizer = make_optimizer(config.optimizer, config.lr, self.mlp.params)
        self.recorder = Recorder(dataset.x_test.astype(dtype), dataset.y_test, config.seed, config.bins)

    def _peek(self) -> np.ndarray:
        """The next minibatch's indices, drawn in chunks of INDEX_CHUNK iterations."""
        if self._next == len(self._indices):
            self._indices = self._rng.integers(0, len(self.y), size=(INDEX_CHUNK, self.config.batch))
            self._next = 0
        return self._indices[self._next]

    def step(self) -> float:
        """One iteration: a minibatch drawn with replacement, its gradients, the update, and
        its loss with the updated parameters."""
        idx = self._peek()
        self._next += 1
        x, cols = self._minibatch(idx, self.sparse)
        labels = self.y[idx]
        with blas_threads(BLAS_THREADS):
            self.mlp.gradients(x, labels, cols=cols)
            self.optimizer.step(self.mlp.params, self.mlp.grads)
            return self.mlp.loss(x, labels, cols=cols)

    def _minibatch(self, idx: np.ndarray, sparse: bool) -> tuple[np.ndarray, np.ndarray | None]:
        """The samples ``idx`` in the run's dtype, and with ``sparse`` only their columns that
        are not 0 in every row (``cols``, for ``Mlp``; None when all are kept)."""
        if self.pixels is None:
            x = np.take(self.x, idx, axis=0, out=self.xb.reshape(self.shape))
            if not sparse:
                return x, None
            cols = np.flatnonzero(x.any(axis=0))
            return x[:, cols], cols
        raw = np.take(self.pixels, idx, axis=0, out=self.gathered)
        cols = np.flatnonzero(raw.max(axis=0)) if sparse else None  # unsigned: max > 0 is any(), without a cast
        if cols is not None:
            raw = raw[:, cols]
        x = self.xb[: raw.size].reshape(raw.shape)
        np.divide(raw, self.dtype.type(255), out=x)
        return x, cols

    def record(self, iteration: int, loss: float | None) -> TrainingRecord:
        with blas_threads(BLAS_THREADS):
            return self.recorder.record(self.mlp, iteration, loss)

    def _fit_lsuv(self, x: np.ndarray) -> None:
        """LSUV (Mishkin & Matas 2015) on the first minibatch: each layer's orthogonal W is
        rescaled, from the input up, until Var(xW + b) = 1 within LSUV_TOLERANCE."""
        mlp = self.mlp
        for k, (w, b) in enumerate(zip(mlp.weights, mlp.biases)):
            for _ in range(LSUV_MAX_STEPS):
                var = float(np.var(x @ w + b, dtype=np.float64))
                if not math.isfinite(var) or var == 0 or abs(var - 1.0) < LSUV_TOLERANCE:
                    break
                w *= w.dtype.type(1.0 / math.sqrt(var))
            z = x @ w + b
            x = z if k == len(mlp.weights) - 1 else mlp.activation.forward(z, mlp.parameter)
