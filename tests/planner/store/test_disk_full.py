"""A full disk (simulated with RLIMIT_FSIZE, SIGXFSZ ignored) and a read-only plan: a clear
message, the change reported as not done, nothing damaged, no partial export left behind."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from planner.store import open_plan
from tests.paths import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is a POSIX limit")

FULL_DISK = r"""
import json, resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
from planner import operations
from planner.domain.errors import PlannerError
from planner.exports.catalog import run
from planner.exports.common import Options
from planner.imports import people
from planner.imports.readers import read_table
from planner.store import open_plan

plan, roster, out = (Path(a) for a in sys.argv[1:4])
store = open_plan(plan)
table = read_table(roster, known_headers=people.known_header)
preview = people.preview(store, table, people.mapping_for(store, table), delegation="Big")
limit = 128 * 1024  # no file may grow past 128 KiB: the WAL, a workbook, its temporary file
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
said = {}
try:
    people.apply(store, preview)
    said["import"] = "done"
except PlannerError as exc:
    said["import"] = str(exc)
try:
    run(store, "participants", out, Options())
    said["export"] = "done"
except PlannerError as exc:
    said["export"] = str(exc)
try:
    operations.update(store, "person", 1, {"notes": "x" * 200_000})
    said["edit"] = "done"
except PlannerError as exc:
    said["edit"] = str(exc)
store.close()
print(json.dumps(said))
"""


def test_a_full_disk_refuses_the_import_the_export_and_the_edit(demo, tmp_path):
    demo.close()
    roster = tmp_path / "big.csv"
    roster.write_text(
        "Nombres,Apellidos,Número de identidad\n"
        + "".join(f"Ana {n},Paz Import,ID-{n:05d}\n" for n in range(3000)),
        encoding="utf-8",
    )
    out = tmp_path / "exports" / "participants.xlsx"
    out.parent.mkdir()
    root = ROOT
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(demo.path), str(roster), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout.strip().splitlines()[-1])
    for what in ("import", "export", "edit"):
        assert said[what] != "done", what
        assert "could not be written" in said[what] or "disk" in said[what], said[what]
    assert "Free some disk space" in said["import"]
    assert list(out.parent.iterdir()) == []  # no partial workbook, no temporary file
    con = sqlite3.connect(demo.path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    store = open_plan(demo.path)
    try:
        with store.reading() as r:
            assert r.value("SELECT count(*) FROM delegation WHERE name = 'Big'") == 0
            assert r.value("SELECT notes FROM person WHERE id = 1") != "x" * 200_000
    finally:
        store.close()


def test_a_read_only_plan_refuses_an_edit_and_keeps_the_file(demo_path):
    from planner import operations
    from planner.domain.errors import PlannerError

    before = demo_path.read_bytes()
    os.chmod(demo_path, 0o400)
    try:
        if os.access(demo_path, os.W_OK):
            pytest.skip("running as a user who may write any file (root)")
        store = open_plan(demo_path)
        try:
            with pytest.raises(PlannerError, match="read-only"):
                operations.update(store, "person", 1, {"notes": "x"})
        finally:
            store.close()
    finally:
        os.chmod(demo_path, 0o600)
    assert demo_path.read_bytes() == before


def test_a_plan_that_turns_read_only_refuses_the_edit_and_the_import(demo, tmp_path):
    """The file turns read-only under an open plan (simulated with SQLite's query_only, which
    refuses writes the way a read-only file does, even for root)."""
    from sqlalchemy import event

    from planner import operations
    from planner.domain.errors import PlannerError
    from planner.imports import people
    from planner.imports.readers import read_table

    roster = tmp_path / "r.csv"
    roster.write_text("Nombres,Apellidos,Número de identidad\nAna,Paz,RO-1\n", encoding="utf-8")
    table = read_table(roster, known_headers=people.known_header)
    preview = people.preview(demo, table, people.mapping_for(demo, table), delegation="RO")
    demo.engine.dispose()
    event.listen(demo.engine, "connect", lambda con, _rec: con.execute("PRAGMA query_only = ON"))
    with pytest.raises(PlannerError, match="read-only"):
        operations.update(demo, "person", 1, {"notes": "x"})
    with pytest.raises(PlannerError, match="read-only"):
        people.apply(demo, preview)
    demo.close()
    store = open_plan(demo.path)
    try:
        with store.reading() as r:
            assert r.value("PRAGMA integrity_check") == "ok"
            assert r.value("SELECT notes FROM person WHERE id = 1") != "x"
            assert r.value("SELECT count(*) FROM person WHERE id_number = 'RO-1'") == 0
    finally:
        store.close()


def test_an_export_into_a_folder_that_turned_read_only_leaves_nothing(demo, tmp_path):
    from planner.domain.errors import PlannerError
    from planner.exports.catalog import run
    from planner.exports.common import Options

    folder = tmp_path / "out"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write any folder (root)")
        for kind, suffix in (("participants", ".xlsx"), ("certificates", ".pdf"), ("ics", ".ics")):
            with pytest.raises(PlannerError, match=r"could not be written|cannot be written"):
                run(demo, kind, folder / f"x{suffix}", Options())
        assert list(folder.iterdir()) == []
    finally:
        os.chmod(folder, 0o700)


def test_new_plans_and_copies_are_readable_by_their_owner_only(demo, tmp_path):
    from planner.demo import build_demo

    fresh = tmp_path / "fresh.dplan"
    build_demo(fresh).close()
    demo.save_copy(tmp_path / "copy.dplan")
    for path in (fresh, tmp_path / "copy.dplan"):
        assert path.stat().st_mode & 0o077 == 0, path
