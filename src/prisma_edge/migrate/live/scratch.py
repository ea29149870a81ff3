"""Scratch databases for the differ: a datamodel or a migration history, applied and read back.

PostgreSQL: a scratch *schema* in the same database (`prisma_edge_shadow_<hex>`), so it works over
every adapter, Neon HTTP included (no CREATE DATABASE needed); each batch sets `search_path` for
its own transaction. SQLite: an in-memory database (the standard library's sqlite3).
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlglot import exp

from prisma_edge.fetch_adapters.base import Connection, Query
from prisma_edge.migrate.ddl import ddl_statements
from prisma_edge.migrate.history import Migration
from prisma_edge.migrate.live.introspect import introspect
from prisma_edge.migrate.split import split_statements
from prisma_edge.migrate.sqlschema import SqlSchema
from prisma_edge.schema.model import Schema

__all__ = ["schema_of_datamodel", "schema_of_migrations"]


@asynccontextmanager
async def _scratch(conn: Connection) -> AsyncIterator[tuple[Connection, str | None]]:
    if conn.dialect == "sqlite":
        from prisma_edge.fetch_adapters.sqlite import SqliteAdapter

        db = SqliteAdapter(":memory:")
        try:
            yield db, None
        finally:
            await db.close()
        return
    name = f"prisma_edge_shadow_{secrets.token_hex(6)}"
    if conn.dialect == "mysql":  # a scratch database, entered with USE (a session: the CLI's TCP driver)
        async with _mysql_scratch(conn, name) as ns:
            yield conn, ns
        return
    ident = exp.to_identifier(name, quoted=True)
    await conn.query(Query(exp.Create(kind="SCHEMA", this=exp.Table(this=ident)).sql(dialect="postgres")))
    try:
        yield conn, name
    finally:
        await conn.query(Query(exp.Drop(kind="SCHEMA", tables=[exp.Table(this=ident)], exists=True,
                                        cascade=True).sql(dialect="postgres")))


@asynccontextmanager
async def _mysql_scratch(conn: Connection, name: str) -> AsyncIterator[str]:
    ident = exp.to_identifier(name, quoted=True).sql(dialect="mysql")
    home = str((await conn.query(Query("SELECT DATABASE()"))).rows[0][0])
    await conn.query(Query(f"CREATE DATABASE {ident} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    try:
        yield name
    finally:
        await conn.query(Query("USE " + exp.to_identifier(home, quoted=True).sql(dialect="mysql")))
        await conn.query(Query(f"DROP DATABASE IF EXISTS {ident}"))


async def _run(conn: Connection, schema: str | None, statements: Sequence[str], *, fallback: str = "") -> None:
    if not statements:
        return
    if conn.dialect == "mysql" and schema is not None:
        home = str((await conn.query(Query("SELECT DATABASE()"))).rows[0][0])
        await conn.query(Query("USE " + exp.to_identifier(schema, quoted=True).sql(dialect="mysql")))
        try:
            for s in statements:
                await conn.query(Query(s))
        finally:
            await conn.query(Query("USE " + exp.to_identifier(home, quoted=True).sql(dialect="mysql")))
        return
    if schema is None:
        script: Any = getattr(conn, "execute_script", None)
        if script is not None:
            result = script(list(statements))
            if hasattr(result, "__await__"):
                await result
            return
        for s in statements:
            await conn.query(Query(s))
        return
    path = exp.to_identifier(schema, quoted=True).sql(dialect="postgres")
    if fallback:  # where extensions (operator classes, types) live; our tables are found first
        path += ", " + exp.to_identifier(fallback, quoted=True).sql(dialect="postgres")
    # SET LOCAL holds for this batch's transaction only: other users of the connection never see it
    await conn.batch([Query(f"SET LOCAL search_path TO {path}"), *(Query(s) for s in statements)])


async def schema_of_datamodel(conn: Connection, schema: Schema) -> SqlSchema:
    """The database `schema`'s DDL makes, as introspection reads it (comparable with a live one).

    MySQL: prefixed tables in the live database (`prefixed.py`), so it runs where no database can
    be created and over PlanetScale's HTTP API."""
    if conn.dialect == "mysql":
        from prisma_edge.migrate.live.prefixed import schema_of_datamodel_mysql

        return await schema_of_datamodel_mysql(conn, schema)
    async with _scratch(conn) as (db, ns):
        # the DDL names only tables it created before (parents first), so the live schema after the
        # scratch one in search_path can only supply extension objects (gin_trgm_ops, citext)
        current = None if ns is None or conn.dialect != "postgres" else str(
            (await db.query(Query("SELECT current_schema()"))).rows[0][0])
        await _run(db, ns, ddl_statements(schema, conn.dialect), fallback=current or "")  # type: ignore[arg-type]
        return await introspect(db, ns)


async def schema_of_migrations(conn: Connection, migrations: Sequence[Migration]) -> SqlSchema:
    """The database a migration history makes (replayed on a scratch database, Prisma's shadow).

    PostgreSQL: the scratch schema alone is on the search path (a migration's `DROP TABLE IF EXISTS`
    must never reach the live tables), so a history that needs an extension installed in the live
    schema fails here with the database's error."""
    async with _scratch(conn) as (db, ns):
        for m in migrations:
            await _run(db, ns, split_statements(m.script, conn.dialect))
        return await introspect(db, ns)
