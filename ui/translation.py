"""Loading the window's language: our Qt catalogue, Qt's own, and the core's gettext one."""

from __future__ import annotations

import os
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.domain.i18n import LANGUAGES, normalise_language, set_language

_installed: list[QTranslator] = []


def system_locale_name() -> str:
    """The system's locale ("es_PA"); ``PLANNER_SYSTEM_LOCALE`` stands in for it (tests, or to
    try the program as a user elsewhere would see it)."""
    return os.environ.get("PLANNER_SYSTEM_LOCALE") or QLocale.system().name()


def system_language() -> str:
    return normalise_language(system_locale_name())


def effective_language(preference: str) -> str:
    return normalise_language(preference) if preference else system_language()


# The regions whose dates, times and numbers the window can follow, per language, first the
# language's default. Export formats ("es-HN", "es-PA", "en") are chosen in the Export dialog.
REGIONS: dict[str, tuple[str, ...]] = {
    "es": ("es-HN", "es-PA"),
    "en": ("en-GB", "en-US"),
}


def effective_region(language: str, preference: str = "") -> str:
    """The region the window formats for: the preference when it is one of ``language``'s,
    else the system's when it is, else the language's default (es-HN, en-GB)."""
    regions = REGIONS.get(language, REGIONS["en"])
    if preference in regions:
        return preference
    system = system_locale_name().replace("_", "-")
    return system if system in regions else regions[0]


def export_locale(region: str) -> str:
    """The export date format (``planner export --locale``) matching a window region."""
    return region if region in ("es-HN", "es-PA") else "en"


def install(language: str, region: str = "") -> str:
    """Switch the whole program to ``language`` ("en", "es") with the dates, times and numbers
    of ``region`` ("es-PA"; "" = the usual one); returns the language used."""
    app = QCoreApplication.instance()
    lang = language if language in LANGUAGES else "en"
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(effective_region(lang, region).replace("-", "_")))
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
