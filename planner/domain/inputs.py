"""What comes from outside, made safe once: text without control characters, file names the
system can hold, files that can be read without blocking, and time zones every computer knows.

Text reaches a plan from spreadsheets, CSV files, forms, the command line and pastes. A CSV can
carry ESC, BEL, NUL or C1 codes (``\\x9b`` starts a terminal command as ESC ``[`` does) that
would be kept and later printed raw to a terminal or a history list. :func:`clean_text` takes
them out: every import and every change through :mod:`planner.operations` goes through it. A
multi-line field (notes, a description) keeps its tabs and line breaks; a single-line field
(a name, a title) gets a space for each.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from planner.domain.i18n import _

# Fields that are written on several lines (the forms give them a text box, not a line).
MULTILINE_FIELDS = frozenset({"notes", "note", "description"})

# C0 controls, DEL, C1 controls and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() breaks on


def _table(multiline: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]:
        char = chr(code)
        if char == "\t":
            table[code] = "\t" if multiline else " "
        elif char in _BREAKS:
            table[code] = "\n" if multiline else " "
        else:
            table[code] = None
    return table


_MULTI = _table(True)
_SINGLE = _table(False)


def clean_text(text: str, *, multiline: bool = False) -> str:
    """``text`` without control characters: in a multi-line field tabs stay and every line
    break becomes ``\\n``; in a single-line field each tab and line break becomes a space."""
    if not _CONTROL.search(text):
        return text  # the usual text: nothing to do
    text = text.replace("\r\n", "\n")
    return text.translate(_MULTI if multiline else _SINGLE)


def clean_field(key: str, text: str) -> str:
    """:func:`clean_text` as field ``key`` allows it (see :data:`MULTILINE_FIELDS`)."""
    return clean_text(text, multiline=key in MULTILINE_FIELDS)


def clean_value(value: Any) -> Any:
    """Every text inside a value (lists, dictionaries) cleaned, for settings kept as JSON."""
    if isinstance(value, str):
        return clean_text(value, multiline=True)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    return value


# --- file names -------------------------------------------------------------------------------

NAME_MAX = 255  # bytes in one file name, on nearly every file system
# A plan's name leaves room for what SQLite and the program put beside it while writing it
# (".NAME.12345.abcdefgh.creating-wal", "NAME backup format 9 20240101-120000.dplan").
PLAN_NAME_MAX = 200
PATH_MAX = 4096


def name_problem(path: str | os.PathLike[str], *, limit: int = NAME_MAX) -> str | None:
    """Why ``path`` cannot be a file name here (a message), or None: a part of it longer than
    the file system allows, a path too long as a whole, or a NUL character."""
    text = os.fspath(path)
    if "\x00" in text:
        return _("The file name contains a NUL character; type the name again.")
    if len(os.fsencode(text)) >= PATH_MAX:
        return _(
            "The path of the file is too long ({n} bytes; at most {max}). Choose a"
            " shorter name or a folder closer to the top."
        ).format(n=len(os.fsencode(text)), max=PATH_MAX - 1)
    for part in Path(text).parts:
        size = len(os.fsencode(part))
        if size > limit:
            shown = part if len(part) <= 40 else part[:40] + "…"
            return _(
                "The name '{name}' is too long ({n} bytes; at most {max}). Choose a shorter name."
            ).format(name=clean_text(shown), n=size, max=limit)
    return None


def plan_name_problem(path: str | os.PathLike[str]) -> str | None:
    """:func:`name_problem` for a plan file to write, whose name must leave room for the
    files written beside it."""
    problem = name_problem(path)
    if problem is None and len(os.fsencode(Path(os.fspath(path)).name)) > PLAN_NAME_MAX:
        name = Path(os.fspath(path)).name
        problem = _(
            "The name '{name}' is too long ({n} bytes; a plan's name has at most {max})."
            " Choose a shorter name."
        ).format(name=clean_text(name[:40] + "…"), n=len(os.fsencode(name)), max=PLAN_NAME_MAX)
    return problem


# --- time zones -------------------------------------------------------------------------------


@cache
def shipped_zones() -> frozenset[str]:
    """The time zones of the ``tzdata`` package, which comes with the program: every computer
    that runs it knows them. (``zoneinfo.available_timezones()`` also lists names of this
    computer alone, such as 'localtime'.)"""
    try:
        text = (resources.files("tzdata") / "zones").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover
        return frozenset(available_timezones()) - {"localtime", "posixrules", "Factory"}
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def zone_known_here(name: str) -> bool:
    """Whether this computer can read times in zone ``name`` (a plan made elsewhere may use
    a zone this computer lacks)."""
    if name in shipped_zones():
        return True
    try:
        ZoneInfo(name)
    except (ValueError, OSError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


def unknown_zones(used: Iterable[str]) -> list[str]:
    """Of the zones a plan uses (:func:`planner.store.files.zones_used`), those this computer
    does not know."""
    return sorted({str(zone) for zone in used if zone and not zone_known_here(str(zone))})


def unknown_zone_message(name: str, path: str, zones: list[str], start: Any) -> str:
    """Why a plan in zones this computer does not know cannot be opened, and what to do."""
    return _(
        "{name} uses the time zone '{zone}', which this computer does not know (a name such"
        " as 'localtime' belongs to one computer only; the zones that come with Delegation"
        " Planner are known everywhere). The file was not changed. Open it on the computer"
        " where it was made and choose another zone in Plan ▸ Plan Details, or make a copy"
        ' here with a zone this computer knows: planner copy "{path}" NEW.dplan --start'
        " {start} --tz America/Tegucigalpa"
    ).format(
        name=clean_text(name),
        zone="', '".join(clean_text(z) for z in zones),
        path=clean_text(path),
        start=start,
    )
