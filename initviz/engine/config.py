"""The configuration of one simulation run: a frozen dataclass validated on construction.

Defaults are the reference experiment of Deep Learning from Scratch, ch. 6
(``weight_init_activation_histogram.py``): sigmoid, weights N(0, 1), 5 layers of 100
units, 100 features, 1000 samples, 30 bins.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, fields, replace
from typing import Any

from .activations import ACTIVATIONS
from .initializers import DISTRIBUTIONS, MODES, SCHEMES, InitSpec

INPUTS = ("normal", "uniform")
BIASES = ("zeros", "constant", "normal")
DTYPES = ("float32", "float64")

MAX_DEPTH = 100_000
MAX_WIDTH = 100_000
MAX_SAMPLES = 10_000_000
MAX_BINS = 10_000
MAX_SEED = 2**63 - 1


class ConfigError(ValueError):
    """A configuration value is wrong; the message names the field and what is allowed."""


def _int(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) and not (
        isinstance(value, numbers.Real) and float(value).is_integer()
    ):
        raise ConfigError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    value = int(value)
    if not low <= value <= high:
        raise ConfigError(f"{name} must be from {low} to {high}, got {value}")
    return value


def _float(name: str, value: Any, *, positive: bool = False, non_negative: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ConfigError(f"{name} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ConfigError(f"{name} must be a finite number, got {value}")
    if positive and value <= 0:
        raise ConfigError(f"{name} must be greater than 0, got {value:g}")
    if non_negative and value < 0:
        raise ConfigError(f"{name} must be 0 or more, got {value:g}")
    return value


def _choice(name: str, value: Any, allowed) -> str:
    if value not in allowed:
        raise ConfigError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


@dataclass(frozen=True)
class SimulationConfig:
    """Everything that defines a run. Same configuration and seed: bit-identical results.

    ``width`` is one number for every layer or a sequence of ``depth`` numbers; after
    construction it is always a tuple of ``depth`` ints and ``features`` is resolved
    (it defaults to the first layer's width). ``hist_range`` None means automatic
    (see ``initviz.engine.edges``).
    """

    samples: int = 1000
    features: int | None = None
    depth: int = 5
    width: Any = 100
    activation: str = "sigmoid"
    activation_param: float | None = None
    init: str = "normal"
    std: float = 1.0
    value: float = 1.0
    limit: float = 1.0
    gain: float = 1.0
    scale: float = 1.0
    mode: str = "fan_in"
    distribution: str = "normal"
    bias: str = "zeros"
    bias_value: float = 0.0
    bias_std: float = 0.0
    input: str = "normal"
    bins: int = 30
    hist_range: tuple[float, float] | None = None
    seed: int = 0
    dtype: str = "float32"
    gradients: bool = False

    def __post_init__(self) -> None:
        put = lambda name, v: object.__setattr__(self, name, v)  # noqa: E731 (frozen)
        put("samples", _int("samples", self.samples, 1, MAX_SAMPLES))
        put("depth", _int("depth", self.depth, 1, MAX_DEPTH))
        width = self.width
        if isinstance(width, (list, tuple)):
            if len(width) != self.depth:
                raise ConfigError(
                    f"width lists one number per layer: {self.depth} expected, got {len(width)}"
                )
            widths = tuple(_int("width", w, 1, MAX_WIDTH) for w in width)
        else:
            widths = (_int("width", width, 1, MAX_WIDTH),) * self.depth
        put("width", widths)
        features = widths[0] if self.features is None else self.features
        put("features", _int("features", features, 1, MAX_WIDTH))
        _choice("activation", self.activation, tuple(ACTIVATIONS))
        if self.activation_param is not None:
            p = _float("activation parameter", self.activation_param)
            if self.activation == "leaky_relu" and not 0 <= p < 1:
                raise ConfigError(f"leaky ReLU slope must be from 0 to below 1, got {p:g}")
            if self.activation == "elu" and p <= 0:
                raise ConfigError(f"ELU alpha must be greater than 0, got {p:g}")
            put("activation_param", p)
        _choice("init", self.init, SCHEMES)
        put("std", _float("std", self.std, non_negative=True))
        put("value", _float("value", self.value))
        put("limit", _float("limit", self.limit, non_negative=True))
        put("gain", _float("gain", self.gain, non_negative=True))
        put("scale", _float("scale", self.scale, positive=True))
        _choice("mode", self.mode, MODES)
        _choice("distribution", self.distribution, DISTRIBUTIONS)
        _choice("bias", self.bias, BIASES)
        put("bias_value", _float("bias value", self.bias_value))
        put("bias_std", _float("bias std", self.bias_std, non_negative=True))
        _choice("input", self.input, INPUTS)
        put("bins", _int("bins", self.bins, 1, MAX_BINS))
        if self.hist_range is not None:
            try:
                lo, hi = (float(v) for v in self.hist_range)
            except (TypeError, ValueError):
                raise ConfigError(f"range must be two numbers LOW,HIGH; got {self.hist_range!r}") from None
            if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
                raise ConfigError(f"range must be two finite numbers with LOW < HIGH; got {lo:g},{hi:g}")
            if not 1e-30 <= hi - lo < math.inf:
                raise ConfigError(f"range width HIGH - LOW must be from 1e-30 to 1e308; got {lo:g},{hi:g}")
            put("hist_range", (lo, hi))
        put("seed", _int("seed", self.seed, 0, MAX_SEED))
        _choice("dtype", self.dtype, DTYPES)
        if not isinstance(self.gradients, bool):
            raise ConfigError(f"gradients must be true or false, got {self.gradients!r}")

    @property
    def init_spec(self) -> InitSpec:
        """The initialization scheme with the parameters it uses."""
        return InitSpec(
            self.init, self.std, self.value, self.limit, self.gain, self.scale, self.mode, self.distribution
        )

    def fans(self, layer: int) -> tuple[int, int]:
        """(fan_in, fan_out) of 1-based ``layer``."""
        fan_in = self.features if layer == 1 else self.width[layer - 2]
        return fan_in, self.width[layer - 1]

    def replace(self, **changes: Any) -> SimulationConfig:
        """A copy with ``changes``, validated again. A scalar width stays per-layer-uniform."""
        if "depth" in changes and "width" not in changes and len(set(self.width)) == 1:
            changes["width"] = self.width[0]
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values; a uniform width is written as one number."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["width"] = self.width[0] if len(set(self.width)) == 1 else list(self.width)
        if self.hist_range is not None:
            out["hist_range"] = list(self.hist_range)
        return out

    @classmethod
    def from_dict(cls, data: Any) -> SimulationConfig:
        """Build from a mapping (a saved file); unknown keys are a ConfigError."""
        if not isinstance(data, dict):
            raise ConfigError("a configuration must be a JSON object of field: value pairs")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown configuration field {unknown[0]!r}; allowed: {', '.join(sorted(known))}")
        try:
            return cls(**data)
        except TypeError as exc:  # e.g. a list where a number belongs, caught by no check
            raise ConfigError(f"configuration value of the wrong type: {exc}") from None
