"""SQLite's files beside a plan (-wal, -shm, -journal) and reading a plan without writing to
it: what a check leaves behind is removed only when nobody else has the plan open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote


def readonly_uri(path: Path) -> str:
    """Read without writing anything; where nothing may be written (not even SQLite's -shm
    beside the plan), read the file as it stands."""
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


SIDECARS = ("-wal", "-shm", "-journal")


def sidecars_present(path: Path) -> set[str]:
    return {suffix for suffix in SIDECARS if Path(f"{path}{suffix}").exists()}


def remove_new_sidecars(path: Path, before: set[str]) -> None:
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
            con = sqlite3.connect(
                "file:" + quote(str(path.resolve())) + "?mode=rw",
                uri=True,
                timeout=0,
                isolation_level=None,
            )
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
