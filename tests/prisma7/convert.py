"""Scenario steps in Prisma's spelling -> calls of prisma-edge's public API, and typed values.

A step `{"model": "User", "action": "findMany", "args": {"where": ..., "orderBy": ...}}` becomes
`await db.User.find_many(where=..., order=...)`. Only spelling is translated here (the README's API
table): action names, top-level argument names (`orderBy` -> `order`, `skipDuplicates` ->
`skip_duplicates`), and Prisma's camelCase operator / nested-write names inside the arguments
(`notIn` -> `not_in`, `startsWith` -> `startswith`, `isNot` -> `is_not`, `connectOrCreate` ->
`connect_or_create`, `orderBy` -> `order` inside include/select ...). Keys are renamed only where
they are not a field name of the schema, and nothing is renamed inside a Json field's value.
Whether prisma-edge supports what is asked is for prisma-edge to answer.

Typed values (`{"$type": T, "value": x}`) decode to the Python values our API takes and returns:
DateTime -> aware UTC `datetime`, Decimal -> `Decimal`, BigInt -> `int`, Bytes -> `bytes` (value
base64), Json -> the value as it is, DbNull / JsonNull / AnyNull -> `prisma_edge.DbNull` ...,
FieldRef -> `prisma_edge.FieldRef(field)`, Undefined -> the key is left out.
"""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from prisma_edge import AnyNull, DbNull, FieldRef, JsonNull

# Prisma's model action -> prisma-edge's delegate method
ACTIONS: dict[str, str] = {
    "findUnique": "find_unique",
    "findUniqueOrThrow": "find_unique_or_raise",
    "findFirst": "find_first",
    "findFirstOrThrow": "find_first_or_raise",
    "findMany": "find_many",
    "create": "create",
    "createMany": "create_many",
    "createManyAndReturn": "create_many_and_return",
    "update": "update",
    "updateMany": "update_many",
    "updateManyAndReturn": "update_many_and_return",
    "upsert": "upsert",
    "delete": "delete",
    "deleteMany": "delete_many",
    "count": "count",
    "aggregate": "aggregate",
    "groupBy": "group_by",
}
# Prisma answers `{count: n}` for these; prisma-edge returns n.
COUNT_RESULT = {"createMany", "updateMany", "deleteMany"}
# top-level argument names
TOP_ARGS = {"orderBy": "order", "skipDuplicates": "skip_duplicates"}
# camelCase names anywhere inside the arguments (never a field name: see `Converter.rename`)
INNER_NAMES = {
    "orderBy": "order",
    "notIn": "not_in",
    "startsWith": "startswith",
    "endsWith": "endswith",
    "isNot": "is_not",
    "hasEvery": "has_every",
    "hasSome": "has_some",
    "isEmpty": "is_empty",
    "connectOrCreate": "connect_or_create",
    "createMany": "create_many",
    "updateMany": "update_many",
    "deleteMany": "delete_many",
    "skipDuplicates": "skip_duplicates",
}


class Untranslatable(Exception):
    """The step has no spelling in prisma-edge's public API."""


def parse_datetime(text: str) -> dt.datetime:
    t = text.strip()
    if t.endswith(("Z", "z")):
        t = t[:-1] + "+00:00"
    d = dt.datetime.fromisoformat(t)
    return d if d.tzinfo else d.replace(tzinfo=dt.UTC)


_OMIT = object()


def decode_typed(v: dict[str, Any]) -> Any:
    """One `{"$type": ...}` value -> Python (`_OMIT` for Undefined)."""
    t, x = v["$type"], v.get("value")
    if t == "DateTime":
        return parse_datetime(x)
    if t == "Decimal":
        return Decimal(str(x))
    if t == "BigInt":
        return int(x)
    if t == "Bytes":
        return base64.b64decode(x)
    if t == "Json":
        return x
    if t == "Float":  # NaN / Infinity, which JSON cannot spell
        return float(x)
    if t == "DbNull":
        return DbNull
    if t == "JsonNull":
        return JsonNull
    if t == "AnyNull":
        return AnyNull
    if t == "FieldRef":
        return FieldRef(v["field"])
    if t == "Undefined":
        return _OMIT
    raise ValueError(f"unknown $type {t!r}")


def is_typed(v: Any) -> bool:
    return isinstance(v, dict) and isinstance(v.get("$type"), str)


