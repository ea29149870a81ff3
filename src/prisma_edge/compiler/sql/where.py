"""IR conditions -> sqlglot boolean expressions over a table alias.

Prisma's semantics, per case:
- `in: []` is false, `not_in: []` is true; `OR: []` false, `AND: []`/`NOT: []` true (IR Const).
- `every` holds when no related row fails the condition (a NULL outcome counts as failing).
- `is: None` / `is_not: None` test the relation's presence (the FK columns when this side
  holds them, otherwise EXISTS).
- String matching: LIKE with escaped patterns (the binder escapes `%`, `_` and `\\`);
  case-sensitive matching on SQLite uses instr()/substr(), since SQLite's LIKE ignores case.
"""

from __future__ import annotations

from sqlglot import exp

from ...schema.model import Model
from .. import ir
from ..lengths import is_one_list
from .context import Context, and_all, or_all
from .dialects import col, fn, ident

_CMP = {"equals": exp.EQ, "not": exp.NEQ, "lt": exp.LT, "lte": exp.LTE, "gt": exp.GT, "gte": exp.GTE}


def condition(ctx: Context, model: Model, alias: str, cond: ir.Cond) -> exp.Expression:
    if isinstance(cond, ir.Compare):
        return compare(ctx, model, alias, cond)
    if isinstance(cond, ir.Search):
        from .fulltext import search

        return search(ctx.rules.name, [ctx.column(alias, model, n) for n in cond.fields], ctx.param(cond.value))
    if isinstance(cond, ir.And):
        parts = [condition(ctx, model, alias, c) for c in cond.conds]
        out = and_all(parts)
        return exp.Paren(this=out) if out is not None and len(parts) > 1 else (out or exp.true())
    if isinstance(cond, ir.Or):
        return or_all([condition(ctx, model, alias, c) for c in cond.conds])
    if isinstance(cond, ir.Not):
        if isinstance(cond.cond, ir.JsonFilter):  # NOT keeps the Json filter's type requirement
            from .json_filter import json_condition

            return json_condition(ctx, model, alias, cond.cond, negate=True)
        return exp.Not(this=exp.Paren(this=condition(ctx, model, alias, cond.cond)))
    if isinstance(cond, ir.Const):
        return exp.true() if cond.value else exp.false()
    if isinstance(cond, ir.RelationFilter):
        return relation(ctx, model, alias, cond)
    if isinstance(cond, ir.Limited):
        return limited(ctx, model, alias, cond)
    if isinstance(cond, ir.JsonFilter):
        from .json_filter import json_condition

        return json_condition(ctx, model, alias, cond)
    raise TypeError(cond)  # pragma: no cover


def limited(ctx: Context, model: Model, alias: str, cond: ir.Limited) -> exp.Expression:
    """pk IN (SELECT k FROM (SELECT pk AS k FROM M WHERE cond ORDER BY pk LIMIT n) AS d): the
    derived table lets MySQL use LIMIT here, and read the table an UPDATE/DELETE changes."""
    inner = ctx.alias()
    keys = [ctx.column(inner, model, n) for n in model.primary_key]
    q = exp.Select(expressions=[exp.alias_(k, f"k{i}", quoted=True) for i, k in enumerate(keys)]).from_(
        exp.Table(this=ident(model.db_name), alias=exp.TableAlias(this=ident(inner))), copy=False)
    if cond.cond is not None:
        q = q.where(condition(ctx, model, inner, cond.cond), copy=False)
    q = q.order_by(*[k.copy() for k in keys], copy=False).limit(ctx.param(cond.limit), copy=False)
    d = ctx.alias()
    outer = exp.Select(expressions=[col(d, f"k{i}") for i in range(len(keys))]).from_(
        exp.Subquery(this=q, alias=exp.TableAlias(this=ident(d))), copy=False)
    mine = [ctx.column(alias, model, n) for n in model.primary_key]
    lhs = mine[0] if len(mine) == 1 else exp.Tuple(expressions=mine)
    return exp.In(this=lhs, query=exp.Subquery(this=outer))


