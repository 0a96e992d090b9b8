"""Where a plan lives: a plan file (SQLite) or a shared plan (PostgreSQL), opened, checked,
migrated, copied; one transaction per action with its change set; history and privacy.

``open_plan`` is the one door: a ``postgresql://`` address opens a shared plan
(:mod:`planner.store.shared`), anything else a plan file (:mod:`planner.store.plan`).
"""

from __future__ import annotations

import os

from planner.store.addresses import address_parts, is_address
from planner.store.changes import Change, ChangeRecorder, recorder
from planner.store.files import (
    APPLICATION_ID,
    SQLITE_MAGIC,
    SUFFIX,
    FileHeader,
    backup_file,
    check_plan_file,
    current_user,
    known_revisions,
    migrate,
    new_plan_path_problem,
    read_header,
    schema_version,
)
from planner.store.plan import (
    PlanStore,
    Transaction,
    create_plan_file,
    open_plan_file,
    parse_date,
    parse_time,
)
from planner.store.reader import Reader
from planner.store.sidecars import SIDECARS, writable

__all__ = [
    "APPLICATION_ID",
    "SIDECARS",
    "SQLITE_MAGIC",
    "SUFFIX",
    "Change",
    "ChangeRecorder",
    "FileHeader",
    "PlanStore",
    "Reader",
    "Transaction",
    "address_parts",
    "backup_file",
    "check_plan_file",
    "create_plan_file",
    "current_user",
    "is_address",
    "known_revisions",
    "migrate",
    "new_plan_path_problem",
    "open_plan",
    "parse_date",
    "parse_time",
    "read_header",
    "recorder",
    "schema_version",
    "writable",
]


def open_plan(
    path: str | os.PathLike[str],
    *,
    upgrade: bool = True,
    read_only: bool = False,
    password: str | None = None,
    check_zones: bool = True,
) -> PlanStore:
    """Open a plan: a ``postgresql://`` address opens a shared plan (with ``password`` when the
    server's is not in the user's .pgpass file), anything else a plan file (upgraded after a
    backup copy when older; ``read_only`` for the command line's reads, which also works where
    the file or its folder cannot be written)."""
    if is_address(path):
        from planner.store.shared import open_shared  # psycopg only for a shared plan

        return open_shared(str(path), password=password, upgrade=upgrade)
    return open_plan_file(path, upgrade=upgrade, read_only=read_only, check_zones=check_zones)
