"""The register of numbered certificates as stored (given by
:mod:`planner.operations.certificates`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from planner.store import PlanStore, Reader, parse_time


@dataclass(frozen=True)
class Entry:
    """A certificate of the register."""

    serial: int
    number: str
    kind: str
    person: int | None
    name: str
    issued_at: datetime
    void: bool


def register(store: PlanStore) -> list[Entry]:
    """Every certificate given, void ones included, in the order of their numbers."""
    with store.reading() as r:
        rows = r.rows(
            "SELECT serial, number, kind, person_id, name, issued_at, void FROM certificate"
            " ORDER BY serial"
        )
    return [Entry(s, n, k, p, name, parse_time(at), bool(v)) for s, n, k, p, name, at, v in rows]


def given(r: Reader) -> dict[tuple[int | None, str], tuple[int, str, bool]]:
    """(person, kind) -> (row id, number, void) of every certificate given."""
    return {
        (p, k): (i, n, bool(v))
        for i, p, k, n, v in r.rows("SELECT id, person_id, kind, number, void FROM certificate")
    }
