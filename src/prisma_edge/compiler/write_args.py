"""Validate write arguments (create / update / upsert / delete and their *_many forms) into IR.

Client-side defaults are generated here, on every call, exactly where Prisma's engine computes
them: `uuid()`, `cuid()`, `now()` and `@updatedAt`. Database defaults (`autoincrement()`,
literals, `dbgenerated`) are left to the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from ..fields import DbNull
from ..schema.model import Field, Model, Schema
from . import ir
from .args import ArgParser, _join
from .idgen import new_cuid, new_cuid2, new_nanoid, new_ulid, new_uuid

NUMBER_OPS = ("set", "increment", "decrement", "multiply", "divide")
NESTED_WRITE_KEYS = {
    "create", "create_many", "createMany", "connect", "connect_or_create", "connectOrCreate",
    "disconnect", "set", "update", "update_many", "updateMany", "upsert", "delete", "delete_many", "deleteMany",
}


def client_default(f: Field, now: dt.datetime) -> tuple[bool, Any]:
    """(True, value) when Prisma computes `f`'s default in the client, else (False, None)."""
    d = f.default
    if d is None:
        return False, None
    if d.kind == "uuid":
        return True, new_uuid(int(d.args[0]) if d.args else 4)
    if d.kind == "cuid":
        return True, new_cuid2() if d.args and int(d.args[0]) == 2 else new_cuid()
    if d.kind == "nanoid":
        return True, new_nanoid(int(d.args[0]) if d.args else 21)
    if d.kind == "ulid":
        return True, new_ulid()
    if d.kind == "now":
        return True, now
    return False, None


