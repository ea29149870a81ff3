"""Raw SQL as lazy operations: `await db.query_raw(...)` runs it; `db.batch([...])` takes it too.

A raw statement is one Query with bound values, so inside a batch it rides in the same request
(and transaction) as the other operations' statements.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from ..fetch_adapters.base import Query, ResultSet
from .codec import raw_value

if TYPE_CHECKING:
    from .client import Client


class RawOperation:
    """`query_raw` (rows as dicts) or `execute_raw` (rows changed), not yet run."""

    __slots__ = ("client", "params", "returns_rows", "sql")

    def __init__(self, client: Client, sql: str, params: tuple[Any, ...], *, returns_rows: bool) -> None:
        from ..compiler.arguments.raw import check_raw

        check_raw(sql, params)  # a ValidationError at the call, before anything is queued or sent
        self.client = client
        self.sql = sql
        self.params = params
        self.returns_rows = returns_rows

    def __repr__(self) -> str:
        return f"<RawOperation {'query_raw' if self.returns_rows else 'execute_raw'}>"

    def query(self, dialect: str) -> Query:
        return Query(self.sql, tuple(raw_value(p, dialect) for p in self.params))

    def shape(self, rs: ResultSet) -> Any:
        if self.returns_rows:
            return [dict(zip(rs.columns, row, strict=False)) for row in rs.rows]
        return rs.rows_affected

    async def run(self) -> Any:
        adapter = self.client.adapter
        return self.shape(await adapter.query(self.query(adapter.dialect)))

    def __await__(self) -> Generator[Any, None, Any]:
        return self.run().__await__()
