"""One roster imported twice at the same moment adds each person once (issue 16, item 2).

Two real processes, released together, import the same file into one plan: a plan file and a
shared plan on PostgreSQL. The rows are matched against the plan inside the transaction that
writes them, which holds the plan's write lock, so the second import finds the first's people
"already there" and its report says so; the delegation, organisation and group are created
once and reported once. The same holds for an agenda list without session IDs.
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planner import operations, queries
from tests.conftest import PLAN_VALUES
from tests.paths import DATA

ROSTER = DATA / "roster-dnspf-honduras.xlsx"
OPTIONS = ["--delegation", "Cohorte Race", "--organisation", "Org Race", "--group", "Grupo Race"]
NEW_ITEMS = [
    {"kind": "organisation", "name": "Org Race"},
    {"kind": "delegation", "name": "Cohorte Race"},
    {"kind": "group", "name": "Grupo Race"},
]
TRIALS = 4


# --- two processes, released together --------------------------------------------------------


def _import_worker(plans: list[str], argv: list[str], barrier: Any, results: Any) -> None:
    """Import into each plan in turn, at the same moment as the other worker."""
    from planner.cli import main

    for plan in plans:
        barrier.wait(timeout=120)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["import", argv[0], plan, *argv[1:]])
        results.put((plan, code, out.getvalue(), err.getvalue()))


def race(plans: list[str], argv: list[str]) -> dict[str, list[tuple[int, dict, str]]]:
    """Two processes import ``argv`` into every plan, both at once; each plan's two results
    (exit code, JSON report, stderr)."""
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [
        ctx.Process(target=_import_worker, args=(plans, argv, barrier, results)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    found: dict[str, list[tuple[int, dict, str]]] = {plan: [] for plan in plans}
    for _ in range(2 * len(plans)):
        plan, code, out, err = results.get(timeout=300)
        found[plan].append((code, json.loads(out) if code == 0 else {}, err))
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return found


def assert_each_once(results: list[tuple[int, dict, str]], people: int) -> None:
    """The two reports together say what happened once: every person created by one import
    and found by the other, every new item created and reported once."""
    assert [code for code, _r, _e in results] == [0, 0], [err for _c, _r, err in results]
    reports = [report for _c, report, _e in results]
    assert sum(len(r["created"]) for r in reports) == people
    for report in reports:  # the other import's people are "already there", said so
        assert len(report["created"]) + len(report["updated"]) + len(report["duplicates"]) == people
        assert report["rejected"] == []
    assert sorted((i for r in reports for i in r["new_items"]), key=str) == sorted(
        NEW_ITEMS, key=str
    )
    said = "".join(err for _c, _r, err in results)
    for line in (
        "Created the delegation 'Cohorte Race'.",
        "Created the organisation 'Org Race'.",
        "Created the group 'Grupo Race'.",
    ):
        assert said.count(line) == 1, said


def roster_ids() -> list[str]:
    from planner.imports import people
    from planner.imports.readers import read_table

    table = read_table(ROSTER, known_headers=people.known_header)
    column = next(
        i for i, h in enumerate(table.headers) if people.guess_mapping([h])[h] == "id_number"
    )
    return [str(cells[column]) for _row, cells in table.rows if cells[column]]


COUNTS = (
    "SELECT (SELECT count(*) FROM person), (SELECT count(DISTINCT id_number) FROM person),"
    " (SELECT count(*) FROM delegation WHERE name = 'Cohorte Race'),"
    " (SELECT count(*) FROM organisation WHERE name = 'Org Race'),"
    " (SELECT count(*) FROM participant_group WHERE name = 'Grupo Race'),"
    " (SELECT count(*) FROM group_member)"
)


def new_plans(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"race-{i}.dplan"
        operations.new_plan(path, dict(PLAN_VALUES)).close()
        paths.append(str(path))
    return paths


# --- a plan file ------------------------------------------------------------------------------


def test_one_roster_imported_twice_at_once_adds_each_person_once(tmp_path):
    people = len(set(roster_ids()))
    assert people == 200
    plans = new_plans(tmp_path, TRIALS)
    found = race(plans, ["people", str(ROSTER), "--json", *OPTIONS])
    for plan in plans:
        with sqlite3.connect(plan) as con:
            counts = con.execute(COUNTS).fetchone()
        # 200 people, each once; one delegation, organisation and group; 200 memberships
        assert counts == (people, people, 1, 1, 1, people), (plan, counts)
        assert_each_once(found[plan], people)


def test_the_write_transaction_holds_the_plan_file_lock_before_it_reads(plan):
    """SQLite: BEGIN IMMEDIATE at the transaction's first moment, before any read, so a
    second writer waits instead of matching against a plan about to change."""
    with plan.transaction("Hold the lock") as _tx:
        other = sqlite3.connect(plan.path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_the_report_after_an_import_says_what_this_import_did(plan, tmp_path, capsys):
    """Someone else's import between the check and the write: the people are found where it
    put them, and what the report and the history say is what this import wrote."""
    from planner.cli import main
    from planner.imports import people
    from planner.imports.readers import read_table

    table = read_table(ROSTER, known_headers=people.known_header)
    mapping = people.mapping_for(plan, table)
    pv = people.preview(plan, table, mapping, delegation="Cohorte Race", group="Grupo Race")
    assert pv.count("new") == 200 and pv.new_names["delegation"] == ["Cohorte Race"]
    assert (
        main(
            [
                "import",
                "people",
                str(plan.path),
                str(ROSTER),
                "--json",
                "--delegation",
                "Cohorte Race",
                "--group",
                "Grupo Race",
            ]
        )
        == 0
    )  # meanwhile, elsewhere
    capsys.readouterr()
    batch = people.apply(plan, pv)  # the check above is now out of date
    report = people.report(pv)
    assert report["created"] == [] and report["new_items"] == []
    assert len(report["duplicates"]) + len(report["updated"]) == 200
    assert batch.created.get("person", []) == [] and batch.label.startswith("Import 0 people")
    assert operations.get_setting(plan, "import_mappings")  # remembered by the command's import
    assert len(queries.people(plan)) == 200


def _agenda_file(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Fecha", "Inicio", "Fin", "Título", "Tipo"])
    for day in (26, 27, 28):
        ws.append([f"{day}/11/2023", "8:00", "10:00", f"Módulo del día {day}", ""])
        ws.append([f"{day}/11/2023", "10:30", "12:00", f"Práctica del día {day}", ""])
    ws.append(["26/11/2023", "8:00", "10:00", "Módulo del día 26", ""])  # repeated in the file
    path = tmp_path / "agenda.xlsx"
    wb.save(path)
    return path


def test_one_agenda_imported_twice_at_once_adds_each_session_once(tmp_path):
    path = _agenda_file(tmp_path)
    plans = new_plans(tmp_path, 3)
    found = race(plans, ["agenda", str(path), "--json"])
    for plan in plans:
        with sqlite3.connect(plan) as con:
            titles = [t for (t,) in con.execute("SELECT title FROM agenda_session")]
        assert sorted(titles) == sorted(set(titles)) and len(titles) == 6, titles
        reports = [report for _code, report, _err in found[plan]]
        assert sum(len(r["created"]) for r in reports) == 6
        assert all(len(r["duplicates"]) + len(r["created"]) == 7 for r in reports)


def test_an_agenda_list_without_ids_imported_again_finds_its_sessions(plan, tmp_path, capsys):
    from planner.cli import main

    path = _agenda_file(tmp_path)
    assert main(["import", "agenda", str(plan.path), str(path), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(first["created"]) == 6
    assert first["duplicates"] == [
        {
            "row": 8,
            "name": "Módulo del día 26",
            "id": None,
            "reason": "the same session as row 2",
            "same_as_row": 2,
        }
    ]
    assert main(["import", "agenda", str(plan.path), str(path), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["created"] == [] and len(again["duplicates"]) == 7
    assert "already in the plan as session" in again["duplicates"][0]["reason"]


# --- two programs opening one plan file at the same moment ----------------------------------


def _edit_worker(plan: str, barrier: Any, results: Any, trials: int) -> None:
    import os

    from planner.store import open_plan

    for trial in range(trials):
        barrier.wait(timeout=120)
        store = open_plan(f"{plan}-{trial}.dplan")
        try:
            for n in range(3):
                operations.create(store, "organisation", {"name": f"Org {os.getpid()} {n}"})
        finally:
            store.close()
        results.put(trial)


def test_two_programs_opening_a_plan_at_once_both_keep_their_changes(tmp_path):
    """Checking a plan while another program opens it must not pull SQLite's -wal and -shm
    files from under that program: both would then save at once, one over the other."""
    trials = 6
    base = tmp_path / "open"
    for trial in range(trials):
        operations.new_plan(f"{base}-{trial}.dplan", dict(PLAN_VALUES)).close()
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [
        ctx.Process(target=_edit_worker, args=(str(base), barrier, results, trials))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    for trial in range(trials):
        with sqlite3.connect(f"{base}-{trial}.dplan") as con:
            assert con.execute("SELECT count(*) FROM organisation").fetchone()[0] == 6, trial
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- a shared plan on PostgreSQL --------------------------------------------------------------


@pytest.fixture
def pg_plans(pg_server, tmp_path):
    """Fresh empty plans published to databases of their own; dropped afterwards."""
    import psycopg

    from planner.store.shared import publish

    base = tmp_path / "small.dplan"
    operations.new_plan(base, dict(PLAN_VALUES)).close()
    names = [f"plan_test_{uuid.uuid4().hex[:12]}" for _ in range(3)]
    addresses = [pg_server.rsplit("/", 1)[0] + "/" + name for name in names]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        for address in addresses:
            publish(base, address)
        yield addresses
    finally:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_one_roster_imported_twice_at_once_on_a_shared_plan_adds_each_person_once(pg_plans):
    import psycopg

    found = race(pg_plans, ["people", str(ROSTER), "--json", *OPTIONS])
    for address in pg_plans:
        with psycopg.connect(address) as con:
            counts = con.execute(COUNTS).fetchone()
        assert counts == (200, 200, 1, 1, 1, 200), (address, counts)
        assert_each_once(found[address], 200)


def test_a_shared_plans_writes_take_its_write_lock_first(pg_demo, monkeypatch):
    """A second writer waits for the first (and is told the plan is busy when it waits too
    long), so what a transaction reads is what it writes over."""
    import time

    import planner.store.server as server
    import planner.store.shared as shared
    from planner.domain.errors import PlanBusyError

    a, b = shared.open_shared(pg_demo), shared.open_shared(pg_demo)
    try:
        with a.transaction("Hold the lock"):
            with b.engine.connect() as conn:
                free = conn.exec_driver_sql(
                    f"SELECT pg_try_advisory_xact_lock({server.WRITE_LOCK})"
                ).scalar()
                conn.rollback()
            assert free is False  # the write lock is a's from its first moment
            monkeypatch.setattr(server, "WRITE_WAIT_SECONDS", 1)
            started = time.monotonic()
            with pytest.raises(PlanBusyError, match="busy: someone else is saving"):
                operations.create(b, "organisation", {"name": "Waits"})
            assert time.monotonic() - started < 10
        operations.create(b, "organisation", {"name": "Waits"})  # free again once a is done
    finally:
        a.close()
        b.close()
