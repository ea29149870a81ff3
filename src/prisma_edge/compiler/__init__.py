"""Prisma-style queries -> Plans of SQL, per dialect, with a cache keyed by the query's shape.

`compile_query(schema, model, action, args, dialect)` validates the arguments (every call),
looks the resulting IR up in the plan cache, and only on a miss builds sqlglot expressions and
renders them. It returns the Plan and the call's values; the client binds and runs them.
No I/O happens here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from ..errors import ValidationError
from ..schema.model import Schema
from . import ir
from .aggregate import AggregateBuilder
from .aggregate_args import parse_aggregate, parse_group_by
from .args import parse_count, parse_read
from .context import Context
from .dialects import rules_for
from .plan import Plan, Step
from .select import ReadBuilder
from .write import WriteBuilder
from .write_args import parse_write

READ_ACTIONS = {
    "find_unique", "find_unique_or_raise", "find_first", "find_first_or_raise", "find_many",
}
WRITE_ACTIONS = {
    "create", "create_many", "create_many_and_return", "update", "update_many", "update_many_and_return", "upsert",
    "delete", "delete_many",
}


class PlanCache:
    """A small LRU of compiled plans; `renders` counts cache misses (each one renders SQL)."""

    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._plans: OrderedDict[Any, Plan] = OrderedDict()
        self.hits = 0
        self.renders = 0

    def get(self, key: Any) -> Plan | None:
        plan = self._plans.get(key)
        if plan is not None:
            self._plans.move_to_end(key)
            self.hits += 1
        return plan

    def put(self, key: Any, plan: Plan) -> None:
        self.renders += 1
        self._plans[key] = plan
        if len(self._plans) > self.maxsize:
            self._plans.popitem(last=False)

    def __len__(self) -> int:
        return len(self._plans)


def parse(schema: Schema, model_name: str, action: str, args: Mapping[str, Any]) -> tuple[ir.Operation, list[Any]]:
    """Validate `args` for `model_name.action` into IR and the call's values."""
    model = schema.model(model_name)
    if model is None:
        raise ValidationError(f"unknown model `{model_name}`")
    if action in READ_ACTIONS:
        return parse_read(schema, model, action, args)
    if action == "count":
        return parse_count(schema, model, args)
    if action in WRITE_ACTIONS:
        return parse_write(schema, model, action, args)
    if action == "aggregate":
        return parse_aggregate(schema, model, args)
    if action == "group_by":
        return parse_group_by(schema, model, args)
    raise ValidationError(f"unknown operation `{action}`")


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
        from .nested import NestedBuilder

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
