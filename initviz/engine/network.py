"""The network of a run: its inputs, weights and biases, drawn from the run's random streams.

Randomness: one ``SeedSequence(seed)`` per run; the inputs, every layer's weights and
biases and the top gradient each get their own ``Generator`` from a fixed spawn key, so
layer k's weights are the same whether the run has 5 layers or 50, and runs that differ
only in the scheme see the same inputs and the same underlying draws.
"""

from __future__ import annotations

import math

import numpy as np

from .activations import Activation, get_activation
from .config import SimulationConfig
from .initializers import draw_weights

#: LSUV (Mishkin & Matas 2015): target output variance 1 within this tolerance, at most
#: this many rescaling steps.
LSUV_TOLERANCE = 0.01
LSUV_MAX_STEPS = 10


def stream(seed: int, *key: int) -> np.random.Generator:
    """The Generator for one named stream of a run: (0,) inputs, (k,) layer k's weights,
    (k, 1) its biases, (0, 1) the unit fingerprint, (0, 2) the top gradient."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=key)))


def input_batch(config: SimulationConfig) -> np.ndarray:
    """The (samples, features) input: N(0, 1), or U(-1, 1) for ``input='uniform'``; with
    ``correlation`` set, its rows in pairs of that correlation (``pair_inputs``)."""
    rng = stream(config.seed, 0)
    shape = (config.samples, config.features)
    dtype = np.dtype(config.dtype)
    if config.input == "uniform":
        x = rng.random(shape, dtype=dtype)
        x *= 2
        x -= 1
    else:
        x = rng.standard_normal(shape, dtype=dtype)
    if config.correlation is not None:
        pair_inputs(x, config.correlation)
    return x


def pair_inputs(x: np.ndarray, c0: float) -> None:
    """Give each pair of rows (2k, 2k + 1) of ``x`` correlation c0, in place: the odd row
    becomes c0 x_a + sqrt(1 - c0^2) x_b, which keeps its second moment (an odd last row
    stays as it is)."""
    pairs = x.shape[0] // 2
    a, b = x[0:2 * pairs:2], x[1:2 * pairs:2]
    b *= x.dtype.type(math.sqrt(max(1.0 - c0 * c0, 0.0)))
    b += x.dtype.type(c0) * a


def input_second_moment(config: SimulationConfig) -> float:
    """E[x^2] of the input distribution: 1 for N(0, 1), 1/3 for U(-1, 1)."""
    return 1.0 if config.input == "normal" else 1.0 / 3.0


def bias_moments(config: SimulationConfig) -> tuple[float, float]:
    """(mean, variance) of one bias entry."""
    if config.bias == "constant":
        return config.bias_value, 0.0
    if config.bias == "normal":
        return 0.0, config.bias_std**2
    return 0.0, 0.0


class Network:
    """Weights and biases of a configured network, regenerated on demand from their streams.

    Regenerating instead of storing keeps memory independent of depth; LSUV's per-layer
    scale factors (one float each) are the only state learned on data.
    """

    def __init__(self, config: SimulationConfig) -> None:
        self.config = config
        self.spec = config.init
        self.dtype = np.dtype(config.dtype)
        self.activation: Activation = get_activation(config.activation)
        self.parameter = self.activation.parameter(config.activation_param)
        self.lsuv_scale: dict[int, float] = {}

    def weights(self, layer: int) -> np.ndarray:
        fan_in, fan_out = self.config.fans(layer)
        w = draw_weights(self.spec, stream(self.config.seed, layer), fan_in, fan_out, self.dtype)
        if layer in self.lsuv_scale:
            w *= self.dtype.type(self.lsuv_scale[layer])
        return w

    def bias(self, layer: int) -> np.ndarray | None:
        cfg = self.config
        width = cfg.width[layer - 1]
        if cfg.bias == "constant" and cfg.bias_value != 0:
            return np.full(width, cfg.bias_value, dtype=self.dtype)
        if cfg.bias == "normal" and cfg.bias_std > 0:
            b = stream(cfg.seed, layer, 1).standard_normal(width, dtype=self.dtype)
            b *= self.dtype.type(cfg.bias_std)
            return b
        return None

    def preactivation(
        self, layer: int, x: np.ndarray, w: np.ndarray | None = None, out: np.ndarray | None = None
    ) -> np.ndarray:
        """z = x W (+ b), into ``out`` when given (a reused buffer)."""
        z = np.matmul(x, self.weights(layer) if w is None else w, out=out)
        b = self.bias(layer)
        if b is not None:
            z += b
        return z

    def fit_lsuv(
        self, layer: int, x: np.ndarray, w: np.ndarray | None = None, out: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """Mishkin & Matas 2015, LSUV: rescale the orthogonal W until Var(xW + b) = 1 +- tol.

        ``w``: the layer's orthogonal starting point when already drawn (it is rescaled
        in place). Returns W and, when the last product computed was with the final W
        (the variance was within tolerance), that product z = xW + b, so the caller
        need not compute it again; else None. ``out``: where the products go.
        """
        w = self.weights(layer) if w is None else w
        scale = 1.0
        z = None
        for _ in range(LSUV_MAX_STEPS):
            z = self.preactivation(layer, x, w, out=out)
            var = float(np.var(z, dtype=np.float64))
            if not math.isfinite(var) or var == 0 or abs(var - 1.0) < LSUV_TOLERANCE:
                break
            factor = 1.0 / math.sqrt(var)
            w *= self.dtype.type(factor)
            scale *= factor
            z = None  # computed with the W before this rescaling
        self.lsuv_scale[layer] = scale
        return w, z

    def forward_activation(self, layer: int, x: np.ndarray) -> np.ndarray:
        return self.activation.forward(self.preactivation(layer, x), self.parameter)
