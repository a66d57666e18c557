"""Refuse a run that would not fit in memory, before anything is allocated."""

from __future__ import annotations

import os

from .backward import CHECKPOINT_SLOTS
from .config import SimulationConfig
from .kernels.summarizer import CHUNK_ELEMENTS

#: Share of the available memory a run may plan to use.
USABLE_SHARE = 0.8


class MemoryRefused(MemoryError):
    """The run's estimated peak memory exceeds what the machine has; the message says both."""


def available_bytes() -> int:
    """MemAvailable from /proc/meminfo; elsewhere physical pages times page size."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 8 * 1024**3


def estimate_bytes(config: SimulationConfig) -> int:
    """An upper bound of a run's peak bytes: the matrices held at once, whatever the depth.

    Forward: the input, z and a (the execution's arena), two full-size temporaries of
    an activation evaluated on a whole layer (constant weights: layer 1 decides the
    edges), three weight matrices, and per row block the statistics' float64 scratch
    pair and the temporaries of phi (six block-sized vectors). Backward adds the
    checkpoint slots, and g, dL/dz, z and the temporaries of phi' (six matrices).
    """
    item = 4 if config.dtype == "float32" else 8
    widest = max(config.features, *config.width)
    batch = config.samples * widest * item
    weights = widest * widest * item
    matrices = 5
    if config.gradients:
        matrices += CHECKPOINT_SLOTS + 6
    blocks = 6 * CHUNK_ELEMENTS * 8
    return matrices * batch + 3 * weights + blocks


def check_memory(config: SimulationConfig, available: int | None = None) -> None:
    """Raise MemoryRefused when the estimate exceeds USABLE_SHARE of what is available."""
    need = estimate_bytes(config)
    have = available_bytes() if available is None else available
    if need > USABLE_SHARE * have:
        raise MemoryRefused(
            f"this run needs about {need / 1024**3:.1f} GiB but only {have / 1024**3:.1f} GiB "
            f"is available; lower samples or width"
        )
