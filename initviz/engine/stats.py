"""TEMPORARY: the old import path of the statistics, kept until its callers move to
``initviz.engine.kernels`` (then this module is deleted). Only re-exports, plus the old
``LayerSummarizer`` interface (a context manager with ``apply``) over ``Summarizer``."""

from __future__ import annotations

from .kernels import BinSpec, Moments, Summarizer, distinct_units, merge_forward, one_grid

__all__ = ["CHUNK_ELEMENTS", "BinSpec", "LayerSummarizer", "Moments", "distinct_units", "merge_forward", "one_grid"]

#: Elements per row block for ``LayerSummarizer`` callers (tests patch it here).
CHUNK_ELEMENTS = 1 << 18


class LayerSummarizer(Summarizer):
    """The old interface: ``threads`` is ignored (blocks run on the calling thread)."""

    def __init__(self, threads: int = 2) -> None:
        super().__init__()

    def close(self) -> None:
        pass

    def __enter__(self) -> LayerSummarizer:
        return self

    def __exit__(self, *exc) -> None:
        pass

    @staticmethod
    def row_blocks(rows: int, cols: int) -> list[tuple[int, int]]:
        step = max(1, CHUNK_ELEMENTS // max(cols, 1))
        return [(r, min(r + step, rows)) for r in range(0, rows, step)]

    def forward(self, z, a, z_spec, a_spec, saturation, activate=None, relu=False, fingerprint=None) -> dict:
        rows, cols = a.shape
        work = self.forward_work(z, a, z_spec, a_spec, saturation, activate, relu, fingerprint)
        return merge_forward([work(s) for s in self.row_blocks(rows, cols)], cols, z_spec, a_spec)

    def apply(self, z, a, activate) -> None:
        """a = phi(z) by ``activate(z_rows, a_rows)``, block by block."""
        import numpy as np

        with np.errstate(all="ignore"):
            for r0, r1 in self.row_blocks(*z.shape):
                activate(z[r0:r1], a[r0:r1])

    def _block(self, *args) -> tuple:
        return self._forward_chunk(*args)

    def _forward_chunk(self, *args) -> tuple:
        return Summarizer._block(self, *args)
