"""Shared plans say what happened, and never show a password (issue 16, items 2, 6 and 9).

- A password written in an address is used but never printed: every command, its failures
  (a wrong password, a wrong port, a malformed address) and its notes (item 6).
- A malformed address gets a clear message; permissions refused by the server are said as
  such, not as a lost connection; psycopg's "error ignored terminating" log line never
  reaches the terminal (item 9).
- After a commit, nothing says "Nothing was changed" (item 2).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from planner import operations, queries
from planner.cli import main
from planner.domain.errors import PlannerError
from planner.store.shared import open_shared
from tests.paths import ROOT

pytestmark = pytest.mark.usefixtures("pg_server")

ROSTER = ROOT / "tests" / "data" / "roster-dnspf-honduras.xlsx"


def planner(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it (no terminal: it never asks for a password)."""
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=180,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "en", **(env or {})},
    )


def with_login(
    address: str,
    user: str,
    password: str | None = None,
    port: int | None = None,
    database: str | None = None,
) -> str:
    url = make_url(address).set(username=user, password=password)
    if port is not None:
        url = url.set(port=port)
    if database is not None:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)


@pytest.fixture
def role(pg_server, pg_address):
    """A login of its own with a password, owner of the test's database; dropped after."""
    name = f"planner_t_{uuid.uuid4().hex[:10]}"
    password = f"SECRET-{uuid.uuid4().hex[:8]}"
    database = make_url(pg_address).database
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        admin.execute(f'ALTER DATABASE "{database}" OWNER TO {name}')
    yield name, password
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,)
        )
        admin.execute(f'ALTER DATABASE "{database}" OWNER TO CURRENT_USER')
    with psycopg.connect(pg_address, autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {name}")
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP ROLE {name}")


def assert_hidden(result: subprocess.CompletedProcess[str], secret: str) -> str:
    said = result.stdout + result.stderr
    assert secret not in said, said
    assert "unexpected problem" not in said and "Traceback" not in said, said
    return said


# --- item 6: a password in an address is never printed ----------------------------------------


def test_a_password_in_an_address_is_used_and_never_printed(role, pg_address, demo_path, tmp_path):
    user, secret = role
    address = with_login(pg_address, user, secret)
    shown = with_login(pg_address, user)
    published = planner("publish", str(demo_path), address)
    said = assert_hidden(published, secret)
    assert published.returncode == 0, said
    assert published.stdout.strip() == shown  # the address to open, without the password
    assert ".pgpass" in published.stderr  # and the advice to keep it there
    for args in (
        ["info", address],
        ["check", address],
        ["history", address, "--limit", "2"],
        ["export", "agenda", address, "-o", str(tmp_path / "agenda.xlsx")],
        ["import", "people", address, str(ROSTER), "--delegation", "Cohorte"],
        ["download", address, str(tmp_path / "copy.dplan")],
        ["copy", address, str(tmp_path / "next.dplan"), "--start", "2024-11-23"],
    ):
        result = planner(*args)
        said = assert_hidden(result, secret)
        assert result.returncode in (0, 1), (args, said)
    # the failures: the plan is there already, a wrong password, port or address
    failures = [
        ["publish", str(demo_path), address],
        ["info", with_login(pg_address, user, secret + "-wrong")],
        ["info", with_login(pg_address, user, secret, port=1)],
        ["info", address.replace(f":{make_url(address).port}/", ":54x3/")],
        ["info", address.replace(f":{make_url(address).port}/", ":99999/")],
        ["info", address.rsplit("/", 1)[0]],  # no database
        [
            "info",
            with_login(pg_address, user, database="nowhere_" + uuid.uuid4().hex[:6])
            + f"?password={secret}",
        ],
        ["info", with_login(pg_address, user) + f"?sslmode=nonsense&password={secret}"],
        ["info", address.replace("@", f"@{secret}@", 1)],  # an @ in the password, unescaped
        ["export", "agenda", str(demo_path), address],  # an argument too many
        ["history", address, "--item", "person"],
    ]
    for args in failures:
        result = planner(*args)
        assert_hidden(result, secret)
        assert result.returncode == 2, args


def test_a_password_typed_in_the_window_is_never_in_a_message(role, pg_address):
    """The Open Shared Plan dialog passes the password apart from the address."""
    from planner.domain.errors import PasswordNeeded
    from planner.store.addresses import display_address

    user, secret = role
    with pytest.raises(PasswordNeeded) as refused:
        open_shared(with_login(pg_address, user), password=secret + "-wrong")
    assert secret not in str(refused.value) and "refused" in str(refused.value)
    assert secret not in display_address(with_login(pg_address, user, secret))
    assert secret not in display_address(with_login(pg_address, user) + f"?password={secret}")


# --- item 9: malformed addresses and refused permissions ---------------------------------------


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("postgresql://planner@127.0.0.1:port/plan", "the port 'port' is not a number"),
        ("postgresql://planner@127.0.0.1:70000/plan", "not between 1 and 65535"),
        ("postgresql://planner@127.0.0.1:5432", "names no database"),
        ("postgresql://", "names no database"),
        ("postgresql://[::1/plan", "cannot be read as server, port and database"),
        ("postgresql://planner@127.0.0.1/plan?nonsense=1", "invalid connection option"),
        ("postgresql://planner@my server/plan", "the server's name holds an @ or a space"),
    ],
)
def test_a_malformed_address_is_said_in_words(address, words, capsys):
    assert main(["info", address]) == 2
    err = capsys.readouterr().err
    assert words in err and "unexpected problem" not in err, err


