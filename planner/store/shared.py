"""Shared plans: one plan kept in a PostgreSQL database that a team edits at once.

A shared plan is addressed by a URL, ``postgresql://user@host:port/database``. The password is
never part of what we store: libpq finds it where PostgreSQL users keep it (``~/.pgpass``,
``PGPASSFILE``, ``PGPASSWORD``, a service file), or the window asks and keeps it in memory. A
password written into an address is used for that connection but never shown: every message
goes through :func:`display_address` or :func:`hide_password`.

The same models, operations and Alembic migrations serve SQLite files and PostgreSQL: every
action is one transaction, every row carries a version that makes a second, conflicting change
fail (``ConflictError``), every write transaction first takes the plan's write lock (one
writer at a time, as on a plan file: see ``WRITE_LOCK``), and every change writes a change set
stamped with the database login, which is how other windows notice it (they poll the newest
change set) and how the history says who did what.

``publish`` copies a plan file to an empty database (all its rows, ids, versions and change
log); ``download`` copies a shared plan into a new plan file. Both are lossless.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.domain.errors import (
    ConflictError,
    DamagedPlanError,
    NewerPlanError,
    NotAPlanError,
    PasswordNeeded,
    PlanBusyError,
    PlanFileError,
    PlannerError,
)
from planner.domain.i18n import _
from planner.store.addresses import address_parts
from planner.store.files import known_revisions, schema_version
from planner.store.plan import PlanStore, Reader

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session

MIGRATION_LOCK = 0x44506C6E  # "DPln": one client upgrades a shared plan at a time
# "DPlW": one writer at a time, as on a plan file. Every write transaction takes it first (an
# advisory lock of the plan's database, released at commit or rollback, also when a client
# dies), so an action that decides from what the plan holds (an import matching people,
# a name that must be new) decides on what is there when it writes.
WRITE_LOCK = 0x44506C57
WRITE_WAIT_SECONDS = 15  # then "busy, try again": a large import by someone else
Progress = Callable[[int, int], None]

# psycopg logs "error ignored terminating <Pipeline>" when a connection dies in the middle of
# a batch; the error itself is reported in words, so its log line never reaches the terminal
logging.getLogger("psycopg").addHandler(logging.NullHandler())

ADDRESS_HELP = "postgresql://user@server:5432/database"
_SCHEME_RE = re.compile(r"(?i)\b(postgres(?:ql)?(?:\+\w+)?://)([^\s'\"<>]*)")
_PASSWORD_PARAM_RE = re.compile(r"(?i)\b(password\s*=\s*)('[^']*'|\"[^\"]*\"|[^\s&'\"]+)")


def hide_password(text: str, address: str | None = None) -> str:
    """``text`` with every password it may hold replaced by ``***``: in addresses
    (``postgresql://user:PASSWORD@server``), in ``password=`` settings, and wherever the
    password of ``address`` appears."""

    def hide(match: re.Match[str]) -> str:
        scheme, rest = match.group(1), match.group(2)
        if "@" in rest:
            userinfo, at, after = rest.rpartition("@")
            user, colon, _secret = userinfo.partition(":")
            rest = (f"{user}:***" if colon else user) + at + after
        return scheme + rest

    hidden = _PASSWORD_PARAM_RE.sub(lambda m: m.group(1) + "***", _SCHEME_RE.sub(hide, text))
    for secret in _passwords_of(address) if address else ():
        hidden = re.sub(r"(?<![A-Za-z0-9])" + re.escape(secret) + r"(?![A-Za-z0-9])", "***", hidden)
    return hidden


def _passwords_of(address: str) -> list[str]:
    """The password an address carries, as typed and as decoded."""
    from urllib.parse import parse_qs, unquote, urlsplit

    found: list[str] = []
    with contextlib.suppress(Exception):  # as the connection reads it (SQLAlchemy's URL)
        from sqlalchemy.engine import make_url

        url = make_url(address.strip())
        found += [url.password or "", str(url.query.get("password") or "")]
    with contextlib.suppress(ValueError):
        parts = urlsplit(address.strip())
        netloc = parts.netloc
        if "@" in netloc:
            userinfo = netloc.rpartition("@")[0]
            if ":" in userinfo:
                found.append(userinfo.partition(":")[2])
        found += parse_qs(parts.query).get("password", [])
    for secret in list(found):
        found.append(unquote(secret))
    return sorted({s for s in found if s}, key=len, reverse=True)


def has_password(address: str) -> bool:
    """Whether the address itself carries a password (better kept in .pgpass)."""
    return bool(_passwords_of(address))


def _url(address: str, password: str | None = None) -> URL:
    """The SQLAlchemy URL of a shared plan's address; a malformed address is refused in words
    (which never repeat a password it holds)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    shown = hide_password(address.strip())

    def refuse(reason: str) -> PlanFileError:
        return PlanFileError(
            _("{address} is not a shared plan's address: {reason}. Write it as {example}.").format(
                address=shown, reason=reason, example=ADDRESS_HELP
            ),
            shown,
        )

    try:
        url = make_url(address.strip())
    except (ArgumentError, ValueError) as exc:
        port = re.search(r"@[\w.\-]*:([^/:@\[\]]*)(?:/|$)", address.strip())
        if isinstance(exc, ValueError) and port is not None:
            raise refuse(
                _("the port '{port}' is not a number").format(
                    port=hide_password(port.group(1), address)
                )
            ) from None
        raise refuse(_("it cannot be read as server, port and database")) from None
    if not url.drivername.startswith(("postgresql", "postgres")):
        raise refuse(_("it is not a postgresql:// address"))
    if url.port is not None and not 1 <= url.port <= 65535:
        raise refuse(_("the port {port} is not between 1 and 65535").format(port=url.port))
    if url.host and ("@" in url.host or any(ch.isspace() for ch in url.host)):
        raise refuse(
            _(
                "the server's name holds an @ or a space; if it is the password that"
                " holds @, / or :, keep the password in your .pgpass file instead of"
                " the address"
            )
        )
    if not url.database:
        raise PlanFileError(
            _(
                "{address} names no database. Write it as postgresql://user@server:5432/database."
            ).format(address=shown),
            shown,
        )
    url = url.set(drivername="postgresql+psycopg")
    if password is not None:
        url = url.set(password=password)
    return url


def display_address(address: str) -> str:
    """The address as it may be shown and remembered: never with a password in it."""
    try:
        url = _url(address)
    except PlanFileError:
        return hide_password(address.strip())
    from sqlalchemy.engine import URL

    # (URL.set(password=None) keeps the password: set() skips what is None)
    shown = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query={k: v for k, v in url.query.items() if k.lower() != "password"},
    )
    return shown.render_as_string(hide_password=False)