def list_compare(ctx: Context, model: Model, alias: str, c: ir.Compare) -> exp.Expression:
    """Scalar-list filters (PostgreSQL arrays)."""
    f = ctx.field(model, c.field)
    column = ctx.column(alias, model, c.field)
    if c.op in ("is_empty", "is_not_empty"):
        size = fn("cardinality", column)  # a NULL list is neither empty nor not (Prisma)
        return (exp.EQ if c.op == "is_empty" else exp.GT)(this=size, expression=exp.Literal.number(0))
    if isinstance(c.value, ir.ColumnRef):
        other = ctx.column(alias, model, c.value.field)
        if c.op == "has":
            return exp.EQ(this=other, expression=fn("ANY", column))
        node = {"has_every": exp.ArrayContainsAll, "has_some": exp.ArrayOverlaps}.get(c.op, exp.EQ)
        return node(this=column, expression=other)
    assert isinstance(c.value, ir.Slot)
    enum = ctx.schema.enum(f.type) if f.kind == "enum" else None
    value = ctx.rules.cast_param(ctx.param(c.value), f, enum.db_name if enum else None)
    if c.op == "has":  # one element: compare against the element type
        elem = ctx.rules.cast_param(ctx.param(c.value), _Scalar(f), enum.db_name if enum else None)
        return exp.EQ(this=elem, expression=fn("ANY", column))
    if c.op == "has_every":
        return exp.ArrayContainsAll(this=column, expression=value)
    if c.op == "has_some":
        return exp.ArrayOverlaps(this=column, expression=value)
    return exp.EQ(this=column, expression=value)


class _Scalar:
    """The element type of a scalar-list field (for casts)."""

    def __init__(self, f: object) -> None:
        self.type = f.type  # type: ignore[attr-defined]
        self.kind = f.kind  # type: ignore[attr-defined]
        self.is_list = False


def compare(ctx: Context, model: Model, alias: str, c: ir.Compare) -> exp.Expression:
    if ctx.field(model, c.field).is_list and c.op not in ("is_null", "is_not_null"):
        return list_compare(ctx, model, alias, c)
    column: exp.Expression = ctx.column(alias, model, c.field)
    if c.op == "is_null":
        return exp.Is(this=column, expression=exp.Null())
    if c.op == "is_not_null":
        return exp.Not(this=exp.Is(this=column, expression=exp.Null()))
    if c.op in ("in", "not_in") and isinstance(c.value, ir.ColumnRef):  # in a list field (PostgreSQL)
        listed: exp.Expression = ctx.column(alias, model, c.value.field)
        if c.insensitive:  # both sides lowered: the list through its text form (a NULL list stays NULL)
            text = exp.DataType.build("text", dialect="postgres")
            lowered = exp.Lower(this=exp.Cast(this=listed, to=text))
            column, listed = exp.Lower(this=column), exp.Cast(this=lowered, to=exp.DataType.build("text[]", dialect="postgres"))
        node: exp.Expression = exp.EQ(this=column, expression=fn("ANY", listed))
        return exp.Not(this=node) if c.op == "not_in" else node  # a NULL list matches neither (Prisma)
    if c.op in ("in", "not_in"):
        assert isinstance(c.value, tuple)
        if not c.value:
            return exp.false() if c.op == "in" else exp.true()
        if is_one_list(c) and not ctx.field(model, c.field).is_list:  # ONE list parameter (compiler/lengths.py)
            node = _one_list(ctx, model, c, column)
            return exp.Not(this=node) if c.op == "not_in" else node
        if ctx.pack_lists and len(c.value) > 1:  # ONE parameter: a JSON array read by the database
            node = exp.In(this=_packed_side(ctx, model, c, column), query=exp.Subquery(this=_packed_values(ctx, c)))
            return exp.Not(this=node) if c.op == "not_in" else node
        values: list[exp.Expression] = [ctx.param(s) for s in c.value]
        if c.insensitive:
            column, values = exp.Lower(this=column), [exp.Lower(this=v) for v in values]
        node = exp.In(this=column, expressions=values)
        return exp.Not(this=node) if c.op == "not_in" else node
    f = ctx.field(model, c.field)
    if isinstance(c.value, ir.ColumnRef):
        value: exp.Expression = ctx.column(alias, model, c.value.field)
    else:
        assert isinstance(c.value, ir.Slot)
        value = ctx.param(c.value)
        if f.native_type is not None and f.native_type.name in ("Time", "Timetz"):  # the time of the DateTime
            value = ctx.rules.cast_param(value, f, None)
    if c.op == "search":
        from .fulltext import search

        return search(ctx.rules.name, [column], value)
    if c.op in ("contains", "startswith", "endswith"):
        pattern = value
        if isinstance(c.value, ir.ColumnRef):  # pattern from another column: escape and wrap it in SQL
            escaped = value
            for ch in ("\\", "%", "_"):
                escaped = fn("REPLACE", escaped, exp.Literal.string(ch), exp.Literal.string("\\" + ch))
            parts = {"contains": ["%", None, "%"], "startswith": [None, "%"], "endswith": ["%", None]}[c.op]
            pattern = ctx.rules.concat([escaped if p is None else exp.Literal.string(p) for p in parts])
        if ctx.rules.name == "postgres" and f.native_type is not None and f.native_type.name == "Inet":
            column = exp.Cast(this=column, to=exp.DataType.build("text"))  # as Prisma: match the address text
        return ctx.rules.match(c.op, column, value, pattern, c.insensitive)
    if c.insensitive:
        column, value = exp.Lower(this=column), exp.Lower(this=value)
    if ctx.rules.name == "postgres" and ctx.field(model, c.field).type == "Json":
        # json has no equality operator and a bare parameter has no type: compare as jsonb
        jsonb = exp.DataType.build("jsonb", dialect="postgres")
        column, value = exp.Cast(this=column, to=jsonb), exp.Cast(this=value, to=jsonb.copy())
    return _CMP[c.op](this=column, expression=value)


