"""Configuration and settings files that once aborted or hung the app: each now gives one
short line, keeps the previous state, and a settings file is kept aside, never lost."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from initviz.engine import ConfigError  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HUGE = "1" + "0" * 400  # a 401-digit integer: valid JSON, beyond float64


def bad_files(folder: Path) -> dict[str, Path]:
    """Every bad file of the fault campaign, made in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        "huge_std": f'{{"init": "normal", "std": {HUGE}}}',
        "huge_activation_param": f'{{"activation": "elu", "activation_param": -{HUGE}}}',
        "huge_range": f'{{"hist_range": [0, {HUGE}]}}',
        "deep_arrays": "[" * 100_000 + "]" * 100_000,
        "deep_objects": '{"a": ' * 100_000 + "1" + "}" * 100_000,
        "long_string": '{"activation": "' + "x" * 50_000_000 + '"}',
        "not_json": "init = he\n",
        "not_utf8": '{"init": "\xff"}',
    }
    files = {}
    for name, text in texts.items():
        path = folder / f"{name}.json"
        path.write_bytes(text.encode("latin-1") if name == "not_utf8" else text.encode())
        files[name] = path
    fifo = folder / "fifo.json"
    os.mkfifo(fifo)
    files["fifo"] = fifo
    files["device"] = Path("/dev/zero")
    files["directory"] = folder
    return files


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return bad_files(tmp_path_factory.mktemp("bad"))


CASES = ["huge_std", "huge_activation_param", "huge_range", "deep_arrays", "deep_objects", "long_string",
         "not_json", "not_utf8", "fifo", "device", "directory"]


@pytest.mark.parametrize("name", CASES)
def test_a_bad_configuration_file_gives_one_short_line(files, name):
    from initviz.ui.export import load_config

    outcome = {}

    def load():
        try:
            load_config(files[name])
        except ConfigError as exc:
            outcome["message"] = str(exc)
        except BaseException as exc:  # noqa: BLE001 - anything else is the failure reported below
            outcome["other"] = exc

    reader = threading.Thread(target=load, daemon=True)
    reader.start()
    reader.join(30)  # a FIFO used to block here forever
    assert not reader.is_alive(), f"reading {name} hangs"
    assert "other" not in outcome, f"{name}: {outcome.get('other')!r}"[:300]
    message = outcome["message"]
    assert "\n" not in message and len(message) < 300, message[:400]


@pytest.mark.parametrize("name", ["huge_std", "deep_arrays", "fifo", "device"])
def test_the_window_reports_a_bad_config_and_keeps_running(files, name, tmp_path):
    env = dict(os.environ, INITVIZ_SETTINGS_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "main.py", "--self-test", "--config", str(files[name])], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["self_test"] == "ok" and report["config_error"] and report["config_error_shown"], report


def settings_with(folder: Path, config_text: str | None = None, raw: bytes | None = None) -> Path:
    from PySide6.QtCore import QSettings

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "initviz.ini"
    if raw is not None:
        path.write_bytes(raw)
    else:
        qs = QSettings(str(path), QSettings.Format.IniFormat)
        qs.setValue("format", 1)
        qs.setValue("run/config", config_text)
        qs.sync()
    return path


@pytest.mark.parametrize(
    "name, content",
    [
        ("huge_std", {"config": f'{{"init": "normal", "std": {HUGE}}}'}),
        ("deep_config", {"config": "[" * 100_000 + "]" * 100_000}),
        ("foreign", {"raw": b"[General]\nsomething=else\n"}),
        ("binary", {"raw": bytes(range(256)) * 64}),
        ("oversized", {"raw": b"[run]\nconfig=" + b"x" * (2 << 20) + b"\n"}),
    ],
)
def test_a_bad_settings_file_is_kept_aside_and_the_app_starts(qtbot, tmp_path, name, content):
    from initviz.ui.main_window import MainWindow
    from initviz.ui.settings import Settings

    folder = tmp_path / "settings"
    path = settings_with(folder, content.get("config"), content.get("raw"))
    before = path.read_bytes()
    window = MainWindow(Settings(folder))  # used to abort at start for the first two
    qtbot.addWidget(window)
    kept = list(folder.glob("initviz.ini.bad-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == before, name
    assert str(kept[0]) in window.notice.toolTip()
    window.close()  # writes fresh settings; the user's file stays aside
    assert kept[0].read_bytes() == before and path.exists()


def test_a_settings_path_that_is_a_fifo_does_not_block(qtbot, tmp_path):
    from initviz.ui.settings import Settings

    folder = tmp_path / "settings"
    folder.mkdir()
    os.mkfifo(folder / "initviz.ini")
    done = {}
    reader = threading.Thread(target=lambda: done.setdefault("settings", Settings(folder)), daemon=True)
    reader.start()
    reader.join(30)
    assert not reader.is_alive(), "a FIFO as settings file blocks the start"
    assert any("regular" in n for n in done["settings"].notices)
    assert list(folder.glob("initviz.ini.bad-*"))
