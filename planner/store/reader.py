"""Plain SQL reads in one read transaction (a consistent view), the one interface the queries
use on every backend: :class:`Reader` on a plan file's sqlite3 connection, :class:`SqlReader`
on a SQLAlchemy connection (a shared plan's, or a write transaction's own). Parameters are
named (``:name``) or positional (``?``).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection


class Reader:
    """Plain SQL reads on one connection, inside one read transaction (a consistent view).

    Lists, the overview and the command line read through this without loading SQLAlchemy,
    which keeps opening a plan fast. Parameters are named (``:name``).
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    def rows(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[Any]:
        return self._con.execute(sql, params).fetchall()

    def each(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Iterator[Any]:
        """The rows one at a time (a whole plan's 200,000 people never all held as rows)."""
        return iter(self._con.execute(sql, params))

    def value(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Any:
        row = self._con.execute(sql, params).fetchone()
        return row[0] if row else None


@lru_cache(maxsize=512)
def statement_for(sql: str, positional: int) -> Any:
    """SQLite-style SQL for SQLAlchemy: "?" placeholders become ":p0", ":p1"..."""
    from sqlalchemy import text

    if positional:
        count = iter(range(positional))
        sql = re.sub(r"\?", lambda _m: f":p{next(count)}", sql)
    return text(sql)


class SqlReader(Reader):
    """The plain-SQL reads of :class:`Reader` on a SQLAlchemy connection (a shared plan, or a
    write transaction reading what it is about to change)."""

    def __init__(self, connection: Connection) -> None:
        self._sa = connection

    def rows(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[Any]:
        return list(self.each(sql, params))

    def each(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Iterator[Any]:
        if isinstance(params, dict):
            statement, values = statement_for(sql, 0), params
        else:
            statement = statement_for(sql, len(params))
            values = {f"p{i}": v for i, v in enumerate(params)}
        return (tuple(row) for row in self._sa.execute(statement, values))

    def value(self, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None
