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
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.domain.errors import (
    ConflictError,
    PlanBusyError,
    PlanFileError,
    PlannerError,
)
from planner.domain.i18n import _
from planner.store.addresses import connection_parts, display_address
from planner.store.files import backup_file, known_revisions
from planner.store.plan import PlanStore, create_plan_file, open_plan_file
from planner.store.reader import Reader, SqlReader
from planner.store.server import (
    check_revision,
    connection_error,
    engine_for,
    migrate_shared,
    problem_of,
    reason_for,
    revision_of,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

Progress = Callable[[int, int], None]


class SharedPlanStore(PlanStore):
    """A plan in a PostgreSQL database, edited by several people at once."""

    shared = True

    def __init__(self, address: str, engine: Engine, user: str) -> None:
        # no file: the PlanStore attributes that matter, set directly
        self.address = display_address(address)
        self.database, self.server = connection_parts(address)
        # where copies and exports are suggested: the home folder, never written as a plan
        self.path = Path.home() / f"{self.database}.dplan"
        self.read_only = False
        self.user = user
        self.backup_path = None
        self._engine = engine
        self._read_lock = threading.RLock()
        self._reads = 0  # reads in flight (the window's check reads in the background)
        self._reads_lock = threading.Lock()

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

        with self._reads_lock:
            engine = self.engine
            self._reads += 1
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin() as tx:
                    yield SqlReader(conn)
                    tx.rollback()
        except DBAPIError as exc:
            raise self._db_error(exc, stage="read") from exc
        finally:
            with self._reads_lock:
                self._reads -= 1
                last = self._engine is None and self._reads == 0
            if last:  # the plan was closed during this read: close its connection now
                engine.dispose()

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
        kind, text = problem_of(exc)
        reason = reason_for(text, self.address)
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
        folder = Path(dest).parent if str(Path(dest).parent) else Path(".")
        with tempfile.TemporaryDirectory(prefix=".shared-copy-", dir=folder) as work:
            whole = download(self, Path(work) / "whole.dplan")
            backup_file(whole, Path(dest), prepare=prepare)

    def close(self) -> None:
        """Close the connections. A read another thread is making (the window's conflict
        check) is let finish first, for up to ten seconds; a read still going then has its
        connection closed as it ends."""
        deadline = time.monotonic() + 10
        while True:  # a read in another thread (the window's check) ends first, briefly
            with self._reads_lock:
                if self._reads == 0 or time.monotonic() > deadline:
                    engine, self._engine = self._engine, None
                    break
            time.sleep(0.01)
        if engine is not None:
            engine.dispose()


def open_shared(
    address: str, *, password: str | None = None, upgrade: bool = True
) -> SharedPlanStore:
    """Connect to a shared plan, upgrading an older one (the first newer client does)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    engine = engine_for(address, password)
    try:
        with engine.connect() as conn, conn.begin():
            revision = revision_of(conn, display_address(address))
            if revision is None:
                raise PlanFileError(
                    _(
                        "The database {address} holds no plan yet. Publish a plan to it (File ▸"
                        " Publish to a Server, or planner publish PLAN {address})."
                    ).format(address=display_address(address)),
                    display_address(address),
                )
            check_revision(revision, address)
            if revision != known_revisions()[-1]:
                if not upgrade:
                    raise PlanFileError(
                        _(
                            "The shared plan {address} uses an older plan format"
                            " and must be upgraded to be opened."
                        ).format(address=display_address(address)),
                        display_address(address),
                    )
                migrate_shared(conn)
            user = str(conn.execute(text("SELECT current_user")).scalar())
    except DBAPIError as exc:
        engine.dispose()
        raise connection_error(exc, address) from exc
    except BaseException:
        engine.dispose()
        raise
    return SharedPlanStore(address, engine, user)


# --- copying whole plans ------------------------------------------------------------------


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

    own = not isinstance(source, PlanStore)
    store = source if isinstance(source, PlanStore) else open_plan_file(source, read_only=True)
    committing = False
    try:
        engine = engine_for(address, password)
    except BaseException:
        if own:
            store.close()
        raise
    try:
        with engine.connect() as target:
            tx = target.begin()
            if revision_of(target, display_address(address)) is not None:
                raise PlanFileError(
                    _(
                        "The database {address} already holds a plan. Publish to an empty"
                        " database, or open the shared plan instead."
                    ).format(address=display_address(address)),
                    display_address(address),
                )
            migrate_shared(target)
            for table in reversed(_tables()):  # what the migrations gave (a badge-code key)
                target.execute(table.delete())  # yields to what the plan holds
            with store.engine.connect() as local:
                count = _copy_rows(local, target, progress)
            _reset_sequences(target)
            committing = True
            tx.commit()
    except IntegrityError as exc:
        raise PlannerError(
            _("The plan could not be published: {reason}. The database was left empty.").format(
                reason=reason_for(str(exc.orig), address)
            )
        ) from exc
    except DBAPIError as exc:
        if committing and problem_of(exc)[0] == "lost":
            raise PlannerError(
                _(
                    "The connection to the server {server} was lost while the plan was being saved"
                    " there, so it may or may not have been published. Open {address} to see"
                    " whether it holds the plan; publish again only if it holds none."
                ).format(server=connection_parts(address)[1], address=display_address(address))
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
