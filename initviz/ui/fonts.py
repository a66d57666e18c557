"""The Korean font shipped with the app: registered at start, the interface's font in Korean.

A classroom PC or a bare Linux may have no Hangul font, and a system's CJK fallback font
has other metrics than the one the layout was checked with (it clipped the statistics
under each histogram). ``resources/fonts/`` holds a subset of Noto Sans CJK KR (SIL Open
Font License 1.1, ``resources/fonts/OFL.txt``; ``resources/make_font.py`` makes it): Latin,
digits, Greek, math symbols and the 2,350 Hangul syllables of KS X 1001. In Korean it is
the application font, so numbers and Hangul match, in the controls and in every plot
(``theme.plot_font`` starts from the application font). In English the interface keeps
the system font; the registered font still serves Hangul (the "한국어" menu entry) through
Qt's fallback.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import resource_path

#: The family name resources/make_font.py gives the subset.
FAMILY = "Noto Sans KR initviz"
FILES = ("NotoSansKR-initviz-Regular.otf", "NotoSansKR-initviz-Bold.otf")


def font_files() -> list:
    """The shipped font files (paths; a missing one is left out)."""
    return [p for p in (resource_path(f"fonts/{name}") for name in FILES) if p.is_file()]


def register_fonts() -> bool:
    """Add the shipped fonts to Qt's database (once per process); True when the family is there."""
    if FAMILY in QFontDatabase.families():
        return True
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
    return FAMILY in QFontDatabase.families()


def use_korean_font(app: QApplication) -> bool:
    """Make the shipped family the application font (size kept); False when it is missing."""
    if not register_fonts():
        return False
    font = app.font()
    font.setFamilies([FAMILY])
    app.setFont(font)
    return True
