"""The files a plan is built in before it appears under its name.

``planner new``, ``planner demo`` and File ▸ New build a plan in ``.NAME.PID.xxxxxxxx.creating``
beside it and rename it when it is complete. A process killed while building (a power cut,
``kill -9``) leaves that file and SQLite's ``-wal``/``-shm`` beside it. The next plan created
in that folder removes them: at once those for the same NAME whose process is gone, the others
once they have not changed for a minute and their process is gone (or cannot be asked, as on
Windows, where a file still open cannot be removed anyway).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

SUFFIX = ".creating"
STALE_AFTER = 60.0  # seconds without a change
_SIDECARS = ("-wal", "-shm", "-journal")


def make(path: Path) -> Path:
    """A new, empty temporary file beside the plan ``path``, named for it and this process."""
    fd, name = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.",
        suffix=SUFFIX,
        dir=path.parent if str(path.parent) else Path("."),
    )
    os.close(fd)
    return Path(name)


def _alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs (None: this system cannot tell without harming it)."""
    if os.name == "nt":
        return None  # os.kill(pid, 0) would stop it there
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, as another user
        return True
    return True


def _owner(base: str) -> tuple[str, int | None] | None:
    """(plan name, process id) of a temporary file's name, or None if it is not one."""
    if not (base.startswith(".") and base.endswith(SUFFIX)):
        return None
    parts = base[1 : -len(SUFFIX)].rsplit(".", 2)
    if len(parts) != 3:
        return None
    name, pid, _random = parts
    if pid.isdigit():
        return name, int(pid)
    return base[1 : -len(SUFFIX)].rsplit(".", 1)[0], None  # an older version's: no process id


def remove_stale(folder: Path, name: str) -> list[Path]:
    """Remove the temporary files of plans whose building was cut short; returns them."""
    now = time.time()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        base = entry.name
        for sidecar in _SIDECARS:
            if base.endswith(sidecar):
                base = base[: -len(sidecar)]
                break
        owner = _owner(base)
        if owner is None:
            continue
        plan, pid = owner
        alive = _alive(pid) if pid is not None else None
        if alive:
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if not entry.is_file(follow_symlinks=False):
                continue
        except OSError:
            continue
        if old or (plan == name and (alive is False or os.name == "nt")):
            with contextlib.suppress(OSError):  # in use (Windows) or already gone
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
