"""Each lecture step's one number, picked from what the window (or a headless run) measured.

A picker gets the step's runs as the window holds them: for simulations, objects with
``series[quantity].std`` / ``.predicted_std`` / ``.filled`` (arrays by layer),
``distinct_units`` and ``units`` (``initviz.ui.rundata.RunData``); for training, objects
with ``title`` and ``summary.final_loss`` (``initviz.ui.training_data.TrainingRun``).
It returns None until the numbers it needs have arrived. Texts are English templates,
marked for translation and filled with already formatted numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..engine.phase import NoCriticalPoint, critical_sigma_w2, phase_point, point_of


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark ``text`` for translation (context ""); the window translates it with ``tr``."""
    return text


@dataclass(frozen=True)
class Highlight:
    """The highlighted number: ``template`` (English, translated at display) and its
    already formatted values, ``template.format(*values)``."""

    template: str
    values: tuple[str, ...]

    def text(self, translate: Callable[[str], str] = str) -> str:
        return translate(self.template).format(*self.values)


Picker = Callable[[Sequence, object], "Highlight | None"]


def number(x: float | None, digits: int = 2) -> str:
    """A short number: 0.83, 41, 2.3e-07; "-" for None or NaN."""
    if x is None or math.isnan(x):
        return "-"
    if not math.isfinite(x):
        return "∞" if x > 0 else "−∞"
    if x != 0 and (abs(x) < 0.01 or abs(x) >= 10**5):
        mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    if abs(x) >= 10 ** (digits - 1):
        return f"{x:.0f}"
    return f"{x:#.{digits}g}".rstrip(".")


def percent(x: float) -> str:
    return f"{100 * x:.0f}%"


def _stds(run, quantity: str) -> np.ndarray | None:
    """The std of every layer, or None until every layer has arrived."""
    series = run.series[quantity]
    if not series.filled.all():
        return None
    return np.asarray(series.std, dtype=np.float64)


def per_layer_factor(values: np.ndarray) -> float:
    """The geometric mean of the layer-to-layer ratios, last layer over first."""
    return float((values[-1] / values[0]) ** (1.0 / (len(values) - 1)))


def distinct_units(runs, _step) -> Highlight | None:
    run = runs[0]
    if not run.series["activations"].filled.all():
        return None
    most = int(np.max(run.distinct_units))
    return Highlight(QT_TR_NOOP("distinct units: {0} of {1}, in every layer") if most == int(np.min(
        run.distinct_units)) else QT_TR_NOOP("distinct units: at most {0} of {1}"), (str(most), str(int(run.units[0]))))


def gradient_kept(runs, step) -> Highlight | None:
    """dL/dz from the top layer down: its change per layer, and chi_1 of the run."""
    dz = _stds(runs[0], "pre_gradients")
    if dz is None:
        return None
    sigma_w2, sigma_b2 = point_of(step.config)
    chi = phase_point(step.config.activation, sigma_w2, sigma_b2).chi1
    top = len(dz)
    return Highlight(QT_TR_NOOP("dL/dz std: {0} at layer {1}, {2} at layer 1 (×{3} per layer; χ₁ = {4})"),
                     (number(dz[-1]), str(top), number(dz[0]), number(per_layer_factor(dz[::-1])), number(chi)))


def gradient_shrinks(runs, _step) -> Highlight | None:
    """How many times dL/dz shrinks per layer on its way down."""
    dz = _stds(runs[0], "pre_gradients")
    if dz is None:
        return None
    return Highlight(QT_TR_NOOP("dL/dz shrinks {0}× per layer: std {1} at layer {2}, {3} at layer 1"),
                     (number(1 / per_layer_factor(dz[::-1])), number(dz[-1]), str(len(dz)), number(dz[0])))


def gradient_shrinks_spread_kept(runs, _step) -> Highlight | None:
    dz = _stds(runs[0], "pre_gradients")
    act = _stds(runs[0], "activations")
    if dz is None or act is None:
        return None
    return Highlight(QT_TR_NOOP("activation std at layer {0}: {1};  dL/dz shrinks {2}× per layer"),
                     (str(len(act)), number(act[-1]), number(1 / per_layer_factor(dz[::-1]))))


