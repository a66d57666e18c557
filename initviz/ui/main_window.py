"""The main window: controls on the left, the figure in the middle, status at the bottom.

Wiring only: the control panel describes a configuration, ``SimulationRunner`` runs it
on the worker thread, ``RunData`` gathers the results and the ``ViewArea`` draws them.
Redraws are batched by a timer, control changes debounced by another.
"""

from __future__ import annotations

import gc
import html
import sys
import time

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..engine import ConfigError, RunSummary
from ..presets import Preset
from .controls import ControlPanel
from .error_text import translated_error
from .file_actions import FileActions
from .first_launch import open_first_figure
from .guide import install_help
from .i18n import tr
from .lecture_actions import install_lecture
from .menus import build_menus
from .pins import Comparing
from .presenting import Presenting
from .rundata import RunData
from .settings import Settings, config_to_text
from .theme import THEMES, apply_to_application
from .view_area import ViewArea
from .worker import SimulationRunner

#: Milliseconds between a control change and the rerun it causes.
DEBOUNCE_MS = 250
#: Milliseconds between two redraws while results stream in: at least REDRAW_MS, at
#: most MAX_REDRAW_MS, else PAINT_SHARE times what a redraw and its repaints cost.
REDRAW_MS = 40
MAX_REDRAW_MS = 1000
PAINT_SHARE = 30
#: Minimum width of the control panel, in pixels.
PANEL_WIDTH = 400


