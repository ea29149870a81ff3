"""`prisma-edge db push`: create a schema's tables in a database.

`push_schema(connection, schema)` is the one implementation: it runs `ddl.ddl_statements` through
any `fetch_adapters.base.Connection`, so the client can create tables over SQLite, Neon or
PlanetScale. The CLI (`run`) wraps a blocking driver (stdlib sqlite3, psycopg, PyMySQL) in that
same interface; the drivers are optional extras imported only when their URL is used.

Into a database that already holds some of the schema's tables, `db push` applies the difference
(migrate/differ.py, as Prisma's `db push`) on PostgreSQL and SQLite: changes that may lose data are
refused with Prisma's warnings unless `accept_data_loss` (`--accept-data-loss`); `--force-reset`
drops and recreates the tables instead. On MySQL the same, over TCP and PlanetScale HTTP alike (the
datamodel side is read from prefixed scratch tables: migrate/live/prefixed.py).
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from attrs import field, frozen
from sqlglot import exp

from prisma_edge.errors import ClientError, ConnectionError, DatabaseError, redact
from prisma_edge.fetch_adapters.base import Connection, Dialect, IsolationLevel, Query, ResultSet
from prisma_edge.migrate.ddl import ddl_statements, table_names
from prisma_edge.schema.model import Schema

__all__ = ["DatabaseTarget", "existing_objects", "parse_url", "push_schema", "run"]

_PROVIDER_DIALECT: dict[str, Dialect] = {"sqlite": "sqlite", "postgresql": "postgres", "mysql": "mysql"}
_INSTALL = "pip install 'prisma-edge[devserver]'"
# Query parameters libpq understands; Prisma's own (connection_limit, pgbouncer, ...) are dropped.
_LIBPQ_PARAMS = {"sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "connect_timeout",
                 "application_name", "options", "target_session_attrs", "channel_binding", "gssencmode",
                 "sslnegotiation"}


# -- the one implementation --------------------------------------------------------------------


async def push_schema(connection: Connection, schema: Schema, *, drop_first: bool = False,
                      accept_data_loss: bool = False) -> list[str]:
    """Create `schema`'s enum types, tables, indexes and foreign keys through `connection`.

    Args:
        connection: any adapter (or open transaction); its `dialect` picks the DDL.
        schema: the parsed schema.
        drop_first: drop the schema's tables (and Postgres enum types) first. Deletes their data.
        accept_data_loss: apply a difference even when Prisma would warn that it may lose data.

    Returns:
        The statements that were run, in order.

    Raises:
        ClientError: the difference may lose data (Prisma's warnings listed) and `accept_data_loss`
            is false, or cannot be executed.
    """
    dialect = connection.dialect
    if not drop_first:
        existing = await existing_objects(connection, schema)
        if existing:  # MySQL too, over PlanetScale HTTP: its datamodel side needs no scratch database
            return await _push_difference(connection, schema, accept_data_loss)
    statements = ddl_statements(schema, dialect, drop_first=drop_first)
    queries = [Query(s) for s in statements]
    script = getattr(connection, "execute_script", None)
    if dialect == "postgres":  # transactional DDL: all or nothing, and one request over Neon HTTP
        await connection.batch(queries)
    elif inspect.iscoroutinefunction(script):  # libSQL: one request, one stream (the PRAGMAs hold)
        await script(statements)
    else:  # MySQL commits each DDL statement anyway; SQLite's PRAGMAs must run outside a transaction
        for q in queries:
            await connection.query(q)
    return statements


async def _push_difference(connection: Connection, schema: Schema, accept_data_loss: bool) -> list[str]:
    """Prisma's `db push` into an existing database: the differ's statements, guarded by its warnings."""
    from prisma_edge.migrate.differ import diff, with_datamodel
    from prisma_edge.migrate.live.introspect import introspect
    from prisma_edge.migrate.live.scratch import schema_of_datamodel
    from prisma_edge.migrate.runner import _apply_script
    from prisma_edge.migrate.runner import unexecutable as blocked

    steps = with_datamodel(diff(await introspect(connection), await schema_of_datamodel(connection, schema)), schema)
    if unexecutable := await blocked(connection, steps):
        raise ClientError("db push cannot apply these changes:\n" + "\n".join(f"  - {u}" for u in unexecutable)
                          + "\nuse --force-reset to drop and recreate the tables (deletes their data)")
    if (warnings := [w for st in steps for w in st.warnings]) and not accept_data_loss:
        raise ClientError("the changes may lose data:\n" + "\n".join(f"  - {w}" for w in warnings)
                          + "\nuse --accept-data-loss to apply them anyway")
    statements = [x for st in steps for x in st.statements]
    for st in steps:
        await _apply_script(connection, ";\n".join(st.statements))
    return statements


async def existing_objects(connection: Connection, schema: Schema) -> list[str]:
    """Which of the schema's tables (and Postgres enum types) already exist, as `table "X"` labels."""
    dialect = connection.dialect
    tables = {t.lower() if dialect == "mysql" else t: t for t in table_names(schema)}
    found = await connection.query(Query(_tables_query(dialect).sql(dialect=dialect)))
    names = [str(r[0]) for r in found.rows]
    out = [f'table "{tables[n.lower() if dialect == "mysql" else n]}"'
           for n in names if (n.lower() if dialect == "mysql" else n) in tables]
    if dialect == "postgres" and schema.enums:
        enums = {e.db_name for e in schema.enums}
        types = await connection.query(Query(_pg_enums_query().sql(dialect="postgres")))
        out += [f'enum type "{r[0]}"' for r in types.rows if r[0] in enums]
    return sorted(out)


def _tables_query(dialect: Dialect) -> exp.Select:
    if dialect == "sqlite":
        return (exp.select(exp.column("name")).from_(exp.table_("sqlite_master"))
                .where(exp.EQ(this=exp.column("type"), expression=exp.Literal.string("table"))))
    current: exp.Expr = (exp.CurrentSchema() if dialect == "postgres"
                         else exp.Anonymous(this="DATABASE", expressions=[]))
    return (exp.select(exp.column("table_name")).from_(exp.table_("tables", db="information_schema"))
            .where(exp.EQ(this=exp.column("table_schema"), expression=current)))


def _pg_enums_query() -> exp.Select:
    on = exp.EQ(this=exp.column("oid", table="n"), expression=exp.column("typnamespace", table="t"))
    where = exp.and_(exp.EQ(this=exp.column("nspname", table="n"), expression=exp.CurrentSchema()),
                     exp.EQ(this=exp.column("typtype", table="t"), expression=exp.Literal.string("e")))
    return (exp.select(exp.column("typname", table="t"))
            .from_(exp.table_("pg_type", db="pg_catalog", alias="t"))
            .join(exp.table_("pg_namespace", db="pg_catalog", alias="n"), on=on).where(where))


# -- where to push: the URL --------------------------------------------------------------------


@frozen(kw_only=True)
class DatabaseTarget:
    """A parsed database URL. The password is kept out of repr and out of `display`."""

    dialect: Dialect
    display: str  # "postgres database "app" at host:5432": no user, no password
    path: str | None = None  # sqlite
    conninfo: str | None = field(default=None, repr=False)  # postgres (libpq URL)
    host: str | None = None  # mysql
    port: int | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    ssl: bool = False


def parse_url(url: str, base_dir: Path | None = None) -> DatabaseTarget:
    """Parse `file:./dev.db`, `sqlite:///abs/path`, a bare path, `postgres[ql]://...` or `mysql://...`.

    Relative SQLite paths are resolved against `base_dir` (Prisma resolves them against the
    schema file's directory).
    """
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if url.startswith("file:") or scheme == "sqlite" or url.startswith("sqlite:") or not scheme:
        return _sqlite_target(url, base_dir)
    parts = urlsplit(url)
    if scheme in ("postgres", "postgresql"):
        params = dict(parse_qsl(parts.query))
        keep = {k: v for k, v in params.items() if k in _LIBPQ_PARAMS}
        if params.get("schema"):  # Prisma's `?schema=`: becomes the search_path
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_$]*", params["schema"]):
                raise ClientError("the ?schema= URL parameter must be a plain identifier")
            keep["options"] = f"-c search_path={params['schema']}"
        conninfo = urlunsplit(parts._replace(query=urlencode(keep, quote_via=quote)))  # libpq: no "+"
        db = unquote(parts.path.lstrip("/")) or "postgres"
        return DatabaseTarget(dialect="postgres", conninfo=conninfo,
                              display=f'postgres database "{db}" at {_host_port(parts, 5432)}')
    if scheme in ("mysql", "mariadb"):
        params = dict(parse_qsl(parts.query))
        ssl = params.get("sslaccept") == "strict" or params.get("sslmode", "").lower() in ("require", "required")
        db = unquote(parts.path.lstrip("/"))
        if not db:
            raise ClientError("the MySQL URL names no database (mysql://user@host:3306/<database>)")
        return DatabaseTarget(
            dialect="mysql", host=parts.hostname or "localhost", port=_port(parts, 3306),
            user=unquote(parts.username or "root"), password=unquote(parts.password or ""), database=db,
            ssl=ssl, display=f'mysql database "{db}" at {_host_port(parts, 3306)}',
        )
    raise ClientError(f"db push cannot reach a {scheme}:// URL; use a postgresql://, mysql:// or file: URL")


