"""The synchronous client: `db = prisma_edge.sync.Client(...)`, then `db.user.find_many(...)`.

A thin wrapper (DESIGN.md decision 8): every call builds the same lazy operation as the async
client and drives its coroutine. In CPython it runs on the client's private event loop. In
Pyodide there is no loop to block on: with SQLite and `BlockingFetch` (pyodide-http's
synchronous XHR) the coroutine never waits, so one step finishes it.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import sys
from collections.abc import Callable, Coroutine, Iterator, Mapping, Sequence
from typing import Any, Self

from .client.client import Client as AsyncClient
from .client.client import adapter_for_url
from .client.delegate import ModelDelegate, Operation
from .client.extensions.extend import OPERATIONS, Extension
from .errors import ClientError
from .fetch_adapters.base import Adapter, IsolationLevel
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


def _settle(value: Any, loop: asyncio.AbstractEventLoop | None) -> Any:
    """A method's answer, run to its end if it is an operation or a coroutine."""
    if isinstance(value, Operation):
        return run_sync(value.run(), loop)
    if inspect.iscoroutine(value):
        return run_sync(value, loop)
    return value


class SyncDelegate:
    """`db.<model>` of the sync client: the same methods, returning results directly; model
    methods from `extend(model=...)` too (an async one is run to its end)."""

    def __init__(self, inner: ModelDelegate, loop: asyncio.AbstractEventLoop | None) -> None:
        self._inner = inner
        self._loop = loop

    def __repr__(self) -> str:
        return f"<SyncDelegate {self._inner._model.name}>"

    @property
    def model_name(self) -> str:
        return self._inner.model_name

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        method = getattr(self._inner, name)
        if not callable(method):
            return method

        def call(*args: Any, **kwargs: Any) -> Any:
            return _settle(method(*args, **kwargs), self._loop)

        return call


def _sync_method(name: str) -> Callable[..., Any]:
    def method(self: SyncDelegate, *args: Any, **kwargs: Any) -> Any:
        return _settle(getattr(self._inner, name)(*args, **kwargs), self._loop)

    method.__name__ = name
    method.__doc__ = f"`ModelDelegate.{name}`, run to its end."
    return method


for _name in OPERATIONS:
    setattr(SyncDelegate, _name, _sync_method(_name))


