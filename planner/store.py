"""Plan files: create, check, open, migrate, change-log and copy them.

A plan is one SQLite file (suffix ``.dplan``) marked as ours with SQLite's ``application_id``.
Nothing is ever written to a file before its header says it is one of our plans, of a format
this version understands, and SQLite finds it intact; otherwise the file stays byte-for-byte
untouched and the error says why.

Every user action is one transaction (``PlanStore.transaction``), which writes one change set
(when, who, what) and one change-log row per item it touched. Windows poll the newest change
set to notice changes made elsewhere (the command line, later another person).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sqlite3
import stat
import struct
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from planner.errors import (
    ConflictError,
    DamagedPlanError,
    NewerPlanError,
    NotAPlanError,
    PlanBusyError,
    PlanExistsError,
    PlanFileError,
    PlannerError,
)
from planner.i18n import _
from planner.integrity import clean_detail, damaged, damaged_error, length_problem, verify_file

if TYPE_CHECKING:  # SQLAlchemy is loaded on the first write, not to show a plan
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

APPLICATION_ID = 0x44506C6E  # "DPln"
SUFFIX = ".dplan"
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SHARED_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")  # planner.shared


def is_address(text: str | os.PathLike[str]) -> bool:
    """Whether ``text`` is a shared plan's address (``postgresql://…``) rather than a file."""
    return str(text).strip().lower().startswith(SHARED_SCHEMES)


def address_parts(address: str) -> tuple[str, str]:
    """(database, "server:port") of a shared plan's address, to show it; read without loading
    SQLAlchemy, so a window can list recent shared plans at start."""
    from urllib.parse import urlsplit

    parts = urlsplit(address.strip())
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    return parts.path.lstrip("/"), f"{parts.hostname or 'localhost'}:{port}"


def known_revisions() -> list[str]:
    """The schema revisions this version knows, oldest first ("0001", "0002", ...).

    Read from the file names so that checking a plan does not need to import Alembic.
    """
    names = sorted(
        p.name[:4] for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    )
    return names


def schema_version() -> int:
    """The plan format this version writes: the number of its newest schema revision."""
    return int(known_revisions()[-1])


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container, a service account)
        return "unknown"


# --- checking a file without touching it ------------------------------------------------------


@dataclass(frozen=True)
class FileHeader:
    application_id: int
    user_version: int
    page_size: int
    page_count: int
    wal: bool


def read_header(path: Path) -> FileHeader:
    """Read a plan's SQLite header directly from the file (no SQLite, no writes)."""
    name = path.name
    if not path.exists():
        raise PlanFileError(
            _("The file {path} does not exist. Check the name and the folder.").format(path=path),
            str(path),
        )
    if path.is_dir():
        raise PlanFileError(
            _("{path} is a folder, not a plan file. Choose a file ending in .dplan.").format(
                path=path
            ),
            str(path),
        )
    not_a_file = special_file_problem(path)
    if not_a_file:
        raise PlanFileError(not_a_file, str(path))
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise PlanFileError(
            _("{name} cannot be read: {reason}. Check that you may read it.").format(
                name=name, reason=exc.strerror or exc
            ),
            str(path),
        ) from exc
    if len(head) == 0:
        raise NotAPlanError(
            _("{name} is empty, so it is not a plan. The file was not changed.").format(name=name),
            str(path),
        )
    if not head.startswith(SQLITE_MAGIC):
        raise NotAPlanError(
            _(
                "{name} is not a Delegation Planner plan: it is not a database at all (another"
                " kind of file, or a damaged one). Open a .dplan file made by Delegation Planner."
                " The file was not changed."
            ).format(name=name),
            str(path),
        )
    if len(head) < 100:
        raise damaged(path, _("the file is cut short"))
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (page_count,) = struct.unpack(">I", head[28:32])
    (user_version,) = struct.unpack(">i", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    if application_id != APPLICATION_ID:
        raise NotAPlanError(
            _(
                "{name} is a database of another program, not a Delegation Planner plan."
                " The file was not changed."
            ).format(name=name),
            str(path),
        )
    return FileHeader(application_id, user_version, page_size, page_count, head[18] == 2)


def special_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot hold a plan although it exists: a named pipe (reading it would wait
    for ever), a device, a socket. None for a regular file, a folder or a new name."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _("{path} is not a regular file (it is a named pipe, a device or the like), so it"
             " cannot hold a plan. Choose a .dplan file.").format(path=path)


def _readonly_uri(path: Path) -> str:
    """Read without writing anything; where nothing may be written (not even SQLite's -shm
    beside the plan), read the file as it stands."""
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


