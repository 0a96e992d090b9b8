"""Personal data: a copy of a plan without it, to share with a partner.

Identity and passport numbers, birth dates and phone numbers are blanked in the copy, in the
people themselves and in the change log that remembers the values they had. The copy is then
vacuumed, so no old page of the file still holds them. The plan itself is not touched.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from planner.store import PlanStore

PERSONAL_FIELDS = ("id_number", "birth_date", "phone")


def _scrub(detail: dict[str, Any]) -> bool:
    changed = False
    for key in PERSONAL_FIELDS:
        if key in detail:
            value = detail[key]
            detail[key] = [None, None] if isinstance(value, list) else None
            changed = True
    return changed


def _blank(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("UPDATE person SET id_number = '', birth_date = NULL, phone = ''")
            rows = con.execute("SELECT id, detail FROM change_log WHERE entity = 'person'"
                               " AND detail != ''").fetchall()
            for row_id, text in rows:
                try:
                    detail = json.loads(text)
                except ValueError:
                    continue
                if isinstance(detail, dict) and _scrub(detail):
                    con.execute("UPDATE change_log SET detail = ? WHERE id = ?",
                                (json.dumps(detail, ensure_ascii=False), row_id))
        con.execute("VACUUM")  # no free page keeps an old value
    finally:
        con.close()


def copy_without_personal_data(store: PlanStore, dest: str | Path) -> Path:
    """Write a copy of the plan at ``dest`` with every identity number, birth date and phone
    number blanked; ``dest`` is replaced only once the copy is complete."""
    target = Path(dest)
    store.copy_to(target, prepare=_blank)
    return target
