"""Small pieces of the DDL builder: sqlglot node helpers and which tables a schema has.

Kept apart from ddl.py so the statement builder stays one readable module.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlglot import exp

from prisma_edge.schema.model import Field, Model, Schema

__all__ = ["all_models", "columns", "ident", "join_tables", "params", "snake", "table"]


def all_models(schema: Schema) -> tuple[Model, ...]:
    """The models that have a table: the client's and the `@@ignore`d ones."""
    return schema.models + schema.ignored_models


def columns(model: Model) -> list[Field]:
    """A table's columns in schema order, `@ignore`d fields included."""
    fields = list(model.scalar_fields)
    for f in model.ignored_fields:  # put back where it was declared (fields keep their line)
        at = next((i for i, g in enumerate(fields) if g.line > f.line), len(fields))
        fields.insert(at, f)
    return fields


def ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def table(name: str) -> exp.Table:
    return exp.Table(this=ident(name))


def params(args: Iterable[int]) -> list[exp.DataTypeParam]:
    return [exp.DataTypeParam(this=exp.Literal.number(a)) for a in args]


def join_tables(schema: Schema) -> dict[str, dict[str, tuple[Model, str]]]:
    """Implicit m-n join tables: name -> {"A"/"B": (referenced model, referenced db column)}."""
    out: dict[str, dict[str, tuple[Model, str]]] = {}
    for model in all_models(schema):
        for f in model.relation_fields:
            r = f.relation
            if r is None or r.kind != "many_to_many" or not r.join_table:
                continue
            cols = out.setdefault(r.join_table, {})
            other = schema.model(r.to_model)
            if r.self_column and r.self_key:
                cols[r.self_column] = (model, r.self_key)
            if other is not None and r.other_column and r.other_key:
                cols[r.other_column] = (other, r.other_key)
    return out


def snake(ops: str) -> str:
    """`JsonbPathOps` -> `jsonb_path_ops`; a `raw("...")` operator class is already as written."""
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(ops))
