"""The async client: `db = Client(schema, url=...)`, then `await db.user.find_many(...)`.

Model delegates are looked up by name (`db.user`, `db.order_item`, `db.orderitem` or
`db.OrderItem` all reach model `OrderItem`), so no code generation is needed at run time;
`prisma-edge generate` only writes type stubs for editors.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

from ..compiler import PlanCache, compile_query
from ..errors import ClientError, KnownRequestError
from ..fetch_adapters.base import Adapter, Connection, IsolationLevel, sql_rules
from ..schema.model import Model, Schema
from .delegate import ModelDelegate, Operation
from .error_fields import translate_fields
from .executor import execute_plan
from .transactions import interactive, run_batch


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
    """

    def __init__(self, schema: Schema | str | os.PathLike[str] | None = None, *, url: str | None = None, adapter: Adapter | str | None = None,
                 adapter_options: Mapping[str, Any] | None = None, plan_cache_size: int = 512) -> None:
        self.schema = _load_schema(schema)
        self.plan_cache = PlanCache(plan_cache_size)
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

    def __repr__(self) -> str:
        return f"<Client models={len(self.schema.models)} adapter={type(self._adapter).__name__ if self._adapter else None}>"

    @property
    def adapter(self) -> Adapter:
        if self._adapter is None:
            from .urls import check_provider, schema_url

            url = self._url or schema_url(self.schema)
            adapter = adapter_for_url(url, self.schema, **self._adapter_options)
            check_provider(self.schema, adapter.dialect)
            self._adapter = adapter
        return self._adapter

    def __getattr__(self, name: str) -> ModelDelegate:
        if name.startswith("__"):
            raise AttributeError(name)
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

    async def _execute(self, model: Model, action: str, args: Mapping[str, Any], conn: Connection | None = None) -> Any:
        adapter = self.adapter
        plan, values = compile_query(self.schema, model.name, action, args, sql_rules(adapter), self.plan_cache)
        try:
            return await execute_plan(conn or adapter, plan, values, in_transaction=conn is not None)
        except KnownRequestError as e:
            translate_fields(e, model)
            raise

    def with_adapter(self, adapter: Adapter) -> Client:
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

    async def batch(self, operations: Sequence[Operation[Any]], *, isolation: IsolationLevel | None = None) -> list[Any]:
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

    async def query_raw(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        """Run a SELECT written in the database's own SQL; values are bound, never interpolated."""
        from ..compiler.arguments.raw import check_raw
        from ..fetch_adapters.base import Query
        from .codec import raw_value

        check_raw(sql, params)
        rs = await self.adapter.query(Query(sql, tuple(raw_value(p, self.adapter.dialect) for p in params)))
        return [dict(zip(rs.columns, row, strict=False)) for row in rs.rows]

    async def query_first(self, sql: str, *params: Any) -> dict[str, Any] | None:
        rows = await self.query_raw(sql, *params)
        return rows[0] if rows else None

    async def execute_raw(self, sql: str, *params: Any) -> int:
        """Run a statement; returns the number of rows it changed."""
        from ..compiler.arguments.raw import check_raw
        from ..fetch_adapters.base import Query
        from .codec import raw_value

        check_raw(sql, params)
        rs = await self.adapter.query(Query(sql, tuple(raw_value(p, self.adapter.dialect) for p in params)))
        return rs.rows_affected

    async def close(self) -> None:
        if self._adapter is not None:
            await self._adapter.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
