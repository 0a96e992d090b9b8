"""The core's message catalogue (gettext, maintained with Babel's tooling).

Texts made in the core -- problem messages, command-line messages, export headings, day and
month names -- go through :func:`_` so that the command line and the exports speak Spanish
without Qt. The window has its own catalogue (Qt's ``tr``); both follow the same language.

Mark a text that is translated later (a constant, a table of labels) with :func:`N_` and
translate it where it is shown with :func:`_`.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from functools import cache
from importlib import resources

DOMAIN = "planner"
LANGUAGES: tuple[str, ...] = ("en", "es")
DEFAULT_LANGUAGE = "en"

_language: contextvars.ContextVar[str] = contextvars.ContextVar(
    "planner_language", default=DEFAULT_LANGUAGE
)


def _locale_dir() -> str:
    return str(resources.files("resources") / "locale")


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of one language (English is the source language and needs none)."""
    if lang == "en":
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=_locale_dir(), languages=[lang], fallback=True)


def normalise_language(value: str | None) -> str:
    """Map a locale name such as ``es_HN.UTF-8`` or ``es-PA`` to a language we speak."""
    if not value:
        return DEFAULT_LANGUAGE
    lang = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def environment_language(env: Mapping[str, str]) -> str:
    """The language a terminal asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return normalise_language(value.split(":")[0])
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    _language.set(normalise_language(lang))


def current_language() -> str:
    return _language.get()


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Use another language for a while (an export in the other language)."""
    token = _language.set(normalise_language(lang))
    try:
        yield
    finally:
        _language.reset(token)


def gettext(message: str) -> str:
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_language.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(_language.get()).pgettext(context, message)


_ = gettext


def N_(message: str) -> str:
    """Mark a text for the catalogue without translating it yet."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark a text with a context for the catalogue; translate it later with ``pgettext``."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for the catalogue; translate it later with ``ngettext``."""
    return singular, plural


def babel_locale(lang: str | None = None) -> str:
    """The Babel locale for formatting dates and numbers in the current language."""
    lang = lang or _language.get()
    return {"es": "es_HN", "en": "en_GB"}.get(lang, "en_GB")


def format_date(value: date, fmt: str = "medium", lang: str | None = None) -> str:
    from babel.dates import format_date as _fd

    return str(_fd(value, format=fmt, locale=babel_locale(lang)))


def prose_pattern(locale: str, *, weekday: bool = False, year: bool = True) -> str:
    """The CLDR pattern of a date inside a sentence, for a language ("es") or a Babel locale
    ("es_PA"): no padded day, the month in full ("lunes 4 de diciembre de 2023", "Monday 4
    December 2023")."""
    spanish = locale.startswith("es")
    pattern = "d 'de' MMMM" if spanish else "d MMMM"
    if year:
        pattern += " 'de' y" if spanish else " y"
    return f"EEEE {pattern}" if weekday else pattern


def format_prose_date(value: date, lang: str | None = None) -> str:
    """A date inside a sentence: "2 de diciembre de 2023", "2 December 2023"."""
    return format_date(value, prose_pattern(lang or _language.get()), lang)


def format_datetime(value: datetime, fmt: str = "medium", lang: str | None = None) -> str:
    from babel.dates import format_datetime as _fdt

    return str(_fdt(value, format=fmt, tzinfo=value.tzinfo, locale=babel_locale(lang)))


def format_time(value: datetime, fmt: str = "short", lang: str | None = None) -> str:
    from babel.dates import format_time as _ft

    return str(_ft(value, format=fmt, tzinfo=value.tzinfo, locale=babel_locale(lang)))


def format_date_range(
    start: date,
    end: date,
    lang: str | None = None,
    locale: str | None = None,
    full: bool = False,
) -> str:
    """'25 Nov – 2 Dec 2023' in the reader's language (or Babel ``locale``, e.g. es_PA); in
    Spanish as a sentence writes it: "25 de noviembre al 2 de diciembre de 2023". ``full``:
    whole month names in English too ("27–30 November 2023", for certificates)."""
    from babel.dates import format_date, format_interval

    locale = locale or babel_locale(lang)
    if not locale.startswith("es"):
        if not full:
            return str(format_interval(start, end, "yMMMd", locale=locale))
        # whole month names, as a certificate writes them: "27–30 November 2023"
        whole = str(format_date(end, format="long", locale=locale))
        if start == end:
            return whole
        if start.year != end.year:
            return f"{format_date(start, format='long', locale=locale)} – {whole}"
        if start.month != end.month:
            return f"{format_date(start, format='d MMMM', locale=locale)} – {whole}"
        return f"{start.day}–{whole}"

    def day(value: date, with_year: bool) -> str:
        return str(format_date(value, format=prose_pattern(locale, year=with_year), locale=locale))

    if start == end:
        return day(start, True)
    if start.year != end.year:
        return f"{day(start, True)} al {day(end, True)}"
    if start.month != end.month:
        return f"{day(start, False)} al {day(end, True)}"
    return f"{start.day} al {day(end, True)}"
