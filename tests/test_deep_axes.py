"""The deep view's honest axes (initviz/ui/deep_axes.py): decades around the data, a zero
row, powers of ten. Expected values are worked out by hand here."""

import math

import numpy as np

from initviz.ui.deep_axes import decades, log_ticks, log_values, number_label, power_of_ten, zero_row


def test_decades_reach_the_smallest_non_zero_value():
    values = np.array([1.0, 0.3, 7.7e-47, 0.0, np.inf, np.nan, -1.0])
    assert decades(values) == (-47, 0)
    assert decades(np.array([0.0, np.nan])) is None
    assert decades(np.array([5.0])) == (0, 1)  # at least one decade


def test_zeros_go_on_their_own_row_below_the_lowest_decade():
    lo, _hi = decades(np.array([1e-3, 0.5]))
    y = log_values(np.array([0.0, 1e-3, 0.5, np.inf, -2.0]), zero_row(lo, _hi))
    assert zero_row(lo, _hi) == -4
    assert zero_row(-101, 0) == -101 - 17  # a tick step below on a long axis: room for "0"
    assert y[0] == 1e-4 and y[1] == 1e-3 and y[2] == 0.5
    assert math.isnan(y[3]) and math.isnan(y[4])  # a diverged layer ends the curve


def test_log_ticks_label_both_ends_and_the_zero_row():
    major, minor = log_ticks(-47, 0, zero=True)
    places = [k for k, _ in major]
    assert places[0] == -55 and dict(major)[-55.0] == "0"
    assert -47.0 in places and 0.0 in places
    assert dict(major)[-47.0] == "10⁻⁴⁷" and dict(major)[0.0] == "1"
    assert len(major) <= 9 and minor == []
    gaps = np.diff(sorted(places[1:]))
    assert gaps.min() >= 4  # no two labels crowded together
    major, minor = log_ticks(-3, 0)
    assert [label for _, label in major] == ["0.001", "0.01", "0.1", "1"]
    assert ("0.2" in [label for _, label in minor]) and len(minor) == 6


def test_powers_of_ten_and_linear_labels():
    assert power_of_ten(126) == "10¹²⁶" and power_of_ten(-5) == "10⁻⁵" and power_of_ten(2) == "100"
    assert number_label(4e126, 1e126) == "4×10¹²⁶"
    assert number_label(-2.5e126, 5e125) == "-2.5×10¹²⁶"
    assert number_label(1e126, 1e126) == "10¹²⁶"
    assert number_label(0.5, 0.5) == "0.5" and number_label(0.0, 0.5) == "0"
    assert number_label(20000, 10000) == "20000"
    assert "e+" not in number_label(3e30, 1e30)
