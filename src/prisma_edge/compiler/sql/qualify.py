"""Schema-qualified names for `@@schema` (PostgreSQL multiSchema), applied to a whole statement.

The compiler and the DDL name tables by their database name only; for a schema with `@@schema`
this pass rewrites, just before rendering, every table reference `"Order"` to `"shop"."Order"`
and every enum type `"Status"` to `"shop"."Status"`, as Prisma's SQL does. Names the statement
defines itself (CTEs) are left alone. Schemas without `@@schema` never reach this module.
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from ...schema.model import Schema


def qualified_names(schema: Schema) -> tuple[dict[str, str], dict[str, str]]:
    """({table: db schema}, {enum type: db schema}); implicit m-n tables go with their `A` model."""
    tables = {m.db_name: m.db_schema for m in schema.models if m.db_schema}
    types = {e.db_name: e.db_schema for e in schema.enums if e.db_schema}
    if tables:
        for m in schema.models:
            for f in m.relation_fields:
                r = f.relation
                if r is not None and r.join_table and r.self_column == "A" and m.db_schema:
                    tables.setdefault(r.join_table, m.db_schema)
    return tables, types


def qualify(expression: exp.Expression, tables: dict[str, str], types: dict[str, str]) -> exp.Expression:
    """Qualify (in place) the table and type names of `expression` that have a db schema."""
    ctes = {c.alias for c in expression.find_all(exp.CTE)}
    for t in expression.find_all(exp.Table):
        if t.args.get("db") is not None or t.name in ctes:
            continue
        is_type = (
            isinstance(t.parent, exp.Create | exp.Drop)
            and str(t.parent.args.get("kind", "")).upper() == "TYPE"
        )
        schema = (types if is_type else tables).get(t.name)
        if schema:
            t.set("db", exp.to_identifier(schema, quoted=True))
    if types:
        for dt in expression.find_all(exp.DataType):
            kind = dt.args.get("kind")
            if isinstance(kind, exp.Identifier) and kind.name in types:
                dt.set(
                    "kind", exp.Dot(this=exp.to_identifier(types[kind.name], quoted=True), expression=kind)
                )
    return expression


class QualifyingRules:
    """A `Rules` stand-in that qualifies names before rendering; everything else is the rules'."""

    def __init__(self, rules: Any, tables: dict[str, str], types: dict[str, str]) -> None:
        self._rules, self._tables, self._types = rules, tables, types

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rules, name)

    def render(self, expression: exp.Expression) -> Any:
        return self._rules.render(qualify(expression, self._tables, self._types))
