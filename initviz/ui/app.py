"""The desktop application's entry point (Qt is imported from here on, never by the engine).

``python main.py [--theme dark] [--preset KEY] [--config FILE]`` opens the window;
``python main.py render --preset KEY --out FILE.png [--size WxH]`` draws a preset's
figure without a screen (``render --list`` prints the preset keys);
``python main.py --self-test`` opens the window (offscreen when there is no display),
runs the default preset to the last layer, checks every layer was drawn and prints
one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence

from ..presets import PRESETS, PRESETS_BY_KEY, TRAINING_PRESETS_BY_KEY
from .lecture_arguments import add_lecture_command, add_render_lecture

#: The preset ``--self-test`` runs.
SELF_TEST_PRESET = "sigmoid_std1"
SELF_TEST_TIMEOUT_S = 300


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's hook name
        raise SystemExit(f"initviz: error: {message}")


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1600x900, got {text!r}") from None
    if not (100 <= w <= 10000 and 100 <= h <= 10000):
        raise argparse.ArgumentTypeError(f"size must be from 100x100 to 10000x10000, got {text!r}")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="initviz", description="See how weight initialization shapes every layer.")
    parser.add_argument("--self-test", action="store_true", help="run the default preset in the window and exit")
    parser.add_argument("--theme", choices=("light", "dark"), default=None)
    parser.add_argument("--preset", choices=list(PRESETS_BY_KEY) + list(TRAINING_PRESETS_BY_KEY), default=None,
                        help="start with this preset (training_*: the Training view)")
    parser.add_argument("--config", default=None, metavar="FILE", help="start with a saved configuration")
    parser.add_argument("--settings-dir", default=None, metavar="DIR", help="where settings are kept")
    parser.add_argument("--lang", choices=("en", "ko"), default=None,
                        help="interface language (default: as chosen in View > Language, else the system's)")
    parser.add_argument("--lecture", nargs="?", const=1, type=int, default=None, metavar="N",
                        help="start the window in the lecture, at step N (default 1)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    add_lecture_command(sub)
    render = sub.add_parser("render", help="draw a preset's figure to a PNG without a screen")
    render.add_argument("--preset", dest="render_preset", choices=list(PRESETS_BY_KEY), default=None)
    render.add_argument("--out", default=None, metavar="FILE.png")
    render.add_argument("--size", type=_size, default=(1600, 900), metavar="WxH")
    render.add_argument("--theme", dest="render_theme", choices=("light", "dark"), default="light")
    render.add_argument("--view", choices=("auto", "book", "deep", "symmetry"), default="auto")
    render.add_argument("--list", action="store_true", help="print the preset names, one a line")
    add_render_lecture(render)
    return parser


def has_display() -> bool:
    """False on Linux when neither X11, Wayland nor an explicit Qt platform is set."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def unreachable_display() -> str | None:
    """A local X display (":N") named by DISPLAY whose socket does not exist, else None.

    Only X11 on this machine is checked (a remote "host:N" or Wayland is left to Qt):
    that is the common mistake (a stale DISPLAY in a terminal), and without the check
    Qt prints a page of plugin diagnostics and aborts."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM") or os.environ.get(
        "WAYLAND_DISPLAY"
    ):
        return None
    display = os.environ.get("DISPLAY", "")
    if not display.startswith(":"):
        return None
    number = display[1:].split(".")[0]
    if number.isdigit() and not os.path.exists(f"/tmp/.X11-unix/X{number}"):
        return display
    return None


#: Qt warnings that say nothing to a user: the offscreen platform (render, --self-test)
#: prints this one for every window it shows.
_SILENCED_QT_WARNINGS = ("This plugin does not support propagateSizeHints()",)


def _qt_message(mode, context, message: str) -> None:
    if message not in _SILENCED_QT_WARNINGS:
        print(message, file=sys.stderr)


def _application(argv: list[str], language: str | None = None, settings_dir: str | None = None):
    """The QApplication, its translations and fonts: ``language`` ("en", "ko"), else the
    remembered or the system's one (initviz/ui/language.py)."""
    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from .language import choose_language, start_language

    qInstallMessageHandler(_qt_message)
    QCoreApplication.setOrganizationName("initviz")
    QCoreApplication.setApplicationName("initviz")
    app = QApplication.instance() or QApplication(["initviz", *argv])
    app.setDesktopFileName("initviz")  # Wayland matches the window to resources/initviz.desktop
    start_language(app, choose_language(language, settings_dir))
    try:
        from .about import app_icon  # the bundle's icon (resources/icons)

        app.setWindowIcon(app_icon())
    except Exception:  # noqa: BLE001 - an icon is never worth failing to start
        pass
    return app


