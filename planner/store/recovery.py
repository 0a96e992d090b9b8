"""``planner recover DAMAGED NEW``: what can still be read of a damaged plan, in a new plan.

SQLite's own ``.recover`` lives in its command-line shell, which is neither in Python's
sqlite3 nor on users' machines; this does what a plan needs of it, with plain SQL:

* the damaged file is never touched: it is copied (with its WAL, which holds the latest
  changes) into a temporary folder beside NEW, and read there;
* a new plan is made of the damaged one's format, every table is copied row by row in id
  order, stepping over what cannot be read (a broken page: the rows it held; a broken row),
  and the new plan is then upgraded to this version's format like any older plan;
* rows that point to an item that was lost keep their place without that link where the link
  may be empty (a person without their delegation), or go where it may not (the attendance of
  a lost session); a row whose values break the plan's rules goes too;
* it says, table by table, how many rows came through and how many were lost, which ids
  could not be read, and what was unlinked; NEW appears only once complete.

An index is never copied: the new plan builds its own, so a broken index loses nothing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.domain.errors import NewerPlanError, PlanFileError, PlannerError
from planner.domain.i18n import _, ngettext
from planner.domain.labels import KIND_NOUNS, noun
from planner.store.btree import rows_cut
from planner.store.files import (
    APPLICATION_ID,
    known_revisions,
    migrate,
    new_plan_path_problem,
    read_header,
    restrict_permissions,
)
from planner.store.integrity import integrity_problems, length_problem
from planner.store.sidecars import SIDECARS

MIN_ROWID = -(2**63)
MAX_ROWID = 2**63 - 1
BATCH = 2000
TABLE_KINDS = {"agenda_session": "session", "participant_group": "group", "visit_stop": "stop"}

Progress = Callable[[int, int], None]


@dataclass
class TableResult:
    """What became of one table's rows."""

    table: str
    copied: int = 0
    expected: int | None = None  # rows the damaged plan held, where an index or it could say
    unreadable: list[tuple[int, int | None]] = field(default_factory=list)  # id ranges
    refused: int = 0  # read, but their values break the plan's rules
    unlinked: int = 0  # kept without a link to a lost item
    dropped: int = 0  # removed: the item they belong to was lost
    garbled: int = 0  # texts with bytes that are not text (kept, marked with �)
    cut: list[int] = field(default_factory=list)  # ids stored where the file was cut short

    @property
    def unread(self) -> int | None:
        """Rows that could not be read at all (None: some could not, how many is unknown)."""
        if self.expected is None:
            return None if self.unreadable else 0
        return max(self.expected - self.copied - self.refused, 0)

    @property
    def lost(self) -> int | None:
        """Rows of the damaged plan that are not in the new one (None: unknown how many)."""
        unread = self.unread
        return None if unread is None else unread + self.refused + self.dropped

    @property
    def kept(self) -> int:
        return self.copied - self.dropped