def _engine(address: str, password: str | None = None) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        _url(address, password),
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


def _parts(address: str) -> tuple[str, str]:
    """(database, "server:port") as the connection reads the address."""
    try:
        url = _url(address)
    except PlanFileError:
        return address_parts(address)
    return url.database or "", f"{url.host or 'localhost'}:{url.port or 5432}"


def _problem(exc: BaseException) -> tuple[str, str]:
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


def _reason(text: str, address: str, last: bool = False) -> str:
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
    kind, text = _problem(exc)
    shown = display_address(address)
    database, server = _parts(address)
    try:
        user = _url(address).username or ""
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
                reason=_reason(text, address),
            ),
            shown,
        )
    if kind == "address":
        return PlanFileError(
            _("{address} is not a shared plan's address: {reason}. Write it as {example}.").format(
                address=shown, reason=_reason(text, address), example=ADDRESS_HELP
            ),
            shown,
        )
    if kind == "lost":  # refused, closed, could not connect, no such server
        return PlanFileError(
            _(
                "The server {server} does not answer ({reason}). Check the address and your"
                " network, then try again. Nothing was changed."
            ).format(server=server, reason=_reason(text, address, last=True)[:160]),
            shown,
        )
    return PlanFileError(
        _("The shared plan {address} cannot be used: {reason}.").format(
            address=shown, reason=_reason(text, address)
        ),
        shown,
    )


# --- what a database holds ------------------------------------------------------------------


def _revision(conn: Connection, address: str = "") -> str | None:
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


