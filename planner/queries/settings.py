"""What the plan keeps besides its items: settings (JSON values by key, such as remembered
import mappings) and the problems someone accepted with a note."""

from __future__ import annotations

import json
from typing import Any

from planner.store import PlanStore


def get_setting(store: PlanStore, key: str, default: Any = None) -> Any:
    """A setting kept in the plan (JSON), or ``default``."""
    with store.reading() as r:
        value = r.value("SELECT value FROM plan_setting WHERE key = :k", {"k": key})
    return default if value is None else json.loads(value)


def acknowledgements(store: PlanStore) -> dict[str, str]:
    """{problem key: note} of the problems someone accepted."""
    with store.reading() as r:
        return dict(r.rows("SELECT problem_key, note FROM acknowledgement"))
