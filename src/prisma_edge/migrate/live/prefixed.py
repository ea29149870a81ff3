"""MySQL's datamodel side without a scratch database: the DDL applied as prefixed tables.

PlanetScale (and most hosted MySQL) lets no client `CREATE DATABASE`, and over its HTTP API each
statement may run in another session, so the scratch database of `scratch.py` (created, then
entered with `USE`) is out of reach. Prisma's `db push` on PlanetScale needs no shadow database;
neither does this: the datamodel's DDL runs in the live database with every table (and foreign-key
constraint, whose names MySQL keeps per database) renamed `_pes<hex>_<name>`, those tables are read
back with `SHOW CREATE TABLE` exactly as the live ones are (so type spellings never make a false
difference), the names are given back, and the tables dropped (foreign keys first), also on failure.
Live introspection skips tables with that prefix, so a scratch left by a killed process never reads
as the user's.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

import sqlglot
from sqlglot import exp

from prisma_edge.fetch_adapters.base import Connection, Query
from prisma_edge.migrate.ddl import ddl_statements
from prisma_edge.migrate.live.introspect import SCRATCH_TABLE, introspect_mysql_tables
from prisma_edge.migrate.sqlschema import SqlSchema
from prisma_edge.schema.model import Schema

__all__ = ["schema_of_datamodel_mysql"]

_MAX_NAME = 64  # MySQL identifiers


async def schema_of_datamodel_mysql(conn: Connection, schema: Schema) -> SqlSchema:
    """The tables `schema`'s DDL makes on this MySQL database, as introspection reads them."""
    prefix = f"_pes{secrets.token_hex(3)}_"
    assert SCRATCH_TABLE.match(prefix)
    names: dict[str, str] = {}  # original -> scratch (tables and foreign-key constraints)

    def scratch(name: str) -> str:
        if name not in names:
            full = prefix + name
            names[name] = full if len(full) <= _MAX_NAME else prefix + hashlib.sha256(name.encode()).hexdigest()[:24]
        return names[name]

    trees = [_renamed(sqlglot.parse_one(s, read="mysql"), scratch) for s in ddl_statements(schema, "mysql")]
    created: list[str] = []
    fks: list[tuple[str, str]] = []
    try:
        for t in trees:
            await conn.query(Query(t.sql(dialect="mysql")))
            if isinstance(t, exp.Create) and t.kind == "TABLE":
                created.append(t.this.this.name if isinstance(t.this, exp.Schema) else t.this.name)
            for c in t.find_all(exp.AddConstraint):
                for con in c.expressions:
                    if isinstance(con, exp.Constraint) and con.find(exp.ForeignKey):
                        fks.append((t.this.name, con.this.name))
        back = {v: k for k, v in names.items()}
        return await introspect_mysql_tables(conn, created, back)
    finally:
        await _drop(conn, created, fks)


def _renamed(tree: exp.Expr, rename: Callable[[str], str]) -> exp.Expr:
    """Tables and foreign-key constraint names through `rename` (columns and index names stay)."""
    for table in tree.find_all(exp.Table):
        table.set("this", exp.to_identifier(rename(table.name), quoted=True))
    for con in tree.find_all(exp.Constraint):
        if con.find(exp.ForeignKey) is not None and isinstance(con.this, exp.Identifier):
            con.set("this", exp.to_identifier(rename(con.this.name), quoted=True))
    return tree


async def _drop(conn: Connection, tables: list[str], fks: list[tuple[str, str]]) -> None:
    """Foreign keys first (any order of tables then drops), each step tried even if one fails."""
    statements = [
        exp.Alter(this=exp.Table(this=exp.to_identifier(t, quoted=True)), kind="TABLE",
                  actions=[exp.Drop(kind="FOREIGN KEY", tables=[exp.Table(this=exp.to_identifier(n, quoted=True))])])
        for t, n in fks
    ] + [exp.Drop(kind="TABLE", tables=[exp.Table(this=exp.to_identifier(t, quoted=True))], exists=True)
         for t in tables]  # fmt: skip
    for s in statements:
        try:
            await conn.query(Query(s.sql(dialect="mysql")))
        except Exception:  # noqa: BLE001, S110 - best effort: the next statements still run
            pass
