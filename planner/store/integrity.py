"""Damaged plan files: found before anything is written to them, said in words, with the way
back (the newest backup copy, or ``planner recover`` into a new plan, see planner.store.recovery).

What runs when (bench/benchmark.py part (j) measures it; figures for a --scale 25 plan of
7.6 MB and a --scale 400 plan of 122 MB, far larger than any real exchange):

* **On open** (``store.check_plan_file``): the header; the file's length against the pages
  its header says it holds (or, while a WAL file beside it holds newer pages, the pages the
  WAL's last commit needs from the file), so a file cut by even one byte is refused (0.04 ms);
  then SQLite's ``quick_check``, every page's structure and every row's format, as before
  (21 ms; 0.3 s).
* **Before the first write of an open plan** (its first ``BEGIN IMMEDIATE``, an upgrade, or
  switching a copy to WAL): ``integrity_check``, which also compares every index with its
  table: a flipped byte in an index passes quick_check, and a write would then build on it
  (79 ms; 1.4 s). Once per open plan, and not again in the same process while the file and its
  WAL are unchanged (device, inode, size, modification time). Not on open: reading commands
  (info, export, check) and the window's first paint would pay it for nothing, since a read
  that meets damage says so anyway. The window runs it in the background as soon as a plan
  opens, so a first edit rarely waits; a command that writes pays it once.
* **Reads** never pay for a check: a read that meets damage says "damaged" (and which copy to
  open) instead of SQLite's "database disk image is malformed".

A byte changed inside a value that no index holds (a name, a note) leaves a file SQLite finds
consistent: no check can see it, and none is claimed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import sqlite3
import struct
import threading
from datetime import datetime
from pathlib import Path

from planner.domain.errors import DamagedPlanError, PlanBusyError, PlanFileError
from planner.domain.i18n import _, ngettext
from planner.store.sidecars import readonly_uri, remove_new_sidecars, sidecars_present

# messages of SQLite (and of Python's sqlite3) that mean the file itself is damaged
DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "could not decode to utf-8")
WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
FRAME_HEADER = 24


# --- is this error a damaged file? ----------------------------------------------------------


def is_damage(exc: BaseException) -> bool:
    """Whether a database error means the plan file is damaged (not busy, not read-only)."""
    orig = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    if isinstance(orig, UnicodeDecodeError):  # SQLite's own message was garbled bytes
        return True
    if not isinstance(orig, sqlite3.DatabaseError):
        return False
    text = str(orig).lower()
    return any(word in text for word in DAMAGE_WORDS)


def _detail(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, UnicodeDecodeError):
        return clean_detail(bytes(orig.object).decode("utf-8", "replace"))
    return clean_detail(str(orig))


def clean_detail(text: str) -> str:
    """SQLite's report, short: its first finding, without the '*** in database main ***'."""
    lines = [line.strip() for line in text.replace("*** in database main ***", "").splitlines()]
    first = next((line for line in lines if line), text.strip())
    return first if len(first) <= 160 else first[:157] + "…"


def damaged_error(path: Path, exc: BaseException) -> DamagedPlanError | None:
    """The damaged message for ``exc`` if it says the file is damaged, else None."""
    if not is_damage(exc):
        return None
    return damaged(path, _detail(exc))


# --- the message: what is wrong, which copy to open, how to recover ---------------------------


_STAMP = re.compile(r" backup format \d+ (\d{8}-\d{6})$")


def backups(path: Path) -> list[Path]:
    """The backup copies made beside a plan before each upgrade ("NAME backup format N
    DATE.dplan", see store.backup_name), newest first."""
    found: list[tuple[str, Path]] = []
    folder = path.parent if str(path.parent) else Path(".")
    prefix = f"{path.stem} backup format "
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(prefix) and entry.name.endswith(path.suffix)):
                continue
            match = _STAMP.search(entry.name[: len(entry.name) - len(path.suffix)])
            if match and entry.is_file():
                found.append((match.group(1), Path(entry.path)))
    return [p for _stamp, p in sorted(found, reverse=True)]


def recovery_name(path: Path) -> Path:
    """A free name for the recovered plan beside the damaged one ("NAME recovered.dplan")."""
    suffix = path.suffix or ".dplan"
    candidate = path.with_name(f"{path.stem} recovered{suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} recovered {n}{suffix}")
        n += 1
    return candidate


def _word(path: Path) -> str:
    text = str(path)
    return text if re.fullmatch(r"[\w./\\:+=@%-]+", text) else shlex.quote(text)


def damaged(path: Path, detail: str) -> DamagedPlanError:
    """'NAME is damaged (what SQLite found). The file was not changed.' with the newest backup
    copy and the command that saves what can still be read in a new plan."""
    problem = _("{name} is damaged ({detail}). The file was not changed.").format(
        name=path.name, detail=detail
    )
    found = backups(path)
    if found:
        match = _STAMP.search(found[0].stem)
        when = ""
        if match:
            with contextlib.suppress(ValueError):
                when = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").strftime("%Y-%m-%d %H:%M")
        advice = _(
            "Its newest backup copy is '{backup}' (made on {when}, before an upgrade):"
            " open it to go back to the plan as it was then, or open the last copy you"
            " saved."
        ).format(backup=found[0].name, when=when or "?")
    else:
        advice = _("There is no backup copy beside it: open the last copy you saved, if any.")
    recover = _(
        "To save what can still be read in a new plan, run: planner recover {plan} {new}"
    ).format(plan=_word(path), new=_word(recovery_name(path)))
    summary = f"{problem} {advice}"
    return DamagedPlanError(
        f"{summary} {recover}", str(path), backup=str(found[0]) if found else None, summary=summary
    )


