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
from .initializers import PARAMETERS, InitSpec
from .parameters import ConfigError, check_choice, check_number, quoted

INPUTS = ("normal", "uniform")
BIASES = ("zeros", "constant", "normal")
DTYPES = ("float32", "float64")

MAX_DEPTH = 100_000
MAX_WIDTH = 100_000
MAX_SAMPLES = 10_000_000
MAX_BINS = 10_000
MAX_SEED = 2**63 - 1


def _int(name: str, value: Any, low: int, high: int) -> int:
    whole = isinstance(value, numbers.Integral) or isinstance(value, numbers.Real) and math.isfinite(value) and (
        float(value).is_integer()
    )
    if isinstance(value, bool) or not whole:
        raise ConfigError(f"{name} must be a whole number from {low} to {high}, got {quoted(value)}")
    value = int(value)
    if not low <= value <= high:
        raise ConfigError(f"{name} must be from {low} to {high}, got {quoted(value)}")
    return value


def checked_network(activation: Any, activation_param: Any, init: Any) -> tuple[float | None, InitSpec]:
    """The activation's parameter and the scheme of a configuration, validated: what a
    simulation and a training run share. ``init`` may be a scheme name; ConfigError
    names a wrong value."""
    check_choice("activation", activation, tuple(ACTIVATIONS))
    act = ACTIVATIONS[activation]
    if activation_param is not None:
        if act.param is None:  # kept, unused by this activation
            activation_param = check_number("activation parameter", activation_param)
        else:
            activation_param = act.param.check(activation_param, f"{act.label} {act.param.name}")
    if isinstance(init, str):
        init = InitSpec(init)
    elif not isinstance(init, InitSpec):
        raise ConfigError(f"init must be a scheme name or an InitSpec, got {quoted(init)}")
    return activation_param, init


@dataclass(frozen=True)
class SimulationConfig:
    """Everything that defines a run. Same configuration and seed: bit-identical results.

    ``width`` is one number for every layer or a sequence of ``depth`` numbers; after
    construction it is always a tuple of ``depth`` ints and ``features`` is resolved
    (it defaults to the first layer's width). ``init`` is an ``InitSpec``; a scheme
    name is taken as that scheme with default parameters. ``hist_range`` None means
    automatic (see ``initviz.engine.edges``). ``correlation`` c0, when set, makes the
    batch's rows pairs of inputs with correlation c0, followed through depth
    (``initviz.engine.correlation``).
    """

    samples: int = 1000
    features: int | None = None
    depth: int = 5
    width: Any = 100
    activation: str = "sigmoid"
    activation_param: float | None = None
    init: InitSpec = InitSpec()
    bias: str = "zeros"
    bias_value: float = 0.0
    bias_std: float = 0.0
    input: str = "normal"
    bins: int = 30
    hist_range: tuple[float, float] | None = None
    seed: int = 0
    dtype: str = "float32"
    gradients: bool = False
    correlation: float | None = None

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
        param, init = checked_network(self.activation, self.activation_param, self.init)
        put("activation_param", param)
        put("init", init)
        check_choice("bias", self.bias, BIASES)
        put("bias_value", check_number("bias value", self.bias_value))
        put("bias_std", check_number("bias std", self.bias_std, low=0.0))
        check_choice("input", self.input, INPUTS)
        put("bins", _int("bins", self.bins, 1, MAX_BINS))
        if self.hist_range is not None:
            try:
                lo, hi = (float(v) for v in self.hist_range)
            except (TypeError, ValueError, OverflowError):
                raise ConfigError(f"range must be two numbers LOW,HIGH; got {quoted(self.hist_range)}") from None
            if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
                raise ConfigError(f"range must be two finite numbers with LOW < HIGH; got {lo:g},{hi:g}")
            if not 1e-30 <= hi - lo < math.inf:
                raise ConfigError(f"range width HIGH - LOW must be from 1e-30 to 1e308; got {lo:g},{hi:g}")
            put("hist_range", (lo, hi))
        put("seed", _int("seed", self.seed, 0, MAX_SEED))
        check_choice("dtype", self.dtype, DTYPES)
        if not isinstance(self.gradients, bool):
            raise ConfigError(f"gradients must be true or false, got {quoted(self.gradients)}")
        if self.correlation is not None:
            put("correlation", check_number("correlation", self.correlation, low=-1.0, high=1.0))
            if self.samples < 2:
                raise ConfigError(f"correlation needs pairs of inputs: samples must be 2 or more, got {self.samples}")

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
        """Plain JSON-ready values; a uniform width is written as one number.

        The scheme is written flat (``init`` is its name, then every parameter as its
        own key), the format saved files and settings have always had.
        """
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "init":
                out["init"] = self.init.name
                out.update((name, getattr(self.init, name)) for name in PARAMETERS)
            elif f.name != "correlation" or self.correlation is not None:  # files without it stay as they were
                out[f.name] = getattr(self, f.name)
        out["width"] = self.width[0] if len(set(self.width)) == 1 else list(self.width)
        if self.hist_range is not None:
            out["hist_range"] = list(self.hist_range)
        return out

    @classmethod
    def from_dict(cls, data: Any) -> SimulationConfig:
        """Build from a mapping in ``to_dict``'s flat format (a saved file); unknown keys
        are a ConfigError. Missing keys take their defaults."""
        if not isinstance(data, dict):
            raise ConfigError("a configuration must be a JSON object of field: value pairs")
        known = {f.name for f in fields(cls)} | set(PARAMETERS)
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown configuration field {quoted(unknown[0])}; allowed: {', '.join(sorted(known))}")
        data = dict(data)
        params = {name: data.pop(name) for name in PARAMETERS if name in data}
        name = data.pop("init", InitSpec.name)
        if not isinstance(name, str):
            raise ConfigError(f"init must be a scheme name, got {quoted(name)}")
        try:
            return cls(init=InitSpec(name, **params), **data)
        except TypeError as exc:  # e.g. a list where a number belongs, caught by no check
            raise ConfigError(f"configuration value of the wrong type: {exc}") from None
