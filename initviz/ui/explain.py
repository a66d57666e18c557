"""What each number on screen measures, in one sentence: hover texts, the abbreviations
under the figure and the Guide all take their words from here.

The definitions are the engine's (``initviz.engine.statistics``): "saturated" is the
share of a layer's pre-activations z in the regions where the activation's slope
|phi'(z)| is under 5% of its largest slope (``SATURATION_SHARE``), so the sentence names
those regions for the activation at hand: |z| > 4.36 for sigmoid, z < 0 for ReLU.
"""

from __future__ import annotations

import functools
import math

from ..engine import ACTIVATIONS
from ..engine.activations import SATURATION_SHARE
from .i18n import tr

#: Bounds closer to 0 than this are 0 (the grid search of the saturation regions ends
#: within a rounding of ReLU's kink).
_ZERO = 1e-9


@functools.lru_cache(maxsize=32)
def saturation_region(activation: str, parameter: float | None = None) -> str:
    """Where ``activation`` counts as saturated, in words: "|z| > 4.36", "z < 0",
    "z < -3 or -0.9 < z < -0.63"; "" when it never is (linear)."""
    intervals = ACTIVATIONS[activation].saturation_intervals(parameter)
    clean = [tuple(0.0 if abs(b) < _ZERO else float(b) for b in pair) for pair in intervals]
    if len(clean) == 2 and math.isinf(clean[0][0]) and math.isinf(clean[1][1]) \
            and math.isclose(-clean[0][1], clean[1][0], rel_tol=1e-6):
        return f"|z| > {clean[1][0]:.3g}"
    parts = []
    for lo, hi in clean:
        if math.isinf(lo):
            parts.append(f"z < {hi:.3g}")
        elif math.isinf(hi):
            parts.append(f"z > {lo:.3g}")
        else:
            parts.append(f"{lo:.3g} < z < {hi:.3g}")
    return tr(" or ").join(parts)


def saturated_text(activation: str, parameter: float | None = None) -> str:
    """One sentence on "sat.": what it measures and what it means for this activation."""
    share = f"{100 * SATURATION_SHARE:g}%"
    region = saturation_region(activation, parameter)
    head = tr("saturated: the share of the layer's pre-activations z (all samples and units) where the "
              "slope |φ′(z)| is under {0} of the activation's largest slope, so almost no gradient passes")
    text = head.format(share)
    if not region:
        return text + tr("; {0} has the same slope everywhere and never saturates.").format(
            tr(ACTIVATIONS[activation].label))
    if region == "z < 0":
        return text + tr("; for {0} that is every negative input, so about 50% is normal.").format(
            tr(ACTIVATIONS[activation].label))
    return text + tr("; for {0} that is {1}.").format(tr(ACTIVATIONS[activation].label), region)


def statistic_texts(activation: str = "relu", parameter: float | None = None) -> dict[str, str]:
    """Each statistic's one-sentence explanation, by the word that starts its line under a histogram."""
    return {
        "mean": tr("mean: the average of the layer's values over every sample and unit."),
        "std": tr("std: the standard deviation of the layer's values over every sample and unit "
                  "(population std, sqrt(mean((x - mean)²)))."),
        "pred.": tr("pred.: the std the mean-field theory predicts for infinitely wide layers, from "
                    "q_l = σ_w² E[φ(√q_(l-1) z)²] + σ_b² (Poole et al. 2016); far from the measured std "
                    "when the layers are narrow for their depth."),
        "sat.": saturated_text(activation, parameter),
        "dead": tr("dead: the share of the layer's units that output exactly 0 for every sample of the batch; "
                   "no gradient flows through them (a dying ReLU)."),
        "outside": tr("outside: the share of the layer's values beyond the histogram's range, "
                      "counted but drawn in no bar (widen Range, or set it to auto)."),
        "non-finite": tr("non-finite: how many values are NaN or infinite (the run diverged)."),
    }


def abbreviations(quantity: str = "activations") -> str:
    """The footnote under the side-by-side histograms: the short words, each defined briefly."""
    parts = [tr("pred. = predicted std (mean-field)")]
    if quantity == "activations":
        parts.append(tr("sat. = saturated: slope |φ′(z)| < 5% of its peak"))
        parts.append(tr("dead = units at 0 for every sample"))
    parts.append(tr("outside = beyond the x range"))
    return tr("{0}. Hover for more.").format(" · ".join(parts))
