"""Translation helpers: every user-visible string goes through Qt's translation system.

Widgets use ``self.tr``; module-level code and non-QObject helpers use ``tr`` below
(context "initviz"). ``install_translator`` loads ``resources/translations/initviz_<locale>.qm``
when there is one (a Korean translation comes later).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "initviz"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated in the shared "initviz" context."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load the translation for ``locale`` (default: the system's); None when there is none."""
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "initviz", "_", str(TRANSLATIONS)):
        app.installTranslator(translator)
        return translator
    return None
