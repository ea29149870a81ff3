"""Nested children lists as column arrays: one plan for every list length (issue 15 item 4).

The IR holds one `NestedCreate` per child, so a nested `create: [..]` or `create_many: {data:
[..]}` of N children was another plan-cache key (and N write-program nodes) per length. Before the
cache lookup, `columnar` rewrites such a list into ONE `NestedCreate(rows=True)` whose value slots
each hold a list, one element per child, in order, and returns the call's values regrouped to
match; PostgreSQL then writes the children with one `INSERT ... SELECT ... FROM unnest(CAST($1 AS
text[]), ...) WITH ORDINALITY ... ORDER BY ordinality` (`writes/pg_steps.rows_select`), SQLite
with one `INSERT ... SELECT ... FROM json_each(?, '$[0]') ... ORDER BY key` per list
(`writes/sqlite_static.rows_values`): ids follow the input's order, `skip_duplicates` stays
`ON CONFLICT DO NOTHING`. On PostgreSQL a `connect: [..]` list by one unique field becomes ONE
`key IN <list parameter>` compare (`connect_rows`): one P2018 check that every key has its row
(`pg_steps.each_found`), one `UPDATE ... WHERE key = ANY($1)`.

Only where that writes exactly what one node per child writes:
- PostgreSQL (the one-statement plans of neon_http, neon_ws, postgres) and SQLite ("sqlite", not
  D1 or MySQL, which keep a node per child; connect lists on PostgreSQL only);
- a one-to-many list relation (the child holds the foreign key, no join table);
- at least one child, each without nested relation writes, all giving the same fields in the same
  order (client-side defaults such as `uuid()` / `now()` are values of each child already, so
  they stay per child), none of them null;
- value types whose array element travels as the same text the scalar parameter does
  (`pg_types.encode_param`: every element quoted and escaped) and is cast to the same type:
  String, Int, BigInt, enum, Boolean and DateTime (not `@db.Time` / `@db.Timetz`, cast twice);
  on SQLite the same types, whose bound forms (text, integers) a JSON array holds exactly;
- connect lists: every record named by the same single-field unique (String, Int, BigInt, enum).
Every other list keeps today's plan.
"""

from __future__ import annotations

from typing import Any

import attrs

from ..schema.model import Schema
from . import ir
from .lengths import LIST_TYPES

# per dialect (a rules key): the value types an array of them writes exactly (enums too, on both)
ROW_TYPES = {"postgres": ("String", "Int", "BigInt", "Boolean", "DateTime"), "sqlite": ("String", "Int", "BigInt", "Boolean", "DateTime")}
DIALECTS = tuple(ROW_TYPES)
SCAN_KEYS = {"postgres": ("create", "create_many", "createMany", "connect"), "sqlite": ("create", "create_many", "createMany")}


def has_children_list(args: Any, keys: tuple[str, ...] = ("create", "create_many", "createMany", "connect")) -> bool:
    """Whether the arguments hold a nested `create` / `create_many` / `connect` list (a scan of the small argument
    dict, so the IR walk runs only for calls it can change)."""
    if isinstance(args, dict):
        for k, v in args.items():
            if k in keys and isinstance(v, list | tuple | dict):
                if isinstance(v, list | tuple) or isinstance(v.get("data"), list | tuple):
                    return True
            if isinstance(v, dict | list | tuple) and has_children_list(v, keys):
                return True
    elif isinstance(args, list | tuple):
        return any(isinstance(x, dict | list | tuple) and has_children_list(x, keys) for x in args)
    return False


def _row_type(schema: Schema, model: str, a: ir.Assign, types: tuple[str, ...]) -> str | None:
    """The slot type of a child's value when an array of it writes exactly, else None."""
    s = a.value
    if a.op != "set" or s is None or s.is_list or s.role != "value":
        return None
    m = schema.model(model)
    f = m.field(a.field) if m is not None else None
    if f is None or f.is_list or f.relation is not None:
        return None
    native = getattr(f, "native_type", None)
    if native is not None and native.name in ("Time", "Timetz"):
        return None
    if f.kind == "enum" and s.type.startswith("Enum:"):
        return s.type
    return s.type if s.type in types and s.type == f.type else None


def _one_to_many(schema: Schema, model: str, field: str) -> bool:
    m = schema.model(model)
    f = m.field(field) if m is not None else None
    return bool(f is not None and f.is_list and f.relation is not None and f.relation.join_table is None
                and not f.relation.holds_fk)