@pytest.fixture
def reader_role(pg_server, pg_demo):
    """A login that may read and change the demo shared plan, except what a test revokes."""
    name = f"planner_r_{uuid.uuid4().hex[:10]}"
    password = f"pw-{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
    with psycopg.connect(pg_demo, autocommit=True) as conn:
        conn.execute(f"GRANT USAGE ON SCHEMA public TO {name}")
        conn.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}"
        )
        conn.execute(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {name}")
    yield name, password, with_login(pg_demo, name)
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,)
        )
    with psycopg.connect(pg_demo, autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {name}")
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP ROLE {name}")


def test_permissions_refused_by_the_server_are_said_as_such(reader_role, pg_demo, pg_server):
    name, password, address = reader_role
    env = {"PGPASSWORD": password}
    with psycopg.connect(pg_demo, autocommit=True) as conn:
        conn.execute(f"REVOKE INSERT, UPDATE ON person FROM {name}")
    refused = planner("import", "people", address, str(ROSTER), "--delegation", "Cohorte", env=env)
    assert refused.returncode == 2
    assert f"does not allow {name} to change the shared plan" in refused.stderr
    assert "permission denied for table person" in refused.stderr
    assert "Nothing was changed" in refused.stderr and "connection" not in refused.stderr
    with psycopg.connect(pg_demo, autocommit=True) as conn:  # no rights on the tables at all
        conn.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {name}")
    result = planner("info", address, env=env)
    assert result.returncode == 2
    assert f"does not allow {name} to use the database" in result.stderr, result.stderr
    database = make_url(pg_demo).database
    with psycopg.connect(pg_server, autocommit=True) as admin:  # nor to connect
        admin.execute(f'REVOKE CONNECT ON DATABASE "{database}" FROM PUBLIC')
    result = planner("info", address, env=env)
    assert result.returncode == 2
    assert f"does not allow {name} to use the database {database}" in result.stderr
    assert "does not answer" not in result.stderr and "unexpected" not in result.stderr


def test_access_revoked_while_a_plan_is_open_is_said_as_a_permission(
    reader_role, pg_demo, pg_server
):
    name, password, address = reader_role
    store = open_shared(address, password=password)
    try:
        assert len(queries.people(store)) == 215
        database = make_url(pg_demo).database
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'REVOKE CONNECT ON DATABASE "{database}" FROM PUBLIC')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,)
            )
        with pytest.raises(PlannerError) as read:
            store.last_change_id()
        assert f"does not allow {name} to read the shared plan" in str(read.value)
        assert "reconnects by itself" not in str(read.value)
        with pytest.raises(PlannerError) as write:
            operations.create(store, "organisation", {"name": "Refused"})
        assert "does not allow" in str(write.value) and "Nothing was changed" in str(write.value)
        assert "reconnects by itself" not in str(write.value)
    finally:
        store.close()
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'GRANT CONNECT ON DATABASE "{make_url(pg_demo).database}" TO PUBLIC')


