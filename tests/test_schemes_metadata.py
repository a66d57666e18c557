"""Each scheme, parameter and activation is described once in the engine, the facts stated
there are right, the command line is generated from them, and configuration files in the
flat format keep loading."""

import argparse
import json
import math
from dataclasses import fields

import pytest

from initviz.cli import add_simulation_arguments, config_from_args
from initviz.engine import ACTIVATIONS, SCHEMES, ConfigError, InitSpec, SimulationConfig, weight_std
from initviz.engine.initializers import PARAMETERS, Scheme
from initviz.engine.parameters import Parameter

FAN_BASED = ("xavier", "glorot_normal", "glorot_uniform", "he", "he_uniform", "lecun_normal", "lecun_uniform")


def simulate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    add_simulation_arguments(parser)
    return parser


def flags(parser) -> dict:
    return {opt: action for action in parser._actions for opt in action.option_strings}


# -- the engine's descriptions --------------------------------------------------------------

@pytest.mark.parametrize("name", list(SCHEMES))
def test_every_scheme_is_described(name):
    scheme = SCHEMES[name]
    assert scheme.name == name and scheme.label and scheme.formula
    assert set(scheme.parameters) <= set(PARAMETERS)
    assert InitSpec(name).scheme is scheme


def test_initspec_holds_exactly_the_described_parameters_with_their_defaults():
    names = [f.name for f in fields(InitSpec)]
    assert names[0] == "name" and names[1:] == list(PARAMETERS)
    spec = InitSpec()
    for parameter in PARAMETERS.values():
        assert getattr(spec, parameter.name) == parameter.default
        assert parameter.check(parameter.default) == parameter.default  # the default is allowed


@pytest.mark.parametrize("name", FAN_BASED)
def test_fan_based_formulas_state_the_rule_they_draw_with(name):
    scale, mode, distribution = SCHEMES[name].rule
    numerator, n = (2 * scale, "(fan_in + fan_out)") if mode == "fan_avg" else (scale, mode)
    if distribution == "uniform":  # U(-a, a) has variance a^2 / 3
        expected = f"a = gain·√({3 * numerator:g}/{n})"
    else:
        expected = f"σ = gain·√({numerator:g}/{n})"
    assert expected in SCHEMES[name].formula
    # and the std drawn is the formula's (fan_in 100, fan_out 300)
    n_value = {"fan_in": 100, "fan_out": 300, "fan_avg": 200}[mode]
    assert weight_std(InitSpec(name), 100, 300) == pytest.approx(math.sqrt(scale / n_value))


@pytest.mark.parametrize(
    "name, formula, source",
    [
        ("xavier", "σ = gain·√(1/fan_in)", "Deep Learning from Scratch"),  # the book's; Keras: LeCun normal
        ("glorot_normal", "σ = gain·√(2/(fan_in + fan_out))", "Glorot & Bengio 2010"),
        ("he", "σ = gain·√(2/fan_in)", "He et al. 2015"),
        ("lecun_normal", "σ = gain·√(1/fan_in)", "LeCun et al. 1998"),
        ("orthogonal", "QR", "Saxe et al. 2013"),
        ("lsuv", "orthogonal", "Mishkin & Matas 2015"),
    ],
)
def test_the_stated_facts(name, formula, source):
    assert formula in SCHEMES[name].formula
    assert source in SCHEMES[name].source
    assert "LeCun normal" in SCHEMES["xavier"].note


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_activation_is_described(name):
    act = ACTIVATIONS[name]
    assert act.name == name and act.label and act.formula and act.gain
    if act.param is None:
        assert act.parameter(None) == 0.0
    else:
        assert act.parameter(None) == act.param.default
        assert act.param.check(act.param.default) == act.param.default
        assert SimulationConfig(activation=name, activation_param=act.param.default).activation_param == (
            act.param.default
        )


def test_activation_parameters_and_sources():
    assert (ACTIVATIONS["leaky_relu"].param.name, ACTIVATIONS["leaky_relu"].param.default) == ("slope", 0.01)
    assert (ACTIVATIONS["elu"].param.name, ACTIVATIONS["elu"].param.default) == ("alpha", 1.0)
    assert [n for n, a in ACTIVATIONS.items() if a.param is not None] == ["leaky_relu", "elu"]
    assert "He et al. 2015" in ACTIVATIONS["relu"].gain and ACTIVATIONS["tanh"].gain == "5/3"
    assert "Klambauer et al. 2017" in ACTIVATIONS["selu"].source
    with pytest.raises(ConfigError, match=r"^leaky ReLU slope must be from 0 to below 1, got 1$"):
        SimulationConfig(activation="leaky_relu", activation_param=1.0)
    with pytest.raises(ConfigError, match=r"^ELU alpha must be greater than 0, got 0$"):
        SimulationConfig(activation="elu", activation_param=0.0)


