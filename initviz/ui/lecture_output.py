"""The lecture without a presenter: ``lecture --list``, ``lecture --handout FILE.pdf`` and
``render --lecture N``.

Both pictures come from the real window in lecture mode (offscreen when there is no
display), so a rendered step is what the audience sees, and the handout's figures are
the window's own views, painted onto the PDF's pages (vector where the view draws
vectors). The caller has created the QApplication with its language.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QMarginsF, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QWidget

from ..engine import SimulationConfig
from ..lecture import STEPS, Step
from ..safe_io import write_atomically
from .i18n import tr

#: How long one step may take to compute before it is drawn as it is (training: ~20 s).
STEP_TIMEOUT_S = 300
#: The window the handout's figures are drawn in (the figure then fills it, 2:1).
HANDOUT_WINDOW = (1600, 800)
PDF_END = b"%%EOF"


def list_steps(out=None) -> int:
    out = out or sys.stdout
    for i, step in enumerate(STEPS, start=1):
        print(f"{i}\t{tr(step.title)}", file=out)
    return 0


def describe(config: SimulationConfig) -> str:
    """One line naming the step's network: activation, scheme and parameters, shape, seed."""
    spec = config.init
    params = ", ".join(_parameter(name, getattr(spec, name)) for name in spec.scheme.parameters)
    widths = sorted(set(config.width))
    width = str(widths[0]) if len(widths) == 1 else "–".join(str(w) for w in widths)
    text = tr("{0}, init {1}{2}; {3} layers of {4} units, {5} inputs of {6} features; seed {7}").format(
        config.activation, spec.name, f" ({params})" if params else "", config.depth, width, config.samples,
        config.features, config.seed)
    if config.bias == "normal":
        text += tr("; biases N(0, {0:.3g}²)").format(config.bias_std)
    if config.gradients:
        text += tr("; backward pass")
    return text


def _parameter(name: str, value) -> str:
    return f"{name}={value:g}" if isinstance(value, float) else f"{name}={value}"


class _Stage:
    """A window (``window_class``: the app's ``MainWindow``) in lecture mode, never shown on
    screen, with settings in a temporary folder."""

    def __init__(self, window_class, size: tuple[int, int], theme: str = "light", caption: bool = True) -> None:
        from .settings import Settings

        self._folder = tempfile.TemporaryDirectory(prefix="initviz-lecture-")
        self.window = window_class(Settings(self._folder.name), theme=theme)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # drawn, never on screen
        self.window.resize(*size)
        self.window.show()
        self.lecture = self.window.lecture
        self.caption = caption  # False: the figure alone (the handout sets the caption itself)

    def show(self, number: int) -> bool:
        """Step ``number`` computed and drawn; False when it did not finish in time."""
        lecture = self.lecture
        if lecture.active:
            lecture.go(number)
        else:
            lecture.enter(number, full_screen=False)
        lecture.panel.setVisible(self.caption)
        app = QApplication.instance()
        deadline = time.monotonic() + STEP_TIMEOUT_S
        while time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if self._done(lecture.step):
                break
            time.sleep(0.02)
        else:
            return False
        self.window._draw()  # the last results drawn now, not at the next redraw tick
        figure = self.window.area.current
        if hasattr(figure, "flush"):  # views that draw in steps (the deep view) finish now
            figure.flush()
        if self.lecture.step.training:  # its curves as the runs ended
            figure.draw()
        for _ in range(5):
            app.processEvents()
        return True

    def _done(self, step: Step) -> bool:
        w = self.window
        if step.highlight(self.lecture.runs()) is None or (w.runner.busy and not step.training):
            return False
        if step.view == "phase":  # its map is computed on a thread of its own
            return getattr(w.area.phase.canvas, "map", None) is not None
        return True

    def close(self) -> None:
        self.lecture.leave()
        self.window.close()
        # deleted now, while the application lives (left to the interpreter's exit, it crashed)
        self.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.window = self.lecture = None
        self._folder.cleanup()


def render_step(window_class, number: int, out: str, size: tuple[int, int], theme: str = "light") -> int:
    """Step ``number`` as the audience sees it (figure and caption panel), as a PNG."""
    from .export import export_png

    stage = _Stage(window_class, size, theme)
    try:
        if not stage.show(number):
            print(f"initviz render: error: step {number} did not finish in {STEP_TIMEOUT_S} s", file=sys.stderr)
            return 1
        stage.lecture.update_highlight()
        QApplication.instance().processEvents()
        export_png(stage.window, out)
    except OSError as exc:
        print(f"initviz render: error: {exc}", file=sys.stderr)
        return 2
    finally:
        stage.close()
    print(out)
    return 0


def write_handout(window_class, path: str, theme: str = "light", report: bool = True) -> int | str | None:
    """The handout at ``path`` (``make_handout``). With ``report``, for the command line: a
    line on the outcome and the exit status; else the problem, or None."""
    problem = make_handout(window_class, path, theme)
    if not report:
        return problem
    if problem:
        print(f"initviz lecture: error: {problem}", file=sys.stderr)
        return 2
    print(path)
    return 0