def _port(parts: Any, default: int) -> int:
    try:
        return parts.port or default
    except ValueError:
        raise ClientError("the database URL has an invalid port") from None


def _host_port(parts: Any, default: int) -> str:
    return f"{parts.hostname or 'localhost'}:{_port(parts, default)}"


def _sqlite_target(url: str, base_dir: Path | None) -> DatabaseTarget:
    from prisma_edge.fetch_adapters.sqlite import path_from_url  # the client's reading of the URL

    path = path_from_url(url)
    if path != ":memory:" and not Path(path).is_absolute() and base_dir is not None:
        path = str(base_dir / path)
    return DatabaseTarget(dialect="sqlite", path=path, display=f"sqlite database {path}")


def resolve_url(schema: Schema, cli_url: str | None, schema_dir: Path) -> tuple[str, Path]:
    """The URL to push to, and the directory relative SQLite paths are resolved against."""
    if cli_url:
        return cli_url, Path.cwd()
    from prisma_edge.schema.config import env_value, read_config

    ds = schema.datasource
    if ds is not None and ds.url:
        return ds.url, schema_dir
    config = read_config()
    if config.url:  # prisma.config.ts: relative to the project (the working directory)
        return config.url, Path.cwd()
    var = (ds.url_env if ds is not None else None) or config.url_env or "DATABASE_URL"
    value = env_value(var, schema_dir)
    if not value:
        raise ClientError(f"no database URL: the environment variable {var} is not set "
                          "(nor in ./.env or the schema's .env); set it or pass --url")
    return value, schema_dir


