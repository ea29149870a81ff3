"""Interactive transactions (batches: `batching.py`).

`async with db.tx(isolation=..., timeout=...) as tx:` gives delegates bound to an open
transaction: commit on exit, rollback on any exception or on timeout.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ..errors import InconsistentColumnDataError
from ..fetch_adapters.base import Connection, IsolationLevel
from .delegate import ModelDelegate
from .events import observed_transaction

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


@contextlib.asynccontextmanager
async def interactive(client: Client, isolation: IsolationLevel | None, timeout: float | None) -> AsyncIterator[TransactionClient]:
    check_isolation(isolation)
    adapter, observer = client.adapter, client._observer
    opened = (observed_transaction(observer, adapter, None, "tx", {"isolation": isolation, "timeout": timeout}) if observer.active
              else adapter.transaction(isolation=isolation, timeout=timeout))
    async with opened as conn:
        yield TransactionClient(client, conn)


