"""A database schema as the differ sees it: tables, columns, keys, indexes, foreign keys, enums.

Built from DDL statement trees (`from_schema`: the trees `ddl.ddl_expressions` makes for a
datamodel, so the target side is exactly Prisma's DDL), and compared by `differ`. Every part keeps
its sqlglot tree so the differ renders statements from trees, never from strings; comparisons use
the rendered SQL of those trees (same builder, same rendering: equal text means equal object).
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import define, field
from sqlglot import exp

from prisma_edge.schema.model import Schema

from .ddl import DdlDialect, ddl_expressions

__all__ = ["Column", "ForeignKey", "Index", "SqlSchema", "Table", "from_expressions", "from_schema"]

_SERIAL = {"SERIAL": "INT", "BIGSERIAL": "BIGINT", "SMALLSERIAL": "SMALLINT"}


@define
class Column:
    name: str
    definition: exp.ColumnDef
    type: str  # the type as rendered (PostgreSQL serials as their integer type)
    nullable: bool
    default: str | None
    autoincrement: bool


@define
class Index:
    name: str
    table: str
    unique: bool
    key: str  # columns, options and method as rendered: equal keys are the same index
    expr: exp.Expr


@define
class ForeignKey:
    name: str
    table: str
    columns: tuple[str, ...]
    key: str  # the whole constraint as rendered
    constraint: exp.Expr


@define
class Table:
    name: str
    columns: dict[str, Column] = field(factory=dict)
    primary_key: tuple[str | None, str] | None = None  # (constraint name, rendered columns)
    pk_expr: exp.Expr | None = None  # the PRIMARY KEY table constraint (None: inline or none)
    foreign_keys: dict[str, ForeignKey] = field(factory=dict)
    create: exp.Expr | None = None


@define
class SqlSchema:
    dialect: str
    tables: dict[str, Table] = field(factory=dict)
    indexes: dict[tuple[str, str], Index] = field(factory=dict)  # (table, index name)
    enums: dict[str, list[str]] = field(factory=dict)  # PostgreSQL enum types

    def table_indexes(self, table: str) -> list[Index]:
        return [i for (t, _), i in self.indexes.items() if t == table]


def from_schema(schema: Schema, dialect: DdlDialect) -> SqlSchema:
    """The database a datamodel describes, in `dialect` (the same trees `ddl_statements` renders)."""
    return from_expressions(ddl_expressions(schema, dialect), dialect)


def _name(e: exp.Expr | None) -> str:
    return e.name if e is not None else ""


def from_expressions(trees: Iterable[exp.Expr], dialect: str) -> SqlSchema:
    """Read CREATE TYPE / CREATE TABLE / CREATE INDEX / ALTER TABLE ADD CONSTRAINT trees."""
    out = SqlSchema(dialect)
    for e in trees:
        if isinstance(e, exp.Create) and e.args.get("kind") == "TYPE":
            dt = e.args["expression"]
            out.enums[_name(e.this)] = [v.name for v in dt.expressions]
        elif isinstance(e, exp.Create) and e.args.get("kind") == "TABLE":
            _table(out, e)
        elif isinstance(e, exp.Create) and e.args.get("kind") == "INDEX":
            idx = e.this
            table = _name(idx.args["table"])
            key = idx.args["params"].sql(dialect=dialect)
            out.indexes[(table, idx.name)] = Index(idx.name, table, bool(e.args.get("unique")), key, e)
        elif isinstance(e, exp.Alter):
            table = out.tables[_name(e.this)]
            for action in e.args.get("actions") or []:
                for c in action.expressions:
                    _constraint(out, table, c)
    return out


def _table(out: SqlSchema, e: exp.Create) -> None:
    schema = e.this
    t = Table(_name(schema.this), create=e)
    out.tables[t.name] = t
    for d in schema.expressions:
        if isinstance(d, exp.ColumnDef):
            t.columns[d.name] = _column(d, out.dialect)
            if d.find(exp.PrimaryKeyColumnConstraint):
                t.primary_key = (None, d.name)
        else:
            _constraint(out, t, d)


def _constraint(out: SqlSchema, t: Table, c: exp.Expr) -> None:
    inner = c.expressions[0] if isinstance(c, exp.Constraint) else c
    name = c.name if isinstance(c, exp.Constraint) else None
    if isinstance(inner, exp.PrimaryKey):
        t.primary_key = (name, ", ".join(x.sql(dialect=out.dialect) for x in inner.expressions))
        t.pk_expr = c
    elif isinstance(inner, exp.ForeignKey):
        cols = tuple(x.name for x in inner.expressions)
        fk_name = name or f"{t.name}_{'_'.join(cols)}_fkey"
        t.foreign_keys[fk_name] = ForeignKey(fk_name, t.name, cols, c.sql(dialect=out.dialect), c)


def _column(d: exp.ColumnDef, dialect: str) -> Column:
    kind = d.args.get("kind")
    type_sql = kind.sql(dialect=dialect) if kind is not None else ""
    auto = False
    if type_sql.upper() in _SERIAL:
        type_sql, auto = _SERIAL[type_sql.upper()], True
    if type_sql.upper() == "INT":  # sqlglot's spelling of a parsed INTEGER: one name for comparing
        type_sql = "INTEGER"
    nullable, default = True, None
    for cc in d.args.get("constraints") or []:
        k = cc.args.get("kind")
        if isinstance(k, exp.NotNullColumnConstraint) and not k.args.get("allow_null"):
            nullable = False
        elif isinstance(k, exp.PrimaryKeyColumnConstraint):
            nullable = False
        elif isinstance(k, exp.DefaultColumnConstraint):
            default = k.this.sql(dialect=dialect)
        elif isinstance(k, exp.AutoIncrementColumnConstraint):
            auto = True
    return Column(d.name, d, type_sql, nullable, default, auto)
