"""Validate write arguments (create / update / upsert / delete and their *_many forms) into IR.

Client-side defaults are generated here, on every call, exactly where Prisma's engine computes
them: `uuid()`, `cuid()`, `now()` and `@updatedAt`. Database defaults (`autoincrement()`,
literals, `dbgenerated`) are left to the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from ...fields import DbNull
from ...schema.model import Field, Model
from .. import ir
from .ids import new_cuid, new_cuid2, new_nanoid, new_ulid, new_uuid
from .prisma_text import invalid_value, is_missing, must_not_be_null, unknown_argument
from .reads import ArgParser, _join

NUMBER_OPS = ("set", "increment", "decrement", "multiply", "divide")
NESTED_WRITE_KEYS = {
    "create", "create_many", "createMany", "connect", "connect_or_create", "connectOrCreate",
    "disconnect", "set", "update", "update_many", "updateMany", "upsert", "delete", "delete_many", "deleteMany",
}


# What a client-side default is while only the plan's shape matters (`parse(..., shape_only=True)`,
# compiling at import time): a value of the right type drawn from no entropy and no clock.
SHAPE_ONLY_NOW = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def client_default(f: Field, now: dt.datetime, *, shape_only: bool = False) -> tuple[bool, Any]:
    """(True, value) when Prisma computes `f`'s default in the client, else (False, None)."""
    d = f.default
    if d is None:
        return False, None
    if shape_only and d.kind in ("uuid", "cuid", "nanoid", "ulid"):
        return True, ""
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
    shape_only = False  # client-side defaults without entropy or clock (see SHAPE_ONLY_NOW)

    def scalar_selection(self, model: Model, args: Mapping[str, Any]) -> ir.Selection:
        """The selection of a *_and_return operation: scalar fields and the to-one relations whose
        foreign key this model holds (with their own nested selections); a list relation, a to-one
        relation held by the other side, or `_count` is refused, as Prisma does (its output type
        has only inline relations)."""
        sel = self.selection(model, args, "")
        many = [rs.field for rs in sel.relations if (f := model.field(rs.field)) is not None
                and (f.is_list or f.relation is None or not f.relation.holds_fk)]
        if many or sel.counts:
            key = "select" if args.get("select") else "include"
            given = args.get(key) if isinstance(args.get(key), Mapping) else {}
            names = [k for k in given if k in many] or ["_count"]
            what = "CreateMany" if self.action == "create_many_and_return" else "UpdateMany"
            prisma = (f"Unknown field `{names[0]}` for {key} statement on model `{what}{model.name}AndReturnOutputType`. "
                      "Available options are marked with ?.")
            self.fail(key, f"Field '{names[0]}' not found in enclosing type: `*_and_return` returns scalar fields "
                      "and the to-one relations whose foreign key this model holds", prisma)
        return sel

    def nested_unsupported(self, f: Field, val: Any, path: str) -> None:
        keys = ", ".join(f"`{k}`" for k in val) if isinstance(val, Mapping) else repr(val)
        fk = f.relation.fields if f.relation else ()
        hint = f" Set the foreign key {', '.join(f'`{x}`' for x in fk)} directly instead." if fk else ""
        many = self.action in ("create_many", "create_many_and_return", "update_many", "update_many_and_return")
        prisma = unknown_argument(f.name, ()) if many else None  # Prisma's *_many data has no relation fields
        self.fail(path, f"nested writes on relation `{f.name}` ({keys}) are not supported yet.{hint}", prisma)

    def limited(self, where: ir.Cond | None, limit: Any) -> ir.Cond | None:
        """`limit` of update_many / delete_many (Prisma 6): at most that many rows."""
        if limit is None:
            return where
        if isinstance(limit, int) and not isinstance(limit, bool) and limit < 0:
            self.fail("limit", f"must be >= 0, got {limit}", f"Input error. Provided limit ({limit}) must be a positive integer.")
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

    def checked_mix(self, model: Model, obj: Mapping[str, Any], path: str, skip: frozenset[str] = frozenset()) -> None:
        """Prisma's write data is checked (relation writes, no foreign keys, no autoincrement fields)
        or unchecked (foreign keys; only relations whose key this model does not hold). Data that
        writes a relation whose foreign key this model holds is checked: it cannot set a foreign key
        or an `Int @id @default(autoincrement())` too (Prisma's `is_auto_generated_int_id`: a BigInt
        autoincrement id stays writable). `skip`: keys refused elsewhere (a relation write fills them)."""
        inline = [k for k in obj if (f := model.field(k)) is not None and f.kind == "object" and f.relation is not None
                  and f.relation.holds_fk and f.relation.join_table is None]
        if not inline:
            return
        fks = {n: r.name for r in model.relation_fields if r.relation and r.relation.holds_fk for n in r.relation.fields}
        options = [f.name for f in model.fields if f.name not in fks]
        for key in obj:
            f = model.field(key)
            if f is None or f.kind == "object" or key in skip:
                continue
            if key in fks:
                self.fail(_join(path, key), f"`{key}` is a foreign key of relation `{fks[key]}` and this data also writes "
                          f"relation `{inline[0]}`: give relation writes or foreign keys, not both", unknown_argument(key, options))
            elif f.is_id and f.type == "Int" and f.default is not None and f.default.kind == "autoincrement":
                self.fail(_join(path, key), f"`{key}` is set by autoincrement() and cannot be given in data that writes "
                          f"relation `{inline[0]}` (give foreign keys instead of relation writes to set it)",
                          unknown_argument(key, options))

    def parent_keys(self, model: Model, data: Any, path: str, implied: frozenset[str]) -> None:
        """A nested update's data cannot set the foreign key that links the record to its parent
        (Prisma's nested update input types leave it out)."""
        if not implied or not isinstance(data, Mapping):
            return
        options = [f.name for f in model.fields if f.name not in implied]
        for key in data:
            if key in implied:
                self.fail(_join(path, key), f"`{key}` links the record to the parent of this nested write and cannot be set here",
                          unknown_argument(key, options))

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
                if f.is_required:
                    self.fail(p, "`DbNull` is not a valid `JsonNullValueInput` (the field is required)",
                              f"Invalid value for argument `{key}`. Expected JsonNullValueInput.")
                    continue
                val = None
            if val is None:
                if f.is_required:
                    self.fail(p, f"A value is required but not set: field `{key}` cannot be null", must_not_be_null(key))
                out.append(ir.Assign(key, "set", None))
                continue
            if f.is_list and isinstance(val, Mapping) and set(val) == {"set"}:
                val = val["set"]
            out.append(ir.Assign(key, "set", self.slot_for(f, val, p)))
        for f in model.fields:
            if f.kind == "object" or f.name in given:
                continue
            generated, value = client_default(f, now, shape_only=self.shape_only)
            if not generated and f.is_updated_at:
                generated, value = True, now
            if generated:
                out.append(ir.Assign(f.name, "set", self.slot_for(f, value, _join(path, f.name))))
            elif f.is_required and f.default is None and not f.is_list:
                self.fail(path, f"missing required field `{f.name}` ({f.type}) on model `{model.name}`: A value is required "
                          "but not set", is_missing(self.missing_name(model, f, given - implied, path)))
        return tuple(out)

    def missing_name(self, model: Model, f: Field, given: set[str], path: str) -> str:
        """The argument Prisma says is missing for the required field `f`: the relation whose
        foreign key it is, where Prisma checks the data as its checked create input (a create
        that sets no foreign key itself); else the field."""
        rel = next((r for r in model.fields if r.kind == "object" and r.relation is not None and r.relation.holds_fk
                    and f.name in r.relation.fields), None)
        if rel is None or self.action.startswith("create_many") or "create_many" in path.split("."):
            return f.name  # createMany's input is unchecked only
        fks = {n for r in model.fields if r.kind == "object" and r.relation is not None and r.relation.holds_fk
               for n in r.relation.fields}
        return f.name if given & fks else rel.name

    def update_values(self, model: Model, data: Any, path: str, now: dt.datetime, *, nested: bool = False) -> tuple[ir.Assign, ...]:
        obj = self.mapping(data, path)
        if obj is None:
            return ()
        out: list[ir.Assign] = []
        for f, key, val, p in self.scalar_items(model, obj, path, nested):
            op, v = "set", val
            if isinstance(val, Mapping) and (f.type != "Json" or f.is_list):  # Json[]: an object is an operation
                if len(val) != 1:
                    self.fail(p, f"expected exactly one of {', '.join(NUMBER_OPS if f.type in ('Int', 'BigInt', 'Float', 'Decimal') else ('set',))}",
                              invalid_value(p, [f.type], val))
                    continue
                op, v = next(iter(val.items()))
                allowed = ("set", "push") if f.is_list else NUMBER_OPS if f.type in ("Int", "BigInt", "Float", "Decimal") else ("set",)
                if op not in allowed:
                    self.fail(_join(p, str(op)), f"unknown operation `{op}` for {f.type} field; expected one of "
                              f"{', '.join(allowed)}", unknown_argument(str(op), allowed))
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