def check_plan_file(path: Path) -> FileHeader:
    """Everything that must hold before a plan may be opened for writing.

    Raises a :class:`PlanFileError` naming the file and what to do; never writes to the file.
    """
    header = read_header(path)
    name = path.name
    known = schema_version()
    if header.user_version > known:
        raise NewerPlanError(
            _(
                "{name} was saved by a newer version of Delegation Planner (plan format"
                " {file_schema}); this version reads plan formats up to {known_schema}. Install"
                " the newer version to open it. The file was not changed."
            ).format(name=name, file_schema=header.user_version, known_schema=known),
            str(path),
            header.user_version,
            known,
        )
    with open(path, "rb") as fh:  # read_header found it a readable regular file
        cut = length_problem(path, fh.read(100))
    if cut:
        raise damaged(path, cut)
    sidecars = _sidecars_present(path)
    try:
        con = sqlite3.connect(_readonly_uri(path), uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise damaged(path, str(exc)) from exc
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        result = con.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in result] != ["ok"]:
            raise damaged(path, clean_detail(str(result[0][0])))
        try:
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.OperationalError as exc:
            raise damaged(path, _("it has no schema version")) from exc
        revisions = known_revisions()
        if len(rows) != 1 or rows[0][0] not in revisions:
            found = rows[0][0] if rows else "?"
            raise NewerPlanError(
                _(
                    "{name} was saved by a newer version of Delegation Planner (schema revision"
                    " {revision}); this version knows revisions up to {known}. Install the newer"
                    " version to open it. The file was not changed."
                ).format(name=name, revision=found, known=revisions[-1]),
                str(path),
                header.user_version,
                known,
            )
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise PlanBusyError(
                _(
                    "{name} is busy: another program is writing to it. Try again in a moment."
                ).format(name=name),
                str(path),
            ) from exc
        raise damaged_error(path, exc) or damaged(path, str(exc)) from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise damaged_error(path, exc) or damaged(path, str(exc)) from exc
    finally:
        con.close()
        _remove_new_sidecars(path, sidecars)
    return header


SIDECARS = ("-wal", "-shm", "-journal")


def _sidecars_present(path: Path) -> set[str]:
    return {suffix for suffix in SIDECARS if Path(f"{path}{suffix}").exists()}


def _remove_new_sidecars(path: Path, before: set[str]) -> None:
    """Remove the empty -wal/-shm a read created, when nobody else has the plan open.

    SQLite decides: the last connection to close a plan removes them, so a plain connection
    is opened and closed (it reads the list of tables and writes nothing). Removing them by
    hand would pull them from under a program that opened the plan a moment before: its
    locks would then live in a file nobody else sees, and two programs could save at once,
    one over the other. Where the plan cannot be written nobody can write it either, and the
    files are removed as before."""
    if "-wal" in before or "-shm" in before:
        return
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not wal.exists():
        return
    if writable(path):
        with contextlib.suppress(sqlite3.Error):
            con = sqlite3.connect("file:" + quote(str(path.resolve())) + "?mode=rw", uri=True,
                                  timeout=0, isolation_level=None)
            try:
                con.execute("PRAGMA query_only=ON")
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                con.close()
        return
    with contextlib.suppress(OSError):
        if wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
            if shm.exists():
                shm.unlink()


def writable(path: Path) -> bool:
    """Whether a plan there can be changed: SQLite writes the file and files beside it."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def read_only_message(path: Path) -> str:
    return _("{name} cannot be changed: the file or its folder is read-only (a CD, a shared"
             " folder, an e-mail attachment). Copy it to a folder you can write to, such as"
             " Documents, and open the copy.").format(name=path.name)


def _looks_open_elsewhere(path: Path) -> bool:
    """Whether another connection (a window, a command) has this SQLite file open: it then
    cannot be locked exclusively."""
    try:
        con = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        con.execute("PRAGMA locking_mode=EXCLUSIVE")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        con.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.DatabaseError:
        return False  # not a database: nobody has it open as one
    finally:
        con.close()


# --- engines and migrations -------------------------------------------------------------------


def _make_engine(path: Path, *, foreign_keys: bool = True,
                 before_write: Any = None) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    # The path goes to sqlite3 as it is: a URL would decode "%20" and cut at "?" and "#",
    # and then write to a file that was never checked.
    target = str(path)
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(target, check_same_thread=False, timeout=5),
        poolclass=QueuePool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We issue BEGIN ourselves so that SQLite transactions are real (pysqlite's own
        # handling would not wrap DDL or reads).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("planner_write"):
            if before_write is not None:  # a damaged plan is refused before it is written
                before_write()
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def migrate(path: Path, target: str = "head") -> None:
    """Bring a plan's schema to ``target`` in one transaction, then record its format number."""
    from alembic import command

    engine = _make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(planner_write=True)
            with conn.begin():
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DamagedPlanError(
                        _(
                            "{name} could not be upgraded: {count} rows point to items that do"
                            " not exist. The original was not changed."
                        ).format(name=path.name, count=len(problems)),
                        str(path),
                    )
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                conn.exec_driver_sql(f"PRAGMA user_version={int(str(revision))}")
    finally:
        engine.dispose()


