"""The model's foundation: the declarative base, the row every user edits (a stable id and a
version counter checked on every write), and the column types for moments (UTC, aware) and
money (exact decimal text).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from sqlalchemy import (
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class AwareDateTime(TypeDecorator[datetime]):
    """A moment in time: stored as naive UTC, returned as an aware UTC ``datetime``.

    Storing UTC keeps ordering and overlap tests correct in SQL on every backend; the zone a
    time was planned in is kept beside it (``timezone`` columns) to show wall-clock time.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a time without a time zone cannot be stored")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Money(TypeDecorator[Decimal]):
    """An amount of money: stored as its exact decimal text, returned as ``Decimal``."""

    impl = String(30)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise ValueError("an amount of money must be a Decimal")
        return format(value, "f")

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        if value is None or value == "":
            return None
        try:
            return Decimal(value)
        except InvalidOperation:
            return None


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Entity(Base):
    """A row a user edits: a stable id and a version counter."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}

    @declared_attr.directive
    def __table_args__(cls) -> Any:
        return (*cls._constraints(), {"sqlite_autoincrement": True})

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return ()


def table_of(cls: type[Base]) -> Table:
    """A mapped class's table, typed as a Table (for Core statements)."""
    return cast(Table, cls.__table__)