def make_handout(window_class, path: str, theme: str = "light") -> str | None:
    """One PDF page per step: title, the figure, caption, formula, the measured number and
    the configuration; the problem in one line, or None. The path is tried first, so a bad
    one fails before any step runs."""
    problem = unwritable(path)
    if problem:
        return tr("the handout cannot be written to {0}: {1}").format(path, problem)
    stage = _Stage(window_class, HANDOUT_WINDOW, theme, caption=False)
    try:
        write_atomically(path, lambda temporary: _pages(stage, temporary), check=_complete_pdf)
    except OSError as exc:
        return str(exc)
    finally:
        stage.close()
    return None


def unwritable(path: str) -> str | None:
    """Why ``path`` cannot be written (a folder, no such folder, no permission), or None;
    tried with a temporary file beside it, which is removed."""
    target = Path(path)
    if target.is_dir():
        return tr("it is a folder")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".probe"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    if target.exists() and not os.access(target, os.W_OK):
        return tr("permission denied")
    return None


def _complete_pdf(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(max(0, path.stat().st_size - 64))
        return PDF_END in f.read()


def _pages(stage: _Stage, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(tr("initviz: weight initialization, a lecture"))
    writer.setCreator("initviz")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 10, 12, 10), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(tr("could not write {0}").format(path))
    try:
        for number, step in enumerate(STEPS, start=1):
            if number > 1:
                writer.newPage()
            stage.show(number)
            _page(painter, writer, number, step, stage)
    finally:
        painter.end()


def _page(painter: QPainter, writer: QPdfWriter, number: int, step: Step, stage: _Stage) -> None:
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width, dots = page.width(), writer.resolution()
    mm = dots / 25.4
    y = 0

    def text(content: str, points: float, bold: bool = False, colour: str = "#111111", gap_mm: float = 2.0) -> None:
        nonlocal y
        font = QFont(QApplication.font())
        font.setPointSizeF(points)
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(QColor(colour))
        flags = int(Qt.TextFlag.TextWordWrap)
        box = painter.boundingRect(QRect(0, y, width, 10**5), flags, content)
        painter.drawText(QRect(0, y, width, box.height()), flags, content)
        y += box.height() + int(gap_mm * mm)

    text(tr("{0} / {1}   {2}").format(number, len(STEPS), tr(step.title)), 15, bold=True)
    figure = stage.window.area.current
    scale = width / max(figure.width(), 1)
    height = min(int(figure.height() * scale), int(page.height() * 0.7))
    scale = min(scale, height / max(figure.height(), 1))
    painter.save()
    try:
        painter.translate((width - figure.width() * scale) / 2, y)
        painter.scale(scale, scale)
        # QWidget's render (a pyqtgraph view overrides it with QGraphicsView's): the widget
        # and its children painted through the painter, so lines and text stay vectors
        QWidget.render(figure, painter, QPoint(0, 0))
    finally:
        painter.restore()
    y += height + int(3 * mm)
    text(tr(step.caption), 11)
    text(tr(step.formula), 11, colour="#0072B2")
    highlight = step.highlight(stage.lecture.runs())
    text(tr("Measured: {0}").format(highlight.text(tr) if highlight else "-"), 11, bold=True)
    text(describe(step.config) if not step.training else _training_line(step), 8, colour="#555555")


def _training_line(step: Step) -> str:
    runs = ", ".join(tr(title) for title, _ in step.preset.training)
    c = step.preset.training[0][1]
    width = c.width[0] if isinstance(c.width, (tuple, list)) else c.width
    return tr("MNIST, {0} hidden layers of {1} ({2}), {3} {4}, batch {5}, {6} iterations; runs: {7}").format(
        c.depth, width, c.activation, c.optimizer.upper(), f"{c.lr:g}", c.batch, c.iterations, runs)


def lecture_command(args, make_application, window_class) -> int | None:
    """``lecture``, ``render --lecture N`` and a check of ``--lecture N``: the exit status,
    or None when the window should start (in the lecture). ``window_class()`` gives the
    window's class once the application exists."""
    from .lecture_arguments import step_problem

    if args.command == "render" and args.render_lecture is None:
        return None  # a preset's figure
    name = "render" if args.command == "render" else "lecture"
    number = args.render_lecture if args.command == "render" else args.lecture
    problem = step_problem(number)
    if problem:
        where = f"initviz {name}: error: " if args.command else "initviz: error: --lecture: "
        print(where + problem, file=sys.stderr)
        return 2
    if args.command is None:
        return None
    if args.command == "render":
        if not args.out:
            print("initviz render: error: --out FILE.png is required", file=sys.stderr)
            return 2
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        make_application()
        return render_step(window_class(), number, args.out, args.size, args.render_theme)
    if not args.lecture_list and not args.handout:
        print("initviz lecture: error: give --list or --handout FILE.pdf", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_application()
    if args.lecture_list:
        return list_steps()
    return write_handout(window_class(), args.handout)
