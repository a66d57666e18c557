"""The numerical engine: pure NumPy and the standard library; nothing here knows of a window.

``simulate(SimulationConfig(...))`` yields per-layer results. Where to start reading:

- ``simulation``: the forward loop, layer by layer; ``backward``: the gradients.
- ``statistics``: what every reported number is, in plain NumPy (``kernels`` computes
  the same faster and is tested against it).
- ``network`` and ``initializers``: the inputs and the weights (He, Xavier, ...);
  ``activations``: phi and phi'.
- ``theory`` and ``prediction``: the mean-field prediction drawn over the measurements.
- ``training``: ``train(TrainingConfig(...))`` trains the network on MNIST (``data``),
  with ``mlp`` (forward, loss, back-propagation) and ``optimizers``; ``training_stats``
  summarises its layers with the same kernels.
"""

from .activations import ACTIVATIONS, get_activation
from .config import ConfigError, SimulationConfig
from .initializers import SCHEMES, InitSpec, draw_weights, weight_std
from .memory import MemoryRefused, estimate_bytes
from .results import BackwardLayer, ForwardLayer, Histogram, RunSummary
from .simulation import simulate
from .training import train
from .training_config import TrainingConfig
from .training_results import TrainingRecord, TrainingStep, TrainingSteps, TrainingSummary

__all__ = [
    "ACTIVATIONS",
    "SCHEMES",
    "BackwardLayer",
    "ConfigError",
    "ForwardLayer",
    "Histogram",
    "InitSpec",
    "MemoryRefused",
    "RunSummary",
    "SimulationConfig",
    "TrainingConfig",
    "TrainingRecord",
    "TrainingStep",
    "TrainingSteps",
    "TrainingSummary",
    "draw_weights",
    "estimate_bytes",
    "get_activation",
    "simulate",
    "train",
    "weight_std",
]
