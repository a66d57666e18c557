"""Layouts that fit: at the screen sizes lecturers meet, windowed and full screen, with and
without the control panel, every plot of the view lies inside the window, no text leaves
its plot, and no two texts overlap. Geometry only (the items' rectangles), offscreen.

2560 x 1440 at 200% (QT_SCALE_FACTOR=2) is 1280 x 720 logical pixels, where layouts are
decided, so it is checked as that size.
"""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

from initviz.engine import InitSpec, SimulationConfig  # noqa: E402
from initviz.presets import PRESETS_BY_KEY  # noqa: E402

from .layout_geometry import problems  # noqa: E402

CAP_MS = 120_000
#: (screen width, height); the 1280 x 720 is 2560 x 1440 at 200%.
SCREENS = [(1024, 768), (1280, 800), (1920, 1080), (1280, 720)]
#: What a window manager and a panel take from a screen when windowed (title bar, task bar).
WINDOWED_LOSS = (0, 64)

CASES = {
    "book10": lambda: PRESETS_BY_KEY["cs231n_tanh_xavier"],
    "book5": lambda: PRESETS_BY_KEY["relu_he"],
    "book40": lambda: SimulationConfig(depth=40, width=100, activation="tanh", init=InitSpec("xavier"), seed=1),
    "deep": lambda: SimulationConfig(depth=60, width=100, activation="tanh", init=InitSpec("normal", std=0.01),
                                     seed=1, gradients=True),
    "symmetry": lambda: PRESETS_BY_KEY["equal_weights"],
}
VIEWS = {"book10": "book", "book5": "book", "book40": "book", "deep": "deep", "symmetry": "symmetry"}


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    w = MainWindow(Settings(tmp_path_factory.mktemp("settings")))
    w.show()
    yield w
    w.close()


def _run(qtbot, w, case: str) -> None:
    start = CASES[case]()
    with qtbot.waitSignal(w.run_finished, timeout=CAP_MS):
        if isinstance(start, SimulationConfig):
            w.panel.set_config(start)
            w.rerun()
        else:
            w.load_preset(start)
    w.area.set_view(VIEWS[case])


@pytest.mark.parametrize("case", list(CASES))
def test_every_view_fits_at_every_size(qtbot, qapp, window, case):
    _run(qtbot, window, case)
    failures = []
    for width, height in SCREENS:
        for full in (True, False):
            size = (width, height) if full else (width - WINDOWED_LOSS[0], height - WINDOWED_LOSS[1])
            for panel in (True, False):
                window.presenting.set_panel_visible(panel)
                window.resize(*size)
                for _ in range(3):  # resizes, then the views' rearrangements
                    qapp.processEvents()
                view = window.area.current
                if hasattr(view, "flush"):
                    view.flush()
                qapp.processEvents()
                where = f"{case} at {size[0]}x{size[1]}, panel {'shown' if panel else 'hidden'}"
                if (window.width(), window.height()) != size:
                    failures.append(f"{where}: the window is {window.width()}x{window.height()} (its minimum is "
                                    f"{window.minimumSizeHint().width()}x{window.minimumSizeHint().height()})")
                    continue
                failures += [f"{where}: {p}" for p in problems(view, window)]
    window.presenting.set_panel_visible(True)
    assert not failures, "\n".join(failures[:40])
