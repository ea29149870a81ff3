"""Filters on Json values at a path: equals / not, string_*, array_contains, lt/lte/gt/gte.

Per dialect, the value at the path is read as:
- PostgreSQL: `CAST(col AS jsonb) #> $path` (jsonb; `#>>` for text), the path a text[] parameter;
- SQLite: `json_extract(col, $path)`, which gives SQL values for scalars and minified text for
  containers; comparing it with `json_extract($value, '$')` compares like with like;
- MySQL/MariaDB: `JSON_EXTRACT(col, $path)`, compared with `JSON_EXTRACT($value, '$')` the same way.
A string filter also requires the value to be a JSON string, a number filter a JSON number, and
`array_contains` a JSON array, as Prisma does. Path and values are always bound parameters.
"""

from __future__ import annotations

from sqlglot import exp

from ...schema.model import Model
from .. import ir
from .context import Context, and_all
from .dialects import fn

_CMP = {"lt": exp.LT, "lte": exp.LTE, "gt": exp.GT, "gte": exp.GTE}
_TYPES = {
    "postgres": {"string": ("string",), "number": ("number",), "array": ("array",)},
    "sqlite": {"string": ("text",), "number": ("integer", "real"), "array": ("array",)},
    "mysql": {"string": ("STRING",), "number": ("INTEGER", "DOUBLE", "DECIMAL", "UNSIGNED INTEGER"), "array": ("ARRAY",)},
}