# --- a file cut short -----------------------------------------------------------------------


def _wal_checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    s0 = s1 = 0
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_extent(path: Path, page_size: int) -> tuple[int, frozenset[int]] | None:
    """What the WAL file beside a plan holds, as SQLite will read it: the plan's size in pages
    at its last commit and the pages it holds up to that commit; None without such a WAL.

    Frames count while their salts are the header's (a restarted WAL leaves older frames
    behind with other salts); their checksums are left to SQLite, which reads them anyway.
    """
    try:
        fh = open(f"{path}-wal", "rb")  # noqa: SIM115 - closed below
    except OSError:
        return None
    with fh:
        head = fh.read(WAL_HEADER)
        if len(head) < WAL_HEADER:
            return None
        magic, _version, wal_page, _seq, salt1, salt2, sum1, sum2 = struct.unpack(">8I", head)
        if magic not in WAL_MAGIC or wal_page != page_size:
            return None
        if _wal_checksum(head[:24], magic & 1 == 1) != (sum1, sum2):
            return None
        size = os.fstat(fh.fileno()).st_size
        frame = FRAME_HEADER + page_size
        pages: set[int] = set()
        committed: frozenset[int] = frozenset()
        db_pages = 0
        offset = WAL_HEADER
        while offset + frame <= size:
            fh.seek(offset)
            number, commit, frame_salt1, frame_salt2 = struct.unpack(">4I", fh.read(16))
            if (frame_salt1, frame_salt2) != (salt1, salt2) or number == 0:
                break
            pages.add(number)
            if commit:
                committed, db_pages = frozenset(pages), commit
            offset += frame
    return (db_pages, committed) if db_pages else None


def length_problem(path: Path, head: bytes) -> str | None:
    """Why the file is shorter than the plan it holds (the detail of the damaged message),
    or None. ``head`` is the file's first 100 bytes (its SQLite header)."""
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return _("its header is damaged")
    (page_count,) = struct.unpack(">I", head[28:32])
    count_valid = head[24:28] == head[92:96] and page_count > 0  # see SQLite's file format
    try:
        size = os.stat(path).st_size
    except OSError:
        return None
    wal = wal_extent(path, page_size)
    if wal is not None:  # pages the WAL holds need not be in the file yet
        needed, in_wal = wal
        while needed in in_wal:
            needed -= 1
    elif count_valid:
        needed = page_count
    else:
        needed = -(-size // page_size)
    missing = needed * page_size - size
    if missing <= 0:
        return None
    return ngettext(
        "the file is cut short: its last {n} byte is missing",
        "the file is cut short: its last {n} bytes are missing",
        missing,
    ).format(n=f"{missing:,}")


# --- integrity_check before the first write ----------------------------------------------------


_verified: dict[str, tuple[int, ...]] = {}
_verified_lock = threading.Lock()


def file_state(path: Path) -> tuple[int, ...] | None:
    """What changes when anything writes the plan: the file's and its WAL's identity, size
    and modification time."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    state = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    try:
        wal = os.stat(f"{path}-wal")
    except OSError:
        return state
    return (*state, wal.st_size, wal.st_mtime_ns)


def integrity_problems(path: Path) -> list[str]:
    """SQLite's integrity_check of the plan (every page, every index against its table), read
    only; what it found, [] when sound."""
    sidecars = sidecars_present(path)
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True, timeout=5)
    except sqlite3.Error as exc:
        return [clean_detail(str(exc))]
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        con.execute("PRAGMA busy_timeout=5000")
        rows = con.execute("PRAGMA integrity_check(5)").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise PlanBusyError(
                _(
                    "{name} is busy: another program is writing to it. Try again in a moment."
                ).format(name=path.name),
                str(path),
            ) from exc
        if is_damage(exc):
            return [_detail(exc)]
        raise PlanFileError(
            _("{name} cannot be opened: {reason}.").format(name=path.name, reason=exc), str(path)
        ) from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return [_detail(exc)]
    finally:
        con.close()
        remove_new_sidecars(path, sidecars)
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else [clean_detail(text) for text in found]


def verify_file(path: Path) -> None:
    """Raise :class:`DamagedPlanError` unless integrity_check finds the plan sound; skipped
    when it passed in this process and the file has not changed since."""
    key = str(path.resolve())
    state = file_state(path)
    with _verified_lock:
        if state is not None and _verified.get(key) == state:
            return
    problems = integrity_problems(path)
    if problems:
        raise damaged(path, problems[0])
    if state is not None:
        with _verified_lock:
            _verified[key] = state
