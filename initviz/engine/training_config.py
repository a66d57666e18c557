"""The configuration of one training run: a frozen dataclass validated on construction.

The defaults are the book's training comparison (Saito, Deep Learning from Scratch,
ch. 6, ``weight_init_compare.py``): a 784-100-100-100-100-10 network on MNIST with ReLU
in every hidden layer, zero biases, softmax cross-entropy, SGD with learning rate 0.01,
minibatches of 128 drawn with replacement and 2000 iterations. The scheme defaults to
He; the book compares it with std 0.01 and its "Xavier".
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, fields, replace
from typing import Any

from .config import DTYPES, checked_network
from .initializers import InitSpec
from .parameters import ConfigError, check_choice, check_number

OPTIMIZERS = ("sgd", "momentum", "adam")
MAX_DEPTH = 100
MAX_WIDTH = 10_000
MAX_BATCH = 100_000
MAX_ITERATIONS = 1_000_000
MAX_BINS = 10_000
MAX_SEED = 2**63 - 1
#: Largest learning rate accepted: beyond it every scheme diverges at once.
MAX_LR = 1000.0


def _whole(name: str, value: Any, low: int, high: int) -> int:
    """``value`` as an int from ``low`` to ``high``; ConfigError naming ``name`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) and not (
        isinstance(value, numbers.Real) and float(value).is_integer()
    ):
        raise ConfigError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    value = int(value)
    if not low <= value <= high:
        raise ConfigError(f"{name} must be from {low} to {high}, got {value}")
    return value


@dataclass(frozen=True)
class TrainingConfig:
    """Everything that defines a training run. Same configuration and data: the same run.

    ``depth`` counts the hidden layers; ``width`` is one number for all of them or one per
    hidden layer (a tuple of ``depth`` ints after construction). The input and output
    sizes come from the data. ``init`` is an ``InitSpec`` or a scheme's name; every layer,
    the output layer too, is drawn with it (as the book does). ``data`` is "mnist" (the
    images shipped with the app) or the path of a ``.npz`` file (``engine.data``).
    ``every``: the held-out accuracy and the per-layer statistics are recorded at
    iteration 0 and every ``every`` iterations (and at the last one). ``bins``: of their
    histograms.
    """

    activation: str = "relu"
    activation_param: float | None = None
    init: InitSpec = InitSpec("he")
    depth: int = 4
    width: Any = 100
    bias_std: float = 0.0
    optimizer: str = "sgd"
    lr: float = 0.01
    batch: int = 128
    iterations: int = 2000
    every: int = 100
    data: str = "mnist"
    seed: int = 0
    dtype: str = "float32"
    bins: int = 30

    def __post_init__(self) -> None:
        put = lambda name, v: object.__setattr__(self, name, v)  # noqa: E731 (frozen)
        param, init = checked_network(self.activation, self.activation_param, self.init)
        put("activation_param", param)
        put("init", init)
        put("depth", _whole("depth", self.depth, 1, MAX_DEPTH))
        if isinstance(self.width, (list, tuple)):
            if len(self.width) != self.depth:
                raise ConfigError(f"width lists one number per hidden layer: {self.depth} expected, "
                                  f"got {len(self.width)}")
            put("width", tuple(_whole("width", w, 1, MAX_WIDTH) for w in self.width))
        else:
            put("width", (_whole("width", self.width, 1, MAX_WIDTH),) * self.depth)
        put("bias_std", check_number("bias std", self.bias_std, low=0.0))
        check_choice("optimizer", self.optimizer, OPTIMIZERS)
        put("lr", check_number("learning rate", self.lr, low=0.0, low_open=True, high=MAX_LR))
        put("batch", _whole("batch", self.batch, 1, MAX_BATCH))
        put("iterations", _whole("iterations", self.iterations, 1, MAX_ITERATIONS))
        put("every", _whole("every", self.every, 1, MAX_ITERATIONS))
        if not isinstance(self.data, str) or not self.data:
            raise ConfigError(f"data must be 'mnist' or the path of a .npz file, got {self.data!r}")
        put("seed", _whole("seed", self.seed, 0, MAX_SEED))
        check_choice("dtype", self.dtype, DTYPES)
        put("bins", _whole("bins", self.bins, 1, MAX_BINS))

    def sizes(self, features: int, classes: int) -> tuple[int, ...]:
        """Layer sizes from the input to the output: (features, *width, classes)."""
        return (features, *self.width, classes)

    def replace(self, **changes: Any) -> TrainingConfig:
        """A copy with ``changes``, validated again. A uniform width stays uniform with a new depth."""
        if "depth" in changes and "width" not in changes and len(set(self.width)) == 1:
            changes["width"] = self.width[0]
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (the scheme as its name and parameters)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["init"] = {f.name: getattr(self.init, f.name) for f in fields(self.init)}
        out["width"] = self.width[0] if len(set(self.width)) == 1 else list(self.width)
        return out
