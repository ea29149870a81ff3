"""Batches and interactive transactions.

`await db.batch([db.user.create(...), db.post.delete(...)])` runs unawaited operations atomically,
results in input order. When every plan is static (always the case on PostgreSQL, where each
operation is one statement) the whole batch is ONE `adapter.batch()` call: on Neon over HTTP,
one request. Otherwise (SQLite, MySQL programs that read before they write) it runs inside one
interactive transaction.

`async with db.tx(isolation=..., timeout=...) as tx:` gives delegates bound to an open
transaction: commit on exit, rollback on any exception or on timeout.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from ..compiler import compile_query
from ..compiler.arguments.raw import check_raw
from ..errors import ClientError, InconsistentColumnDataError, KnownRequestError, PrismaEdgeError
from ..fetch_adapters.base import Connection, IsolationLevel, Query, sql_rules
from .codec import raw_value
from .delegate import ModelDelegate, Operation
from .error_fields import translate_fields
from .executor import check_static, execute_plan, not_found_from, shape_result, static_queries

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
        rs = await self._conn.query(Query(sql, tuple(raw_value(p, self._conn.dialect) for p in params)))
        return [dict(zip(rs.columns, row, strict=False)) for row in rs.rows]

    async def execute_raw(self, sql: str, *params: Any) -> int:
        check_raw(sql, params)
        rs = await self._conn.query(Query(sql, tuple(raw_value(p, self._conn.dialect) for p in params)))
        return rs.rows_affected


ISOLATION_LEVELS = ("ReadUncommitted", "ReadCommitted", "RepeatableRead", "Snapshot", "Serializable")


def check_isolation(isolation: str | None) -> None:
    if isolation is not None and isolation not in ISOLATION_LEVELS:
        raise InconsistentColumnDataError(
            f"Inconsistent column data: Conversion failed: Invalid isolation level `{isolation}`; "
            f"expected one of {', '.join(ISOLATION_LEVELS)}")


@contextlib.asynccontextmanager
async def interactive(client: Client, isolation: IsolationLevel | None, timeout: float | None) -> AsyncIterator[TransactionClient]:
    check_isolation(isolation)
    async with client.adapter.transaction(isolation=isolation, timeout=timeout) as conn:
        yield TransactionClient(client, conn)


async def run_batch(client: Client, operations: Sequence[Operation[Any]], isolation: IsolationLevel | None) -> list[Any]:
    check_isolation(isolation)
    for i, op in enumerate(operations):
        if not isinstance(op, Operation):
            raise ClientError(f"batch item {i} is {type(op).__name__}; pass unawaited operations like db.user.create(...)")
    adapter = client.adapter
    compiled = [compile_query(client.schema, op.delegate._model.name, op.action, op.args, sql_rules(adapter), client.plan_cache)
                for op in operations]
    try:
        if all(plan.static for plan, _ in compiled):
            per_op = [static_queries(plan, values, adapter.dialect) for plan, values in compiled]
            flat = [q for qs in per_op for q in qs]
            results = await adapter.batch(flat, isolation=isolation) if flat else []
            out, i = [], 0
            for (plan, _), op, qs in zip(compiled, operations, per_op, strict=True):
                part = list(results[i:i + len(qs)])
                i += len(qs)
                check_static(plan, part)
                value = shape_result(plan, part)  # type: ignore[arg-type]
                out.append(op.post(value) if op.post else value)
            return out
        async with adapter.transaction(isolation=isolation) as conn:
            out = []
            for (plan, values), op in zip(compiled, operations, strict=True):
                value = await execute_plan(conn, plan, values, in_transaction=True)
                out.append(op.post(value) if op.post else value)
            return out
    except KnownRequestError as e:
        for op in operations:
            translate_fields(e, op.delegate._model)
        raise
    except PrismaEdgeError as e:
        mapped = not_found_from(e, "A record an operation in the batch needs was not found.")
        if mapped is e:
            raise
        raise mapped from e
