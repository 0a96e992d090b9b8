"""A PostgreSQL server holding a shared plan: the engine for its database (every write takes
the plan's write lock first), what the server's errors mean in words, the schema revision the
database holds and its migration under a lock, and plain-SQL reads through SQLAlchemy.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from planner.domain.errors import (
    DamagedPlanError,
    NewerPlanError,
    NotAPlanError,
    PasswordNeeded,
    PlanFileError,
    PlannerError,
)
from planner.domain.i18n import _
from planner.store.addresses import (
    ADDRESS_HELP,
    connection_parts,
    display_address,
    hide_password,
    url_of,
)
from planner.store.files import alembic_config, known_revisions, schema_version

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine


MIGRATION_LOCK = 0x44506C6E  # "DPln": one client upgrades a shared plan at a time


# "DPlW": one writer at a time, as on a plan file. Every write transaction takes it first (an
# advisory lock of the plan's database, released at commit or rollback, also when a client
# dies), so an action that decides from what the plan holds (an import matching people,
# a name that must be new) decides on what is there when it writes.
WRITE_LOCK = 0x44506C57


WRITE_WAIT_SECONDS = 15  # then "busy, try again": a large import by someone else


# psycopg logs "error ignored terminating <Pipeline>" when a connection dies in the middle of
# a batch; the error itself is reported in words, so its log line never reaches the terminal
logging.getLogger("psycopg").addHandler(logging.NullHandler())


def engine_for(address: str, password: str | None = None) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        url_of(address, password),
        pool_pre_ping=True,  # a connection lost while idle is replaced, not reported
        pool_size=3,
        max_overflow=4,
        connect_args={"connect_timeout": 5, "application_name": "Delegation Planner"},
    )

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # a write takes the plan's write lock before it reads anything (see WRITE_LOCK)
        if conn.get_execution_options().get("planner_write"):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{WRITE_WAIT_SECONDS}s'")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    return engine


def problem_of(exc: BaseException) -> tuple[str, str]:
    """(kind, the library's reason) of a database failure. Kinds: "password", "no-database",
    "no-connect" (the login may not enter the database), "permission" (nor read or change a
    table), "address" (malformed), "busy" (the write lock was not free in time), "conflict",
    "lost" (the connection broke or the server stopped), "other"."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    state = getattr(orig, "sqlstate", None) or ""
    if "no password supplied" in text or "password authentication failed" in text:
        return "password", text
    if state == "3D000" or ("does not exist" in text and "database" in text):
        return "no-database", text
    if "permission denied for database" in text or "CONNECT privilege" in text:
        return "no-connect", text
    if state == "42501" or "permission denied" in text or "must be owner" in text:
        return "permission", text
    if state == "55P03" or "lock timeout" in text:
        return "busy", text
    if state in ("40001", "40P01") or "could not serialize" in text or "deadlock" in text:
        return "conflict", text
    if re.search(r"invalid (?:URI|port|integer|connection option|\w+ value)|missing \"=\"", text):
        return "address", text
    if (
        getattr(exc, "connection_invalidated", False)
        or state.startswith(("08", "57P"))
        or any(
            word in text.lower()
            for word in (
                "server closed",
                "connection",
                "terminating",
                "could not connect",
                "timeout",
                "could not translate host name",
                "failed to resolve host",
            )
        )
    ):
        return "lost", text
    return "other", text


def reason_for(text: str, address: str, last: bool = False) -> str:
    """One line of a library's message, for a sentence of ours (never with a password)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()] or [""]
    line = lines[-1] if last else lines[0]
    line = re.sub(
        r"^(?:connection failed: )?connection to server at [^:]*failed: "
        r"(?:FATAL:\s*)?",
        "",
        line,
    )
    return hide_password(line, address)[:200]


def connection_error(exc: BaseException, address: str) -> PlannerError:
    """A message for a server that cannot be reached or refuses us."""
    kind, text = problem_of(exc)
    shown = display_address(address)
    database, server = connection_parts(address)
    try:
        user = url_of(address).username or ""
    except PlanFileError:
        user = ""
    if kind == "password":
        return PasswordNeeded(
            _(
                "The server {server} wants the password of {user}"
                "{wrong}. Type it (it is not saved), or keep it in your .pgpass file."
            ).format(
                server=server,
                user=user or _("your login"),
                wrong=_(" (the one given was refused)")
                if "password authentication failed" in text
                else "",
            ),
            shown,
        )
    if kind == "no-database":
        return PlanFileError(
            _(
                "There is no database {database} on {server}. Ask its administrator to create"
                " an empty one for the plan, then publish the plan to it."
            ).format(database=database, server=server),
            shown,
        )
    if kind in ("no-connect", "permission"):
        return PlanFileError(
            _(
                "The server {server} does not allow {user} to use the database {database}"
                " ({reason}). Ask its administrator to grant your login the rights on it."
                " Nothing was changed."
            ).format(
                server=server,
                user=user or _("your login"),
                database=database,
                reason=reason_for(text, address),
            ),
            shown,
        )
    if kind == "address":
        return PlanFileError(
            _("{address} is not a shared plan's address: {reason}. Write it as {example}.").format(
                address=shown, reason=reason_for(text, address), example=ADDRESS_HELP
            ),
            shown,
        )
    if kind == "lost":  # refused, closed, could not connect, no such server
        return PlanFileError(
            _(
                "The server {server} does not answer ({reason}). Check the address and your"
                " network, then try again. Nothing was changed."
            ).format(server=server, reason=reason_for(text, address, last=True)[:160]),
            shown,
        )
    return PlanFileError(
        _("The shared plan {address} cannot be used: {reason}.").format(
            address=shown, reason=reason_for(text, address)
        ),
        shown,
    )


def revision_of(conn: Connection, address: str = "") -> str | None:
    """The plan's schema revision; None for an empty database; NotAPlanError if it holds
    something that is not a plan."""
    from sqlalchemy import inspect, text

    tables = set(inspect(conn).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables or "plan" not in tables:
        raise NotAPlanError(
            _(
                "This database holds the tables of another program, not a"
                " Delegation Planner plan. Nothing was changed."
            ),
            address,
        )
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).fetchall()
    if len(rows) != 1:
        raise DamagedPlanError(
            _("This shared plan has no schema version. Nothing was changed."), address
        )
    return str(rows[0][0])


def check_revision(revision: str, address: str) -> None:
    known = known_revisions()
    if revision not in known:
        raise NewerPlanError(
            _(
                "The shared plan {address} was upgraded by a newer version of Delegation Planner"
                " (schema revision {revision}); this version knows revisions up to {known}."
                " Install the newer version to open it. Nothing was changed."
            ).format(address=display_address(address), revision=revision, known=known[-1]),
            display_address(address),
            int(revision) if revision.isdigit() else 0,
            schema_version(),
        )


def migrate_shared(conn: Connection, target: str = "head") -> None:
    """Upgrade in the caller's transaction (PostgreSQL undoes DDL on rollback too), one
    client at a time."""
    from alembic import command
    from sqlalchemy import text

    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)
