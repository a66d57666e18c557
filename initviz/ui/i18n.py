"""Translation helpers: every user-visible string goes through Qt's translation system.

Widgets use ``self.tr``; module-level code and non-QObject helpers use ``tr(text)``
below. ``pyside6-lupdate`` files such bare ``tr`` calls under the empty context, so
that is the context ``tr`` looks them up in (checked: lupdate on initviz/ui). A call
``other.tr(...)`` outside ``other``'s class is filed by lupdate under the variable's
name, which is no context at run time: use the bare ``tr`` there.

Preset titles and descriptions, and the engine's descriptions of schemes, parameters
and activations (labels, formulas, sources, help) come from Qt-free modules and are
looked up with ``tr`` at run time; lupdate does not see them, so
``resources/translations/update.py`` writes them out as ``tr`` calls it can read
(``initviz/ui/i18n_sources.py`` lists them; docs/translation.md).

``install_translators`` loads ``resources/translations/initviz_ko.qm`` and Qt's own
``qtbase_ko.qm`` (standard buttons and dialogs) for Korean; English needs none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resource_path

CONTEXT = ""  # what pyside6-lupdate assigns to a bare tr("...") call
TRANSLATIONS = resource_path("translations")  # from source and from the bundle
#: The interface languages, by code (``--lang``); English is the source language.
LANGUAGES = ("en", "ko")
#: Where the running application keeps its language (a property of the QCoreApplication).
_LANGUAGE_PROPERTY = "initviz_language"
_LOADED_PROPERTY = "initviz_translations"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated in the context lupdate gives a bare ``tr`` call."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def system_language() -> str:
    """"ko" when the system's locale is Korean (LANG=ko_KR.UTF-8), else "en"."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def current_language() -> str:
    """The language ``install_translators`` set up ("en" before it ran)."""
    app = QCoreApplication.instance()
    value = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return str(value) if value in LANGUAGES else "en"


def loaded_translations() -> list[str]:
    """The translation files ``install_translators`` loaded: "initviz", "qtbase" (none in English)."""
    app = QCoreApplication.instance()
    value = app.property(_LOADED_PROPERTY) if app is not None else None
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's translations for ``language`` (none for English); the
    translators that loaded, parented to ``app``. A missing file is skipped: the app then
    shows those strings in English rather than not starting."""
    app.setProperty(_LANGUAGE_PROPERTY, language)
    if language == "en":
        return []
    locale = QLocale(language)
    QLocale.setDefault(locale)  # number formats, and QLocale() in dialogs
    installed, loaded = [], []
    for name, folder in (("initviz", str(TRANSLATIONS)),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
            loaded.append(name)
    app.setProperty(_LOADED_PROPERTY, loaded)  # --self-test reports them
    return installed
