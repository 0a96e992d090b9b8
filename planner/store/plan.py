"""An open plan file: consistent reads in plain SQL (:class:`Reader`), one transaction per
user action (:meth:`PlanStore.transaction`), which writes one change set and one change-log row
per item it touched; opening (upgrading an older format after a backup copy) and creating plan
files. Windows poll the newest change set to notice changes made elsewhere (the command line,
another person).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.domain.errors import (
    ConflictError,
    DamagedPlanError,
    PlanBusyError,
    PlanExistsError,
    PlanFileError,
    PlannerError,
)
from planner.domain.i18n import _
from planner.domain.inputs import plan_name_problem
from planner.store import tempfiles
from planner.store.changes import Change, ChangeRecorder, after_flush, json_default
from planner.store.files import (
    APPLICATION_ID,
    backup_file,
    backup_name,
    check_plan_file,
    current_user,
    looks_open_elsewhere,
    make_engine,
    migrate,
    read_header,
    read_only_message,
    restrict_permissions,
    schema_version,
    special_file_problem,
    zones_known,
)
from planner.store.integrity import (
    damaged_error,
    verify_file,
)
from planner.store.reader import Reader
from planner.store.sidecars import readonly_uri, remove_new_sidecars, sidecars_present, writable

if TYPE_CHECKING:  # SQLAlchemy is loaded on the first write, not to show a plan
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session


def parse_time(value: Any) -> datetime:
    """A stored moment (naive UTC text or datetime) as an aware UTC datetime."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _rollback(session: Session) -> None:
    """Undo a failed transaction; a connection already gone has nothing left to undo."""
    with contextlib.suppress(Exception):
        session.rollback()


class Transaction:
    """One user action being written (:meth:`PlanStore.transaction`): inside the ``with``
    block its ``session``; after it, the ``change`` it committed."""

    def __init__(self, store: PlanStore, action: str) -> None:
        self.action = action  # the label of the change set; an import may rename itself
        self._store = store
        self._context: contextlib.AbstractContextManager[Session] | None = None
        self._session: Session | None = None
        self._change: Change | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the transaction is not open")
        return self._session

    @property
    def change(self) -> Change:
        """What the committed transaction changed (the window refreshes from it)."""
        if self._change is None:
            raise RuntimeError("the transaction has not been committed")
        return self._change

    def committed(self, change: Change) -> None:
        self._change = change

    def __enter__(self) -> Transaction:
        self._context = self._store._write(self)
        self._session = self._context.__enter__()
        return self

    def __exit__(self, *exc: Any) -> bool | None:
        assert self._context is not None
        try:
            return self._context.__exit__(*exc)
        finally:
            self._context = self._session = None


