"""The lecture's caption panel: title, caption, formula and the highlighted live number.

Its type follows the window: at 1920 x 1080 the caption is CAPTION_PX (28 px) and the
title and number larger; on smaller screens it shrinks in proportion, never below
MIN_CAPTION_PX, so that the figure keeps most of the height.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..lecture import STEPS, Highlight, Step
from .i18n import tr
from .theme import Theme

#: Caption type at the reference screen (1920 x 1080), and the smallest it gets.
CAPTION_PX = 28
MIN_CAPTION_PX = 16
REFERENCE = (1920, 1080)


def caption_px(width: int, height: int) -> int:
    """The caption's pixel size for a window of ``width`` x ``height``."""
    ratio = min(width / REFERENCE[0], height / REFERENCE[1])
    return max(MIN_CAPTION_PX, round(CAPTION_PX * min(ratio, 1.5)))


class CaptionPanel(QFrame):
    """What the audience reads under the figure; ``show_step`` then ``set_highlight``."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lectureCaption")
        self.title = QLabel()
        self.counter = QLabel()
        self.caption = QLabel()
        self.formula = QLabel()
        self.number = QLabel()
        for label in (self.title, self.caption, self.formula):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.counter, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.formula)
        # the number on a line of its own, as wide as its text (wrapped, it split formulas)
        bottom = QHBoxLayout()
        bottom.addWidget(self.number, 0)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.px = CAPTION_PX
        self.step: Step | None = None
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._style()

    def set_size_for(self, width: int, height: int) -> None:
        """Type sized for a window of ``width`` x ``height``."""
        px = caption_px(width, height)
        if px != self.px:
            self.px = px
            self._style()

    def _style(self) -> None:
        t, px = self.theme, self.px
        self.setStyleSheet(
            f"#lectureCaption {{ background: {t.base}; border-top: 3px solid {t.highlight}; }}"
        )
        for label, size, bold, colour in ((self.title, round(px * 1.25), True, t.foreground),
                                          (self.counter, px, False, t.muted),
                                          (self.caption, px, False, t.foreground),
                                          (self.formula, px, False, t.foreground)):
            font = QFont(label.font())
            font.setPixelSize(size)
            font.setBold(bold)
            label.setFont(font)
            label.setStyleSheet(f"color: {colour};")
        font = QFont(self.number.font())
        font.setPixelSize(px)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setStyleSheet(f"color: {t.background}; background: {t.highlight}; padding: 4px 10px;"
                                  " border-radius: 4px;")

    def show_step(self, number: int, step: Step) -> None:
        self.step = step
        self.title.setText(tr(step.title))
        self.counter.setText(tr("{0} / {1}").format(number, len(STEPS)))
        self.caption.setText(tr(step.caption))
        self.formula.setText(tr(step.formula))
        self.set_highlight(None)

    def set_highlight(self, highlight: Highlight | None) -> None:
        self.number.setText(highlight.text(tr) if highlight is not None else tr("measuring..."))

    @property
    def caption_pixel_size(self) -> int:
        return self.caption.font().pixelSize()