def decode_values(v: Any) -> Any:
    """Typed values anywhere inside `v` -> Python (results and raw parameters: no renaming)."""
    if is_typed(v):
        return decode_typed(v)
    if isinstance(v, list):
        return [decode_values(x) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            d = decode_values(x)
            if d is not _OMIT:
                out[k] = d
        return out
    return v


@attrs.frozen
class Call:
    """`await db.<model>.<method>(**kwargs)`, or a raw/batch/transaction call (`kind`)."""

    kind: str  # "model" | "batch" | "query_raw" | "execute_raw" | "interactive"
    model: str | None = None
    action: str | None = None
    method: str | None = None
    kwargs: dict[str, Any] = attrs.field(factory=dict)
    params: tuple[Any, ...] = ()
    sql: str | None = None
    items: tuple[Call, ...] = ()
    rollback: bool = False
    isolation: str | None = None  # Prisma's isolation level names, which prisma-edge shares
    timeout: float | None = None  # seconds (Prisma's `timeout` is in milliseconds)


class Converter:
    """Converts steps for one schema. `field_names`: every field name of the schema (never renamed);
    `json_fields`: names of Json fields (their values are copied as they are)."""

    def __init__(self, field_names: set[str], json_fields: set[str]) -> None:
        self.field_names = field_names
        self.json_fields = json_fields

    @classmethod
    def for_schema(cls, schema: Any) -> Converter:
        names, jsons = set(), set()
        for m in schema.models:
            for f in m.fields:
                names.add(f.name)
                if f.type == "Json":
                    jsons.add(f.name)
        return cls(names, jsons)

    def rename(self, key: str) -> str:
        if key in self.field_names:
            return key
        return INNER_NAMES.get(key, key)

    def value(self, v: Any, *, verbatim: bool = False) -> Any:
        if is_typed(v):
            return decode_typed(v)
        if isinstance(v, list):
            return [x for x in (self.value(i, verbatim=verbatim) for i in v) if x is not _OMIT]
        if isinstance(v, dict):
            out: dict[str, Any] = {}
            for k, x in v.items():
                inner = verbatim or k in self.json_fields
                d = self.value(x, verbatim=inner)
                if d is not _OMIT:
                    out[k if verbatim else self.rename(k)] = d
            return out
        return v

    def step(self, step: dict[str, Any]) -> Call:
        action = step["action"]
        if action == "$transaction":
            items = tuple(self.step(s) for s in step["batch"])
            return Call("batch", items=items, isolation=step.get("isolationLevel"))
        if action == "$interactive":
            timeout = step["timeout"] / 1000 if step.get("timeout") else None
            return Call("interactive", items=tuple(self.step(s) for s in step["steps"]), rollback=bool(step.get("rollback")),
                        isolation=step.get("isolationLevel"), timeout=timeout)
        if action in ("$queryRaw", "$executeRaw"):
            kind = "query_raw" if action == "$queryRaw" else "execute_raw"
            return Call(kind, sql=step["sql"], params=tuple(decode_values(step.get("params", []))))
        method = ACTIONS.get(action)
        if method is None:
            raise Untranslatable(f"action {action}")
        args = step.get("args") or {}
        if not isinstance(args, dict):
            raise Untranslatable("arguments that are not an object")
        kwargs: dict[str, Any] = {}
        for k, v in args.items():
            name = TOP_ARGS.get(k, k)
            d = self.value(v)
            if d is not _OMIT:
                kwargs[name] = d
        return Call("model", model=step["model"], action=action, method=method, kwargs=kwargs)


async def run_call(db: Any, call: Call) -> Any:
    """Run a converted call on a client (or a transaction's client); returns the result in
    Prisma's shape (`{"count": n}` for the *Many writes)."""
    if call.kind == "model":
        result = await _operation(db, call)
        return {"count": result} if call.action in COUNT_RESULT and isinstance(result, int) else result
    if call.kind == "query_raw":
        return await db.query_raw(call.sql, *call.params)
    if call.kind == "execute_raw":
        return await db.execute_raw(call.sql, *call.params)
    if call.kind == "batch":
        ops = []
        for item in call.items:
            if item.kind != "model":
                raise Untranslatable("a raw query inside a $transaction batch")
            ops.append(_operation(db, item))
        results = await (db.batch(ops, isolation=call.isolation) if call.isolation else db.batch(ops))
        return [{"count": r} if it.action in COUNT_RESULT and isinstance(r, int) else r
                for it, r in zip(call.items, results, strict=True)]
    if call.kind == "interactive":
        out: list[Any] = []
        try:
            opts = {k: v for k, v in (("isolation", call.isolation), ("timeout", call.timeout)) if v is not None}
            async with db.tx(**opts) as tx:
                for item in call.items:
                    out.append(await run_call(tx, item))
                if call.rollback:
                    raise _Rollback
        except _Rollback:
            raise RollbackRequested(ROLLBACK_MESSAGE) from None
        return out
    raise ValueError(call.kind)


ROLLBACK_MESSAGE = "rollback requested by the scenario"  # the recorder's words


class _Rollback(Exception):
    pass


class RollbackRequested(Exception):
    """The scenario's interactive transaction threw on purpose (Prisma's answer: the same)."""


def _operation(db: Any, call: Call) -> Any:
    """The unawaited operation (prisma-edge's operations, like Prisma's, run when awaited)."""
    delegate = getattr(db, call.model)
    return getattr(delegate, call.method)(**call.kwargs)
