"""What one action changed: the change set (when, who, what) and one change-log row per item,
collected while the transaction flushes and written with it; windows refresh from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy is loaded on the first write, not to show a plan
    from sqlalchemy.orm import Session


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def json_default(value: Any) -> Any:
    """For ``json.dumps``: moments and amounts as text (a deleted row's money, say)."""
    found = _jsonable(value)
    if found is value:
        raise TypeError(f"{type(value).__name__} cannot be written to the change log")
    return found


@dataclass(frozen=True)
class Change:
    """What one committed action changed: the UI refreshes what shows these tables."""

    change_set_id: int | None
    action: str
    tables: frozenset[str]
    items: tuple[tuple[str, int, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.tables


@dataclass
class ChangeRecorder:
    """Collects what a transaction touched, to write it as one change set on commit."""

    entries: list[tuple[str, int, str, dict[str, Any] | None]] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)

    def record(
        self, entity: str, entity_id: int, kind: str, detail: dict[str, Any] | None = None
    ) -> None:
        self.entries.append((entity, entity_id, kind, detail or None))
        self.tables.add(entity)

    def touch(self, *tables: str) -> None:
        """Tables changed as a side effect (cascades) that windows must refresh."""
        self.tables.update(tables)


def recorder(session: Session) -> ChangeRecorder:
    rec: ChangeRecorder = session.info["recorder"]
    return rec


def after_flush(session: Session, _ctx: Any) -> None:
    from sqlalchemy import inspect

    from planner.domain.model import Entity

    rec = recorder(session)
    for obj in session.new:
        if isinstance(obj, Entity):
            state = inspect(obj)
            values = {
                a.key: _jsonable(getattr(obj, a.key))
                for a in state.mapper.column_attrs
                if a.key not in ("id", "version")
            }
            rec.record(obj.__tablename__, obj.id, "insert", values)
    for obj in session.dirty:
        if isinstance(obj, Entity) and session.is_modified(obj, include_collections=False):
            state = inspect(obj)
            changed: dict[str, Any] = {}
            for attr in state.mapper.column_attrs:
                if attr.key == "version":
                    continue
                hist = state.attrs[attr.key].history
                if hist.has_changes():
                    old = hist.deleted[0] if hist.deleted else None
                    new = hist.added[0] if hist.added else None
                    changed[attr.key] = [_jsonable(old), _jsonable(new)]
            if changed:
                rec.record(obj.__tablename__, obj.id, "update", changed)
    for obj in session.deleted:
        if isinstance(obj, Entity):
            rec.record(obj.__tablename__, obj.id, "delete")
