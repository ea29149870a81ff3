"""Shared state of one compilation: schema, dialect rules, table aliases, slot metadata.

Also the relation join helpers, used by filters, selections and ordering alike: given a parent
alias and a relation field, `relation_from` returns the FROM clause for the related table and the
condition that correlates it with the parent row (through the join table for implicit m-n).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from ...errors import UnsupportedError
from ...schema.model import Field, Model, Schema
from .. import ir
from ..plan import Pack
from .dialects import Rules, col, ident, param


def table(name: str, alias: str) -> exp.Table:
    return exp.Table(this=ident(name), alias=exp.TableAlias(this=ident(alias)))


def and_all(conds: list[exp.Expression]) -> exp.Expression | None:
    conds = [c for c in conds if c is not None]
    if not conds:
        return None
    out = conds[0]
    for c in conds[1:]:
        out = exp.And(this=out, expression=c)
    return out


def or_all(conds: list[exp.Expression]) -> exp.Expression:
    if not conds:
        return exp.false()
    out = conds[0]
    for c in conds[1:]:
        out = exp.Or(this=out, expression=c)
    return exp.Paren(this=out) if len(conds) > 1 else out


class Context:
    def __init__(self, schema: Schema, rules: Rules, *, pack_lists: bool = False) -> None:
        self.schema = schema
        self.rules = rules
        if any(m.db_schema for m in schema.models):  # `@@schema`: render "shop"."Order" (qualify.py)
            from .qualify import QualifyingRules, qualified_names

            self.rules = QualifyingRules(rules, *qualified_names(schema))  # type: ignore[assignment]
        self._n = -1
        self.slots: dict[int, ir.Slot] = {}
        # `in` lists as ONE JSON parameter each (compiler.build sets it when a statement would
        # carry more parameters than the rules allow)
        self.pack_lists = pack_lists

    def alias(self) -> str:
        self._n += 1
        return f"t{self._n}"

    def model(self, name: str) -> Model:
        m = self.schema.model(name)
        assert m is not None, name
        return m

    def field(self, model: Model, name: str) -> Field:
        f = model.field(name)
        assert f is not None, (model.name, name)
        return f

    def param(self, slot: ir.Slot) -> exp.Placeholder:
        self.slots[slot.index] = slot
        return param(slot.index)

    def pack(self, slots: tuple[ir.Slot, ...]) -> exp.Placeholder:
        """One placeholder binding all `slots` as a JSON array (see `plan.Pack`)."""
        for s in slots:
            self.slots[s.index] = s
        return param(Pack(tuple(s.index for s in slots)))

    def column(self, alias: str, model: Model, name: str) -> exp.Column:
        return col(alias, self.field(model, name).db_name)

    def pk_columns(self, alias: str, model: Model) -> list[exp.Column]:
        return [self.column(alias, model, n) for n in model.primary_key]

    def relation_from(self, parent_alias: str, f: Field) -> tuple[str, exp.Expression, list[exp.Join], exp.Expression]:
        """(child alias, FROM table, joins, correlation condition) for relation field `f`."""
        child, src, joins, pairs = self.relation_keys(parent_alias, f)
        corr = and_all([exp.EQ(this=mine, expression=theirs) for mine, theirs in pairs])
        assert corr is not None
        return child, src, joins, corr

    def relation_keys(self, parent_alias: str, f: Field) -> tuple[str, exp.Expression, list[exp.Join], list[tuple[exp.Column, exp.Column]]]:
        """Like `relation_from`, with the correlation as (related-side column, parent column) pairs."""
        rel = f.relation
        assert rel is not None, f.name
        target = self.model(rel.to_model)
        child = self.alias()
        src = table(target.db_name, child)
        if rel.join_table is not None:  # implicit many-to-many through `_AToB`
            jt = self.alias()
            assert rel.other_column and rel.self_column and rel.self_key and rel.other_key
            join = exp.Join(
                this=table(rel.join_table, jt),
                on=exp.EQ(this=col(jt, rel.other_column), expression=col(child, rel.other_key)),
            )
            return child, src, [join], [(col(jt, rel.self_column), col(parent_alias, rel.self_key))]
        if not rel.join:
            raise UnsupportedError(f"relation `{f.name}` has no join columns")
        return child, src, [], [(col(child, theirs), col(parent_alias, mine)) for mine, theirs in rel.join]

    def exists(
        self, parent_alias: str, f: Field, extra: Callable[[str, Model], exp.Expression | None] | None = None
    ) -> exp.Exists:
        """EXISTS (related row of `f` [that satisfies extra(child_alias, model)])."""
        child, src, joins, corr = self.relation_from(parent_alias, f)
        q = exp.Select(expressions=[exp.Literal.number(1)]).from_(src, copy=False)
        for j in joins:
            q = q.join(j, copy=False)
        more = extra(child, self.model(f.type)) if extra else None
        where = corr if more is None else exp.And(this=corr, expression=more)
        return exp.Exists(this=q.where(where, copy=False))
