"""The lecture's step list (Qt-free): every step is well formed, and each highlighted number
is what an independent calculation from ``simulate``'s results (or the mean-field closed
forms) gives. The pickers read ``RunData`` as the window fills it."""

from __future__ import annotations

import math
import re

import pytest

from initviz.engine import BackwardLayer, ForwardLayer, simulate
from initviz.engine.phase import phase_point
from initviz.lecture import STEPS, step_at
from initviz.lecture.highlights import number
from initviz.ui.rundata import RunData


def _runs(step):
    runs = [RunData(step.config, step.preset.title)]
    if step.preset.compare is not None:
        runs.append(RunData(step.preset.compare, step.preset.compare_title))
    for run in runs:
        for result in simulate(run.config):
            run.add(result)
    return runs


def _layers(config):
    forward, backward = {}, {}
    for r in simulate(config):
        if isinstance(r, ForwardLayer):
            forward[r.layer] = r
        elif isinstance(r, BackwardLayer):
            backward[r.layer] = r
    return forward, backward


def test_every_step_is_complete_and_numbered_from_1():
    assert len(STEPS) >= 12
    assert len({s.key for s in STEPS}) == len(STEPS)
    for step in STEPS:
        assert step.title and step.formula
        sentences = len(re.split(r"(?<! al)[.:?] (?=[A-Z])", step.caption))  # "et al. 2016" is not an end
        assert 2 <= sentences <= 4, f"{step.key}: {sentences} sentences"
    assert step_at(1) is STEPS[0] and step_at(len(STEPS)) is STEPS[-1]
    for bad in (0, len(STEPS) + 1, -3):
        with pytest.raises(ValueError, match=f"steps 1 to {len(STEPS)}"):
            step_at(bad)


def test_steps_that_show_gradients_run_the_backward_pass():
    for step in STEPS:
        if "gradient" in step.quantity:
            assert step.config.gradients, step.key
    shown = {s.key: s.quantity for s in STEPS}
    # where gradients are the point, the one that vanishes: dL/dz
    assert shown["sigmoid_std1"] == shown["sigmoid_std001"] == shown["sigmoid_xavier"] == "pre_gradients"


def test_nothing_is_highlighted_before_the_runs_arrive():
    for step in STEPS:
        if step.view != "phase":
            assert step.highlight([]) is None, step.key
    half = RunData(STEPS[2].config)  # results not filed yet
    assert STEPS[2].highlight([half]) is None


def test_the_engine_measures_dl_dz_as_dl_da_times_the_slope():
    # dL/dz = dL/da * phi'(z): at the top layer of sigmoid std 0.01, z ~ N(0, 0.01), so
    # phi'(z) is 1/4 to 0.1% and the std of dL/dz is a quarter of dL/da's (g ~ N(0, 1)).
    _, backward = _layers(step_at(3).config)
    top = backward[max(backward)]
    assert top.pre_gradient_std == pytest.approx(top.std / 4, rel=2e-3)
    assert top.predicted_pre_gradient_std == pytest.approx(top.predicted_std / 4, rel=2e-3)
    assert top.pre_gradient.total == 1000 * 100


def test_sigmoid_std001_highlight_is_the_measured_shrink_per_layer():
    step = step_at(3)
    _, backward = _layers(step.config)
    dz = [backward[k].pre_gradient_std for k in sorted(backward)]
    factor = (dz[-1] / dz[0]) ** (1 / (len(dz) - 1))
    text = step.highlight(_runs(step)).text()
    assert f"shrinks {number(factor)}×" in text
    # and it is the 1/40 of the formula: sigma'(0) * 0.01 * sqrt(100) = 1/40
    assert factor == pytest.approx(40, rel=0.1)


def test_sigmoid_std1_highlight_names_chi_1_of_about_1():
    step = step_at(2)
    chi = phase_point("sigmoid", 100.0, 0.0).chi1
    assert chi == pytest.approx(1, abs=0.05)
    text = step.highlight(_runs(step)).text()
    assert f"χ₁ = {number(chi)}" in text
    _, backward = _layers(step.config)
    assert f"{number(backward[1].pre_gradient_std)} at layer 1" in text


def test_he_steps_highlight_the_measured_and_predicted_std():
    step = next(s for s in STEPS if s.key == "relu_he")
    forward, _ = _layers(step.config)
    text = step.highlight(_runs(step)).text()
    # He with ReLU: q_l = q_(l-1) (2/n * n / 2), std of relu(z) = sqrt(q (1/2 - 1/(2 pi))), q = 2
    predicted = math.sqrt(2 * (0.5 - 1 / (2 * math.pi)))
    assert f"predicted {number(predicted)}" in text
    assert f"at layer 5: {number(forward[5].std)}" in text


def test_xavier_glorot_step_differs_in_the_first_layer_only_by_the_formula():
    step = next(s for s in STEPS if s.key == "xavier_glorot")
    runs = _runs(step)
    lecun, glorot = (r.series["preactivations"].std[0] for r in runs)
    # layer 1: z = x W with x ~ N(0, 1), 100 inputs: std = sqrt(100) * sigma
    assert lecun == pytest.approx(math.sqrt(100) * 0.1, rel=0.03)
    assert glorot == pytest.approx(math.sqrt(100) * math.sqrt(2 / 500), rel=0.03)
    assert step.highlight(runs).text().startswith(f"z std at layer 1: {number(lecun)}")


def test_equal_weights_and_deep_and_phase_highlights():
    equal = step_at(1)
    assert equal.highlight(_runs(equal)).text() == "distinct units: 1 of 100, in every layer"
    deep = next(s for s in STEPS if s.key == "deep_finite_width")
    runs = _runs(deep)
    text = deep.highlight(runs).text()
    assert f"std at layer 1000: {number(runs[0].series['activations'].std[-1])}" in text
    assert "depth/width = 10" in text
    phase = next(s for s in STEPS if s.view == "phase")
    # the published landmark: tanh with sigma_b^2 = 0.05 is critical near sigma_w^2 = 1.76
    assert phase.highlight([]).text().startswith("critical σ_w² at σ_b² = 0.05: 1.76")


def test_number_formats():
    assert [number(x) for x in (0.826, 41.3, 2.3e-7, 1.0, 0.05, float("nan"))] == [
        "0.83", "41", "2.3e-7", "1.0", "0.050", "-"]
