"""The async client: `db = Client(schema, url=...)`, then `await db.user.find_many(...)`.

Model delegates are looked up by name (`db.user`, `db.order_item`, `db.orderitem` or
`db.OrderItem` all reach model `OrderItem`), so no code generation is needed at run time;
`prisma-edge generate` only writes type stubs for editors.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..compiler import PlanCache, compile_query
from ..errors import ClientError, KnownRequestError, RecordNotFoundError, UniqueConstraintError
from ..fetch_adapters.base import Adapter, Connection
from ..schema.model import Model, Schema
from .executor import execute_plan


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _load_schema(schema: Schema | str | os.PathLike[str]) -> Schema:
    if isinstance(schema, Schema):
        return schema
    from ..schema import load_schema, parse_schema

    text = str(schema)
    if isinstance(schema, os.PathLike) or ("\n" not in text and text.endswith(".prisma")):
        return load_schema(Path(schema))
    return parse_schema(text)


def adapter_for_url(url: str, schema: Schema | None = None, **options: Any) -> Adapter:
    """Pick the adapter a URL means: SQLite for files, Neon HTTP for postgres, PlanetScale for mysql."""
    scheme = url.split(":", 1)[0].lower()
    if scheme in ("file", "sqlite") or url == ":memory:" or "://" not in url and ":" not in url:
        from ..fetch_adapters.sqlite import SqliteAdapter

        return SqliteAdapter(url, **options)
    if scheme in ("postgres", "postgresql"):
        from ..fetch_adapters.neon_http import NeonHttpAdapter

        return NeonHttpAdapter(url, **options)
    if scheme in ("mysql", "planetscale"):
        from ..fetch_adapters.planetscale import PlanetScaleAdapter

        return PlanetScaleAdapter(url, **options)
    raise ClientError(f"unsupported database URL scheme `{scheme}` (expected file:, postgresql:// or mysql://)")


class ModelDelegate:
    """`db.<model>`: Prisma's operations on one model."""

    def __init__(self, client: Client, model: Model) -> None:
        self._client = client
        self._model = model

    def __repr__(self) -> str:
        return f"<ModelDelegate {self._model.name}>"

    async def _run(self, action: str, args: dict[str, Any]) -> Any:
        return await self._client._execute(self._model, action, {k: v for k, v in args.items() if v is not None})

    # ---- reads --------------------------------------------------------------------------

    async def find_unique(self, where: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None) -> dict[str, Any] | None:
        return await self._run("find_unique", {"where": where, "select": select, "include": include, "omit": omit})

    async def find_unique_or_raise(self, where: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None) -> dict[str, Any]:
        rec = await self._run("find_unique_or_raise", {"where": where, "select": select, "include": include, "omit": omit})
        if rec is None:
            raise RecordNotFoundError(f"No {self._model.name} found")
        return rec

    async def find_first(self, where: Mapping[str, Any] | None = None, *, order: Any = None, skip: int | None = None,
                         cursor: Any = None, distinct: Any = None, select: Any = None, include: Any = None, omit: Any = None,
                         take: int | None = None) -> dict[str, Any] | None:
        return await self._run("find_first", {"where": where, "order": order, "skip": skip, "cursor": cursor, "distinct": distinct,
                                              "select": select, "include": include, "omit": omit, "take": take})

    async def find_first_or_raise(self, where: Mapping[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        rec = await self.find_first(where, **kwargs)
        if rec is None:
            raise RecordNotFoundError(f"No {self._model.name} found")
        return rec

    async def find_many(self, where: Mapping[str, Any] | None = None, *, take: int | None = None, skip: int | None = None,
                        order: Any = None, cursor: Any = None, distinct: Any = None, select: Any = None, include: Any = None,
                        omit: Any = None) -> list[dict[str, Any]]:
        return await self._run("find_many", {"where": where, "take": take, "skip": skip, "order": order, "cursor": cursor,
                                             "distinct": distinct, "select": select, "include": include, "omit": omit})

    async def count(self, where: Mapping[str, Any] | None = None, *, take: int | None = None, skip: int | None = None,
                    order: Any = None, cursor: Any = None, distinct: Any = None, select: Any = None) -> Any:
        return await self._run("count", {"where": where, "take": take, "skip": skip, "order": order, "cursor": cursor,
                                         "distinct": distinct, "select": select})

    async def aggregate(self, where: Mapping[str, Any] | None = None, *, take: int | None = None, skip: int | None = None,
                        order: Any = None, cursor: Any = None, _count: Any = None, _sum: Any = None, _avg: Any = None,
                        _min: Any = None, _max: Any = None) -> dict[str, Any]:
        """`{"_count": {"_all": n}, "_sum": {"views": 10}, ...}` over the rows the window selects."""
        return await self._run("aggregate", {"where": where, "take": take, "skip": skip, "order": order, "cursor": cursor,
                                             "_count": _count, "_sum": _sum, "_avg": _avg, "_min": _min, "_max": _max})

    async def group_by(self, by: Any, *, where: Mapping[str, Any] | None = None, having: Mapping[str, Any] | None = None,
                       order: Any = None, take: int | None = None, skip: int | None = None, _count: Any = None,
                       _sum: Any = None, _avg: Any = None, _min: Any = None, _max: Any = None) -> list[dict[str, Any]]:
        """One dict per group: the `by` fields plus the requested aggregates."""
        return await self._run("group_by", {"by": by, "where": where, "having": having, "order": order, "take": take,
                                            "skip": skip, "_count": _count, "_sum": _sum, "_avg": _avg, "_min": _min, "_max": _max})

    # ---- writes -------------------------------------------------------------------------

    async def create(self, data: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None) -> dict[str, Any]:
        return await self._run("create", {"data": data, "select": select, "include": include, "omit": omit})

    async def create_many(self, data: list[Mapping[str, Any]], *, skip_duplicates: bool | None = None) -> int:
        return await self._run("create_many", {"data": data, "skip_duplicates": skip_duplicates})

    async def update(self, data: Mapping[str, Any], where: Mapping[str, Any], *, select: Any = None, include: Any = None,
                     omit: Any = None) -> dict[str, Any]:
        return await self._run("update", {"data": data, "where": where, "select": select, "include": include, "omit": omit})

    async def update_many(self, data: Mapping[str, Any], where: Mapping[str, Any] | None = None) -> int:
        return await self._run("update_many", {"data": data, "where": where})

    async def upsert(self, where: Mapping[str, Any], data: Mapping[str, Any] | None = None, *, create: Mapping[str, Any] | None = None,
                     update: Mapping[str, Any] | None = None, select: Any = None, include: Any = None, omit: Any = None) -> dict[str, Any]:
        return await self._run("upsert", {"where": where, "data": data, "create": create, "update": update, "select": select,
                                          "include": include, "omit": omit})

    async def delete(self, where: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None) -> dict[str, Any]:
        return await self._run("delete", {"where": where, "select": select, "include": include, "omit": omit})

    async def delete_many(self, where: Mapping[str, Any] | None = None) -> int:
        return await self._run("delete_many", {"where": where})


class Client:
    """An async Prisma-style client over one adapter.

    Args:
        schema: a parsed `Schema`, the text of a schema, or a path to `schema.prisma`.
        url: database URL; default: the schema's datasource URL (`env("DATABASE_URL")`).
        adapter: an adapter instance to use instead of one made from the URL.
        adapter_options: keyword arguments for the adapter made from the URL, e.g.
            `{"endpoint": "http://127.0.0.1:4444/sql"}` for a local Neon endpoint.
    """

    def __init__(self, schema: Schema | str | os.PathLike[str], *, url: str | None = None, adapter: Adapter | None = None,
                 adapter_options: Mapping[str, Any] | None = None, plan_cache_size: int = 512) -> None:
        self.schema = _load_schema(schema)
        self.plan_cache = PlanCache(plan_cache_size)
        self._url = url
        self._adapter_options = dict(adapter_options or {})
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
            url = self._url or self._schema_url()
            self._adapter = adapter_for_url(url, self.schema, **self._adapter_options)
        return self._adapter

    def _schema_url(self) -> str:
        ds = self.schema.datasource
        if ds is not None and ds.url:
            return ds.url
        var = ds.url_env if ds is not None and ds.url_env else "DATABASE_URL"
        value = os.environ.get(var)
        if not value:
            raise ClientError(f"no database URL: pass url=... or set the environment variable {var}")
        return value

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
        plan, values = compile_query(self.schema, model.name, action, args, adapter.dialect, self.plan_cache)
        try:
            return await execute_plan(conn or adapter, plan, values, in_transaction=conn is not None)
        except KnownRequestError as e:
            _translate_fields(e, model)
            raise

    # ---- raw SQL ------------------------------------------------------------------------

    async def query_raw(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        """Run a SELECT written in the database's own SQL; values are bound, never interpolated."""
        from ..fetch_adapters.base import Query
        from .codec import raw_value

        rs = await self.adapter.query(Query(sql, tuple(raw_value(p, self.adapter.dialect) for p in params)))
        return [dict(zip(rs.columns, row, strict=False)) for row in rs.rows]

    async def query_first(self, sql: str, *params: Any) -> dict[str, Any] | None:
        rows = await self.query_raw(sql, *params)
        return rows[0] if rows else None

    async def execute_raw(self, sql: str, *params: Any) -> int:
        """Run a statement; returns the number of rows it changed."""
        from ..fetch_adapters.base import Query
        from .codec import raw_value

        rs = await self.adapter.query(Query(sql, tuple(raw_value(p, self.adapter.dialect) for p in params)))
        return rs.rows_affected

    async def close(self) -> None:
        if self._adapter is not None:
            await self._adapter.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def _translate_fields(e: KnownRequestError, model: Model) -> None:
    """Database column / constraint names in an error -> the schema's field names."""
    if not isinstance(e, UniqueConstraintError):
        return
    target = e.meta.get("target") or ()
    if isinstance(target, str):
        target = (target,)
    by_column = {f.db_name: f.name for f in model.fields}
    out: list[str] = []
    for t in target:
        if t in by_column:
            out.append(by_column[t])
            continue
        for u in model.uniques:  # a constraint/index name, e.g. User_email_key
            default = f"{model.db_name}_{'_'.join(model.field(n).db_name for n in u.fields if model.field(n))}_key"
            if t in (u.db_name, default, u.name):
                out.extend(u.fields)
                break
        else:
            out.append(t)
    e.meta["target"] = tuple(out)
    e.message = f"Unique constraint failed on the fields: ({', '.join(out)})"
    e.args = (e.message,)
