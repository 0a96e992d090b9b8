"""The core's catalogue: every text the core shows is in it, translated, and compiled."""

from __future__ import annotations

import gettext

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from planner.domain.i18n import _, format_date_range, language, ngettext
from tests.paths import ROOT

LOCALE = ROOT / "resources" / "locale"
KEYWORDS = {"_": None, "N_": None, "Nn_": (1, 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "planner"), keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "planner.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def test_every_core_text_is_in_the_spanish_catalogue():
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue("es") if m.id}
    missing = sorted(source_messages() - ids)
    assert missing == [], "run: python tools/i18n.py extract, then translate"


def test_every_spanish_entry_is_translated_and_finished():
    unfinished = []
    for message in catalogue("es"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            unfinished.append(message.id)
    assert unfinished == []


def test_compiled_catalogue_matches_the_sources():
    po = catalogue("es")
    with (LOCALE / "es" / "LC_MESSAGES" / "planner.mo").open("rb") as fh:
        mo = gettext.GNUTranslations(fh)
    for message in po:
        if message.id and not message.pluralizable:
            found = (
                mo.pgettext(message.context, message.id)
                if message.context
                else mo.gettext(message.id)
            )
            assert found == message.string, "run: python tools/i18n.py compile"


def test_messages_speak_spanish_with_plurals_and_dates():
    from datetime import date

    with language("es"):
        assert _("The session must end after it starts.") != "The session must end after it starts."
        assert ngettext("{n} room", "{n} rooms", 1).format(n=1) != ngettext(
            "{n} room", "{n} rooms", 2
        ).format(n=2)
        assert "nov" in format_date_range(date(2023, 11, 25), date(2023, 12, 2))
    assert _("The session must end after it starts.") == "The session must end after it starts."


@pytest.mark.parametrize("lang", ["es"])
def test_placeholders_survive_translation(lang):
    import re

    for message in catalogue(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{(\w+)\}", ids[-1]))
        for text in strings:
            assert set(re.findall(r"\{(\w+)\}", text)) <= wanted | set(
                re.findall(r"\{(\w+)\}", ids[0])
            ), (message.id, text)