@dataclass
class Recovery:
    source: Path
    target: Path
    revision: str
    tables: list[TableResult]
    cut: str = ""  # how the file was cut short, if it was
    cut_unknown: bool = False  # ... where it cannot be told which value lost its end

    @property
    def complete(self) -> bool:
        """Every row came through unchanged (only indexes, or nothing, were damaged)."""
        return not self.cut_unknown and all(
            t.lost == 0 and not t.unlinked and not t.garbled and not t.cut for t in self.tables
        )

    def lines(self) -> list[str]:
        """The report, in words: one line per table that lost anything, then the totals."""
        out: list[str] = []
        for t in self.tables:
            what = _name(t.table)
            unread = t.unread
            if t.unreadable:
                ranges = ", ".join(
                    f"{a}–{b}"
                    if b is not None and b != a
                    else (str(a) if b is not None else f"{a}–…")
                    for a, b in t.unreadable[:5]
                )
                more = "" if len(t.unreadable) <= 5 else ", …"
                if unread is None:
                    out.append(
                        _(
                            "{what}: the rows with ids {ranges}{more} could not be read"
                            " (how many is not known)."
                        ).format(what=what, ranges=ranges, more=more)
                    )
                elif unread:
                    out.append(
                        ngettext(
                            "{what}: {n} row could not be read (ids {ranges}{more}).",
                            "{what}: {n} rows could not be read (ids {ranges}{more}).",
                            unread,
                        ).format(what=what, n=unread, ranges=ranges, more=more)
                    )
            elif unread:
                out.append(
                    ngettext(
                        "{what}: {n} row could not be read.",
                        "{what}: {n} rows could not be read.",
                        unread,
                    ).format(what=what, n=unread)
                )
            if t.refused:
                out.append(
                    ngettext(
                        "{what}: {n} row was left out: its values are damaged.",
                        "{what}: {n} rows were left out: their values are damaged.",
                        t.refused,
                    ).format(what=what, n=t.refused)
                )
            if t.dropped:
                out.append(
                    ngettext(
                        "{what}: {n} row was left out: the item it belongs to was lost.",
                        "{what}: {n} rows were left out: the items they belong to were lost.",
                        t.dropped,
                    ).format(what=what, n=t.dropped)
                )
            if t.unlinked:
                out.append(
                    ngettext(
                        "{what}: {n} row lost its link to an item that could not be read.",
                        "{what}: {n} rows lost their link to items that could not be read.",
                        t.unlinked,
                    ).format(what=what, n=t.unlinked)
                )
            if t.cut:
                ids = ", ".join(str(i) for i in t.cut[:10]) + (", …" if len(t.cut) > 10 else "")
                out.append(
                    ngettext(
                        "{what}: the file was cut short where the row with id {ids} is stored:"
                        " check its values, the last characters may be missing.",
                        "{what}: the file was cut short where the rows with ids {ids} are stored:"
                        " check their values, the last characters may be missing.",
                        len(t.cut),
                    ).format(what=what, ids=ids)
                )
            if t.garbled:
                out.append(
                    ngettext(
                        "{what}: {n} text has damaged characters, shown as �.",
                        "{what}: {n} texts have damaged characters, shown as �.",
                        t.garbled,
                    ).format(what=what, n=t.garbled)
                )
        if self.cut_unknown:
            out.append(
                _(
                    "The file was cut short ({detail}): a long text stored at its end may"
                    " have lost its last characters."
                ).format(detail=self.cut)
            )
        kept = sum(t.kept for t in self.tables)
        if self.complete:
            out.append(
                ngettext(
                    "All {n} row was saved in {target}: nothing was lost.",
                    "All {n} rows were saved in {target}: nothing was lost.",
                    kept,
                ).format(n=f"{kept:,}", target=self.target)
            )
        else:
            out.append(
                ngettext(
                    "{n} row was saved in {target}; check it before you go on with it.",
                    "{n} rows were saved in {target}; check them before you go on with it.",
                    kept,
                ).format(n=f"{kept:,}", target=self.target)
            )
        out.append(_("{source} was not changed.").format(source=self.source.name))
        return out


def _name(table: str) -> str:
    kind = TABLE_KINDS.get(table, table)
    return noun(kind, 2) if kind in KIND_NOUNS else table


# --- reading what can be read ---------------------------------------------------------------


