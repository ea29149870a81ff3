"""`create_many_and_return` / `update_many_and_return` with to-one relations in `select`/`include`.

Prisma 7 allows to-one relations there (to-many ones and `_count` are refused by the argument
parser). The relations must be read AFTER the write: a relation of the written rows may reach
back to the written table (`post.author.posts` must list the posts just created), and a
statement's subqueries see the database as it was before the statement. So the write returns
only the rows' primary keys, and a second statement reads the rows back by those keys with the
full selection:
- PostgreSQL: the write is a CTE whose keys go, as one JSON array, into a transaction-local
  setting (`set_config(..., true)`); the read takes them from `current_setting`, each cast to
  the column's own type. Both statements go in one request (a static plan).
- SQLite: the write's `RETURNING` rows reach the read as one JSON parameter (`Ref` column -2:
  every row of the step), read with `json_each`. A dynamic plan, run in one transaction.
MySQL has no `RETURNING` (and Prisma no `*_and_return` there): `returning_columns` refuses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlglot import exp

from ...errors import UnsupportedError
from ...schema.model import Model
from .. import ir
from ..plan import Plan, Ref, Step
from ..sql.dialects import col, fn, ident, param

if TYPE_CHECKING:
    from .builder import WriteBuilder

SETTING = "prisma_edge.rows"


def needs_read_back(sel: ir.Selection | None) -> bool:
    return sel is not None and bool(sel.relations)


def read_back(b: WriteBuilder, model: Model, prefix: list[Step], writes: list[exp.Insert | exp.Update],
              sel: ir.Selection) -> Plan:
    """The writes (returning their keys), then one read of the written rows with `sel`."""
    ctx, rules = b.ctx, b.rules
    if rules.name not in ("postgres", "sqlite"):
        raise UnsupportedError("`*_and_return` operations need RETURNING, which MySQL does not have (as in Prisma)")
    pk = [ctx.field(model, n) for n in model.primary_key]
    steps = list(prefix)
    lhs_cols: list[exp.Expression] = [col("tr", f.db_name) for f in pk]
    lhs = lhs_cols[0] if len(lhs_cols) == 1 else exp.Tuple(expressions=lhs_cols)
    conds: list[exp.Expression] = []
    for j, w in enumerate(writes):
        w.set("returning", exp.Returning(expressions=[exp.Column(this=ident(f.db_name)) for f in pk]))
        if rules.name == "postgres":
            rows = exp.Select(expressions=[fn("jsonb_agg", fn("jsonb_build_array", *[exp.Column(this=ident(f.db_name)) for f in pk]))]).from_(
                exp.Table(this=ident("w")), copy=False)
            new: exp.Expression = fn("COALESCE", exp.Subquery(this=rows), exp.Cast(this=exp.Literal.string("[]"), to=exp.DataType.build("jsonb")))
            if j:  # later writes add their keys to the earlier ones'
                new = exp.DPipe(this=exp.Cast(this=fn("current_setting", exp.Literal.string(SETTING)), to=exp.DataType.build("jsonb")),
                                expression=new)
            q = exp.Select(expressions=[fn("set_config", exp.Literal.string(SETTING), exp.Cast(this=new, to=exp.DataType.build("text")),
                                           exp.true())])
            steps.append(Step(rules.render(q.with_(ident("w"), as_=w, copy=False))))
        else:
            steps.append(Step(rules.render(w)))
            conds.append(exp.In(this=lhs.copy(), query=exp.Subquery(this=_sqlite_keys(len(pk), len(steps) - 1))))
    if rules.name == "postgres":
        conds.append(exp.In(this=lhs, query=exp.Subquery(this=_pg_keys(b, pk))))
    where = conds[0]
    for c in conds[1:]:
        where = exp.Or(this=where, expression=c)
    read, shape, _ = b.reads.select(model, ir.Read(model.name, ir.Window(), sel), alias="tr", extra_where=exp.Paren(this=where))
    steps.append(Step(rules.render(read), result=True))
    return b.plan(steps, "returned", shape)


def _pg_keys(b: WriteBuilder, pk: list) -> exp.Select:
    """SELECT <key i of each element, cast to its column's type> FROM jsonb_array_elements(<setting>) k(v)"""
    elements = exp.Table(this=exp.Anonymous(this="jsonb_array_elements", expressions=[
        exp.Cast(this=fn("current_setting", exp.Literal.string(SETTING)), to=exp.DataType.build("jsonb"))]),
        alias=exp.TableAlias(this=ident("k"), columns=[ident("v")]))
    out = []
    for i, f in enumerate(pk):
        enum = b.ctx.schema.enum(f.type) if f.kind == "enum" else None
        text = fn("jsonb_array_element_text", col("k", "v"), exp.Literal.number(i))
        out.append(b.rules.cast_param(text, f, enum.db_name if enum else None))
    return exp.Select(expressions=out).from_(elements, copy=False)


def _sqlite_keys(n: int, step: int) -> exp.Select:
    """SELECT json_extract(value, '$[i]') ... FROM json_each(<every row of `step`, as JSON>)"""
    rows = exp.Table(this=exp.Anonymous(this="json_each", expressions=[param(Ref(step, -2))]))
    return exp.Select(expressions=[fn("json_extract", exp.Column(this=ident("value")), exp.Literal.string(f"$[{i}]"))
                                   for i in range(n)]).from_(rows, copy=False)
