"""The control panel's number and range parsing (Qt-free helpers of the window)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import math  # noqa: E402

import pytest  # noqa: E402

from initviz.ui.numbers import format_number, parse_number, parse_range  # noqa: E402


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.01", 0.01), ("1e-3", 1e-3), ("1/sqrt(100)", 0.1), ("2/sqrt(100)", 0.2), ("sqrt(2/100)", math.sqrt(0.02)),
     ("2^3", 8.0), ("0,5", 0.5), (" -1.5 ", -1.5), ("pi/2", math.pi / 2), ("5/3", 5 / 3)],
)
def test_numbers_and_formulas(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1/0", "__import__('os')", "9**9**9", "sqrt(-1)", "1/sqrt(", "x" * 200,
                                  "exp(1000)", "(1).real", "[1]"])
def test_anything_else_is_a_one_line_value_error(text):
    with pytest.raises(ValueError) as info:
        parse_number(text)
    assert "\n" not in str(info.value)


def test_ranges():
    assert parse_range("auto") is None and parse_range("") is None
    assert parse_range("0, 1") == (0.0, 1.0)
    assert parse_range("-1 1") == (-1.0, 1.0)
    with pytest.raises(ValueError):
        parse_range("0, 1, 2")


@pytest.mark.parametrize("x", [0.01, 1.0, 2.0, 1 / 3, 1e-7, 123456.0, -0.5])
def test_format_round_trips(x):
    assert parse_number(format_number(x)) == x
