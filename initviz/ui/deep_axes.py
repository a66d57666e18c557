"""Honest axes at the extremes, for the deep view's log plots and value axes.

- A log axis reaches the smallest non-zero value measured (a std of 7.7e-47 is drawn
  where it is), whole decades around the data.
- Zero has no place on a log axis, so zeros go on a row of their own one decade below
  the lowest, labelled "0" and set off by a dashed line: a dead fraction of 0 reads as 0,
  not as a small number.
- Non-finite values (a run that diverged) are left out, so a curve ends at the last
  finite layer.
- Tick labels are plain numbers near 1 and powers of ten beyond (10⁻⁴⁷, 4×10¹²⁶), and
  pyqtgraph's SI prefix ("(x1e+27)") is turned off.
"""

from __future__ import annotations

import math

import numpy as np

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
#: Decades shown as plain numbers (0.001 to 1000); beyond them, powers of ten.
PLAIN_DECADES = 3


def power_of_ten(exponent: int) -> str:
    """"10⁻⁴⁷" for -47; plain "0.001" .. "1000" within PLAIN_DECADES."""
    if abs(exponent) <= PLAIN_DECADES:
        return f"{10.0 ** exponent:g}"
    return "10" + str(exponent).translate(_SUPERSCRIPT)


def number_label(value: float, spacing: float = 0.0) -> str:
    """A tick label of a linear axis: "0.25", "1500", or "4×10¹²⁶" for very large or small
    values (``spacing``, the ticks' step, sets the mantissa's digits)."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    exponent = math.floor(math.log10(abs(value)))
    if -PLAIN_DECADES <= exponent <= 4:
        decimals = max(0, -math.floor(math.log10(spacing))) if spacing > 0 else 3
        return f"{value:.{min(decimals, 12)}f}" if spacing > 0 else f"{value:g}"
    mantissa = value / 10.0**exponent
    digits = 0
    if spacing > 0:  # enough digits to tell neighbouring ticks apart
        digits = max(0, min(3, exponent - math.floor(math.log10(spacing))))
    text = f"{mantissa:.{digits}f}"
    if text in ("1", "-1"):
        return ("-" if mantissa < 0 else "") + power_of_ten(exponent)
    return f"{text}×{power_of_ten(exponent)}"


def decades(values: np.ndarray) -> tuple[int, int] | None:
    """Whole decades (lo, hi) around the finite positive ``values``: lo at or below the
    smallest, hi at or above the largest, at least one decade apart; None without any."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v) & (v > 0)]
    if not v.size:
        return None
    lo, hi = math.floor(math.log10(v.min())), math.ceil(math.log10(v.max()))
    return lo, max(hi, lo + 1)


def has_zero(values: np.ndarray) -> bool:
    v = np.asarray(values, dtype=np.float64)
    return bool((v == 0).any())


def _step(lo: int, hi: int) -> int:
    """Decades between two labelled ticks: at most about seven labels."""
    return max(1, math.ceil((hi - lo) / 6))


def zero_row(lo: int, hi: int) -> int:
    """The decade where zeros are drawn: one tick step below the lowest of the data (a
    single decade under 10⁻¹⁰¹ on a hundred-decade axis leaves no room for its "0")."""
    return lo - _step(lo, hi)


def log_values(values: np.ndarray, zero_decade: int) -> np.ndarray:
    """``values`` for a log10 axis (pyqtgraph takes the log): zeros at 10^``zero_decade``
    (``zero_row``), non-finite and negative values as NaN (a gap), others as they are."""
    out = np.asarray(values, dtype=np.float64).copy()
    out[~np.isfinite(out) | (out < 0)] = np.nan
    out[out == 0] = 10.0 ** zero_decade
    return out


def log_ticks(lo: int, hi: int, zero: bool = False) -> list[list[tuple[float, str]]]:
    """Ticks of a log10 axis from 10^lo to 10^hi: every decade labelled (at most about
    seven: every second, third... beyond), 2 and 5 between when it spans at most three
    decades, and "0" on the zero row when ``zero``."""
    step = _step(lo, hi)
    major = [(float(k), power_of_ten(k)) for k in range(hi, lo - 1, -step)]  # counted from the top
    if major[-1][0] != lo:  # the lowest decade is labelled: the smallest value lies just above it
        if major[-1][0] - lo < step / 2:
            major.pop()  # too close to fit a label between
        major.append((float(lo), power_of_ten(lo)))
    minor = []
    if hi - lo <= 3:
        minor = [(math.log10(m) + k, f"{m * 10.0 ** k:g}") for k in range(lo, hi) for m in (2, 5)]
    if zero:
        major.append((float(zero_row(lo, hi)), "0"))
    return [sorted(major), minor]


def plain_ticks(axis) -> None:
    """Tick labels as ``number_label`` writes them, and no SI prefix or "(x1e+27)" scale."""
    axis.enableAutoSIPrefix(False)

    def tick_strings(values, scale, spacing):
        return [number_label(v * scale, spacing * scale) for v in values]

    axis.tickStrings = tick_strings
