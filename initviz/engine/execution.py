"""How a layer's statistics are executed: the one part of the forward loop that varies.

The forward loop (``simulation``) is written once. Per layer it asks its execution for
the memory that z and a live in (``matrices``), the layer's weights (``weights``) and
the statistics of z and a (``statistics``). Two executions exist:

- ``InlineExecution``: every row block on the calling thread, in row order. The
  default, and the only one in a process with a GUI, on macOS and on Windows.
- ``helper_process.HelperExecution``: Linux only, asked for with ``helper="auto"``
  or ``"always"``. A forked process takes row blocks too, on shared memory, and draws
  the next layer's weights meanwhile; see that module for why a process and not a thread.

Both merge the blocks' summaries in row order and each block's summary depends on its
rows only, so the two give the same results bit for bit.
"""

from __future__ import annotations

import mmap
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .config import SimulationConfig
from .kernels import BinSpec, Summarizer, merge_forward, row_blocks

#: ``simulate``'s ``helper`` choices: never fork a helper, fork one for layers large
#: enough to repay it, or fork one wherever the platform allows (tests).
HELPER_CHOICES = ("never", "auto", "always")


@dataclass(frozen=True)
class LayerWork:
    """What one layer's statistics need besides its matrices: small enough to send to
    the helper process, which rebuilds the same block work from it."""

    shape: tuple[int, int]
    z_spec: BinSpec
    a_spec: BinSpec
    saturation: tuple[tuple[float, float], ...]
    relu: bool
    #: True when a = phi(z) is still to be computed, block by block with the statistics.
    apply: bool


class Arena:
    """z, a and one weight matrix of the run's widest layer, in one anonymous memory
    mapping, so that a forked helper sees the very same memory. ``z(shape)``,
    ``a(shape)`` and ``w(shape)`` are views of the first elements of each slot."""

    def __init__(self, config: SimulationConfig) -> None:
        self.dtype = np.dtype(config.dtype)
        widest = max(config.features, *config.width)
        self._batch = config.samples * widest
        self._map = mmap.mmap(-1, (2 * self._batch + widest * widest) * self.dtype.itemsize)

    def _view(self, slot: int, shape) -> np.ndarray:
        count = int(np.prod(shape))
        offset = slot * self._batch * self.dtype.itemsize
        return np.frombuffer(self._map, dtype=self.dtype, count=count, offset=offset).reshape(shape)

    def z(self, shape) -> np.ndarray:
        return self._view(0, shape)

    def a(self, shape) -> np.ndarray:
        return self._view(1, shape)

    def w(self, shape) -> np.ndarray:
        return self._view(2, shape)


def block_work(summarizer: Summarizer, arena: Arena, work: LayerWork, activate, fingerprint) -> Callable:
    """The summary of one row block ``(r0, r1)`` of the layer in ``arena``, as a function:
    what both executions (and the helper process) run per block."""
    z, a = arena.z(work.shape), arena.a(work.shape)
    return summarizer.forward_work(
        z, a, work.z_spec, work.a_spec, work.saturation, activate if work.apply else None, work.relu, fingerprint
    )


class InlineExecution:
    """Every block on the calling thread, in row order; weights drawn when asked for."""

    def __init__(self, net, fingerprint: np.ndarray, activate) -> None:
        self.net = net
        self.arena = Arena(net.config)
        self.summarizer = Summarizer()
        self._fingerprint = fingerprint
        self._activate = activate

    def __enter__(self) -> InlineExecution:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def matrices(self, shape) -> tuple[np.ndarray, np.ndarray]:
        return self.arena.z(shape), self.arena.a(shape)

    def weights(self, layer: int) -> np.ndarray:
        return self.net.weights(layer)

    def statistics(self, layer: int, work: LayerWork) -> dict:
        summarize = block_work(self.summarizer, self.arena, work, self._activate, self._fingerprint)
        parts = [summarize(span) for span in row_blocks(*work.shape)]
        return merge_forward(parts, work.shape[1], work.z_spec, work.a_spec)
