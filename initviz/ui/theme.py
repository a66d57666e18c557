"""Projector-friendly themes: large type, thick lines, colour-blind-safe colours.

Colours are from Okabe & Ito (2008), "Color Universal Design": distinguishable with
every common colour-vision deficiency, and chosen dark enough (light theme) or bright
enough (dark theme) to survive a washed-out projector. The heat maps use cividis
(Nuñez et al. 2018), designed to read the same with deuteranopia.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# Okabe-Ito
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"

#: Base point size of the interface; plots use FONT_PX for tick labels. All three are
#: sizes at text zoom 1: draw text at ``scaled_px(FONT_PX)`` (``plot_font`` does it).
BASE_POINT_SIZE = 13
FONT_PX = 17
TITLE_PX = 20
LINE_WIDTH = 3
#: The text zoom's steps (Ctrl+= / Ctrl+- walk them, Ctrl+0 returns to 1).
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)
#: Where the zoom is kept: a property of the QApplication, as its font is (one per app).
_SCALE_PROPERTY = "initviz_font_scale"


@dataclass(frozen=True)
class Theme:
    """Colours of one theme; ``series`` colours the runs of a comparison (four pinned runs
    and the controls' run: five Okabe-Ito colours, each named by its run's letter too)."""

    name: str
    background: str
    foreground: str
    muted: str
    grid_alpha: float
    bar: str
    bar_edge: str
    prediction: str
    series: tuple[str, ...]
    colormap: str
    window: str
    base: str
    highlight: str
    error: str


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    foreground="#111111",
    muted="#555555",
    grid_alpha=0.25,
    bar=BLUE,
    bar_edge="#003F63",
    prediction=VERMILLION,
    series=(BLUE, VERMILLION, GREEN, PURPLE, ORANGE),
    colormap="cividis",
    window="#F2F2F2",
    base="#FFFFFF",
    highlight=BLUE,
    error="#B00020",
)

DARK = Theme(
    name="dark",
    background="#101010",
    foreground="#F5F5F5",
    muted="#BBBBBB",
    grid_alpha=0.3,
    bar=SKY,
    bar_edge="#BFE4F8",
    prediction=ORANGE,
    series=(SKY, ORANGE, GREEN, PURPLE, YELLOW),
    colormap="cividis",
    window="#1E1E1E",
    base="#141414",
    highlight=SKY,
    error="#FF8A80",
)

THEMES = {t.name: t for t in (LIGHT, DARK)}


def font_scale() -> float:
    """The text zoom: every text size (interface and plots) is its base size times this."""
    app = QApplication.instance()
    value = app.property(_SCALE_PROPERTY) if app is not None else None
    return float(value) if value else 1.0


def set_font_scale(scale: float) -> float:
    """Set the text zoom (clamped to ZOOM_STEPS' range) and return it. Nothing is redrawn:
    call ``apply_to_application`` and the views' ``set_theme`` afterwards."""
    scale = min(max(float(scale), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
    app = QApplication.instance()
    if app is not None:
        app.setProperty(_SCALE_PROPERTY, scale)
    return scale


def zoom_step(scale: float, direction: int) -> float:
    """The next ZOOM_STEPS entry above (direction 1) or below (-1) ``scale``; 0: back to 1."""
    if direction == 0:
        return 1.0
    if direction > 0:
        return next((s for s in ZOOM_STEPS if s > scale + 1e-9), ZOOM_STEPS[-1])
    return next((s for s in reversed(ZOOM_STEPS) if s < scale - 1e-9), ZOOM_STEPS[0])


def scaled_px(px: float) -> int:
    """``px`` (a size at zoom 1) at the current text zoom, in whole pixels."""
    return max(1, round(px * font_scale()))


def plot_font(px: int = FONT_PX, bold: bool = False) -> QFont:
    """A plot font of ``px`` pixels at zoom 1 (scaled by the text zoom)."""
    font = QFont()
    font.setPixelSize(scaled_px(px))
    font.setBold(bold)
    return font


def apply_to_application(app: QApplication, theme: Theme) -> None:
    """Fusion style with the theme's palette and large type (BASE_POINT_SIZE at the text zoom)."""
    app.setStyle("Fusion")
    pal = QPalette()
    fg, bg = QColor(theme.foreground), QColor(theme.window)
    pal.setColor(QPalette.ColorRole.Window, bg)
    pal.setColor(QPalette.ColorRole.WindowText, fg)
    pal.setColor(QPalette.ColorRole.Base, QColor(theme.base))
    pal.setColor(QPalette.ColorRole.AlternateBase, bg)
    pal.setColor(QPalette.ColorRole.Text, fg)
    pal.setColor(QPalette.ColorRole.Button, bg)
    pal.setColor(QPalette.ColorRole.ButtonText, fg)
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor(theme.base))
    pal.setColor(QPalette.ColorRole.ToolTipText, fg)
    pal.setColor(QPalette.ColorRole.Highlight, QColor(theme.highlight))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor(theme.background))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    # Frame and check-box colours: derived from the window colour, so that they show
    # on the dark theme too.
    dark_theme = bg.lightness() < 128
    pal.setColor(QPalette.ColorRole.Light, bg.lighter(250 if dark_theme else 130))
    pal.setColor(QPalette.ColorRole.Midlight, bg.lighter(200 if dark_theme else 115))
    pal.setColor(QPalette.ColorRole.Mid, bg.lighter(170) if dark_theme else bg.darker(130))
    pal.setColor(QPalette.ColorRole.Dark, bg.lighter(140) if dark_theme else bg.darker(160))
    pal.setColor(QPalette.ColorRole.Shadow, QColor("#000000"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    app.setPalette(pal)
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE * font_scale())
    app.setFont(font)
    # Before app.exec() Qt does not pass a new application font on to existing widgets
    # (the launch showed 9 pt until the theme was switched twice): pass it on here.
    for widget in app.allWidgets():
        QApplication.sendEvent(widget, QEvent(QEvent.Type.ApplicationFontChange))
    # Large, high-contrast check boxes (Fusion's are faint on a projector, invisible on
    # the dark theme): an outlined square, filled with the highlight colour when checked.
    box = scaled_px(18)
    app.setStyleSheet(
        f"QCheckBox::indicator {{ width: {box}px; height: {box}px; border: 2px solid {theme.muted};"
        f" border-radius: 3px; background: {theme.base}; }}"
        f" QCheckBox::indicator:checked {{ background: {theme.highlight}; border-color: {theme.foreground}; }}"
        f" QCheckBox::indicator:disabled {{ border-color: {theme.window}; }}"
    )
