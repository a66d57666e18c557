"""Pinned runs in the window: the Compare menu, the bar above the figure and the runs to draw.

"Pin" (Ctrl+P, the Compare menu or the bar's button) keeps the current run on screen; the
controls then describe a new run drawn beside it, with the same seed and so the same random
draws. Up to ``MAX_PINS`` pins, each in its theme colour with a letter and a label naming
what differs (``compare_labels``). Finished pinned runs are kept, so a control change
reruns only the current run. A preset that compares loads as a pinned list, its x range
fitted to its runs' predicted spread. The list is saved with the configuration file and
in the settings; the Training view trains the same list.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QToolButton, QWidget

from ..engine import ConfigError, SimulationConfig
from ..pinned import MAX_PINS, ComparedRun, PinError, Pinned, file_data, fit_for, predicted_moments, split_file
from ..presets import Preset
from ..safe_io import parse_json, read_text, write_text_atomically
from .i18n import tr
from .rundata import RunData

#: The settings key of the pinned list.
SETTING = "run/pinned"


def _words() -> dict[str, str]:
    """``compare_labels.WORDS`` translated; literal tr() calls so that lupdate finds them."""
    return {
        "gain {0}": tr("gain {0}"), "{0}, uniform": tr("{0}, uniform"), "{0}, truncated": tr("{0}, truncated"),
        "depth {0}": tr("depth {0}"), "width {0}": tr("width {0}"), "widths {0}": tr("widths {0}"),
        "{0} features": tr("{0} features"), "{0} samples": tr("{0} samples"), "no bias": tr("no bias"),
        "bias {0}": tr("bias {0}"), "bias N(0, {0}²)": tr("bias N(0, {0}²)"), "input N(0, 1)": tr("input N(0, 1)"),
        "input U(−1, 1)": tr("input U(−1, 1)"), "seed {0}": tr("seed {0}"), "{0} bins": tr("{0} bins"),
        "range auto": tr("range auto"), "range {0} to {1}": tr("range {0} to {1}"),
        "with gradients": tr("with gradients"), "no gradients": tr("no gradients"),
        "pairs c0 = {0}": tr("pairs c0 = {0}"), "no pairs": tr("no pairs"),
        "same configuration": tr("same configuration"),
    }


def translate_label(text: str) -> str:
    """A label part in the interface's language: a template of WORDS or an engine label."""
    words = _words()
    return words[text] if text in words else tr(text)


def colour(theme, index: int) -> str:
    """The colour of the compared run at ``index`` (its pin order)."""
    return theme.series[index % len(theme.series)]


def complete(run: RunData) -> bool:
    """A run that need not run again: it ended, and not by a cancel."""
    return run.summary is not None and run.summary.stopped != "cancelled"


class PinBar(QWidget):
    """Over the figure: Pin and Fit x, then, while runs are compared, one chip per run (its
    colour, letter and label, and an x to unpin it) and Unpin all; else a hint."""

    def __init__(self, comparing: Comparing) -> None:
        super().__init__()
        self.comparing = comparing
        self.pin_button = QPushButton(tr("Pin"))
        self.pin_button.setToolTip(tr("Keep this run on screen (Ctrl+P): change the controls and the new run is drawn "
                                      "beside it, on the same random draws (up to {0} pinned runs)").format(MAX_PINS))
        self.pin_button.clicked.connect(comparing.pin)
        self.fit_button = QPushButton(tr("Fit x"))
        self.fit_button.setToolTip(tr("One histogram range for every run, chosen from their spread: "
                                      "4 root-mean-squares of the widest layer (Ctrl+Shift+F)"))
        self.fit_button.clicked.connect(comparing.fit)
        self.clear_button = QPushButton(tr("Unpin all"))
        self.clear_button.setToolTip(tr("Unpin every run (Ctrl+Shift+P)"))
        self.clear_button.clicked.connect(comparing.clear)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(8)
        self.hint = QLabel(tr("Pin this run, then change a control: both are drawn, on the same random draws."))
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.addWidget(self.pin_button)
        row.addWidget(self.fit_button)
        row.addSpacing(8)
        row.addWidget(self.hint)
        row.addLayout(self.chips, 1)
        row.addWidget(self.clear_button)
        self.labels: list[QLabel] = []  # the chips' labels (for tests)
        self.show_runs([], None)

    def show_runs(self, runs: list[ComparedRun], theme) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.labels = []
        many = len(runs) > 1 or any(r.pinned for r in runs)  # one pinned run: say so too
        for i, run in enumerate(runs if many else []):
            swatch = QLabel("■")
            swatch.setStyleSheet(f"color: {colour(theme, i)}; font-size: 22px;")
            self.chips.addWidget(swatch)
            label = ElidedLabel(run.title + ("" if run.pinned else " " + tr("(controls)")))
            label.setToolTip(run.title if run.pinned else tr("{0}: the run of the controls, not pinned").format(
                run.title))
            self.chips.addWidget(label)
            self.labels.append(label)
            if run.pinned:
                unpin = QToolButton()
                unpin.setText("×")
                unpin.setToolTip(tr("Unpin {0}").format(run.letter))
                unpin.setAutoRaise(True)
                unpin.clicked.connect(lambda _=False, k=i: self.comparing.unpin(k))
                self.chips.addWidget(unpin)
        self.chips.addStretch(1)
        self.hint.setVisible(not many)
        self.clear_button.setVisible(any(r.pinned for r in runs))