def test_psycopgs_error_ignored_terminating_line_never_reaches_the_user(pg_demo, pg_server):
    """A connection cut in the middle of a batch: the user reads our sentence, not psycopg's
    log line ("error ignored terminating <psycopg.Pipeline [BAD]>: ...")."""
    script = textwrap.dedent("""
        import sys, threading, time
        import psycopg
        from sqlalchemy import text
        from planner.domain.errors import PlannerError
        from planner.store.shared import open_shared

        address, admin = sys.argv[1], sys.argv[2]
        store = open_shared(address)
        for attempt in range(12):
            try:
                with store.transaction("Many rows") as tx:
                    session = tx.session
                    conn = session.connection()
                    pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()

                    def cut(pid=pid, wait=0.05 + 0.02 * attempt):
                        time.sleep(wait)
                        with psycopg.connect(admin, autocommit=True) as a:
                            a.execute("SELECT pg_terminate_backend(%s)", (pid,))

                    cutter = threading.Thread(target=cut)
                    cutter.start()
                    try:
                        conn.execute(text("SELECT :x"), [{"x": i} for i in range(60000)])
                    finally:
                        cutter.join()
            except PlannerError as exc:
                print("said:", exc, flush=True)
        store.close()
    """)
    result = subprocess.run(
        [sys.executable, "-c", script, pg_demo, pg_server],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "en"},
    )
    assert "was lost; nothing was changed" in result.stdout, result.stdout + result.stderr
    assert "error ignored" not in result.stderr and result.stderr == "", result.stderr


# --- item 2: after a commit, never "Nothing was changed" ---------------------------------------


@pytest.fixture
def answer_lost(monkeypatch):
    """The server commits, then the connection breaks before its answer arrives."""
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm import Session

    real = Session.commit

    def commit(self: Session) -> None:
        real(self)
        if self.info.get("recorder") is not None:  # a write of the program's
            raise OperationalError(
                "COMMIT",
                {},
                psycopg.OperationalError(
                    "consuming input failed: server closed the connection unexpectedly"
                ),
                connection_invalidated=True,
            )

    monkeypatch.setattr(Session, "commit", commit)
    return monkeypatch


def test_a_lost_answer_to_a_commit_never_says_nothing_was_changed(pg_demo, answer_lost):
    store = open_shared(pg_demo)
    try:
        version = operations.get_values(store, "person", 1)["version"]
        with pytest.raises(PlannerError) as lost:
            operations.update(store, "person", 1, {"position": "Saved"}, version)
        message = str(lost.value)
        assert "may or may not have been saved" in message
        assert "nothing was changed" not in message.lower()
        answer_lost.undo()
        assert operations.get_values(store, "person", 1)["position"] == "Saved"  # it was saved
    finally:
        store.close()


def test_an_import_whose_commit_answer_is_lost_says_it_may_be_saved(pg_demo, answer_lost, capsys):
    args = ["import", "people", pg_demo, str(ROSTER), "--delegation", "Cohorte", "--json"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "may or may not have been saved" in err and "nothing was changed" not in err.lower()
    answer_lost.undo()
    assert main(args) == 0  # importing again is safe: the people are found where they are
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["created"] == [] and len(report["duplicates"]) + len(report["updated"]) == 200


def test_only_a_rolled_back_transaction_says_nothing_was_changed(pg_demo):
    from sqlalchemy.exc import OperationalError

    store = open_shared(pg_demo)
    try:
        cut = OperationalError(
            "SELECT 1",
            {},
            psycopg.OperationalError("server closed the connection unexpectedly"),
            connection_invalidated=True,
        )
        assert "nothing was changed" in str(store._db_error(cut, stage="write"))
        for stage in ("read", "commit"):
            assert "nothing was changed" not in str(store._db_error(cut, stage=stage)).lower()
    finally:
        store.close()
