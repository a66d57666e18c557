"""Independent re-implementations used by the engine tests (plain NumPy, float64).

They share only the random streams with the engine (randomness is not what is tested),
and recompute everything else from the formulas.
"""

from __future__ import annotations

import numpy as np

from initviz.engine import RunSummary, SimulationConfig, simulate
from initviz.engine.initializers import draw_weights
from initviz.engine.network import input_batch, stream


def run(config: SimulationConfig):
    """(forward results, backward results, summary) of a whole run."""
    results = list(simulate(config))
    summary = results[-1]
    assert isinstance(summary, RunSummary)
    forward = [r for r in results[:-1] if r.pass_name == "forward"]
    backward = [r for r in results[:-1] if r.pass_name == "backward"]
    return forward, backward, summary


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def reference_forward(config: SimulationConfig, phi):
    """Pre-activations and activations of every layer, without biases, in the config's dtype."""
    x = input_batch(config)
    zs, acts = [], []
    for layer in range(1, config.depth + 1):
        fan_in, fan_out = config.fans(layer)
        w = draw_weights(config.init, stream(config.seed, layer), fan_in, fan_out, config.dtype)
        z = x @ w
        x = phi(z)
        zs.append(z)
        acts.append(x)
    return zs, acts