def _decoder(result: list[TableResult]) -> Callable[[bytes], str]:
    def decode(raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            if result:
                result[-1].garbled += 1
            return raw.decode("utf-8", "replace")

    return decode


def _probe(con: sqlite3.Connection, sql: str, start: int) -> bool | None:
    """Whether reading from id ``start`` on works: True (a row), False (nothing left), None
    (it fails)."""
    try:
        return con.execute(sql, (start,)).fetchone() is not None
    except (sqlite3.DatabaseError, UnicodeDecodeError, OverflowError):
        return None


def _next_readable(con: sqlite3.Connection, sql: str, bad: int) -> int | None:
    """The first id after ``bad`` (which cannot be read) from which reading works again, or
    None if nothing after it can be read: ever longer leaps, then halving back."""
    step, failed = 1, bad
    while True:
        start = bad + step
        if start > MAX_ROWID:
            return None
        found = _probe(con, sql, start)
        if found is not None:
            break
        failed, step = start, step * 2
    if not found:
        return None
    low, high = failed, start  # low fails, high works
    while high - low > 1:
        middle = (low + high) // 2
        if _probe(con, sql, middle) is None:
            low = middle
        else:
            high = middle
    return high


def _rows(
    con: sqlite3.Connection, table: str, columns: list[str], result: TableResult
) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of a table's readable rows, in id order; unreadable id ranges are noted."""
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT rowid, {names} FROM "{table}" WHERE rowid >= ? ORDER BY rowid'
    probe = sql + " LIMIT 1"
    start = MIN_ROWID
    while True:
        batch: list[tuple[Any, ...]] = []
        last: int | None = None
        try:
            for row in con.execute(sql, (start,)):
                batch.append(row)
                last = row[0]
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
            if batch:
                yield batch
            return
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            if batch:
                yield batch
        bad = start if last is None else last + 1
        if bad == MIN_ROWID:  # a plan's ids start at 1: leap from there, not from -2**63
            bad = 0
        after = _next_readable(con, probe, bad)
        shown = max(bad, 1)
        if after is None:
            result.unreadable.append((shown, None))
            return
        result.unreadable.append((shown, after - 1))
        start = after


def _count(con: sqlite3.Connection, table: str) -> int | None:
    """How many rows the damaged plan holds in a table, as far as it or one of its indexes
    can still say (the largest count read; None if none can)."""
    counts: list[int] = []
    sources = ["NOT INDEXED"]
    with contextlib.suppress(sqlite3.DatabaseError, UnicodeDecodeError):
        for row in con.execute(f'PRAGMA index_list("{table}")').fetchall():
            if not row[4]:  # a partial index holds only some rows
                sources.append(f'INDEXED BY "{row[1]}"')
    for source in sources:
        with contextlib.suppress(sqlite3.DatabaseError, UnicodeDecodeError):
            counts.append(
                int(
                    con.execute(f'SELECT coalesce(sum(1), 0) FROM "{table}" {source}').fetchone()[0]
                )
            )
    return max(counts) if counts else None


def _insert(
    dst: sqlite3.Connection,
    table: str,
    columns: list[str],
    rows: list[tuple[Any, ...]],
    result: TableResult,
) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    values = [row[1:] for row in rows]
    dst.execute("SAVEPOINT batch")
    try:
        dst.executemany(sql, values)
        dst.execute("RELEASE batch")
        result.copied += len(values)
        return
    except sqlite3.Error:
        dst.execute("ROLLBACK TO batch")
        dst.execute("RELEASE batch")
    for value in values:  # one by one, to keep every row that may be kept
        try:
            dst.execute(sql, value)
            result.copied += 1
        except sqlite3.Error:
            result.refused += 1


def _relink(dst: sqlite3.Connection, results: dict[str, TableResult]) -> None:
    """Rows pointing to lost items: the link emptied where it may be, else the row goes."""
    for _round in range(50):
        problems = dst.execute("PRAGMA foreign_key_check").fetchall()
        if not problems:
            return
        for table, rowid, _parent, fkid in problems:
            if rowid is None:
                continue
            links = [r for r in dst.execute(f'PRAGMA foreign_key_list("{table}")') if r[0] == fkid]
            info = {r[1]: r[3] for r in dst.execute(f'PRAGMA table_info("{table}")')}
            columns = [r[3] for r in links]
            result = results[table]
            if columns and not any(info.get(c) for c in columns):
                sets = ", ".join(f'"{c}" = NULL' for c in columns)
                try:
                    dst.execute(f'UPDATE "{table}" SET {sets} WHERE rowid = ?', (rowid,))
                    result.unlinked += 1
                    continue
                except sqlite3.IntegrityError:
                    pass  # the row means nothing without it (an audience with no member): it goes
            dst.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            result.dropped += 1
    raise PlannerError(
        _(
            "The recovered rows still point to items that are missing after"
            " several passes; nothing was saved."
        )
    )


# --- the command -------------------------------------------------------------------------------


def revision_of(con: sqlite3.Connection, head: bytes) -> str:
    """The damaged plan's schema revision: its alembic_version row, else its header's format."""
    known = known_revisions()
    with contextlib.suppress(sqlite3.DatabaseError, UnicodeDecodeError):
        rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        if len(rows) == 1 and str(rows[0][0]) in known:
            return str(rows[0][0])
    user_version = int.from_bytes(head[60:64], "big", signed=True)
    if f"{user_version:04d}" in known:
        return f"{user_version:04d}"
    raise NewerPlanError(
        _(
            "The plan format of the damaged file ({format}) is not one this"
            " version knows (up to {known}); recover it with a newer version of"
            " Delegation Planner."
        ).format(format=user_version, known=known[-1]),
        "",
        user_version,
        int(known[-1]),
    )


def _check_paths(source: Path, target: Path, overwrite: bool) -> bytes:
    read_header(source)  # a readable regular file, SQLite's, with our application_id
    with open(source, "rb") as fh:
        head = fh.read(100)
    src = source.resolve()
    dest = target.resolve() if target.exists() else target.absolute()
    if dest == src or any(dest == Path(f"{src}{suffix}") for suffix in SIDECARS):
        raise PlanFileError(
            _("The recovered plan cannot replace the damaged one: give a new file name."),
            str(target),
        )
    problem = new_plan_path_problem(target, overwrite=overwrite)
    if problem:
        if target.exists() and not overwrite:
            problem = _(
                "{path} already exists. Choose another name, or use --force to replace it."
            ).format(path=target)
        raise PlanFileError(problem, str(target))
    return head


def recover(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> Recovery:
    """Copy what can be read of the plan ``source`` into a new plan ``target`` (see the
    module's text). ``source`` is never written."""
    source, target = Path(source), Path(target)
    head = _check_paths(source, target, overwrite)
    folder = target.absolute().parent
    _remove_stale(folder, target.name)
    work = Path(
        tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".recovering", dir=folder)
    )
    try:
        copy = work / "damaged.dplan"
        shutil.copyfile(source, copy)
        wal = Path(f"{source}-wal")
        if wal.exists() and wal.stat().st_size:
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        cut = length_problem(copy, head) or ""
        cut_rows = rows_cut(copy, copy.stat().st_size) if cut else None
        results: list[TableResult] = []
        src = sqlite3.connect(copy, isolation_level=None)
        src.text_factory = _decoder(results)
        try:
            revision = revision_of(src, head)
            fresh = work / "recovered.dplan"
            con = sqlite3.connect(fresh)
            con.execute(f"PRAGMA application_id={APPLICATION_ID}")
            con.execute("PRAGMA journal_mode=WAL")
            con.close()
            restrict_permissions(fresh)
            migrate(fresh, revision)  # the damaged plan's own format: its columns as they are
            dst = sqlite3.connect(fresh, isolation_level=None)
            try:
                _copy_tables(src, dst, results, progress)
            finally:
                dst.close()
        finally:
            src.close()
        migrate(fresh)  # then this version's format, like any older plan
        problems = integrity_problems(fresh)
        if problems:  # never: the new plan is written by SQLite from scratch
            raise PlannerError(
                _(
                    "The recovered plan did not pass SQLite's check ({detail}); nothing was saved."
                ).format(detail=problems[0])
            )
        for suffix in ("-wal", "-shm"):
            stale = Path(f"{target}{suffix}")
            if stale.exists():
                stale.unlink()
        os.replace(fresh, target)
    except sqlite3.Error as exc:
        raise PlannerError(
            _("{target} could not be written: {reason}. {source} was not changed.").format(
                target=target, reason=exc, source=source.name
            )
        ) from exc
    except OSError as exc:
        raise PlannerError(
            _("{target} could not be written: {reason}. {source} was not changed.").format(
                target=target, reason=exc.strerror or exc, source=source.name
            )
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    recovery = Recovery(source, target, revision, results, cut, bool(cut) and cut_rows is None)
    if cut_rows is not None and cut_rows[0]:
        for t in results:
            if t.table == cut_rows[0]:
                t.cut = cut_rows[1]
    return recovery


def _remove_stale(folder: Path, name: str) -> None:
    """The work folders of recoveries into ``name`` that were cut short (their process is
    gone): ".NAME.PID.xxxxxxxx.recovering"."""
    prefix = f".{name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(prefix) and entry.name.endswith(".recovering")):
                continue
            pid = entry.name[len(prefix) :].split(".", 1)[0]
            if not pid.isdigit() or int(pid) == os.getpid() or os.name == "nt":
                continue
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                shutil.rmtree(entry.path, ignore_errors=True)
            except OSError:
                continue


def _copy_tables(
    src: sqlite3.Connection,
    dst: sqlite3.Connection,
    results: list[TableResult],
    progress: Progress | None,
) -> None:
    dst.execute("PRAGMA foreign_keys=OFF")
    dst.execute("BEGIN IMMEDIATE")
    tables = [
        r[0]
        for r in dst.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name != 'alembic_version' ORDER BY name"
        )
    ]
    for done, table in enumerate(tables):
        result = TableResult(table)
        results.append(result)
        columns = [r[1] for r in dst.execute(f'PRAGMA table_info("{table}")')]
        try:
            present = {r[1] for r in src.execute(f'PRAGMA table_info("{table}")')}
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            present = set()
        if not present:  # the damaged plan's list of tables lost it
            result.unreadable.append((1, None))
            continue
        columns = [c for c in columns if c in present]
        # what a new plan is given (its badge-code key) yields to what the damaged one held
        dst.execute(f'DELETE FROM "{table}"')
        result.expected = _count(src, table)
        for batch in _rows(src, table, columns, result):
            _insert(dst, table, columns, batch, result)
        if progress is not None:
            progress(done + 1, len(tables))
    _sequences(src, dst)
    _relink(dst, {r.table: r for r in results})
    dst.execute("COMMIT")


def _sequences(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """Ids are never given twice, not even the ids of items deleted before the damage (the
    change log names them)."""
    with contextlib.suppress(sqlite3.DatabaseError, UnicodeDecodeError):
        for name, seq in src.execute("SELECT name, seq FROM sqlite_sequence").fetchall():
            if not isinstance(seq, int):
                continue
            updated = dst.execute(
                "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (seq, name)
            ).rowcount
            if (
                not updated
                and dst.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
            ):
                dst.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, seq))
