"""The pinned list: its limit, what follows the controls, its file format and a shared range."""

import json
import math

import numpy as np
import pytest

from initviz.engine import InitSpec, SimulationConfig
from initviz.engine.network import Network, input_batch
from initviz.pinned import MAX_PINS, PinError, Pinned, file_data, fit_for, fit_range, nice_ceiling, split_file


def test_pinning_then_changing_compares_both_with_generated_letters_and_labels():
    a = SimulationConfig(activation="relu", init="he")
    b = a.replace(init=InitSpec("variance_scaling", scale=4.0))
    pins = Pinned().add(a)
    runs = pins.compared(b)
    assert [(r.letter, r.label, r.pinned) for r in runs] == [("A", "He normal: √(2/n)", True), ("B", "2/√n", False)]
    assert runs[0].title == "A: He normal: √(2/n)"
    # the current run is one of the pins: it is not drawn twice
    assert [r.config for r in pins.compared(a)] == [a]


def test_at_most_four_pins_and_pinning_twice_changes_nothing():
    pins = Pinned()
    for depth in range(1, MAX_PINS + 1):
        pins = pins.add(SimulationConfig(depth=depth))
    assert len(pins) == MAX_PINS == 4
    assert pins.add(SimulationConfig(depth=2)) is pins
    with pytest.raises(PinError, match="at most 4"):
        pins.add(SimulationConfig(depth=9))
    assert [c.depth for c in pins.remove(1).configs] == [1, 3, 4]
    assert len(pins.compared(SimulationConfig(depth=9))) == 5


def test_seed_bins_range_and_backward_pass_follow_the_controls():
    a = SimulationConfig(activation="relu", init="he", seed=1, bins=30)
    current = a.replace(init="xavier", seed=7, bins=50, hist_range=(0.0, 3.0), gradients=True)
    pinned = Pinned().add(a).compared(current)[0].config
    assert (pinned.seed, pinned.bins, pinned.hist_range, pinned.gradients) == (7, 50, (0.0, 3.0), True)
    assert pinned.init.name == "he"


def test_compared_runs_draw_the_same_inputs_and_the_same_underlying_weights():
    a = SimulationConfig(activation="relu", init="he", seed=3)
    b = a.replace(init=InitSpec("variance_scaling", scale=4.0))
    runs = Pinned().add(a).compared(b)
    x = [input_batch(r.config) for r in runs]
    np.testing.assert_array_equal(x[0], x[1])
    w = [Network(r.config).weights(2) for r in runs]
    # sqrt(4/n) against sqrt(2/n): the same draws times sqrt(2)
    np.testing.assert_allclose(w[1], w[0] * math.sqrt(2), rtol=1e-6)


def test_file_round_trip_and_old_files():
    a, b = SimulationConfig(depth=3), SimulationConfig(depth=4, activation="tanh")
    data = json.loads(json.dumps(file_data(b, Pinned().add(a))))
    fields, pinned = split_file(data)
    assert SimulationConfig.from_dict(fields) == b
    assert Pinned.from_json(pinned) == (Pinned((a,)), [])
    old = b.to_dict()
    assert file_data(b, Pinned()) == old and split_file(old) == (old, None)


def test_bad_pinned_entries_are_named_and_the_good_ones_kept():
    good = SimulationConfig(depth=3).to_dict()
    pins, problems = Pinned.from_json([good, {"depth": -1}, "x", good | {"depth": 6}])
    assert [c.depth for c in pins.configs] == [3, 6]
    assert len(problems) == 2 and problems[0].startswith("pinned run 2 was ignored: depth")
    assert all("\n" not in p for p in problems)
    assert Pinned.from_json({"a": 1})[1] == ['"pinned" must be a list of configurations; it was ignored']
    many, problems = Pinned.from_json([SimulationConfig(depth=d).to_dict() for d in range(1, 7)])
    assert len(many) == 4 and len(problems) == 2


def test_a_fitted_range_holds_four_root_mean_squares_of_every_layer():
    assert [nice_ceiling(x) for x in (0.3, 1.0, 1.01, 7.3, 26.0)] == [0.3, 1.0, 1.2, 8.0, 30.0]
    # ReLU: from 0 up; rms of (0.5, 0.6) is 0.781..., 4 x that is 3.12: up to 4
    assert fit_range([(0.5, 0.6), (0.2, 0.1)], lower_bound=0.0) == (0.0, 4.0)
    assert fit_range([(0.0, 2.0), (float("nan"), 1.0)]) == (-8.0, 8.0)
    assert fit_range([(0.1, 0.2)], natural=(0.0, 1.0)) == (0.0, 1.0)
    assert fit_range([(float("inf"), 1.0)]) is None
    relu, tanh = SimulationConfig(activation="relu"), SimulationConfig(activation="tanh")
    assert fit_for([(relu, [(1.0, 1.0)]), (tanh, [(0.0, 0.5)])]) == (-1.0, 6.0)
