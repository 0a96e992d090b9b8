"""Each person's badge code (:mod:`planner.domain.badge_codes`), from the key kept in the plan."""

from __future__ import annotations

import json

from planner.domain.badge_codes import BadgeCodes
from planner.store import PlanStore, Reader

# The plan setting that holds the key (given to every plan by plan format 7).
BADGE_KEY = "badge_codes.key"


def codes_of(r: Reader) -> BadgeCodes:
    """The plan's badge codes (a plan without a key, made by hand, still has stable codes)."""
    text = r.value("SELECT value FROM plan_setting WHERE key = :k", {"k": BADGE_KEY})
    return BadgeCodes(str(json.loads(text)) if text else "")


def badge_codes(store: PlanStore) -> BadgeCodes:
    with store.reading() as r:
        return codes_of(r)