def relation(ctx: Context, model: Model, alias: str, rf: ir.RelationFilter) -> exp.Expression:
    f = ctx.field(model, rf.field)
    rel = f.relation
    assert rel is not None

    def where_of(cond: ir.Cond | None, negate: bool = False, null_matches: bool = False):  # noqa: ANN202
        def build(child: str, target: Model) -> exp.Expression | None:
            if cond is None:
                return None
            e = condition(ctx, target, child, cond)
            if negate:  # Prisma's `every`: NOT EXISTS (NOT cond); a NULL outcome is not a counter-example
                return exp.Not(this=exp.Paren(this=e))
            if null_matches:  # Prisma's `is_not`: a related row whose outcome is NULL does not pass either
                return exp.Coalesce(this=exp.Paren(this=e), expressions=[exp.true()])
            return e

        return build

    if rf.kind == "some":
        return ctx.exists(alias, f, where_of(rf.cond))
    if rf.kind == "none":
        return exp.Not(this=ctx.exists(alias, f, where_of(rf.cond)))
    if rf.kind == "every":
        if rf.cond is None:
            return exp.true()
        return exp.Not(this=ctx.exists(alias, f, where_of(rf.cond, negate=True)))
    # to-one: is / is_not
    if rf.cond is None:
        if rel.holds_fk and rel.fields:
            cols = [ctx.column(alias, model, n) for n in rel.fields]
            if rf.kind == "is":
                return and_all([exp.Is(this=c, expression=exp.Null()) for c in cols]) or exp.true()
            return and_all([exp.Not(this=exp.Is(this=c, expression=exp.Null())) for c in cols]) or exp.true()
        present = ctx.exists(alias, f)
        return exp.Not(this=present) if rf.kind == "is" else present
    if rf.kind == "is":
        return ctx.exists(alias, f, where_of(rf.cond))
    return exp.Not(this=ctx.exists(alias, f, where_of(rf.cond, null_matches=True)))


def _one_list(ctx: Context, model: Model, c: ir.Compare, column: exp.Expression) -> exp.Expression:
    """`column = ANY(CAST($1 AS type[]))` (PostgreSQL) / `column IN (SELECT value FROM
    json_each(?, '$[0]'))` (SQLite: the list packed as `[[...]]`; MySQL: JSON_TABLE over it)."""
    assert isinstance(c.value, tuple)
    f = ctx.field(model, c.field)
    if ctx.rules.name == "postgres":
        enum = ctx.schema.enum(f.type) if f.kind == "enum" else None
        array = ctx.rules.cast_param(ctx.param(c.value[0]), _AsList(f), enum.db_name if enum else None)
        return exp.EQ(this=column, expression=fn("ANY", array))
    if ctx.rules.name == "mysql":  # JSON_TABLE (dialects.MysqlRules.list_values)
        return exp.In(this=column, query=exp.Subquery(this=ctx.rules.list_values(ctx.pack(c.value), c.value[0].type)))
    each = exp.Table(this=exp.Anonymous(this="json_each", expressions=[ctx.pack(c.value), exp.Literal.string("$[0]")]))
    return exp.In(this=column, query=exp.Subquery(this=exp.Select(expressions=[exp.column("value")]).from_(each, copy=False)))


class _AsList(_Scalar):
    """A scalar field seen as a list of its values (the cast of a whole `in` list)."""

    def __init__(self, f: object) -> None:
        super().__init__(f)
        self.is_list = True
        self.native_type = getattr(f, "native_type", None)  # `@db.Uuid` values: a uuid[]


def _packed_side(ctx: Context, model: Model, c: ir.Compare, column: exp.Expression) -> exp.Expression:
    """The column as the packed JSON values compare to it: Bytes as hex text (JSON has no bytes)."""
    if ctx.field(model, c.field).type == "Bytes":
        column = fn("hex", column)
    return exp.Lower(this=column) if c.insensitive else column


def _packed_values(ctx: Context, c: ir.Compare) -> exp.Expression:
    assert isinstance(c.value, tuple)
    q = ctx.rules.packed_list(ctx.pack(c.value))
    if c.insensitive:
        q.set("expressions", [exp.Lower(this=e) for e in q.expressions])
    return q
