"""A copy of a plan without personal data, to share with a partner.

The fields are :data:`planner.domain.personal.PERSONAL` (identity and passport numbers, birth
dates, phone numbers), the list the history masks too. In the copy they are blanked in the
people themselves and in the change log that remembers the values they had. The copy is then
vacuumed, so no old page of the file still holds them. The plan itself is not touched.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from planner.domain.personal import PERSONAL
from planner.store.plan import PlanStore


def _scrub(detail: dict[str, Any], fields: tuple[str, ...]) -> bool:
    changed = False
    for key in fields:
        if key in detail:
            value = detail[key]
            detail[key] = [None, None] if isinstance(value, list) else None
            changed = True
    return changed


def _blank(path: Path) -> None:
    from planner.domain.model import Base  # the ORM's tables, loaded only for a copy

    con = sqlite3.connect(path)
    try:
        with con:
            for table, fields in PERSONAL.items():
                columns = Base.metadata.tables[table].c
                blank = ", ".join(
                    f"{f} = NULL" if columns[f].nullable else f"{f} = ''" for f in fields
                )
                con.execute(f'UPDATE "{table}" SET {blank}')
                rows = con.execute(
                    "SELECT id, detail FROM change_log WHERE entity = ? AND detail != ''", (table,)
                ).fetchall()
                for row_id, text in rows:
                    try:
                        detail = json.loads(text)
                    except ValueError:
                        continue
                    if isinstance(detail, dict) and _scrub(detail, fields):
                        con.execute(
                            "UPDATE change_log SET detail = ? WHERE id = ?",
                            (json.dumps(detail, ensure_ascii=False), row_id),
                        )
        con.execute("VACUUM")  # no free page keeps an old value
    finally:
        con.close()


def copy_without_personal_data(store: PlanStore, dest: str | Path) -> Path:
    """Write a copy of the plan at ``dest`` with every identity number, birth date and phone
    number blanked; ``dest`` is replaced only once the copy is complete."""
    target = Path(dest)
    store.copy_to(target, prepare=_blank)
    return target
