"""Prisma-style queries -> Plans of SQL, per dialect, with a cache keyed by the query's shape.

The stages, one folder each, data flowing one way:

    arguments/   Prisma arguments -> IR (validation, coercion, defaults; no sqlglot)
    ir.py        the IR: what a query means, values replaced by slots (the plan-cache key)
    sql/         IR -> sqlglot -> SQL text, one table of differences per dialect (reads, filters)
    writes/      write programs: flat and nested writes, emulated referential actions, guards
    plan.py      the Plan: statements with parameter slots, and how to shape the result
    cache.py     the plan cache

`compile_query(schema, model, action, args, dialect)` validates the arguments (every call),
looks the resulting IR up in the plan cache, and only on a miss builds sqlglot expressions and
renders them. It returns the Plan and the call's values; the client binds and runs them.
No I/O happens here. `dialect` names a table of `sql/dialects.py` (a dialect, or a variant such
as "d1"), whose statement limits every plan is made to fit: `in` lists packed into one JSON
parameter, multi-row inserts split, and for rules with `static_plans` dynamic plans lowered to
one static batch (`writes/static.py`).
Lengths change few plans (`lengths.py`, `chunks.py`): `in` lists are one parameter or padded to
a ladder of sizes, `create_many` joins the plans of a ladder of chunk sizes, and nested children
lists are column arrays on PostgreSQL and SQLite (`nested_lists.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import Problem, ValidationError
from ..schema.model import Schema
from . import ir
from .arguments import parse
from .cache import PlanCache
from .chunks import chunked
from .lengths import has_list_filter, normalise
from .nested_lists import SCAN_KEYS, columnar, has_children_list
from .plan import Plan, Step

if TYPE_CHECKING:  # sqlglot loads on the first plan-cache miss (`build`), not at import: cold start
    from .sql.context import Context
    from .sql.dialects import Rules


def build(schema: Schema, op: ir.Operation, dialect: str, *, required: bool = False) -> Plan:
    """IR -> Plan (renders SQL: the expensive part the cache avoids), within the rules' limits.

    `required`: a single-record read that must fail inside its batch when it finds nothing
    (`find_*_or_raise` in `db.batch`, required.py)."""
    from .sql.context import Context
    from .sql.dialects import rules_for

    rules = rules_for(dialect)
    plan = _build(Context(schema, rules), op, required)
    if rules.packs_lists and _too_many_params(plan, rules):  # again, with `in` lists as one JSON parameter each
        plan = _build(Context(schema, rules, pack_lists=True), op, required)
    if rules.static_plans:
        from .writes.static import lower

        plan = lower(plan, rules)
    check_limits(plan, rules)
    return plan


def _too_many_params(plan: Plan, rules: Rules) -> bool:
    return any(len(s.statement.params) > rules.max_params for s in plan.steps)


def check_limits(plan: Plan, rules: Rules) -> None:
    """Refuse a statement that still carries more than the database takes (`Rules.max_params`,
    `Rules.max_statement_bytes`), before anything is sent."""
    name = rules.key or rules.name
    for s in plan.steps:
        stmt = s.statement
        if len(stmt.params) > rules.max_params:
            raise ValidationError([Problem("", f"the query needs {len(stmt.params)} bind parameters in one statement; "
                                               f"{name} takes at most {rules.max_params}: use fewer values or split the call")])
        size = len(stmt.sql.encode("utf-8"))
        if size > rules.max_statement_bytes:
            raise ValidationError([Problem("", f"one statement of this query is {size} bytes of SQL; {name} takes at most "
                                               f"{rules.max_statement_bytes}: select or nest less in one call")])


def _build(ctx: Context, op: ir.Operation, required: bool = False) -> Plan:
    from .sql.aggregate import AggregateBuilder
    from .sql.select import ReadBuilder
    from .writes.builder import WriteBuilder

    if isinstance(op, ir.Read):
        rb = ReadBuilder(ctx)
        q, shape, reverse = rb.select(ctx.model(op.model), op)
        stmt = ctx.rules.render(q)
        plan = Plan((Step(stmt, result=True),), "one" if op.single else "many", shape, reverse, _slots(ctx))
        if required:
            from .required import required_read

            return required_read(plan, q, ctx.rules)
        return plan
    if isinstance(op, ir.CountQuery):
        stmt = ctx.rules.render(ReadBuilder(ctx).count(ctx.model(op.model), op))
        return Plan((Step(stmt, result=True),), "count_fields" if op.fields else "count", None, False, _slots(ctx))
    if isinstance(op, ir.Aggregate | ir.GroupBy):
        ab = AggregateBuilder(ctx)
        q, shape = ab.aggregate(op) if isinstance(op, ir.Aggregate) else ab.group_by(op)
        kind = "aggregate_count" if isinstance(op, ir.Aggregate) and op.count_scalar and len(op.fields) == 1 else (
            "aggregate" if isinstance(op, ir.Aggregate) else "groups")
        return Plan((Step(ctx.rules.render(q), result=True),), kind, shape, False, _slots(ctx))
    if isinstance(op, ir.NestedWrite):
        from .writes.nested import NestedBuilder

        return NestedBuilder(ctx).plan(op)
    wb = WriteBuilder(ctx)
    method = {
        ir.Create: wb.create, ir.CreateMany: wb.create_many, ir.Update: wb.update, ir.UpdateMany: wb.update_many,
        ir.Upsert: wb.upsert, ir.Delete: wb.delete, ir.DeleteMany: wb.delete_many,
    }[type(op)]
    return method(op)  # type: ignore[operator]


def _slots(ctx: Context) -> tuple[ir.Slot, ...]:
    return tuple(ctx.slots[i] for i in sorted(ctx.slots))


def compile_query(schema: Schema, model: str, action: str, args: Mapping[str, Any], dialect: str,
                  cache: PlanCache | None = None, *, shape_only: bool = False,
                  in_batch: bool = False) -> tuple[Plan, list[Any]]:
    """(Plan, the call's values). `shape_only`: for compiling ahead (the values are stand-ins).
    `in_batch`: an item of `db.batch`, where `find_*_or_raise` must fail inside the batch."""
    op, values = parse(schema, model, action, args, shape_only=shape_only)
    required = in_batch and action.endswith("_or_raise") and isinstance(op, ir.Read)
    if isinstance(op, ir.NestedWrite) and dialect in SCAN_KEYS and has_children_list(args, SCAN_KEYS[dialect]):  # arrays
        if (rows := columnar(schema, op, values, dialect)) is not None:
            op, values = rows
    if isinstance(op, ir.CreateMany) and cache is not None and (chunks := chunked(op, values, dialect)) is not None:
        composed = cache.joined.get([_cached(schema, c, dialect, cache, False) for c, _ in chunks], [len(vs) for _, vs in chunks])
        if composed is not None:  # plans of a few row counts, joined (compiler/chunks.py)
            return composed, [v for _, vs in chunks for v in vs]
    if has_list_filter(args) and (one := normalise(op, values, dialect)) is not None:  # `in` lists: one parameter, or padded
        try:
            return _cached(schema, one[0], dialect, cache, required), one[1]
        except ValidationError:  # past a parameter limit once padded? then as given (limits name the input)
            if (one := normalise(op, values, dialect, pad=False)) is None:
                return _cached(schema, op, dialect, cache, required), values
            return _cached(schema, one[0], dialect, cache, required), one[1]
    return _cached(schema, op, dialect, cache, required), values


def _cached(schema: Schema, op: ir.Operation, dialect: str, cache: PlanCache | None, required: bool) -> Plan:
    key: tuple[Any, ...] = (dialect, op, "required") if required else (dialect, op)
    plan = cache.get(key) if cache is not None else None
    if plan is None:
        plan = build(schema, op, dialect, required=required)
        if cache is not None:
            cache.put(key, plan)
    return plan


__all__ = ["PlanCache", "build", "compile_query", "parse"]
