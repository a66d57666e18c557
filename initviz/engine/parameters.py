"""One user-facing parameter described once, and the checks that give every wrong value
a one-line ``ConfigError`` naming the field and what is allowed.

A ``Parameter`` (an initialization scheme's std, an activation's slope...) carries what
the command line and the control panel need to offer it: name, label, default, allowed
values and a one-line help.
"""

from __future__ import annotations

import math
import numbers
import reprlib
from dataclasses import dataclass
from typing import Any


class ConfigError(ValueError):
    """A configuration value is wrong; the message names the field and what is allowed."""


#: Largest size of any number a user gives: its square, and the mean-field variances
#: built from it, stay finite in float64.
MAX_MAGNITUDE = 1e100
#: Characters of a bad value quoted in a message (a file may hold megabytes in one value).
QUOTE_CHARS = 40


def quoted(value: Any) -> str:
    """A short ``repr`` of ``value``: at most about QUOTE_CHARS characters, two levels
    of nesting and a few items, however large or deep the value is."""
    short = reprlib.Repr()
    short.maxlevel, short.maxlist, short.maxtuple, short.maxdict = 2, 4, 4, 4
    short.maxstring = short.maxlong = short.maxother = QUOTE_CHARS
    return short.repr(value)


def bounds_text(low: float | None, low_open: bool, high: float | None, high_open: bool) -> str:
    """What a number between the bounds is called in a message: "0 or more", "from 0 to below 1"."""
    if low is None and high is None:
        return "any finite number"
    if high is None:
        return f"greater than {low:g}" if low_open else f"{low:g} or more"
    if low is None:
        return f"less than {high:g}" if high_open else f"{high:g} or less"
    start = f"above {low:g}" if low_open else f"from {low:g}"
    return f"{start} {'to below' if high_open else 'to'} {high:g}"


def check_number(
    subject: str,
    value: Any,
    low: float | None = None,
    low_open: bool = False,
    high: float | None = None,
    high_open: bool = False,
) -> float:
    """``value`` as a finite float within the bounds and at most MAX_MAGNITUDE in size;
    ConfigError naming ``subject`` otherwise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ConfigError(f"{subject} must be a number, got {quoted(value)}")
    try:
        value = float(value)
    except OverflowError:  # an integer of hundreds of digits
        raise ConfigError(f"{subject} must be at most {MAX_MAGNITUDE:g} in size, got {quoted(value)}") from None
    if not math.isfinite(value):
        raise ConfigError(f"{subject} must be a finite number, got {value}")
    if abs(value) > MAX_MAGNITUDE:
        raise ConfigError(f"{subject} must be at most {MAX_MAGNITUDE:g} in size, got {value:g}")
    below = low is not None and (value <= low if low_open else value < low)
    above = high is not None and (value >= high if high_open else value > high)
    if below or above:
        raise ConfigError(f"{subject} must be {bounds_text(low, low_open, high, high_open)}, got {value:g}")
    return value


def check_choice(subject: str, value: Any, allowed: tuple[str, ...]) -> str:
    """``value`` when it is one of ``allowed``; ConfigError listing them otherwise."""
    if not isinstance(value, str) or value not in allowed:
        raise ConfigError(f"{subject} must be one of {', '.join(allowed)}; got {quoted(value)}")
    return value


@dataclass(frozen=True)
class Parameter:
    """A number (within ``low``/``high``; ``*_open`` excludes the bound) or, when
    ``choices`` is set, one of a few names. ``help`` is one line of plain text."""

    name: str
    label: str
    default: float | str
    help: str
    low: float | None = None
    low_open: bool = False
    high: float | None = None
    high_open: bool = False
    choices: tuple[str, ...] = ()

    def allowed(self) -> str:
        """The allowed values in words: "0 or more", "one of fan_in, fan_out, fan_avg"."""
        if self.choices:
            return f"one of {', '.join(self.choices)}"
        return bounds_text(self.low, self.low_open, self.high, self.high_open)

    def check(self, value: Any, subject: str | None = None) -> float | str:
        """The validated value; the ConfigError names ``subject`` (default: the name)."""
        subject = subject or self.name
        if self.choices:
            return check_choice(subject, value, self.choices)
        return check_number(subject, value, self.low, self.low_open, self.high, self.high_open)