class WriteParser(ArgParser):
    def scalar_selection(self, model: Model, args: Mapping[str, Any]) -> ir.Selection:
        """The selection of a *_and_return operation: scalar fields only (Prisma's rule too)."""
        sel = self.selection(model, args, "")
        if sel.relations or sel.counts:
            self.fail("select" if args.get("select") else "include", "`*_and_return` operations return scalar fields only")
        return sel

    def nested_unsupported(self, f: Field, val: Any, path: str) -> None:
        keys = ", ".join(f"`{k}`" for k in val) if isinstance(val, Mapping) else repr(val)
        fk = f.relation.fields if f.relation else ()
        hint = f" Set the foreign key {', '.join(f'`{x}`' for x in fk)} directly instead." if fk else ""
        self.fail(path, f"nested writes on relation `{f.name}` ({keys}) are not supported yet.{hint}")

    def limited(self, where: ir.Cond | None, limit: Any) -> ir.Cond | None:
        """`limit` of update_many / delete_many (Prisma 6): at most that many rows."""
        if limit is None:
            return where
        n = self.int_arg(limit, "limit", minimum=0)
        return where if n is None else ir.Limited(where, self.slot(n, "Int"))

    def scalar_items(self, model: Model, obj: Mapping[str, Any], path: str, nested: bool) -> Iterator[tuple[Field, str, Any, str]]:
        """(field, name, value, path) for the scalar fields in write data; relation fields are left
        to the nested-write parser (`nested`) or refused."""
        for key, val in obj.items():
            f = self.field(model, key, path)
            if f is None:
                continue
            p = _join(path, key)
            if f.kind == "object":
                if not nested:
                    self.nested_unsupported(f, val, p)
                continue
            yield f, key, val, p

    def create_values(self, model: Model, data: Any, path: str, now: dt.datetime, *, nested: bool = False,
                      implied: frozenset[str] = frozenset()) -> tuple[ir.Assign, ...]:
        """Scalar values of a create. `implied`: foreign keys a relation write will fill in."""
        obj = self.mapping(data, path)
        if obj is None:
            return ()
        out: list[ir.Assign] = []
        given: set[str] = set(implied)
        for f, key, val, p in self.scalar_items(model, obj, path, nested):
            if key in implied:
                self.fail(p, f"`{key}` is set by a relation write in the same data; give one or the other")
                continue
            given.add(key)
            if val is DbNull and f.type == "Json":
                val = None
            if val is None:
                if f.is_required:
                    self.fail(p, f"field `{key}` is required and cannot be null")
                out.append(ir.Assign(key, "set", None))
                continue
            if f.is_list and isinstance(val, Mapping) and set(val) == {"set"}:
                val = val["set"]
            out.append(ir.Assign(key, "set", self.slot_for(f, val, p)))
        for f in model.fields:
            if f.kind == "object" or f.name in given:
                continue
            generated, value = client_default(f, now)
            if not generated and f.is_updated_at:
                generated, value = True, now
            if generated:
                out.append(ir.Assign(f.name, "set", self.slot_for(f, value, _join(path, f.name))))
            elif f.is_required and f.default is None and not f.is_list:
                self.fail(path, f"missing required field `{f.name}` ({f.type}) on model `{model.name}`: A value is required but not set")
        return tuple(out)

    def update_values(self, model: Model, data: Any, path: str, now: dt.datetime, *, nested: bool = False) -> tuple[ir.Assign, ...]:
        obj = self.mapping(data, path)
        if obj is None:
            return ()
        out: list[ir.Assign] = []
        for f, key, val, p in self.scalar_items(model, obj, path, nested):
            op, v = "set", val
            if isinstance(val, Mapping) and f.type != "Json":
                if len(val) != 1:
                    self.fail(p, f"expected exactly one of {', '.join(NUMBER_OPS if f.type in ('Int', 'BigInt', 'Float', 'Decimal') else ('set',))}")
                    continue
                op, v = next(iter(val.items()))
                allowed = ("set", "push") if f.is_list else NUMBER_OPS if f.type in ("Int", "BigInt", "Float", "Decimal") else ("set",)
                if op not in allowed:
                    self.fail(_join(p, str(op)), f"unknown operation `{op}` for {f.type} field; expected one of {', '.join(allowed)}")
                    continue
                p = _join(p, op)
            if v is None:
                if op != "set":
                    self.fail(p, f"`{op}` needs a number, not null")
                elif f.is_required:
                    self.fail(p, f"field `{key}` is required and cannot be set to null")
                out.append(ir.Assign(key, "set", None))
                continue
            if v is DbNull and f.type == "Json":
                out.append(ir.Assign(key, "set", None))
                continue
            if op == "push" and not isinstance(v, list | tuple):
                v = [v]  # push one element or several
            out.append(ir.Assign(key, op, self.slot_for(f, v, p)))
        given = {a.field for a in out}
        for f in model.fields:
            if f.is_updated_at and f.name not in given:
                out.append(ir.Assign(f.name, "set", self.slot_for(f, now, _join(path, f.name))))
        return tuple(out)


