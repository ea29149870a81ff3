"""Read a live database into a `SqlSchema` (for `migrate diff --from-url`, `migrate dev`, `db push`).

PostgreSQL: the catalogs of one schema (`pg_attribute`, `format_type`, `pg_get_expr`,
`pg_get_indexdef`, `pg_get_constraintdef`, `pg_enum`), each definition parsed by sqlglot into the
same kind of tree the DDL builder makes. SQLite: the CREATE statements kept in `sqlite_master`.
Tables named `_prisma_migrations` are left out.

Both sides of a comparison are read the same way: to compare a database with a datamodel, the
datamodel's DDL is applied to a scratch schema (`scratch.py`) and introspected too, so type
spellings (`integer` / `INT`) never make a false difference.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import sqlglot
from sqlglot import exp

from prisma_edge.fetch_adapters.base import Connection, Query
from prisma_edge.migrate.sqlschema import SqlSchema, from_expressions

__all__ = ["SCRATCH_TABLE", "introspect", "introspect_mysql_tables"]

_SKIP = {"_prisma_migrations"}
SCRATCH_TABLE = re.compile(r"^_pes[0-9a-f]{6}_")  # prefixed.py's scratch tables: never the user's


async def introspect(conn: Connection, schema: str | None = None) -> SqlSchema:
    """The tables, keys, indexes, foreign keys and enums of the connection's database
    (PostgreSQL: of `schema`, default the current schema)."""
    if conn.dialect == "postgres":
        return await _postgres(conn, schema)
    if conn.dialect == "sqlite":
        return await _sqlite(conn)
    return await _mysql(conn, schema)


async def _rows(conn: Connection, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if params and getattr(conn, "paramstyle", None) == "format":  # a DB-API driver (the CLI): %s
        sql = sql.replace("%", "%%").replace("$1", "%s")
    return [tuple(r) for r in (await conn.query(Query(sql, params))).rows]


# Catalog queries: constant text with one bound parameter ($1, the schema name).
_TABLES = """SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname"""
_COLUMNS = """SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
pg_get_expr(d.adbin, d.adrelid), a.attidentity
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum"""
_CONSTRAINTS = """SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid, true)
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND k.contype IN ('p', 'f') ORDER BY c.relname, k.conname"""
_INDEXES = """SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND NOT x.indisprimary
ORDER BY c.relname, i.relname"""
_ENUMS = """SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder"""


def _ident(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def _unqualified(tree: exp.Expr) -> exp.Expr:
    """Drop schema qualifiers (`public."User"`): both sides of a diff live in different schemas."""
    for t in tree.find_all(exp.Table):
        t.set("db", None)
        t.set("catalog", None)
        if isinstance(t.this, exp.Identifier):
            t.this.set("quoted", True)
    for c in tree.find_all(exp.Column):
        if isinstance(c.this, exp.Identifier):
            c.this.set("quoted", True)
    return tree


async def _postgres(conn: Connection, schema: str | None) -> SqlSchema:
    if schema is None:
        schema = str((await _rows(conn, "SELECT current_schema()"))[0][0])
    args = (schema,)
    tables = [r[0] for r in await _rows(conn, _TABLES, args) if r[0] not in _SKIP]
    defs: dict[str, list[exp.Expr]] = {t: [] for t in tables}
    for table, col, type_text, notnull, default, _identity in await _rows(conn, _COLUMNS, args):
        if table not in defs:
            continue
        # format_type / pg_get_expr qualify types of a schema off the search path: `s."Role"`
        for q in (f'"{schema}".', f"{schema}."):
            type_text = str(type_text).replace(q, "")
            default = None if default is None else str(default).replace(q, "")
        dtype = exp.DataType.build(str(type_text), dialect="postgres", udt=True)
        if isinstance(dtype.this, exp.DataType.Type) and dtype.this == exp.DataType.Type.USERDEFINED:
            kind = dtype.args.get("kind")
            if isinstance(kind, exp.Identifier):
                kind.set("quoted", True)
        cons: list[exp.Expr] = []
        if default and str(default).startswith("nextval("):  # a serial: SERIAL / BIGSERIAL
            serial = {"integer": "SERIAL", "bigint": "BIGSERIAL", "smallint": "SMALLSERIAL"}.get(str(type_text))
            if serial:
                dtype, default = exp.DataType(this=exp.DataType.Type.USERDEFINED, kind=serial), None
        if notnull:
            cons.append(exp.NotNullColumnConstraint())
        if default is not None:
            cons.append(exp.DefaultColumnConstraint(this=sqlglot.parse_one(str(default), read="postgres")))
        defs[table].append(exp.ColumnDef(this=_ident(col), kind=dtype,
                                         constraints=[exp.ColumnConstraint(kind=c) for c in cons]))
    alters: list[exp.Expr] = []
    for table, name, kind, definition in await _rows(conn, _CONSTRAINTS, args):
        if table not in defs:
            continue
        parsed = _unqualified(sqlglot.parse_one(f"ALTER TABLE x ADD CONSTRAINT x {definition}", read="postgres"))
        constraint = parsed.args["actions"][0].expressions[0]
        constraint.set("this", _ident(name))
        if kind == "p":
            defs[table].append(constraint)
        else:
            alters.append(exp.Alter(this=exp.Table(this=_ident(table)), kind="TABLE",
                                    actions=[exp.AddConstraint(expressions=[constraint])]))
    trees: list[exp.Expr] = []
    enums: dict[str, list[str]] = {}
    for typ, label in await _rows(conn, _ENUMS, args):
        enums.setdefault(str(typ), []).append(str(label))
    for typ, labels in enums.items():
        trees.append(exp.Create(kind="TYPE", this=exp.Table(this=_ident(typ)), expression=exp.DataType(
            this=exp.DataType.Type.ENUM, expressions=[exp.Literal.string(v) for v in labels])))
    for t in tables:
        trees.append(exp.Create(kind="TABLE", this=exp.Schema(this=exp.Table(this=_ident(t)), expressions=defs[t])))
    for _table, _name, indexdef in await _rows(conn, _INDEXES, args):
        if _table in defs:
            trees.append(_unqualified(sqlglot.parse_one(str(indexdef), read="postgres")))
    return from_expressions([*trees, *alters], "postgres")


async def _sqlite(conn: Connection) -> SqlSchema:
    rows = await _rows(conn, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name")
    trees: list[exp.Expr] = []
    for typ, name, sql in rows:
        if str(name).startswith("sqlite_") or name in _SKIP or typ not in ("table", "index"):
            continue
        tree = _unqualified(sqlglot.parse_one(str(sql), read="sqlite"))
        if typ == "table":  # keep each column's declared type as written (sqlglot would say INTEGER for BOOLEAN)
            info = await _rows(conn, f"PRAGMA table_info({_quoted(str(name))})")
            declared = {str(r[1]): str(r[2]) for r in info}
            for col in tree.find_all(exp.ColumnDef):
                if declared.get(col.name):
                    col.set("kind", exp.DataType(this=exp.DataType.Type.USERDEFINED, kind=declared[col.name]))
        trees.append(tree)
    return from_expressions(trees, "sqlite")


async def _mysql(conn: Connection, database: str | None) -> SqlSchema:
    """MySQL/MariaDB: each table's `SHOW CREATE TABLE`, its inline KEYs turned into CREATE INDEX trees."""
    if database is None:
        database = str((await _rows(conn, "SELECT DATABASE()"))[0][0])
    q = (exp.select(exp.column("table_name")).from_(exp.table_("tables", db="information_schema"))
         .where(exp.and_(exp.column("table_schema").eq(exp.Literal.string(database)),
                         exp.column("table_type").eq(exp.Literal.string("BASE TABLE"))))
         .order_by(exp.column("table_name")))
    tables = [str(t) for (t,) in await _rows(conn, q.sql(dialect="mysql"))]
    return await introspect_mysql_tables(
        conn, [t for t in tables if t not in _SKIP and not SCRATCH_TABLE.match(t)], {}, database
    )


