"""Reference data: time zones, currencies and countries (from tzdata and Babel's CLDR)."""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from planner.domain.i18n import current_language
from planner.domain.inputs import shipped_zones


@cache
def timezones() -> frozenset[str]:
    """The zones a plan may use: those of the tzdata package the program ships, so that the
    plan reads the same on every computer (not 'localtime' or other names of one system)."""
    return shipped_zones()


@cache
def _country_table() -> dict[str, dict[str, str]]:
    """Country names by language (resources/countries.json, made from Babel's CLDR by
    tools/make_countries.py: far quicker to read than Babel's locale data)."""
    text = (resources.files("resources") / "countries.json").read_text(encoding="utf-8")
    table: dict[str, dict[str, str]] = json.loads(text)
    return table


@cache
def country_codes() -> frozenset[str]:
    return frozenset(_country_table()["en"])


@cache
def currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def fold(text: str) -> str:
    """Lower case without accents, for matching and sorting names ('Ávila' ~ 'avila')."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def sort_key(text: str) -> tuple[str, str]:
    """Order names as Spanish readers expect: case and accents do not count (Ávila sorts with
    Avila) but Ñ is a letter of its own, after every N and before O (Nuza < Ñandú < Ocampo)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if ch == "\u0303" and out and out[-1] == "n":
            out[-1] = "n\uffff"  # after every "n" + letter, before "o"
        elif not unicodedata.combining(ch):
            out.append(ch)
    return "".join(out), text


def _names(lang: str | None) -> dict[str, str]:
    table = _country_table()
    return table.get(lang or current_language()) or table["en"]


def country_name(code: str, lang: str | None = None) -> str:
    """A country's name in the reader's language ('HN' -> 'Honduras')."""
    if not code:
        return ""
    return _names(lang).get(code.upper(), code)


def countries(lang: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every country, sorted by name in the reader's language."""
    names = _names(lang)
    return sorted(names.items(), key=lambda item: fold(item[1]))


def default_timezone(country: str) -> str | None:
    """The time zone of a country that has only one ('HN' -> 'America/Tegucigalpa')."""
    from babel.core import get_global

    zones = get_global("territory_zones").get((country or "").upper(), [])
    return str(zones[0]) if len(zones) == 1 else None