# -- blocking drivers behind the Connection interface (CPython CLI) ----------------------------


class _DriverConnection:
    """A blocking DB-API connection presented as an async `Connection`.

    Its coroutines never suspend, so `_run_sync` can drive `push_schema` without an event loop
    (and so `db push` also works when called from inside one).
    """

    def __init__(self, dialect: Dialect, conn: Any, errors: tuple[type[BaseException], ...], secret: str | None):
        self.dialect = dialect
        self.paramstyle = "qmark" if dialect == "sqlite" else "format"  # DB-API: `?` or `%s` placeholders
        self._conn, self._errors, self._secret = conn, errors, secret

    def _execute(self, query: Query) -> ResultSet:
        cur = self._conn.cursor()
        try:
            # DB-API drivers with `%s` placeholders skip %-formatting only when params is None
            cur.execute(query.sql, query.params if self.dialect == "sqlite" else (query.params or None))
            rows = tuple(tuple(r) for r in cur.fetchall()) if cur.description else ()
            cols = tuple(d[0] for d in cur.description or ())
            return ResultSet(columns=cols, rows=rows, rows_affected=max(cur.rowcount, 0))
        except self._errors as e:
            # the codes the adapters use: SQLSTATE (Postgres), errno (MySQL), the class (SQLite)
            code = (getattr(e, "sqlstate", None) if self.dialect == "postgres"
                    else str(e.args[0]) if self.dialect == "mysql" and e.args else type(e).__name__)
            sql = query.sql if len(query.sql) < 300 else query.sql[:300] + "..."
            raise DatabaseError(redact(f"{e} (while running: {sql})", self._secret), db_code=code) from None
        finally:
            cur.close()

    async def query(self, query: Query) -> ResultSet:
        return self._execute(query)

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        self._execute(Query("BEGIN"))
        try:
            out = [self._execute(q) for q in queries]
        except BaseException:
            self._execute(Query("ROLLBACK"))
            raise
        self._execute(Query("COMMIT"))
        return out

    def close(self) -> None:
        self._conn.close()


