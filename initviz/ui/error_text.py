"""Messages about bad values, in the interface language, though the engine writes them in English.

The engine (pure NumPy, no Qt) and the number parser compose their messages in English
with the values inside ("depth must be from 1 to 10000, got 0"), and the command line
keeps them so. The window shows them through ``translated_error``, which recognises each
known message by a pattern, translates its template with ``tr`` and puts the values back
(field names translated too: "깊이"). A message no pattern knows is shown as it is; one
inside a longer text ("This configuration cannot be used: ...") is translated in place.
tests/test_error_text.py makes the engine's real messages and checks each is recognised.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

from .i18n import tr

_N = r"[-+]?[\d.,]+(?:e[-+]?\d+)?"  # a number as the engine prints it (:g, :, or plain)

#: The fields an engine message names; the parameters' names are translated by the
#: scheme tables (initviz/ui/i18n_sources.py).
SUBJECTS = (
    QT_TRANSLATE_NOOP("", "samples"), QT_TRANSLATE_NOOP("", "depth"), QT_TRANSLATE_NOOP("", "width"),
    QT_TRANSLATE_NOOP("", "features"), QT_TRANSLATE_NOOP("", "bins"), QT_TRANSLATE_NOOP("", "seed"),
    QT_TRANSLATE_NOOP("", "bias std"), QT_TRANSLATE_NOOP("", "bias value"), QT_TRANSLATE_NOOP("", "correlation"),
    QT_TRANSLATE_NOOP("", "learning rate"), QT_TRANSLATE_NOOP("", "batch"), QT_TRANSLATE_NOOP("", "iterations"),
    QT_TRANSLATE_NOOP("", "every"), QT_TRANSLATE_NOOP("", "bias"), QT_TRANSLATE_NOOP("", "input"),
    QT_TRANSLATE_NOOP("", "dtype"), QT_TRANSLATE_NOOP("", "optimizer"), QT_TRANSLATE_NOOP("", "activation"),
    QT_TRANSLATE_NOOP("", "init"), QT_TRANSLATE_NOOP("", "gradients"),
)

#: What a number between bounds is called (engine.parameters.bounds_text), longest first.
BOUNDS = (
    (rf"from (?P<a>{_N}) to below (?P<b>{_N})", QT_TRANSLATE_NOOP("", "from {a} to below {b}")),
    (rf"above (?P<a>{_N}) to below (?P<b>{_N})", QT_TRANSLATE_NOOP("", "above {a} to below {b}")),
    (rf"above (?P<a>{_N}) to (?P<b>{_N})", QT_TRANSLATE_NOOP("", "above {a} to {b}")),
    (rf"from (?P<a>{_N}) to (?P<b>{_N})", QT_TRANSLATE_NOOP("", "from {a} to {b}")),
    (rf"greater than (?P<a>{_N})", QT_TRANSLATE_NOOP("", "greater than {a}")),
    (rf"less than (?P<b>{_N})", QT_TRANSLATE_NOOP("", "less than {b}")),
    (rf"(?P<a>{_N}) or more", QT_TRANSLATE_NOOP("", "{a} or more")),
    (rf"(?P<b>{_N}) or less", QT_TRANSLATE_NOOP("", "{b} or less")),
    (r"any finite number", QT_TRANSLATE_NOOP("", "any finite number")),
)

_S = r"(?P<s>[A-Za-z_][A-Za-z_ ]*?)"  # the field a message starts with
#: (pattern, template): each message the window may show, the value-carrying parts named.
MESSAGES = (
    (rf"{_S} must be a whole number from (?P<a>{_N}) to (?P<b>{_N}), got (?P<v>.+)",
     QT_TRANSLATE_NOOP("", "{s} must be a whole number from {a} to {b}, got {v}")),
    (rf"{_S} must be a number, got (?P<v>.+)", QT_TRANSLATE_NOOP("", "{s} must be a number, got {v}")),
    (rf"{_S} must be a finite number, got (?P<v>.+)", QT_TRANSLATE_NOOP("", "{s} must be a finite number, got {v}")),
    (rf"{_S} must be at most (?P<a>{_N}) in size, got (?P<v>.+)",
     QT_TRANSLATE_NOOP("", "{s} must be at most {a} in size, got {v}")),
    (rf"{_S} must be one of (?P<a>[^;]+); got (?P<v>.+)", QT_TRANSLATE_NOOP("", "{s} must be one of {a}; got {v}")),
    (rf"{_S} must be true or false, got (?P<v>.+)", QT_TRANSLATE_NOOP("", "{s} must be true or false, got {v}")),
    (rf"{_S} must be (?P<bounds>.+?), got (?P<v>.+)", QT_TRANSLATE_NOOP("", "{s} must be {bounds}, got {v}")),
    (r"range must be two numbers LOW,HIGH; got (?P<v>.+)",
     QT_TRANSLATE_NOOP("", "range must be two numbers LOW,HIGH; got {v}")),
    (r"range must be two finite numbers with LOW < HIGH; got (?P<v>.+)",
     QT_TRANSLATE_NOOP("", "range must be two finite numbers with LOW < HIGH; got {v}")),
    (r"range width HIGH - LOW must be from 1e-30 to 1e308; got (?P<v>.+)",
     QT_TRANSLATE_NOOP("", "range width HIGH - LOW must be from 1e-30 to 1e308; got {v}")),
    (r"expected 'auto' or two numbers LOW, HIGH; got (?P<v>.+)",
     QT_TRANSLATE_NOOP("", "expected 'auto' or two numbers LOW, HIGH; got {v}")),
    (rf"width lists one number per (?:hidden )?layer: (?P<a>{_N}) expected, got (?P<b>{_N})",
     QT_TRANSLATE_NOOP("", "width lists one number per layer: {a} expected, got {b}")),
    (rf"correlation needs pairs of inputs: samples must be 2 or more, got (?P<v>{_N})",
     QT_TRANSLATE_NOOP("", "correlation needs pairs of inputs: samples must be 2 or more, got {v}")),
    (rf"this run needs about (?P<a>{_N}) GiB but only (?P<b>{_N}) GiB is available; lower samples or width",
     QT_TRANSLATE_NOOP("", "this run needs about {a} GiB but only {b} GiB is available; lower samples or width")),
    (rf"the network (?P<a>[\d-]+) has (?P<b>{_N}) parameters; at most (?P<c>{_N}) are allowed "
     r"\(fewer or narrower layers\)",
     QT_TRANSLATE_NOOP("", "the network {a} has {b} parameters; at most {c} are allowed (fewer or narrower layers)")),
    (r"a configuration must be a JSON object of field: value pairs",
     QT_TRANSLATE_NOOP("", "a configuration must be a JSON object of field: value pairs")),
    (r"unknown configuration field (?P<v>.+?); allowed: (?P<a>.+)",
     QT_TRANSLATE_NOOP("", "unknown configuration field {v}; allowed: {a}")),
    (r"init must be a scheme name, got (?P<v>.+)", QT_TRANSLATE_NOOP("", "init must be a scheme name, got {v}")),
    (r"configuration value of the wrong type: (?P<v>.+)",
     QT_TRANSLATE_NOOP("", "configuration value of the wrong type: {v}")),
    (r"not a finite number: (?P<v>.+)", QT_TRANSLATE_NOOP("", "not a finite number: {v}")),
    (r"not a number: (?P<v>.+)", QT_TRANSLATE_NOOP("", "not a number: {v}")),
    (r"empty", QT_TRANSLATE_NOOP("", "empty")),
    (r"too long", QT_TRANSLATE_NOOP("", "too long")),
    (r"exponent too large", QT_TRANSLATE_NOOP("", "exponent too large")),
    (r"unsupported expression", QT_TRANSLATE_NOOP("", "unsupported expression")),
    (r"(?P<v>.+?) is not a regular file", QT_TRANSLATE_NOOP("", "{v} is not a regular file")),
    (rf"(?P<v>.+?) is (?P<a>{_N}) bytes, more than the (?P<b>{_N}) allowed",
     QT_TRANSLATE_NOOP("", "{v} is {a} bytes, more than the {b} allowed")),
    (rf"(?P<v>.+?) is more than the (?P<b>{_N}) bytes allowed",
     QT_TRANSLATE_NOOP("", "{v} is more than the {b} bytes allowed")),
    (r"(?P<v>.+?) is not UTF-8 text \((?P<a>.+)\)", QT_TRANSLATE_NOOP("", "{v} is not UTF-8 text ({a})")),
    (r"(?P<v>.+?) is not JSON: (?P<a>.+) at line (?P<b>\d+), column (?P<c>\d+)",
     QT_TRANSLATE_NOOP("", "{v} is not JSON: {a} at line {b}, column {c}")),
    (r"the written file is incomplete \(is the disk full\?\)",
     QT_TRANSLATE_NOOP("", "the written file is incomplete (is the disk full?)")),
    (r"cannot write (?P<v>.+?): (?P<a>.+)", QT_TRANSLATE_NOOP("", "cannot write {v}: {a}")),
    (r"data file (?P<v>.+?) cannot be read: (?P<a>.+)", QT_TRANSLATE_NOOP("", "data file {v} cannot be read: {a}")),
    (r"(?P<v>.+?) is not a \.npz file \(a zip archive of NumPy arrays, numpy\.savez\)",
     QT_TRANSLATE_NOOP("", "{v} is not a .npz file (a zip archive of NumPy arrays, numpy.savez)")),
    (r"(?P<v>.+?): (?P<a>\w+) holds NaN or infinite values; only finite numbers are allowed",
     QT_TRANSLATE_NOOP("", "{v}: {a} holds NaN or infinite values; only finite numbers are allowed")),
)

_BOUNDS = [(re.compile(p), t) for p, t in BOUNDS]
_MESSAGES = [(re.compile(p + "$"), t) for p, t in MESSAGES]


def _bounds(text: str) -> str:
    for pattern, template in _BOUNDS:
        match = pattern.fullmatch(text)
        if match:
            return tr(template).format(**match.groupdict())
    return text


def _filled(match: re.Match, template: str) -> str:
    parts = {k: (v or "") for k, v in match.groupdict().items()}
    if "s" in parts:
        parts["s"] = tr(parts["s"].strip())
    if "bounds" in parts:
        parts["bounds"] = _bounds(parts["bounds"])
    return tr(template).format(**parts)


def translated_error(text: str) -> str:
    """``text`` with the engine's or the parser's message in it translated (unchanged if none)."""
    for pattern, template in _MESSAGES:
        # The message ends the text: at its start, or after "...: " (a field name, a prefix).
        for start in [0] + [m.end() for m in re.finditer(r": ", text)]:
            match = pattern.match(text, start)
            if match and (start == 0 or text[start - 2:start] == ": "):
                return text[:start] + _filled(match, template)
    return text