def backup_file(source: Path, dest: Path, prepare: Any = None) -> None:
    """Copy a plan with SQLite's backup (consistent even while the plan is open and written).

    ``prepare(path)`` may change the copy before it appears under its name; an existing
    ``dest`` is replaced only once the copy is complete.
    """
    dest = dest.resolve()
    src = source.resolve()
    if dest == src or any(dest == Path(f"{src}{suffix}") for suffix in SIDECARS):
        raise PlannerError(_("A copy cannot replace the plan itself. Choose another file name."))
    not_a_file = special_file_problem(dest)
    if not_a_file:  # a named pipe would block, a device would be replaced
        raise PlannerError(not_a_file)
    if dest.exists() and _looks_open_elsewhere(dest):
        raise PlannerError(_("{dest} seems to be open in another window or program; close it"
                             " there first, or choose another name.").format(dest=dest))
    tmp = dest.with_name(f".{dest.name}.copying")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        reader = sqlite3.connect(_readonly_uri(source), uri=True, timeout=5)
        try:
            writer = sqlite3.connect(tmp)
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                writer.close()
        finally:
            reader.close()
        _restrict_permissions(tmp)
        if prepare is not None:
            prepare(tmp)
        for suffix in ("-wal", "-shm"):
            stale = Path(str(dest) + suffix)
            if stale.exists():
                stale.unlink()
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        raise PlannerError(
            _("The copy {dest} could not be written: {reason}. The plan was not changed.").format(
                dest=dest, reason=exc
            )
        ) from exc
    except OSError as exc:
        raise PlannerError(
            _("The copy {dest} could not be written: {reason}. The plan was not changed.").format(
                dest=dest, reason=exc.strerror or exc
            )
        ) from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            if leftover.exists():
                leftover.unlink()