def connect(target: DatabaseTarget) -> _DriverConnection:
    """Open a blocking connection (autocommit) to `target`."""
    if target.dialect == "sqlite":
        import sqlite3

        try:
            conn = sqlite3.connect(target.path or ":memory:", isolation_level=None)
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as e:
            raise ConnectionError(f"cannot open {target.display}: {e}") from None
        return _DriverConnection("sqlite", conn, (sqlite3.Error,), None)
    if target.dialect == "postgres":
        try:
            import psycopg
        except ImportError:
            raise ClientError(f"pushing to PostgreSQL needs psycopg: {_INSTALL}") from None
        try:
            try:
                conn = psycopg.connect(target.conninfo or "", autocommit=True, connect_timeout=15)
            except psycopg.OperationalError as e:
                if not _missing_database(e):
                    raise
                _create_database(target)  # as Prisma's db push / migrate do
                conn = psycopg.connect(target.conninfo or "", autocommit=True, connect_timeout=15)
        except psycopg.Error as e:
            raise ConnectionError(redact(f"cannot connect to {target.display}: {e}", target.conninfo)) from None
        password = urlsplit(target.conninfo or "").password
        return _DriverConnection("postgres", conn, (psycopg.Error,), unquote(password) if password else None)
    try:
        import pymysql
    except ImportError:
        raise ClientError(f"pushing to MySQL/MariaDB needs PyMySQL: {_INSTALL}") from None
    ssl = {"ssl_verify_cert": True, "ssl_verify_identity": True} if target.ssl else {}
    options: dict[str, Any] = dict(host=target.host, port=target.port or 3306, user=target.user,
                                   password=target.password or "", autocommit=True, charset="utf8mb4",
                                   connect_timeout=15, **ssl)
    try:
        try:
            conn = pymysql.connect(database=target.database, **options)
        except pymysql.err.OperationalError as e:
            if not (e.args and e.args[0] == 1049):  # ER_BAD_DB_ERROR: unknown database
                raise
            with pymysql.connect(**options) as admin, admin.cursor() as cur:  # as Prisma's db push does
                cur.execute(_create_database_sql("mysql", target.database or ""))
            conn = pymysql.connect(database=target.database, **options)
    except pymysql.Error as e:
        raise ConnectionError(redact(f"cannot connect to {target.display}: {e}", target.password)) from None
    return _DriverConnection("mysql", conn, (pymysql.Error,), target.password)


def _create_database_sql(dialect: str, name: str) -> str:
    create = exp.Create(kind="DATABASE", this=exp.Table(this=exp.to_identifier(name, quoted=True)))
    if dialect == "mysql":  # the character set Prisma's MySQL tables use
        create.set("properties", exp.Properties(expressions=[
            exp.CharacterSetProperty(this=exp.var("utf8mb4"), default=True),
            exp.CollateProperty(this=exp.var("utf8mb4_unicode_ci"))]))
    return create.sql(dialect=dialect)


def _missing_database(e: BaseException) -> bool:
    return getattr(e, "sqlstate", None) == "3D000" or 'database "' in str(e) and "does not exist" in str(e)


def _create_database(target: DatabaseTarget) -> None:
    """Create the URL's PostgreSQL database, connecting to the server's `postgres` database."""
    import psycopg

    parts = urlsplit(target.conninfo or "")
    name = unquote(parts.path.lstrip("/"))
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=15) as admin:
        admin.execute(_create_database_sql("postgres", name))  # type: ignore[arg-type]


def _run_sync(coro: Coroutine[Any, Any, Any]) -> Any:
    """Drive a coroutine that never suspends (see `_DriverConnection`) to its result."""
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    coro.close()
    raise RuntimeError("push_schema suspended on a blocking driver connection")


# -- the command -------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    """`prisma-edge db push --schema schema.prisma [--url URL] [--force-reset] [--print]`."""
    from prisma_edge.schema import load_schema

    path = Path(args.schema)
    if not path.exists():
        raise ClientError(f"cannot read the schema file {path}: No such file or directory")
    schema = load_schema(path)  # a file or a folder of .prisma files; errors name the file
    provider_dialect = _PROVIDER_DIALECT.get(schema.provider)
    if provider_dialect is None:
        raise ClientError(f"db push does not support the provider {schema.provider!r}")
    target: DatabaseTarget | None = None
    if args.url or not args.print_sql:
        url, base = resolve_url(schema, args.url, path.resolve() if path.is_dir() else path.resolve().parent)
        target = parse_url(url, base)
        from prisma_edge.client.urls import check_provider

        check_provider(schema, target.dialect)  # Prisma's P1012 for a URL of another database
    if args.print_sql:
        for s in ddl_statements(schema, provider_dialect, drop_first=args.force_reset, pretty=True):
            print(f"{s};\n")
        return 0
    assert target is not None
    conn = connect(target)
    try:
        statements = _run_sync(push_schema(conn, schema, drop_first=args.force_reset,
                                           accept_data_loss=getattr(args, "accept_data_loss", False)))
    finally:
        conn.close()
    tables = len(table_names(schema))
    reset = "reset and " if args.force_reset else ""
    print(f"prisma-edge: {reset}pushed {tables} tables ({len(statements)} statements) to {target.display}",
          file=sys.stdout)
    return 0