class PlanStore:
    """An open plan file (a shared plan on a server is
    :class:`planner.store.shared.SharedPlanStore`)."""

    shared = False
    _damage: DamagedPlanError | None = None  # found damaged: nothing more is written
    _verified = False  # integrity_check passed before this plan's first write

    @property
    def location(self) -> str:
        """Where the plan is: its file, or a shared plan's address (no password in it)."""
        return str(self.path)

    @property
    def display_name(self) -> str:
        return self.path.name

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.user = current_user()
        self.backup_path: Path | None = None
        self._engine: Engine | None = None
        self._read_lock = threading.RLock()
        self._verify_lock = threading.Lock()
        self._sidecars = sidecars_present(path)
        self._reader_con = self._new_reader()
        # readers for a second thread that reads while the first does (the window's conflict
        # check reads the whole plan in the background; the window goes on reading meanwhile)
        self._spare_readers: list[sqlite3.Connection] = []
        self._spare_lock = threading.Lock()
        self._closed = False
        # a first read joins the plan's WAL: its -shm file tells others the plan is open
        self._reader_con.execute("SELECT count(*) FROM plan").fetchone()
        self._identity = self._file_identity()

    def _new_reader(self) -> sqlite3.Connection:
        if self.read_only:
            con = sqlite3.connect(
                readonly_uri(self.path),
                uri=True,
                timeout=5,
                check_same_thread=False,
                isolation_level=None,
            )
        else:
            con = sqlite3.connect(
                self.path, timeout=5, check_same_thread=False, isolation_level=None
            )
        con.execute("PRAGMA busy_timeout=5000")
        con.execute("PRAGMA query_only=ON")
        return con

    def _borrow_reader(self) -> tuple[sqlite3.Connection, bool]:
        """The plan's reader when it is free (or this thread's already), else a spare one:
        (connection, spare)."""
        if self._read_lock.acquire(blocking=False):
            return self._reader_con, False
        with self._spare_lock:
            if self._closed:
                raise PlanFileError(_("The plan was closed."), str(self.path))
            if self._spare_readers:
                return self._spare_readers.pop(), True
        return self._new_reader(), True

    def _give_back(self, con: sqlite3.Connection, spare: bool) -> None:
        if not spare:
            self._read_lock.release()
            return
        with self._spare_lock:
            if not self._closed:
                self._spare_readers.append(con)
                return
        con.close()

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def replaced(self) -> bool:
        """Whether another program removed or replaced the plan file since it was opened."""
        return self._file_identity() != self._identity

    def _check_still_here(self) -> None:
        if self.replaced():
            raise PlanFileError(
                _(
                    "{name} was removed or replaced by another program since it was opened here;"
                    " nothing was saved. Open it again to see what it holds now."
                ).format(name=self.path.name),
                str(self.path),
            )

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use (writes and the ORM)."""
        if self._engine is None:
            self._engine = make_engine(self.path, before_write=self.verify)
        return self._engine

    def verify(self) -> None:
        """Refuse to write a damaged plan: SQLite's integrity_check before the first write of
        this open plan (planner.store.integrity says what runs when). The window runs it in the
        background as the plan opens; a write meanwhile waits for it. Once found damaged, every
        write is refused with the same message."""
        if self.shared:  # the server keeps a shared plan whole
            return
        with self._verify_lock:
            if self._damage is not None:
                raise self._damage
            if self._verified:
                return
            try:
                verify_file(self.path)
            except DamagedPlanError as exc:
                self._damage = exc
                raise
            self._verified = True

    # reading
    @contextlib.contextmanager
    def reading(self) -> Iterator[Reader]:
        """A consistent read-only view of the plan for plain SQL (one read transaction).
        Threads read at the same time, each on its own connection."""
        con, spare = self._borrow_reader()
        try:
            con.execute("BEGIN")
            try:
                yield Reader(con)
            finally:
                con.execute("ROLLBACK")
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if (
                not isinstance(exc, sqlite3.OperationalError)
                and damaged_error(self.path, exc) is None
            ):
                raise  # not the file's fault: a mistake in the query
            raise self._db_error(exc) from exc
        finally:
            self._give_back(con, spare)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent read-only ORM view of the plan (used by operations and forms)."""
        from sqlalchemy.exc import DatabaseError, OperationalError
        from sqlalchemy.orm import Session

        try:
            with Session(self.engine, autoflush=False, expire_on_commit=False) as session:
                yield session
                session.rollback()
        except (DatabaseError, UnicodeDecodeError) as exc:
            if not isinstance(exc, OperationalError) and damaged_error(self.path, exc) is None:
                raise  # not the file's fault: a mistake in the query
            raise self._db_error(exc) from exc

    def last_change_id(self) -> int:
        with self.reading() as r:
            return int(r.value("SELECT max(id) FROM change_set") or 0)

    def tables_changed_since(self, change_set_id: int) -> frozenset[str]:
        """The tables written by the change sets after ``change_set_id``; every table of the
        plan when those sets name none (a change the log records without its rows)."""
        with self.reading() as r:
            rows = r.rows(
                "SELECT DISTINCT entity FROM change_log WHERE change_set_id > :id",
                {"id": change_set_id},
            )
        return frozenset(row[0] for row in rows) or self.table_names()

    @staticmethod
    def table_names() -> frozenset[str]:
        """Every table a plan holds, as the model declares them."""
        from planner.domain.model import Base

        return frozenset(Base.metadata.tables)

    # writing
    def transaction(self, action: str) -> Transaction:
        """One user action: everything inside is committed together, or nothing is.

        ``with store.transaction("Edit person") as tx:`` work with ``tx.session``; after the
        block ``tx.change`` says what was committed. ``action`` is the human label stored in the
        change log; an action that learns what it really did only inside (an import) may
        replace it by setting ``tx.action``.

        The transaction holds the plan's write lock from its first moment, before anything is
        read (SQLite: ``BEGIN IMMEDIATE``; a shared plan: its write lock, see
        ``planner.store.shared``), so what it reads is what it writes over: an action that decides
        from the plan's contents (an import matching people) decides inside the transaction.

        Errors say "Nothing was changed" only when the transaction was rolled back; a commit
        whose answer was lost says that the change may have been saved.
        """
        return Transaction(self, action)

    @contextlib.contextmanager
    def _write(self, tx: Transaction) -> Iterator[Session]:
        """The work of :meth:`transaction`: yields its session, commits, and hands ``tx`` its
        change."""
        from sqlalchemy import event
        from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
        from sqlalchemy.orm import Session
        from sqlalchemy.orm.exc import StaleDataError

        if self.read_only:
            raise PlannerError(read_only_message(self.path))
        self._check_still_here()
        rec = ChangeRecorder()
        session = Session(self.engine, autoflush=True, expire_on_commit=False)
        session.info["recorder"] = rec
        event.listen(session, "after_flush", after_flush)
        try:
            try:
                session.connection(execution_options={"planner_write": True})
                yield session
                session.flush()
                change_set_id = self._write_change_set(session, tx.action, rec)
            except StaleDataError as exc:  # a row changed under us (another person, a window)
                _rollback(session)
                raise ConflictError(
                    _(
                        "Someone else changed this item at the same moment;"
                        " nothing was changed. Look at it again and redo your"
                        " change."
                    )
                ) from exc
            except IntegrityError as exc:
                _rollback(session)
                raise PlannerError(
                    _(
                        "The change was refused because it would break the plan's rules:"
                        " {detail}. Nothing was changed."
                    ).format(detail=exc.orig)
                ) from exc
            except (OperationalError, DBAPIError) as exc:
                _rollback(session)
                raise self._db_error(exc) from exc
            except BaseException:
                _rollback(session)
                raise
            try:
                session.commit()
            except IntegrityError as exc:  # a deferred rule, checked at the commit: undone
                _rollback(session)
                raise PlannerError(
                    _(
                        "The change was refused because it would break the plan's rules:"
                        " {detail}. Nothing was changed."
                    ).format(detail=exc.orig)
                ) from exc
            except (OperationalError, DBAPIError) as exc:
                _rollback(session)
                raise self._commit_error(exc) from exc
            except BaseException:
                _rollback(session)
                raise
        finally:
            with contextlib.suppress(Exception):  # after a commit, nothing here may undo it
                session.close()
        items = tuple((e[0], e[1], e[2]) for e in rec.entries)
        tx.committed(Change(change_set_id, tx.action, frozenset(rec.tables), items))

    def _write_change_set(self, session: Session, action: str, rec: ChangeRecorder) -> int | None:
        from planner.domain.model import ChangeLog, ChangeSet, table_of

        if not rec.entries and not rec.tables:
            return None
        conn = session.connection()
        change_set_id = conn.execute(
            table_of(ChangeSet)
            .insert()
            .values(at=datetime.now(UTC), user_name=self.user, action=action, version=1)
        ).inserted_primary_key[0]  # type: ignore[index]
        insert = table_of(ChangeLog).insert()
        step = 5000  # a large import's log is written in pieces, never all held as rows
        for start in range(0, len(rec.entries), step):
            conn.execute(
                insert,
                [
                    {
                        "version": 1,
                        "change_set_id": change_set_id,
                        "entity": entity,
                        "entity_id": entity_id,
                        "kind": kind,
                        "detail": json.dumps(detail, ensure_ascii=False, default=json_default)
                        if detail
                        else "",
                    }
                    for entity, entity_id, kind, detail in rec.entries[start : start + step]
                ],
            )
        return int(change_set_id)

    def _db_error(self, exc: Exception) -> PlannerError:
        damage = damaged_error(self.path, exc)  # a damaged file, said so (planner.store.integrity)
        if damage is not None:
            self._damage = self._damage or damage  # and no write from now on
            return damage
        text = str(getattr(exc, "orig", exc))
        if "locked" in text or "busy" in text:
            return PlanBusyError(
                _(
                    "{name} is busy: another program is writing to it. Try again in a moment."
                ).format(name=self.path.name),
                str(self.path),
            )
        if "readonly" in text or "read-only" in text:
            return PlannerError(
                _(
                    "{name} cannot be changed: the file or its folder is read-only. Nothing was"
                    " changed. Save a copy elsewhere to keep working."
                ).format(name=self.path.name)
            )
        if "disk" in text and ("full" in text or "I/O" in text):
            return PlannerError(
                _(
                    "{name} could not be written: {reason}. Nothing was changed. Free some disk"
                    " space and try again."
                ).format(name=self.path.name, reason=text)
            )
        return PlannerError(
            _("{name} could not be read or written: {reason}. Nothing was changed.").format(
                name=self.path.name, reason=text
            )
        )

    def _commit_error(self, exc: Exception) -> PlannerError:
        """The commit itself failed. SQLite then undoes the whole transaction (nothing was
        changed); a shared plan may not know (:class:`planner.store.shared.SharedPlanStore`)."""
        return self._db_error(exc)

    def save_copy(self, dest: Path) -> None:
        """'Save a copy as': a consistent copy while the plan stays open here."""
        self.copy_to(dest)

    def copy_to(self, dest: Path, prepare: Any = None) -> None:
        """A consistent plan file of this plan at ``dest``; ``prepare(path)`` may change it
        before it appears under its name (see :func:`backup_file`). A damaged plan is refused
        first (a copy would carry the damage into a plan that cannot be opened)."""
        self.verify()
        backup_file(self.path, dest, prepare=prepare)

    def close(self) -> None:
        # a damaged plan is left as it is: its WAL is not checkpointed into it on close
        guard = _no_checkpoint_guard(self.path) if self._damage is not None else None
        with self._read_lock:
            self._reader_con.close()
        with self._spare_lock:
            self._closed = True
            spares, self._spare_readers = self._spare_readers, []
        for con in spares:
            con.close()
        if self.read_only:
            remove_new_sidecars(self.path, self._sidecars)
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if guard is not None:
            guard.close()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _no_checkpoint_guard(path: Path) -> sqlite3.Connection | None:
    """A read-only connection held while the others close: the last connection to close a
    WAL plan copies the WAL into the file (a write); a read-only one never does."""
    try:
        guard = sqlite3.connect(readonly_uri(path), uri=True, timeout=1)
        guard.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return guard


