"""The mean-field prediction of a run, per layer: variances, and expected histograms.

Poole et al. 2016: with weights of variance sigma_w^2 / fan_in and biases of variance
sigma_b^2, layer l's pre-activation variance is q_l = sigma_w^2 E[phi(sqrt(q_{l-1}) z)^2]
+ sigma_b^2 (``theory.predict_forward``). This module applies it to a configuration and
turns each layer's q into the expected count of every histogram bin.
"""

from __future__ import annotations

import math

import numpy as np

from .config import SimulationConfig
from .edges import EdgePlan
from .initializers import weight_std
from .network import Network, bias_moments, input_second_moment
from .theory import LayerPrediction, predict_forward, predicted_bin_probabilities


def predictions(config: SimulationConfig, net: Network) -> list[LayerPrediction] | None:
    """Mean-field predictions per layer, or None where the theory does not apply
    (constant weights: every unit is the same deterministic function)."""
    spec = config.init
    if spec.name == "constant":
        return None
    weight_vars, fan_ins = [], []
    for layer in range(1, config.depth + 1):
        fan_in, fan_out = config.fans(layer)
        fan_ins.append(fan_in)
        if spec.name == "lsuv":
            weight_vars.append(None)
        else:
            weight_vars.append(weight_std(spec, fan_in, fan_out) ** 2)
    mean_b, var_b = bias_moments(config)
    return predict_forward(
        net.activation, net.parameter, weight_vars, fan_ins, mean_b, var_b, input_second_moment(config)
    )


def layer_prediction(preds: list[LayerPrediction] | None, layer: int) -> LayerPrediction | None:
    """Layer ``layer``'s prediction (1-based), or None: no theory, or it stopped early
    (a predicted variance overflowed before that layer)."""
    return preds[layer - 1] if preds is not None and layer - 1 < len(preds) else None


class PredictedCounts:
    """Mean-field expected counts per bin for each layer, computed once per distinct
    (mean, q): He/ReLU and other fixed points repeat them for every layer."""

    def __init__(self, net: Network, preds) -> None:
        self.net = net
        self.preds = preds
        self._cache: dict[tuple, tuple] = {}  # the last few only: memory flat in depth

    def get(self, layer: int, plan: EdgePlan) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(activation probabilities, pre-activation probabilities) per bin, or Nones."""
        preds = self.preds
        pred = layer_prediction(preds, layer)
        if pred is None or not math.isfinite(pred.q):
            return None, None
        # q to 12 significant digits: a fixed point (He/ReLU: q = 2 at every layer)
        # returns from the quadrature with last-digit noise, and should hit the cache.
        key = (float(f"{pred.pre_mean:.12g}"), float(f"{pred.q:.12g}"), plan.act, plan.pre)
        hit = self._cache.get(key)
        if hit is None:
            net = self.net
            fn = lambda v: net.activation.forward(v, net.parameter)  # noqa: E731
            hit = (
                predicted_bin_probabilities(fn, pred.pre_mean, pred.q, plan.act.edges),
                predicted_bin_probabilities(lambda v: v, pred.pre_mean, pred.q, plan.pre.edges),
            )
            if len(self._cache) >= 4:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = hit
        return hit
