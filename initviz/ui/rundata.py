"""The GUI's record of one run: per-layer results gathered into arrays (Qt-free).

The worker hands over ``ForwardLayer`` and ``BackwardLayer`` results one at a time;
``RunData`` files them by layer so that the views can draw every layer from a few
NumPy arrays (a layer-by-bin count matrix, a std-per-layer vector...) instead of
walking the results again at every redraw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engine import BackwardLayer, ForwardLayer, RunSummary, SimulationConfig

#: The quantities a view can show. "pre_gradients" is dL/dz, the gradient with respect to
#: the pre-activations (last, so that lists zipped with the first four keep their order).
QUANTITIES = ("activations", "preactivations", "gradients", "weight_gradients", "pre_gradients")


@dataclass(frozen=True)
class LayerStats:
    """The numbers printed under one layer's histogram."""

    mean: float
    std: float
    predicted_std: float | None
    saturated: float | None
    dead: float | None
    nonfinite: int


class Series:
    """One quantity of one run over all layers: counts (depth x bins), stats per layer."""

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.edges: np.ndarray | None = None
        self.counts: np.ndarray | None = None
        self.predicted: np.ndarray | None = None
        self.underflow = np.zeros(depth, dtype=np.int64)
        self.overflow = np.zeros(depth, dtype=np.int64)
        self.std = np.full(depth, np.nan)
        self.predicted_std = np.full(depth, np.nan)
        self.saturated = np.full(depth, np.nan)
        self.dead = np.full(depth, np.nan)
        self.stats: list[LayerStats | None] = [None] * depth
        self.filled = np.zeros(depth, dtype=bool)

    def put(self, layer: int, hist, stats: LayerStats) -> None:
        """File the histogram and stats of 1-based ``layer``."""
        i = layer - 1
        if self.counts is None or len(hist.edges) != len(self.edges) or not np.array_equal(hist.edges, self.edges):
            self._reset_bins(hist.edges)
        self.counts[i] = hist.counts
        if hist.predicted is not None:
            self.predicted[i] = hist.predicted
        self.underflow[i] = hist.underflow
        self.overflow[i] = hist.overflow
        self.std[i] = stats.std
        self.predicted_std[i] = np.nan if stats.predicted_std is None else stats.predicted_std
        self.saturated[i] = np.nan if stats.saturated is None else stats.saturated
        self.dead[i] = np.nan if stats.dead is None else stats.dead
        self.stats[i] = stats
        self.filled[i] = True

    def _reset_bins(self, edges: np.ndarray) -> None:
        # Edges are fixed for a run; a change would only come with a new run.
        self.edges = np.asarray(edges, dtype=np.float64)
        bins = len(edges) - 1
        self.counts = np.zeros((self.depth, bins), dtype=np.int64)
        self.predicted = np.full((self.depth, bins), np.nan)
        self.filled[:] = False


class RunData:
    """Everything shown of one run: its configuration, title and the four series."""

    def __init__(self, config: SimulationConfig, title: str = "", y_max: float | None = None) -> None:
        self.config = config
        self.title = title
        self.y_max = y_max  # a preset's cap on the count axis (the book's ReLU figures)
        depth = config.depth
        self.series = {q: Series(depth) for q in QUANTITIES}
        self.distinct_units = np.zeros(depth, dtype=np.int64)
        self.units = np.asarray(config.width, dtype=np.int64)
        self.snapshots: dict[int, np.ndarray] = {}
        # the symmetry view's corners of dL/da and dL/dz, by layer
        self.gradient_snapshots: dict[str, dict[int, np.ndarray]] = {"gradients": {}, "pre_gradients": {}}
        # pairs of correlated inputs (``SimulationConfig.correlation``): per layer, NaN until filed
        self.correlation = np.full(depth, np.nan)
        self.predicted_correlation = np.full(depth, np.nan)
        self.summary: RunSummary | None = None
        self.forward_done = 0
        self.backward_done = 0

    @property
    def depth(self) -> int:
        return self.config.depth

    @property
    def total_steps(self) -> int:
        """Layer results a complete run yields."""
        return self.depth * (2 if self.config.gradients else 1)

    @property
    def steps_done(self) -> int:
        return self.forward_done + self.backward_done

    def add(self, result) -> None:
        """File one engine result."""
        if isinstance(result, ForwardLayer):
            self._add_forward(result)
        elif isinstance(result, BackwardLayer):
            self._add_backward(result)
        elif isinstance(result, RunSummary):
            self.summary = result

    def _add_forward(self, r: ForwardLayer) -> None:
        self.series["activations"].put(
            r.layer, r.activations, LayerStats(r.mean, r.std, r.predicted_std, r.saturated, r.dead, r.nonfinite)
        )
        self.series["preactivations"].put(
            r.layer, r.preactivations, LayerStats(r.pre_mean, r.pre_std, r.predicted_pre_std, None, None, r.nonfinite)
        )
        self.distinct_units[r.layer - 1] = r.distinct_units
        self.snapshots[r.layer] = r.snapshot
        if r.correlation is not None:
            self.correlation[r.layer - 1] = r.correlation
            self.predicted_correlation[r.layer - 1] = np.nan if r.predicted_correlation is None else \
                r.predicted_correlation
        self.forward_done += 1

    def _add_backward(self, r: BackwardLayer) -> None:
        self.series["gradients"].put(
            r.layer, r.gradient, LayerStats(r.mean, r.std, r.predicted_std, None, None, r.nonfinite)
        )
        self.series["weight_gradients"].put(
            r.layer,
            r.weight_gradient,
            LayerStats(float("nan"), r.weight_std, r.predicted_weight_std, None, None, r.nonfinite),
        )
        if r.pre_gradient is not None:
            self.series["pre_gradients"].put(
                r.layer,
                r.pre_gradient,
                LayerStats(r.pre_gradient_mean, r.pre_gradient_std, r.predicted_pre_gradient_std, None, None,
                           r.nonfinite),
            )
        if r.snapshot is not None:
            self.gradient_snapshots["gradients"][r.layer] = r.snapshot
        if r.pre_gradient_snapshot is not None:
            self.gradient_snapshots["pre_gradients"][r.layer] = r.pre_gradient_snapshot
        self.backward_done += 1

    def to_rows(self) -> list[dict]:
        """One flat row per layer and quantity, for CSV export."""
        rows = []
        for q in QUANTITIES:
            s = self.series[q]
            for i in np.flatnonzero(s.filled):
                st = s.stats[i]
                rows.append(
                    {
                        "run": self.title,
                        "quantity": q,
                        "layer": int(i + 1),
                        "mean": st.mean,
                        "std": st.std,
                        "predicted_std": st.predicted_std,
                        "saturated": st.saturated,
                        "dead": st.dead,
                        "nonfinite": st.nonfinite,
                        "distinct_units": int(self.distinct_units[i]) if q == "activations" else None,
                        "underflow": int(s.underflow[i]),
                        "overflow": int(s.overflow[i]),
                        "edges": " ".join(f"{e:.6g}" for e in s.edges),
                        "counts": " ".join(str(int(c)) for c in s.counts[i]),
                    }
                )
        return rows