class ElidedLabel(QLabel):
    """A label that ends in "…" where its room is too short, instead of widening the window
    past the screen; ``text()`` is the whole text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._full = text
        self.setMinimumWidth(40)
        super().setText(text)

    def text(self) -> str:  # the whole text, whatever is shown
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override): room for the whole text when there is some
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))
        super().resizeEvent(event)


class Comparing(QObject):
    """The window's pinned list and the runs it compares (``window``: the MainWindow)."""

    def __init__(self, window, menus: dict) -> None:
        super().__init__(window)
        self.window = window
        self.pinned = Pinned()
        self.compared: list[ComparedRun] = []
        self.preset_config: SimulationConfig | None = None  # the configuration a preset loaded
        self._from_preset = False  # the pins are a preset's (the next preset replaces them)
        self._cache: dict[SimulationConfig, RunData] = {}
        self.bar = PinBar(self)
        area = window.area
        area.layout().insertWidget(2, self.bar)  # under the toolbar and caption, over the figure
        menu = QMenu(tr("&Compare"), window)
        window.menuBar().insertMenu(menus["view"].menuAction(), menu)
        menus["compare"] = menu
        self.actions = {}
        for key, text, slot, keys in (
            ("pin", tr("&Pin the current run"), self.pin, "Ctrl+P"),
            ("unpin", tr("&Unpin the last run"), lambda: self.unpin(len(self.pinned) - 1), None),
            ("clear", tr("Unpin &all"), self.clear, "Ctrl+Shift+P"),
            ("fit", tr("&Fit the x range to the runs"), self.fit, "Ctrl+Shift+F"),
        ):
            action = QAction(text, window)
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            window.addAction(action)  # works from any focus, also with the menu bar hidden
            self.actions[key] = action
        self._sync()

    # -- the list ---------------------------------------------------------------------
    def pin(self) -> bool:
        """Pin the controls' configuration; False (and a message) when it is bad or the list is full."""
        try:
            config = self.window.panel.config()
            self.pinned = self.pinned.add(config)
        except ConfigError as exc:
            self.window.show_message(tr("Not pinned: {0}").format(exc))
            return False
        except PinError:
            self.window.show_message(tr("At most {0} runs can be pinned: unpin one first (the × beside it, or "
                                        "Compare > Unpin all).").format(MAX_PINS))
            return False
        self._from_preset = False
        self._changed()
        return True

    def unpin(self, index: int) -> None:
        if 0 <= index < len(self.pinned):
            self.pinned = self.pinned.remove(index)
            self._changed()

    def clear(self) -> None:
        if len(self.pinned):
            self.pinned = Pinned()
            self._changed()

    def set_pinned(self, pinned: Pinned) -> None:
        """Replace the list (a file, the settings)."""
        self.pinned = pinned
        self._from_preset = False
        self._sync()

    def _changed(self) -> None:
        self._sync()
        self.window.rerun()

    def _sync(self) -> None:
        n = len(self.pinned)
        self.actions["unpin"].setEnabled(n > 0)
        self.actions["clear"].setEnabled(n > 0)
        try:
            current = self.window.panel.config()
        except ConfigError:
            return
        self.compared = self.pinned.compared(current, translate_label) if n else []
        self.bar.show_runs(self.compared, self.window.theme)

    def fit(self) -> bool:
        """Set the range to one that holds every run's activations (their measured means and
        stds), and rerun; False when no run has a finite layer yet."""
        runs = [(run.config, [(st.mean, st.std) for st in run.series["activations"].stats if st is not None])
                for run in self.window.runs]
        fitted = fit_for(runs)
        if fitted is None:
            self.window.show_message(tr("Nothing to fit yet: no run has a finite layer."))
            return False
        try:
            config = self.window.panel.config().replace(hist_range=fitted)
        except ConfigError as exc:
            self.window.show_message(str(exc))
            return False
        self.window.panel.set_config(config)
        self.window.rerun()
        return True

    def load_preset(self, preset: Preset) -> SimulationConfig:
        """A preset's configuration for the controls. One that compares becomes the pinned
        list, on a range fitted to both runs' predicted spread; any other replaces a preset's
        pins but keeps the user's."""
        if preset.compare is not None:
            configs = (preset.config, preset.compare)
            fitted = fit_for([(c, predicted_moments(c)) for c in configs])
            if fitted is not None:
                configs = tuple(c.replace(hist_range=fitted) for c in configs)
            self.pinned = Pinned(configs)
            self._from_preset = True
        elif self._from_preset:
            self.pinned = Pinned()
            self._from_preset = False
        self.preset_config = self.pinned.configs[0] if preset.compare is not None else preset.config
        self._sync()
        return self.preset_config

    # -- the runs ---------------------------------------------------------------------
    def plan(self, config: SimulationConfig, title: str, y_max: float | None):
        """The runs to show for ``config`` and what must run: (shown, job, its RunData), where
        job is the (title, configuration) pairs for the runner and its RunData receive their
        results. Pinned runs that finished before are shown again without running."""
        self._sync()
        compared = self.pinned.compared(config, translate_label) if len(self.pinned) else []
        if not compared:
            compared = [ComparedRun("A", title, config, False)]
        shown, job, slots = [], [], []
        for c in compared:
            run = self._cache.get(c.config)
            if run is None or not c.pinned or not complete(run):
                run = RunData(c.config, c.title if len(compared) > 1 else title, y_max)
                job.append((run.title, c.config))
                slots.append(run)
            run.title = c.title if len(compared) > 1 else title
            run.y_max = y_max
            shown.append(run)
        self._cache = {run.config: run for run in shown}
        return shown, job, slots

    def training_runs(self, config: SimulationConfig) -> list[tuple[str, SimulationConfig]]:
        """The (title, network) pairs the Training view trains side by side when runs are
        pinned; empty when nothing is."""
        if not len(self.pinned):
            return []
        return [(c.title, c.config) for c in self.pinned.compared(config, translate_label)]

    # -- files and settings -----------------------------------------------------------
    def settings_values(self) -> dict:
        return {SETTING: json.dumps(self.pinned.to_json())}

    def restore(self, text) -> list[str]:
        """The pinned list saved in the settings; the problems, one line each."""
        if not text:
            return []
        try:
            value = json.loads(str(text))
        except ValueError:
            return [tr("The pinned runs in the settings could not be read; none are pinned.")]
        pinned, problems = Pinned.from_json(value)
        self.set_pinned(pinned)
        return [tr("Settings: {0}").format(p) for p in problems]


def read_file(path: str | Path) -> tuple[SimulationConfig, Pinned, list[str]]:
    """A configuration file: its configuration, its pinned list (none in older files) and one
    line per pinned entry that could not be used. ConfigError when the file or its
    configuration cannot be used (only a regular file of at most a megabyte is read)."""
    try:
        text = read_text(path)
    except OSError as exc:
        raise ConfigError(tr("cannot read {0}: {1}").format(path, exc.strerror or exc)) from None
    try:
        data = parse_json(text, Path(path).name)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    fields, pinned = split_file(data)
    config = SimulationConfig.from_dict(fields)
    pins, problems = Pinned.from_json(pinned)
    return config, pins, problems


def write_file(path: str | Path, config: SimulationConfig, pinned: Pinned) -> None:
    """The configuration and, when any, the pinned list; OSError when it cannot be written."""
    write_text_atomically(path, json.dumps(file_data(config, pinned), indent=2, ensure_ascii=False) + "\n")