def _columns(schema: Schema, children: tuple[ir.NestedCreate, ...], dialect: str) -> tuple[str, ...] | None:
    """The children's common slot types, one per field, when they can be written as arrays."""
    if not children:
        return None
    first = children[0]
    if first.relations or first.rows:
        return None
    if not first.values:
        return None
    names = tuple(a.field for a in first.values)
    if len(set(names)) != len(names):
        return None
    types = tuple(_row_type(schema, first.model, a, ROW_TYPES[dialect]) for a in first.values)
    if None in types:
        return None
    for c in children[1:]:  # the same fields as the first child's: only each value's slot to check
        if c.model != first.model or len(c.values) != len(names) or c.relations or c.rows:
            return None
        for a, name, t in zip(c.values, names, types, strict=True):
            v = a.value
            if a.field != name or a.op != "set" or v is None or v.type != t or v.is_list or v.role != "value":
                return None
    return types  # type: ignore[return-value]


def _keys(schema: Schema, field: str, model: str, conds: tuple[ir.Cond, ...]) -> tuple[str, str] | None:
    """(key field, slot type) when every connect names its record by the same single unique field
    of a type `= ANY` reads exactly (compiler/lengths.py), else None."""
    if not conds or not all(isinstance(c, ir.Compare) and c.op == "equals" and not c.insensitive
                            and isinstance(c.value, ir.Slot) for c in conds):
        return None
    first = conds[0]
    assert isinstance(first, ir.Compare) and isinstance(first.value, ir.Slot)
    rel = schema.model(model)
    f = rel.field(field) if rel is not None else None
    target = schema.model(f.type) if f is not None else None
    key = target.field(first.field) if target is not None else None
    if key is None or key.is_list or key.relation is not None:
        return None
    single = any(u.fields == (first.field,) for u in target.uniques)  # type: ignore[union-attr]
    t = first.value.type
    if not single or not (t in LIST_TYPES or t.startswith("Enum:")) or first.value.role != "value" or first.value.is_list:
        return None
    for c in conds:
        assert isinstance(c, ir.Compare) and isinstance(c.value, ir.Slot)
        if c.field != first.field or c.value.type != t or c.value.role != "value" or c.value.is_list:
            return None
    return first.field, t


def columnar(schema: Schema, op: ir.NestedWrite, values: list[Any], dialect: str) -> tuple[ir.NestedWrite, list[Any]] | None:
    """(the op with each eligible children list as one `rows` record, the regrouped values), or
    None to keep `op`."""
    if dialect not in DIALECTS:
        return None
    remap: list[int | tuple[int, ...]] = []
    lists = 0

    def rows_of(children: tuple[ir.NestedCreate, ...], types: tuple[str, ...]) -> ir.NestedCreate:
        assigns = []
        for j, a in enumerate(children[0].values):
            idx = []
            for c in children:
                s = c.values[j].value
                assert s is not None
                idx.append(s.index)
            remap.append(tuple(idx))
            assigns.append(ir.Assign(a.field, "set", ir.Slot(len(remap) - 1, types[j], is_list=True)))
        return ir.NestedCreate(children[0].model, tuple(assigns), rows=True)

    def walk(v: Any, model: str) -> Any:
        nonlocal lists
        if isinstance(v, ir.NestedCreate):
            model = v.model  # its relation writes are fields of its own model
        if isinstance(v, ir.RelationWrite) and _one_to_many(schema, model, v.field):
            changes: dict[str, Any] = {}
            for name in attrs.fields(ir.RelationWrite):
                old = getattr(v, name.name)
                if name.name in ("creates", "create_many") and (types := _columns(schema, old, dialect)) is not None:
                    changes[name.name] = (rows_of(old, types),)
                    lists += 1
                elif name.name == "connects" and dialect == "postgres" and (key := _keys(schema, v.field, model, old)) is not None:
                    remap.append(tuple(c.value.index for c in old))
                    changes["connects"] = (ir.Compare(key[0], "in", (ir.Slot(len(remap) - 1, key[1], is_list=True),)),)
                    changes["connect_rows"] = True
                    lists += 1
                else:
                    new = walk(old, model)
                    if new is not old:
                        changes[name.name] = new
            return attrs.evolve(v, **changes) if changes else v
        if isinstance(v, ir.Slot):
            remap.append(v.index)
            return ir.Slot(len(remap) - 1, v.type, v.is_list, v.role)
        if isinstance(v, tuple):
            items = tuple(walk(x, model) for x in v)
            return items if any(a is not b for a, b in zip(items, v, strict=True)) else v
        if attrs.has(type(v)):
            changes = {}
            for a in attrs.fields(type(v)):
                old = getattr(v, a.name)
                new = walk(old, model)
                if new is not old:
                    changes[a.alias] = new
            return attrs.evolve(v, **changes) if changes else v
        return v

    new_op = walk(op, op.model)
    if not lists:
        return None
    seen = {j for i in remap for j in (i if isinstance(i, tuple) else (i,))}
    if seen != set(range(len(values))):  # a value no slot names (or the other way): keep the op
        return None
    return new_op, [[values[j] for j in i] if isinstance(i, tuple) else values[i] for i in remap]
