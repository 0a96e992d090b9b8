"""Edit ▸ Preferences ▸ Region: the window writes dates, times and numbers as Honduras, Panama,
the United Kingdom or the United States do, and an export defaults to the reader's region."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from ui import settings as opt
from ui.dialogs.export import ExportDialog
from ui.dialogs.plan import PreferencesDialog
from ui.formats import Formats
from ui.translation import effective_region, install


@pytest.fixture(autouse=True)
def _back_to_english():
    yield
    install("en")


@pytest.mark.parametrize(
    ("lang", "region", "day", "time"),
    [
        ("es", "es-HN", "25/11/2023", "2:45 p. m."),
        ("es", "es-PA", "11/25/2023", "2:45 p. m."),
        ("en", "en-GB", "25/11/2023", "14:45"),
        ("en", "en-US", "11/25/2023", "2:45 PM"),
    ],
)
def test_the_region_sets_how_the_window_writes_dates_and_times(lang, region, day, time):
    install(lang, region)
    formats = Formats()
    assert formats.date(date(2023, 11, 25)) == day
    # Qt writes narrow and non-breaking spaces in "p. m."; a reader sees spaces
    shown = formats.time(datetime(2023, 11, 25, 14, 45))
    assert shown.replace("\u202f", " ").replace("\xa0", " ") == time


def test_without_a_choice_the_region_is_the_languages_usual_one():
    assert effective_region("es") in ("es-HN", "es-PA")
    assert effective_region("es", "en-US") in ("es-HN", "es-PA")
    assert effective_region("en", "en-US") == "en-US"
    assert effective_region("en", "es-PA") in ("en-GB", "en-US")  # not Spanish month names


def test_preferences_offer_the_regions_of_the_chosen_language(settings, qtbot):
    install("en")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    regions = [dialog.region.itemData(i) for i in range(dialog.region.count())]
    assert regions == ["", "es-HN", "es-PA"]
    panama = dialog.region.itemText(regions.index("es-PA"))
    assert "11/25/2023" in panama  # each region shows how it writes a date
    dialog.region.setCurrentIndex(regions.index("es-PA"))
    dialog.save()
    assert settings.get(opt.LANGUAGE) == "es" and settings.get(opt.REGION) == "es-PA"
    again = PreferencesDialog(settings)
    qtbot.addWidget(again)
    assert again.region.currentData() == "es-PA"
    again.language.setCurrentIndex(again.language.findData("en"))
    assert [again.region.itemData(i) for i in range(again.region.count())] == ["", "en-GB", "en-US"]


def test_applying_a_region_reformats_the_open_window(window, qtbot):
    window.settings.set(opt.LANGUAGE, "es")
    window.settings.set(opt.REGION, "es-PA")
    window.apply_preferences()
    assert QLocale().name() == "es_PA"
    window.show_page("calendar")
    calendar = window.pages["calendar"]
    qtbot.waitUntil(lambda: calendar.day.count() > 0)
    days = [calendar.day.itemData(i) for i in range(calendar.day.count())]
    first = next(d for d in days if d)
    text = calendar.day.itemText(days.index(first))
    assert first.strftime("%m/%d/%Y") in text  # month first, as Panama writes it
    window.settings.set(opt.REGION, "es-HN")
    window.apply_preferences()
    window.show_page("calendar")
    calendar = window.pages["calendar"]
    qtbot.waitUntil(lambda: calendar.day.count() > 0)
    text = calendar.day.itemText(days.index(first))
    assert first.strftime("%d/%m/%Y") in text


def test_an_export_defaults_to_the_readers_region(window, qtbot):
    window.settings.set(opt.REGION, "es-PA")
    install("es", "es-PA")
    dialog = ExportDialog(window.ctrl, window.settings, window.formats, window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "es"
    assert dialog.date_locale.currentData() == "es-PA"  # the plan is in Honduras, the reader not
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.date_locale.currentData() == "en"
    window.settings.set(opt.REGION, "")
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.date_locale.currentData() == "es-HN"  # no region chosen: the plan's country


def test_the_calendars_hours_fit_in_its_margin_in_every_region(window, qtbot):
    from PySide6.QtGui import QFontMetrics

    for lang, region in (("es", "es-HN"), ("es", "es-PA"), ("en", "en-US"), ("en", "en-GB")):
        window.settings.set(opt.LANGUAGE, lang)
        window.settings.set(opt.REGION, region)
        window.apply_preferences()
        grid = window.pages["calendar"].grid
        metrics = QFontMetrics(grid._small)
        for hour in range(24):
            label = grid.formats.time(datetime(2023, 11, 27, hour))
            assert metrics.horizontalAdvance(label) <= grid.axis - 8, (region, label)
