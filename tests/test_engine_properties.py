"""Property-based tests: any valid configuration runs to its summary without crashing and
with consistent counts; invalid ones raise ConfigError naming the problem."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from initviz.engine import ACTIVATIONS, SCHEMES, ConfigError, InitSpec, RunSummary, SimulationConfig, simulate
from initviz.engine.initializers import PARAMETERS


def config(params: dict) -> SimulationConfig:
    """A configuration from flat fields: the scheme's parameters go into its InitSpec."""
    params = dict(params)
    scheme = {name: params.pop(name) for name in PARAMETERS if name in params}
    if "init" in params or scheme:
        params["init"] = InitSpec(params.pop("init", "normal"), **scheme)
    return SimulationConfig(**params)


valid = st.fixed_dictionaries(
    {
        "samples": st.integers(1, 40),
        "depth": st.integers(1, 6),
        "width": st.integers(1, 24),
        "features": st.integers(1, 24),
        "activation": st.sampled_from(list(ACTIVATIONS)),
        "init": st.sampled_from(list(SCHEMES)),
        "std": st.floats(0, 20),
        "value": st.floats(-3, 3),
        "limit": st.floats(0, 10),
        "gain": st.floats(0, 4),
        "scale": st.floats(0.01, 10),
        "mode": st.sampled_from(["fan_in", "fan_out", "fan_avg"]),
        "distribution": st.sampled_from(["normal", "truncated", "uniform"]),
        "bias": st.sampled_from(["zeros", "constant", "normal"]),
        "bias_value": st.floats(-2, 2),
        "bias_std": st.floats(0, 2),
        "input": st.sampled_from(["normal", "uniform"]),
        "bins": st.integers(1, 60),
        "seed": st.integers(0, 2**63 - 1),
        "dtype": st.sampled_from(["float32", "float64"]),
        "gradients": st.booleans(),
    }
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid)
def test_valid_configurations_never_crash(params):
    cfg = config(params)
    results = list(simulate(cfg))
    summary = results[-1]
    assert isinstance(summary, RunSummary)
    assert summary.layers == len(results) - 1
    for r in results[:-1]:
        if r.pass_name == "forward":
            h = r.activations
            assert len(h.counts) == cfg.bins and len(h.edges) == cfg.bins + 1
            assert h.total <= cfg.samples * r.units
            if r.nonfinite == 0:
                assert h.total == cfg.samples * r.units
                assert 1 <= r.distinct_units <= r.units
                assert 0 <= r.saturated <= 1 and 0 <= r.dead <= 1
                assert math.isfinite(r.std)
    if summary.stopped is None:
        expected = cfg.depth * (2 if cfg.gradients else 1)
        assert summary.layers == expected


invalid = st.one_of(
    st.fixed_dictionaries({"depth": st.integers(max_value=0)}),
    st.fixed_dictionaries({"width": st.integers(max_value=0)}),
    st.fixed_dictionaries({"samples": st.integers(max_value=0)}),
    st.fixed_dictionaries({"bins": st.integers(max_value=0)}),
    st.fixed_dictionaries({"std": st.floats(max_value=-1e-9) | st.just(math.inf) | st.just(math.nan)}),
    st.fixed_dictionaries({"activation": st.text().filter(lambda s: s not in ACTIVATIONS)}),
    st.fixed_dictionaries({"init": st.text().filter(lambda s: s not in SCHEMES)}),
    st.fixed_dictionaries({"seed": st.integers(max_value=-1)}),
    st.fixed_dictionaries({"depth": st.text() | st.none() | st.lists(st.integers())}),
)


@settings(max_examples=150, deadline=None)
@given(invalid)
def test_invalid_configurations_raise_a_clear_error(params):
    try:
        config(params)
    except ConfigError as exc:
        message = str(exc)
        assert "\n" not in message
        assert any(name in message for name in params)
    else:
        raise AssertionError(f"accepted {params}")