class SyncTransactionClient:
    """The client inside `with db.tx() as tx:` (every operation runs in the transaction)."""

    def __init__(self, inner: Any, loop: asyncio.AbstractEventLoop | None) -> None:
        self._inner = inner
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        found = getattr(self._inner, name)
        if isinstance(found, ModelDelegate):
            return SyncDelegate(found, self._loop)
        if callable(found):  # a client method from extend(client=...)
            return lambda *args, **kwargs: _settle(found(*args, **kwargs), self._loop)
        return found

    def query_raw(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        return run_sync(self._inner.query_raw(sql, *params), self._loop)

    def query_first(self, sql: str, *params: Any) -> dict[str, Any] | None:
        return run_sync(self._inner.query_first(sql, *params), self._loop)

    def execute_raw(self, sql: str, *params: Any) -> int:
        return run_sync(self._inner.execute_raw(sql, *params), self._loop)


class Client:
    """Synchronous twin of `prisma_edge.Client`: the same arguments, methods and features (log,
    on, omit, extend, batch, tx, raw SQL), results returned directly.

    For a network URL without an explicit adapter, requests go through `BlockingFetch`
    (urllib; in a browser, pyodide-http's synchronous XHR). Query hooks stay `async def`.
    """

    _async_class: type[AsyncClient] = AsyncClient  # the generated SyncClient uses its typed Client

    def __init__(self, schema: Schema | str | os.PathLike[str] | None = None, *, url: str | None = None, adapter: Adapter | str | None = None,
                 adapter_options: Mapping[str, Any] | None = None, plan_cache_size: int = 512,
                 log: Sequence[str | Mapping[str, str]] | None = None, log_params: bool = False, tracing: bool = False,
                 omit: Mapping[str, Any] | None = None) -> None:
        self._async = self._async_class(schema, url=url, adapter=adapter, adapter_options=adapter_options,
                                  plan_cache_size=plan_cache_size, log=log, log_params=log_params, tracing=tracing, omit=omit)
        # CPython: a private loop, so even adapters that truly wait work; Pyodide: no loop at all
        self._loop = None if sys.platform == "emscripten" else asyncio.new_event_loop()
        self._owns_loop = True
        if self._async._adapter is None:
            from .client.urls import check_provider, schema_url

            target = url or schema_url(self._async.schema)
            options = dict(self._async._adapter_options)
            if "://" in target and not target.startswith(("file:", "sqlite:")) and options.get("kind") in (None, "neon_http", "planetscale"):
                from .fetch_adapters.transports.sync_fetch import BlockingFetch

                options.setdefault("fetch", BlockingFetch())
            made = adapter_for_url(target, self._async.schema, **options)
            check_provider(self._async.schema, made.dialect)
            self._async._adapter = made

    @classmethod
    def _wrap(cls, inner: AsyncClient, loop: asyncio.AbstractEventLoop | None) -> Self:
        """Another sync client over `inner`, on this one's loop (which it does not close)."""
        other = cls.__new__(cls)
        other._async, other._loop, other._owns_loop = inner, loop, False
        return other

    def __repr__(self) -> str:
        return f"<sync {self._async!r}>"

    @property
    def schema(self) -> Schema:
        return self._async.schema

    @property
    def adapter(self) -> Adapter:
        return self._async.adapter

    @property
    def plan_cache(self) -> Any:
        return self._async.plan_cache

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        found = getattr(self._async, name)
        if isinstance(found, ModelDelegate):
            return SyncDelegate(found, self._loop)
        if callable(found):  # a client method from extend(client=...)
            return lambda *args, **kwargs: _settle(found(*args, **kwargs), self._loop)
        return found

    def batch(self, operations: Sequence[Operation[Any]], *, isolation: IsolationLevel | None = None) -> list[Any]:
        """`db.batch([db.lazy.user.create(...), ...])`: pass the async-style lazy ops from `db.lazy.<model>`."""
        return run_sync(self._async.batch(operations, isolation=isolation), self._loop)

    def tx(self, *, isolation: IsolationLevel | None = None, timeout: float | None = None) -> contextlib.AbstractContextManager[Any]:
        """`with db.tx() as tx: tx.user.create(...)`: commit on exit, rollback on error."""
        return self._tx(isolation, timeout)

    @contextlib.contextmanager
    def _tx(self, isolation: IsolationLevel | None, timeout: float | None) -> Iterator[SyncTransactionClient]:
        cm = self._async.tx(isolation=isolation, timeout=timeout)
        inner = run_sync(cm.__aenter__(), self._loop)
        try:
            yield SyncTransactionClient(inner, self._loop)
        except BaseException as e:
            if not run_sync(cm.__aexit__(type(e), e, e.__traceback__), self._loop):
                raise
        else:
            run_sync(cm.__aexit__(None, None, None), self._loop)

    @property
    def lazy(self) -> AsyncClient:
        """The underlying async client, to build unrun operations for `batch`."""
        return self._async

    def extend(self, extension: Extension | Mapping[str, Any] | None = None, /, **components: Any) -> Self:
        """`AsyncClient.extend`, as a sync client (same loop, same adapter)."""
        return self._wrap(self._async.extend(extension, **components), self._loop)

    def with_adapter(self, adapter: Adapter) -> Self:
        return self._wrap(self._async.with_adapter(adapter), self._loop)

    def on(self, event: str, listener: Callable[[Any], object]) -> Callable[[], None]:
        """Prisma's `$on`: see `prisma_edge.Client.on`."""
        return self._async.on(event, listener)

    def warm(self, operations: Sequence[Operation[Any]], *, dialect: str | None = None) -> int:
        return self._async.warm(operations, dialect=dialect)

    def query_raw(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        return run_sync(self._async.query_raw(sql, *params).run(), self._loop)

    def query_first(self, sql: str, *params: Any) -> dict[str, Any] | None:
        return run_sync(self._async.query_first(sql, *params), self._loop)

    def execute_raw(self, sql: str, *params: Any) -> int:
        return run_sync(self._async.execute_raw(sql, *params).run(), self._loop)

    def close(self) -> None:
        run_sync(self._async.close(), self._loop)
        if self._loop is not None and self._owns_loop and not self._loop.is_closed():
            self._loop.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