def open_plan_file(
    path: str | os.PathLike[str],
    *,
    upgrade: bool = True,
    read_only: bool = False,
    check_zones: bool = True,
) -> PlanStore:
    """Open a plan file, upgrading an older format after a backup copy (shared plans: see
    :func:`planner.store.open_plan`).

    ``read_only`` opens it for reading only (the command line's info and check), which also
    works where the file or its folder cannot be written. A plan in a time zone this computer
    does not know is refused (:class:`UnknownZoneError`, naming the zone) unless
    ``check_zones`` is false (a copy that gives it another zone).
    """
    path = Path(path)
    header = check_plan_file(path)
    if check_zones:
        zones_known(path)  # before anything is written: an upgrade, the switch to WAL
    can_write = writable(path)
    if not read_only and not can_write:
        raise PlanFileError(read_only_message(path), str(path))
    backup: Path | None = None
    if header.user_version < schema_version():
        if not upgrade or not can_write:
            raise PlanFileError(
                _(
                    "{name} uses an older plan format. It is upgraded when it is opened where it"
                    " can be written (a backup copy is made first); this place is read-only."
                ).format(name=path.name)
                if not can_write
                else _(
                    "{name} uses an older plan format and must be upgraded to be opened."
                ).format(name=path.name),
                str(path),
            )
        verify_file(path)  # an upgrade writes: never into a damaged plan
        backup = backup_name(path, header.user_version)
        backup_file(path, backup)
        try:
            migrate(path)
        except Exception as exc:
            with contextlib.suppress(OSError):
                if check_plan_file(path).user_version == header.user_version:
                    backup.unlink()  # nothing changed: no backup needed
            if isinstance(exc, PlanFileError):
                raise
            raise DamagedPlanError(
                _("{name} could not be upgraded ({reason}). It was left as it was.").format(
                    name=path.name, reason=str(exc).splitlines()[0][:200]
                ),
                str(path),
            ) from exc
    verified = False
    if not read_only and not read_header(path).wal:
        verify_file(path)  # switching to WAL writes the header: never into a damaged plan
        verified = True
        try:
            con = sqlite3.connect(path, timeout=5)
            try:
                con.execute("PRAGMA journal_mode=WAL")
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise PlanFileError(
                _("{name} cannot be opened: {reason}.").format(name=path.name, reason=exc),
                str(path),
            ) from exc
    try:
        store = PlanStore(path, read_only=read_only)
    except sqlite3.Error as exc:
        raise PlanFileError(
            _("{name} cannot be opened: {reason}.").format(name=path.name, reason=exc), str(path)
        ) from exc
    store.backup_path = backup
    store._verified = verified or backup is not None
    return store


