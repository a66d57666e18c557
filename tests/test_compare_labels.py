"""Labels of compared runs name what differs, with the schemes' own labels and formulas."""

import math

import pytest

from initviz.compare_labels import differing_parts, labels, scheme_text, variance_scaling_formula
from initviz.engine import SCHEMES, InitSpec, SimulationConfig

BOOK = dict(activation="relu", depth=5, width=100, samples=1000, features=100, seed=20150206)


def test_the_notes_mistake_beside_he_names_only_the_schemes():
    mistake = SimulationConfig(init=InitSpec("variance_scaling", scale=4.0), **BOOK)
    he = SimulationConfig(init="he", **BOOK)
    assert labels([mistake, he]) == ["2/√n", SCHEMES["he"].label]
    assert SCHEMES["he"].label == "He normal: √(2/n)"


def test_the_formula_is_the_std_it_draws():
    # std = gain * sqrt(scale / n) (Keras VarianceScaling): check the text against the number
    for scale, gain, text in ((4.0, 1.0, "2/√n"), (1.0, 1.0, "1/√n"), (9.0, 0.5, "1.5/√n"),
                              (2.0, 1.0, "√(2/n)"), (3.0, 2.0, "2·√(3/n)")):
        assert variance_scaling_formula(scale, gain, "fan_in") == text
        n = 100.0
        coefficient = gain * math.sqrt(scale)
        if "·" in text:
            assert float(text.split("·")[0]) * math.sqrt(float(text.split("(")[1].split("/")[0]) / n) == \
                pytest.approx(coefficient / math.sqrt(n))
        elif text.startswith("√"):
            assert math.sqrt(float(text[2:].split("/")[0]) / n) == pytest.approx(coefficient / math.sqrt(n))
        else:
            assert float(text.split("/")[0]) / math.sqrt(n) == pytest.approx(coefficient / math.sqrt(n))
    assert variance_scaling_formula(1.0, 1.0, "fan_avg") == "1/√n_avg"


def test_scheme_numbers_are_filled_in():
    assert scheme_text(InitSpec("normal", std=0.01)) == "N(0, 0.01²)"
    assert scheme_text(InitSpec("normal", std=1.0)) == "N(0, 1)"
    assert scheme_text(InitSpec("constant", value=0.1)) == "w = 0.1"
    assert scheme_text(InitSpec("uniform", limit=0.3)) == "U(−0.3, 0.3)"
    assert scheme_text(InitSpec("xavier")) == SCHEMES["xavier"].label
    assert scheme_text(InitSpec("he", gain=1.5)) == SCHEMES["he"].label + ", gain 1.5"
    assert scheme_text(InitSpec("variance_scaling", scale=4.0, distribution="uniform")) == "2/√n, uniform"


def test_several_differences_are_named_in_a_fixed_order():
    a = SimulationConfig(activation="tanh", init="xavier", depth=10, width=500)
    b = SimulationConfig(activation="relu", init="he", depth=10, width=500)
    c = SimulationConfig(activation="relu", init="he", depth=20, width=500)
    assert differing_parts([a, b, c]) == ["activation", "init", "depth"]
    assert labels([a, b, c]) == [f"tanh, {SCHEMES['xavier'].label}, depth 10",
                                 f"ReLU, {SCHEMES['he'].label}, depth 10",
                                 f"ReLU, {SCHEMES['he'].label}, depth 20"]


def test_unused_settings_do_not_count_as_differences():
    # a bias value kept while there is no bias, a scheme parameter the scheme does not use
    a = SimulationConfig(init=InitSpec("he", std=0.5), bias="zeros", bias_value=0.3)
    b = SimulationConfig(init=InitSpec("he", std=2.0), bias="zeros", bias_value=0.0, depth=6)
    assert labels([a, b]) == ["depth 5", "depth 6"]


def test_identical_configurations_say_so_and_translations_are_used():
    a = SimulationConfig()
    assert labels([a, a]) == ["same configuration"] * 2
    assert labels([a]) == [""]
    b = SimulationConfig(depth=7)
    assert labels([a, b], translate=lambda t: t.upper()) == ["DEPTH 5", "DEPTH 7"]


def test_other_parts_read_as_a_reader_writes_them():
    base = SimulationConfig()
    others = [base.replace(width=[100, 80, 60, 40, 20]), base.replace(bias="normal", bias_std=0.5),
              base.replace(input="uniform"), base.replace(dtype="float64"), base.replace(correlation=0.9)]
    texts = [labels([base, o])[1] for o in others]
    assert texts == ["widths 100-80-60-40-…", "bias N(0, 0.5²)", "input U(−1, 1)", "float64", "pairs c0 = 0.9"]
