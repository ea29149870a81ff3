"""DDL for the schema constructs beyond plain tables, kept apart from `ddl.py` (two hooks there).

- `view` blocks: no table (the view is the database's; Prisma creates none either), and no
  foreign keys to it.
- `@@schema` (PostgreSQL multiSchema): `CREATE SCHEMA IF NOT EXISTS` first, then every table,
  index target, foreign-key target and enum type qualified (`"shop"."Order"`), as Prisma writes.
- `@@fulltext` (MySQL): `CREATE FULLTEXT INDEX <table>_<cols>_idx ON ...`. PostgreSQL full-text
  search needs no index (Prisma's fullTextSearchPostgres computes `to_tsvector` per query).
- `where:` on `@@index` / `@@unique` (Prisma's partialIndexes preview): a partial index,
  `CREATE [UNIQUE] INDEX ... WHERE <condition>` on PostgreSQL and SQLite.

`prepare(schema)` takes out what plain `ddl.py` must not see (views, partial indexes);
`finish(schema, dialect, statements)` adds and qualifies what it left out.
"""

from __future__ import annotations

from typing import Any

import attrs
import sqlglot
from sqlglot import exp

from prisma_edge.compiler.sql.qualify import qualified_names, qualify
from prisma_edge.errors import SchemaError
from prisma_edge.schema.model import Index, Model, Schema

_MAX_NAME = {"postgres": 63, "mysql": 64, "sqlite": 10_000}


def prepare(schema: Schema) -> Schema:
    """The schema as plain DDL sees it: no views, no relation fields to views, no partial indexes."""
    views = {m.name for m in schema.models if m.is_view}
    partial = any(i.where is not None for m in schema.models for i in m.indexes)
    if not views and not partial:
        return schema
    models = []
    for m in schema.models:
        if m.is_view:
            continue
        fields = tuple(f for f in m.fields if not (f.relation is not None and f.relation.to_model in views))
        indexes = tuple(i for i in m.indexes if i.where is None)
        models.append(attrs.evolve(m, fields=fields, indexes=indexes))
    return schema.evolve(models=tuple(models))


def finish(schema: Schema, dialect: str, statements: list[exp.Expr]) -> list[exp.Expr]:
    """`statements` (from ddl.py, for `prepare(schema)`) plus fulltext and partial indexes, qualified."""
    out = list(statements)
    for m in schema.models:
        if m.is_view:
            continue
        out += [_fulltext(m, i, dialect) for i in m.fulltext] if dialect == "mysql" else []
        out += [_partial(m, i, dialect) for i in m.indexes if i.where is not None]
    tables, types = qualified_names(schema)
    if not tables and not types:
        return out
    if dialect != "postgres":
        raise SchemaError("`@@schema` (multiSchema) needs PostgreSQL")
    for s in out:
        qualify(s, tables, types)
    names = dict.fromkeys([*tables.values(), *types.values()])
    creates: list[exp.Expr] = [
        exp.Create(kind="SCHEMA", this=exp.Table(this=exp.to_identifier(n, quoted=True)), exists=True)
        for n in names
    ]
    return creates + out


def _name(model: Model, idx: Index, dialect: str, suffix: str) -> str:
    if idx.db_name:
        return idx.db_name
    cols = [model.field(n).db_name for n in idx.fields]  # type: ignore[union-attr]
    base = "_".join([model.db_name, *cols])
    return f"{base[: _MAX_NAME[dialect] - len(suffix) - 1]}_{suffix}"


def _cols(model: Model, idx: Index) -> list[exp.Expr]:
    return [exp.column(exp.to_identifier(model.field(n).db_name, quoted=True)) for n in idx.fields]  # type: ignore[union-attr]


def _fulltext(model: Model, idx: Index, dialect: str) -> exp.Expr:
    """`ALTER TABLE t ADD FULLTEXT INDEX name (cols)`: the catalog of Prisma's `CREATE FULLTEXT INDEX`
    (a form sqlglot builds as a tree)."""
    index = exp.IndexColumnConstraint(
        this=exp.to_identifier(_name(model, idx, dialect, "idx"), quoted=True),
        expressions=_cols(model, idx),
        kind="FULLTEXT",
    )
    return exp.Alter(
        this=exp.Table(this=exp.to_identifier(model.db_name, quoted=True)),
        kind="TABLE",
        actions=[exp.AddConstraint(expressions=[index])],
    )


def _partial(model: Model, idx: Index, dialect: str) -> exp.Expr:
    if dialect == "mysql":
        raise SchemaError(
            f"model {model.name}: partial indexes (`where:`) are not supported by MySQL", model.line
        )
    suffix = "key" if idx.unique else "idx"
    where = _condition(model, idx.where, dialect)
    params = exp.IndexParameters(columns=_cols(model, idx), where=exp.Where(this=where))
    return exp.Create(
        kind="INDEX",
        unique=idx.unique,
        this=exp.Index(
            this=exp.to_identifier(_name(model, idx, dialect, suffix), quoted=True),
            table=exp.Table(this=exp.to_identifier(model.db_name, quoted=True)),
            params=params,
        ),
    )


def _condition(model: Model, where: Any, dialect: str) -> exp.Expr:
    """`raw("...")` parsed as SQL (trusted schema text), or `{field: value}` as `col = value` terms."""
    if isinstance(where, str):
        try:
            return sqlglot.parse_one(where, read="postgres" if dialect == "postgres" else dialect)
        except sqlglot.errors.SqlglotError as e:
            raise SchemaError(
                f"model {model.name}: cannot parse the index condition {where!r}: {e}", model.line
            ) from None
    terms: list[exp.Expr] = []
    for name, value in where.items():
        column = exp.column(exp.to_identifier(model.field(name).db_name, quoted=True))  # type: ignore[union-attr]
        negate = isinstance(value, tuple)
        value = value[1] if negate else value
        if value is None:
            term: exp.Expr = exp.Is(this=column, expression=exp.Null())
            terms.append(exp.Not(this=term) if negate else term)
            continue
        lit = (
            exp.Boolean(this=value)
            if isinstance(value, bool)
            else (
                exp.Literal.number(value)
                if isinstance(value, int | float)
                else exp.Literal.string(str(value))
            )
        )
        terms.append(exp.NEQ(this=column, expression=lit) if negate else exp.EQ(this=column, expression=lit))
    out = terms[0]
    for t in terms[1:]:
        out = exp.And(this=out, expression=t)
    return out