def create_plan_file(
    path: str | os.PathLike[str], *, overwrite: bool = False, populate: Any = None
) -> PlanStore:
    """Create an empty plan of the newest format and open it.

    ``populate(store)`` may fill it before it appears under its name: a crash while building
    never leaves a half-made plan behind, and an existing file is replaced only at the end.
    """
    problem = plan_name_problem(path)
    if problem:
        raise PlanFileError(problem, str(path))
    path = Path(path)
    if path.exists() and not overwrite:
        raise PlanExistsError(
            _("{path} already exists. Choose another name, or use --force to replace it.").format(
                path=path
            ),
            str(path),
        )
    if path.is_dir():
        raise PlanFileError(
            _("{path} is a folder. Give the name of the plan file to create.").format(path=path),
            str(path),
        )
    not_a_file = special_file_problem(path)
    if not_a_file:  # a named pipe would block, a device would be replaced
        raise PlanFileError(not_a_file, str(path))
    if path.exists() and looks_open_elsewhere(path):
        raise PlanFileError(
            _(
                "{path} seems to be open in another window or program; close it there before"
                " replacing it."
            ).format(path=path),
            str(path),
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PlanFileError(
            _("The folder {folder} does not exist. Create it first or choose another.").format(
                folder=folder
            ),
            str(path),
        )
    tempfiles.remove_stale(folder, path.name)  # left by a build that was killed
    try:
        tmp = tempfiles.make(path)
    except OSError as exc:
        raise PlanFileError(
            _("{path} cannot be created: {reason}.").format(path=path, reason=exc.strerror or exc),
            str(path),
        ) from exc
    try:
        con = sqlite3.connect(tmp)
        con.execute(f"PRAGMA application_id={APPLICATION_ID}")
        con.execute("PRAGMA journal_mode=WAL")
        con.close()
        restrict_permissions(tmp)
        migrate(tmp)
        if populate is not None:
            store = PlanStore(tmp)
            try:
                populate(store)
            finally:
                store.close()
        for suffix in ("-wal", "-shm"):
            stale = Path(str(path) + suffix)
            if stale.exists():
                stale.unlink()
        os.replace(tmp, path)
    except BaseException:
        for candidate in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            with contextlib.suppress(OSError):
                candidate.unlink()
        raise
    return open_plan_file(path)
