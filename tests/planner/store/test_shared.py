"""Shared plans on a real PostgreSQL server: publishing and downloading are lossless, two
clients editing at once never lose an update, a lost connection saves nothing and recovers,
and an older shared plan is upgraded by the first newer client."""

from __future__ import annotations

import threading
import time
import warnings
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, select

from planner import operations, queries
from planner.domain.errors import (
    ConflictError,
    NewerPlanError,
    NotAPlanError,
    PasswordNeeded,
    PlanFileError,
    PlannerError,
)
from planner.domain.model import Base, Person
from planner.store import known_revisions, open_plan
from planner.store.addresses import url_of
from planner.store.history import history
from planner.store.shared import SharedPlanStore, download, open_shared, publish
from tests.paths import FIXTURES, ROOT

pytestmark = pytest.mark.usefixtures("pg_server")


def table_rows(engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(t.c.id))]
            for t in Base.metadata.sorted_tables
        }


def test_a_plan_published_and_downloaded_comes_back_identical(demo_path, pg_address, tmp_path):
    count = publish(demo_path, pg_address)
    local = open_plan(demo_path, read_only=True)
    shared = open_shared(pg_address)
    try:
        original = table_rows(local.engine)
        assert count == sum(len(rows) for rows in original.values()) > 4000
        assert table_rows(shared.engine) == original  # ids, versions, money, times, change log
        # the program reads the same plan from both
        assert queries.people(shared) == queries.people(local)
        assert queries.sessions(shared) == queries.sessions(local)
        back = download(shared, tmp_path / "back.dplan")
        copy = open_plan(back, read_only=True)
        try:
            assert table_rows(copy.engine) == original
        finally:
            copy.close()
        # new rows continue after the published ids
        created = operations.create(shared, "organisation", {"name": "Cruz Roja Hondureña"})
        assert created.id > max(o.id for o in queries.organisations(local))
    finally:
        shared.close()
        local.close()


