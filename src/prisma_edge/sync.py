"""The synchronous client: `db = prisma_edge.sync.Client(...)`, then `db.user.find_many(...)`.

A thin wrapper (DESIGN.md decision 8): every call builds the same lazy operation as the async
client and drives its coroutine. In CPython it runs on the client's private event loop. In
Pyodide there is no loop to block on: with SQLite and `BlockingFetch` (pyodide-http's
synchronous XHR) the coroutine never waits, so one step finishes it.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Coroutine, Sequence
from typing import Any

from .client.client import Client as AsyncClient
from .client.client import adapter_for_url
from .client.delegate import ModelDelegate, Operation
from .errors import ClientError
from .fetch_adapters.base import Adapter
from .schema.model import Schema


def run_sync(coro: Coroutine[Any, Any, Any], loop: asyncio.AbstractEventLoop | None = None) -> Any:
    """Run a coroutine to its end, synchronously.

    With a `loop` (CPython), on that loop. Without one (Pyodide), the coroutine must not suspend:
    SQLite and `BlockingFetch` never do, so one `send(None)` finishes it.
    """
    if loop is not None:
        return loop.run_until_complete(coro)
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    coro.close()
    raise ClientError("this operation has to wait for the network: use the async client (prisma_edge.Client) here, "
                      "or a synchronous transport (pyodide-http in a browser)")


class SyncDelegate:
    """`db.<model>` of the sync client: the same methods, returning results directly."""

    def __init__(self, inner: ModelDelegate, loop: asyncio.AbstractEventLoop | None) -> None:
        self._inner = inner
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._inner, name)
        if not callable(method) or name.startswith("_"):
            return method

        def call(*args: Any, **kwargs: Any) -> Any:
            op = method(*args, **kwargs)
            return run_sync(op.run(), self._loop) if isinstance(op, Operation) else op

        return call


class Client:
    """Synchronous twin of `prisma_edge.Client` (same arguments).

    For a network URL without an explicit adapter, requests go through `BlockingFetch`
    (urllib; in a browser, pyodide-http's synchronous XHR).
    """

    def __init__(self, schema: Schema | str | os.PathLike[str], *, url: str | None = None, adapter: Adapter | None = None,
                 adapter_options: dict[str, Any] | None = None) -> None:
        self._async = AsyncClient(schema, url=url, adapter=adapter, adapter_options=adapter_options)
        # CPython: a private loop, so even adapters that truly wait work; Pyodide: no loop at all
        self._loop = None if sys.platform == "emscripten" else asyncio.new_event_loop()
        if adapter is None:
            target = url or self._async._schema_url()
            options = dict(self._async._adapter_options)
            if "://" in target and not target.startswith(("file:", "sqlite:")) and options.get("kind") in (None, "neon_http", "planetscale"):
                from .fetch_adapters.transports.sync_fetch import BlockingFetch

                options.setdefault("fetch", BlockingFetch())
            self._async._adapter = adapter_for_url(target, self._async.schema, **options)

    @property
    def schema(self) -> Schema:
        return self._async.schema

    @property
    def adapter(self) -> Adapter:
        return self._async.adapter

    def __getattr__(self, name: str) -> SyncDelegate:
        if name.startswith("_"):
            raise AttributeError(name)
        return SyncDelegate(getattr(self._async, name), self._loop)

    def batch(self, operations: Sequence[Operation[Any]], *, isolation: Any = None) -> list[Any]:
        """`db.batch([db.op.create(...)...])`: pass the async-style lazy ops from `db.lazy.<model>`."""
        return run_sync(self._async.batch(operations, isolation=isolation), self._loop)

    @property
    def lazy(self) -> AsyncClient:
        """The underlying async client, to build unrun operations for `batch`."""
        return self._async

    def query_raw(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        return run_sync(self._async.query_raw(sql, *params).run(), self._loop)

    def execute_raw(self, sql: str, *params: Any) -> int:
        return run_sync(self._async.execute_raw(sql, *params).run(), self._loop)

    def close(self) -> None:
        run_sync(self._async.close(), self._loop)
        if self._loop is not None:
            self._loop.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
