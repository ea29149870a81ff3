"""Interactive transactions (batches: `batching.py`).

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

from ..errors import ConnectionError, InconsistentColumnDataError
from ..fetch_adapters.base import Connection, IsolationLevel, Query
from .delegate import ModelDelegate
from .extensions.events import observed_transaction

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
        if not isinstance(base, ModelDelegate):  # a client method from db.extend(client=...)
            return base  # type: ignore[no-any-return]
        return ModelDelegate(self._client, base._model, self._conn)

    async def query_raw(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = await self._client._raw("query_raw", sql, params, self._conn)
        return rows

    async def query_first(self, sql: str, *params: Any) -> dict[str, Any] | None:
        rows = await self.query_raw(sql, *params)
        return rows[0] if rows else None

    async def execute_raw(self, sql: str, *params: Any) -> int:
        affected: int = await self._client._raw("execute_raw", sql, params, self._conn)
        return affected


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
    adapter, observer = client.adapter, client._observer
    opened = (observed_transaction(observer, adapter, None, "tx", {"isolation": isolation, "timeout": timeout}) if observer.active
              else adapter.transaction(isolation=isolation, timeout=timeout))
    async with opened as conn:
        watched = _Watched(conn)
        yield TransactionClient(client, watched)  # type: ignore[arg-type]
        if watched.lost is not None:  # raising here rolls the adapter's transaction back
            raise ConnectionError(
                "the transaction was not committed: a statement inside it lost its connection "
                f"({watched.lost.message}); it was rolled back, retry the whole transaction",
                not_committed=True,
            )