def _now() -> dt.datetime:
    n = dt.datetime.now(dt.UTC)
    return n.replace(microsecond=n.microsecond // 1000 * 1000)


def parse_write(schema: Schema, model: Model, action: str, args: Mapping[str, Any]) -> tuple[ir.Operation, list[Any]]:
    """Parse create / create_many / update / update_many / upsert / delete / delete_many."""
    p = WriteParser(schema, model, action)
    now = _now()
    op: ir.Operation
    sel_keys = ("select", "include", "omit")
    from .nested_args import NestedParser, has_relation_writes

    if action == "upsert":
        data = args.get("data") if isinstance(args.get("data"), Mapping) else {}
        create_arg, update_arg = data.get("create", args.get("create")), data.get("update", args.get("update"))
        if has_relation_writes(model, create_arg) or has_relation_writes(model, update_arg):
            p = NestedParser(schema, model, action)
            p.check_keys(args, ("where", "data", "create", "update", *sel_keys), "")
            base = "data." if "data" in args else ""
            where = p.unique_where(model, args.get("where"), "where")
            root = p.create_tree(model, create_arg or {}, f"{base}create", now)
            update_tree = p.update_tree(model, update_arg or {}, f"{base}update", now)
            sel = p.selection(model, args, "")
            p.raise_if_problems()
            return ir.NestedWrite(model.name, "upsert", root, where, sel, update_tree), p.values
    if action in ("create", "update") and has_relation_writes(model, args.get("data")):
        p = NestedParser(schema, model, action)
        p.check_keys(args, ("data", *sel_keys) if action == "create" else ("where", "data", *sel_keys), "")
        if action == "create":
            root = p.create_tree(model, args["data"], "data", now)
            where = None
        else:
            where = p.unique_where(model, args.get("where"), "where")
            root = p.update_tree(model, args["data"], "data", now)
        sel = p.selection(model, args, "")
        p.raise_if_problems()
        return ir.NestedWrite(model.name, action, root, where, sel), p.values
    if action == "create":
        p.check_keys(args, ("data", *sel_keys), "")
        if "data" not in args:
            p.fail("data", "create needs `data`")
        values = p.create_values(model, args.get("data", {}), "data", now)
        op = ir.Create(model.name, values, p.selection(model, args, ""))
    elif action in ("create_many", "create_many_and_return"):
        returning = action == "create_many_and_return"
        p.check_keys(args, ("data", "skip_duplicates", "skipDuplicates", *(sel_keys if returning else ())), "")
        rows_in = args.get("data")
        if not isinstance(rows_in, list | tuple):
            p.fail("data", "create_many needs `data` as a list of objects")
            rows_in = []
        parsed = [p.create_values(model, r, _join("data", i), now) for i, r in enumerate(rows_in)]
        # Rows that give different columns go in different INSERTs, so database defaults apply.
        groups: dict[tuple[str, ...], list[tuple[ir.Slot | None, ...]]] = {}
        for row in parsed:
            groups.setdefault(tuple(a.field for a in row), []).append(tuple(a.value for a in row))
        skip = bool(args.get("skip_duplicates", args.get("skipDuplicates", False)))
        op = ir.CreateMany(model.name, tuple((cols, tuple(rows)) for cols, rows in groups.items()), skip,
                           p.scalar_selection(model, args) if returning else None)
    elif action == "update":
        p.check_keys(args, ("where", "data", *sel_keys), "")
        where = p.unique_where(model, args.get("where"), "where")
        op = ir.Update(model.name, where, p.update_values(model, args.get("data", {}), "data", now), p.selection(model, args, ""))
    elif action in ("update_many", "update_many_and_return"):
        returning = action == "update_many_and_return"
        p.check_keys(args, ("where", "data", "limit", *(sel_keys if returning else ())), "")
        where = p.limited(p.where(model, args.get("where"), "where"), args.get("limit"))
        op = ir.UpdateMany(model.name, where, p.update_values(model, args.get("data", {}), "data", now),
                           p.scalar_selection(model, args) if returning else None)
    elif action == "upsert":
        p.check_keys(args, ("where", "data", "create", "update", *sel_keys), "")
        data = args.get("data")
        if data is not None:
            d = p.mapping(data, "data") or {}
            p.check_keys(d, ("create", "update"), "data")
            create, update = d.get("create"), d.get("update", {})
            base = "data."
        else:
            create, update, base = args.get("create"), args.get("update", {}), ""
        if create is None:
            p.fail(f"{base}create", "upsert needs `create` data")
        where = p.unique_where(model, args.get("where"), "where")
        op = ir.Upsert(
            model.name,
            where,
            p.create_values(model, create or {}, f"{base}create", now),
            p.update_values(model, update, f"{base}update", now),
            p.selection(model, args, ""),
        )
    elif action == "delete":
        p.check_keys(args, ("where", *sel_keys), "")
        op = ir.Delete(model.name, p.unique_where(model, args.get("where"), "where"), p.selection(model, args, ""))
    elif action == "delete_many":
        p.check_keys(args, ("where", "limit"), "")
        op = ir.DeleteMany(model.name, p.limited(p.where(model, args.get("where"), "where"), args.get("limit")))
    else:  # pragma: no cover - the client only calls known actions
        raise ValueError(action)
    p.raise_if_problems()
    return op, p.values

