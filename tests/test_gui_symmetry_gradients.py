"""The symmetry view shows gradients: with equal weights every unit below the top layer
gets the same gradient dL/da (the real reason equal weights cannot learn), and the
colour bar says what its colours are."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from initviz.engine import BackwardLayer, InitSpec, SimulationConfig, simulate  # noqa: E402

CAP_MS = 120_000


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def run(qtbot, window, config):
    window.panel.set_config(config)
    with qtbot.waitSignal(window.run_finished, timeout=CAP_MS):
        window.rerun()


def test_equal_weights_give_every_unit_the_same_gradient(qtbot, window):
    config = SimulationConfig(activation="sigmoid", init=InitSpec("constant", value=0.1), depth=4, width=80,
                              samples=200, gradients=True, seed=5)
    run(qtbot, window, config)
    view = window.area.symmetry
    assert window.area.current is view
    assert window.area.quantity.isEnabled()  # Show is offered with the backward pass on
    window.area.set_quantity("gradients")
    view.layer.setValue(2)
    window._draw()
    engine = {r.layer: r for r in simulate(config) if isinstance(r, BackwardLayer)}
    corner = np.asarray(engine[2].snapshot)
    # independent: dL/da of layer 2 = (dL/da_3 * phi'(z_3)) W_3^T with W_3 constant, so every column is the same
    assert np.allclose(corner, corner[:, :1], rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(view.image.image, corner.T)
    assert "same gradient" in view.count.text()
    assert "dL/da" in view.colorbar.axis.labelText
    # the top layer's gradient is the loss's random g: its units differ
    view.layer.setValue(4)
    window._draw()
    assert "64 distinct gradients" in view.count.text()
    window.area.set_quantity("activations")
    window._draw()
    assert "a = φ(z)" in view.colorbar.axis.labelText and "1 distinct unit" in view.count.text()


def test_random_weights_give_the_units_different_gradients(qtbot, window):
    config = SimulationConfig(activation="tanh", init="xavier", depth=3, width=70, samples=100, gradients=True)
    run(qtbot, window, config)
    window.area.set_view("symmetry")
    window.area.set_quantity("pre_gradients")
    window.area.symmetry.layer.setValue(1)
    window._draw()
    assert "64 distinct gradients" in window.area.symmetry.count.text()
    assert "dL/dz" in window.area.symmetry.colorbar.axis.labelText
