"""What an exported figure says about itself: its title, its configuration footer and
its file name.

A figure that leaves the window (a slide, a handout, a spreadsheet) loses the control
panel beside it; the title and the one-line footer put back what the audience needs to
read it: activation, scheme with its formula, depth, width and seed. The default file
name says the same in a few characters (``relu_he_depth5_seed20150206.png``).
"""

from __future__ import annotations

import re

from ..engine import ACTIVATIONS, SCHEMES, SimulationConfig
from ..engine.initializers import PARAMETERS
from .i18n import tr
from .numbers import format_number

#: What each quantity is called in a title (the Show menu's words).
QUANTITY_NAMES = {
    "activations": "activations a = φ(z)",
    "preactivations": "pre-activations z = xW + b",
    "gradients": "gradients dL/da",
    "pre_gradients": "gradients dL/dz",
    "weight_gradients": "weight gradients dL/dW",
}

#: Symbols of the scheme parameters in a footer (σ for the std, as the formulas write it).
_SYMBOLS = {"std": "σ", "value": "c", "limit": "a"}


def scheme_text(config: SimulationConfig) -> str:
    """The scheme with its formula and the values of its parameters:
    "He normal: √(2/n) (σ = gain·√(2/fan_in), gain = 1)"."""
    scheme = SCHEMES[config.init.name]
    values = []
    for name in scheme.parameters:
        value = getattr(config.init, name)
        shown = value if isinstance(value, str) else format_number(value)
        values.append(f"{_SYMBOLS.get(name, tr(PARAMETERS[name].name))} = {shown}")
    inside = "; ".join([tr(scheme.formula), ", ".join(values)] if values else [tr(scheme.formula)])
    return f"{tr(scheme.label)} ({inside})"


def width_text(config: SimulationConfig) -> str:
    widths = sorted(set(config.width))
    if len(widths) == 1:
        return str(widths[0])
    return f"{widths[0]}-{widths[-1]}"


def config_footer(config: SimulationConfig) -> str:
    """One line: activation, scheme with its formula, depth, width, seed (and bias, when there is one)."""
    act = ACTIVATIONS[config.activation]
    parts = [tr(act.label), scheme_text(config), tr("depth {0}").format(config.depth),
             tr("width {0}").format(width_text(config))]
    if config.bias == "normal":
        parts.append(tr("bias std {0}").format(format_number(config.bias_std)))
    elif config.bias == "constant":
        parts.append(tr("bias {0}").format(format_number(config.bias_value)))
    parts.append(tr("seed {0}").format(config.seed))
    return " · ".join(parts)


def figure_title(config: SimulationConfig, quantity: str = "activations", preset_title: str | None = None) -> str:
    """The preset's title, or "ReLU, He normal: √(2/n)", then what is counted."""
    head = preset_title or f"{tr(ACTIVATIONS[config.activation].label)}, {tr(SCHEMES[config.init.name].label)}"
    return f"{head}: {tr(QUANTITY_NAMES.get(quantity, quantity))}"


def footer_lines(runs: list, limit: int = 4) -> list[str]:
    """One footer line per run (at most ``limit``): the configuration, after the run's
    title when several runs share the figure."""
    runs = list(runs)[:limit]
    if len(runs) == 1:
        return [config_footer(runs[0].config)]
    return [f"{run.title}: {config_footer(run.config)}" if run.title else config_footer(run.config) for run in runs]


def _slug(text: str) -> str:
    """Only letters, digits, dots and hyphens: a name every file system and shell takes."""
    return re.sub(r"[^A-Za-z0-9.\-]+", "-", text).strip("-.") or "x"


def file_stem(config: SimulationConfig, quantity: str = "activations") -> str:
    """``relu_he_depth5_seed20150206``: activation, scheme (with a free parameter's value),
    depth, seed, and the quantity when it is not the activations."""
    init = config.init
    scheme = init.name
    free = [name for name in SCHEMES[scheme].parameters if name in ("std", "value", "limit")]
    if free:  # the book's "std 0.01" reads as sigmoid_std0.01_...
        scheme = ("std" if scheme == "normal" else scheme) + _slug(format_number(getattr(init, free[0])))
    parts = [config.activation, scheme, f"depth{config.depth}", f"seed{config.seed}"]
    if quantity != "activations":
        parts.append(quantity)
    return "_".join(_slug(p) for p in parts)


def default_file_name(config: SimulationConfig, suffix: str, quantity: str = "activations") -> str:
    """The file name offered by an export dialog: ``file_stem`` plus ``suffix`` (".png")."""
    return file_stem(config, quantity) + suffix