def test_publishing_needs_an_empty_database_and_opening_needs_a_plan(demo_path, pg_address):
    with pytest.raises(PlanFileError, match="holds no plan yet"):
        open_shared(pg_address)
    publish(demo_path, pg_address)
    with pytest.raises(PlanFileError, match="already holds a plan"):
        publish(demo_path, pg_address)
    with psycopg.connect(pg_address, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA other")
    other = pg_address.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS someone_elses (x int)")
    try:
        with pytest.raises(NotAPlanError, match="another program"):
            open_shared(other)
    finally:
        with psycopg.connect(other, autocommit=True) as conn:
            conn.execute("DROP TABLE someone_elses")


def test_a_wrong_password_or_server_is_said_in_words(pg_demo):
    url = url_of(pg_demo)
    wrong = url.set(password="not-the-password").set(drivername="postgresql")
    with pytest.raises(PasswordNeeded, match="refused"):
        open_shared(wrong.render_as_string(hide_password=False))
    nowhere = url.set(port=1, drivername="postgresql").render_as_string(hide_password=False)
    with pytest.raises(PlanFileError, match="does not answer"):
        open_shared(nowhere)
    with pytest.raises(PlanFileError, match="no database"):
        open_shared(pg_demo + "_missing")


@pytest.fixture
def two_clients(pg_demo):
    """Two people's connections to one shared plan (the demo), closed afterwards."""
    a, b = open_shared(pg_demo), open_shared(pg_demo)
    yield a, b
    a.close()
    b.close()


def person_version(store, person_id=1):
    return operations.get_values(store, "person", person_id)["version"]


def test_two_clients_edit_different_items_and_both_changes_land(two_clients):
    a, b = two_clients
    operations.update(a, "person", 1, {"position": "Comisionado"}, person_version(a, 1))
    operations.update(b, "person", 2, {"position": "Subcomisionada"}, person_version(b, 2))
    assert operations.get_values(b, "person", 1)["position"] == "Comisionado"
    assert operations.get_values(a, "person", 2)["position"] == "Subcomisionada"


def test_the_second_change_to_the_same_item_is_refused_saying_who_and_what(two_clients):
    a, b = two_clients
    seen = person_version(b)  # b opened the form
    operations.update(a, "person", 1, {"position": "Comisionado"}, person_version(a))
    with pytest.raises(ConflictError) as refused:
        operations.update(b, "person", 1, {"position": "Mayor"}, seen)
    assert refused.value.who == a.user == "planner"
    assert refused.value.current["position"] == "Comisionado"
    assert refused.value.current["version"] == seen + 1
    assert "planner" in str(refused.value)
    # b takes theirs or keeps its own: keeping it is a change on the current version
    operations.update(b, "person", 1, {"position": "Mayor"}, refused.value.current["version"])
    assert operations.get_values(a, "person", 1)["position"] == "Mayor"


def test_changes_at_the_same_moment_lose_nothing(two_clients):
    """b reads the item while a's change is not yet committed: the database makes b wait, then
    b's change finds the version moved and is refused; a's change stays."""
    a, b = two_clients
    seen = person_version(b)
    holding, done = threading.Event(), threading.Event()

    def slow_edit() -> None:
        with a.transaction("Edit person") as tx:
            session = tx.session
            session.get(Person, 1).position = "Primero"
            session.flush()  # the row is locked from here until the commit
            holding.set()
            time.sleep(0.5)
        done.set()

    worker = threading.Thread(target=slow_edit)
    worker.start()
    try:
        assert holding.wait(10)
        with pytest.raises(ConflictError) as refused:
            operations.update(b, "person", 1, {"position": "Segundo"}, seen)
        assert done.is_set()
        assert refused.value.current["position"] == "Primero"
        assert operations.get_values(b, "person", 1)["position"] == "Primero"
    finally:
        worker.join()


def test_undo_never_reverts_someone_elses_later_change(two_clients):
    a, b = two_clients
    mine = operations.update(a, "person", 1, {"position": "Comisionado"}, person_version(a))
    operations.update(b, "person", 1, {"position": "Mayor"}, person_version(b))
    with pytest.raises(ConflictError):  # a's undo expects the version a left
        operations.update(a, "person", 1, mine.old_values, mine.version)
    assert operations.get_values(a, "person", 1)["position"] == "Mayor"


def test_a_connection_lost_during_an_edit_saves_nothing_and_recovers(two_clients, pg_server):
    a, b = two_clients
    before = operations.get_values(b, "person", 1)
    with (
        pytest.raises(PlannerError, match=r"connection to the server .* was lost"),
        a.transaction("Edit person") as tx,
    ):
        session = tx.session
        session.get(Person, 1).position = "Half"
        session.get(Person, 2).position = "Saved"
        session.flush()
        pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    after = operations.get_values(b, "person", 1)
    assert after == before  # nothing half-saved
    assert operations.get_values(b, "person", 2)["position"] != "Saved"
    # the next edit reconnects by itself
    operations.update(a, "person", 1, {"position": "Reconnected"}, after["version"])
    assert operations.get_values(b, "person", 1)["position"] == "Reconnected"


def test_others_changes_show_in_the_change_log_with_their_login(two_clients):
    a, b = two_clients
    seen = b.last_change_id()
    operations.update(a, "person", 3, {"position": "Inspector"}, person_version(a, 3))
    assert b.last_change_id() > seen
    assert "person" in b.tables_changed_since(seen)
    entry = history(b, "person", 3)[0]  # the newest
    assert entry.user == "planner" and entry.kind == "update"
    assert [(f, n) for f, _o, n in entry.changes] == [("position", "Inspector")]


def _older_shared_plan(address: str, fixture: Path) -> None:
    """A shared plan as an older version left it: the schema of ``fixture``'s revision, its
    rows copied over."""
    from alembic import command
    from sqlalchemy import MetaData

    from planner.store.files import alembic_config
    from planner.store.server import engine_for

    revision = fixture.stem.rsplit("-", 1)[1]
    engine = engine_for(address)
    local = create_engine(f"sqlite:///{fixture}")
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            old = MetaData()
            old.reflect(conn)
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")  # no FK order
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # delegation and person point at each other
                tables = old.sorted_tables
            with local.connect() as source:
                for table in tables:
                    if table.name == "alembic_version":
                        continue
                    rows = [dict(r._mapping) for r in source.execute(select(table))]
                    if rows:
                        conn.execute(table.insert(), rows)
                        conn.exec_driver_sql(  # as publishing left it: new ids after these
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                            f' (SELECT max(id) FROM "{table.name}"))'
                        )
    finally:
        engine.dispose()
        local.dispose()


def test_the_first_newer_client_upgrades_an_older_shared_plan(pg_address, tmp_path):
    fixture = FIXTURES / "plans" / "format-0004.dplan"
    _older_shared_plan(pg_address, fixture)
    store = open_shared(pg_address)
    try:
        import shutil

        shutil.copyfile(fixture, tmp_path / "old.dplan")
        upgraded = open_plan(tmp_path / "old.dplan")
        try:
            # the same people; each upgrade gives its plan its own badge-code key
            def people(plan):
                return [replace(p, badge_code="") for p in queries.people(plan)]

            assert people(store) == people(upgraded)
            assert queries.sessions(store) == queries.sessions(upgraded)
        finally:
            upgraded.close()
        with store.reading() as r:
            assert r.value("SELECT version_num FROM alembic_version") == known_revisions()[-1]
        operations.create(store, "organisation", {"name": "Upgraded and editable"})
    finally:
        store.close()


def test_an_older_client_refuses_a_newer_shared_plan(pg_demo):
    with psycopg.connect(pg_demo, autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(NewerPlanError, match=r"0099.*Install the newer version"):
        open_shared(pg_demo)


def test_the_command_line_takes_a_shared_plans_address(pg_address, demo_path, tmp_path, capsys):
    import json

    from planner.cli import main

    assert main(["publish", str(demo_path), pg_address]) == 0
    capsys.readouterr()
    assert main(["info", pg_address, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["people"] == 214
    assert main(["check", pg_address]) == 0
    out = tmp_path / "agenda.xlsx"
    assert main(["export", "agenda", pg_address, "-o", str(out)]) == 0
    assert out.exists()
    assert main(["download", pg_address, str(tmp_path / "copy.dplan")]) == 0
    assert main(["download", pg_address, str(tmp_path / "copy.dplan")]) == 2  # exists
    capsys.readouterr()
    shared = open_shared(pg_address)
    try:
        operations.update(shared, "person", 1, {"position": "Comisionado"}, person_version(shared))
    finally:
        shared.close()
    assert main(["history", pg_address, "--item", "person:1", "--json"]) == 0
    entry = json.loads(capsys.readouterr().out)[0]  # the newest
    assert entry["user"] == "planner" and entry["changes"][0]["new"] == "Comisionado"
    reopened = open_plan(pg_address)  # every way in takes an address
    assert isinstance(reopened, SharedPlanStore)
    reopened.close()


def test_copies_of_a_shared_plan_are_plan_files(pg_demo, tmp_path):
    from datetime import date

    from planner.store.privacy import copy_without_personal_data

    shared = open_shared(pg_demo)
    try:
        moved = operations.copy_plan(shared, tmp_path / "2024.dplan", date(2024, 11, 23))
        try:
            assert queries.summary(moved).start == date(2024, 11, 23)
            assert len(queries.people(moved)) == len(queries.people(shared))
        finally:
            moved.close()
        copy_without_personal_data(shared, tmp_path / "private.dplan")
        private = open_plan(tmp_path / "private.dplan", read_only=True)
        try:
            assert {p.id_number for p in queries.people(private)} == {""}
        finally:
            private.close()
        assert any(p.id_number for p in queries.people(shared))  # the shared plan untouched
        assert [p.name for p in tmp_path.iterdir()] != [] and not any(
            p.name.startswith(".shared-copy-") for p in tmp_path.iterdir()
        )
    finally:
        shared.close()


def test_two_clients_editing_at_once_lose_no_update(pg_server, demo_path, capsys):
    """The benchmark's concurrent edits, shorter: every refused edit is reported, every
    accepted one is in the plan and the change log, and none overwrote another unseen."""
    import sys

    sys.path.insert(0, str(ROOT))
    from bench.shared_edits import run

    result = run(pg_server, demo_path, edits=150, people=6)
    assert result["lost"] == 0 and result["errors"] == 0 and result["unreported"] == 0
    assert result["conflicts"] > 0  # the same people were edited by both: collisions happened
    assert result["logged"] == result["accepted"] == 300 - result["conflicts"]
    assert "lost updates: 0" in capsys.readouterr().out
