"""Loading the window's language: our Qt catalogue, Qt's own, and the core's gettext one."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.i18n import LANGUAGES, normalise_language, set_language

_installed: list[QTranslator] = []


def system_language() -> str:
    return normalise_language(QLocale.system().name())


def effective_language(preference: str) -> str:
    return normalise_language(preference) if preference else system_language()


def install(language: str) -> str:
    """Switch the whole program to ``language`` ("en", "es"); returns the language used."""
    app = QCoreApplication.instance()
    lang = language if language in LANGUAGES else "en"
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale("es_HN" if lang == "es" else "en_GB")
    QLocale.setDefault(locale)
    if app is not None:
        ours = str(resources.files("resources") / "translations")
        catalogues = [(f"planner_{lang}", ours)]  # English has one too, for its plurals
        if lang != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            catalogues.insert(0, (f"qtbase_{lang}", qt_dir))
        for name, folder in catalogues:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    set_language(lang)
    return lang
