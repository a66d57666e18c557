"""Translation helpers: every user-visible string goes through Qt's translation system.

Widgets use ``self.tr``; module-level code and non-QObject helpers use ``tr(text)``
below. ``pyside6-lupdate`` files such bare ``tr`` calls under the empty context, so
that is the context ``tr`` looks them up in (checked: lupdate on initviz/ui).
``install_translator`` loads ``resources/translations/initviz_<locale>.qm`` when there
is one (a Korean translation comes later). Preset titles and descriptions, and the
engine's descriptions of schemes, parameters and activations (labels, formulas, sources,
help) come from Qt-free modules and are looked up with ``tr`` at run time; lupdate does
not see them, so a translator adds them to the .ts file by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..resources import resource_path

CONTEXT = ""  # what pyside6-lupdate assigns to a bare tr("...") call
TRANSLATIONS = resource_path("translations")  # from source and from the bundle


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated in the context lupdate gives a bare ``tr`` call."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Load the translation for ``locale`` (default: the system's); None when there is none."""
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "initviz", "_", str(TRANSLATIONS)):
        app.installTranslator(translator)
        return translator
    return None
