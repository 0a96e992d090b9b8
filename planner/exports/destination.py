"""Where an export may write: an output path is never an input.

An export writes a new file, or replaces an earlier file of its own kind; with ``split`` it
writes into a new or existing folder. It never replaces a plan (recognised by SQLite's
``application_id`` in the file's header, whatever the file is called), nor the plan it is made
from (under any name: a symbolic link, a hard link, a relative path), nor another program's
database, nor anything that is not a regular file (the null device, a named pipe, a socket).
Nothing overrides this. A file's name must end in its kind's extension (``export agenda -o
a.pdf`` would write a workbook named ``.pdf``).

The command line (through :func:`planner.exports.catalog.run`) and the window's Export dialog
ask :func:`check_output` the same question and refuse with the same words; every writer asks
:func:`check_replaceable` once more just before it renames its finished file into place.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.store import APPLICATION_ID, SQLITE_MAGIC, PlanStore

if TYPE_CHECKING:
    from planner.exports.catalog import ExportKind


def check_output(
    kind: ExportKind,
    out: str | os.PathLike[str],
    split: bool = False,
    source: PlanStore | None = None,
) -> Path:
    """Refuse an ``out`` an export of ``kind`` may not write to (PlannerError, in words);
    returns it as a Path. ``split``: ``out`` is the folder of one file per person or
    delegation. ``source``: the plan being exported."""
    target = Path(out)
    advice = (
        _("Choose another folder.")
        if split
        else _("Choose another name, ending in {suffix}.").format(suffix=kind.suffix)
    )
    info = _stat(target)
    if info is not None and stat.S_ISDIR(info.st_mode):
        if split:
            return target
        raise PlannerError(
            _("{path} is a folder: give the name of the file to write, ending in {suffix}.").format(
                path=target, suffix=kind.suffix
            )
        )
    if info is not None:
        _refuse_input(target, info, source, advice)
        if split:
            raise PlannerError(
                _(
                    "{path} is a file: one file per person or delegation is"
                    " written into a folder. Choose a new or existing folder."
                ).format(path=target)
            )
    if not split and target.suffix.lower() not in kind.suffixes:
        example = (target.stem if target.suffix else target.name) + kind.suffix
        raise PlannerError(
            _(
                "{name} does not end in {suffix}, the extension of the “{label}”"
                " export: under another name it would open in the wrong program,"
                " or not at all. Name it, for example, {example}."
            ).format(
                name=target.name,
                suffix=" ".join(kind.suffixes)
                if not kind.also
                else _("{first} or {second}").format(first=kind.suffix, second=kind.also[0]),
                label=_(kind.label),
                example=example,
            )
        )
    return target


def check_replaceable(path: str | os.PathLike[str], source: PlanStore | None = None) -> None:
    """Refuse to rename a finished export onto ``path`` when that is a plan, a database, the
    plan being exported, a folder or not a regular file (a new path passes)."""
    target = Path(path)
    info = _stat(target)
    if info is None:
        return
    advice = _("Choose another name, ending in {suffix}.").format(suffix=target.suffix)
    if stat.S_ISDIR(info.st_mode):
        raise PlannerError(
            _("{path} is a folder: an export never replaces a folder. {advice}").format(
                path=target, advice=advice
            )
        )
    _refuse_input(target, info, source, advice)


def _stat(target: Path) -> os.stat_result | None:
    """What is at ``target`` (through a symbolic link: what would be written over); None for a
    new path, or a link to nothing (the link itself would be replaced)."""
    try:
        return os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise PlannerError(
            _("{path} cannot be checked: {reason}. Choose another name or folder.").format(
                path=target, reason=exc.strerror or exc
            )
        ) from exc


def _refuse_input(
    target: Path, info: os.stat_result, source: PlanStore | None, advice: str
) -> None:
    """An existing ``target`` that is not a folder: refuse it unless it is a regular file that
    is neither a plan, nor a database, nor the plan being exported."""
    if not stat.S_ISREG(info.st_mode):
        what = (
            _("a device")
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else _("a named pipe")
            if stat.S_ISFIFO(info.st_mode)
            else _("a socket")
            if stat.S_ISSOCK(info.st_mode)
            else _("a special file")
        )
        raise PlannerError(
            _(
                "{path} is {what}, not a file or a folder: an export writes only a"
                " new file, replaces an earlier export, or fills a folder."
                " {advice}"
            ).format(path=target, what=what, advice=advice)
        )
    if _is_source(info, source):
        raise PlannerError(
            _(
                "{path} is the plan being exported (under this name or another):"
                " an export never replaces a plan. {advice}"
            ).format(path=target, advice=advice)
        )
    try:
        with open(target, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise PlannerError(
            _(
                "{path} cannot be read, so it cannot be checked that it is not a"
                " plan ({reason}). {advice}"
            ).format(path=target, reason=exc.strerror or exc, advice=advice)
        ) from exc
    if not head.startswith(SQLITE_MAGIC):
        return
    if len(head) >= 72 and struct.unpack(">I", head[68:72])[0] == APPLICATION_ID:
        raise PlannerError(
            _(
                "{path} is a Delegation Planner plan: an export never replaces a plan. {advice}"
            ).format(path=target, advice=advice)
        )
    raise PlannerError(
        _(
            "{path} is a database of another program: an export never replaces a database. {advice}"
        ).format(path=target, advice=advice)
    )


def _is_source(info: os.stat_result, source: PlanStore | None) -> bool:
    """Whether ``info`` is the file of the plan being exported (the same file under any name:
    a symbolic or hard link, another spelling of its path)."""
    if source is None or source.shared:
        return False
    try:
        plan = os.stat(source.path)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (plan.st_dev, plan.st_ino)