def activations_shrink(runs, _step) -> Highlight | None:
    act = _stds(runs[0], "activations")
    if act is None:
        return None
    return Highlight(QT_TR_NOOP("activation std shrinks {0}× per layer: {1} at layer 1, {2} at layer {3}"),
                     (number(1 / per_layer_factor(act)), number(act[0]), number(act[-1]), str(len(act))))


def variance_halves(runs, _step) -> Highlight | None:
    act = _stds(runs[0], "activations")
    if act is None:
        return None
    return Highlight(QT_TR_NOOP("variance ×{0} per layer (predicted ×0.5): std {1} at layer 1, {2} at layer {3}"),
                     (number(per_layer_factor(act) ** 2), number(act[0]), number(act[-1]), str(len(act))))


def spread_holds(runs, _step) -> Highlight | None:
    run = runs[0]
    act = _stds(run, "activations")
    if act is None:
        return None
    predicted = np.asarray(run.series["activations"].predicted_std, dtype=np.float64)
    return Highlight(QT_TR_NOOP("std at layer 1: {0}, at layer {1}: {2}; predicted {3} in every layer"),
                     (number(act[0]), str(len(act)), number(act[-1]), number(float(np.nanmean(predicted)))))


def two_runs_last_std(runs, _step) -> Highlight | None:
    """The std of the last layer in each of the two runs, and the first run's change per layer."""
    if len(runs) < 2:
        return None
    first, second = _stds(runs[0], "activations"), _stds(runs[1], "activations")
    if first is None or second is None:
        return None
    return Highlight(QT_TR_NOOP("std at layer {0}: {1} with 2/√n (×{2} per layer), {3} with √(2/n)"),
                     (str(len(first)), number(first[-1]), number(per_layer_factor(first)), number(second[-1])))


def first_layer_spread(runs, _step) -> Highlight | None:
    """Pre-activation std of the first layer (where the widths differ) in both runs."""
    if len(runs) < 2:
        return None
    first, second = _stds(runs[0], "preactivations"), _stds(runs[1], "preactivations")
    if first is None or second is None:
        return None
    return Highlight(QT_TR_NOOP("z std at layer 1: {0} with 1/√fan_in, {1} with √(2/(fan_in + fan_out))"),
                     (number(first[0]), number(second[0])))


def deep_drift(runs, _step) -> Highlight | None:
    run = runs[0]
    act = _stds(run, "activations")
    if act is None:
        return None
    predicted = float(run.series["activations"].predicted_std[-1])
    depth, width = len(act), int(run.units[-1])
    return Highlight(QT_TR_NOOP("std at layer {0}: {1}, predicted {2} (depth/width = {3})"),
                     (str(depth), number(act[-1]), number(predicted), number(depth / width)))


def critical_point(_runs, step) -> Highlight | None:
    """The critical sigma_w2 at the step's sigma_b2, and chi_1 of the step's run (engine.phase)."""
    sigma_w2, sigma_b2 = point_of(step.config)
    try:
        critical = critical_sigma_w2(step.config.activation, sigma_b2)
    except NoCriticalPoint:
        return None
    chi = phase_point(step.config.activation, sigma_w2, sigma_b2).chi1
    return Highlight(QT_TR_NOOP("critical σ_w² at σ_b² = {0}: {1};  this run: χ₁ = {2}"),
                     (f"{sigma_b2:g}", f"{critical:.2f}", f"{chi:.3f}"))


def final_losses(runs, _step) -> Highlight | None:
    """Each training run's final loss (the mean of its last 100), once all are done."""
    if not runs or any(getattr(r, "summary", None) is None for r in runs):
        return None
    parts = ", ".join(f"{r.title} {r.summary.final_loss:.2f}" for r in runs)
    return Highlight(QT_TR_NOOP("final loss: {0} (ln 10 = 2.30: chance)"), (parts,))
