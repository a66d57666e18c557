"""Pinned runs: up to four configurations kept on screen while the controls change (Qt-free).

A comparison is the pinned configurations plus the current one (the controls'), unless the
current one is pinned already. What is measured and how it is binned (``SHARED``: the seed,
the bins, the range, the backward pass) follows the controls in every pinned run, so that
compared runs see the same inputs and the same underlying weight draws wherever their shapes
agree (``engine.network``: one random stream per layer, from the seed) and their histograms
share their bins. The same list serves the training comparison (``training_configs``), and
it is saved with the configuration file as a "pinned" list of configurations.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .compare_labels import labels
from .engine import ACTIVATIONS, ConfigError, SimulationConfig

#: At most this many pinned runs (five runs with the current one: five colours).
MAX_PINS = 4
#: Fields every pinned run takes from the controls.
SHARED = ("seed", "bins", "hist_range", "gradients")
#: The runs' letters, in pinning order; the current run takes the next one.
LETTERS = "ABCDE"
#: The key of the pinned list in a configuration file.
FILE_KEY = "pinned"


class PinError(ValueError):
    """A pin that cannot be made (the list is full); the message says why."""


@dataclass(frozen=True)
class ComparedRun:
    """One run of a comparison: its letter, its label (what differs), its configuration and
    whether it is pinned (the current run may not be)."""

    letter: str
    label: str
    config: SimulationConfig
    pinned: bool

    @property
    def title(self) -> str:
        return f"{self.letter}: {self.label}" if self.label else self.letter


@dataclass(frozen=True)
class Pinned:
    """The pinned configurations, in pinning order (as they were pinned: ``SHARED`` fields are
    taken from the current configuration when compared)."""

    configs: tuple[SimulationConfig, ...] = ()

    def __len__(self) -> int:
        return len(self.configs)

    def add(self, config: SimulationConfig) -> Pinned:
        """``config`` pinned; the same list when it is pinned already; PinError when full."""
        if any(follow(p, config) == config for p in self.configs):
            return self
        if len(self.configs) >= MAX_PINS:
            raise PinError(f"at most {MAX_PINS} runs can be pinned; unpin one first")
        return Pinned(self.configs + (config,))

    def remove(self, index: int) -> Pinned:
        return Pinned(self.configs[:index] + self.configs[index + 1:])

    def compared(self, current: SimulationConfig, translate=None) -> list[ComparedRun]:
        """The runs to show: every pin (with the current ``SHARED`` fields), then the current
        configuration unless it is one of them. One run when nothing is pinned."""
        configs = [follow(p, current) for p in self.configs]
        pinned = [True] * len(configs)
        if current not in configs:
            configs.append(current)
            pinned.append(False)
        texts = labels(configs, translate) if translate else labels(configs)
        return [ComparedRun(LETTERS[i], texts[i], c, p) for i, (c, p) in enumerate(zip(configs, pinned))]

    def to_json(self) -> list[dict]:
        return [c.to_dict() for c in self.configs]

    @classmethod
    def from_json(cls, value) -> tuple[Pinned, list[str]]:
        """The pinned list of a file or of the settings, and one line per entry that could not
        be used (the others are kept)."""
        if value is None:
            return cls(), []
        if not isinstance(value, list):
            return cls(), [f"\"{FILE_KEY}\" must be a list of configurations; it was ignored"]
        configs: list[SimulationConfig] = []
        problems: list[str] = []
        for i, entry in enumerate(value, start=1):
            if len(configs) >= MAX_PINS:
                problems.append(f"pinned run {i} was ignored: at most {MAX_PINS} runs can be pinned")
                continue
            try:
                configs.append(SimulationConfig.from_dict(entry))
            except ConfigError as exc:
                problems.append(f"pinned run {i} was ignored: {exc}")
        return cls(tuple(configs)), problems


def follow(pinned: SimulationConfig, current: SimulationConfig) -> SimulationConfig:
    """``pinned`` with the ``SHARED`` fields of ``current``."""
    changes = {name: getattr(current, name) for name in SHARED if getattr(pinned, name) != getattr(current, name)}
    return pinned.replace(**changes) if changes else pinned


def split_file(data) -> tuple[object, object]:
    """A configuration file's mapping as (the configuration's fields, the pinned list or None);
    anything that is not a mapping is returned whole, for ``SimulationConfig.from_dict`` to refuse."""
    if not isinstance(data, dict) or FILE_KEY not in data:
        return data, None
    fields = dict(data)
    return fields, fields.pop(FILE_KEY)


def file_data(config: SimulationConfig, pinned: Pinned) -> dict:
    """What a configuration file holds: the configuration's fields, and "pinned" when any."""
    data = config.to_dict()
    if pinned.configs:
        data[FILE_KEY] = pinned.to_json()
    return data


# -- a shared x range ---------------------------------------------------------------------
#: Half-width of a fitted range in root-mean-squares, as the engine's automatic edges
#: (``engine.edges.SPREAD``).
SPREAD = 4.0


def nice_ceiling(x: float) -> float:
    """The next of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 x 10^k at or above ``x`` > 0."""
    mag = 10.0 ** math.floor(math.log10(x))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * mag >= x * (1 - 1e-12):
            return float(f"{m * mag:.6g}")  # 3 x 0.1 is 0.30000000000000004
    return float(f"{10 * mag:.6g}")


def fit_range(moments: Sequence[tuple[float, float]], lower_bound: float | None = None,
              natural: tuple[float, float] | None = None) -> tuple[float, float] | None:
    """A range holding every layer of every run: ±SPREAD root-mean-squares sqrt(mean² + std²)
    around 0, the largest over ``moments`` ((mean, std) pairs, non-finite ones skipped), from
    ``lower_bound`` up where the activation has one (ReLU: 0), within its ``natural`` range
    where bounded (sigmoid: (0, 1)); rounded up to a round number. None when nothing is finite."""
    rms = [math.hypot(m, s) for m, s in moments if math.isfinite(m) and math.isfinite(s)]
    rms = [r for r in rms if r > 0]
    if natural is not None:
        return natural
    if not rms:
        return None
    hi = nice_ceiling(SPREAD * max(rms))
    return (float(lower_bound), hi) if lower_bound is not None and lower_bound < hi else (-hi, hi)


def predicted_moments(config: SimulationConfig) -> list[tuple[float, float]]:
    """The mean-field (mean, std) of every layer's activations (``engine.prediction``), for a
    range fitted before a run; empty where the theory does not apply (constant weights)."""
    from .engine.network import Network
    from .engine.prediction import predictions

    return [(p.act_mean, p.act_std) for p in predictions(config, Network(config)) or []]


def fit_for(runs: Sequence[tuple[SimulationConfig, Sequence[tuple[float, float]]]]) -> tuple[float, float] | None:
    """One range for several runs, each (configuration, its layers' (mean, std)): the union of
    their ``fit_range``s, each bounded by its own activation. None when no run has a finite layer."""
    ranges = []
    for config, moments in runs:
        act = ACTIVATIONS[config.activation]
        lower = act.lower_bound(act.parameter(config.activation_param)) if act.lower_bound else None
        r = fit_range(moments, lower, act.natural_range)
        if r is not None:
            ranges.append(r)
    if not ranges:
        return None
    return min(r[0] for r in ranges), max(r[1] for r in ranges)
