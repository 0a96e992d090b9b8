"""Reference data: time zones, currencies and countries (from zoneinfo and Babel's CLDR)."""

from __future__ import annotations

import unicodedata
from functools import cache
from zoneinfo import available_timezones

from planner.i18n import babel_locale


@cache
def timezones() -> frozenset[str]:
    return frozenset(available_timezones())


@cache
def country_codes() -> frozenset[str]:
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


@cache
def currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def fold(text: str) -> str:
    """Lower case without accents, for matching and sorting names ('Ávila' ~ 'avila')."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _territory_names(locale: str) -> dict[str, str]:
    from babel import Locale

    return {str(k): str(v) for k, v in Locale.parse(locale).territories.items()}


def country_name(code: str, lang: str | None = None) -> str:
    """A country's name in the reader's language ('HN' -> 'Honduras')."""
    if not code:
        return ""
    return _territory_names(babel_locale(lang)).get(code.upper(), code)


def countries(lang: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country, sorted by name in the reader's language."""
    names = _territory_names(babel_locale(lang))
    return sorted(((c, names.get(c, c)) for c in country_codes()), key=lambda i: fold(i[1]))


def default_timezone(country: str) -> str | None:
    """The time zone of a country that has only one ('HN' -> 'America/Tegucigalpa')."""
    from babel.core import get_global

    zones = get_global("territory_zones").get((country or "").upper(), [])
    return str(zones[0]) if len(zones) == 1 else None
