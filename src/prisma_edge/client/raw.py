"""Raw SQL as lazy operations: `await db.query_raw(...)` runs it; `db.batch([...])` takes it too.

A raw statement is one Query with bound values, so inside a batch it rides in the same request
(and transaction) as the other operations' statements. Its rows are typed as Prisma 7 types
`$queryRaw` columns, by the column types the adapter reports: json/jsonb to values,
numeric/money to Decimal, int8 to BigInt, date/time/timestamp to DateTime (a date at midnight
UTC, a time on 1970-01-01). Adapters that report no column types (their values are already
typed) are left as they are.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Generator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from ..fetch_adapters.base import ColumnType, Query, ResultSet
from .codec import decode_datetime, raw_value

if TYPE_CHECKING:
    from .client import Client


class RawOperation:
    """`query_raw` (rows as dicts) or `execute_raw` (rows changed), not yet run."""

    __slots__ = ("client", "params", "returns_rows", "sql")

    def __init__(self, client: Client, sql: str, params: tuple[Any, ...], *, returns_rows: bool) -> None:
        self.client = client
        self.sql = sql
        self.params = params
        self.returns_rows = returns_rows

    def __repr__(self) -> str:
        return f"<RawOperation {'query_raw' if self.returns_rows else 'execute_raw'}>"

    def query(self, dialect: str) -> Query:
        return Query(self.sql, tuple(raw_value(p, dialect) for p in self.params))

    def shape(self, rs: ResultSet) -> Any:
        return raw_result(self.action, rs)

    @property
    def action(self) -> str:
        return "query_raw" if self.returns_rows else "execute_raw"

    async def run(self) -> Any:
        """Alone: through the client's raw-SQL path (query hooks, events, Prisma's P2010)."""
        return await self.client._raw(self.action, self.sql, self.params)

    def __await__(self) -> Generator[Any, None, Any]:
        return self.run().__await__()


def _typed(kind: str, v: Any) -> Any:
    if v is None:
        return None
    if kind == ColumnType.JSON and isinstance(v, str | bytes | bytearray):
        return json.loads(v)
    if kind == ColumnType.DECIMAL and isinstance(v, str):
        try:
            return Decimal(v.replace("$", "").replace(",", ""))  # money reads as text: -$1,234.56
        except InvalidOperation:
            return v
    if kind in (ColumnType.INT, ColumnType.BIGINT) and isinstance(v, str) and v.lstrip("-").isdigit():
        return int(v)
    if kind in (ColumnType.DATE, ColumnType.TIME, ColumnType.DATETIME) and isinstance(v, dt.date | dt.time):
        return decode_datetime(v)
    return v


def raw_result(action: str, rs: ResultSet) -> Any:
    """What `query_raw` (typed rows) or `execute_raw` (rows changed) returns for `rs`."""
    return rs.rows_affected if action == "execute_raw" else raw_rows(rs)


def raw_rows(rs: ResultSet) -> list[dict[str, Any]]:
    kinds = rs.column_types
    if not kinds or len(kinds) != len(rs.columns):
        return [dict(zip(rs.columns, row, strict=False)) for row in rs.rows]
    return [{c: _typed(k, v) for c, k, v in zip(rs.columns, kinds, row, strict=False)} for row in rs.rows]
