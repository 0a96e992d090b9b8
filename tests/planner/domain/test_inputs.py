"""Hostile input (issue 16, items 7, 9 and 10): control characters never reach a plan, odd
files and names are refused in words (exit 2, never "unexpected problem"), a copy only reads
its source, time zones are those every computer knows, and a killed build leaves nothing."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from planner import operations
from planner.cli import main
from planner.domain.errors import UnknownZoneError, ValidationError
from planner.domain.inputs import clean_text, shipped_zones
from planner.domain.reference import timezones
from planner.store import open_plan
from tests.paths import FIXTURES, ROOT

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LONG = "x" * 5000


def cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse refused an argument
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, err: str, *words: str) -> None:
    """Exit 2 with a message in words: never a traceback nor "unexpected problem"."""
    assert code == 2, err
    assert "unexpected problem" not in err and "Traceback" not in err, err
    for word in words:
        assert word in err, err


# --- item 7: control characters ---------------------------------------------------------------


def test_clean_text_keeps_tabs_and_breaks_only_where_a_field_has_lines():
    dirty = "Ana\x1b[31m\x07\x00 Paz\x9b2J\x7f\tjefa\r\nde\x85unidad\u2028fin"
    assert clean_text(dirty) == "Ana[31m Paz2J jefa de unidad fin"
    assert clean_text(dirty, multiline=True) == "Ana[31m Paz2J\tjefa\nde\nunidad\nfin"
    assert clean_text("Ángela Núñez – ok") == "Ángela Núñez – ok"


def test_a_csv_with_control_characters_imports_clean_text(demo, demo_path, tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Nombres;Apellidos;Cargo;Observaciones\n"
        "Ana\x1b[31mRoja\x07\x00;Paz\x9b2J;Jefa\tde\x85unidad;"
        '"uno\x1b\r\ndos\tfin\x00"\n'
        "Luis;Soto;Técnico de campo;\n",
        encoding="utf-8",
    )
    demo.close()
    code, _out, err = cli(
        capsys, "import", "people", demo_path, roster, "--delegation", "Deleg\x1bación\x07 nueva"
    )
    assert code == 0, err
    store = open_plan(demo_path)
    try:
        with store.reading() as r:
            rows = r.rows(
                "SELECT given_name, family_name, position, notes FROM person"
                " WHERE family_name IN ('Paz2J', 'Soto') ORDER BY id"
            )
            delegations = [n for (n,) in r.rows("SELECT name FROM delegation")]
    finally:
        store.close()
    assert rows == [
        ("Ana[31mRoja", "Paz2J", "Jefa de unidad", "uno\ndos\tfin"),
        ("Luis", "Soto", "Técnico de campo", ""),
    ]
    assert "Delegación nueva" in delegations
    assert not any(CONTROL.search(n) for n in delegations)
    code, out, err = cli(capsys, "history", demo_path, "--limit", 3)
    assert code == 0 and not CONTROL.search(out + err)


def test_an_agenda_with_control_characters_imports_clean_text(demo, tmp_path):
    from planner.imports import agenda
    from planner.imports.readers import read_table

    sheet = tmp_path / "agenda.csv"
    sheet.write_text(
        "Fecha;Inicio;Fin;Título;Tipo;Notas\n"
        "27/11/2023;20:00;21:00;Cena\x1b]2J\x07 de gala;meal;"
        '"Traje\x00 formal\r\nbus 19:30"\n',
        encoding="utf-8",
    )
    table = read_table(sheet, known_headers=agenda.known_header)
    preview = agenda.preview(demo, table)
    assert not preview.errors, [r.reasons for r in preview.errors]
    agenda.apply(demo, preview)
    with demo.reading() as r:
        title, notes = r.rows("SELECT title, notes FROM agenda_session ORDER BY id DESC")[0]
    assert (title, notes) == ("Cena]2J de gala", "Traje formal\nbus 19:30")


def test_every_edit_path_stores_clean_text(demo):
    dirty = "Ana\x1b[2J\x07\x00 María\x9b"
    operations.update(demo, "person", 1, {"given_name": dirty, "notes": "a\x1b\r\nb\tc\x85d"})
    values = operations.get_values(demo, "person", 1)
    assert (values["given_name"], values["notes"]) == ("Ana[2J María", "a\nb\tc\nd")
    new_id = operations.create(demo, "organisation", {"name": "Org\x1b\tUno", "notes": "x\x00y"}).id
    assert operations.get_values(demo, "organisation", new_id)["name"] == "Org Uno"
    [many] = operations.create_many(demo, "organisation", [{"name": "Org\x07Dos"}]).ids
    assert operations.get_values(demo, "organisation", many)["name"] == "OrgDos"
    operations.update_plan(demo, {"title": "Plan\x1b[5m\x9b título", "city": "Tegu\x00cigalpa"})
    assert operations.plan_values(demo)["title"] == "Plan[5m título"
    assert operations.plan_values(demo)["city"] == "Tegucigalpa"
    operations.set_setting(demo, "x", {"Ap\x1bellido": ["a\x07b"]})
    assert operations.get_setting(demo, "x") == {"Apellido": ["ab"]}
    operations.acknowledge(demo, "k", "visto\x1b[0m\x00 ok")
    assert operations.acknowledgements(demo)["k"] == "visto[0m ok"
    other = operations.create(
        demo, "person", {"given_name": "Ana", "family_name": "Dup", "id_number": "X-1"}
    ).id
    twin = operations.create(
        demo, "person", {"given_name": "Ana", "family_name": "Dup", "id_number": "X-1"}
    ).id
    with demo.transaction("an older version's text") as tx:  # stored before this fix
        tx.session.connection().exec_driver_sql(
            "UPDATE person SET position = 'Jefe\x1b[1m' WHERE id = ?", (twin,)
        )
    operations.merge_people(demo, other, [twin])
    assert operations.get_values(demo, "person", other)["position"] == "Jefe[1m"


def test_an_edit_repairs_text_an_older_version_stored_instead_of_refusing_it(demo):
    """A name saved with control characters by an older version: editing another field of
    the person saves, and cleans the name, instead of refusing a field nobody touched."""
    with demo.transaction("an older version's text") as tx:
        session = tx.session
        session.connection().exec_driver_sql(
            "UPDATE person SET given_name = 'Ana\x1b[2J\x07' WHERE id = 1"
        )
    assert operations.validate(demo, "person", {"position": "Jefa"}, own_id=1) == []
    operations.update(demo, "person", 1, {"position": "Jefa"})
    values = operations.get_values(demo, "person", 1)
    assert (values["given_name"], values["position"]) == ("Ana[2J", "Jefa")


# --- item 9: a message in words, exit 2 -------------------------------------------------------


@pytest.mark.parametrize("what", ["people", "agenda"])
def test_a_csv_of_random_bytes_is_refused_in_words(demo, demo_path, tmp_path, capsys, what):
    noise = tmp_path / "noise.csv"
    noise.write_bytes(bytes(range(256)) * 12 + os.urandom(3000))
    demo.close()
    code, _out, err = cli(capsys, "import", what, demo_path, noise)
    refused(code, err, "noise.csv", "not a text (CSV) file")


def test_a_spreadsheet_named_csv_is_refused_in_words(demo_path, tmp_path, capsys):
    from openpyxl import Workbook

    book = tmp_path / "roster.csv"
    Workbook().save(book)
    code, _out, err = cli(capsys, "import", "people", demo_path, book)
    refused(code, err, "roster.csv is a spreadsheet", ".xlsx")


UNICODE_ROWS = [["Nombres", "Apellidos", "Sexo"], ["Ángela", "Pérez", "F"], ["José", "Núñez", "M"]]


@pytest.mark.parametrize(
    ("name", "separator", "encoding"),
    [
        ("unicode.txt", "\t", "utf-16"),  # Excel's "Unicode text": UTF-16 LE with its mark
        ("semicolons.csv", ";", "utf-16"),
        ("nomark.csv", ";", "utf-16-le"),
        ("bigendian.txt", "\t", "utf-16-be"),
    ],
)
def test_utf16_files_are_read_with_their_names(
    demo_path, tmp_path, capsys, name, separator, encoding
):
    path = tmp_path / name
    text = "\r\n".join(separator.join(row) for row in UNICODE_ROWS) + "\r\n"
    path.write_bytes(text.encode(encoding))
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"N\x00", b"\x00N")
    code, out, err = cli(capsys, "import", "people", demo_path, path, "--json")
    assert code == 0, err
    import json

    report = json.loads(out)
    assert [e["name"] for e in report["created"]] == ["Ángela Pérez", "José Núñez"]
    assert not report["rejected"]


def test_a_cell_over_the_csv_field_limit_is_refused_by_its_address(demo_path, tmp_path, capsys):
    path = tmp_path / "long.csv"
    path.write_text(
        "Nombres;Apellidos;Cargo\nAna;Paz;Jefa\nLuis;Soto;" + "y" * 140_000 + "\n", encoding="utf-8"
    )
    for what in ("people", "agenda"):
        code, _out, err = cli(capsys, "import", what, demo_path, path)
        refused(code, err, "Cell C3 of long.csv", "140,000 characters")


def test_a_5000_character_title_or_name_is_refused_with_its_limit(
    demo, demo_path, tmp_path, capsys
):
    code, _out, err = cli(
        capsys,
        "new",
        tmp_path / "t.dplan",
        "--title",
        LONG,
        "--start",
        "2024-01-01",
        "--end",
        "2024-01-05",
        "--tz",
        "America/Panama",
    )
    refused(code, err, "Title is too long (5000 characters); shorten it to 200")
    assert not (tmp_path / "t.dplan").exists()
    with pytest.raises(ValidationError, match="shorten it to 200"):
        operations.update_plan(demo, {"title": LONG})  # the Plan Details form
    code, _out, err = cli(
        capsys, "copy", demo_path, tmp_path / "c.dplan", "--start", "2024-03-01", "--title", LONG
    )
    refused(code, err, "Title is too long (5000 characters)")
    assert not (tmp_path / "c.dplan").exists()
    roster = tmp_path / "r.csv"
    roster.write_text("Nombres;Apellidos\nAna;Paz\n", encoding="utf-8")
    with demo.reading() as r:
        before = r.value("SELECT count(*) FROM delegation")
    for option in ("--delegation", "--organisation", "--group"):
        code, _out, err = cli(capsys, "import", "people", demo_path, roster, option, LONG)
        refused(code, err, "name is too long (5000 characters, at most")
    with demo.reading() as r:
        assert r.value("SELECT count(*) FROM delegation") == before
    sheet = tmp_path / "agenda.csv"
    sheet.write_text(f"Fecha;Inicio;Fin;Título\n27/11/2023;20:00;21:00;{LONG}\n", encoding="utf-8")
    code, out, err = cli(capsys, "import", "agenda", demo_path, sheet)
    assert code == 1 and "row 2: Title is too long (5000 characters, at most 300)" in out


def test_a_copy_whose_dates_leave_the_calendar_is_refused(demo_path, tmp_path, capsys):
    before = demo_path.read_bytes()
    for start in ("9999-12-28", "0001-01-02"):
        code, _out, err = cli(capsys, "copy", demo_path, tmp_path / "c.dplan", "--start", start)
        refused(code, err, f"begin on {start}", "outside the calendar")
        assert not (tmp_path / "c.dplan").exists()
    assert demo_path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_file_name_over_255_bytes_is_refused_in_words(demo_path, tmp_path, capsys):
    long_name = "á" * 130 + ".dplan"  # 266 bytes, 136 characters
    target = tmp_path / long_name
    for args in (
        (
            "new",
            target,
            "--title",
            "T",
            "--start",
            "2024-01-01",
            "--end",
            "2024-01-02",
            "--tz",
            "America/Panama",
        ),
        ("demo", target),
        ("copy", demo_path, target, "--start", "2024-03-01"),
        ("copy", target, tmp_path / "c.dplan", "--start", "2024-03-01"),
        ("import", "people", demo_path, tmp_path / ("r" * 300 + ".csv")),
        ("export", "agenda", demo_path, "-o", tmp_path / ("a" * 300 + ".xlsx")),
        ("info", target),
    ):
        code, _out, err = cli(capsys, *args)
        refused(code, err, "is too long", "Choose a shorter name")
    # a plan's name leaves room for the files written beside it while it is built
    code, _out, err = cli(capsys, "demo", tmp_path / ("d" * 230 + ".dplan"))
    refused(code, err, "a plan's name has at most 200")
    assert [p.name for p in tmp_path.iterdir()] == ["demo.dplan"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("what", ["people", "agenda"])
def test_a_named_pipe_as_a_roster_is_refused_at_once(demo_path, tmp_path, what):
    pipe = tmp_path / "roster.csv"
    os.mkfifo(pipe)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "en"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "planner", "import", what, str(demo_path), str(pipe)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the import waited on the named pipe")
    refused(result.returncode, result.stderr, "roster.csv is not a regular file")


# --- item 10: copy, time zones, files left by a killed build -------------------------------


def test_a_read_only_plan_can_be_copied(demo, demo_path, tmp_path, capsys, monkeypatch):
    import planner.store.plan as store_module

    demo.close()
    before = demo_path.read_bytes()
    source_only = {demo_path.resolve()}
    real = store_module.writable
    monkeypatch.setattr(
        store_module,
        "writable",
        lambda path: Path(path).resolve() not in source_only and real(path),
    )
    code, _out, err = cli(
        capsys, "copy", demo_path, tmp_path / "next.dplan", "--start", "2024-03-02"
    )
    assert code == 0, err
    assert demo_path.read_bytes() == before
    copy = open_plan(tmp_path / "next.dplan", read_only=True)
    try:
        assert operations.plan_values(copy)["start_date"] == date(2024, 3, 2)
    finally:
        copy.close()


def test_a_copy_that_cannot_be_written_names_the_copy(
    demo, demo_path, tmp_path, capsys, monkeypatch
):
    """The copy is built in a temporary file; a failure there is said of the copy."""
    from sqlalchemy import event

    import planner.store.plan as store_module

    real = store_module.make_engine

    def refusing(path, **kwargs):
        engine = real(path, **kwargs)
        if Path(path).name.endswith(".tmp"):
            event.listen(engine, "connect", lambda con, _rec: con.execute("PRAGMA query_only = ON"))
        return engine

    demo.close()
    monkeypatch.setattr(store_module, "make_engine", refusing)
    code, _out, err = cli(
        capsys, "copy", demo_path, tmp_path / "next.dplan", "--start", "2024-03-02"
    )
    refused(code, err, "next.dplan cannot be changed")
    assert ".tmp" not in err and "demo.dplan" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.dplan"]


def test_only_zones_every_computer_knows_are_accepted(demo, demo_path, tmp_path, capsys):
    assert timezones() == shipped_zones()
    assert "localtime" not in timezones() and "America/Tegucigalpa" in timezones()
    code, _out, err = cli(
        capsys,
        "new",
        tmp_path / "t.dplan",
        "--title",
        "T",
        "--start",
        "2024-01-01",
        "--end",
        "2024-01-05",
        "--tz",
        "localtime",
    )
    refused(code, err, "'localtime' is not a time zone")
    assert not (tmp_path / "t.dplan").exists()
    assert operations.validate_plan_values(
        {
            "title": "T",
            "start_date": date(2024, 1, 1),
            "end_date": date(2024, 1, 2),
            "timezone": "localtime",
        }
    )
    with pytest.raises(ValidationError, match="'localtime' is not a time zone"):
        operations.update_plan(demo, {"timezone": "localtime"})  # the Plan Details form
    code, _out, err = cli(
        capsys,
        "copy",
        demo_path,
        tmp_path / "c.dplan",
        "--start",
        "2024-03-01",
        "--tz",
        "localtime",
    )
    refused(code, err, "'localtime' is not a time zone")
    assert not (tmp_path / "c.dplan").exists()


def _unknown_zone_plan(path: Path) -> None:
    with sqlite3.connect(path) as con:  # as a plan made where 'Mars/Olympus' was a zone
        con.execute("UPDATE plan SET timezone = 'Mars/Olympus'")
        con.execute(
            "UPDATE agenda_session SET timezone = 'Mars/Olympus'"
            " WHERE timezone = 'America/Tegucigalpa'"
        )
    con.close()


def test_an_older_plan_in_an_unknown_zone_is_refused_before_it_is_upgraded(tmp_path):
    """The zone is checked before anything is written: no upgrade, no backup copy, no WAL
    switch, so "The file was not changed" is true."""
    import shutil

    old = tmp_path / "old.dplan"
    shutil.copyfile(FIXTURES / "plans" / "format-0003.dplan", old)
    with sqlite3.connect(old) as con:
        con.execute("UPDATE plan SET timezone = 'Mars/Olympus'")
    con.close()
    before = old.read_bytes()
    with pytest.raises(UnknownZoneError, match="Mars/Olympus"):
        open_plan(old)
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.dplan"]


def test_a_plan_in_an_unknown_zone_is_refused_naming_the_zone(demo, demo_path, capsys):
    demo.close()
    _unknown_zone_plan(demo_path)
    before = demo_path.read_bytes()
    with pytest.raises(UnknownZoneError) as caught:
        open_plan(demo_path)
    assert caught.value.zones == ["Mars/Olympus"]
    for command in ("info", "check", "history"):
        code, _out, err = cli(capsys, command, demo_path)
        refused(
            code,
            err,
            "demo.dplan uses the time zone 'Mars/Olympus'",
            "Plan Details",
            f'planner copy "{demo_path}" NEW.dplan --start 2023-11-25 --tz',
        )
    assert demo_path.read_bytes() == before


def test_a_copy_gives_a_plan_in_an_unknown_zone_a_known_one(demo, demo_path, tmp_path, capsys):
    with demo.reading() as r:
        moments = r.rows("SELECT id, starts_at FROM agenda_session ORDER BY id")
    demo.close()
    _unknown_zone_plan(demo_path)
    fixed = tmp_path / "fixed.dplan"
    code, _out, err = cli(capsys, "copy", demo_path, fixed, "--start", "2023-11-25")
    refused(code, err, "'Mars/Olympus'")
    code, _out, err = cli(
        capsys, "copy", demo_path, fixed, "--start", "2023-11-25", "--tz", "America/Tegucigalpa"
    )
    assert code == 0, err
    store = open_plan(fixed)
    try:
        with store.reading() as r:
            assert r.rows("SELECT id, starts_at FROM agenda_session ORDER BY id") == moments
            assert (
                r.value("SELECT count(*) FROM agenda_session WHERE timezone = 'Mars/Olympus'") == 0
            )
        assert operations.plan_values(store)["timezone"] == "America/Tegucigalpa"
    finally:
        store.close()
    code, _out, err = cli(capsys, "check", fixed)
    assert code in (0, 1) and "unexpected" not in err


def test_a_copy_to_another_zone_keeps_the_clock_times(demo, demo_path, tmp_path, capsys):
    def clock(store):
        with store.read() as session:
            from planner.domain.model import AgendaSession

            return sorted(
                (s.id, s.local_start.replace(tzinfo=None), s.timezone)
                for s in session.query(AgendaSession)
            )

    before = clock(demo)
    demo.close()
    code, _out, err = cli(
        capsys,
        "copy",
        demo_path,
        tmp_path / "pa.dplan",
        "--start",
        "2023-11-25",
        "--tz",
        "America/Panama",
    )
    assert code == 0, err
    store = open_plan(tmp_path / "pa.dplan")
    try:
        after = clock(store)
        assert operations.plan_values(store)["timezone"] == "America/Panama"
    finally:
        store.close()
    assert [(i, t) for i, t, _z in after] == [(i, t) for i, t, _z in before]
    moved = {z for i, t, z in after}
    assert moved == {"America/Panama"}, moved


def _creating(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".creating" in p.name)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_a_build_killed_midway_leaves_nothing_after_the_next(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "en"}
    target = tmp_path / "big.dplan"
    child = subprocess.Popen(
        [sys.executable, "-m", "planner", "demo", str(target), "--scale", "5"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not _creating(tmp_path) and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    time.sleep(0.4)  # well into the build
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    left = _creating(tmp_path)
    assert child.returncode == -signal.SIGKILL and left, "the build ended before the kill"
    assert not target.exists()
    assert all(name.startswith(f".big.dplan.{child.pid}.") for name in left), left
    # another build's file, fresh, of a live process (this one): kept
    alive = tmp_path / f".other.dplan.{os.getpid()}.abcdefgh.creating"
    alive.write_bytes(b"")
    # an old one of a process that is gone, for another name: removed
    gone = tmp_path / f".old.dplan.{child.pid}.zyxwvuts.creating"
    gone.write_bytes(b"")
    os.utime(gone, (time.time() - 3600, time.time() - 3600))
    operations.new_plan(
        tmp_path / "big.dplan",
        {
            "title": "T",
            "start_date": date(2024, 1, 1),
            "end_date": date(2024, 1, 2),
            "timezone": "America/Panama",
        },
    ).close()
    assert _creating(tmp_path) == [alive.name]
    assert target.exists()
