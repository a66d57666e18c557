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


#: Cells per axis of the two-dimensional midpoint rule (``bivariate_expectation``).
BIVARIATE_CELLS = 400


def _aligned_nodes(edge: np.ndarray, cells: int) -> tuple[np.ndarray, np.ndarray]:
    """Midpoint nodes covering [-10, 10] with a cell edge at ``edge`` (one row per edge),
    and their weights: the normal density times the cell width.

    A kink or a step of the integrand at a cell edge costs the rule only O(h^2): the
    rule is then a smooth rule on each side of it. The density is not renormalised: the
    midpoint rule integrates the Gaussian itself to rounding on a grid this fine.
    """
    h = 2 * _Z_LIMIT / cells
    shift = np.mod(edge, h)
    x = shift[..., None] + h * (np.arange(cells + 1) - cells // 2 - 0.5)
    return x, np.exp(-0.5 * x * x) * (h / math.sqrt(2 * math.pi))


def bivariate_expectation(f, g, q: float, c: float, mean: float = 0.0, cells: int = BIVARIATE_CELLS) -> float:
    """E[f(m + u1) g(m + u2)] for u1 = sqrt(q) z1, u2 = sqrt(q) (c z1 + sqrt(1 - c^2) z2),
    z1, z2 independent N(0, 1): two pre-activations of variance q and correlation c
    around the mean m (Poole et al. 2016, the correlation map's integral).

    Iterated midpoint rules: the outer one over z1, the inner one over z2 for each z1.
    Every activation here is smooth except at 0, so each rule puts a cell edge where its
    argument crosses 0 (the inner one's edge moves with z1): a ReLU's kink or its
    derivative's step then costs O(h^2), not O(h) (Gauss-Hermite on a product grid
    converges slowly there: the line u2 = 0 cuts its cells at an angle). That h^2 term
    is removed by Richardson extrapolation from ``cells`` and ``cells / 2`` per axis,
    (4 E_h - E_2h) / 3: the error of a ReLU's E[relu(u1) relu(u2)] falls from about
    1e-4 to 1e-8 (Cho & Saul's closed form is the reference; docs/engine.md).
    """
    fine = _bivariate_midpoint(f, g, q, c, mean, cells)
    coarse = _bivariate_midpoint(f, g, q, c, mean, cells // 2)
    return (4.0 * fine - coarse) / 3.0


def _bivariate_midpoint(f, g, q: float, c: float, mean: float, cells: int) -> float:
    """``bivariate_expectation`` by one iterated midpoint rule of ``cells`` per axis."""
    q = max(q, 0.0)
    root = math.sqrt(q)
    if root == 0.0:
        return float(f(np.array([mean]))[0] * g(np.array([mean]))[0])
    x1, w1 = _aligned_nodes(np.array(-mean / root), cells)
    outer = f(mean + root * x1)
    s = math.sqrt(max(1.0 - c * c, 0.0))
    if s < 1e-12:  # the two pre-activations are one
        return float(np.dot(w1, outer * g(mean + root * c * x1)))
    # where the inner argument m + sqrt(q) (c x1 + s z2) crosses 0
    x2, w2 = _aligned_nodes(-(mean / root + c * x1) / s, cells)
    inner = np.einsum("ij,ij->i", w2, g(mean + root * (c * x1[:, None] + s * x2)))
    return float(np.dot(w1, outer * inner))


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