def _restrict_permissions(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system knows modes
        os.chmod(path, 0o600)


# --- the change log ---------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _json_default(value: Any) -> Any:
    """For ``json.dumps``: moments and amounts as text (a deleted row's money, say)."""
    found = _jsonable(value)
    if found is value:
        raise TypeError(f"{type(value).__name__} cannot be written to the change log")
    return found


@dataclass(frozen=True)
class Change:
    """What one committed action changed: the UI refreshes what shows these tables."""

    change_set_id: int | None
    action: str
    tables: frozenset[str]
    items: tuple[tuple[str, int, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.tables


@dataclass
class ChangeRecorder:
    """Collects what a transaction touched, to write it as one change set on commit."""

    entries: list[tuple[str, int, str, dict[str, Any]]] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)

    def record(
        self, entity: str, entity_id: int, kind: str, detail: dict[str, Any] | None = None
    ) -> None:
        self.entries.append((entity, entity_id, kind, detail or {}))
        self.tables.add(entity)

    def touch(self, *tables: str) -> None:
        """Tables changed as a side effect (cascades) that windows must refresh."""
        self.tables.update(tables)


def recorder(session: Session) -> ChangeRecorder:
    rec: ChangeRecorder = session.info["recorder"]
    return rec


def _after_flush(session: Session, _ctx: Any) -> None:
    from sqlalchemy import inspect

    from planner.model import Entity

    rec = recorder(session)
    for obj in session.new:
        if isinstance(obj, Entity):
            state = inspect(obj)
            values = {
                a.key: _jsonable(getattr(obj, a.key))
                for a in state.mapper.column_attrs
                if a.key not in ("id", "version")
            }
            rec.record(obj.__tablename__, obj.id, "insert", values)
    for obj in session.dirty:
        if isinstance(obj, Entity) and session.is_modified(obj, include_collections=False):
            state = inspect(obj)
            changed: dict[str, Any] = {}
            for attr in state.mapper.column_attrs:
                if attr.key == "version":
                    continue
                hist = state.attrs[attr.key].history
                if hist.has_changes():
                    old = hist.deleted[0] if hist.deleted else None
                    new = hist.added[0] if hist.added else None
                    changed[attr.key] = [_jsonable(old), _jsonable(new)]
            if changed:
                rec.record(obj.__tablename__, obj.id, "update", changed)
    for obj in session.deleted:
        if isinstance(obj, Entity):
            rec.record(obj.__tablename__, obj.id, "delete")


# --- an open plan -----------------------------------------------------------------------------


class Reader:
    """Plain SQL reads on one connection, inside one read transaction (a consistent view).

    Lists, the overview and the command line read through this without loading SQLAlchemy,
    which keeps opening a plan fast. Parameters are named (``:name``).
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    def rows(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[Any]:
        return self._con.execute(sql, params).fetchall()

    def value(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Any:
        row = self._con.execute(sql, params).fetchone()
        return row[0] if row else None


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


class PlanStore:
    """An open plan file (a shared plan on a server is :class:`planner.shared.SharedPlanStore`)."""

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
        self.last_change = Change(None, "", frozenset())
        self.backup_path: Path | None = None
        self._engine: Engine | None = None
        self._read_lock = threading.RLock()
        self._verify_lock = threading.Lock()
        self._sidecars = _sidecars_present(path)
        if read_only:
            self._reader_con = sqlite3.connect(_readonly_uri(path), uri=True, timeout=5,
                                               check_same_thread=False, isolation_level=None)
        else:
            self._reader_con = sqlite3.connect(path, timeout=5, check_same_thread=False,
                                               isolation_level=None)
        self._reader_con.execute("PRAGMA busy_timeout=5000")
        self._reader_con.execute("PRAGMA query_only=ON")
        # a first read joins the plan's WAL: its -shm file tells others the plan is open
        self._reader_con.execute("SELECT count(*) FROM plan").fetchone()
        self._identity = self._file_identity()

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
            raise PlanFileError(_(
                "{name} was removed or replaced by another program since it was opened here;"
                " nothing was saved. Open it again to see what it holds now."
            ).format(name=self.path.name), str(self.path))

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made on first use (writes and the ORM)."""
        if self._engine is None:
            self._engine = _make_engine(self.path, before_write=self.verify)
        return self._engine

    def verify(self) -> None:
        """Refuse to write a damaged plan: SQLite's integrity_check before the first write of
        this open plan (planner.integrity says what runs when). The window runs it in the
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
        """A consistent read-only view of the plan for plain SQL (one read transaction)."""
        with self._read_lock:
            con = self._reader_con
            try:
                con.execute("BEGIN")
                try:
                    yield Reader(con)
                finally:
                    con.execute("ROLLBACK")
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                if not isinstance(exc, sqlite3.OperationalError) and damaged_error(
                        self.path, exc) is None:
                    raise  # not the file's fault: a mistake in the query
                raise self._db_error(exc) from exc

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
        with self.reading() as r:
            rows = r.rows("SELECT DISTINCT entity FROM change_log WHERE change_set_id > :id",
                          {"id": change_set_id})
        return frozenset(row[0] for row in rows)

    # writing
    @contextlib.contextmanager
    def transaction(self, action: str) -> Iterator[Session]:
        """One user action: everything inside is committed together, or nothing is.

        ``action`` is the human label stored in the change log ("Edit person"); an action that
        learns what it really did only inside (an import) may replace it by setting
        ``session.info["action"]``.

        The transaction holds the plan's write lock from its first moment, before anything is
        read (SQLite: ``BEGIN IMMEDIATE``; a shared plan: its write lock, see
        ``planner.shared``), so what it reads is what it writes over: an action that decides
        from the plan's contents (an import matching people) decides inside the transaction.

        Errors say "Nothing was changed" only when the transaction was rolled back; a commit
        whose answer was lost says that the change may have been saved.
        """
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
        event.listen(session, "after_flush", _after_flush)
        try:
            try:
                session.connection(execution_options={"planner_write": True})
                yield session
                session.flush()
                action = session.info.get("action", action)
                change_set_id = self._write_change_set(session, action, rec)
            except StaleDataError as exc:  # a row changed under us (another person, a window)
                _rollback(session)
                raise ConflictError(_("Someone else changed this item at the same moment;"
                                      " nothing was changed. Look at it again and redo your"
                                      " change.")) from exc
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
        self.last_change = Change(change_set_id, action, frozenset(rec.tables), items)

    def _write_change_set(self, session: Session, action: str, rec: ChangeRecorder) -> int | None:
        from planner.model import ChangeLog, ChangeSet, table_of

        if not rec.entries and not rec.tables:
            return None
        conn = session.connection()
        change_set_id = conn.execute(
            table_of(ChangeSet).insert().values(
                at=datetime.now(UTC), user_name=self.user, action=action, version=1
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        if rec.entries:
            conn.execute(
                table_of(ChangeLog).insert(),
                [
                    {
                        "version": 1,
                        "change_set_id": change_set_id,
                        "entity": entity,
                        "entity_id": entity_id,
                        "kind": kind,
                        "detail": json.dumps(detail, ensure_ascii=False, default=_json_default)
                        if detail else "",
                    }
                    for entity, entity_id, kind, detail in rec.entries
                ],
            )
        return int(change_set_id)

    def _db_error(self, exc: Exception) -> PlannerError:
        damage = damaged_error(self.path, exc)  # a damaged file, said so (planner.integrity)
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
        changed); a shared plan may not know (:class:`planner.shared.SharedPlanStore`)."""
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
        if self.read_only:
            _remove_new_sidecars(self.path, self._sidecars)
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
        guard = sqlite3.connect(_readonly_uri(path), uri=True, timeout=1)
        guard.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.Error, UnicodeDecodeError):
        return None
    return guard


def _backup_name(path: Path, old_schema: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem} backup format {old_schema} {stamp}{path.suffix}")


def open_plan(path: str | os.PathLike[str], *, upgrade: bool = True,
              read_only: bool = False, password: str | None = None,
              check_zones: bool = True) -> PlanStore:
    """Open a plan, upgrading an older format after a backup copy. A ``postgresql://``
    address opens a shared plan (:func:`planner.shared.open_shared`), with ``password`` when
    the server's is not in the user's .pgpass file.

    ``read_only`` opens it for reading only (the command line's info and check), which also
    works where the file or its folder cannot be written. A plan in a time zone this computer
    does not know is refused (:class:`UnknownZoneError`, naming the zone) unless
    ``check_zones`` is false (a copy that gives it another zone).
    """
    if is_address(path):
        from planner.shared import open_shared

        return open_shared(str(path), password=password, upgrade=upgrade)
    path = Path(path)
    header = check_plan_file(path)
    can_write = writable(path)
    if not read_only and not can_write:
        raise PlanFileError(read_only_message(path), str(path))
    backup: Path | None = None
    if header.user_version < schema_version():
        if not upgrade or not can_write:
            raise PlanFileError(
                _("{name} uses an older plan format. It is upgraded when it is opened where it"
                  " can be written (a backup copy is made first); this place is read-only."
                  ).format(name=path.name) if not can_write else
                _("{name} uses an older plan format and must be upgraded to be opened.").format(
                    name=path.name),
                str(path),
            )
        verify_file(path)  # an upgrade writes: never into a damaged plan
        backup = _backup_name(path, header.user_version)
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
                    name=path.name, reason=str(exc).splitlines()[0][:200]),
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
    if check_zones:
        from planner.inputs import refuse_unknown_zones

        try:
            refuse_unknown_zones(store)
        except BaseException:
            store.close()
            raise
    return store


