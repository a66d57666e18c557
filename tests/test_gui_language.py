"""The interface language: --lang, the remembered choice, the system's locale, View > Language
and its restart, and the Korean window (in a child process, so the other tests stay English)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from initviz.ui import language  # noqa: E402
from initviz.ui.language import choose_language, restart_arguments, stored_language  # noqa: E402
from initviz.ui.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run_main(*args, env=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=dict(os.environ if env is None else env))


def test_an_unknown_language_is_one_line_naming_the_allowed_ones_and_exit_2():
    proc = run_main("--lang", "fr")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "'fr'" in lines[0] and "'en'" in lines[0] and "'ko'" in lines[0]


def test_self_test_in_korean_loads_the_app_and_qt_translations(tmp_path):
    proc = run_main("--self-test", "--lang", "ko", env=dict(os.environ, INITVIZ_SETTINGS_DIR=str(tmp_path)))
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["self_test"] == "ok" and report["language"] == "ko"
    assert report["translations"] == ["initviz", "qtbase"]


def test_lang_wins_over_the_stored_choice_which_wins_over_the_system(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(language, "system_language", lambda: "en")
    assert choose_language(None, tmp_path) == "en"  # nothing stored: the system's
    settings = Settings(tmp_path)
    assert settings.set(language.SETTING, "ko")
    assert stored_language(tmp_path) == "ko"
    assert choose_language(None, tmp_path) == "ko"
    assert choose_language("en", tmp_path) == "en"


def test_the_window_saving_at_close_keeps_the_chosen_language(qapp, tmp_path):
    settings = Settings(tmp_path)
    settings.set(language.SETTING, "ko")
    assert Settings(tmp_path).save({"view/theme": "dark"})  # what the window writes at close
    assert stored_language(tmp_path) == "ko"


def test_a_bad_or_foreign_stored_value_is_ignored(qapp, tmp_path):
    (tmp_path / "initviz.ini").write_text("[view]\nlanguage=fr\n")
    assert stored_language(tmp_path) is None
    assert stored_language(tmp_path / "missing") is None
    if hasattr(os, "mkfifo"):  # a FIFO would block a reader: left alone (Settings sets it aside)
        (tmp_path / "fifo").mkdir()
        os.mkfifo(tmp_path / "fifo" / "initviz.ini")
        assert stored_language(tmp_path / "fifo") is None


def test_system_locale_korean_gives_korean(qapp):
    from PySide6.QtCore import QLocale

    from initviz.ui.i18n import system_language

    expected = "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"
    assert system_language() == expected
    proc = subprocess.run([sys.executable, "-c", "from initviz.ui.i18n import system_language; "
                           "print(system_language())"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, LANG="ko_KR.UTF-8", LC_ALL="ko_KR.UTF-8"))
    assert proc.stdout.strip() == "ko", proc.stderr


def test_restart_drops_lang_and_self_test_and_keeps_the_rest():
    assert restart_arguments(["--lang", "ko", "--preset", "relu_he", "--lang=en", "--self-test", "--theme",
                              "dark"]) == ["--preset", "relu_he", "--theme", "dark"]


@pytest.fixture
def window(qtbot, tmp_path):
    from initviz.ui.main_window import MainWindow

    win = MainWindow(Settings(tmp_path))
    qtbot.addWidget(win)
    yield win
    win.close()


def test_the_language_menu_remembers_and_offers_a_restart(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    entries = [a.text() for a in window.language_menu.menu.actions()]
    assert entries == ["English", "한국어"]
    assert [a.text() for a in window.language_menu.menu.actions() if a.isChecked()] == ["English"]
    from initviz.ui.fonts import FAMILY

    assert window.language_menu.actions["ko"].font().family() == FAMILY  # Hangul without a system font
    asked = []

    def later(box):
        asked.append(box.text())
        return 0  # no button clicked: "Later"

    monkeypatch.setattr(QMessageBox, "exec", later)
    window.language_menu.actions["ko"].trigger()
    assert len(asked) == 1 and "한국어" in asked[0]
    assert stored_language(tmp_path) == "ko"
    assert not window.banner.isHidden() and "한국어" in window.banner.text()


def test_restart_now_closes_the_window_and_starts_the_same_program(window, monkeypatch):
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    started, quit_called = [], []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, args: started.append((program, args)) or (True, 1))
    monkeypatch.setattr(QApplication.instance(), "quit", lambda: quit_called.append(True))
    monkeypatch.setattr(sys, "argv", [str(ROOT / "main.py"), "--lang", "en", "--theme", "dark"])
    window.show()
    assert window.language_menu.restart()
    assert started == [(sys.executable, [str(ROOT / "main.py"), "--theme", "dark"])]
    assert quit_called and not window.isVisible()


def _ts_translation(source: str) -> str:
    for message in ET.parse(ROOT / "resources" / "translations" / "initviz_ko.ts").getroot().iter("message"):
        if message.findtext("source") == source:
            return message.findtext("translation")
    raise KeyError(source)


def test_the_korean_window_shows_korean_in_the_shipped_font(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "korean_window_probe.py"), str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    from initviz.ui.fonts import FAMILY

    assert report["font"] == FAMILY
    assert report["menus"][0] == _ts_translation("&File")
    assert _ts_translation("&Help") in report["menus"]
    assert report["cancel_button"] == "취소"  # Qt's own qtbase_ko.qm
    assert report["language_entries"] == ["English", "한국어"] and report["language_checked"] == ["한국어"]
