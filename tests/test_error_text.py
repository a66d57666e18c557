"""The engine's and the parser's real messages are recognised and shown in Korean with their values."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402

import pytest  # noqa: E402

from initviz.engine import ConfigError, SimulationConfig, TrainingConfig  # noqa: E402
from initviz.engine.memory import MemoryRefused, check_memory  # noqa: E402
from initviz.ui.error_text import translated_error  # noqa: E402
from initviz.ui.numbers import parse_number, parse_range  # noqa: E402


@pytest.fixture
def korean(qapp):
    """The Korean translation installed for one test only (the other tests read English)."""
    from PySide6.QtCore import QTranslator

    from initviz.ui.i18n import TRANSLATIONS

    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "initviz_ko.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _message(make) -> str:
    try:
        make()
    except (ConfigError, MemoryRefused, ValueError) as exc:
        return str(exc)
    raise AssertionError("no error")


CASES = [
    lambda: SimulationConfig(depth=0),
    lambda: SimulationConfig(samples="many"),
    lambda: SimulationConfig(bias_std=-1.0),
    lambda: SimulationConfig(bias_std=float("nan")),
    lambda: SimulationConfig(bias_std=1e300),
    lambda: SimulationConfig(dtype="float16"),
    lambda: SimulationConfig(hist_range=(1.0, 0.0)),
    lambda: SimulationConfig(hist_range=("a", "b")),
    lambda: SimulationConfig(gradients="yes"),
    lambda: SimulationConfig(correlation=2.0),
    lambda: SimulationConfig(depth=2, width=[3, 4, 5]),
    lambda: SimulationConfig.from_dict({"depht": 3}),
    lambda: SimulationConfig.from_dict([1]),
    lambda: TrainingConfig(lr=0.0),
    lambda: check_memory(SimulationConfig(), available=1),
    lambda: parse_number("abc"),
    lambda: parse_number(""),
    lambda: parse_number("1e999"),
    lambda: parse_range("0,"),
]


@pytest.mark.parametrize("make", CASES)
def test_each_message_is_translated_with_its_values(korean, make):
    original = _message(make)
    shown = translated_error(original)
    assert re.search("[가-힣]", shown), f"not translated: {original!r} -> {shown!r}"
    assert not re.search(r"\bmust be\b|\bgot\b|\ballowed\b|\bexpected\b", shown), (original, shown)
    numbers = re.findall(r"\d+(?:\.\d+)?", original)
    assert all(n in shown for n in numbers), (original, shown)


def test_a_message_inside_a_longer_text_is_translated_in_place(korean):
    original = _message(lambda: SimulationConfig(depth=0))
    shown = translated_error("표준편차: " + original)
    assert shown.startswith("표준편차: ") and "must" not in shown


def test_in_english_and_for_unknown_text_nothing_changes(qapp):
    original = _message(lambda: SimulationConfig(depth=0))
    assert translated_error(original) == original
    assert translated_error("something else entirely") == "something else entirely"