def create_plan_file(
    path: str | os.PathLike[str], *, overwrite: bool = False, populate: Any = None
) -> PlanStore:
    """Create an empty plan of the newest format and open it.

    ``populate(store)`` may fill it before it appears under its name: a crash while building
    never leaves a half-made plan behind, and an existing file is replaced only at the end.
    """
    from planner import tempfiles
    from planner.inputs import plan_name_problem

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
    if path.exists() and _looks_open_elsewhere(path):
        raise PlanFileError(
            _("{path} seems to be open in another window or program; close it there before"
              " replacing it.").format(path=path),
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
        _restrict_permissions(tmp)
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
    return open_plan(path)


def new_plan_path_problem(path: str | os.PathLike[str], *, overwrite: bool = False) -> str | None:
    """Why a plan cannot be created at ``path`` (a message), or None if it can."""
    from planner.inputs import plan_name_problem

    text = str(path).strip()
    if not text:
        return _("Choose where to save the plan.")
    problem = plan_name_problem(text)
    if problem:
        return problem
    target = Path(text)
    if target.is_dir():
        return _("{path} is a folder. Give the name of the plan file to create.").format(
            path=target
        )
    not_a_file = special_file_problem(target)
    if not_a_file:
        return not_a_file
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        return _("The folder {folder} does not exist. Create it first or choose another.").format(
            folder=folder
        )
    if not os.access(folder, os.W_OK):
        return _("You may not write in {folder}. Choose another folder.").format(folder=folder)
    if target.exists() and not overwrite:
        return _("{path} already exists. Choose another name.").format(path=target)
    return None
