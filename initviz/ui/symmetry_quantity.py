"""What the symmetry view draws for the Show menu's choice: the activations, or with the
backward pass on the gradients dL/da or dL/dz.

Equal weights fail because every unit of a layer also gets the same gradient, so no
update can make two units differ: with constant weights, below the top layer every
column of the gradient's 64 x 64 corner is the same. The engine keeps those corners
(``BackwardLayer.snapshot``, ``pre_gradient_snapshot``); their distinct units are
counted here with the engine's own rule (``statistics.distinct_units``) over the first
64 units, as the whole layer's gradients are not kept. The top layer's gradient is the
loss's random g, so it always differs between units.
"""

from __future__ import annotations

import numpy as np

from ..engine.statistics import distinct_units
from .i18n import tr
from .rundata import RunData

#: The Show menu's quantities the view draws as gradients, and which corner each uses
#: (the weight gradients have no sample axis: the view draws dL/da for them).
GRADIENTS = {"gradients": "gradients", "pre_gradients": "pre_gradients", "weight_gradients": "gradients"}


def drawn(quantity: str) -> str:
    """"activations", "gradients" (dL/da) or "pre_gradients" (dL/dz)."""
    return GRADIENTS.get(quantity, "activations")


def snapshots(run: RunData, quantity: str) -> dict[int, np.ndarray]:
    """Layer -> its 64 x 64 corner (samples x units) of what is drawn."""
    kind = drawn(quantity)
    if kind == "activations":
        return run.snapshots
    return getattr(run, "gradient_snapshots", {}).get(kind, {})


def distinct_curve(run: RunData, quantity: str) -> tuple[np.ndarray, np.ndarray]:
    """(layers, distinct units) for the plot beside the map: the whole layer's count for
    the activations, the first 64 units' for the gradients."""
    if drawn(quantity) == "activations":
        done = run.forward_done
        return np.arange(1, done + 1, dtype=np.float64), np.maximum(run.distinct_units[:done], 1).astype(np.float64)
    corners = snapshots(run, quantity)
    layers = sorted(corners)
    counts = [distinct_count(run, quantity, k) for k in layers]
    return np.asarray(layers, dtype=np.float64), np.maximum(np.asarray(counts, dtype=np.float64), 1)


def distinct_count(run: RunData, quantity: str, layer: int) -> int:
    """Distinct units of ``layer`` in what is drawn (cached per run: a corner never changes)."""
    if drawn(quantity) == "activations":
        return int(run.distinct_units[layer - 1])
    cache = run.__dict__.setdefault("_distinct_gradients", {})
    key = (drawn(quantity), layer)
    if key not in cache:
        corner = snapshots(run, quantity).get(layer)
        cache[key] = 0 if corner is None else distinct_units(np.asarray(corner))
    return cache[key]


def distinct_title(quantity: str) -> str | None:
    """The distinct-units plot's title for the gradients (None: the activations' own)."""
    if drawn(quantity) == "activations":
        return None
    return tr("Distinct gradients among the first 64 units")


def colour_label(quantity: str) -> str:
    """The colour bar's label: what a colour stands for."""
    return {"activations": tr("activation a = φ(z)"), "gradients": tr("gradient dL/da"),
            "pre_gradients": tr("gradient dL/dz")}[drawn(quantity)]


def count_text(run: RunData, quantity: str, layer: int) -> str | None:
    """The sentence over the map for the gradients (None: the activations' own sentence)."""
    if drawn(quantity) == "activations":
        return None
    corner = snapshots(run, quantity).get(layer)
    if corner is None:
        return tr("Layer {0}: no gradients yet (turn on the backward pass)").format(layer)
    units = corner.shape[1]
    distinct = distinct_count(run, quantity, layer)
    if distinct == 1:
        return tr("Layer {0}: every one of the first {1} units gets the same gradient: "
                  "training cannot make them differ").format(layer, units)
    return tr("Layer {0}: {1} distinct gradients among the first {2} units").format(layer, distinct, units)
