"""Plan files: recognised before anything is written, refused untouched when foreign, damaged
or newer, migrated after a backup, copied consistently, every change logged."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from planner import operations
from planner.domain.errors import DamagedPlanError, NewerPlanError, NotAPlanError, PlanFileError
from planner.domain.model import ChangeLog, ChangeSet, Person
from planner.store import (
    APPLICATION_ID,
    check_plan_file,
    current_user,
    known_revisions,
    open_plan,
    schema_version,
)
from tests.paths import FIXTURES


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused_untouched(path: Path, error: type[Exception], words: str) -> str:
    before = digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error) as info:
        open_plan(path)
    assert digest(path) == before, "the refused file was changed"
    message = str(info.value)
    assert words in message
    assert "not changed" in message
    leftovers = sorted(p.name for p in path.parent.iterdir())
    assert [n for n in leftovers if n not in siblings] == [], "the check left files behind"
    return message


def test_new_plan_is_marked_ours_in_wal_mode(plan):
    con = sqlite3.connect(plan.path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_foreign_keys_are_enforced(plan):
    with plan.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "contacts.dplan"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contact (name TEXT)")
    con.execute("INSERT INTO contact VALUES ('Ana')")
    con.commit()
    con.close()
    assert_refused_untouched(path, NotAPlanError, "another program")


def test_random_bytes_are_refused_untouched(tmp_path):
    path = tmp_path / "noise.dplan"
    path.write_bytes(bytes(range(256)) * 40)
    assert_refused_untouched(path, NotAPlanError, "not a database")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.dplan"
    path.write_bytes(b"")
    with pytest.raises(NotAPlanError, match="empty"):
        open_plan(path)
    assert path.read_bytes() == b""


def test_truncated_plan_is_refused_untouched(demo_path):
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 3])
    assert_refused_untouched(demo_path, DamagedPlanError, "damaged")


def test_corrupted_pages_are_refused_untouched(demo_path):
    data = bytearray(demo_path.read_bytes())
    for offset in range(8192, len(data), 4096):  # scribble over every page but the first
        data[offset + 10 : offset + 200] = b"\xff" * 190
    demo_path.write_bytes(bytes(data))
    assert_refused_untouched(demo_path, DamagedPlanError, "damaged")


def _newer(path: Path, *, user_version: int | None = None, revision: str | None = None) -> None:
    con = sqlite3.connect(path)
    if user_version is not None:
        con.execute(f"PRAGMA user_version={user_version}")
    if revision is not None:
        con.execute("UPDATE alembic_version SET version_num=?", (revision,))
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()


def test_newer_plan_format_is_refused_naming_both_versions(demo_path):
    _newer(demo_path, user_version=schema_version() + 1)
    message = assert_refused_untouched(demo_path, NewerPlanError, "newer version")
    assert str(schema_version() + 1) in message and str(schema_version()) in message


def test_unknown_schema_revision_is_refused_as_newer(demo_path):
    _newer(demo_path, revision="9999")
    assert_refused_untouched(demo_path, NewerPlanError, "9999")


def test_missing_file_and_folder_get_clear_messages(tmp_path):
    with pytest.raises(PlanFileError, match="does not exist"):
        open_plan(tmp_path / "nope.dplan")
    with pytest.raises(PlanFileError, match="folder"):
        open_plan(tmp_path)


@pytest.mark.parametrize(
    "fixture", sorted((FIXTURES / "plans").glob("format-*.dplan")), ids=lambda p: p.name
)
def test_every_old_fixture_plan_opens_and_upgrades(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    old_format = check_plan_file(path).user_version
    store = open_plan(path)
    try:
        assert check_plan_file(path).user_version == schema_version()
        if old_format < schema_version():
            assert store.backup_path is not None and store.backup_path.exists()
        with store.read() as s:
            names = {p.full_name for p in s.execute(select(Person)).scalars()}
        assert "Nohemí Bonilla Hernández" in names
        values = operations.get_values(store, "session", 1)
        assert values["audience"] and values["facilitator_ids"]
        operations.update(store, "person", 1, {"position": "Instructor"})
        # the budget works on every upgraded plan, with the plan's default percentages
        from planner.rules import budget

        result = budget.compute(store)
        assert all(line.amount >= 0 for line in result.lines)
        assert operations.get_values(store, "plan", 1)["last_day_share"] == 40
    finally:
        store.close()


def test_there_is_a_fixture_for_every_schema_revision():
    fixtures = {p.name[7:11] for p in (FIXTURES / "plans").glob("format-*.dplan")}
    assert fixtures == set(known_revisions()), "run tools/make_fixture.py for the new revision"


def test_older_plan_is_backed_up_before_it_is_upgraded(demo_path):
    _newer(demo_path, user_version=0)
    before = digest(demo_path)
    store = open_plan(demo_path)
    try:
        backup = store.backup_path
        assert backup is not None and backup.exists()
        assert (
            digest(backup) == before
            or sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 0
        )
        assert check_plan_file(demo_path).user_version == schema_version()
        assert len(operations.get_values(store, "group", 1)["member_ids"]) == 50
    finally:
        store.close()


def test_migrations_build_exactly_the_model(plan):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from planner.domain.model import Base

    with plan.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_every_change_writes_a_change_set_with_who_and_what(plan):
    before = plan.last_change_id()
    created = operations.create(plan, "person", {"given_name": "Ana", "family_name": "Paz"})
    operations.update(plan, "person", created.id, {"family_name": "Paz Flores"})
    assert plan.last_change_id() == before + 2
    with plan.read() as s:
        sets = s.execute(select(ChangeSet).where(ChangeSet.id > before)).scalars().all()
        assert [cs.action for cs in sets] == ["Add person", "Edit person"]
        assert {cs.user_name for cs in sets} == {current_user()}
        logs = (
            s.execute(select(ChangeLog).where(ChangeLog.change_set_id == sets[1].id))
            .scalars()
            .all()
        )
        assert [(entry.entity, entry.entity_id, entry.kind) for entry in logs] == [
            ("person", created.id, "update")
        ]
        assert "Paz Flores" in logs[0].detail


def test_changes_from_another_process_are_noticed(demo, demo_path):
    seen = demo.last_change_id()
    other = open_plan(demo_path)
    try:
        operations.update(other, "room", 1, {"capacity": 42})
    finally:
        other.close()
    assert demo.last_change_id() > seen
    assert "room" in demo.tables_changed_since(seen)


def test_versions_count_every_update(plan):
    pid = operations.create(plan, "person", {"given_name": "Ana"}).id
    assert operations.get_values(plan, "person", pid)["version"] == 1
    result = operations.update(plan, "person", pid, {"given_name": "Ana María"})
    assert result.version == 2 == operations.get_values(plan, "person", pid)["version"]


def test_save_a_copy_is_consistent_while_the_plan_is_open(demo, tmp_path):
    copy = tmp_path / "copy.dplan"
    with demo.read() as s:  # a reader holds a snapshot while we copy
        s.execute(select(Person)).first()
        demo.save_copy(copy)
    operations.update(demo, "person", 1, {"given_name": "Changed after the copy"})
    check_plan_file(copy)
    store = open_plan(copy)
    try:
        assert operations.get_values(store, "person", 1)["given_name"] != "Changed after the copy"
        with store.read() as s:
            assert len(s.execute(select(Person)).scalars().all()) == 215
    finally:
        store.close()


def test_a_copy_cannot_replace_the_plan_itself(demo):
    with pytest.raises(Exception, match="cannot replace"):
        demo.save_copy(demo.path)


def test_creating_never_leaves_a_half_made_plan(tmp_path):
    path = tmp_path / "half.dplan"

    def explode(store):
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        operations.new_plan(
            path,
            {
                "title": "T",
                "timezone": "UTC",
                "start_date": __import__("datetime").date(2024, 1, 1),
                "end_date": __import__("datetime").date(2024, 1, 2),
            },
            fill=explode,
        )
    assert list(tmp_path.iterdir()) == []


def test_failed_action_changes_nothing(demo):
    before = demo.last_change_id()
    with pytest.raises(RuntimeError), demo.transaction("Half an action") as tx:
        tx.session.get(Person, 1).given_name = "Half"
        tx.session.flush()
        raise RuntimeError("interrupted")
    assert operations.get_values(demo, "person", 1)["given_name"] != "Half"
    assert demo.last_change_id() == before


@pytest.mark.parametrize(
    "name",
    ["Plan%202024.dplan", "what?x.dplan", "100%25.dplan", "a#b.dplan", "Visita Panamá.dplan"],
)
def test_odd_file_names_are_written_where_they_were_checked(tmp_path, name):
    from planner import queries

    twin = tmp_path / name.replace("%20", " ")  # what a URL decoder would turn it into
    path = tmp_path / name
    store = operations.new_plan(
        path,
        {
            "title": "T",
            "timezone": "UTC",
            "start_date": __import__("datetime").date(2024, 1, 1),
            "end_date": __import__("datetime").date(2024, 1, 2),
        },
    )
    try:
        operations.create(store, "venue", {"name": "Hall"})
        assert [v.name for v in queries.venues(store)] == ["Hall"]
    finally:
        store.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [name], names
    assert twin == path or not twin.exists()


def test_a_plan_in_a_read_only_place_is_read_but_not_changed(demo_path, monkeypatch):
    import planner.store.plan as store_module
    from planner import queries
    from planner.domain.errors import PlannerError

    monkeypatch.setattr(store_module, "writable", lambda path: False)
    with pytest.raises(PlanFileError, match="read-only"):
        open_plan(demo_path)
    store = open_plan(demo_path, read_only=True)
    try:
        assert queries.summary(store).counts["people"] == 214
        with pytest.raises(PlannerError, match="Copy it to a folder you can write to"):
            operations.update(store, "room", 1, {"capacity": 1})
    finally:
        store.close()


def test_replacing_a_plan_that_is_open_elsewhere_is_refused(demo, demo_path, tmp_path):
    from planner.demo import build_demo

    with pytest.raises(PlanFileError, match="open in another window"):
        build_demo(demo_path, overwrite=True)
    with pytest.raises(Exception, match="open in another window"):
        other = build_demo(tmp_path / "other.dplan")
        other.save_copy(demo_path)
    assert operations.get_values(demo, "room", 1)["name"] == "Aula 1"


def test_a_copy_never_lands_on_the_plans_own_journal(demo, demo_path):
    for suffix in ("-wal", "-shm", "-journal"):
        with pytest.raises(Exception, match="cannot replace the plan itself"):
            demo.save_copy(Path(f"{demo_path}{suffix}"))


def test_a_plan_replaced_underneath_refuses_to_save(demo, demo_path, tmp_path):
    from planner.demo import build_demo

    other = tmp_path / "other.dplan"
    build_demo(other).close()
    import os

    os.replace(other, demo_path)
    assert demo.replaced()
    with pytest.raises(PlanFileError, match="removed or replaced by another program"):
        operations.update(demo, "room", 1, {"capacity": 1})


def test_an_older_plan_is_upgraded_by_info_with_a_note(tmp_path, capsys):
    from planner.cli import main

    path = tmp_path / "old.dplan"
    shutil.copyfile(FIXTURES / "plans" / "format-0001.dplan", path)
    assert main(["info", str(path)]) == 0
    err = capsys.readouterr().err
    assert "was upgraded to this version's plan format" in err and "backup" in err
    assert check_plan_file(path).user_version == schema_version()


def test_a_plan_another_program_is_writing_says_busy_and_changes_nothing(demo, demo_path):
    import sqlite3 as sql

    from planner.domain.errors import PlanBusyError

    other = sql.connect(demo_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        other.execute("UPDATE person SET notes = 'theirs' WHERE id = 2")
        with pytest.raises(PlanBusyError, match="busy: another program is writing to it"):
            operations.update(demo, "person", 1, {"notes": "mine"})
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert (
        operations.get_values(demo, "person", 1)["notes"] != "mine"
    )  # reported not done: not done
    operations.update(demo, "person", 1, {"notes": "mine"})  # once the other lets go, it works
    assert operations.get_values(demo, "person", 1)["notes"] == "mine"


def test_a_second_thread_reads_while_the_first_holds_a_long_read(demo):
    """The window's conflict check reads the whole plan in the background; the window's own
    reads (a list, the change poll) must not wait for it."""
    import threading
    import time

    holding, release = threading.Event(), threading.Event()

    def long_read() -> None:
        with demo.reading() as r:
            r.value("SELECT count(*) FROM person")
            holding.set()
            release.wait(10)

    other = threading.Thread(target=long_read)
    other.start()
    try:
        assert holding.wait(5)
        started = time.perf_counter()
        with demo.reading() as r:
            people = r.value("SELECT count(*) FROM person")
        assert time.perf_counter() - started < 1.0 and people > 0
        operations.update(demo, "person", 1, {"position": "Comisionado"})  # writes go on too
        assert demo.last_change_id() > 0
    finally:
        release.set()
        other.join(5)
    spares = list(demo._spare_readers)
    assert spares  # the second read's connection, kept for the next one
    demo.close()
    assert demo._spare_readers == []
    with pytest.raises(sqlite3.ProgrammingError):  # closed with the plan
        spares[0].execute("SELECT 1")
