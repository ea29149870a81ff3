"""Prisma JSON-protocol requests -> calls of prisma-edge's public API.

A request `{"modelName": "User", "action": "findMany", "query": {"arguments": {...},
"selection": {...}}}` becomes `Call(method="find_many", kwargs={"where": ..., "order": ...,
"select": ...})`, run later as `await db.User.find_many(**kwargs)`. Raw requests become
`db.query_raw(sql, *params)` / `db.execute_raw(sql, *params)`.

Values are decoded as the engine decodes them, by the schema's field types: `{"$type":
"DateTime", "value": ...}` and the plain forms the kit sends (an ISO string in a DateTime position,
a numeric string for a BigInt, base64 text for Bytes) become `datetime`, `int`, `Decimal`, `bytes`.
A plain value that does not parse is passed through unchanged, so the library sees (and must
reject) exactly what the engine would have rejected. A plain `null` written to a Json field is
the Json value null for the engine (the kit's `json: null`; SQL NULL is `DbNull`), so it becomes
`prisma_edge.fields.JsonNull`; our `None` means SQL NULL. Only spelling is translated here; whether
the library supports an argument is for the library to say.

`Untranslatable` means the request has no spelling in our public API at all (e.g. field
references, `JsonNull`); it is counted as a failure of the record, with that reason.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from prisma_edge.schema.model import Field, Model, Schema

# JSON-protocol action -> (our delegate method, the engine's response key with {} for the model)
ACTIONS: dict[str, tuple[str, str]] = {
    "findMany": ("find_many", "findMany{}"),
    "findUnique": ("find_unique", "findUnique{}"),
    "findUniqueOrThrow": ("find_unique_or_raise", "findUnique{}OrThrow"),
    "findFirst": ("find_first", "findFirst{}"),
    "findFirstOrThrow": ("find_first_or_raise", "findFirst{}OrThrow"),
    "createOne": ("create", "createOne{}"),
    "createMany": ("create_many", "createMany{}"),
    "createManyAndReturn": ("create_many_and_return", "createMany{}AndReturn"),
    "updateOne": ("update", "updateOne{}"),
    "updateMany": ("update_many", "updateMany{}"),
    "updateManyAndReturn": ("update_many_and_return", "updateMany{}AndReturn"),
    "upsertOne": ("upsert", "upsertOne{}"),
    "deleteOne": ("delete", "deleteOne{}"),
    "deleteMany": ("delete_many", "deleteMany{}"),
    "aggregate": ("aggregate", "aggregate{}"),
    "groupBy": ("group_by", "groupBy{}"),
}
RAW_ACTIONS = {"queryRaw": "query_raw", "executeRaw": "execute_raw"}
# Actions whose response is `{"count": n}` (our API returns the int).
COUNT_ACTIONS = {"createMany", "updateMany", "deleteMany"}
# Prisma argument name -> our keyword (camelCase filter names inside are accepted as they are).
ARG_NAMES = {"orderBy": "order", "skipDuplicates": "skip_duplicates"}
AGGREGATES = ("_count", "_sum", "_avg", "_min", "_max")
# Filter operators whose operand is a value of the field's type.
VALUE_OPS = {"equals", "lt", "lte", "gt", "gte", "contains", "startsWith", "endsWith", "has", "search",
             "string_contains", "string_starts_with", "string_ends_with",
             "array_contains", "array_starts_with", "array_ends_with"}
LIST_OPS = {"in", "notIn", "hasSome", "hasEvery"}
WRITE_OPS = {"set", "increment", "decrement", "multiply", "divide", "push", "unset"}
RELATION_FILTERS = {"some", "every", "none", "is", "isNot"}


class Untranslatable(Exception):
    """The request cannot be spelled with our public API (a spelling gap, not a missing feature)."""


@attrs.frozen
class Call:
    """One call of our public API, ready to run against a client or transaction client.

    `kind` is "model" (`db.<model>.<method>(**kwargs)`), "query_raw" or "execute_raw"
    (`db.<kind>(*args)`). `response_key` is the engine's key for the result in `data`.
    """

    kind: str
    action: str
    model: str | None
    method: str
    kwargs: dict[str, Any]
    args: tuple[Any, ...]
    response_key: str
    # groupBy `by` fields the request leaves out of its selection: our group_by (like Prisma
    # Client's) always returns every `by` field, so the runner drops these from each group.
    unselected: tuple[str, ...] = ()


@attrs.frozen
class BatchCall:
    """A JSON-protocol batch: each item a `Call` or the `Untranslatable` it raised."""

    items: tuple[Call | Untranslatable, ...]
    transaction: bool
    isolation: str | None


# ---- typed scalars ----------------------------------------------------------------------------


def is_tagged(v: Any) -> bool:
    return isinstance(v, dict) and "$type" in v and set(v) <= {"$type", "value"}


def parse_datetime(text: str) -> dt.datetime:
    t = text.strip()
    if t.endswith(("Z", "z")):
        t = t[:-1] + "+00:00"
    d = dt.datetime.fromisoformat(t)
    return d if d.tzinfo else d.replace(tzinfo=dt.UTC)


def decode_tagged(v: Mapping[str, Any]) -> Any:
    """`{"$type": T, "value": x}` -> the Python value our API takes."""
    t, x = v["$type"], v.get("value")
    try:
        if t == "DateTime":
            return parse_datetime(x)
        if t == "BigInt":
            return int(x)
        if t == "Decimal":
            return Decimal(str(x))
        if t == "Bytes":
            return base64.b64decode(x, validate=True)
        if t == "Json":
            return json.loads(x) if isinstance(x, str) else x
    except (ValueError, TypeError, InvalidOperation, binascii.Error):
        return x  # malformed: let the library reject the raw value
    if t == "Enum":
        if x in ("DbNull", "JsonNull", "AnyNull"):
            fields = _fields()
            if fields is not None:
                return getattr(fields, x)
            if x == "DbNull":
                return None  # without prisma_edge.fields, None is how our API spells SQL NULL
            raise Untranslatable(f"no Python spelling for Prisma's {x} (Json null vs SQL NULL)")
        return x
    if t == "FieldRef":
        fields = _fields()
        ref = x.get("_ref") if isinstance(x, dict) else None
        if fields is None or not isinstance(ref, str):
            raise Untranslatable("field references ($type FieldRef) have no spelling in our API")
        return fields.FieldRef(ref)  # `_container` is always the filtered model itself
    raise Untranslatable(f"typed value $type={t}")


def _fields() -> Any:
    """`prisma_edge.fields` (FieldRef, DbNull, JsonNull, AnyNull) when the library has it."""
    try:
        import prisma_edge.fields as fields
    except ImportError:
        return None
    return fields


def tags(v: Any) -> Any:
    """Decode typed scalars anywhere inside `v` (positions whose field type is unknown)."""
    if is_tagged(v):
        return decode_tagged(v)
    if isinstance(v, dict):
        return {k: tags(x) for k, x in v.items()}
    if isinstance(v, list):
        return [tags(x) for x in v]
    return v


def plain(type_name: str | None, v: Any) -> Any:
    """One value of scalar type `type_name`, tagged or in the plain form the kit sends."""
    if is_tagged(v):
        return decode_tagged(v)
    if type_name == "Json":
        return tags(v)
    try:
        if type_name == "DateTime" and isinstance(v, str):
            return parse_datetime(v)
        if type_name == "BigInt" and isinstance(v, str):
            return int(v)
        if type_name == "Decimal" and isinstance(v, str | int | float) and not isinstance(v, bool):
            return Decimal(str(v))
        if type_name == "Bytes" and isinstance(v, str):
            return base64.b64decode(v, validate=True)
    except (ValueError, InvalidOperation, binascii.Error):
        return v
    return tags(v)


def scalar(f: Field, v: Any) -> Any:
    """A value for field `f` (a scalar list takes a list, or one element for `push`)."""
    t = f.type if f.kind == "scalar" else None
    if f.is_list and isinstance(v, list):
        return [plain(t, x) for x in v]
    return plain(t, v)


# ---- argument walkers -------------------------------------------------------------------------


class Translator:
    """Walks one request's arguments with the schema, model by model."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema

    def model(self, name: str) -> Model:
        m = self.schema.model(name)
        if m is None:
            raise Untranslatable(f"model {name} is not in the parsed schema")
        return m

    @staticmethod
    def many(x: Any, fn: Callable[[Any], Any]) -> Any:
        return [fn(i) for i in x] if isinstance(x, list) else fn(x)

    @staticmethod
    def keyed(x: Any, fns: Mapping[str, Callable[[Any], Any]]) -> Any:
        if not isinstance(x, dict):
            return tags(x)
        return {k: (fns[k](v) if k in fns else tags(v)) for k, v in x.items()}

    # -- filters --

    def where(self, model: Model, obj: Any) -> Any:
        if not isinstance(obj, dict) or is_tagged(obj):
            return tags(obj)
        out: dict[str, Any] = {}
        for k, v in obj.items():
            if k in ("AND", "OR", "NOT"):
                out[k] = self.many(v, lambda w: self.where(model, w))
                continue
            f = model.field(k)
            if f is None:
                compound = next((u for u in model.uniques if u.name == k and len(u.fields) > 1), None)
                if compound is not None and isinstance(v, dict):
                    out[k] = {ik: scalar(fi, iv) if (fi := model.field(ik)) else tags(iv) for ik, iv in v.items()}
                else:
                    out[k] = tags(v)
            elif f.kind == "object":
                out[k] = self.relation_filter(f, v)
            else:
                out[k] = self.scalar_filter(f, v)
        return out

    def relation_filter(self, f: Field, v: Any) -> Any:
        target = self.model(f.type)
        if isinstance(v, dict) and v and set(v) <= RELATION_FILTERS:
            return {k: (None if w is None else self.where(target, w)) for k, w in v.items()}
        return self.where(target, v) if v is not None else None

    def scalar_filter(self, f: Field, v: Any) -> Any:
        if not isinstance(v, dict) or is_tagged(v):
            return scalar(f, v)
        t = f.type if f.kind == "scalar" else None
        out: dict[str, Any] = {}
        for op, x in v.items():
            if op in LIST_OPS and isinstance(x, list):
                out[op] = [plain(t, i) for i in x]
            elif op == "not" and isinstance(x, dict) and not is_tagged(x) and t != "Json":
                out[op] = self.scalar_filter(f, x)
            elif op in ("not", "equals"):
                out[op] = scalar(f, x)
            elif op in VALUE_OPS:
                out[op] = plain(t, x)
            elif op in AGGREGATES:  # `having: {field: {_avg: {gt: 1}}}`
                out[op] = self.scalar_filter(f, x) if op != "_count" else tags(x)
            else:  # mode, path, isEmpty, isSet ...
                out[op] = tags(x)
        return out

    # -- writes --

    def data(self, model: Model, obj: Any) -> Any:
        if not isinstance(obj, dict) or is_tagged(obj):
            return tags(obj)
        out: dict[str, Any] = {}
        for k, v in obj.items():
            f = model.field(k)
            if f is None:
                out[k] = tags(v)
            elif f.kind == "object":
                out[k] = self.nested(f, v)
            elif isinstance(v, dict) and not is_tagged(v) and (f.is_list or f.type != "Json") and v and set(v) <= WRITE_OPS:
                out[k] = {op: scalar(f, x) for op, x in v.items()}
            elif v is None and f.type == "Json" and not f.is_list and (fields := _fields()) is not None:
                out[k] = fields.JsonNull  # the engine stores a plain null written to a Json field as Json null
            else:
                out[k] = scalar(f, v)
        return out

    def nested(self, f: Field, v: Any) -> Any:
        """A nested write on relation `f` (create, connect, connectOrCreate, update, upsert ...)."""
        if not isinstance(v, dict):
            return tags(v)
        target = self.model(f.type)

        def where(w: Any) -> Any:
            return self.where(target, w) if isinstance(w, dict) else w  # disconnect: true

        def data(d: Any) -> Any:
            return self.data(target, d)

        def update(u: Any) -> Any:
            if isinstance(u, dict) and "data" in u and set(u) <= {"where", "data"} and (
                    "where" in u or target.field("data") is None):
                return self.keyed(u, {"where": where, "data": data})
            return data(u)

        fns: dict[str, Callable[[Any], Any]] = {
            "create": lambda x: self.many(x, data),
            "createMany": lambda x: self.keyed(x, {"data": lambda d: self.many(d, data)}),
            "connect": lambda x: self.many(x, where),
            "set": lambda x: self.many(x, where),
            "disconnect": lambda x: self.many(x, where),
            "delete": lambda x: self.many(x, where),
            "deleteMany": lambda x: self.many(x, where),
            "connectOrCreate": lambda x: self.many(x, lambda c: self.keyed(c, {"where": where, "create": data})),
            "update": lambda x: self.many(x, update),
            "updateMany": lambda x: self.many(x, lambda u: self.keyed(u, {"where": where, "data": data})),
            "upsert": lambda x: self.many(x, lambda u: self.keyed(u, {"where": where, "create": data, "update": data})),
        }
        return self.keyed(v, fns)

    # -- selection --

    def window(self, model: Model, args: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in args.items():
            name = ARG_NAMES.get(k, k)
            if k in ("where", "cursor"):
                out[name] = self.where(model, v)
            else:
                out[name] = tags(v)
        return out

    def selection(self, model: Model, sel: Mapping[str, Any]) -> dict[str, Any]:
        """JSON-protocol selection -> our `select` (relations nest as {"select": ..., window args})."""
        out: dict[str, Any] = {}
        for k, v in sel.items():
            if k == "$scalars":
                if v:
                    out.update({f.name: True for f in model.scalar_fields})
                continue
            if k == "$composites":  # composite types are MongoDB-only; SQL models have none
                continue
            if not isinstance(v, dict):
                out[k] = v
                continue
            args, sub = v.get("arguments") or {}, v.get("selection") or {}
            if k == "_count":
                out[k] = {"select": self.count_selection(model, sub)}
                continue
            f = model.field(k)
            if f is None or f.kind != "object":
                if args or sub:
                    raise Untranslatable(f"selection of `{k}` with arguments/sub-selection on a non-relation")
                out[k] = True
                continue
            target = self.model(f.type)
            out[k] = {"select": self.selection(target, sub), **self.window(target, args)}
        return out

    def count_selection(self, model: Model, sub: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for rk, rv in sub.items():
            if not isinstance(rv, dict):
                out[rk] = rv
                continue
            f = model.field(rk)
            rargs = rv.get("arguments") or {}
            if not rargs:
                out[rk] = True
            elif f is not None and f.kind == "object":
                out[rk] = self.window(self.model(f.type), rargs)
            else:
                out[rk] = tags(rargs)
        return out

    # -- requests --

    def arguments(self, model: Model, action: str, args: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in args.items():
            name = ARG_NAMES.get(k, k)
            if k in ("where", "cursor", "having"):
                out[name] = self.where(model, v)
            elif k in ("data", "create", "update"):
                out[name] = self.many(v, lambda d: self.data(model, d)) if action.startswith("createMany") else self.data(model, v)
            else:
                out[name] = tags(v)
        return out

    def request(self, req: Mapping[str, Any]) -> Call:
        action = req.get("action")
        query = req.get("query") or {}
        args = query.get("arguments") or {}
        if action in RAW_ACTIONS:
            params = args.get("parameters", [])
            if isinstance(params, str):
                params = json.loads(params)
            decoded = tuple(raw_param(p) for p in params)
            return Call(RAW_ACTIONS[action], action, None, RAW_ACTIONS[action], {}, (args.get("query"), *decoded), action)
        if action not in ACTIONS:
            raise Untranslatable(f"JSON-protocol action `{action}` has no counterpart in our API")
        model = self.model(req.get("modelName") or "")
        method, key = ACTIONS[action]
        kwargs = self.arguments(model, action, args)
        sel = query.get("selection") or {}
        if action in COUNT_ACTIONS:
            pass  # our API returns the count whatever the selection asks (the judge compares what comes back)
        elif action in ("aggregate", "groupBy"):
            by_arg = kwargs.get("by") or ()
            by = {by_arg} if isinstance(by_arg, str) else set(by_arg) if action == "groupBy" else set()
            for k, v in sel.items():
                if k in AGGREGATES and isinstance(v, dict):
                    kwargs[k] = dict(v.get("selection") or {})
                elif k in by and v is True:
                    continue  # group_by returns its `by` fields
                else:
                    raise Untranslatable(f"{action} selection `{k}` (only aggregates and `by` fields are spelled)")
            unselected = tuple(sorted(b for b in by if sel.get(b) is not True))
            return Call("model", action, model.name, method, kwargs, (), key.format(model.name), unselected)
        else:
            kwargs["select"] = self.selection(model, sel)
        return Call("model", action, model.name, method, kwargs, (), key.format(model.name))


def raw_param(p: Any) -> Any:
    """The kit's raw-query parameter encoding (`prisma__type` / `prisma__value`) -> Python."""
    if isinstance(p, list):
        return [raw_param(x) for x in p]
    if not (isinstance(p, dict) and "prisma__type" in p):
        return p
    t, v = p["prisma__type"], p.get("prisma__value")
    if v is None:
        return None
    if t == "bigint":
        return int(v)
    if t == "decimal":
        return Decimal(str(v))
    if t == "bytes":
        return base64.b64decode(v)
    if t == "date":
        return parse_datetime(v)
    if t == "json":
        return json.loads(v) if isinstance(v, str) else v
    if t == "array":
        return [raw_param(x) for x in v]
    raise Untranslatable(f"raw parameter type {t}")


def translate(schema: Schema, request: Mapping[str, Any]) -> Call | BatchCall:
    """One JSON-protocol request (or batch) -> `Call` / `BatchCall`. Raises `Untranslatable`."""
    tr = Translator(schema)
    if "batch" in request:
        items: list[Call | Untranslatable] = []
        for r in request["batch"]:
            try:
                items.append(tr.request(r))
            except Untranslatable as e:
                items.append(e)
        txn = request.get("transaction")
        iso = txn.get("isolationLevel") if isinstance(txn, dict) else None
        return BatchCall(tuple(items), txn is not None, iso)
    return tr.request(request)


__all__ = ["ACTIONS", "BatchCall", "Call", "Translator", "Untranslatable", "decode_tagged", "raw_param", "translate"]
