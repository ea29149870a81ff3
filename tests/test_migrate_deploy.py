"""`migrate deploy / status / resolve / reset` with real migration histories on real databases.

tests/data/migrations: documenso (PostgreSQL, 163 migrations), evolution-api (MySQL, 18), umami
(MySQL, 13; one migration uses MySQL 8's BIN_TO_UUID, which MariaDB refuses: the failure path).
Over TCP (the CLI with psycopg/PyMySQL, and the pure-Python `postgres` adapter), over Neon HTTP and
PlanetScale HTTP (the local endpoints), and D1 (its local REST endpoint). Where Prisma's own schema
engine is installed (tests/prisma7/schema_engine, `npm ci`), `_prisma_migrations` is compared with
what it records, and Prisma and prisma-edge take turns on one database.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from prisma_edge.errors import ClientError
from prisma_edge.migrate import runner
from prisma_edge.migrate.history import check_lock, migration, read_migrations
from prisma_edge.migrate.split import split_statements
from tests.support.catalog import pg_catalog, sqlite_catalog
from tests.support.databases import temp_mysql, temp_postgres

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.no_pyodide("runs the CLI in subprocesses, TCP drivers, local endpoints and node (Prisma's engine) from CPython")
DATA = ROOT / "tests/data/migrations"
SE = ROOT / "tests/prisma7/schema_engine"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
CLI = [sys.executable, "-m", "prisma_edge.cli"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def expect_prisma_rows(rows: list[runner.AppliedRow], migrations: list) -> None:
    """The rows Prisma records: one per migration, uuid id, the file's sha256, 1 step, finished."""
    assert [r.migration_name for r in rows] == [m.name for m in migrations]
    for r, m in zip(rows, migrations, strict=True):
        assert UUID.fullmatch(r.id), r.id
        assert r.checksum == m.checksum and len(r.checksum) == 64
        assert r.applied_steps_count == 1 and r.logs is None and r.rolled_back_at is None
        assert r.finished_at is not None and r.started_at is not None


# -- the statement splitter ----------------------------------------------------------------------


@pytest.mark.parametrize(("dialect", "sql", "expected"), [
    ("postgres", "a 'x;y' ; b $$ ; $$; -- c;\n d /* ; /* ; */ */; E'\\';' ;",
     ["a 'x;y'", "b $$ ; $$", "-- c;\n d /* ; /* ; */ */", "E'\\';'"]),
    ("postgres", 'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql; "a;b";',
     ['CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql', '"a;b"']),
    ("postgres", "-- only a comment;\n/* and ; another */", []),
    ("mysql", "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\nDELIMITER ;\nSELECT 'a\\';b';# x;\nSELECT `c;d`;",
     ["CREATE PROCEDURE p() BEGIN SELECT 1; END", "SELECT 'a\\';b'", "# x;\nSELECT `c;d`"]),
    ("sqlite", "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET x = CASE WHEN 1 THEN 2 END; DELETE FROM c; END;"
     " SELECT [a;b];", ["CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET x = CASE WHEN 1 THEN 2 END; "
                        "DELETE FROM c; END", "SELECT [a;b]"]),
])
def test_split_statements(dialect: str, sql: str, expected: list[str]) -> None:
    assert split_statements(sql, dialect) == expected


def test_documenso_dollar_quoted_functions_split_whole() -> None:
    sql = (DATA / "documenso-postgresql/migrations/20250522054049_add_id_generator/migration.sql").read_text()
    parts = split_statements(sql, "postgres")
    assert len(parts) == 7
    assert [p.count("$$") for p in parts] == [0, 0, 2, 0, 2, 2, 2]


def test_checksum_is_sha256_of_the_file_and_crlf_is_accepted() -> None:
    m = migration("x", b"CREATE TABLE a (b int);\r\n")
    import hashlib

    assert m.checksum == hashlib.sha256(b"CREATE TABLE a (b int);\r\n").hexdigest()
    assert m.matches(hashlib.sha256(b"CREATE TABLE a (b int);\n").hexdigest())
    assert not m.matches(hashlib.sha256(b"CREATE TABLE a (c int);\n").hexdigest())


