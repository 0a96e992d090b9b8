"""The history keeps personal data out and reads as people speak (issue 16, items 4 and 11, and
the history's parts of items 7, 9 and 10): on the command line, in its JSON and in its export."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from planner import operations
from planner.cli import main
from planner.domain.i18n import language
from planner.domain.personal import PERSONAL, is_personal
from planner.rules import rotation
from planner.store.history import history, text_lines

SECRETS = (
    "+507 6748-1639",
    "+507 6000-1111",
    "8-123-4567",
    "PA-998877",
    "1984-03-09",
    "1990-12-01",
)
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _edit_personal_data(store) -> None:
    operations.update(
        store,
        "person",
        1,
        {"phone": "+507 6748-1639", "id_number": "8-123-4567", "birth_date": date(1984, 3, 9)},
    )
    operations.update(
        store,
        "person",
        1,
        {"phone": "+507 6000-1111", "id_number": "PA-998877", "birth_date": date(1990, 12, 1)},
    )


def _run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own refusal
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --- item 4: personal data ----------------------------------------------------------------------


def test_one_definition_of_personal_data_holds_every_personal_column():
    from planner.domain.model import Base

    person = Base.metadata.tables["person"].c
    assert PERSONAL["person"][:3] == ("id_number", "birth_date", "phone")
    assert {"emergency_phone", "document_expiry", "visa_status"} <= set(PERSONAL["person"])
    assert all(name in person for name in PERSONAL["person"])
    assert is_personal("person", "phone") and not is_personal("person", "email")
    assert not is_personal("visit_stop", "host_contact")  # a host's office line is not


def test_a_personal_change_is_shown_as_changed_its_values_masked(demo):
    _edit_personal_data(demo)
    newest = history(demo, "person", 1, limit=1)
    assert [e.kind for e in newest] == ["update"]
    entry = newest[0]
    assert entry.hidden == {"phone", "id_number", "birth_date"}
    assert sorted(entry.changes) == [
        ("birth_date", "•••", "•••"),
        ("id_number", "•••", "•••"),
        ("phone", "•••", "•••"),
    ]
    assert "phone: ••• → •••" in entry.summary()
    assert "ID or passport no.: ••• → •••" in entry.summary()
    assert "date of birth: ••• → •••" in entry.summary()
    for e in history(demo):
        assert not any(secret in repr(e) for secret in SECRETS)


def test_no_history_output_holds_a_phone_or_an_identity_number(demo_path, capsys, tmp_path):
    from planner.store import open_plan

    store = open_plan(demo_path)
    try:
        _edit_personal_data(store)
        new = operations.create(
            store,
            "person",
            {
                "given_name": "Ana",
                "family_name": "Pinzón",
                "phone": "+507 6748-1639",
                "id_number": "8-123-4567",
            },
        )
        operations.delete(store, "person", [new.id])
    finally:
        store.close()
    code, text, _err = _run(capsys, "history", str(demo_path), "--limit", "5")
    assert code == 0 and "phone: ••• → •••" in text
    code, raw, _err = _run(capsys, "history", str(demo_path), "--json")
    assert code == 0
    data = json.loads(raw)
    phone = next(
        c for e in data if e["kind"] == "update" for c in e["changes"] if c["field"] == "phone"
    )
    assert phone == {"field": "phone", "old": "•••", "new": "•••", "hidden": True}
    added, deleted = (
        next(e for e in data if e["kind"] == kind and "Pinzón" in e["item"])
        for kind in ("insert", "delete")
    )
    assert {"field": "phone", "old": None, "new": "•••", "hidden": True} in added["changes"]
    assert {"field": "phone", "old": "•••", "new": None, "hidden": True} in deleted["changes"]
    assert {"field": "given_name", "old": "Ana", "new": None, "hidden": False} in deleted["changes"]
    assert set(data[0]) >= {
        "change",
        "at",
        "user",
        "action",
        "entity",
        "id",
        "kind",
        "item",
        "changes",
    }  # README's keys, kept
    written = []
    for extra in ((), ("--no-personal-data",)):
        out = tmp_path / f"history{len(extra)}.xlsx"
        code, _out, err = _run(capsys, "export", "history", str(demo_path), "-o", str(out), *extra)
        assert code == 0, err
        cells = [
            str(c.value)
            for row in openpyxl.load_workbook(out).active.iter_rows()
            for c in row
            if c.value is not None
        ]
        assert any("phone: ••• → •••" in c for c in cells)
        written.append("\n".join(cells))
    for output in (text, raw, *written):
        assert not any(secret in output for secret in SECRETS)


# --- item 11: as people speak -------------------------------------------------------------------


def test_limit_counts_changes_not_the_items_they_touched(demo_path, capsys):
    from planner.store import open_plan

    store = open_plan(demo_path)
    try:
        start = datetime(2023, 11, 28, 17, 0, tzinfo=ZoneInfo("America/Tegucigalpa"))
        operations.create_many(
            store,
            "session",
            [
                {
                    "title": f"Briefing {n}",
                    "kind": "plenary",
                    "start": start + timedelta(days=n),
                    "end": start + timedelta(days=n, hours=1),
                }
                for n in range(3)
            ],
        )
        operations.update(store, "person", 2, {"position": "Inspectora"})
    finally:
        store.close()
    code, out, _err = _run(capsys, "history", str(demo_path), "--limit", "2")
    headers = [line for line in out.splitlines() if line.startswith("#")]
    assert code == 0 and len(headers) == 2
    assert sum("Added session Briefing" in line for line in out.splitlines()) == 3
    code, out, _err = _run(capsys, "history", str(demo_path), "--limit", "2", "--json")
    data = json.loads(out)
    assert len({e["change"] for e in data}) == 2 and len(data) == 4


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_a_limit_below_one_is_refused(demo_path, capsys, value):
    code, out, err = _run(capsys, "history", str(demo_path), f"--limit={value}")
    assert code == 2 and out == ""
    assert "the limit must be 1 or more" in err and "unexpected" not in err


@pytest.mark.parametrize(
    ("item", "said"),
    [
        ("person:99999999999999999999999", "There is no person 99999999999999999999999"),
        ("person:424242", "There is no person 424242 in this plan, and there never was"),
        ("nonsense:1", "'nonsense' is not a kind of item"),
        ("person:-3", "Write --item as KIND:ID"),
    ],
)
def test_an_item_that_cannot_be_is_answered_in_words(demo_path, capsys, item, said):
    code, out, err = _run(capsys, "history", str(demo_path), "--item", item)
    assert code == 2 and out == ""
    assert said in err and "unexpected" not in err


def test_an_item_is_named_by_its_kind_or_its_table(demo, demo_path, capsys):
    operations.update(demo, "group", 1, {"notes": "Morning rota"})
    code, by_kind, _err = _run(capsys, "history", str(demo_path), "--item", "group:1")
    code2, by_table, _err = _run(capsys, "history", str(demo_path), "--item", "participant_group:1")
    assert code == code2 == 0 and by_kind == by_table and "Morning rota" in by_kind


def test_times_are_in_the_plans_zone_not_utc_nor_the_machines(demo_path, capsys, monkeypatch):
    import time

    from planner.store import open_plan

    monkeypatch.setenv("TZ", "Asia/Tokyo")  # the machine's zone: neither UTC nor the plan's
    time.tzset()
    try:
        store = open_plan(demo_path)
        try:
            operations.update(store, "person", 2, {"position": "Inspectora"})
        finally:
            store.close()
        now = datetime.now(ZoneInfo("America/Tegucigalpa"))
        code, out, _err = _run(capsys, "history", str(demo_path), "--limit", "1")
        header = out.splitlines()[0]
        shown = re.search(r"(\d\d):(\d\d) CST", header)
        assert code == 0 and shown is not None, header
        minutes = int(shown[1]) * 60 + int(shown[2])
        gap = minutes - (now.hour * 60 + now.minute)
        assert min(gap % 1440, -gap % 1440) <= 2
        code, out, _err = _run(capsys, "history", str(demo_path), "--limit", "1", "--json")
        assert json.loads(out)[0]["at"].endswith("-06:00")  # the same moment, the plan's offset
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def _module_session(store, number: int) -> tuple[int, str]:
    with store.reading() as r:
        sid, title = r.rows(
            "SELECT id, title FROM agenda_session WHERE title LIKE :t ORDER BY starts_at LIMIT 1",
            {"t": f"Module {number}:%"},
        )[0]
    return int(sid), str(title)


def test_an_audience_change_and_a_move_say_what_happened(demo):
    sid, title = _module_session(demo, 3)
    with demo.reading() as r:
        groups = dict(r.rows("SELECT name, id FROM participant_group"))
    before = operations.get_values(demo, "session", sid)
    with_a = [*before["audience"], ("group", groups["Group A"])]
    operations.update(demo, "session", sid, {"audience": with_a})
    operations.update(demo, "session", sid, {"audience": before["audience"]})
    start = before["start"] + timedelta(hours=1)
    operations.update(
        demo, "session", sid, {"start": start, "end": before["end"] + timedelta(hours=1)}
    )
    moved, removed, added = history(demo, "agenda_session", sid, limit=3)
    assert added.item == f"session {title}"
    assert added.summary() == "Group A added to the audience"
    assert removed.summary() == "Group A removed from the audience"
    start, end = (before[k].astimezone(ZoneInfo("America/Tegucigalpa")) for k in ("start", "end"))
    hour = timedelta(hours=1)
    assert moved.details == (
        f"moved: {start.day} Nov 2023 {start:%H:%M}–{end:%H:%M} →"
        f" {start + hour:%H:%M}–{end + hour:%H:%M}",
    )
    assert "T" not in moved.summary().replace("Tegucigalpa", "")  # no ISO moments
    assert added.sentence() == f"Changed session {title} (Group A added to the audience)"


def test_an_undone_rotation_lists_the_sessions_by_name_day_and_room(demo):
    proposal = rotation.propose(demo, rotation.demo_request(demo))
    assert proposal.ok
    done = operations.replace_items(
        demo, "session", proposal.remove_ids, proposal.sessions, action="Generate a rotation"
    )
    operations.replace_items(
        demo, "session", done.created, add_snapshot=done.removed, action="Undo: Generate a rotation"
    )
    undo = history(demo, limit=1)
    assert {e.action for e in undo} == {"Undo: Generate a rotation"}
    deleted = [e for e in undo if e.kind == "delete"]
    assert len(deleted) == len(proposal.sessions)
    for e in deleted:
        assert e.item.startswith("session Module ")
        assert re.fullmatch(r"\d+ Nov 2023 \d\d:\d\d–\d\d:\d\d; room: Aula \d", e.summary()), (
            e.summary()
        )
        assert "—" not in e.sentence() and "→" not in e.sentence()
        assert e.sentence().startswith(f"Deleted {e.item} (")
    generated = [e for e in history(demo, limit=2) if e.change_set_id != undo[0].change_set_id]
    added = [e for e in generated if e.kind == "insert"]
    assert all(re.search(r"; audience: Group [A-D]$", e.summary()) for e in added)


def test_merges_imports_and_deletions_read_in_words(demo, tmp_path):
    from planner.imports import people as importer
    from planner.imports.readers import read_table

    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Nombre,Apellido,Sexo,Teléfono\nAna,Zelaya,F,+504 9999-0000\n", encoding="utf-8"
    )
    table = read_table(roster)
    preview = importer.preview(demo, table, importer.guess_mapping(table.headers))
    importer.apply(demo, preview)
    with demo.reading() as r:
        group = r.value("SELECT id FROM participant_group WHERE name = 'Group D'")
    operations.delete(demo, "group", [group])
    lines = text_lines(history(demo, limit=2))
    assert lines[1] == "    Deleted group Group D"
    assert "    Added person Ana Zelaya" in lines
    assert not any("+504" in line for line in lines)


def test_the_same_words_in_spanish(demo):
    sid, title = _module_session(demo, 3)
    with demo.reading() as r:
        group = r.value("SELECT id FROM participant_group WHERE name = 'Group A'")
    before = operations.get_values(demo, "session", sid)
    operations.update(demo, "session", sid, {"audience": [*before["audience"], ("group", group)]})
    operations.update(demo, "person", 1, {"phone": "+504 9999-0000"})
    with language("es"):
        phone, audience = history(demo, limit=2)
        assert audience.sentence() == f"Se cambió sesión {title} (Se agregó al público: Group A)"
        assert phone.summary() == "teléfono: ••• → •••"
        assert text_lines([phone])[0].startswith(f"#{phone.change_set_id}  ")
        assert re.search(r" \d+ [a-z]{3} 20\d\d \d\d:\d\d CST ", text_lines([phone])[0])


# --- items 7: control characters from plans made before names were checked ----------------------


def _plant_control_characters(store) -> None:
    """What an import of an older version left: raw ESC, BEL and NUL in names and in the log."""
    operations.update(store, "person", 3, {"position": "Inspector"})
    with store.transaction("Edit person") as tx:
        session = tx.session
        con = session.connection()
        con.exec_driver_sql(
            "UPDATE person SET given_name = ?, family_name = ? WHERE id = 3",
            ("Ana\x1b[2J\x07", "Lo\x00pez\x9b31m"),
        )
        con.exec_driver_sql(
            "UPDATE change_set SET user_name = 'ops\x1b]0;pwned\x07' WHERE id ="
            " (SELECT max(id) FROM change_set)"
        )
        con.exec_driver_sql(
            'UPDATE change_log SET detail = \'{"position": ["\x1b[31mRed",'
            ' "Inspector\\u202e"]}\' WHERE id = (SELECT max(id) FROM'
            " change_log)"
        )
        con.exec_driver_sql(
            "UPDATE agenda_session SET title = 'Field tour\x1b[5m' WHERE kind = 'site_visit'"
        )


def test_history_shows_control_characters_harmlessly(demo, demo_path, capsys):
    _plant_control_characters(demo)
    code, out, _err = _run(capsys, "history", str(demo_path), "--limit", "2")
    assert code == 0
    assert not RAW_CONTROL.search(out.replace("\n", "")), repr(out)
    assert "\u202e" not in out
    assert "Ana<ESC>[2J<BEL> Lo<NUL>pez<U+009B>31m" in out and "ops<ESC>]0;pwned<BEL>" in out
    assert "<ESC>[31mRed → Inspector<U+202E>" in out
    code, out, _err = _run(capsys, "history", str(demo_path), "--limit", "2", "--json")
    assert code == 0 and not RAW_CONTROL.search(out.replace("\n", ""))
    assert "\u202e" not in out
    change = json.loads(out)[0]["changes"][0]
    assert change["old"] == "\x1b[31mRed"  # the data itself, escaped by JSON


def test_error_messages_show_a_plans_names_harmlessly(demo, demo_path, capsys, tmp_path):
    _plant_control_characters(demo)
    code, _out, err = _run(
        capsys,
        "export",
        "clearance",
        str(demo_path),
        "--visit",
        "zzz",
        "-o",
        str(tmp_path / "c.xlsx"),
    )
    assert code == 2 and "Field tour<ESC>[5m" in err
    assert not RAW_CONTROL.search(err.replace("\n", "")), repr(err)
    code, _out, err = _run(capsys, "history", str(demo_path), "--item", "\x1b[2Jperson:1")
    assert code == 2 and "<ESC>[2Jperson" in err and "\x1b" not in err


def test_every_command_prints_a_plans_names_harmlessly(demo, demo_path, capsys):
    """info, check and the rest print names an older version stored with escape codes: as
    signs in text, as JSON escapes (the same data once read) in JSON."""
    _plant_control_characters(demo)
    with demo.transaction("an older version's text") as tx:
        session = tx.session
        session.connection().exec_driver_sql(
            "UPDATE delegation SET name = 'Pana\x1b[2J\x9bm\u202e' WHERE id = 1"
        )
    for args in (("info",), ("check",), ("budget",)):
        code, out, _err = _run(capsys, *args, str(demo_path))
        assert code in (0, 1) and not RAW_CONTROL.search(out.replace("\n", "")), (args, out)
        assert "\u202e" not in out
    code, out, _err = _run(capsys, "info", str(demo_path))
    assert "Pana<ESC>[2J<U+009B>m<U+202E>" in out
    code, out, _err = _run(capsys, "info", str(demo_path), "--json")
    assert not RAW_CONTROL.search(out) and "\u202e" not in out
    names = [d["name"] for d in json.loads(out)["delegations"]]
    assert "Pana\x1b[2J\x9bm\u202e" in names  # the data itself, escaped only on the way out


def test_the_same_on_a_shared_plan(pg_demo, capsys):
    from planner.store import open_plan

    store = open_plan(pg_demo)
    try:
        _edit_personal_data(store)
        operations.create_many(store, "group", [{"name": "Group E"}, {"name": "Group F"}])
    finally:
        store.close()
    code, out, _err = _run(capsys, "history", pg_demo, "--limit", "2", "--json")
    data = json.loads(out)
    assert code == 0 and len({e["change"] for e in data}) == 2 and len(data) == 3
    assert data[0]["at"].endswith("-06:00")
    assert not any(secret in out for secret in SECRETS) and "•••" in out
    code, out, _err = _run(capsys, "history", pg_demo, "--item", "person:1", "--limit", "1")
    assert code == 0 and "phone: ••• → •••" in out
    code, _out, err = _run(capsys, "history", pg_demo, "--item", "person:99999999999999999999999")
    assert code == 2 and "There is no person" in err
    code, _out, err = _run(capsys, "history", pg_demo, "--item", "person:2147483648")
    assert code == 2 and "there never was" in err
