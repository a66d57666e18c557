"""The app's command line (render, --self-test, no display) in child processes, and the
settings' fault handling (missing, unwritable, corrupt) in process."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from initviz.presets import PRESETS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run_main(*args, env=None, timeout=300):
    env = dict(os.environ if env is None else env)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_render_list_prints_every_preset_key():
    proc = run_main("render", "--list")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == [p.key for p in PRESETS]


def test_render_writes_a_png_of_the_asked_size(tmp_path):
    out = tmp_path / "fig.png"
    proc = run_main("render", "--preset", "sigmoid_std1", "--out", str(out), "--size", "800x450")
    assert proc.returncode == 0, proc.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 450)


def test_render_refuses_bad_arguments_in_one_line():
    proc = run_main("render", "--preset", "no_such_preset", "--out", "x.png")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1


def test_self_test_passes_and_prints_one_json_line(tmp_path):
    env = dict(os.environ, INITVIZ_SETTINGS_DIR=str(tmp_path))
    proc = run_main("--self-test", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["self_test"] == "ok" and report["layers"] == 5
    assert 0 < report["window_shown_s"] <= report["run_finished_s"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display detection is for Linux")
def test_no_display_exits_non_zero_with_one_sentence():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = run_main(env=env, timeout=60)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "display" in lines[0]
    assert "Traceback" not in proc.stderr and "plugin" not in proc.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 sockets are a Linux matter")
def test_a_display_that_is_not_running_exits_with_one_sentence():
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":4321"
    proc = run_main(env=env, timeout=60)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and ":4321" in lines[0]


def test_closing_mid_run_exits_cleanly_in_a_child_process():
    code = (
        "import os, sys, tempfile\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from initviz.engine import SimulationConfig\n"
        "from initviz.ui.main_window import MainWindow\n"
        "from initviz.ui.settings import Settings\n"
        "app = QApplication([])\n"
        "w = MainWindow(Settings(tempfile.mkdtemp()))\n"
        "w.show()\n"
        "w.panel.set_config(SimulationConfig(depth=500, width=300, samples=1000))\n"
        "w.runner.forward_layer.connect(lambda i, r: w.close())\n"
        "w.rerun()\n"
        "sys.exit(app.exec())\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "QThread" not in proc.stderr and "Traceback" not in proc.stderr


# -- settings -------------------------------------------------------------------------

def test_missing_settings_folder_is_created_and_settings_come_back(qtbot, tmp_path):
    from initviz.engine import SimulationConfig
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    folder = tmp_path / "a" / "b"
    w = MainWindow(Settings(folder))
    qtbot.addWidget(w)
    config = SimulationConfig(depth=7, width=33, activation="tanh", init="he", seed=5)
    w.panel.set_config(config)
    w.set_theme("dark")
    w.save_settings()
    assert (folder / "initviz.ini").exists()
    again = MainWindow(Settings(folder))
    qtbot.addWidget(again)
    assert again.panel.config() == config and again.theme.name == "dark"
    assert not again.settings.notices


def test_unwritable_settings_folder_runs_with_defaults_and_says_so(qtbot, tmp_path):
    from initviz.presets import PRESETS_BY_KEY
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    w = MainWindow(Settings(blocker / "initviz"))  # cannot be created under a file
    qtbot.addWidget(w)
    assert "not be saved" in w.notice.text()
    assert w.panel.config() == PRESETS_BY_KEY["sigmoid_std1"].config  # a first launch's figure
    w.save_settings()  # no exception


@pytest.mark.parametrize("content", [b"\x00\xff\xfe garbage \x00", b"[General]\nformat=99\n",
                                     b"[General]\nformat=1\n[run]\nconfig=\"{\\\"depth\\\": -1}\"\n",
                                     b"[General]\nformat=1\n[run]\nconfig=not json\n"])
def test_corrupt_or_foreign_settings_fall_back_to_defaults(qtbot, tmp_path, content):
    from initviz.presets import PRESETS_BY_KEY
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    (tmp_path / "initviz.ini").write_bytes(content)
    w = MainWindow(Settings(tmp_path))
    qtbot.addWidget(w)
    assert w.panel.config() == PRESETS_BY_KEY["sigmoid_std1"].config  # a first launch's figure
    assert w.notice.text()  # said so in the status bar
    w.save_settings()