def json_condition(ctx: Context, model: Model, alias: str, jf: ir.JsonFilter, negate: bool = False) -> exp.Expression:
    """The filter as `type check AND match`; negated (`NOT`), `type check AND NOT match`: Prisma's
    NOT on a typed Json filter still requires the value to be of that type."""
    d = ctx.rules.name
    column = ctx.column(alias, model, jf.field)
    path = ctx.param(jf.path) if jf.path is not None else None

    def extracted() -> exp.Expression:
        if d == "postgres":
            doc = exp.Cast(this=column.copy(), to=exp.DataType.build("jsonb", dialect="postgres"))
            if path is None:
                return doc
            return exp.JSONBExtract(this=doc, expression=exp.Cast(this=path.copy(), to=exp.DataType.build("text[]", dialect="postgres")))
        return fn("json_extract" if d == "sqlite" else "JSON_EXTRACT", column.copy(), path.copy() if path is not None else exp.Literal.string("$"))

    def text() -> exp.Expression:  # the value as SQL text (strings unquoted)
        if d == "postgres":
            doc = exp.Cast(this=column.copy(), to=exp.DataType.build("jsonb", dialect="postgres"))
            p = exp.Cast(this=path.copy(), to=exp.DataType.build("text[]", dialect="postgres")) if path is not None else \
                exp.Cast(this=exp.Literal.string("{}"), to=exp.DataType.build("text[]", dialect="postgres"))
            return exp.JSONBExtractScalar(this=doc, expression=p)
        if d == "sqlite":
            return extracted()
        return fn("JSON_UNQUOTE", extracted())

    def json_type() -> exp.Expression:
        if d == "postgres":
            return fn("jsonb_typeof", extracted())
        if d == "sqlite":
            return fn("json_type", column.copy(), path.copy() if path is not None else exp.Literal.string("$"))
        return fn("JSON_TYPE", extracted())

    def is_a(kind: str) -> exp.Expression:
        return exp.In(this=json_type(), expressions=[exp.Literal.string(t) for t in _TYPES[d][kind]])

    def value(slot: ir.Slot) -> exp.Expression:  # a JSON text parameter, as the database reads JSON
        v = ctx.param(slot)
        if d == "postgres":
            return exp.Cast(this=v, to=exp.DataType.build("jsonb", dialect="postgres"))
        return fn("json_extract" if d == "sqlite" else "JSON_EXTRACT", v, exp.Literal.string("$"))

    if jf.op in ("equals", "not"):
        if d == "mysql":  # MariaDB's `=` on two JSON_EXTRACTs is unreliable: compare type and text
            wanted = fn("JSON_EXTRACT", ctx.param(jf.values[0]), exp.Literal.string("$"))
            same: exp.Expression = exp.And(
                this=exp.EQ(this=fn("JSON_TYPE", extracted()), expression=fn("JSON_TYPE", wanted)),
                expression=exp.EQ(this=fn("JSON_UNQUOTE", extracted()), expression=fn("JSON_UNQUOTE", wanted.copy())))
        else:
            same = exp.EQ(this=extracted(), expression=value(jf.values[0]))
        if (jf.op == "equals") != negate:
            return same
        differs = exp.Not(this=exp.Coalesce(this=exp.Paren(this=same), expressions=[exp.false()]))
        if path is not None:  # Prisma: a row without the path does not match `not` either
            return exp.And(this=exp.Not(this=exp.Is(this=extracted(), expression=exp.Null())), expression=differs)
        return differs
    if jf.op in ("array_starts_with", "array_ends_with"):
        first = jf.op == "array_starts_with"
        if d == "postgres":
            doc = exp.Cast(this=column.copy(), to=exp.DataType.build("jsonb", dialect="postgres"))
            base = exp.Cast(this=path.copy() if path is not None else exp.Literal.string("{}"),
                            to=exp.DataType.build("text[]", dialect="postgres"))
            step = exp.Cast(this=exp.Literal.string("{0}" if first else "{-1}"), to=exp.DataType.build("text[]", dialect="postgres"))
            element: exp.Expression = exp.JSONBExtract(this=doc, expression=exp.DPipe(this=base, expression=step))
            match: exp.Expression = exp.EQ(this=element, expression=value(jf.values[0]))
        else:
            base_path = path.copy() if path is not None else exp.Literal.string("$")
            if first or d == "sqlite":
                where = ctx.rules.concat([base_path, exp.Literal.string("[0]" if first else "[#-1]")])
            else:  # MySQL: the last index counted (MariaDB 10.11 misreads `[last]` of a stored array)
                last = fn("GREATEST", exp.Sub(this=fn("JSON_LENGTH", column.copy(), base_path.copy()), expression=exp.Literal.number(1)),
                          exp.Literal.number(0))
                where = ctx.rules.concat([base_path, exp.Literal.string("["), last, exp.Literal.string("]")])
            element = fn("json_extract" if d == "sqlite" else "JSON_EXTRACT", column.copy(), where)
            if d == "mysql":  # as for equals: MariaDB's `=` on JSON values is unreliable; compare type and text
                wanted_el = fn("JSON_EXTRACT", ctx.param(jf.values[0]), exp.Literal.string("$"))
                match = exp.And(
                    this=exp.EQ(this=fn("JSON_TYPE", element), expression=fn("JSON_TYPE", wanted_el)),
                    expression=exp.EQ(this=fn("JSON_UNQUOTE", element.copy()), expression=fn("JSON_UNQUOTE", wanted_el.copy())))
            else:  # SQLite reads a JSON null as SQL NULL: match it by type
                wanted_el = ctx.param(jf.values[0])
                match = exp.Or(
                    this=exp.EQ(this=element, expression=value(jf.values[0])),
                    expression=exp.And(
                        this=exp.EQ(this=fn("json_type", column.copy(), where.copy()), expression=exp.Literal.string("null")),
                        expression=exp.EQ(this=fn("json_type", wanted_el), expression=exp.Literal.string("null"))))
        if negate:
            match = exp.Not(this=exp.Coalesce(this=exp.Paren(this=match), expressions=[exp.false()]))
        return and_all([is_a("array"), match])  # type: ignore[return-value]
    def typed(kind: str, match: exp.Expression) -> exp.Expression:
        if negate:
            match = exp.Not(this=exp.Coalesce(this=exp.Paren(this=match), expressions=[exp.false()]))
        return and_all([is_a(kind), match])  # type: ignore[return-value]

    if jf.op.startswith("string_"):
        op = jf.op.removeprefix("string_").replace("starts_with", "startswith").replace("ends_with", "endswith")
        wanted = ctx.param(jf.values[0])  # a LIKE pattern, or the raw text where the dialect needs it
        return typed("string", ctx.rules.match(op, text(), wanted, wanted.copy(), jf.insensitive))
    if jf.op.endswith("_text"):  # lt/gt... with a string: compare strings
        return typed("string", _CMP[jf.op.removesuffix("_text")](this=text(), expression=ctx.param(jf.values[0])))
    if jf.op in _CMP:
        number = text() if d != "postgres" else exp.Cast(this=text(), to=exp.DataType.build("numeric"))
        return typed("number", _CMP[jf.op](this=number, expression=ctx.param(jf.values[0])))
    assert jf.op == "array_contains"
    if d == "postgres":
        items = exp.Cast(this=ctx.param(jf.values[0]), to=exp.DataType.build("jsonb", dialect="postgres")) if len(jf.values) == 1 else None
        parts = [exp.ArrayContainsAll(this=extracted(), expression=_pg_array_of(ctx, s)) for s in jf.values] if items is None else \
            [exp.ArrayContainsAll(this=extracted(), expression=_pg_array_of(ctx, jf.values[0]))]
        return typed("array", and_all(parts))  # type: ignore[arg-type]
    if d == "mysql":
        return typed("array", and_all([fn("JSON_CONTAINS", extracted(), fn("JSON_ARRAY", value(s))) for s in jf.values]))  # type: ignore[arg-type]
    each = []
    for s in jf.values:  # SQLite: every wanted element is one of the array's elements
        elements = exp.Select(expressions=[exp.Literal.number(1)]).from_(
            exp.Table(this=fn("json_each", column.copy(), path.copy() if path is not None else exp.Literal.string("$"))), copy=False)
        each.append(exp.Exists(this=elements.where(exp.EQ(this=exp.column("value"), expression=value(s)), copy=False)))
    return typed("array", and_all(each))  # type: ignore[arg-type]


def _pg_array_of(ctx: Context, slot: ir.Slot) -> exp.Expression:
    """jsonb_build_array(value): `@>` on arrays wants an array on the right."""
    return fn("jsonb_build_array", exp.Cast(this=ctx.param(slot), to=exp.DataType.build("jsonb", dialect="postgres")))
