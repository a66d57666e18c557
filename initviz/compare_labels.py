"""Short labels for compared runs: each names only what differs between the configurations.

Two runs that differ only in the scheme are labelled by their schemes ("He normal: √(2/n)"
beside "2/√n"); runs that differ in depth and activation by those two ("ReLU, depth 10").
Scheme texts come from the schemes' own labels and formulas (``engine.initializers.SCHEMES``),
with the run's numbers filled in; a variance-scaling scheme is written as its formula,
std = gain·√(scale/n) (Keras ``VarianceScaling``), simplified to c/√n where √scale is a
whole number (scale 4: 2/√n, the note's mistaken "He"). Qt-free: the window passes its
translations of ``WORDS`` and of the schemes' and activations' labels as ``translate``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from .engine import ACTIVATIONS, SCHEMES, InitSpec, SimulationConfig

#: The English templates of a label's parts; the window looks each up in its translation.
WORDS: dict[str, str] = {
    "gain": "gain {0}",
    "uniform": "{0}, uniform",
    "truncated": "{0}, truncated",
    "depth": "depth {0}",
    "width": "width {0}",
    "widths": "widths {0}",
    "features": "{0} features",
    "samples": "{0} samples",
    "no bias": "no bias",
    "bias": "bias {0}",
    "bias normal": "bias N(0, {0}²)",
    "input normal": "input N(0, 1)",
    "input uniform": "input U(−1, 1)",
    "seed": "seed {0}",
    "bins": "{0} bins",
    "range auto": "range auto",
    "range": "range {0} to {1}",
    "gradients": "with gradients",
    "no gradients": "no gradients",
    "pairs": "pairs c0 = {0}",
    "no pairs": "no pairs",
    "same": "same configuration",
}

#: The configuration's parts in the order a label names them.
PARTS = ("activation", "init", "depth", "width", "features", "samples", "bias", "input", "dtype", "seed", "bins",
         "hist_range", "gradients", "correlation")

#: How n is written in a variance-scaling formula, by mode.
_N = {"fan_in": "n", "fan_out": "n_out", "fan_avg": "n_avg"}


def _identity(text: str) -> str:
    return text


def number(x: float) -> str:
    """A parameter as a reader would write it: 0.01, 1.5, 1e-05."""
    return f"{x:.4g}"


def variance_scaling_formula(scale: float, gain: float, mode: str) -> str:
    """std = gain·√(scale/n) written as simply as it goes: c/√n where c = gain·√scale and
    √scale is whole (scale 4, gain 1: "2/√n"), else √(scale/n) with the gain in front."""
    n = _N[mode]
    root = math.sqrt(scale)
    if abs(root - round(root)) < 1e-12 and round(root) >= 1:
        return f"{number(gain * round(root))}/√{n}"
    text = f"√({number(scale)}/{n})"
    return text if gain == 1 else f"{number(gain)}·{text}"


def scheme_text(spec: InitSpec, translate: Callable[[str], str] = _identity) -> str:
    """The scheme with its numbers: "N(0, 0.01²)", "w = 0.1", "He normal: √(2/n)", "2/√n"."""
    words = _words(translate)
    name = spec.name
    if name == "constant":
        return f"w = {number(spec.value)}"
    if name == "zeros":
        return "w = 0"
    if name == "normal":
        return "N(0, 1)" if spec.std == 1 else f"N(0, {number(spec.std)}²)"
    if name == "truncated_normal":
        return words["truncated"].format(f"N(0, {number(spec.std)}²)")
    if name == "uniform":
        return f"U(−{number(spec.limit)}, {number(spec.limit)})"
    if name == "variance_scaling":
        text = variance_scaling_formula(spec.scale, spec.gain, spec.mode)
        if spec.distribution != "normal":
            text = words[spec.distribution].format(text)
        return text
    text = translate(SCHEMES[name].label)
    if "gain" in SCHEMES[name].parameters and spec.gain != 1:
        text = f"{text}, {words['gain'].format(number(spec.gain))}"
    return text


def part_text(config: SimulationConfig, part: str, translate: Callable[[str], str] = _identity) -> str:
    """How a label names ``part`` of ``config`` (one of PARTS)."""
    words = _words(translate)
    c = config
    if part == "activation":
        act = ACTIVATIONS[c.activation]
        text = translate(act.label)
        return text if act.param is None or c.activation_param is None else f"{text} {number(c.activation_param)}"
    if part == "init":
        return scheme_text(c.init, translate)
    if part == "depth":
        return words["depth"].format(c.depth)
    if part == "width":
        if len(set(c.width)) == 1:
            return words["width"].format(c.width[0])
        return words["widths"].format("-".join(str(w) for w in c.width[:4]) + ("-…" if len(c.width) > 4 else ""))
    if part in ("features", "samples", "seed", "bins"):
        return words[part].format(getattr(c, part))
    if part == "bias":
        if c.bias == "constant":
            return words["bias"].format(number(c.bias_value))
        return words["bias normal"].format(number(c.bias_std)) if c.bias == "normal" else words["no bias"]
    if part == "input":
        return words[f"input {c.input}"]
    if part == "dtype":
        return c.dtype
    if part == "hist_range":
        r = c.hist_range
        return words["range auto"] if r is None else words["range"].format(number(r[0]), number(r[1]))
    if part == "gradients":
        return words["gradients"] if c.gradients else words["no gradients"]
    if part == "correlation":
        return words["no pairs"] if c.correlation is None else words["pairs"].format(number(c.correlation))
    raise KeyError(part)


def differing_parts(configs: Sequence[SimulationConfig]) -> list[str]:
    """The PARTS in which any two of ``configs`` differ, in PARTS' order. Two settings that
    read the same (a bias value kept while there is no bias) do not count."""
    return [p for p in PARTS if len({part_text(c, p) for c in configs}) > 1]


def labels(configs: Sequence[SimulationConfig], translate: Callable[[str], str] = _identity) -> list[str]:
    """One short label per configuration, naming what differs among them all; identical
    configurations are each "same configuration"; a single one has an empty label."""
    if len(configs) == 1:  # nothing to tell it from
        return [""]
    parts = differing_parts(configs)
    if not parts:
        return [_words(translate)["same"]] * len(configs)
    return [", ".join(part_text(c, p, translate) for p in parts) for c in configs]


def _words(translate: Callable[[str], str]) -> dict[str, str]:
    return {key: translate(text) for key, text in WORDS.items()}
