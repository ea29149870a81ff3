"""`migrate deploy / status / resolve / reset` over any `Connection`, recording `_prisma_migrations`
exactly as Prisma's schema engine does, so Prisma and prisma-edge can take turns on one database.

Theory of operation (Prisma's rules, checked against its engine in tests/test_migrate_deploy.py):
- The table is created with Prisma's own DDL (`CREATE TABLE IF NOT EXISTS`, per dialect, below).
- Applying migration M: INSERT a row (random UUID id, the file's checksum, `started_at` = now,
  `applied_steps_count` 0), run the script, then UPDATE `finished_at` = now and
  `applied_steps_count` = 1. Timestamps have millisecond precision, in UTC (SQLite: the text
  `2024-01-31T12:00:00.000+00:00`, as Prisma writes it through a driver adapter).
- On failure the row keeps `finished_at` NULL and gets the error in `logs`; every later deploy then
  stops with P3009 until `migrate resolve --applied|--rolled-back` marks it.
- A row counts as applied when `finished_at` is set and `rolled_back_at` is not; a rolled-back
  migration is applied again (a new row).
- Deploying into a non-empty database that has no `_prisma_migrations` table is P3005 (baseline
  it with `migrate resolve --applied`).
- PostgreSQL runs each file in one transaction (Prisma sends it as one multi-statement query,
  which PostgreSQL runs atomically); MySQL and SQLite run its statements one by one (DDL commits
  there anyway; SQLite `PRAGMA foreign_keys` only works outside a transaction).
"""

from __future__ import annotations

import datetime
import inspect
import uuid
from collections.abc import Sequence
from typing import Any

from attrs import frozen
from sqlglot import exp

from prisma_edge.errors import ClientError, PrismaEdgeError
from prisma_edge.fetch_adapters.base import Connection, Query

from .history import Migration
from .split import split_statements

__all__ = ["AppliedRow", "MigrationStatus", "deploy", "mark_applied", "mark_rolled_back", "reset", "status",
           "unexecutable"]

TABLE = "_prisma_migrations"
# Prisma's DDL for the table, byte for byte per connector (constants: no value is ever put in them).
_CREATE = {
    "postgres": """CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)""",
    "mysql": """CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci""",
    "sqlite": """CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)""",
}
_COLUMNS = ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at",
            "applied_steps_count")


def _error(code: str, message: str) -> ClientError:
    err = ClientError(message)
    err.code = code
    return err


@frozen
class AppliedRow:
    """One row of `_prisma_migrations`."""

    id: str
    checksum: str
    finished_at: Any
    migration_name: str
    logs: str | None
    rolled_back_at: Any
    started_at: Any
    applied_steps_count: int

    @property
    def applied(self) -> bool:
        return self.finished_at is not None and self.rolled_back_at is None

    @property
    def failed(self) -> bool:
        return self.finished_at is None and self.rolled_back_at is None


@frozen
class MigrationStatus:
    """What `migrate status` reports. `clean` when nothing is pending, failed, edited or unknown."""

    applied: tuple[str, ...]
    pending: tuple[str, ...]
    failed: tuple[str, ...]
    modified: tuple[str, ...]  # applied, but the local file's checksum differs
    missing: tuple[str, ...]  # applied in the database, not in the local folder
    has_table: bool

    @property
    def clean(self) -> bool:
        return not (self.pending or self.failed or self.modified or self.missing)


# -- SQL helpers ---------------------------------------------------------------------------------


def _style(conn: Connection) -> str:
    return getattr(conn, "paramstyle", None) or ("numeric" if conn.dialect == "postgres" else "qmark")


def _render(conn: Connection, e: exp.Expr) -> str:
    """Render with the connection's placeholders: `$1` (PostgreSQL adapters), `?`, or `%s` (DB-API)."""
    sql = e.sql(dialect=conn.dialect)
    token = "%s" if conn.dialect == "postgres" else "?"  # how sqlglot writes an anonymous placeholder
    style = _style(conn)
    if (style == "format" and token == "%s") or (style == "qmark" and token == "?"):
        return sql
    parts = sql.split(token)  # our statements hold no such text but the placeholders (names are constants)
    out = [parts[0]]
    for n, part in enumerate(parts[1:], 1):
        out.append(f"${n}" if style == "numeric" else "%s" if style == "format" else "?")
        out.append(part)
    return "".join(out)


def _now(conn: Connection) -> str:
    """Now, UTC, millisecond precision, as text the column takes (and as Prisma records it)."""
    now = datetime.datetime.now(datetime.UTC)
    ms = f"{now:%Y-%m-%d}{'T' if conn.dialect != 'mysql' else ' '}{now:%H:%M:%S}.{now.microsecond // 1000:03d}"
    return ms if conn.dialect == "mysql" else ms + "+00:00"


def _t() -> exp.Table:
    return exp.Table(this=exp.to_identifier(TABLE, quoted=True))


