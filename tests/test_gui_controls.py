"""The control panel is generated from the engine's descriptions: one menu entry per scheme
and activation with its formula and source as tooltip, one field per scheme parameter,
and only the fields the chosen scheme uses shown. Saved files in the flat format load."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import json  # noqa: E402

import pytest  # noqa: E402

from initviz.engine import ACTIVATIONS, SCHEMES, InitSpec, SimulationConfig  # noqa: E402
from initviz.engine.initializers import PARAMETERS, Scheme  # noqa: E402

TOOLTIP_ROLE = 3  # Qt.ToolTipRole


@pytest.fixture
def panel(qtbot):
    from initviz.ui.controls import ControlPanel

    p = ControlPanel()
    qtbot.addWidget(p)
    return p


def choose(combo, key) -> None:
    combo.setCurrentIndex(combo.findData(key))


def items(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_the_menus_list_every_scheme_and_activation_with_formula_and_source(panel):
    assert items(panel.init) == list(SCHEMES)
    for i, scheme in enumerate(SCHEMES.values()):
        assert panel.init.itemText(i) == scheme.label
        tip = panel.init.itemData(i, TOOLTIP_ROLE)
        assert scheme.formula in tip and scheme.source in tip and scheme.note in tip
    assert items(panel.activation) == list(ACTIVATIONS)
    for i, act in enumerate(ACTIVATIONS.values()):
        assert panel.activation.itemText(i) == act.label
        tip = panel.activation.itemData(i, TOOLTIP_ROLE)
        assert act.formula in tip and act.source in tip and act.gain in tip


def test_the_parameter_fields_are_exactly_the_described_ones(panel):
    assert list(panel.params) == list(PARAMETERS)
    for name, (label, widget) in panel._rows.items():
        parameter = PARAMETERS[name]
        assert widget is panel.params[name]
        assert label.text() == parameter.label
        assert parameter.help in widget.toolTip() and parameter.allowed() in widget.toolTip()
        if parameter.choices:
            assert items(widget) == list(parameter.choices)


@pytest.mark.parametrize("name", list(SCHEMES))
def test_a_scheme_shows_only_its_parameters(panel, name):
    choose(panel.init, name)
    shown = [key for key, (label, widget) in panel._rows.items() if not widget.isHidden()]
    assert shown == [p for p in PARAMETERS if p in SCHEMES[name].parameters]
    assert all(label.isHidden() == widget.isHidden() for label, widget in panel._rows.values())
    assert panel.config().init.name == name


def test_a_new_scheme_appears_with_its_parameters(qtbot, monkeypatch):
    from initviz.ui.controls import ControlPanel

    monkeypatch.setitem(SCHEMES, "scaled_normal", Scheme("scaled_normal", "scaled normal", "σ = gain·std",
                                                         "a test", ("std", "gain")))
    panel = ControlPanel()
    qtbot.addWidget(panel)
    assert "scaled_normal" in items(panel.init)
    choose(panel.init, "scaled_normal")
    assert [k for k, (_, w) in panel._rows.items() if not w.isHidden()] == ["std", "gain"]
    assert "σ = gain·std" in panel.init.itemData(panel.init.currentIndex(), TOOLTIP_ROLE)


def test_activation_parameter_field_follows_the_activation(panel):
    for name, act in ACTIVATIONS.items():
        choose(panel.activation, name)
        assert panel.alpha.isHidden() == (act.param is None)
        if act.param is not None:
            assert panel._alpha_label.text() == act.param.label
            assert act.param.help in panel.alpha.toolTip()
    choose(panel.activation, "elu")
    panel.alpha.setText("0.5")
    assert panel.config().activation_param == 0.5


def test_fields_take_formulas_and_build_the_initspec(panel):
    choose(panel.init, "variance_scaling")
    panel.params["gain"].setText("sqrt(2)")
    panel.params["scale"].setText("2/4")
    choose(panel.params["mode"], "fan_avg")
    choose(panel.params["distribution"], "uniform")
    assert panel.config().init == InitSpec("variance_scaling", gain=2**0.5, scale=0.5, mode="fan_avg",
                                           distribution="uniform")
    choose(panel.init, "normal")
    panel.params["std"].setText("2/sqrt(100)")
    assert panel.config().init == InitSpec("normal", std=0.2)  # the unused fields keep their defaults


def test_set_config_shows_the_scheme_and_its_parameters(panel):
    config = SimulationConfig(activation="relu", init=InitSpec("variance_scaling", gain=1.5, scale=4.0,
                                                               mode="fan_out", distribution="truncated"))
    panel.set_config(config)
    assert panel.init.currentData() == "variance_scaling"
    assert panel.params["scale"].text() == "4" and panel.params["gain"].text() == "1.5"
    assert panel.params["mode"].currentData() == "fan_out"
    assert panel.config() == config


def test_an_old_flat_file_loads_into_the_window(tmp_path):
    from initviz.ui.export import export_json, load_config

    old = {"activation": "tanh", "init": "orthogonal", "gain": 1.1, "std": 1.0, "value": 1.0, "limit": 1.0,
           "scale": 1.0, "mode": "fan_in", "distribution": "normal", "depth": 3}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    config = load_config(path)
    assert config.init == InitSpec("orthogonal", gain=1.1) and config.depth == 3
    export_json(config, tmp_path / "new.json")
    saved = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    assert {k: saved[k] for k in old} == old  # written back flat, as before


def test_old_settings_load(qtbot, tmp_path):
    from initviz.ui.settings import Settings

    old = {"init": "he", "gain": 2.0, "std": 1.0, "value": 1.0, "limit": 1.0, "scale": 1.0, "mode": "fan_in",
           "distribution": "normal", "activation": "relu", "depth": 7}
    folder = tmp_path / "settings"
    Settings(folder).save({"run/config": json.dumps(old)})
    config = Settings(folder).config()
    assert config == SimulationConfig(activation="relu", depth=7, init=InitSpec("he", gain=2.0))