async def introspect_mysql_tables(conn: Connection, tables: Sequence[str], rename: Mapping[str, str],
                                  database: str | None = None) -> SqlSchema:
    """`tables` read with `SHOW CREATE TABLE` (of `database`, default the current one); every
    identifier named in `rename` (prefixed.py's scratch tables and constraints) given its own name."""
    trees: list[exp.Expr] = []
    indexes: list[exp.Expr] = []
    db = exp.to_identifier(database, quoted=True).sql(dialect="mysql") + "." if database else ""
    for table in tables:
        ident = exp.to_identifier(str(table), quoted=True).sql(dialect="mysql")
        [(_, create)] = await _rows(conn, f"SHOW CREATE TABLE {db}{ident}")
        tree = sqlglot.parse_one(str(create), read="mysql")
        if rename:
            for node in tree.find_all(exp.Identifier):
                if node.name in rename:
                    node.set("this", rename[node.name])
            table = rename.get(table, table)
        schema = tree.this
        keep = []
        for d in schema.expressions:
            if isinstance(d, exp.IndexColumnConstraint | exp.UniqueColumnConstraint):
                unique = isinstance(d, exp.UniqueColumnConstraint) or str(d.args.get("kind") or "").upper() == "UNIQUE"
                name, cols = (d.this.this, d.this.expressions) if isinstance(d.this, exp.Schema) else (
                    d.this, d.expressions)
                params = exp.IndexParameters(columns=[c.copy() for c in cols])
                indexes.append(exp.Create(kind="INDEX", unique=unique, this=exp.Index(
                    this=name.copy(), table=exp.Table(this=exp.to_identifier(str(table), quoted=True)),
                    params=params)))
            else:
                keep.append(d)
        schema.set("expressions", keep)
        trees.append(tree)
    return from_expressions([*trees, *indexes], "mysql")


def _quoted(name: str) -> str:
    return exp.to_identifier(name, quoted=True).sql(dialect="sqlite")
