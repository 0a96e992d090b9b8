"""The agenda import's kinds of session and rooms, as partners write them: in English or
Spanish, and the messages that name what the window calls them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planner.domain.i18n import language, set_language
from planner.domain.labels import SESSION_KIND_LABELS
from planner.imports import agenda
from planner.imports.readers import read_table


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Visita", "site_visit"),
        ("visita de campo", "site_visit"),
        ("Site visit", "site_visit"),
        ("Visit", "site_visit"),
        ("site_visit", "site_visit"),
        ("Capacitación", "training"),
        ("CAPACITACION", "training"),
        ("Receso", "break"),
        ("Comida", "meal"),
        ("Reunión", "meeting"),
        ("reunion", "meeting"),
        ("Ceremonia", "ceremony"),
        ("Plenaria", "plenary"),
        ("Viaje", "travel"),
        ("Meal", "meal"),
        ("", "training"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_kind_is_read_in_english_or_spanish_in_either_language(written, kind, lang):
    with language(lang):
        assert agenda.parse_kind(written) == kind


@pytest.mark.parametrize("written", ["Fiesta", "de", "Taller"])
def test_an_unknown_kind_is_refused(written):
    with pytest.raises(ValueError, match="is not a kind of session"):
        agenda.parse_kind(written)


def test_an_unknown_kind_lists_the_kinds_in_the_readers_language():
    with language("es"), pytest.raises(ValueError) as refused:
        agenda.parse_kind("Fiesta")
    message = str(refused.value)
    assert message == (
        "'Fiesta' no es un tipo de sesión; use uno de estos: Capacitación, Plenaria, Reunión,"
        " Receso, Comida, Ceremonia, Viaje, Visita de campo"
    )
    with pytest.raises(ValueError) as refused:
        agenda.parse_kind("Fiesta")
    assert str(refused.value).endswith("use one of: " + ", ".join(SESSION_KIND_LABELS.values()))


def _agenda(tmp_path: Path, rows: list[list[str]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Fecha", "Inicio", "Fin", "Título", "Tipo", "Sala"])
    for row in rows:
        ws.append(row)
    path = tmp_path / "agenda.xlsx"
    wb.save(path)
    return path


def test_a_site_visit_written_visita_is_imported(demo, tmp_path):
    set_language("es")
    path = _agenda(
        tmp_path,
        [
            ["29/11/2023", "14:00", "17:00", "Visita al puesto fronterizo", "Visita", ""],
            ["30/11/2023", "10:00", "10:30", "Pausa", "Receso", ""],
        ],
    )
    pv = agenda.preview(demo, read_table(path, known_headers=agenda.known_header))
    assert [(r.status, r.values.get("kind")) for r in pv.rows] == [
        ("new", "site_visit"),
        ("new", "break"),
    ]


def test_an_unknown_room_points_to_the_places_and_rooms_page(demo, tmp_path):
    path = _agenda(tmp_path, [["29/11/2023", "08:00", "09:00", "Apertura", "", "Aula 9"]])
    table = read_table(path, known_headers=agenda.known_header)
    (row,) = agenda.preview(demo, table).rows
    assert row.reasons == [
        "room 'Aula 9' is not in the plan; add it on the Places & rooms page or correct the name"
    ]
    set_language("es")
    (row,) = agenda.preview(demo, table).rows
    assert row.reasons == [
        "la sala 'Aula 9' no está en el plan; agréguela en la página Lugares y salas o corrija"
        " el nombre"
    ]