# -- validation -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "changes, message",
    [
        (dict(std=-1.0), "std must be 0 or more, got -1"),
        (dict(std=float("nan")), "std must be a finite number, got nan"),
        (dict(limit=-0.5), "limit must be 0 or more, got -0.5"),
        (dict(gain="2"), "gain must be a number, got '2'"),
        (dict(scale=0.0), "scale must be greater than 0, got 0"),
        (dict(mode="fan_max"), "mode must be one of fan_in, fan_out, fan_avg; got 'fan_max'"),
        (dict(distribution="cauchy"), "distribution must be one of normal, truncated, uniform; got 'cauchy'"),
        (dict(name="kaiming"), "init must be one of constant, zeros,"),
    ],
)
def test_initspec_names_the_field_and_what_is_allowed(changes, message):
    with pytest.raises(ConfigError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        InitSpec(**changes)


def test_init_takes_a_scheme_name_or_an_initspec():
    assert SimulationConfig(init="he").init == InitSpec("he")
    assert SimulationConfig().init == InitSpec("normal", std=1.0)
    assert SimulationConfig(init="xavier").replace(init="he").init.name == "he"
    with pytest.raises(ConfigError, match="init must be one of"):
        SimulationConfig(init="kaiming")
    with pytest.raises(ConfigError, match="init must be a scheme name or an InitSpec"):
        SimulationConfig(init=3)


# -- the command line ------------------------------------------------------------------------

def test_a_flag_for_every_parameter_with_its_default_and_choices():
    options = flags(simulate_parser())
    for parameter in PARAMETERS.values():
        action = options["--" + parameter.name.replace("_", "-")]
        assert action.dest == parameter.name and action.default == parameter.default
        if parameter.choices:
            assert list(action.choices) == list(parameter.choices)
        else:
            assert action.type is float
        assert parameter.help in action.help
    assert list(options["--init"].choices) == list(SCHEMES)
    assert list(options["--activation"].choices) == list(ACTIVATIONS)
    for name in ("leaky_relu", "elu"):
        assert f"{name} {ACTIVATIONS[name].param.name}" in options["--alpha"].help


def test_the_existing_flags_stay():
    options = flags(simulate_parser())
    for flag in ("--activation", "--alpha", "--init", "--std", "--value", "--limit", "--gain", "--scale", "--mode",
                 "--distribution", "--depth", "--width", "--features", "--samples", "--bins", "--range", "--seed",
                 "--dtype", "--bias-std", "--input", "--gradients"):
        assert flag in options


def test_flags_build_the_initspec():
    args = simulate_parser().parse_args(["--init", "variance_scaling", "--scale", "4", "--mode", "fan_avg",
                                         "--gain", "1.5", "--activation", "elu", "--alpha", "0.5"])
    config = config_from_args(args)
    assert config.init == InitSpec("variance_scaling", gain=1.5, scale=4.0, mode="fan_avg")
    assert config.activation_param == 0.5


def test_a_new_scheme_and_parameter_appear_on_the_command_line(monkeypatch):
    monkeypatch.setitem(PARAMETERS, "sparsity", Parameter("sparsity", "Sparsity", 0.9, "share of zero weights",
                                                          low=0.0, high=1.0, high_open=True))
    monkeypatch.setitem(SCHEMES, "sparse", Scheme("sparse", "sparse", "w = 0 with probability s", "Martens 2010",
                                                  ("sparsity",)))
    parser = simulate_parser()
    options = flags(parser)
    assert "sparse" in options["--init"].choices
    assert options["--sparsity"].default == 0.9 and "used by sparse" in options["--sparsity"].help
    assert parser.parse_args(["--init", "sparse", "--sparsity", "0.5"]).sparsity == 0.5


# -- configuration files -----------------------------------------------------------------

#: A file as saved before ``init`` held an InitSpec: the scheme's parameters are flat keys.
OLD_FILE = """{
  "samples": 1000,
  "features": 100,
  "depth": 5,
  "width": 100,
  "activation": "relu",
  "activation_param": null,
  "init": "variance_scaling",
  "std": 1.0,
  "value": 1.0,
  "limit": 1.0,
  "gain": 1.0,
  "scale": 4.0,
  "mode": "fan_in",
  "distribution": "normal",
  "bias": "zeros",
  "bias_value": 0.0,
  "bias_std": 0.0,
  "input": "normal",
  "bins": 30,
  "hist_range": [
    0.0,
    1.0
  ],
  "seed": 20150206,
  "dtype": "float32",
  "gradients": false
}"""


def test_an_old_flat_file_loads_and_is_written_back_the_same():
    config = SimulationConfig.from_dict(json.loads(OLD_FILE))
    assert config.init == InitSpec("variance_scaling", scale=4.0, mode="fan_in")
    assert (config.activation, config.depth, config.hist_range, config.seed) == ("relu", 5, (0.0, 1.0), 20150206)
    assert json.dumps(config.to_dict(), indent=2) == OLD_FILE


def test_partial_and_wrong_flat_files():
    assert SimulationConfig.from_dict({"init": "he", "gain": 2}).init == InitSpec("he", gain=2.0)
    assert SimulationConfig.from_dict({"std": 0.5}).init == InitSpec("normal", std=0.5)
    with pytest.raises(ConfigError, match="std must be 0 or more"):
        SimulationConfig.from_dict({"init": "normal", "std": -1})
    with pytest.raises(ConfigError, match="unknown configuration field 'sigma'; allowed: .*std"):
        SimulationConfig.from_dict({"sigma": 1})
    with pytest.raises(ConfigError, match="init must be a scheme name"):
        SimulationConfig.from_dict({"init": {"name": "he"}})
