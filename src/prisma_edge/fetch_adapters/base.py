"""The adapter interface: SQL and values in, rows and column types out.

Adapters never see a model or a schema (DESIGN.md). The client hands them `Query` objects whose
SQL was rendered for `adapter.dialect` and whose parameters are plain Python values:
None, bool, int, float, str, bytes, Decimal, datetime (aware, UTC), date, time. Json values arrive
already serialised to `str`. Each adapter turns them into its wire form.

Results come back as `ResultSet`: column names, a neutral column type per column (see
`ColumnType`), and rows as tuples of plain values (None, int, float, str, bytes, bool, Decimal,
datetime...). The client decodes them further by the Plan's field types, so an adapter may return
text where it has no better information (Neon sends text for everything; SQLite has no types).

Errors: adapters raise the classes of `prisma_edge.errors` (mapped from SQLSTATE / errno with
`protocols.postgres.errors` / `protocols.mysql.errors`), with secrets redacted. The client translates column names in
`meta` back to field names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Literal, Protocol, runtime_checkable

import attrs
from attrs import frozen

Dialect = Literal["sqlite", "postgres", "mysql"]
IsolationLevel = Literal["ReadUncommitted", "ReadCommitted", "RepeatableRead", "Snapshot", "Serializable"]


class ColumnType:
    """Neutral column type names an adapter reports (strings, so they cost nothing to compare)."""

    INT = "int"
    BIGINT = "bigint"
    FLOAT = "float"
    DECIMAL = "decimal"
    TEXT = "text"
    BOOL = "bool"
    DATETIME = "datetime"
    DATE = "date"
    TIME = "time"
    JSON = "json"
    BYTES = "bytes"
    UUID = "uuid"
    ENUM = "enum"
    NULL = "null"
    UNKNOWN = "unknown"


@frozen(eq=False)
class Records:
    """The record the caller builds from each row of a query, for an adapter that can build it
    while it reads the wire (one pass, no tuples of values in between); others ignore it.

    `names`: the record's keys, one per column. `finish[i]`: the caller's function on the
    adapter's value of column i (None maps to what it returns for None); `keeps[i]`: a type whose
    values `finish[i]` returns unchanged (None when there is none), so it need not be called.
    `decode`: the caller's own way from the adapter's value tuples to records (raising its errors),
    for rows the adapter did not finish itself. Compared by identity: one per result shape.
    """

    names: tuple[str, ...]
    finish: tuple[Callable[[Any], Any], ...]
    keeps: tuple[type | None, ...]
    decode: Callable[[Sequence[tuple[Any, ...]]], list[dict[str, Any]]]


@frozen
class Query:
    """One SQL statement with its bound parameters (in placeholder order); `records` optionally
    says how the caller turns each row into its record (see `Records`; not part of equality)."""

    sql: str
    params: tuple[Any, ...] = ()
    records: Records | None = attrs.field(default=None, eq=False, repr=False)

    def __repr__(self) -> str:  # parameters may be sensitive; show only their count
        return f"Query({self.sql!r}, <{len(self.params)} params>)"


@frozen
class ResultSet:
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()
    column_types: tuple[str, ...] = ()
    rows_affected: int = 0
    last_insert_id: int | None = None
    records: list[dict[str, Any]] | None = None  # the rows as the caller's records, when the Query's `Records` were used (then `rows` is empty)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=False)) for r in self.rows]


@attrs.define
class AdapterStats:
    """Counts what crossed the wire, so tests and benchmarks can assert round trips."""

    round_trips: int = 0
    statements: int = 0

    def reset(self) -> None:
        self.round_trips = 0
        self.statements = 0


@runtime_checkable
class Connection(Protocol):
    """Something that runs statements: an adapter, or an open interactive transaction."""

    dialect: Dialect

    async def query(self, query: Query) -> ResultSet:
        """Run one statement."""
        ...

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """Run statements atomically (one transaction), in as few round trips as the wire allows."""
        ...


def sql_rules(conn: Connection) -> str:
    """The compiler rules (`compiler.sql.dialects.rules_for`) a connection's SQL follows: its
    `sql_rules` attribute where it is a variant of its dialect ("d1": SQLite whose operations must
    each be one static batch), else its dialect."""
    return getattr(conn, "sql_rules", None) or conn.dialect


@runtime_checkable
class Adapter(Connection, Protocol):
    stats: AdapterStats

    def transaction(
        self, *, isolation: IsolationLevel | None = None, timeout: float | None = None
    ) -> AbstractAsyncContextManager[Connection]:
        """An interactive transaction; raise `UnsupportedError` where the wire cannot hold one."""
        ...

    async def close(self) -> None: ...

