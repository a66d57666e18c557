"""The numerical engine: pure NumPy and the standard library; nothing here knows of a window.

``simulate(SimulationConfig(...))`` yields per-layer results; see ``simulate``.
"""

from .activations import ACTIVATIONS, get_activation
from .config import ConfigError, SimulationConfig
from .initializers import SCHEMES, InitSpec, draw_weights, weight_std
from .memory import MemoryRefused, estimate_bytes
from .results import BackwardLayer, ForwardLayer, Histogram, RunSummary
from .simulation import simulate

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
    "draw_weights",
    "estimate_bytes",
    "get_activation",
    "simulate",
    "weight_std",
]
