"""`aggregate` and `group_by` -> one SELECT each.

An aggregate over a window (take / skip / cursor) aggregates a derived table holding exactly the
window's rows, as Prisma does. Output columns are named `<fn>.<field>` (`_sum.views`) and the
client nests them back into `{"_sum": {"views": ...}}`.
"""

from __future__ import annotations

from sqlglot import exp

from ...schema.model import Model
from .. import ir
from ..plan import Column, RecordShape
from .context import Context, and_all, table
from .dialects import col, ident
from .select import ReadBuilder
from .where import condition

_CMP = {"equals": exp.EQ, "not": exp.NEQ, "lt": exp.LT, "lte": exp.LTE, "gt": exp.GT, "gte": exp.GTE}


def agg_type(model: Model, af: ir.AggregateField) -> str:
    if af.fn == "_count":
        return "Int"
    f = model.field(af.field)
    assert f is not None
    if af.fn == "_avg":
        return "Decimal" if f.type == "Decimal" else "Float"
    return f"Enum:{f.type}" if f.kind == "enum" else f.type


class AggregateBuilder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reads = ReadBuilder(ctx)

    def agg_expr(self, model: Model, alias: str, af: ir.AggregateField) -> exp.Expression:
        if af.fn == "_count":
            if af.field == "_all":
                return exp.Count(this=exp.Star())
            return exp.Count(this=col(alias, self.ctx.field(model, af.field).db_name))
        column = col(alias, self.ctx.field(model, af.field).db_name)
        node = {"_sum": exp.Sum, "_avg": exp.Avg, "_min": exp.Min, "_max": exp.Max}[af.fn]
        return node(this=column)

    def shape(self, model: Model, by: tuple[str, ...], fields: tuple[ir.AggregateField, ...],
              count_scalar: bool = False) -> RecordShape:
        """`count_scalar` (`_count: True`): the `_count._all` column reads as `_count`, a number."""
        cols = []
        for name in by:
            f = self.ctx.field(model, name)
            enum = self.ctx.schema.enum(f.type) if f.kind == "enum" else None
            mapped = tuple((v.db_name, v.name) for v in enum.values if v.db_name != v.name) if enum else ()
            cols.append(Column(name, "scalar", f"Enum:{f.type}" if enum else f.type, f.is_list, enum_map=mapped))
        def name(af: ir.AggregateField) -> str:
            return "_count" if count_scalar and (af.fn, af.field) == ("_count", "_all") else f"{af.fn}.{af.field}"

        cols += [Column(name(af), "scalar", agg_type(model, af)) for af in fields]
        return RecordShape(tuple(cols))

    def aggregate(self, op: ir.Aggregate) -> tuple[exp.Select, RecordShape]:
        model = self.ctx.model(op.model)
        alias = self.ctx.alias()
        window = op.window
        terms = self.reads.order_terms(model, alias, window)
        conds = self.reads.window_conditions(model, alias, window, terms)
        where = and_all(conds)
        windowed = window.take is not None or window.skip is not None or window.cursor is not None
        if windowed:
            inner = exp.Select(expressions=[exp.Column(this=exp.Star(), table=ident(alias))]).from_(table(model.db_name, alias), copy=False)
            if where is not None:
                inner = inner.where(where, copy=False)
            inner = self.reads.paginate(inner.order_by(*self.reads.order_by(model, alias, terms), copy=False), window)
            src_alias = self.ctx.alias()
            source: exp.Expression = exp.Subquery(this=inner, alias=exp.TableAlias(this=ident(src_alias)))
            where = None
        else:
            src_alias, source = alias, table(model.db_name, alias)
        projections = [exp.alias_(self.agg_expr(model, src_alias, af), f"{af.fn}.{af.field}", quoted=True) for af in op.fields]
        q = exp.Select(expressions=projections).from_(source, copy=False)
        if where is not None:
            q = q.where(where, copy=False)
        return q, self.shape(model, (), op.fields, op.count_scalar)

    def group_by(self, op: ir.GroupBy) -> tuple[exp.Select, RecordShape]:
        model = self.ctx.model(op.model)
        a = self.ctx.alias()
        by_cols = [col(a, self.ctx.field(model, n).db_name) for n in op.by]
        projections = [exp.alias_(c, n, quoted=True) for c, n in zip(by_cols, op.by, strict=True)]
        projections += [exp.alias_(self.agg_expr(model, a, af), f"{af.fn}.{af.field}", quoted=True) for af in op.fields]
        q = exp.Select(expressions=projections).from_(table(model.db_name, a), copy=False)
        if op.where is not None:
            q = q.where(condition(self.ctx, model, a, op.where), copy=False)
        q = q.group_by(*[c.copy() for c in by_cols], copy=False)
        having = and_all([self.having(model, a, h) for h in op.having])
        if having is not None:
            q = q.having(having, copy=False)
        if op.order:
            ordered = []
            for fn, name, desc, nulls in op.order:
                value = col(a, self.ctx.field(model, name).db_name) if fn == "" else self.agg_expr(model, a, ir.AggregateField(fn, name))
                first = self.ctx.rules.nulls_first_default(desc) if nulls is None else nulls == "first"
                ordered.append(exp.Ordered(this=value, desc=desc, nulls_first=first))
            q = q.order_by(*ordered, copy=False)
        window = ir.Window(take=op.take, skip=op.skip)
        return self.reads.paginate(q, window), self.shape(model, op.by, op.fields, op.count_scalar)

    def having(self, model: Model, alias: str, h: ir.HavingCompare | ir.HavingLogic) -> exp.Expression:
        if isinstance(h, ir.HavingLogic):
            parts = [and_all([self.having(model, alias, x) for x in part]) or exp.true() for part in h.parts]
            if h.kind == "OR":
                return exp.Paren(this=exp.or_(*parts)) if parts else exp.false()
            if h.kind == "NOT":
                parts = [exp.Not(this=exp.Paren(this=x)) for x in parts]
            return exp.Paren(this=exp.and_(*parts)) if parts else exp.true()
        if h.fn == "":
            target: exp.Expression = col(alias, self.ctx.field(model, h.field).db_name)
        else:
            target = self.agg_expr(model, alias, ir.AggregateField(h.fn, h.field))
        if h.op == "is_null":
            return exp.Is(this=target, expression=exp.Null())
        if h.op == "is_not_null":
            return exp.Not(this=exp.Is(this=target, expression=exp.Null()))
        if h.op in ("in", "not_in"):
            assert isinstance(h.value, tuple)
            if not h.value:
                return exp.false() if h.op == "in" else exp.true()
            node: exp.Expression = exp.In(this=target, expressions=[self.ctx.param(s) for s in h.value])
            return exp.Not(this=node) if h.op == "not_in" else node
        if isinstance(h.value, ir.ColumnRef):
            return _CMP[h.op](this=target, expression=col(alias, self.ctx.field(model, h.value.field).db_name))
        assert isinstance(h.value, ir.Slot)
        if h.op.removesuffix("_i") in ("contains", "startswith", "endswith"):
            op, insensitive = h.op.removesuffix("_i"), h.op.endswith("_i")
            value = self.ctx.param(h.value)
            return self.ctx.rules.match(op, target, value, value, insensitive)
        return _CMP[h.op](this=target, expression=self.ctx.param(h.value))
