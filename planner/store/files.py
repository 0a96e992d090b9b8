"""Plan files on disk: recognise one without touching it (its header, its length, SQLite's
quick check), make the SQLAlchemy engine, migrate the schema, copy a plan consistently, and
name what must never be replaced. Nothing is ever written to a file before its header says it
is one of our plans, of a format this version understands, and SQLite finds it intact;
otherwise the file stays byte-for-byte untouched and the error says why.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import sqlite3
import stat
import struct
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.domain.errors import (
    DamagedPlanError,
    NewerPlanError,
    NotAPlanError,
    PlanBusyError,
    PlanFileError,
    PlannerError,
    UnknownZoneError,
)
from planner.domain.i18n import _
from planner.domain.inputs import plan_name_problem, unknown_zone_message, unknown_zones
from planner.store.integrity import (
    clean_detail,
    damaged,
    damaged_error,
    length_problem,
)
from planner.store.sidecars import SIDECARS, readonly_uri, remove_new_sidecars, sidecars_present

if TYPE_CHECKING:  # SQLAlchemy is loaded on the first write, not to show a plan
    from sqlalchemy import Engine

# A schema revision as Alembic writes ours ("0007"): anything else is a damaged byte.
_REVISION = re.compile(r"[0-9]{4}")


APPLICATION_ID = 0x44506C6E  # "DPln"
SUFFIX = ".dplan"
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


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
    return _(
        "{path} is not a regular file (it is a named pipe, a device or the like), so it"
        " cannot hold a plan. Choose a .dplan file."
    ).format(path=path)


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
    sidecars = sidecars_present(path)
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True, timeout=5)
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
        if len(rows) != 1 or not _REVISION.fullmatch(str(rows[0][0])):  # garbled, not newer
            raise damaged(
                path,
                _("its schema version reads '{found}'").format(
                    found=clean_detail(", ".join(str(r[0]) for r in rows) or "—")
                ),
            )
        if rows[0][0] not in revisions:
            found = rows[0][0]
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
        remove_new_sidecars(path, sidecars)
    return header


def read_only_message(path: Path) -> str:
    return _(
        "{name} cannot be changed: the file or its folder is read-only (a CD, a shared"
        " folder, an e-mail attachment). Copy it to a folder you can write to, such as"
        " Documents, and open the copy."
    ).format(name=path.name)


def looks_open_elsewhere(path: Path) -> bool:
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


def make_engine(path: Path, *, foreign_keys: bool = True, before_write: Any = None) -> Engine:
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


def alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def migrate(path: Path, target: str = "head") -> None:
    """Bring a plan's schema to ``target`` in one transaction, then record its format number."""
    from alembic import command

    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(planner_write=True)
            with conn.begin():
                cfg = alembic_config()
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
    if dest.exists() and looks_open_elsewhere(dest):
        raise PlannerError(
            _(
                "{dest} seems to be open in another window or program; close it"
                " there first, or choose another name."
            ).format(dest=dest)
        )
    tmp = dest.with_name(f".{dest.name}.copying")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        reader = sqlite3.connect(readonly_uri(source), uri=True, timeout=5)
        try:
            writer = sqlite3.connect(tmp)
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                writer.close()
        finally:
            reader.close()
        restrict_permissions(tmp)
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


def restrict_permissions(path: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system knows modes
        os.chmod(path, 0o600)


def backup_name(path: Path, old_schema: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem} backup format {old_schema} {stamp}{path.suffix}")


def new_plan_path_problem(path: str | os.PathLike[str], *, overwrite: bool = False) -> str | None:
    """Why a plan cannot be created at ``path`` (a message), or None if it can."""
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


# Every column that names the zone of a time, with the item it belongs to.
ZONE_COLUMNS = (
    ("plan", "timezone"),
    ("agenda_session", "timezone"),
    ("venue", "timezone"),
    ("travel", "departs_tz"),
    ("travel", "arrives_tz"),
    ("ride", "timezone"),
)


def zones_used(reader: Any) -> set[str]:
    """The time zones a plan names (``reader``: a :class:`planner.store.plan.Reader`, or a
    sqlite3 connection), in the tables its format has."""
    columns: tuple[tuple[str, str], ...] = ZONE_COLUMNS
    if isinstance(reader, sqlite3.Connection):  # a file not yet opened: maybe an older format
        rows = reader.execute
        columns = tuple(
            (table, column)
            for table, column in ZONE_COLUMNS
            if any(row[1] == column for row in rows(f'PRAGMA table_info("{table}")'))
        )
    else:  # an open plan has the newest format, on either backend
        rows = reader.rows
    sql = " UNION ".join(f"SELECT DISTINCT {column} FROM {table}" for table, column in columns)
    return {str(row[0]) for row in rows(sql) if row[0]}


def zones_known(path: Path) -> None:
    """Refuse, before anything is written, a plan file that names a time zone this computer
    does not know: every time of it would be unreadable (:class:`UnknownZoneError`)."""
    before = sidecars_present(path)
    con = sqlite3.connect(readonly_uri(path), uri=True, timeout=5)
    try:
        zones = unknown_zones(zones_used(con))
        start = con.execute("SELECT start_date FROM plan ORDER BY id LIMIT 1").fetchone()
    finally:
        con.close()
        remove_new_sidecars(path, before)
    if not zones:
        return
    raise UnknownZoneError(
        unknown_zone_message(path.name, str(path), zones, str(start[0] if start else "")[:10]),
        str(path),
        zones,
    )
