"""Weight initialization schemes for a dense layer of shape (fan_in, fan_out).

Each scheme names its formula and source. The fan-based schemes are all special cases
of Keras' ``VarianceScaling``: std = gain * sqrt(scale / n) with n = fan_in, fan_out or
(fan_in + fan_out) / 2 (PRODUCT.md section 3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: Std of a standard normal truncated at +-2 (Keras VarianceScaling's constant):
#: dividing by it restores the requested std after truncation.
TRUNCATED_STD = 0.87962566103423978

#: name -> (scale, mode, distribution) for the named fan-based schemes.
_FAN_SCHEMES: dict[str, tuple[float, str, str]] = {
    # Deep Learning from Scratch ch. 6 and the lecture note: std = 1/sqrt(fan_in)
    # (Keras calls this LeCun normal; Glorot & Bengio's own formula is glorot_normal).
    "xavier": (1.0, "fan_in", "normal"),
    # Glorot & Bengio 2010, eq. 16 normalized: std = sqrt(2/(fan_in+fan_out)).
    "glorot_normal": (1.0, "fan_avg", "normal"),
    "glorot_uniform": (1.0, "fan_avg", "uniform"),
    # He et al. 2015 (Delving deep into rectifiers): std = sqrt(2/fan_in).
    "he": (2.0, "fan_in", "normal"),
    "he_uniform": (2.0, "fan_in", "uniform"),
    # LeCun et al. 1998 (Efficient BackProp): std = sqrt(1/fan_in).
    "lecun_normal": (1.0, "fan_in", "normal"),
    "lecun_uniform": (1.0, "fan_in", "uniform"),
}

SCHEMES: tuple[str, ...] = (
    "constant",
    "zeros",
    "normal",
    "uniform",
    *_FAN_SCHEMES,
    "truncated_normal",
    "variance_scaling",
    "orthogonal",
    "lsuv",
)

MODES = ("fan_in", "fan_out", "fan_avg")
DISTRIBUTIONS = ("normal", "truncated", "uniform")


@dataclass(frozen=True)
class InitSpec:
    """A scheme and the parameters it uses (the others are ignored).

    ``std`` for normal and truncated_normal, ``value`` for constant, ``limit`` for
    uniform, ``scale``/``mode``/``distribution`` for variance_scaling, ``gain`` for every
    fan-based scheme and orthogonal.
    """

    name: str = "normal"
    std: float = 1.0
    value: float = 1.0
    limit: float = 1.0
    gain: float = 1.0
    scale: float = 1.0
    mode: str = "fan_in"
    distribution: str = "normal"

    def fan_rule(self) -> tuple[float, str, str] | None:
        """(scale, mode, distribution) when the scheme is a variance-scaling one."""
        if self.name == "variance_scaling":
            return self.scale, self.mode, self.distribution
        return _FAN_SCHEMES.get(self.name)


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
    w = rng.standard_normal(shape, dtype=dtype)
    w *= dtype.type(std)
    return w
