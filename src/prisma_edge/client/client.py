"""The async client: `db = Client(schema, url=...)`, then `await db.user.find_many(...)`.

Model delegates are looked up by name (`db.user`, `db.order_item`, `db.orderitem` or
`db.OrderItem` all reach model `OrderItem`), so no code generation is needed at run time;
`prisma-edge generate` only writes type stubs for editors.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, Self

from ..compiler import PlanCache, compile_query
from ..errors import ClientError, KnownRequestError, PrismaEdgeError
from ..fetch_adapters.base import Adapter, Connection, IsolationLevel, ResultSet, sql_rules
from ..schema.model import Model, Schema
from .batching import run_batch
from .db_errors import prisma_error, raw_error
from .delegate import ModelDelegate, Operation
from .error_fields import translate_fields
from .executor import execute_plan
from .extensions.events import Observer
from .extensions.extend import Extension, Extensions, define_extension, run_hooked
from .extensions.shaping import Shaper, global_omit
from .raw import RawOperation, raw_result
from .transactions import interactive


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _load_schema(schema: Schema | str | os.PathLike[str] | None) -> Schema:
    if isinstance(schema, Schema):
        return schema
    from ..schema import load_schema, parse_schema

    if schema is None:  # Prisma's default places (prisma.config.ts, prisma/schema.prisma, ...)
        return load_schema()
    text = str(schema)
    if isinstance(schema, os.PathLike) or ("\n" not in text and (text.endswith(".prisma") or Path(text).is_dir())):
        return load_schema(Path(schema))
    return parse_schema(text)


ADAPTERS = {
    "sqlite": ("prisma_edge.fetch_adapters.sqlite", "SqliteAdapter"),
    "neon_http": ("prisma_edge.fetch_adapters.neon_http", "NeonHttpAdapter"),
    "neon_ws": ("prisma_edge.fetch_adapters.neon_ws", "NeonWsAdapter"),
    "planetscale": ("prisma_edge.fetch_adapters.planetscale", "PlanetScaleAdapter"),
    "postgres": ("prisma_edge.fetch_adapters.postgres", "PgDirectAdapter"),
    "libsql": ("prisma_edge.fetch_adapters.libsql", "LibsqlAdapter"),
    "d1": ("prisma_edge.fetch_adapters.d1", "D1Adapter"),
    "hyperdrive": ("prisma_edge.fetch_adapters.hyperdrive", "HyperdriveAdapter"),
}


def adapter_for_url(url: str, schema: Schema | None = None, *, kind: str | None = None, **options: Any) -> Adapter:
    """Make the adapter `kind` names, or the one the URL means: SQLite for files, Neon over HTTP
    for `postgresql://`, libSQL for `libsql://` (and `https://` hosts of Turso), PlanetScale for
    `mysql://` (and for PlanetScale's `https://user:pw@host`)."""
    import importlib

    scheme = url.split(":", 1)[0].lower()
    if kind is None:
        if scheme in ("file", "sqlite") or url == ":memory:" or "://" not in url and ":" not in url:
            kind = "sqlite"
        elif scheme in ("postgres", "postgresql"):
            kind = "neon_http"
        elif scheme == "libsql" or scheme == "https" and _is_turso(url):
            kind = "libsql"
        elif scheme == "d1":
            kind = "d1"
        elif scheme in ("mysql", "planetscale", "http", "https"):
            kind = "planetscale"
        else:
            raise ClientError(f"unsupported database URL scheme `{scheme}` (expected file:, postgresql://, mysql://, libsql://, d1:// or https://)")
    if kind not in ADAPTERS:
        raise ClientError(f"unknown adapter `{kind}`; expected one of {', '.join(ADAPTERS)}")
    module, cls = ADAPTERS[kind]
    return getattr(importlib.import_module(module), cls)(url, **options)


def _is_turso(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return host.endswith(".turso.io")


class Client:
    """An async Prisma-style client over one adapter.

    Args:
        schema: a parsed `Schema`, the text of a schema, a path to `schema.prisma` or to a folder
            of `.prisma` files; default: where Prisma looks (`prisma.config.ts`'s `schema`,
            `prisma/schema.prisma`, `schema.prisma`, `prisma/schema/`).
        url: database URL; default: the schema's datasource URL, else `prisma.config.ts`'s, else
            the variable it names (`DATABASE_URL`) from the environment or `.env` (see
            `schema/config.py`). A URL for another database than the schema's provider is refused.
        adapter: an adapter instance, or the name of one to make from the URL: "sqlite",
            "neon_http" (default for postgresql://), "neon_ws", "planetscale" (default for mysql://
            and https://), "libsql" (default for libsql:// and https://*.turso.io), "postgres"
            (direct TCP, CPython), "d1" (default for d1://; in a Worker pass `D1Adapter(env.DB)`),
            "hyperdrive" (PostgreSQL over a Workers TCP socket; the URL is the binding's
            `connectionString`).
        adapter_options: keyword arguments for the adapter made from the URL, e.g.
            `{"endpoint": "http://127.0.0.1:4444/sql"}` for a local Neon endpoint.
        log: Prisma's `log`: `["query", "info", "warn", "error"]` to the `prisma_edge` logger, or
            `[{"emit": "event", "level": "query"}]` for `db.on(...)` listeners only.
        log_params: show parameter values in logs and events (default: only their types).
        tracing: an OpenTelemetry span per operation (needs `opentelemetry-api`).
        omit: Prisma 7's global omit, `{"user": {"password": True}}`: hidden unless a query
            selects it or says `omit={"password": False}`.
    """

    def __init__(self, schema: Schema | str | os.PathLike[str] | None = None, *, url: str | None = None, adapter: Adapter | str | None = None,
                 adapter_options: Mapping[str, Any] | None = None, plan_cache_size: int = 512,
                 log: Sequence[str | Mapping[str, str]] | None = None, log_params: bool = False, tracing: bool = False,
                 omit: Mapping[str, Any] | None = None) -> None:
        self.schema = _load_schema(schema)
        self.plan_cache = PlanCache(plan_cache_size)
        self._observer = Observer(log, log_params=log_params, tracing=tracing)
        self._url = url
        self._adapter_options = dict(adapter_options or {})
        if isinstance(adapter, str):  # an adapter by name, made from the URL on first use
            self._adapter_options["kind"] = adapter
            adapter = None
        self._adapter = adapter
        self._delegates: dict[str, ModelDelegate] = {}
        names: dict[str, Model] = {}
        for m in self.schema.models:
            for alias in (m.name, m.name.lower(), _snake(m.name)):
                names.setdefault(alias, m)
        self._model_names = names
        self._root: Client | None = None  # an extended client's base: the adapter is the base's
        self._ext = Extensions()
        self._shaper = Shaper(self.schema, global_omit(omit, self._resolve), {})

    def _resolve(self, name: str) -> Model | None:
        return self._model_names.get(name) or self._model_names.get(name.lower())

    def __repr__(self) -> str:
        return f"<Client models={len(self.schema.models)} adapter={type(self._adapter).__name__ if self._adapter else None}>"

    @property
    def adapter(self) -> Adapter:
        if self._adapter is None:
            if self._root is not None:
                return self._root.adapter
            from .urls import check_provider, schema_url

            url = self._url or schema_url(self.schema)
            adapter = adapter_for_url(url, self.schema, **self._adapter_options)
            check_provider(self.schema, adapter.dialect)
            self._adapter = adapter
        return self._adapter

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        method = self._ext.client_methods.get(name)
        if method is not None:  # from db.extend(client=...)
            import functools

            return functools.partial(method, self)
        model = self._model_names.get(name) or self._model_names.get(name.lower())
        if model is None:
            import difflib

            close = difflib.get_close_matches(name, list(self._model_names), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            raise AttributeError(f"no model `{name}` in the schema{hint}")
        d = self._delegates.get(model.name)
        if d is None:
            d = self._delegates[model.name] = ModelDelegate(self, model)
        return d

    async def _perform(self, model: Model, action: str, args: Mapping[str, Any], conn: Connection | None,
                       post: Callable[[Any], Any] | None) -> Any:
        """One operation: through the extensions' query hooks, then compiled and run."""
        hooks = self._ext.hooks(model.name, action) if self._ext else ()
        if not hooks:
            result = await self._execute(model, action, args, conn)
            return post(result) if post else result

        async def terminal(a: Mapping[str, Any]) -> Any:
            result = await self._execute(model, action, a, conn)
            return post(result) if post else result

        return await run_hooked(hooks, model.name, action, args, terminal)

    async def _execute(self, model: Model, action: str, args: Mapping[str, Any], conn: Connection | None = None) -> Any:
        adapter = self.adapter
        shaper = self._shaper
        given = args
        if shaper:
            args = shaper.args(model, action, args)
        plan, values = compile_query(self.schema, model.name, action, args, sql_rules(adapter), self.plan_cache)
        if self._observer.active:
            with self._observer.operation(adapter, conn or adapter, model.name, action) as observed:
                result = await self._run_plan(model, plan, values, observed, conn is not None)
        else:
            result = await self._run_plan(model, plan, values, conn or adapter, conn is not None)
        return shaper.result(model, action, given, result) if shaper else result

    def extend(self, extension: Extension | Mapping[str, Any] | None = None, /, *, name: str | None = None,
               query: Mapping[str, Any] | None = None, result: Mapping[str, Any] | None = None,
               model: Mapping[str, Any] | None = None, client: Mapping[str, Any] | None = None) -> Self:
        """Prisma's `$extends`: a new client with these query hooks, computed fields, model and
        client methods, sharing this one's adapter, plan cache, listeners and global omit (this
        client is not changed). See `prisma_edge.client.extensions.extend`."""
        ext = define_extension(extension, name=name, query=query, result=result, model=model, client=client)
        other = copy.copy(self)
        other._ext = self._ext.plus(ext, self._resolve)
        other._shaper = Shaper(self.schema, self._shaper.omit, other._ext.computed)
        other._delegates = {}
        if self._adapter is None:
            other._root = self._root or self
        return other

    @staticmethod
    async def _run_plan(model: Model, plan: Any, values: list[Any], conn: Connection, in_transaction: bool) -> Any:
        try:
            return await execute_plan(conn, plan, values, in_transaction=in_transaction)
        except PrismaEdgeError as e:
            if isinstance(e, KnownRequestError):
                translate_fields(e, model)
            mapped = prisma_error(e, model, conn.dialect)
            if mapped is e:
                raise
            raise mapped from e

    def on(self, event: str, listener: Callable[[Any], object]) -> Callable[[], None]:
        """Prisma's `$on`: `db.on("query", lambda e: print(e.sql, e.params, e.duration_ms))`.

        Events: "query" (a `QueryEvent` per statement), "info", "warn", "error" (a `LogEvent`).
        Returns a function that unsubscribes. Extended clients share their base's listeners."""
        return self._observer.on(event, listener)

    def with_adapter(self, adapter: Adapter) -> Self:
        """This client (schema, plan cache) over another adapter, e.g. one made per request in a
        Worker: `async with db.with_adapter(HyperdriveAdapter(self.env.HYPERDRIVE)) as rdb:`.
        Closing it closes that adapter only."""
        other = copy.copy(self)
        other._adapter = adapter
        other._delegates = {}
        return other

    def warm(self, operations: Sequence[Operation[Any]], *, dialect: str | None = None) -> int:
        """Compile these (unawaited) operations' plans into the plan cache now, without running
        them or touching the database, the clock or entropy: in a Worker, at import, so the
        plans are in Cloudflare's deploy-time snapshot. `dialect`: the compiler rules the
        adapter will use ("d1", "postgres", "sqlite", "mysql"); default the adapter's.
        Returns how many plans were compiled (cached ones are not counted)."""
        rules = dialect or sql_rules(self.adapter)
        before = self.plan_cache.renders
        for op in operations:
            compile_query(self.schema, op.delegate._model.name, op.action, op.args, rules, self.plan_cache, shape_only=True)
        return self.plan_cache.renders - before

    # ---- batches and transactions ---------------------------------------------------------

    async def batch(self, operations: Sequence[Operation[Any] | RawOperation], *, isolation: IsolationLevel | None = None) -> list[Any]:
        """Run unawaited operations atomically, in one round trip where the database allows.

        `await db.batch([db.user.create({...}), db.post.update(...)])` -> results in input order;
        if any fails, none is applied.
        """
        return await run_batch(self, operations, isolation)

    def tx(self, *, isolation: IsolationLevel | None = None, timeout: float | None = None) -> AbstractAsyncContextManager[Any]:
        """`async with db.tx() as tx: await tx.user.create(...)`: commit on exit, rollback on error.

        Not available on Neon over HTTP (no session): use `batch`, or the WebSocket adapter.
        """
        return interactive(self, isolation, timeout)

    # ---- raw SQL ------------------------------------------------------------------------

    def query_raw(self, sql: str, *params: Any) -> RawOperation:
        """A SELECT written in the database's own SQL; values are bound, never interpolated.
        Await it for the rows (dicts), or pass it to `batch([...])`."""
        return RawOperation(self, sql, params, returns_rows=True)

    async def _raw(self, action: str, sql: str, params: Sequence[Any], conn: Connection | None = None) -> Any:
        """query_raw (rows as dicts) or execute_raw (rows changed), through the raw-SQL hooks."""
        hooks = self._ext.hooks(None, action) if self._ext else ()
        if hooks:
            return await run_hooked(hooks, None, action, {"sql": sql, "params": list(params)},
                                    lambda a: self._raw_now(action, a["sql"], a.get("params", ()), conn))
        return await self._raw_now(action, sql, params, conn)

    async def _raw_now(self, action: str, sql: str, params: Sequence[Any], conn: Connection | None) -> Any:
        try:
            rs = await self._raw_result(action, sql, params, conn)
        except PrismaEdgeError as e:
            raise raw_error(e) from e  # P2010, as Prisma reports a raw query the database refused
        return raw_result(action, rs)

    async def _raw_result(self, action: str, sql: str, params: Sequence[Any], conn: Connection | None) -> ResultSet:
        from ..compiler.arguments.raw import check_raw
        from ..fetch_adapters.base import Query
        from .codec import raw_value

        check_raw(sql, params)
        adapter = self.adapter
        target = conn or adapter
        query = Query(sql, tuple(raw_value(p, target.dialect) for p in params))
        if self._observer.active:
            with self._observer.operation(adapter, target, None, action, raw=True) as observed:
                return await observed.query(query)
        return await target.query(query)

    async def query_first(self, sql: str, *params: Any) -> dict[str, Any] | None:
        rows = await self.query_raw(sql, *params)
        return rows[0] if rows else None

    def execute_raw(self, sql: str, *params: Any) -> RawOperation:
        """A statement; await it for the number of rows it changed, or pass it to `batch([...])`."""
        return RawOperation(self, sql, params, returns_rows=False)

    async def close(self) -> None:
        adapter = self._adapter if self._adapter is not None or self._root is None else self._root._adapter
        if adapter is not None:
            await adapter.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
