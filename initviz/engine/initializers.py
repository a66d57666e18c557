"""Weight initialization schemes for a dense layer of shape (fan_in, fan_out).

Each scheme is described once, in ``SCHEMES``: its label, formula, source and the
parameters it uses (each described once, in ``PARAMETERS``). The command line and the
control panel are generated from these. The fan-based schemes are all special cases of
Keras' ``VarianceScaling``: std = gain * sqrt(scale / n) with n = fan_in, fan_out or
(fan_in + fan_out) / 2.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .parameters import Parameter, check_choice

#: Std of a standard normal truncated at +-2 (Keras VarianceScaling's constant):
#: dividing by it restores the requested std after truncation.
TRUNCATED_STD = 0.87962566103423978

MODES = ("fan_in", "fan_out", "fan_avg")
DISTRIBUTIONS = ("normal", "truncated", "uniform")

#: Every parameter a scheme can take, in the order the command line and the panel show them.
PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter("std", "Std", 1.0, "std of the weights: w ~ N(0, std^2)", low=0.0),
        Parameter("value", "Value", 1.0, "the value c of every weight: w = c"),
        Parameter("limit", "Limit a", 1.0, "limit a of w ~ U(-a, a); std = a / sqrt(3)", low=0.0),
        Parameter("gain", "Gain", 1.0, "factor on the std; torch's calculate_gain recommends one per activation",
                  low=0.0),
        Parameter("scale", "Scale", 1.0, "variance scale: std = gain * sqrt(scale / n)", low=0.0, low_open=True),
        Parameter("mode", "Mode", "fan_in", "the n of variance scaling: fan_in, fan_out or (fan_in + fan_out) / 2",
                  choices=MODES),
        Parameter("distribution", "Distribution", "normal",
                  "normal; truncated at 2 std (rescaled by 0.8796); uniform U(-a, a) with a = sqrt(3) std",
                  choices=DISTRIBUTIONS),
    )
}


@dataclass(frozen=True)
class Scheme:
    """One initialization scheme as a reader meets it.

    ``formula`` is readable Unicode; ``parameters`` names the entries of ``PARAMETERS``
    the scheme uses; ``rule`` is (scale, mode, distribution) for a named fan-based scheme.
    """

    name: str
    label: str
    formula: str
    source: str
    parameters: tuple[str, ...] = ()
    rule: tuple[float, str, str] | None = None
    note: str = ""


SCHEMES: dict[str, Scheme] = {
    s.name: s
    for s in (
        Scheme("constant", "constant (equal weights)", "w = c", "", ("value",),
               note="every unit computes the same function: the symmetry demo"),
        Scheme("zeros", "zeros", "w = 0", "", note="every activation is φ(b)"),
        Scheme("normal", "normal N(0, σ²)", "w ~ N(0, σ²)", "", ("std",)),
        Scheme("uniform", "uniform U(−a, a)", "w ~ U(−a, a), σ = a/√3", "", ("limit",)),
        Scheme("xavier", "Xavier (book): 1/√n", "σ = gain·√(1/fan_in)",
               "Saito, Deep Learning from Scratch (2016), ch. 6", ("gain",), (1.0, "fan_in", "normal"),
               note="the book's \"Xavier\"; Keras calls it LeCun normal (Glorot & Bengio's is Glorot normal)"),
        Scheme("glorot_normal", "Glorot normal", "σ = gain·√(2/(fan_in + fan_out))", "Glorot & Bengio 2010",
               ("gain",), (1.0, "fan_avg", "normal")),
        Scheme("glorot_uniform", "Glorot uniform", "w ~ U(−a, a), a = gain·√(6/(fan_in + fan_out))",
               "Glorot & Bengio 2010, eq. 16", ("gain",), (1.0, "fan_avg", "uniform")),
        Scheme("he", "He normal: √(2/n)", "σ = gain·√(2/fan_in)", "He et al. 2015", ("gain",),
               (2.0, "fan_in", "normal"),
               note="not 2/√n, which doubles the variance of a ReLU layer every layer"),
        Scheme("he_uniform", "He uniform", "w ~ U(−a, a), a = gain·√(6/fan_in)", "He et al. 2015", ("gain",),
               (2.0, "fan_in", "uniform")),
        Scheme("lecun_normal", "LeCun normal", "σ = gain·√(1/fan_in)", "LeCun et al. 1998", ("gain",),
               (1.0, "fan_in", "normal")),
        Scheme("lecun_uniform", "LeCun uniform", "w ~ U(−a, a), a = gain·√(3/fan_in)", "LeCun et al. 1998",
               ("gain",), (1.0, "fan_in", "uniform")),
        Scheme("truncated_normal", "truncated normal", "w ~ N(0, σ²) cut at ±2σ, divided by 0.8796 to keep σ",
               "Keras VarianceScaling's truncated draw", ("std",)),
        Scheme("variance_scaling", "variance scaling",
               "σ = gain·√(scale/n), n = fan_in, fan_out or (fan_in + fan_out)/2; uniform: a = √3·σ",
               "Keras VarianceScaling", ("gain", "scale", "mode", "distribution")),
        Scheme("orthogonal", "orthogonal", "W = gain·Q, Q from the QR of a Gaussian matrix, signs fixed by diag R",
               "Saxe et al. 2013", ("gain",)),
        Scheme("lsuv", "LSUV", "orthogonal W, rescaled layer by layer on the batch until Var(xW + b) ≈ 1",
               "Mishkin & Matas 2015"),
    )
}


@dataclass(frozen=True)
class InitSpec:
    """A scheme and its parameters, validated on construction (ConfigError).

    Every parameter is held, but only those ``SCHEMES[name].parameters`` lists are
    used: ``std`` for normal and truncated_normal, ``value`` for constant, ``limit``
    for uniform, ``scale``/``mode``/``distribution`` for variance_scaling, ``gain``
    for every fan-based scheme and orthogonal.
    """

    name: str = "normal"
    std: float = PARAMETERS["std"].default
    value: float = PARAMETERS["value"].default
    limit: float = PARAMETERS["limit"].default
    gain: float = PARAMETERS["gain"].default
    scale: float = PARAMETERS["scale"].default
    mode: str = PARAMETERS["mode"].default
    distribution: str = PARAMETERS["distribution"].default

    def __post_init__(self) -> None:
        check_choice("init", self.name, tuple(SCHEMES))
        for parameter in PARAMETERS.values():
            object.__setattr__(self, parameter.name, parameter.check(getattr(self, parameter.name)))

    @property
    def scheme(self) -> Scheme:
        return SCHEMES[self.name]

    def fan_rule(self) -> tuple[float, str, str] | None:
        """(scale, mode, distribution) when the scheme is a variance-scaling one."""
        if self.name == "variance_scaling":
            return self.scale, self.mode, self.distribution
        return self.scheme.rule


def fan_n(mode: str, fan_in: int, fan_out: int) -> float:
    """The n of VarianceScaling: fan_in, fan_out or their mean (Keras)."""
    return {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[mode]


def weight_std(spec: InitSpec, fan_in: int, fan_out: int) -> float | None:
    """Std of one weight entry under ``spec``; None where weights are not zero-mean random.

    constant c: None (deterministic, the symmetry demo); zeros: 0;
    normal: sigma; uniform U(-a, a): a/sqrt(3); truncated normal: sigma (rescaled);
    variance scaling: gain * sqrt(scale / n); orthogonal (Saxe et al. 2013): rows or
    columns of unit norm, so gain / sqrt(max(fan_in, fan_out)); LSUV: decided on data.
    """
    name = spec.name
    if name == "constant":
        return None
    if name == "zeros":
        return 0.0
    if name in ("normal", "truncated_normal"):
        return spec.std
    if name == "uniform":
        return spec.limit / math.sqrt(3.0)
    if name == "orthogonal":
        return spec.gain / math.sqrt(max(fan_in, fan_out))
    if name == "lsuv":
        return None
    scale, mode, _ = spec.fan_rule()
    # He: scale 2, n = fan_in, so gain * sqrt(2 / fan_in); Xavier (book): scale 1, n = fan_in.
    return spec.gain * math.sqrt(scale / fan_n(mode, fan_in, fan_out))


def truncated_standard_normal(rng: np.random.Generator, shape, dtype) -> np.ndarray:
    """Standard normal cut at +-2 by redrawing the rejected entries (Keras TruncatedNormal)."""
    out = rng.standard_normal(shape, dtype=dtype)
    bad = np.abs(out) > 2
    while bad.any():
        out[bad] = rng.standard_normal(int(bad.sum()), dtype=dtype)
        bad = np.abs(out) > 2
    return out


def orthogonal(rng: np.random.Generator, fan_in: int, fan_out: int, gain: float, dtype) -> np.ndarray:
    """Saxe et al. 2013: QR of a Gaussian matrix, columns sign-corrected by diag(R), times gain.

    The result has orthonormal columns when fan_in >= fan_out, orthonormal rows otherwise.
    """
    rows, cols = max(fan_in, fan_out), min(fan_in, fan_out)
    a = rng.standard_normal((rows, cols))
    q, r = np.linalg.qr(a)
    q *= np.sign(np.diag(r))
    if fan_in < fan_out:
        q = q.T
    return (gain * q).astype(dtype, copy=False)


def draw_weights(
    spec: InitSpec, rng: np.random.Generator, fan_in: int, fan_out: int, dtype
) -> np.ndarray:
    """A (fan_in, fan_out) weight matrix drawn from ``rng`` under ``spec``.

    All normal-family schemes scale the same standard normal draws, so two runs that
    differ only in the scheme share their randomness. LSUV returns its orthogonal
    starting point; the data-driven rescaling happens in the simulation.
    """
    dtype = np.dtype(dtype)
    shape = (fan_in, fan_out)
    name = spec.name
    if name == "constant":
        return np.full(shape, spec.value, dtype=dtype)
    if name == "zeros":
        return np.zeros(shape, dtype=dtype)
    if name in ("orthogonal", "lsuv"):
        return orthogonal(rng, fan_in, fan_out, spec.gain if name == "orthogonal" else 1.0, dtype)
    if name == "uniform":
        limit, distribution = spec.limit, "uniform"
    elif name == "normal":
        std, distribution = spec.std, "normal"
    elif name == "truncated_normal":
        std, distribution = spec.std, "truncated"
    else:
        std = weight_std(spec, fan_in, fan_out)
        distribution = spec.fan_rule()[2]
        limit = math.sqrt(3.0) * std
    if distribution == "uniform":
        w = rng.random(shape, dtype=dtype)
        w *= dtype.type(2 * limit)
        w -= dtype.type(limit)
        return w
    if distribution == "truncated":
        w = truncated_standard_normal(rng, shape, dtype)
        w *= dtype.type(std / TRUNCATED_STD)
        return w
    # The normal family (He, Xavier, LeCun, Glorot normal, N(0, std^2)): std times N(0, 1) draws.
    w = rng.standard_normal(shape, dtype=dtype)
    w *= dtype.type(std)
    return w