class MainWindow(FileActions, QMainWindow):
    """The application window. ``run_finished`` fires when the current job has ended."""

    run_finished = Signal()

    def __init__(self, settings: Settings | None = None, theme: str | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.theme = THEMES.get(theme or str(self.settings.get("view/theme", "light")), THEMES["light"])
        self.setWindowTitle(self.tr("initviz: weight initialization, layer by layer"))
        self.runner = SimulationRunner(self)
        self.panel = ControlPanel()
        self.area = ViewArea(self.theme)
        self.runs: list[RunData] = []  # on screen
        self._next: list[RunData] = []  # of the job being started
        self._preset: Preset | None = None
        self._training = False  # the Training view is shown (it trains instead of simulating)
        self._started_at = 0.0
        self._redraw_cost = 0.0
        self._build_layout()
        self._build_status()
        self.menus = build_menus(self)
        self.presenting = Presenting(self, self.menus["view"])  # text zoom (before the theme), panel toggle
        self.lecture = install_lecture(self)  # View > Lecture, File > Lecture handout (lecture_actions.py)
        self.compare = Comparing(self, self.menus)  # pinned runs
        self.shortcuts = install_help(self)  # Help > Guide (F1); the shortcuts work from any focus
        self._slots: list[RunData] = []  # the job's runs, by the runner's index
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.rerun)
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._redraw.timeout.connect(self._draw)
        self._pending_progress: tuple[int, str] | None = None  # (steps done, text) for the next tick
        self._clock = QTimer(self, interval=200)
        self._clock.timeout.connect(self._tick)
        self.panel.changed.connect(self._debounce.start)
        self.panel.changed.connect(self.dismiss_message)
        r = self.runner
        r.run_started.connect(self._on_started)
        r.forward_layer.connect(self._on_result)
        r.backward_layer.connect(self._on_result)
        r.run_finished.connect(self._on_finished)
        r.refused.connect(self._on_refused)
        r.failed.connect(self._on_failed)
        r.job_done.connect(self._on_done)
        self._apply_theme(self.theme)
        self._restore()
        # Objects that live as long as the window never need a garbage-collection pass
        # (a full pass over them all would stall the GUI thread mid-run).
        gc.freeze()

    # -- construction -----------------------------------------------------------------
    def _build_layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(PANEL_WIDTH)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.banner.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.banner.linkActivated.connect(self.dismiss_message)
        self._banner_sticky = False
        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(4, 4, 4, 0)
        col.addWidget(self.banner)
        col.addWidget(self.area, 1)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([PANEL_WIDTH + 40, 1400])
        split.setCollapsible(1, False)
        self.setCentralWidget(split)
        self.area.view_changed.connect(self._schedule_draw)
        self.area.view_changed.connect(self._view_switched)
        self.area.view_created.connect(self._on_view_created)

    def _on_view_created(self, key: str) -> None:
        if key == "deep":
            self.area.deep.layer_chosen.connect(lambda k: self.status.showMessage(self.tr("Layer {0}").format(k), 3000))
        elif key == "phase":
            self.area.phase.configuration_requested.connect(self._phase_configuration)
        elif key == "training":
            view = self.area.training
            view.attach(self.runner)
            view.changed.connect(self._debounce.start)
            panel = self.panel.layout()  # its settings under the network they train, before the stretch
            panel.insertWidget(panel.count() - 1, view.settings_box)

    def _view_switched(self) -> None:
        """Into or out of the Training view: the other kind of run is wanted now."""
        training = self.area.current_key == "training"
        if training != self._training:
            self._training = training
            self.panel.set_training(training)
            self._debounce.start()

    def _phase_configuration(self, change, immediate: bool) -> None:
        """The phase view moves the configuration (a click, a drag, its input pairs): now, or
        after the debounce while a drag goes on."""
        try:
            config = change(self.panel.config())
        except ConfigError as exc:
            self.panel.show_error(str(exc))
            return
        self._preset = None
        self.panel.set_config(config)
        self.rerun() if immediate else self._debounce.start()

    def _build_status(self) -> None:
        self.status = self.statusBar()
        self.progress_text = QLabel(self.tr("Ready"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(False)
        self.elapsed = QLabel()
        self.reason = QLabel()
        self.notice = QLabel()
        self.notice.setWordWrap(False)
        for w, stretch in ((self.progress_text, 0), (self.progress, 0), (self.elapsed, 0), (self.reason, 1),
                           (self.notice, 0)):
            self.status.addPermanentWidget(w, stretch)

    # -- runs -------------------------------------------------------------------------
    def rerun(self) -> bool:
        """Start a run of the controls' configuration; False (and a message) when it is bad."""
        self._debounce.stop()
        try:
            config = self.panel.config()
        except ConfigError as exc:
            self.panel.show_error(str(exc))
            self.reason.setText(self.tr("Not run: {0}").format(translated_error(str(exc))))
            return False
        self.panel.show_error(None)
        if self.area.current_key == "training":
            return self._train(config)
        preset = self._preset
        if preset is not None and config == self.compare.preset_config:
            self.area.caption.setText(tr(preset.description))
        else:
            self._preset = None
            self.area.caption.setText("")
        title = tr(preset.title) if self._preset is not None else self.tr("Measured")
        y_max = preset.y_max if self._preset is not None else None
        self._next, runs, self._slots = self.compare.plan(config, title, y_max)
        if not runs:  # every run shown finished before (pinned)
            self._started_at = time.perf_counter()
            self.reason.setText("")
            self._on_started(0)
            self._on_done()
            return True
        self.runner.start(runs)
        self._started_at = time.perf_counter()
        self._clock.start()
        self.progress.setRange(0, sum(r.total_steps for r in self._slots))
        self._pending_progress = None
        self.progress.setValue(0)
        self.progress_text.setText(self.tr("Starting..."))
        self.reason.setText("")
        self._tick()
        return True

    def cancel(self) -> None:
        if self.runner.busy:
            self.runner.cancel()
            self.progress_text.setText(self.tr("Cancelling..."))

    def load_preset(self, preset: Preset) -> None:
        self._preset = preset
        self.panel.set_config(self.compare.load_preset(preset))
        if preset.training:
            self.area.set_view("training")
        elif self.area.current_key == "training":  # a histogram preset: its figure
            self.area.set_view("auto")
        self.rerun()

    def _train(self, config) -> bool:
        """The Training view trains the configuration (or the training preset's runs)."""
        preset = self._preset if self._preset is not None and config == self.compare.preset_config else None
        self._preset = preset
        self.area.caption.setText(tr(preset.description) if preset is not None else "")
        self.reason.setText("")
        self._started_at = time.perf_counter()
        return self.area.training.start(config, preset, self.compare.training_runs(config))

    def _on_started(self, index: int) -> None:
        if index == 0:  # the new run replaces the old one at the next redraw
            self.runs = self._next
            self.area.set_runs(self.runs, redraw=False)
            if not self._banner_sticky:
                self.banner.setVisible(False)
        self._schedule_draw()

    def _on_result(self, index: int, result) -> None:
        run = self._slots[index]
        run.add(result)
        done = sum(r.steps_done for r in self._slots)
        pass_name = self.tr("forward") if result.pass_name == "forward" else self.tr("backward")
        prefix = f"{run.title}: " if len(self.runs) > 1 else ""
        # Shown by the clock's next tick: setting the status bar's widgets for each of
        # hundreds of layers a second would relayout and repaint them every time.
        text = prefix + self.tr("{0}: layer {1} of {2}").format(pass_name, result.layer, run.depth)
        self._pending_progress = (done, text)
        self._schedule_draw()

    def _on_finished(self, index: int, summary: RunSummary) -> None:
        self._slots[index].add(summary)
        if summary.stopped == "diverged":
            self.reason.setText(self.tr("Diverged at layer {0} (non-finite values)").format(summary.diverged_at))
        elif summary.stopped == "cancelled":
            self.reason.setText(self.tr("Cancelled"))
        elif index == len(self._slots) - 1 and not self.reason.text():
            self.reason.setText(self.tr("Finished in {0:.2f} s").format(time.perf_counter() - self._started_at))
        self._schedule_draw()

    def _on_refused(self, message: str) -> None:
        self.reason.setText(self.tr("Refused for memory: {0}").format(message))
        self.panel.show_error(self.tr("Refused for memory: {0}").format(message))

    def _on_failed(self, message: str) -> None:
        self.reason.setText(self.tr("Failed"))
        self.show_message(self.tr("The simulation failed: {0}").format(message))

    def _on_done(self) -> None:
        self._clock.stop()
        self._tick()
        self.progress_text.setText(self.tr("Ready"))
        self._draw()
        self.run_finished.emit()

    def _tick(self) -> None:
        self.elapsed.setText(self.tr("{0:.1f} s").format(time.perf_counter() - self._started_at))
        if self._pending_progress is not None:
            done, text = self._pending_progress
            self._pending_progress = None
            self.progress.setValue(done)
            self.progress_text.setText(text)

    def _schedule_draw(self) -> None:
        """Redraw soon, but leave the GUI thread idle most of the time: the pause before
        the next redraw is PAINT_SHARE times what the last redraw and repaint cost."""
        if not self._redraw.isActive():
            self._redraw.start(int(min(MAX_REDRAW_MS, max(REDRAW_MS, 1000 * PAINT_SHARE * self._redraw_cost))))

    def _draw(self) -> None:
        self._redraw.stop()
        start = time.perf_counter()
        self.area.refresh()
        view = self.area.current
        painted = view.take_paint_time() if hasattr(view, "take_paint_time") else 0.0
        # what the previous redraw cost in all: its repaints (done since) and this draw
        self._redraw_cost = painted + time.perf_counter() - start

    def show_message(self, text: str, sticky: bool = False) -> None:
        """A non-blocking message in the window (and the status bar). A ``sticky`` one
        outlives the next run: it stays until dismissed or a control changes."""
        text = translated_error(text)  # the engine's English messages in the interface language
        self.banner.setText(f"{html.escape(text)} &nbsp;<a href='dismiss'>{html.escape(self.tr('Dismiss'))}</a>")
        self.banner.setVisible(True)
        self._banner_sticky = sticky
        self.status.showMessage(text, 8000)

    def dismiss_message(self, *_args) -> None:
        self._banner_sticky = False
        self.banner.setVisible(False)

    # -- appearance, settings, close --------------------------------------------------
    def set_theme(self, key: str) -> None:
        self._apply_theme(THEMES[key])

    def _apply_theme(self, theme) -> None:
        self.theme = theme
        app = QApplication.instance()
        if app is not None:
            apply_to_application(app, theme)
        self.area.set_theme(theme)
        style = f"color: {theme.error}; font-weight: bold;"
        self.banner.setStyleSheet(style + f"border: 2px solid {theme.error}; padding: 6px;")
        self.panel.error.setStyleSheet(style)
        self.notice.setStyleSheet(f"color: {theme.error};")
        for action in self.theme_group.actions():
            action.setChecked(action.data() == theme.name)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_about(self) -> None:
        try:
            from .about import show_about
        except ImportError:
            QMessageBox.about(self, self.tr("About initviz"), self.tr("initviz {0}").format(__version__))
            return
        show_about(self)

    def _restore(self) -> None:
        s = self.settings
        config = s.config()
        geometry = s.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        self.area.set_view(str(s.get("view/view", "auto")))
        self.area.set_quantity(str(s.get("view/quantity", "activations")))
        self.area.log_y.setChecked(str(s.get("view/log_y", "false")).lower() == "true")
        if config is not None:
            self.panel.set_config(config)
        else:
            open_first_figure(self)
        s.notices += self.compare.restore(s.get("run/pinned"))
        if s.notices:
            self.notice.setText(" ".join(s.notices))
            self.notice.setToolTip("\n".join(s.notices))
            for notice in s.notices:  # also for whoever started it from a terminal (and CI)
                print(f"initviz: {notice}", file=sys.stderr)

    def _default_size(self) -> QSize:
        """1600 x 960, or 90% of the screen where that is smaller (a 1280 x 800 laptop)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or QGuiApplication.platformName() == "offscreen":  # its 800 x 600 screen is no screen
            return QSize(1600, 960)
        room = screen.availableGeometry().size()
        return QSize(min(1600, int(room.width() * 0.9)), min(960, int(room.height() * 0.9)))

    def save_settings(self) -> None:
        values = {
            "window/geometry": QByteArray(self.saveGeometry()),
            "view/theme": self.theme.name,
            "view/view": self.area.choice.currentData(),
            "view/quantity": self.area.quantity.currentData(),
            "view/log_y": self.area.log_y.isChecked(),
            **self.presenting.settings_values(),
            **self.compare.settings_values(),
        }
        try:
            values["run/config"] = config_to_text(self.panel.config())
        except ConfigError:
            if self.runs:
                values["run/config"] = config_to_text(self.runs[0].config)
        if not self.settings.save(values):  # at close: the terminal is where it can still be read
            print(f"initviz: {self.tr('settings were not saved to {0}').format(self.settings.path)}", file=sys.stderr)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._debounce.stop()
        self._redraw.stop()
        self._clock.stop()
        self.save_settings()
        if "phase" in self.area.views:
            self.area.phase.shutdown()
        self.runner.shutdown()
        super().closeEvent(event)
