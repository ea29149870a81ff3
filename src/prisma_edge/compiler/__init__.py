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
No I/O happens here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..schema.model import Schema
from . import ir
from .arguments import parse
from .cache import PlanCache
from .plan import Plan, Step
from .sql.aggregate import AggregateBuilder
from .sql.context import Context
from .sql.dialects import rules_for
from .sql.select import ReadBuilder
from .writes.builder import WriteBuilder


def build(schema: Schema, op: ir.Operation, dialect: str) -> Plan:
    """IR -> Plan (renders SQL: the expensive part the cache avoids)."""
    ctx = Context(schema, rules_for(dialect))
    if isinstance(op, ir.Read):
        rb = ReadBuilder(ctx)
        q, shape, reverse = rb.select(ctx.model(op.model), op)
        stmt = ctx.rules.render(q)
        return Plan((Step(stmt, result=True),), "one" if op.single else "many", shape, reverse, _slots(ctx))
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
                  cache: PlanCache | None = None) -> tuple[Plan, list[Any]]:
    op, values = parse(schema, model, action, args)
    key = (dialect, op)
    plan = cache.get(key) if cache is not None else None
    if plan is None:
        plan = build(schema, op, dialect)
        if cache is not None:
            cache.put(key, plan)
    return plan, values


__all__ = ["PlanCache", "build", "compile_query", "parse"]
