"""Number fields of the control panel: a formula's value shown beside it, and one red
frame for every bad value.

A field takes a plain number or a formula ("2/sqrt(100)"); while the text is a formula
that parses, its value is shown at the field's right end ("= 0.2"), so the lecturer sees
what the note's expression gives. ``value()`` checks the text and, when the field has
one, the allowed range (``check``): either failure frames the field in the error colour
and raises ConfigError with the one-line message, so "abc" and "-1" are shown alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ..engine import ConfigError
from .i18n import tr
from .numbers import format_number, parse_number, parse_range

#: The frame of a field holding a bad value (Okabe-Ito vermillion: seen by everyone).
INVALID_STYLE = "border: 2px solid #D55E00;"


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Frame ``widget`` in the error colour, or take the frame away."""
    style = INVALID_STYLE if invalid else ""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)
    widget.setProperty("invalid", invalid)


def is_plain_number(text: str) -> bool:
    """True for "0.01", "-1e-3", "0,5": text whose value needs no showing."""
    text = text.strip().replace(",", ".")
    try:
        float(text)
    except ValueError:
        return False
    return True


def formula_value(text: str) -> str:
    """"= 0.2" for a formula that parses, "" for a plain number or a bad text."""
    if not text.strip() or is_plain_number(text):
        return ""
    try:
        return f"= {parse_number(text):.6g}"
    except ValueError:
        return ""


class _Valued(QLineEdit):
    """A line edit with a muted label at its right end for the text's value."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.shown_value = QLabel(self)
        self.shown_value.setObjectName("formulaValue")
        self.textChanged.connect(self._show_value)

    def _value_text(self, text: str) -> str:
        return formula_value(text)

    def _show_value(self, text: str) -> None:
        shown = self._value_text(text)
        self.shown_value.setText(shown)
        self.shown_value.setVisible(bool(shown))
        palette = self.shown_value.palette()
        palette.setColor(QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.PlaceholderText))
        self.shown_value.setPalette(palette)
        self._place()

    def _place(self) -> None:
        label = self.shown_value
        width = label.sizeHint().width() if label.isVisible() else 0
        self.setTextMargins(0, 0, width + 6 if width else 0, 0)
        label.setGeometry(self.width() - width - 8, 0, width, self.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._place()


class NumberField(_Valued):
    """A line edit holding a number or formula; ``value()`` raises ConfigError naming the
    field. ``check``, when set, validates the number (a ``Parameter.check``)."""

    def __init__(self, name: str, tip: str, parent=None, check: Callable[[float], float] | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.check = check
        self.setToolTip(tip)
        self.setPlaceholderText(self.tr("number or formula"))

    def value(self) -> float:
        try:
            value = parse_number(self.text())
            if self.check is not None:
                self.check(value)
        except ConfigError:
            mark_invalid(self, True)
            raise
        except ValueError as exc:
            mark_invalid(self, True)
            raise ConfigError(tr("{0}: {1}").format(self.name, exc)) from None
        mark_invalid(self, False)
        return value

    def set_value(self, value: float) -> None:
        self.setText(format_number(value))


class RangeField(_Valued):
    """The histogram range: "auto" or "LOW, HIGH" (each a number or formula), LOW < HIGH."""

    def _value_text(self, text: str) -> str:
        try:
            parsed = parse_range(text)
        except ValueError:
            return ""
        parts = [p for p in text.replace(";", " ").replace(",", " ").split() if p]
        if parsed is None or all(is_plain_number(p) for p in parts):
            return ""
        return f"= {parsed[0]:.4g}, {parsed[1]:.4g}"

    def value(self) -> tuple[float, float] | None:
        try:
            parsed = parse_range(self.text())
        except ValueError as exc:
            mark_invalid(self, True)
            raise ConfigError(tr("range: {0}").format(exc)) from None
        if parsed is not None and not parsed[0] < parsed[1]:
            mark_invalid(self, True)
            raise ConfigError(f"range must be two finite numbers with LOW < HIGH; got {parsed[0]:g},{parsed[1]:g}")
        mark_invalid(self, False)
        return parsed