def main(argv: Sequence[str]) -> int:
    """Window, ``render`` or ``--self-test``; returns the exit status."""
    t0 = time.perf_counter()
    if list(argv[:1]) == ["--engine-process"]:  # the engine's child process (no Qt)
        from ..engine_process import main as engine_main

        return engine_main()
    try:
        args = build_parser().parse_args(list(argv))
    except SystemExit as exc:
        if exc.code not in (None, 0):
            print(exc.code if isinstance(exc.code, str) else "initviz: bad arguments", file=sys.stderr)
            return 2
        return 0
    if args.command == "lecture" or args.command == "render" and args.render_lecture is not None \
            or args.lecture is not None:  # initviz/ui/lecture_output.py
        from .lecture_output import lecture_command

        status = lecture_command(args, lambda: _application([], args.lang, args.settings_dir), _main_window)
        if status is not None:
            return status
    if args.command == "render":
        if args.list:
            print("\n".join(p.key for p in PRESETS))
            return 0
        if not args.render_preset or not args.out:
            print("initviz render: error: --preset NAME and --out FILE.png are required "
                  "(render --list prints the names)", file=sys.stderr)
            return 2
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return render(args.render_preset, args.out, args.size, args.render_theme, args.view)
    if args.self_test:
        if not has_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return _libraries_missing() or self_test(t0, args.config, args.lang)
    if not has_display():
        print("initviz: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot "
              "open; start it from a desktop session, or use `render`, `simulate` or `--self-test` headless.",
              file=sys.stderr)
        return 1
    if _libraries_missing():
        return 1
    stale = unreachable_display()
    if stale:
        print(f"initviz: the display {stale} (DISPLAY) is not running, so the window cannot open; "
              "start it from a desktop session, or use `render`, `simulate` or `--self-test` headless.",
              file=sys.stderr)
        return 1
    return run_window(args)


def _main_window():
    from .main_window import MainWindow

    return MainWindow


def _libraries_missing() -> int:
    """1 (after one line naming them) when Qt's X11 plugin would abort for missing system
    libraries; 0 when there is nothing to say."""
    from .system_libraries import missing, missing_message, uses_xcb

    names = missing() if uses_xcb() else []
    if names:
        print(missing_message(names), file=sys.stderr)
        return 1
    return 0


def run_window(args) -> int:
    app = _application([], args.lang, args.settings_dir)
    from ..engine import ConfigError
    from .export import load_config
    from .i18n import tr
    from .main_window import MainWindow
    from .settings import Settings

    window = MainWindow(Settings(args.settings_dir), theme=args.theme)
    if args.preset:
        window.load_preset({**PRESETS_BY_KEY, **TRAINING_PRESETS_BY_KEY}[args.preset])
    elif args.config:
        try:
            window.panel.set_config(load_config(args.config))
        except ConfigError as exc:
            window.show_message(tr("This configuration cannot be used: {0}").format(exc), sticky=True)
        window.rerun()
    else:
        window.rerun()
    window.show()  # the first run computes meanwhile
    if args.lecture is not None:
        window.lecture.enter(args.lecture)
    return app.exec()


