"""The simulate command on random argument lists (``cli_fuzz``), drawn by hypothesis:
exit 0 or 2 only, no traceback, no warning, valid JSON, no null statistic for a finite
layer, and statistics that do not depend on the histogram's range."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .cli_fuzz import check, random_argv


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
def test_random_argument_lists_end_cleanly(seed):
    argv = random_argv(random.Random(seed))
    status, found = check(argv)
    assert not found, f"{' '.join(argv)} -> {found}"


def test_the_check_sees_a_traceback_a_null_and_a_moving_range(monkeypatch):
    """The checks can fail: a broken command is reported, not passed."""
    from tests.reliability import cli_fuzz

    monkeypatch.setattr(cli_fuzz, "main", lambda argv: 1 / 0)
    assert check(["simulate", "--json"])[1] == ["status ZeroDivisionError: "]

    def null_std(argv):
        print('{"pass": "forward", "layer": 1, "mean": 0.5, "std": null, "min": 0, "max": 1, "pre_mean": 0, '
              '"pre_std": 1, "nonfinite": 0}')
        return 0

    monkeypatch.setattr(cli_fuzz, "main", null_std)
    assert "null statistic" in check(["simulate", "--range=0,1", "--json"])[1][0]

    def range_dependent(argv):
        mean = 0.5 if "--range=-1e6,1e6" in argv else 0.4
        print(f'{{"pass": "forward", "layer": 1, "mean": {mean}, "std": 0.1, "min": 0, "max": 1, "pre_mean": 0, '
              '"pre_std": 1, "nonfinite": 0}')
        return 0

    monkeypatch.setattr(cli_fuzz, "main", range_dependent)
    assert "become" in check(["simulate", "--json"])[1][0]
