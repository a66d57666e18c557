"""Projector-friendly themes: large type, thick lines, colour-blind-safe colours.

Colours are from Okabe & Ito (2008), "Color Universal Design": distinguishable with
every common colour-vision deficiency, and chosen dark enough (light theme) or bright
enough (dark theme) to survive a washed-out projector. The heat maps use cividis
(Nuñez et al. 2018), designed to read the same with deuteranopia.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# Okabe-Ito
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"

#: Base point size of the interface; plots use FONT_PX for tick labels.
BASE_POINT_SIZE = 13
FONT_PX = 17
TITLE_PX = 20
LINE_WIDTH = 3


@dataclass(frozen=True)
class Theme:
    """Colours of one theme; ``series`` colours the runs of a comparison."""

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
    series=(BLUE, VERMILLION, GREEN, PURPLE),
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
    series=(SKY, ORANGE, GREEN, PURPLE),
    colormap="cividis",
    window="#1E1E1E",
    base="#141414",
    highlight=SKY,
    error="#FF8A80",
)

THEMES = {t.name: t for t in (LIGHT, DARK)}


def plot_font(px: int = FONT_PX, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def apply_to_application(app: QApplication, theme: Theme) -> None:
    """Fusion style with the theme's palette and large type."""
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
    # Large, high-contrast check boxes (Fusion's are faint on a projector, invisible on
    # the dark theme): an outlined square, filled with the highlight colour when checked.
    app.setStyleSheet(
        f"QCheckBox::indicator {{ width: 18px; height: 18px; border: 2px solid {theme.muted};"
        f" border-radius: 3px; background: {theme.base}; }}"
        f" QCheckBox::indicator:checked {{ background: {theme.highlight}; border-color: {theme.foreground}; }}"
        f" QCheckBox::indicator:disabled {{ border-color: {theme.window}; }}"
    )
    font = app.font()
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
