"""Prisma arguments -> IR: validation, value coercion, client-side defaults (no sqlglot, no I/O).

`parse(schema, model, action, args)` is this stage's one entry: it checks a call's keyword
arguments against the schema, collecting every problem with its path, and returns the IR (the
plan-cache key) and the call's values in slot order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import Problem, ValidationError
from ...schema.model import Model, Schema
from .. import ir
from .aggregates import parse_aggregate, parse_group_by
from .base import _join
from .nested import NestedParser, has_relation_writes
from .raw import huge_int_path
from .reads import parse_count, parse_read
from .writes import SHAPE_ONLY_NOW, WriteParser, _now

READ_ACTIONS = {
    "find_unique", "find_unique_or_raise", "find_first", "find_first_or_raise", "find_many",
}
WRITE_ACTIONS = {
    "create", "create_many", "create_many_and_return", "update", "update_many", "update_many_and_return", "upsert",
    "delete", "delete_many",
}



def parse(schema: Schema, model_name: str, action: str, args: Mapping[str, Any], *,
          shape_only: bool = False) -> tuple[ir.Operation, list[Any]]:
    """Validate `args` for `model_name.action` into IR and the call's values.

    `shape_only`: the IR is all that is wanted (compiling a plan ahead, e.g. at import in a
    Worker): client-side defaults then draw no entropy and read no clock.
    """
    try:
        return _parse(schema, model_name, action, args, shape_only=shape_only)
    except ValueError as e:  # str() of an int past Python's 4,300 digits, while writing a message
        if "integer string conversion" not in str(e):
            raise
        raise ValidationError([Problem(huge_int_path(args), "an integer of more than 4,300 digits is out of range "
                                                            "for every field and argument")]) from None


def _parse(schema: Schema, model_name: str, action: str, args: Mapping[str, Any], *,
           shape_only: bool = False) -> tuple[ir.Operation, list[Any]]:
    model = schema.model(model_name)
    if model is None:
        raise ValidationError(f"unknown model `{model_name}`")
    if action in READ_ACTIONS:
        return parse_read(schema, model, action, args)
    if action == "count":
        return parse_count(schema, model, args)
    if action in WRITE_ACTIONS:
        if model.is_view:  # Prisma generates no write methods for views
            raise ValidationError(f"`{model.name}` is a view, which is read-only: `{action}` is not available on "
                                  "views (find_*, count, aggregate and group_by are)", model=model.name, action=action)
        return parse_write(schema, model, action, args, shape_only=shape_only)
    if action == "aggregate":
        return parse_aggregate(schema, model, args)
    if action == "group_by":
        return parse_group_by(schema, model, args)
    raise ValidationError(f"unknown operation `{action}`")


def parse_write(schema: Schema, model: Model, action: str, args: Mapping[str, Any], *,
                shape_only: bool = False) -> tuple[ir.Operation, list[Any]]:
    """Parse create / create_many / update / update_many / upsert / delete / delete_many."""
    p = WriteParser(schema, model, action)
    p.shape_only = shape_only
    now = SHAPE_ONLY_NOW if shape_only else _now()
    op: ir.Operation
    sel_keys = ("select", "include", "omit")

    if action == "upsert":
        data = args.get("data") if isinstance(args.get("data"), Mapping) else {}
        create_arg, update_arg = data.get("create", args.get("create")), data.get("update", args.get("update"))
        if has_relation_writes(model, create_arg) or has_relation_writes(model, update_arg):
            p = NestedParser(schema, model, action)
            p.shape_only = shape_only
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
        p.shape_only = shape_only
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
        if isinstance(rows_in, Mapping):  # one object, as Prisma accepts
            rows_in = [rows_in]
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
            p.fail(f"{base}create", "upsert needs `create` data", "Argument `create` is missing.")
        where = p.unique_where(model, args.get("where"), "where")
        sel = p.selection(model, args, "")
        op = ir.Upsert(
            model.name,
            where,
            p.create_values(model, create or {}, f"{base}create", now),
            p.update_values(model, update, f"{base}update", now),
            sel,
            _conflict_field(model, args.get("where"), create, update, sel),
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


def _conflict_field(model: Model, where: Any, create: Any, update: Any, sel: ir.Selection) -> str | None:
    """The field of Prisma's database upsert, when its conditions hold (ir.Upsert.conflict_field):
    Prisma then runs INSERT ... ON CONFLICT, which (unlike a find-then-write) draws a sequence
    value even when the row exists, so ids made later are the same as Prisma's."""
    if not (isinstance(where, Mapping) and len(where) == 1 and isinstance(create, Mapping) and isinstance(update, Mapping)
            and update and not sel.relations and not sel.counts):
        return None
    (name, value), = where.items()
    singles = {u.fields[0] for u in model.uniques if len(u.fields) == 1}
    if name not in singles or value is None or isinstance(value, Mapping) or name not in create:
        return None
    given = create[name]
    return name if type(given) is type(value) and given == value else None


__all__ = ["READ_ACTIONS", "WRITE_ACTIONS", "parse", "parse_write"]
