"""Mean-field predictions of the per-layer distributions (Poole et al. 2016; Schoenholz et al. 2017).

With weights of variance sigma_w^2 / fan_in and biases of variance sigma_b^2, the
pre-activations of layer l are, for wide layers, N(m_b, q_l) with

    q_l = sigma_w^2 * E[phi(sqrt(q_{l-1}) z)^2] + sigma_b^2,   z ~ N(0, 1),

starting from the input's second moment (layer 1: q_1 = sigma_w^2 * E[x^2] + sigma_b^2).
Back-propagated gradients scale by chi_l = sigma_w^2 (fan_out / fan_in) E[phi'(sqrt(q_l) z)^2]
per layer (Schoenholz et al. 2017, eq. 7).

The Gaussian expectations use the midpoint rule on a uniform grid over [-10, 10]
rather than Gauss-Hermite: for smooth integrands the rule converges exponentially
(as Gauss-Hermite does), and it stays accurate for kinks and steps such as ReLU's
derivative, where an odd Gauss-Hermite rule puts its heaviest node on the step at 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .activations import Activation

#: Cells of the midpoint rule over [-10, 10] (an even number: no node sits on 0).
QUADRATURE_CELLS = 4000
_Z_LIMIT = 10.0


@lru_cache(maxsize=4)
def quadrature(cells: int = QUADRATURE_CELLS) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights with sum(w f(x)) ~ E[f(z)], z ~ N(0, 1): midpoints of a uniform grid.

    The weights are the standard normal density times the cell width, renormalized to
    sum to 1 (the mass beyond |z| = 10 is below 1e-22).
    """
    h = 2 * _Z_LIMIT / cells
    x = -_Z_LIMIT + h * (np.arange(cells) + 0.5)
    w = np.exp(-0.5 * x * x)
    w /= w.sum()
    x.setflags(write=False)
    w.setflags(write=False)
    return x, w


def gaussian_expectation(f, q: float) -> float:
    """E[f(sqrt(q) z)] for z ~ N(0, 1)."""
    x, w = quadrature()
    return float(np.dot(w, f(math.sqrt(max(q, 0.0)) * x)))


@dataclass(frozen=True)
class LayerPrediction:
    """Predicted moments of one layer: pre-activation variance q and activation mean/std."""

    q: float
    pre_mean: float
    act_mean: float
    act_std: float


def predict_forward(
    activation: Activation,
    parameter: float,
    weight_vars: list[float],
    fan_ins: list[int],
    bias_mean: float,
    bias_var: float,
    input_second_moment: float,
) -> list[LayerPrediction]:
    """Per-layer predictions; ``weight_vars[l]`` is the variance of one weight of layer l+1,
    or None where the layer is normalized on data to unit pre-activation variance (LSUV).

    sigma_w^2 = weight variance * fan_in. A bias of mean m_b shifts every pre-activation
    by m_b, so q here is the variance around m_b and phi is evaluated at m_b + sqrt(q) z.
    """
    phi = lambda v: activation.forward(v, parameter)  # noqa: E731
    out: list[LayerPrediction] = []
    second = input_second_moment
    for var_w, fan_in in zip(weight_vars, fan_ins):
        q = 1.0 if var_w is None else var_w * fan_in * second + bias_var
        mean_a = gaussian_expectation(lambda v: phi(v + bias_mean), q)
        second = gaussian_expectation(lambda v: phi(v + bias_mean) ** 2, q)
        std_a = math.sqrt(max(second - mean_a * mean_a, 0.0))
        out.append(LayerPrediction(q=q, pre_mean=bias_mean, act_mean=mean_a, act_std=std_a))
        if not math.isfinite(q):
            break
    return out


def gradient_gains(
    activation: Activation, parameter: float, prediction: list[LayerPrediction], weight_vars, fans
) -> list[float]:
    """chi_l: the factor by which E[g^2] shrinks or grows crossing layer l backwards.

    g_{l-1} = (g_l * phi'(z_l)) W_l^T, so E[g_{l-1}^2] = fan_out * var_w * E[phi'^2] * E[g_l^2].
    """
    out = []
    for pred, var_w, (_fan_in, fan_out) in zip(prediction, weight_vars, fans):
        d2 = gaussian_expectation(lambda v: activation.derivative(v + pred.pre_mean, parameter) ** 2, pred.q)
        out.append(fan_out * var_w * d2)
    return out


def predicted_bin_probabilities(activation_fn, mean: float, q: float, edges: np.ndarray) -> np.ndarray:
    """P(edges[i] <= f(mean + sqrt(q) z) < edges[i+1]) for z ~ N(0, 1), per bin.

    Integrated on a fine uniform grid of z in [-8, 8] (the Gaussian mass outside is
    below 1e-15): each grid cell's probability goes to the bin of f at its centre. Works
    for non-monotone f (GELU, SiLU) alike. The probability outside the edges is omitted.
    Uniform edges (every run's) are binned by arithmetic and one weighted bincount, the
    grid and its weights made once: where q changes at every layer (tanh with Xavier)
    each layer integrates anew.
    """
    z, cell = _gaussian_grid()
    values = activation_fn(mean + math.sqrt(max(q, 0.0)) * z)
    edges = np.asarray(edges, dtype=np.float64)
    bins = edges.size - 1
    lo, hi = float(edges[0]), float(edges[-1])
    if not np.allclose(np.diff(edges), (hi - lo) / bins, rtol=1e-9, atol=0.0):
        probs, _ = np.histogram(values, bins=edges, weights=cell)
        return probs
    with np.errstate(invalid="ignore", over="ignore"):
        index = np.floor((values - lo) * (bins / (hi - lo)))
    index[values == hi] = bins - 1  # the last bin is closed, as in numpy.histogram
    inside = (index >= 0) & (index < bins)  # also drops NaN
    return np.bincount(index[inside].astype(np.intp), weights=cell[inside], minlength=bins)


@lru_cache(maxsize=1)
def _gaussian_grid() -> tuple[np.ndarray, np.ndarray]:
    """Midpoints z of 40,001 cells on [-8, 8] and each cell's share of N(0, 1)
    (read-only: the cache hands the same arrays to every caller)."""
    z = np.linspace(-8.0, 8.0, 40001)
    cell = np.exp(-0.5 * z * z)
    cell /= cell.sum()
    z.setflags(write=False)
    cell.setflags(write=False)
    return z, cell