def render(key: str, out: str, size: tuple[int, int], theme_name: str = "light", view: str = "auto") -> int:
    """Draw preset ``key`` as the window would and save it as a PNG of ``size`` pixels."""
    app = _application([])
    from ..engine import MemoryRefused, simulate
    from .export import export_png
    from .i18n import tr
    from .rundata import RunData
    from .theme import THEMES, apply_to_application
    from .view_area import ViewArea

    preset = PRESETS_BY_KEY[key]
    theme = THEMES[theme_name]
    apply_to_application(app, theme)
    area = ViewArea(theme)
    area.set_view(view)
    area.caption.setText(tr(preset.description))
    runs = [RunData(preset.config, tr(preset.title), preset.y_max)]
    if preset.compare is not None:
        runs.append(RunData(preset.compare, tr(preset.compare_title or ""), preset.y_max))
    try:
        for run in runs:
            for result in simulate(run.config):
                run.add(result)
    except MemoryRefused as exc:
        print(f"initviz render: refused: {exc}", file=sys.stderr)
        return 2
    area.set_runs(runs)
    figure = area.current
    figure.setParent(None)
    figure.resize(*size)
    figure.show()
    app.processEvents()
    figure.set_runs(runs)
    if hasattr(figure, "flush"):
        figure.flush()
    app.processEvents()
    try:
        export_png(figure, out)
    except OSError as exc:
        print(f"initviz render: error: {exc}", file=sys.stderr)
        return 1
    print(out)
    return 0


def self_test(t0: float, config_path: str | None = None, language: str | None = None) -> int:
    """Open the window, run the default preset, check every layer was drawn; one JSON line.
    With ``config_path``, a configuration that cannot be used is reported as
    ``config_error`` (and whether its message is still shown after the run)."""
    app = _application([], language)
    import numpy as np
    from PySide6.QtCore import QEventLoop, QTimer

    from .i18n import loaded_translations, tr
    from .main_window import MainWindow
    from .settings import Settings

    report: dict = {"self_test": "failed", "preset": SELF_TEST_PRESET}
    with tempfile.TemporaryDirectory(prefix="initviz-self-test-") as folder:
        window = MainWindow(Settings(folder))
        loop = QEventLoop()
        window.run_finished.connect(loop.quit)
        QTimer.singleShot(SELF_TEST_TIMEOUT_S * 1000, loop.quit)
        window.area.set_view("book")
        window.load_preset(PRESETS_BY_KEY[SELF_TEST_PRESET])  # computes while the window shows
        if config_path is not None:
            from ..engine import ConfigError
            from .export import load_config

            try:
                load_config(config_path)
            except ConfigError as exc:
                report["config_error"] = str(exc)
                window.show_message(tr("This configuration cannot be used: {0}").format(exc), sticky=True)
        window.show()
        app.processEvents()
        report["window_shown_s"] = round(time.perf_counter() - t0, 3)
        if window.runner.busy:
            loop.exec()
        report["run_finished_s"] = round(time.perf_counter() - t0, 3)
        problems = []
        if window.runner.busy:
            problems.append(f"the run did not finish within {SELF_TEST_TIMEOUT_S} s")
        elif not window.runs:
            problems.append(f"no run reached the screen ({window.reason.text()})")
        else:
            run = window.runs[0]
            series = run.series["activations"]
            report["layers"] = int(series.filled.sum())
            if not series.filled.all():
                problems.append(f"only {report['layers']} of {run.depth} layers arrived")
            else:
                drawn = window.area.book.drawn_heights(0)
                if drawn.shape != series.counts.shape or not np.array_equal(drawn, series.counts):
                    problems.append("the drawn histograms differ from the engine's counts")
                elif not (drawn.sum(axis=1) > 0).all():
                    problems.append("a layer's histogram is empty")
        if "config_error" in report:
            report["config_error_shown"] = window.banner.isVisible()
        report["platform"] = app.platformName()
        report["language"] = app.property("initviz_language")
        report["translations"] = loaded_translations()
        window.close()
    if problems:
        report["reason"] = "; ".join(problems)
        print(json.dumps(report))
        return 1
    report["self_test"] = "ok"
    print(json.dumps(report))
    return 0