def _check_revision(revision: str, address: str) -> None:
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


def _migrate(conn: Connection, target: str = "head") -> None:
    """Upgrade in the caller's transaction (PostgreSQL undoes DDL on rollback too), one
    client at a time."""
    from alembic import command
    from sqlalchemy import text

    from planner.store.files import alembic_config

    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)


# --- reading --------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _statement(sql: str, positional: int) -> Any:
    """SQLite-style SQL for SQLAlchemy: "?" placeholders become ":p0", ":p1"..."""
    from sqlalchemy import text

    if positional:
        count = iter(range(positional))
        sql = re.sub(r"\?", lambda _m: f":p{next(count)}", sql)
    return text(sql)


class SqlReader(Reader):
    """The plain-SQL reads of :class:`Reader` on a SQLAlchemy connection (PostgreSQL)."""

    def __init__(self, connection: Connection) -> None:
        self._sa = connection

    def rows(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[Any]:
        if isinstance(params, dict):
            statement, values = _statement(sql, 0), params
        else:
            statement = _statement(sql, len(params))
            values = {f"p{i}": v for i, v in enumerate(params)}
        return [tuple(row) for row in self._sa.execute(statement, values)]

    def value(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None


class SharedPlanStore(PlanStore):
    """A plan in a PostgreSQL database, edited by several people at once."""

    shared = True

    def __init__(self, address: str, engine: Engine, user: str) -> None:
        # no file: the PlanStore attributes that matter, set directly
        self.address = display_address(address)
        self.database, self.server = _parts(address)
        # where copies and exports are suggested: the home folder, never written as a plan
        self.path = Path.home() / f"{self.database}.dplan"
        self.read_only = False
        self.user = user
        self.backup_path = None
        self._engine = engine
        self._read_lock = threading.RLock()

    @property
    def location(self) -> str:
        return self.address

    @property
    def display_name(self) -> str:
        return _("{database} on {server}").format(database=self.database, server=self.server)

    def replaced(self) -> bool:
        return False

    def _check_still_here(self) -> None:
        return None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise PlannerError(_("This shared plan was closed."))
        return self._engine

    @contextlib.contextmanager
    def reading(self) -> Iterator[Reader]:
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin() as tx:
                    yield SqlReader(conn)
                    tx.rollback()
        except DBAPIError as exc:
            raise self._db_error(exc, stage="read") from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm import Session

        try:
            with Session(self.engine, autoflush=False, expire_on_commit=False) as session:
                yield session
                session.rollback()
        except DBAPIError as exc:
            raise self._db_error(exc, stage="read") from exc

    def _commit_error(self, exc: Exception) -> PlannerError:
        return self._db_error(exc, stage="commit")

    def _db_error(self, exc: Exception, stage: str = "write") -> PlannerError:
        """A failure in words. ``stage``: "read", "write" (rolled back: nothing was changed)
        or "commit" (the commit's answer never came: the change may have been saved)."""
        kind, text = _problem(exc)
        reason = _reason(text, self.address)
        if kind == "busy":
            return PlanBusyError(
                _(
                    "The shared plan {name} is busy: someone else is saving a large change (an"
                    " import, perhaps). Nothing was changed; try again in a moment."
                ).format(name=self.display_name),
                self.address,
            )
        if kind == "conflict":
            return ConflictError(
                _(
                    "Someone else changed the same items at the same moment;"
                    " nothing was changed. Try again."
                )
            )
        if kind in ("permission", "no-connect"):
            if stage == "read":
                return PlannerError(
                    _(
                        "The server {server} does not allow {user} to read the shared plan {name}"
                        " ({reason}). Ask its administrator to grant your login the rights on"
                        " it."
                    ).format(
                        server=self.server, user=self.user, name=self.display_name, reason=reason
                    )
                )
            return PlannerError(
                _(
                    "The server {server} does not allow {user} to change the shared plan {name}"
                    " ({reason}). Nothing was changed. Ask its administrator to grant your login"
                    " the rights on it."
                ).format(server=self.server, user=self.user, name=self.display_name, reason=reason)
            )
        if kind == "password":
            return PlannerError(
                _(
                    "The server {server} no longer accepts the password of {user}. Close the"
                    " shared plan and open it again with the new password."
                ).format(server=self.server, user=self.user)
            )
        if kind == "no-database":
            return PlannerError(
                _(
                    "The database {database} is no longer on the server {server}: it was removed"
                    " or renamed. Ask its administrator."
                ).format(database=self.database, server=self.server)
            )
        if kind == "lost":
            if stage == "commit":
                return PlannerError(
                    _(
                        "The connection to the server {server} was lost while the change was being"
                        " saved, so it may or may not have been saved. Look at the plan again"
                        " before you redo it; the program reconnects by itself."
                    ).format(server=self.server)
                )
            if stage == "read":
                return PlannerError(
                    _(
                        "The connection to the server {server} was lost. The program reconnects"
                        " by itself: try again in a moment."
                    ).format(server=self.server)
                )
            return PlannerError(
                _(
                    "The connection to the server {server} was lost; nothing was changed. The"
                    " program reconnects by itself: try again in a moment."
                ).format(server=self.server)
            )
        if stage == "read":
            return PlannerError(
                _("The shared plan {name} could not be read: {reason}.").format(
                    name=self.display_name, reason=reason
                )
            )
        if stage == "commit":
            return PlannerError(
                _(
                    "The shared plan {name} could not save the change: {reason}. Nothing was"
                    " changed."
                ).format(name=self.display_name, reason=reason)
            )
        return PlannerError(
            _(
                "The shared plan {name} could not be read or written: {reason}."
                " Nothing was changed."
            ).format(name=self.display_name, reason=reason)
        )

    def copy_to(self, dest: Path, prepare: Any = None) -> None:
        """A plan file of this shared plan: downloaded beside ``dest``, prepared, then named."""
        import tempfile

        from planner.store.files import backup_file

        folder = Path(dest).parent if str(Path(dest).parent) else Path(".")
        with tempfile.TemporaryDirectory(prefix=".shared-copy-", dir=folder) as work:
            whole = download(self, Path(work) / "whole.dplan")
            backup_file(whole, Path(dest), prepare=prepare)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def open_shared(
    address: str, *, password: str | None = None, upgrade: bool = True
) -> SharedPlanStore:
    """Connect to a shared plan, upgrading an older one (the first newer client does)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    engine = _engine(address, password)
    try:
        with engine.connect() as conn, conn.begin():
            revision = _revision(conn, display_address(address))
            if revision is None:
                raise PlanFileError(
                    _(
                        "The database {address} holds no plan yet. Publish a plan to it (File ▸"
                        " Publish to a Server, or planner publish PLAN {address})."
                    ).format(address=display_address(address)),
                    display_address(address),
                )
            _check_revision(revision, address)
            if revision != known_revisions()[-1]:
                if not upgrade:
                    raise PlanFileError(
                        _(
                            "The shared plan {address} uses an older plan format"
                            " and must be upgraded to be opened."
                        ).format(address=display_address(address)),
                        display_address(address),
                    )
                _migrate(conn)
            user = str(conn.execute(text("SELECT current_user")).scalar())
    except DBAPIError as exc:
        engine.dispose()
        raise connection_error(exc, address) from exc
    except BaseException:
        engine.dispose()
        raise
    return SharedPlanStore(address, engine, user)


# --- copying whole plans --------------------------------------------------------------------


def _tables() -> list[Any]:
    from planner.domain.model import Base

    return list(Base.metadata.sorted_tables)


def _copy_rows(source: Connection, target: Connection, progress: Progress | None) -> int:
    """Every row of every table, ids and versions included, parents before children. The
    links that go round in a circle (the plan's arrival airport is a place of the plan) are
    set once every row is in."""
    from sqlalchemy import bindparam, func, select

    tables = _tables()
    order = {t.name: i for i, t in enumerate(tables)}
    total = sum(
        int(source.execute(select(func.count()).select_from(t)).scalar() or 0) for t in tables
    )
    done = 0
    later: list[tuple[Any, list[str], list[dict[str, Any]]]] = []
    for table in tables:
        circular = sorted(
            {
                fk.parent.name
                for fk in table.foreign_keys
                if fk.use_alter or order[fk.column.table.name] >= order[table.name]
            }
        )
        links: list[dict[str, Any]] = []
        result = source.execute(select(table).order_by(*table.primary_key.columns))
        while batch := result.fetchmany(2000):
            rows = [dict(row._mapping) for row in batch]
            for row in rows:
                if circular and any(row[c] is not None for c in circular):
                    links.append({"_id": row["id"], **{c: row[c] for c in circular}})
                    row.update(dict.fromkeys(circular))
            target.execute(table.insert(), rows)
            done += len(rows)
            if progress is not None:
                progress(done, total)
        if links:
            later.append((table, circular, links))
    for table, columns, links in later:
        target.execute(
            table.update()
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in columns}),
            links,
        )
    return done


def _reset_sequences(conn: Connection) -> None:
    """After rows came in with their ids, new rows continue after the highest."""
    from sqlalchemy import text

    for table in _tables():
        if "id" not in table.c:
            continue
        conn.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'),"
                f' COALESCE((SELECT max(id) FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": table.name},
        )


def publish(
    source: PlanStore | str | os.PathLike[str],
    address: str,
    *,
    password: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Copy a plan file to an empty PostgreSQL database: its schema, then every row. All or
    nothing. Returns the number of rows copied."""
    from sqlalchemy.exc import DBAPIError, IntegrityError

    from planner.store.plan import open_plan_file

    own = not isinstance(source, PlanStore)
    store = source if isinstance(source, PlanStore) else open_plan_file(source, read_only=True)
    committing = False
    try:
        engine = _engine(address, password)
    except BaseException:
        if own:
            store.close()
        raise
    try:
        with engine.connect() as target:
            tx = target.begin()
            if _revision(target, display_address(address)) is not None:
                raise PlanFileError(
                    _(
                        "The database {address} already holds a plan. Publish to an empty"
                        " database, or open the shared plan instead."
                    ).format(address=display_address(address)),
                    display_address(address),
                )
            _migrate(target)
            with store.engine.connect() as local:
                count = _copy_rows(local, target, progress)
            _reset_sequences(target)
            committing = True
            tx.commit()
    except IntegrityError as exc:
        raise PlannerError(
            _("The plan could not be published: {reason}. The database was left empty.").format(
                reason=_reason(str(exc.orig), address)
            )
        ) from exc
    except DBAPIError as exc:
        if committing and _problem(exc)[0] == "lost":
            raise PlannerError(
                _(
                    "The connection to the server {server} was lost while the plan was being saved"
                    " there, so it may or may not have been published. Open {address} to see"
                    " whether it holds the plan; publish again only if it holds none."
                ).format(server=_parts(address)[1], address=display_address(address))
            ) from exc
        raise connection_error(exc, address) from exc
    finally:
        engine.dispose()
        if own:
            store.close()
    return count


def download(
    source: SharedPlanStore | str,
    dest: str | os.PathLike[str],
    *,
    password: str | None = None,
    progress: Progress | None = None,
    overwrite: bool = True,
) -> Path:
    """Copy a shared plan into a new plan file (the file appears only once complete)."""
    from sqlalchemy.exc import DBAPIError

    from planner.store.plan import create_plan_file

    own = not isinstance(source, SharedPlanStore)
    store = (
        source if isinstance(source, SharedPlanStore) else open_shared(source, password=password)
    )

    def fill(local: PlanStore) -> None:
        with local.engine.connect() as conn:
            conn = conn.execution_options(planner_write=True)
            with conn.begin():
                conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                for table in reversed(_tables()):  # the new plan's own first rows go
                    conn.execute(table.delete())
                with store.engine.connect() as remote:
                    remote = remote.execution_options(isolation_level="REPEATABLE READ")
                    with remote.begin():
                        _copy_rows(remote, conn, progress)

    try:
        created = create_plan_file(dest, overwrite=overwrite, populate=fill)
        created.close()
    except DBAPIError as exc:
        raise connection_error(exc, store.address) from exc
    finally:
        if own:
            store.close()
    return Path(dest)
