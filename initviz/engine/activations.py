"""Activation functions, their derivatives and the facts the engine needs about them.

Each activation is described once, in ``ACTIVATIONS``: label, formula, source, the
parameter it takes (leaky ReLU's slope, ELU's alpha) and torch's recommended gain; the
command line and the control panel are generated from these. Every function works on
NumPy arrays of any float dtype, keeps that dtype and is numerically stable (no overflow
warning at |z| = 1000).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .parameters import Parameter

Array = np.ndarray

#: Klambauer et al. 2017 ("Self-Normalizing Neural Networks"), eq. 14.
SELU_LAMBDA = 1.0507009873554805
SELU_ALPHA = 1.6732632423543772
#: Hendrycks & Gimpel 2016, tanh approximation of GELU: sqrt(2/pi) and 0.044715.
_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_K = 0.044715

#: A unit is saturated where its local derivative is under this share of the maximum.
SATURATION_SHARE = 0.05


def _sigmoid(z: Array) -> Array:
    """Logistic sigmoid 1/(1+e^-z), from e^-|z| so it never overflows and keeps its tails."""
    e = np.exp(-np.abs(z))
    r = 1 / (1 + e)
    return np.where(z >= 0, r, e * r)


def _softplus(z: Array) -> Array:
    """log(1 + e^z) = max(z, 0) + log1p(e^-|z|): stable for any z."""
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def _elu(z: Array, alpha: float) -> Array:
    """ELU (Clevert et al. 2015): z for z > 0, alpha (e^z - 1) otherwise."""
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))


def _elu_grad(z: Array, alpha: float) -> Array:
    """d ELU/dz: 1 for z > 0, alpha e^z otherwise."""
    return np.where(z > 0, 1, alpha * np.exp(np.minimum(z, 0))).astype(z.dtype, copy=False)


def _gelu(z: Array) -> Array:
    """GELU, tanh approximation (Hendrycks & Gimpel 2016): z/2 (1 + tanh(c (z + k z^3)))."""
    inner = _GELU_C * (z + _GELU_K * z * z * z)
    return 0.5 * z * (1 + np.tanh(inner))


def _gelu_grad(z: Array) -> Array:
    """Derivative of the tanh-approximated GELU."""
    inner = _GELU_C * (z + _GELU_K * z * z * z)
    t = np.tanh(inner)
    return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * _GELU_C * (1 + 3 * _GELU_K * z * z)


def _sign_dtype(cond: Array, true: float, false: float, dtype) -> Array:
    return np.where(cond, dtype.type(true), dtype.type(false))


@dataclass(frozen=True)
class Activation:
    """One activation function with its derivative and what a reader is shown of it.

    ``forward`` and ``derivative`` take (z, parameter). ``param`` describes the
    parameter it takes, if any; ``gain`` is torch's ``calculate_gain`` as text.
    ``natural_range`` is the output range when it is bounded on both sides, used for
    histogram edges; ``lower_bound`` is its infimum when bounded below (ReLU: 0).
    """

    name: str
    label: str
    forward: Callable[[Array, float], Array]
    derivative: Callable[[Array, float], Array]
    formula: str
    source: str = ""
    param: Parameter | None = None
    gain: str = "1"
    natural_range: tuple[float, float] | None = None
    lower_bound: Callable[[float], float] | None = None

    def parameter(self, parameter: float | None) -> float:
        """The parameter to use: the given one, else the default (0.0 where unused)."""
        if parameter is None:
            return 0.0 if self.param is None else float(self.param.default)
        return float(parameter)

    def saturation_intervals(self, parameter: float | None = None) -> tuple[tuple[float, float], ...]:
        """Intervals of z where |phi'(z)| < 5% of its maximum, found on a fine grid.

        The derivative is sampled on [-60, 60] (beyond that every activation here is in
        its asymptotic regime) and each crossing refined by bisection.
        """
        p = self.parameter(parameter)
        grid = np.linspace(-60.0, 60.0, 240001)
        d = np.abs(self.derivative(grid, p))
        threshold = SATURATION_SHARE * float(d.max())
        below = d < threshold
        if not below.any():
            return ()
        intervals = []
        change = np.flatnonzero(np.diff(below.astype(np.int8)))
        bounds = [-math.inf] + [self._refine(grid[i], grid[i + 1], p, threshold) for i in change] + [math.inf]
        state = bool(below[0])
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            if state:
                intervals.append((lo, hi))
            state = not state
        return tuple(intervals)

    def _refine(self, lo: float, hi: float, p: float, threshold: float) -> float:
        below_lo = abs(float(self.derivative(np.array([lo]), p)[0])) < threshold
        for _ in range(60):
            mid = 0.5 * (lo + hi)
            if (abs(float(self.derivative(np.array([mid]), p)[0])) < threshold) == below_lo:
                lo = mid
            else:
                hi = mid
        return 0.5 * (lo + hi)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("linear", "linear", lambda z, p: z, lambda z, p: np.ones_like(z), "φ(z) = z; φ′(z) = 1"),
        Activation(
            "sigmoid", "sigmoid",
            lambda z, p: _sigmoid(z),
            lambda z, p: _sigmoid(z) * (1 - _sigmoid(z)),
            "σ(z) = 1/(1 + e^−z); σ′(z) = σ(z)(1 − σ(z)), at most 1/4",
            natural_range=(0.0, 1.0),
        ),
        Activation(
            "tanh", "tanh",
            lambda z, p: np.tanh(z),
            lambda z, p: 1 - np.tanh(z) ** 2,
            "tanh(z); tanh′(z) = 1 − tanh²(z)",
            "LeCun et al. 1998",
            gain="5/3",
            natural_range=(-1.0, 1.0),
        ),
        Activation(
            "relu", "ReLU",
            lambda z, p: np.maximum(z, 0),
            lambda z, p: _sign_dtype(z > 0, 1, 0, z.dtype),
            "max(z, 0); derivative 1 for z > 0, else 0",
            "Nair & Hinton 2010",
            gain="√2 (He et al. 2015)",
            lower_bound=lambda p: 0.0,
        ),
        Activation(
            "leaky_relu", "leaky ReLU",
            lambda z, p: np.where(z > 0, z, z * z.dtype.type(p)),
            lambda z, p: _sign_dtype(z > 0, 1, p, z.dtype),
            "z for z > 0, slope·z otherwise",
            "Maas et al. 2013",
            param=Parameter("slope", "Slope", 0.01, "leaky ReLU's slope for z < 0", low=0.0, high=1.0,
                            high_open=True),
            gain="√(2/(1 + slope²))",
        ),
        Activation(
            "elu", "ELU",
            lambda z, p: _elu(z, p),
            lambda z, p: _elu_grad(z, p),
            "z for z > 0, α(e^z − 1) otherwise",
            "Clevert et al. 2015",
            param=Parameter("alpha", "Alpha", 1.0, "ELU's alpha: the output tends to -alpha as z -> -inf",
                            low=0.0, low_open=True),
            lower_bound=lambda p: -p,
        ),
        Activation(
            "selu", "SELU",
            lambda z, p: SELU_LAMBDA * _elu(z, SELU_ALPHA),
            lambda z, p: SELU_LAMBDA * _elu_grad(z, SELU_ALPHA),
            "λ·ELU_α(z), λ = 1.0507, α = 1.6733; meant for LeCun normal",
            "Klambauer et al. 2017",
            gain="3/4",
            lower_bound=lambda p: -SELU_LAMBDA * SELU_ALPHA,
        ),
        Activation(
            "gelu", "GELU (tanh approx.)",
            lambda z, p: _gelu(z),
            lambda z, p: _gelu_grad(z),
            "z·Φ(z) ≈ z/2·(1 + tanh(√(2/π)(z + 0.044715 z³)))",
            "Hendrycks & Gimpel 2016",
            lower_bound=lambda p: -0.17004,
        ),
        Activation(
            "silu", "SiLU / Swish",
            lambda z, p: z * _sigmoid(z),
            lambda z, p: _sigmoid(z) * (1 + z * (1 - _sigmoid(z))),
            "z·σ(z)",
            "Elfwing et al. 2017; Ramachandran et al. 2017",
            lower_bound=lambda p: -0.27846,
        ),
        Activation(
            "softsign", "softsign",
            lambda z, p: z / (1 + np.abs(z)),
            lambda z, p: 1 / (1 + np.abs(z)) ** 2,
            "z/(1 + |z|); derivative 1/(1 + |z|)²",
            "Bergstra et al. 2009",
            natural_range=(-1.0, 1.0),
        ),
        Activation(
            "softplus", "softplus",
            lambda z, p: _softplus(z),
            lambda z, p: _sigmoid(z),
            "log(1 + e^z); derivative σ(z)",
            "Dugas et al. 2001",
            lower_bound=lambda p: 0.0,
        ),
    )
}


def get_activation(name: str) -> Activation:
    """The activation called ``name``; KeyError naming the allowed ones otherwise."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise KeyError(f"unknown activation {name!r}; allowed: {', '.join(ACTIVATIONS)}") from None
