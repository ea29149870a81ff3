"""Batches and interactive transactions.

`await db.batch([db.user.create(...), db.post.delete(...)])` runs unawaited operations atomically,
results in input order. When every plan is static (always the case on PostgreSQL, where each
operation is one statement) the whole batch is ONE `adapter.batch()` call: on Neon over HTTP,
one request. Otherwise (SQLite, MySQL programs that read before they write) it runs inside one
interactive transaction.

`async with db.tx(isolation=..., timeout=...) as tx:` gives delegates bound to an open
transaction: commit on exit, rollback on any exception or on timeout. If a statement inside lost
its connection (a `ConnectionError`: cut, timeout, broken protocol) the exit never reports
success, even when the body caught that error: it rolls back and raises `ConnectionError`
("not committed"), since the session's state is unknown or already aborted.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from ..compiler import compile_query
from ..compiler.arguments.raw import check_raw
from ..errors import (
    ClientError,
    ConnectionError,
    InconsistentColumnDataError,
    KnownRequestError,
    PrismaEdgeError,
)
from ..fetch_adapters.base import Connection, IsolationLevel, Query, sql_rules
from .codec import raw_value
from .db_errors import prisma_error, raw_error
from .delegate import ModelDelegate, Operation
from .error_fields import translate_fields
from .executor import check_static, execute_plan, not_found_from, shape_result, static_queries
from .raw import RawOperation, raw_rows

if TYPE_CHECKING:
    from .client import Client


class TransactionClient:
    """The client as seen inside `db.tx()`: every operation runs on the open transaction."""

    def __init__(self, client: Client, conn: Connection) -> None:
        self._client = client
        self._conn = conn

    def __getattr__(self, name: str) -> ModelDelegate:
        if name.startswith("__"):
            raise AttributeError(name)
        base = getattr(self._client, name)
        return ModelDelegate(self._client, base._model, self._conn)

    async def query_raw(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        check_raw(sql, params)
        try:
            rs = await self._conn.query(Query(sql, tuple(raw_value(p, self._conn.dialect) for p in params)))
        except PrismaEdgeError as e:
            raise raw_error(e) from e
        return raw_rows(rs)

    async def execute_raw(self, sql: str, *params: Any) -> int:
        check_raw(sql, params)
        try:
            rs = await self._conn.query(Query(sql, tuple(raw_value(p, self._conn.dialect) for p in params)))
        except PrismaEdgeError as e:
            raise raw_error(e) from e
        return rs.rows_affected


ISOLATION_LEVELS = ("ReadUncommitted", "ReadCommitted", "RepeatableRead", "Snapshot", "Serializable")


def check_isolation(isolation: str | None) -> None:
    if isolation is not None and isolation not in ISOLATION_LEVELS:
        raise InconsistentColumnDataError(
            f"Inconsistent column data: Conversion failed: Invalid isolation level `{isolation}`; "
            f"expected one of {', '.join(ISOLATION_LEVELS)}")


class _Watched:
    """The transaction's connection, remembering the first lost connection so the exit cannot commit."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.dialect = conn.dialect
        self.lost: ConnectionError | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    async def query(self, query: Query) -> Any:
        try:
            return await self._conn.query(query)
        except ConnectionError as e:
            self.lost = self.lost or e
            raise

    async def batch(self, queries: Sequence[Query], **options: Any) -> Any:
        try:
            return await self._conn.batch(queries, **options)
        except ConnectionError as e:
            self.lost = self.lost or e
            raise


@contextlib.asynccontextmanager
async def interactive(client: Client, isolation: IsolationLevel | None, timeout: float | None) -> AsyncIterator[TransactionClient]:
    check_isolation(isolation)
    async with client.adapter.transaction(isolation=isolation, timeout=timeout) as conn:
        watched = _Watched(conn)
        yield TransactionClient(client, watched)  # type: ignore[arg-type]
        if watched.lost is not None:  # raising here rolls the adapter's transaction back
            raise ConnectionError(
                "the transaction was not committed: a statement inside it lost its connection "
                f"({watched.lost.message}); it was rolled back, retry the whole transaction",
                not_committed=True,
            )


async def run_batch(client: Client, operations: Sequence[Operation[Any] | RawOperation],
                    isolation: IsolationLevel | None) -> list[Any]:
    check_isolation(isolation)
    for i, op in enumerate(operations):
        if not isinstance(op, Operation | RawOperation):
            raise ClientError(f"batch item {i} is {type(op).__name__}; pass unawaited operations like db.user.create(...)")
    adapter = client.adapter
    # a raw statement (query_raw / execute_raw) is one static query of its own: no plan
    compiled = [None if isinstance(op, RawOperation) else
                compile_query(client.schema, op.delegate._model.name, op.action, op.args, sql_rules(adapter), client.plan_cache)
                for op in operations]
    try:
        if all(c is None or c[0].static for c in compiled):
            per_op = [[op.query(adapter.dialect)] if isinstance(op, RawOperation) else static_queries(c[0], c[1], adapter.dialect)
                      for c, op in zip(compiled, operations, strict=True)]
            flat = [q for qs in per_op for q in qs]
            results = await adapter.batch(flat, isolation=isolation) if flat else []
            out, i = [], 0
            for c, op, qs in zip(compiled, operations, per_op, strict=True):
                part = list(results[i:i + len(qs)])
                i += len(qs)
                if isinstance(op, RawOperation):
                    out.append(op.shape(part[0]))
                    continue
                assert c is not None
                check_static(c[0], part)
                value = shape_result(c[0], part)  # type: ignore[arg-type]
                out.append(op.post(value) if op.post else value)
            return out
        async with adapter.transaction(isolation=isolation) as conn:
            out = []
            for c, op in zip(compiled, operations, strict=True):
                if isinstance(op, RawOperation):
                    out.append(op.shape(await conn.query(op.query(conn.dialect))))
                    continue
                assert c is not None
                value = await execute_plan(conn, c[0], c[1], in_transaction=True)
                out.append(op.post(value) if op.post else value)
            return out
    except KnownRequestError as e:
        for op in operations:
            if isinstance(op, Operation):
                translate_fields(e, op.delegate._model)
        raise
    except PrismaEdgeError as e:
        mapped = prisma_error(not_found_from(e, "A record an operation in the batch needs was not found."),
                              operations[0].delegate._model if len(operations) == 1 and isinstance(operations[0], Operation) else None, adapter.dialect)
        if mapped is e:
            raise
        raise mapped from e