def test_migration_lock_provider_is_enforced() -> None:
    check_lock(DATA / "documenso-postgresql/migrations", "postgresql")
    with pytest.raises(ClientError) as e:
        check_lock(DATA / "documenso-postgresql/migrations", "mysql")
    assert e.value.code == "P3019"


# -- real histories over TCP -----------------------------------------------------------------------


def test_documenso_deploys_over_tcp_with_the_cli_and_status_is_clean() -> None:
    folder = DATA / "documenso-postgresql"
    with temp_postgres("mig") as url:
        r = cli("migrate", "deploy", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 0, r.stderr
        assert "All migrations have been successfully applied (163)." in r.stdout
        r = cli("migrate", "status", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 0 and "Database schema is up to date!" in r.stdout, r.stdout + r.stderr
        r = cli("migrate", "deploy", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 0 and "No pending migrations to apply." in r.stdout
        cat = pg_catalog(url)
        assert len(cat["tables"]) >= 50 and "Envelope" in cat["tables"]
        # the database the history made is the one the schema describes (Prisma's drift check)
        r = cli("migrate", "diff", "--from-url", url, "--to-schema-datamodel", "schema.prisma", "--exit-code",
                cwd=folder)
        assert r.returncode == 0 and "No difference detected." in r.stdout, r.stdout + r.stderr


async def test_documenso_deploys_over_the_postgres_adapter() -> None:
    from prisma_edge.fetch_adapters.postgres import PgDirectAdapter

    migrations = read_migrations(DATA / "documenso-postgresql/migrations")
    with temp_postgres("mig") as url:
        db = PgDirectAdapter(url)
        try:
            assert len(await runner.deploy(db, migrations)) == 163
            expect_prisma_rows(await runner.applied_rows(db), migrations)
            assert (await runner.status(db, migrations)).clean
        finally:
            await db.close()


async def test_documenso_deploys_over_neon_http() -> None:
    from tests.support.endpoints import neon_target

    migrations = read_migrations(DATA / "documenso-postgresql/migrations")
    with neon_target() as target:
        db = target.adapter()
        try:
            await runner.drop_everything(db)
            assert len(await runner.deploy(db, migrations)) == 163
            expect_prisma_rows(await runner.applied_rows(db), migrations)
            st = await runner.status(db, migrations)
            assert st.clean and len(st.applied) == 163
            from prisma_edge.migrate.differ import diff
            from prisma_edge.migrate.live.introspect import introspect
            from prisma_edge.migrate.live.scratch import schema_of_datamodel
            from prisma_edge.schema import load_schema

            schema = load_schema(DATA / "documenso-postgresql/schema.prisma")
            assert diff(await introspect(db), await schema_of_datamodel(db, schema)) == []
        finally:
            await db.close()


def test_evolution_api_deploys_to_mariadb_with_the_cli() -> None:
    folder = DATA / "evolution-api-mysql"
    with temp_mysql("mig") as url:
        r = cli("migrate", "deploy", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 0, r.stderr
        assert "successfully applied (18)" in r.stdout
        r = cli("migrate", "status", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 0 and "Database schema is up to date!" in r.stdout
        r = cli("migrate", "diff", "--from-url", url, "--to-schema-datamodel", "schema.prisma", "--exit-code",
                cwd=folder)
        assert r.returncode == 0 and "No difference detected." in r.stdout, r.stdout + r.stderr


async def test_evolution_api_deploys_over_planetscale_http() -> None:
    from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
    from tests.support.ps_endpoint import local_endpoint

    migrations = read_migrations(DATA / "evolution-api-mysql/migrations")
    with local_endpoint("mig") as ep:
        db = PlanetScaleAdapter(ep.url)
        try:
            assert len(await runner.deploy(db, migrations)) == 18
            expect_prisma_rows(await runner.applied_rows(db), migrations)
            assert (await runner.status(db, migrations)).clean
        finally:
            await db.close()


def test_a_failed_migration_is_recorded_blocks_deploy_and_is_resolved() -> None:
    """umami's 05_add_visit_id uses MySQL 8's BIN_TO_UUID, which MariaDB refuses."""
    folder = DATA / "umami-mysql"
    with temp_mysql("mig") as url:
        r = cli("migrate", "deploy", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 1 and "P3018" in r.stderr and "05_add_visit_id" in r.stderr
        assert "BIN_TO_UUID" in r.stderr
        r = cli("migrate", "deploy", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 1 and "P3009" in r.stderr and "`05_add_visit_id`" in r.stderr
        r = cli("migrate", "status", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert r.returncode == 1 and "have failed:\n05_add_visit_id" in r.stdout
        # the user runs the rest of 05 by hand, then marks it applied: the failed row is rolled back
        r = cli("migrate", "resolve", "--applied", "05_add_visit_id", "--schema", "schema.prisma", "--url", url,
                cwd=folder)
        assert r.returncode == 0, r.stderr
        r = cli("migrate", "status", "--schema", "schema.prisma", "--url", url, cwd=folder)
        assert "have failed" not in r.stdout and "not yet been applied:\n06_" in r.stdout, r.stdout
        r = cli("migrate", "resolve", "--rolled-back", "04_team_redesign", "--schema", "schema.prisma", "--url",
                url, cwd=folder)
        assert r.returncode == 1 and "P3012" in r.stderr  # only a failed migration can be rolled back


async def test_non_empty_database_without_history_is_p3005_and_reset_applies_everything() -> None:
    from prisma_edge.fetch_adapters.postgres import PgDirectAdapter

    migrations = read_migrations(DATA / "documenso-postgresql/migrations")[:5]
    with temp_postgres("mig") as url:
        db = PgDirectAdapter(url)
        try:
            from prisma_edge.fetch_adapters.base import Query

            await db.query(Query('CREATE TABLE "stray" ("a" int)'))
            with pytest.raises(ClientError) as e:
                await runner.deploy(db, migrations)
            assert e.value.code == "P3005"
            assert await runner.reset(db, migrations) == [m.name for m in migrations]
            assert "stray" not in pg_catalog(url)["tables"]
            assert (await runner.status(db, migrations)).clean
        finally:
            await db.close()


async def test_sqlite_history_over_d1() -> None:
    """A two-migration SQLite history (Prisma's DDL, then Prisma's SQL for an edit) over D1's REST API."""
    from prisma_edge.devserver.d1 import start_d1_endpoint
    from prisma_edge.fetch_adapters.d1 import D1Adapter

    edit = ROOT / "tests/prisma7/edits/23_add_relation_1n"
    migrations = [migration("20240101000000_init", (edit / "init.sqlite.sql").read_bytes()),
                  migration("20240102000000_edit", (edit / "sqlite.sql").read_bytes())]
    with start_d1_endpoint() as ep:
        db = D1Adapter(ep.url, api_token=ep.api_token)
        try:
            assert await runner.deploy(db, migrations) == [m.name for m in migrations]
            expect_prisma_rows(await runner.applied_rows(db), migrations)
            assert (await runner.status(db, migrations)).clean
        finally:
            await db.close()


# -- against Prisma's own engine ------------------------------------------------------------------


def _engine() -> None:
    if not (SE / "node_modules/@prisma/schema-engine-wasm").is_dir() or shutil.which("node") is None:
        pytest.skip("Prisma's schema engine is not installed (cd tests/prisma7/schema_engine && npm ci)")


def prisma_apply(provider: str, url: str, folder: Path, schema: Path) -> list[str]:
    env = {**os.environ, "SE_PG_URL" if provider == "postgresql" else "SE_SQLITE_URL": url}
    extra = ["--adapter", "libsql"] if provider == "sqlite" else []
    r = subprocess.run(["node", "se.mjs", "apply", provider, str(schema), str(folder), *extra], cwd=SE,
                       capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["appliedMigrationNames"]


async def test_prisma_and_prisma_edge_take_turns_on_one_postgres_database(tmp_path: Path) -> None:
    """Prisma applies the first 20 documenso migrations, prisma-edge the rest; Prisma then finds
    nothing to apply, and the two tables of migrations are identical in form."""
    _engine()
    from prisma_edge.fetch_adapters.postgres import PgDirectAdapter

    src = DATA / "documenso-postgresql/migrations"
    everything = read_migrations(src)
    first = tmp_path / "first"
    first.mkdir()
    for m in everything[:20]:
        shutil.copytree(src / m.name, first / m.name)
    schema = tmp_path / "schema.prisma"
    schema.write_text('datasource db {\n  provider = "postgresql"\n}\n')
    with temp_postgres("mig") as url:
        assert prisma_apply("postgresql", url, first, schema) == [m.name for m in everything[:20]]
        prisma_table = pg_catalog(url, exclude=())["tables"]["_prisma_migrations"]
        db = PgDirectAdapter(url)
        try:
            assert (await runner.status(db, everything)).pending == tuple(m.name for m in everything[20:])
            assert len(await runner.deploy(db, everything)) == 143
            expect_prisma_rows(await runner.applied_rows(db), everything)
        finally:
            await db.close()
        assert prisma_apply("postgresql", url, src, schema) == []
    with temp_postgres("mig") as url:
        db = PgDirectAdapter(url)
        try:
            await runner.deploy(db, everything[:1])
        finally:
            await db.close()
        assert pg_catalog(url, exclude=())["tables"]["_prisma_migrations"] == prisma_table


async def test_sqlite_migrations_table_and_rows_as_prisma_records_them(tmp_path: Path) -> None:
    _engine()
    from prisma_edge.fetch_adapters.sqlite import SqliteAdapter

    folder = tmp_path / "migrations"
    edit = ROOT / "tests/prisma7/edits/23_add_relation_1n"
    for name, f in (("20240101000000_init", "init.sqlite.sql"), ("20240102000000_edit", "sqlite.sql")):
        (folder / name).mkdir(parents=True)
        shutil.copy(edit / f, folder / name / "migration.sql")
    schema = tmp_path / "schema.prisma"
    schema.write_text('datasource db {\n  provider = "sqlite"\n}\n')
    prisma_db, ours = tmp_path / "prisma.db", tmp_path / "ours.db"
    prisma_apply("sqlite", str(prisma_db), folder, schema)
    db = SqliteAdapter(str(ours))
    try:
        await runner.deploy(db, read_migrations(folder))
    finally:
        await db.close()
    assert sqlite_catalog(str(ours), exclude=()) == sqlite_catalog(str(prisma_db), exclude=())
    import sqlite3

    def rows(p: Path) -> list[tuple]:
        with sqlite3.connect(p) as c:
            return c.execute("SELECT checksum, migration_name, logs, rolled_back_at, applied_steps_count, "
                             "length(started_at), substr(started_at, 11, 1), substr(finished_at, -6) "
                             "FROM _prisma_migrations ORDER BY migration_name").fetchall()

    assert rows(ours) == rows(prisma_db)


async def test_documenso_history_over_neon_websocket() -> None:
    from tests.support.clients import make_adapter

    migrations = read_migrations(DATA / "documenso-postgresql/migrations")[:60]
    db = make_adapter("neon_ws")
    try:
        await runner.drop_everything(db)
        assert len(await runner.deploy(db, migrations)) == 60
        expect_prisma_rows(await runner.applied_rows(db), migrations)
        assert (await runner.status(db, migrations)).clean
    finally:
        await runner.drop_everything(db)
        await db.close()


async def test_sqlite_history_over_libsql() -> None:
    from tests.support.clients import make_adapter

    edit = ROOT / "tests/prisma7/edits/25_add_implicit_m2n"
    migrations = [migration("20240101000000_init", (edit / "init.sqlite.sql").read_bytes()),
                  migration("20240102000000_edit", (edit / "sqlite.sql").read_bytes())]
    db = make_adapter("libsql")
    try:
        await runner.drop_everything(db)
        assert await runner.deploy(db, migrations) == [m.name for m in migrations]
        expect_prisma_rows(await runner.applied_rows(db), migrations)
        assert (await runner.status(db, migrations)).clean
    finally:
        await db.close()
