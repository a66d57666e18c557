"""Correlation through depth: pairs of inputs, measured and predicted layer by layer.

With ``SimulationConfig(correlation=c0)`` the batch's rows come in pairs (rows 0 and 1,
2 and 3, ...) whose inputs have correlation c0 (``network.pair_inputs``). Per
layer the engine reports the mean over pairs of q12 / sqrt(q11 q22) of the two rows'
pre-activations (q12 = their mean product over the layer's units: Poole et al. 2016),
and the same quantity from the correlation map, carried through the network's actual
layers (their q_l, not the fixed point q*):

    Cov_1 = sigma_w2 c0 E[x^2] + sigma_b2,
    Cov_l = sigma_w2 E[phi(m + u_a) phi(m + u_b)] + sigma_b2,

with u_a, u_b of variance q_{l-1} and correlation Cov_{l-1} / q_{l-1}, m the bias mean;
the reported prediction is (m^2 + Cov_l) / (m^2 + q_l), as the measurement does not
subtract the mean.
"""

from __future__ import annotations

import math

import numpy as np

from .config import SimulationConfig
from .initializers import weight_std
from .network import Network, bias_moments, input_second_moment
from .theory import bivariate_expectation

#: Cells per axis of the per-layer correlation integral: the finite width's noise (about
#: 1 / sqrt(width)) is far above this rule's error (about 1e-7).
PREDICTION_CELLS = 200
#: Elements per block of the pair products (float64 copies stay small).
BLOCK_ELEMENTS = 2**18


def pair_correlation(z: np.ndarray) -> float:
    """Mean over row pairs of q12 / sqrt(q11 q22), in float64; NaN when no pair has two
    non-zero rows (every ReLU unit dead)."""
    pairs = z.shape[0] // 2
    block = max(1, BLOCK_ELEMENTS // max(z.shape[1], 1))
    total, count = 0.0, 0
    for r0 in range(0, pairs, block):
        r1 = min(pairs, r0 + block)
        a = z[2 * r0:2 * r1:2].astype(np.float64)
        b = z[2 * r0 + 1:2 * r1:2].astype(np.float64)
        with np.errstate(all="ignore"):
            r = np.einsum("ij,ij->i", a, b) / np.sqrt(np.einsum("ij,ij->i", a, a) * np.einsum("ij,ij->i", b, b))
        ok = np.isfinite(r)
        total += float(r[ok].sum())
        count += int(ok.sum())
    return total / count if count else math.nan


class PairCorrelations:
    """The measured and predicted correlation of each layer, in layer order."""

    def __init__(self, config: SimulationConfig, net: Network, preds) -> None:
        self.config = config
        self.preds = preds
        act, p = net.activation, net.parameter
        self.phi = lambda v: act.forward(v, p)
        self.mean, self.bias_var = bias_moments(config)
        self.cov: float | None = None  # of the previous layer's pre-activations, around the mean
        self._last: tuple | None = None  # (q, rho, s) of the last integral and its result

    def _sigma_w2(self, layer: int) -> float | None:
        fan_in, fan_out = self.config.fans(layer)
        std = weight_std(self.config.init, fan_in, fan_out)
        return None if std is None else std * std * fan_in

    def layer(self, layer: int, z: np.ndarray) -> tuple[float, float | None]:
        """(measured, predicted) for 1-based ``layer`` with pre-activations ``z``; layers
        must come in order. The prediction is None without a mean-field prediction."""
        measured = pair_correlation(z)
        pred = None if self.preds is None or layer > len(self.preds) else self.preds[layer - 1]
        s = self._sigma_w2(layer)
        if pred is None or s is None or not math.isfinite(pred.q) or self.config.init.name == "lsuv":
            self.cov = None
            return measured, None
        if layer == 1:
            cov = s * self.config.correlation * input_second_moment(self.config) + self.bias_var
        elif self.cov is None:
            return measured, None
        else:
            cov = s * self._product(self.preds[layer - 2].q, self.cov, s) + self.bias_var
        self.cov = cov
        m2 = self.mean * self.mean
        return measured, (m2 + cov) / (m2 + pred.q) if m2 + pred.q > 0 else math.nan

    def _product(self, q: float, cov: float, s: float) -> float:
        """E[phi(m + u_a) phi(m + u_b)] for variance q and covariance cov (the last one
        again when nothing changed: a fixed point repeats itself layer after layer)."""
        rho = 1.0 if q <= 0 else min(max(cov / q, -1.0), 1.0)
        key = (q, rho)
        if self._last is not None and self._last[0] == key:
            return self._last[1]
        value = bivariate_expectation(self.phi, self.phi, q, rho, self.mean, PREDICTION_CELLS)
        self._last = (key, value)
        return value