def _c(name: str) -> exp.Column:
    return exp.column(exp.to_identifier(name, quoted=True))


async def _run(conn: Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    return await conn.query(Query(sql, tuple(params)))


async def _has_table(conn: Connection) -> bool:
    return TABLE in await user_tables(conn)


async def user_tables(conn: Connection) -> list[str]:
    """The tables of the connection's database (PostgreSQL: its current schema)."""
    d = conn.dialect
    if d == "sqlite":
        q = (exp.select(exp.column("name")).from_("sqlite_master")
             .where(exp.and_(exp.column("type").eq(exp.Literal.string("table")),
                             exp.not_(exp.column("name").like(exp.Literal.string("sqlite_%"))))))
    else:
        current: exp.Expr = exp.CurrentSchema() if d == "postgres" else exp.Anonymous(this="DATABASE", expressions=[])
        q = (exp.select(exp.column("table_name")).from_(exp.table_("tables", db="information_schema"))
             .where(exp.and_(exp.column("table_schema").eq(current),
                             exp.column("table_type").eq(exp.Literal.string("BASE TABLE")))))
    rs = await _run(conn, q.sql(dialect=d))
    return [str(r[0]) for r in rs.rows]


async def ensure_table(conn: Connection) -> None:
    """Create `_prisma_migrations` (Prisma's DDL) when it is not there."""
    await _run(conn, _CREATE[conn.dialect])


async def applied_rows(conn: Connection) -> list[AppliedRow]:
    """Every row of `_prisma_migrations`, oldest first ([] when the table does not exist)."""
    if not await _has_table(conn):
        return []
    q = exp.select(*[_c(c) for c in _COLUMNS]).from_(_t()).order_by(_c("started_at"), _c("migration_name"))
    rs = await _run(conn, q.sql(dialect=conn.dialect))
    return [AppliedRow(str(r[0]), str(r[1]), r[2], str(r[3]), r[4], r[5], r[6], int(r[7] or 0)) for r in rs.rows]


async def _insert(conn: Connection, m: Migration, *, finished: bool) -> str:
    row_id = str(uuid.uuid4())
    cols = ["id", "checksum", "started_at", "migration_name", "applied_steps_count"]
    vals: list[Any] = [row_id, m.checksum, _now(conn), m.name, 0]
    if finished:  # `migrate resolve --applied`: recorded as applied with no steps run
        cols.append("finished_at")
        vals.append(_now(conn))
    ins = exp.insert(exp.Values(expressions=[exp.Tuple(expressions=[exp.Placeholder() for _ in cols])]), _t(), columns=[
        exp.to_identifier(c, quoted=True) for c in cols])
    await _run(conn, _render(conn, ins), vals)
    return row_id


async def _update(conn: Connection, row_id: str, **values: Any) -> None:
    upd = exp.update(_t(), {k: exp.Placeholder() for k in values},
                     where=exp.EQ(this=_c("id"), expression=exp.Placeholder()))
    for eq in upd.expressions:  # quote the column names
        eq.set("this", _c(eq.this.name))
    await _run(conn, _render(conn, upd), [*values.values(), row_id])


# -- the commands --------------------------------------------------------------------------------


async def _apply_script(conn: Connection, script: str) -> None:
    statements = split_statements(script, conn.dialect)
    if not statements:
        return
    if conn.dialect == "postgres":  # one transaction, as PostgreSQL runs Prisma's one multi-statement query
        await conn.batch([Query(s) for s in statements])
        return
    runner = getattr(conn, "execute_script", None)
    if inspect.iscoroutinefunction(runner):  # libSQL: one request, one stream
        await runner(statements)
        return
    for s in statements:
        await _run(conn, s)


def _failed_error(row: AppliedRow) -> ClientError:
    return _error("P3009", "migrate found failed migrations in the target database, new migrations will not be "
                  "applied. Read more about how to resolve migration issues in a production database: "
                  f"https://pris.ly/d/migrate-resolve\nThe `{row.migration_name}` migration started at "
                  f"{row.started_at} failed")


async def deploy(conn: Connection, migrations: Sequence[Migration]) -> list[str]:
    """Apply every migration not yet applied, in order (`prisma migrate deploy`). Returns their names.

    Raises:
        ClientError: P3005 (a non-empty database without migration history), P3009 (a failed
            migration is recorded), P3018 (a migration failed now; its row holds the error).
    """
    tables = await user_tables(conn)
    if TABLE not in tables and tables:
        raise _error("P3005", "the database schema is not empty. Read more about how to baseline an existing "
                     "production database: https://pris.ly/d/migrate-baseline")
    await ensure_table(conn)
    rows = await applied_rows(conn)
    if failed := [r for r in rows if r.failed]:
        raise _failed_error(failed[0])
    done = {r.migration_name for r in rows if r.applied}
    out: list[str] = []
    for m in migrations:
        if m.name in done:
            continue
        row_id = await _insert(conn, m, finished=False)
        try:
            await _apply_script(conn, m.script)
        except PrismaEdgeError as e:
            await _update(conn, row_id, logs=str(e))
            raise _error("P3018", f"a migration failed to apply. New migrations cannot be applied before the error "
                         f"is recovered from.\nMigration name: {m.name}\nDatabase error: {e}") from None
        await _update(conn, row_id, finished_at=_now(conn), applied_steps_count=1)
        out.append(m.name)
    return out


async def status(conn: Connection, migrations: Sequence[Migration]) -> MigrationStatus:
    """Compare the local history with `_prisma_migrations` (`prisma migrate status`)."""
    has = await _has_table(conn)
    rows = await applied_rows(conn) if has else []
    local = {m.name: m for m in migrations}
    applied = [r for r in rows if r.applied]
    applied_names = {r.migration_name for r in applied}
    return MigrationStatus(
        applied=tuple(r.migration_name for r in applied),
        pending=tuple(m.name for m in migrations if m.name not in applied_names),
        failed=tuple(r.migration_name for r in rows if r.failed),
        modified=tuple(r.migration_name for r in applied if r.migration_name in local
                       and not local[r.migration_name].matches(r.checksum)),
        missing=tuple(r.migration_name for r in applied if r.migration_name not in local),
        has_table=has,
    )


def _find(migrations: Sequence[Migration], name: str) -> Migration:
    for m in migrations:
        if m.name == name:
            return m
    raise _error("P3017", f"the migration {name} could not be found in the migrations folder")


async def mark_applied(conn: Connection, migrations: Sequence[Migration], name: str) -> None:
    """`migrate resolve --applied NAME`: record NAME as applied without running it (baselining,
    or after fixing a failed migration by hand). A failed row of NAME is marked rolled back."""
    m = _find(migrations, name)
    await ensure_table(conn)
    rows = [r for r in await applied_rows(conn) if r.migration_name == name]
    if any(r.applied for r in rows):
        raise _error("P3008", f"the migration `{name}` is already recorded as applied in the database")
    for r in rows:
        if r.failed:
            await _update(conn, r.id, rolled_back_at=_now(conn))
    await _insert(conn, m, finished=True)


async def mark_rolled_back(conn: Connection, migrations: Sequence[Migration], name: str) -> None:
    """`migrate resolve --rolled-back NAME`: mark NAME's failed row rolled back (deploy retries it)."""
    rows = [r for r in await applied_rows(conn) if r.migration_name == name and r.failed]
    if not rows:
        raise _error("P3012", f"migration `{name}` cannot be rolled back because it is not in a failed state")
    for r in rows:
        await _update(conn, r.id, rolled_back_at=_now(conn))


async def unexecutable(conn: Connection, steps: Sequence[Any]) -> list[str]:
    """The differ's unexecutable messages that hold here: Prisma counts rows and refuses only when a
    table the step needs empty (a required column added without a default) has any."""
    out: list[str] = []
    for st in steps:
        for table in getattr(st, "needs_empty", []):
            q = exp.select(exp.Count(this=exp.Star())).from_(exp.Table(this=exp.to_identifier(table, quoted=True)))
            rs = await _run(conn, q.sql(dialect=conn.dialect))
            if int(rs.rows[0][0] or 0) > 0:
                out += [u for u in st.unexecutable if f"`{table}` table" in u]
    return out


async def reset(conn: Connection, migrations: Sequence[Migration]) -> list[str]:
    """`migrate reset`: drop everything in the database (schema), then apply every migration."""
    await drop_everything(conn)
    return await deploy(conn, migrations)


async def drop_everything(conn: Connection) -> None:
    """Empty the database: PostgreSQL drops and recreates its current schema (as Prisma's reset);
    MySQL and SQLite drop every table with foreign-key checks off."""
    d = conn.dialect
    if d == "postgres":
        rs = await _run(conn, exp.select(exp.CurrentSchema()).sql(dialect=d))
        schema = exp.to_identifier(str(rs.rows[0][0]), quoted=True)
        await conn.batch([Query(exp.Drop(kind="SCHEMA", tables=[exp.Table(this=schema)], exists=True,
                                         cascade=True).sql(dialect=d)),
                          Query(exp.Create(kind="SCHEMA", this=exp.Table(this=schema)).sql(dialect=d))])
        return
    tables = await user_tables(conn)
    drops = [exp.Drop(kind="TABLE", tables=[exp.Table(this=exp.to_identifier(t, quoted=True))], exists=True
                      ).sql(dialect=d) for t in tables]
    if d == "mysql":
        drops = ["SET FOREIGN_KEY_CHECKS = 0", *drops, "SET FOREIGN_KEY_CHECKS = 1"]
    else:
        drops = ["PRAGMA foreign_keys = OFF", *drops, "PRAGMA foreign_keys = ON"]
    runner = getattr(conn, "execute_script", None)
    if inspect.iscoroutinefunction(runner):
        await runner(drops)
        return
    for s in drops:
        await _run(conn, s)
