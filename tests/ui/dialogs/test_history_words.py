"""Plan ▸ History… keeps personal data out and reads as people speak (issue 16, items 4, 7 and
11), in English and in Spanish."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from planner import operations
from planner.rules import rotation
from tests.ui.test_spanish import window_in


def rows_of(dialog) -> list[list[str]]:
    return [[dialog.cell(r, c) for c in range(5)] for r in range(dialog.proxy.rowCount())]


def test_the_windows_history_masks_phones_and_identity_numbers(window):
    ctrl = window.ctrl
    for phone, id_number in (("+507 6748-1639", "8-123-4567"), ("+507 6000-1111", "PA-998")):
        version = operations.get_values(ctrl.store, "person", 1)["version"]
        assert ctrl.update("person", 1, {"phone": phone, "id_number": id_number}, version)
    window.files.show_history()
    dialog = window.files.last_history
    rows = rows_of(dialog)
    text = "\n".join(" | ".join(r) for r in rows)
    assert rows[0][2] == "Edit person" and "phone: ••• → •••" in rows[0][4]
    assert "ID or passport no.: ••• → •••" in rows[0][4]
    for secret in ("6748", "6000-1111", "8-123-4567", "PA-998"):
        assert secret not in text
    dialog.close()


def test_the_windows_history_says_what_happened_in_the_plans_zone(window):
    ctrl = window.ctrl
    store = ctrl.store
    with store.reading() as r:
        sid, title = r.rows(
            "SELECT id, title FROM agenda_session WHERE title LIKE 'Module 3:%'"
            " ORDER BY starts_at LIMIT 1"
        )[0]
        group = r.value("SELECT id FROM participant_group WHERE name = 'Group A'")
    values = operations.get_values(store, "session", sid)
    assert ctrl.update(
        "session", sid, {"audience": [*values["audience"], ("group", group)]}, values["version"]
    )
    proposal = rotation.propose(store, rotation.demo_request(store))
    assert (
        ctrl.replace(
            "session", list(proposal.remove_ids), list(proposal.sessions), "Generate a rotation"
        )
        is not None
    )
    ctrl.undo_stack.undo()  # the rotation, taken back
    window.files.show_history()
    dialog = window.files.last_history
    rows = rows_of(dialog)
    actions = [r[2] for r in rows]
    assert actions[0] == "Undo: Generate a rotation" and "Generate a rotation" in actions
    audience = next(r for r in rows if r[2] == "Edit session")
    assert audience[3] == f"session {title}" and audience[4] == "Group A added to the audience"
    undone = [r for r in rows if r[2] == "Undo: Generate a rotation" and r[4].startswith("del")]
    assert undone and all(
        re.fullmatch(
            r"deleted \(\d+ Nov 2023 \d\d:\d\d–\d\d:\d\d; room:"
            r" Aula \d\)",
            r[4],
        )
        for r in undone
    ), undone[:2]
    now = datetime.now(ZoneInfo("America/Tegucigalpa"))  # not UTC, not this machine's zone
    shown = re.search(r"(\d\d):(\d\d)$", rows[0][0])
    assert shown is not None, rows[0][0]
    minutes = int(shown[1]) * 60 + int(shown[2])
    gap = minutes - (now.hour * 60 + now.minute)
    assert min(gap % 1440, -gap % 1440) <= 2
    tip = dialog.proxy.index(0, 0).data(3)  # Qt.ToolTipRole
    assert tip == "In the plan's time zone, America/Tegucigalpa"
    changes = len({e.change_set_id for e in dialog.shown_entries()})
    assert dialog.count.text() == f"{changes} changes; times in America/Tegucigalpa"
    dialog.close()


def test_control_characters_show_as_signs_in_the_window(window):
    store = window.ctrl.store
    version = operations.get_values(store, "person", 3)["version"]
    assert window.ctrl.update("person", 3, {"position": "Inspector"}, version)
    with store.transaction("Edit person") as tx:
        session = tx.session
        session.connection().exec_driver_sql(
            "UPDATE person SET given_name = ? WHERE id = 3", ("Ana\x1b[2J\x07\x00",)
        )
    window.files.show_history("person", 3, "History of this item")
    dialog = window.files.last_history
    rows = rows_of(dialog)
    assert rows[0][3].startswith("person Ana<ESC>[2J<BEL><NUL> ")
    assert not any(re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", cell) for r in rows for cell in r)
    dialog.close()


@pytest.fixture
def spanish_window(qtbot, settings, demo_path):
    yield from window_in("es", qtbot, settings, demo_path)


def test_the_history_speaks_spanish(spanish_window):
    ctrl = spanish_window.ctrl
    store = ctrl.store
    with store.reading() as r:
        sid = r.value("SELECT id FROM agenda_session WHERE title LIKE 'Module 3:%'")
        group = r.value("SELECT id FROM participant_group WHERE name = 'Group A'")
    values = operations.get_values(store, "session", sid)
    assert ctrl.update(
        "session", sid, {"audience": [*values["audience"], ("group", group)]}, values["version"]
    )
    version = operations.get_values(store, "person", 1)["version"]
    assert ctrl.update("person", 1, {"phone": "+504 9999-0000"}, version)
    ctrl.undo_stack.undo()
    spanish_window.files.show_history()
    dialog = spanish_window.files.last_history
    rows = rows_of(dialog)
    assert rows[0][2] == "Deshacer: Editar persona" and rows[0][4] == "teléfono: ••• → •••"
    audience = next(r for r in rows if r[2] == "Editar sesión")
    assert audience[4] == "Se agregó al público: Group A"
    assert dialog.count.text().endswith("cambios; horas en America/Tegucigalpa")
    dialog.close()
