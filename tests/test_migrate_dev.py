"""`migrate dev`, `migrate diff` and the introspection behind them, on real databases.

`migrate dev` on an edited schema writes a migration whose SQL gives the database Prisma's engine
gives for the same edit (tests/prisma7/edits: the catalog after dev equals the catalog of
Prisma's DDL for the edited schema, target.<provider>.sql).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.catalog import diff_catalogs, pg_catalog, sqlite_catalog
from tests.support.databases import temp_postgres

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.no_pyodide("runs the CLI in subprocesses against PostgreSQL and SQLite files")
EDITS = ROOT / "tests/prisma7/edits"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prisma_edge.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def _switched(text: str, provider: str) -> str:
    def fix(m: re.Match[str]) -> str:
        return re.sub(r'(\n[ \t]*provider[ \t]*=[ \t]*)"[^"]*"', rf'\1"{provider}"', m.group(0), count=1)
    return re.sub(r"datasource\s+\w+\s*\{[\s\S]*?\n\s*\}", fix, text, count=1)


def _prisma_target(provider: str, sql: str) -> dict:
    if provider == "sqlite":
        c = sqlite3.connect(":memory:")
        c.executescript(sql)
        return sqlite_catalog(c)
    import psycopg

    with temp_postgres("dev") as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[call-overload]
        return pg_catalog(url)


DEV_EDITS = ["02_add_required_column_with_default", "04_drop_column", "09_optional_to_required",
             "13_change_default", "16_add_index_sort_desc", "21_remove_enum_value", "23_add_relation_1n",
             "25_add_implicit_m2n", "30_change_id", "36_drop_relation", "38_drop_autoincrement",
             "39_add_autoincrement_bigint"]


@pytest.mark.parametrize("provider", ["sqlite", "postgresql"])
@pytest.mark.parametrize("edit", DEV_EDITS)
def test_migrate_dev_on_an_edit_gives_prismas_database(edit: str, provider: str, tmp_path: Path) -> None:
    d = EDITS / edit
    if edit == "39_add_autoincrement_bigint" and provider == "sqlite":
        pytest.skip("our SQLite BigInt autoincrement key is an INTEGER rowid on purpose (Prisma: BIGINT)")
    if not (d / f"target.{provider}.sql").is_file():
        pytest.skip(f"no {provider} recording for {edit}")
    schema = tmp_path / "schema.prisma"

    def run(url: str) -> dict:
        schema.write_text(_switched((d / "before.prisma").read_text(), provider))
        r = cli("migrate", "dev", "--name", "init", "--url", url, "--schema", str(schema), cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        schema.write_text(_switched((d / "after.prisma").read_text(), provider))
        r = cli("migrate", "dev", "--name", "edit", "--url", url, "--schema", str(schema), cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        folders = sorted(p.name for p in (tmp_path / "migrations").iterdir() if p.is_dir())
        empty = "This is an empty migration" in (d / f"{provider}.sql").read_text()  # as Prisma: nothing to write
        assert [f.split("_", 1)[1] for f in folders] == (["init"] if empty else ["init", "edit"])
        assert re.fullmatch(r"\d{14}_init", folders[0])
        assert (tmp_path / "migrations/migration_lock.toml").read_text().endswith(f'provider = "{provider}"\n')
        r = cli("migrate", "status", "--url", url, "--schema", str(schema), cwd=tmp_path)
        assert r.returncode == 0, r.stdout
        r = cli("migrate", "diff", "--from-url", url, "--to-schema-datamodel", str(schema), "--exit-code",
                cwd=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
        return sqlite_catalog(url.removeprefix("file:")) if provider == "sqlite" else pg_catalog(url)

    if provider == "sqlite":
        got = run(f"file:{tmp_path / 'dev.db'}")
    else:
        with temp_postgres("dev") as url:
            got = run(url)
    expected = _prisma_target(provider, (d / f"target.{provider}.sql").read_text())
    diffs = diff_catalogs(expected, got)
    assert not diffs, "\n".join(diffs[:20])


def test_migrate_diff_exit_code_and_migrations_side(tmp_path: Path) -> None:
    d = EDITS / "23_add_relation_1n"
    (tmp_path / "schema.prisma").write_text(_switched((d / "before.prisma").read_text(), "sqlite"))
    url = f"file:{tmp_path / 'dev.db'}"
    assert cli("migrate", "dev", "-n", "init", "--url", url, cwd=tmp_path).returncode == 0
    r = cli("migrate", "diff", "--from-migrations", "migrations", "--to-schema-datamodel", "schema.prisma",
            "--exit-code", cwd=tmp_path)
    assert r.returncode == 0 and "No difference detected." in r.stdout, r.stdout + r.stderr
    (tmp_path / "after.prisma").write_text(_switched((d / "after.prisma").read_text(), "sqlite"))
    r = cli("migrate", "diff", "--from-migrations", "migrations", "--to-schema", "after.prisma", "--script",
            "--exit-code", cwd=tmp_path)
    assert r.returncode == 2 and "-- RedefineTables" in r.stdout and '"Post_authorId_fkey"' in r.stdout
    r = cli("migrate", "diff", "--from-schema-datamodel", "schema.prisma", "--to-schema-datamodel", "schema.prisma",
            "--script", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == "-- This is an empty migration."
    r = cli("migrate", "diff", "--from-empty", "--to-url", url, "--exit-code", cwd=tmp_path)
    assert r.returncode == 2


def test_migrate_dev_on_an_empty_table_adds_a_required_column_as_prisma(tmp_path: Path) -> None:
    d = EDITS / "03_add_required_column_without_default"
    schema = tmp_path / "schema.prisma"
    schema.write_text(_switched((d / "before.prisma").read_text(), "sqlite"))
    url = f"file:{tmp_path / 'dev.db'}"
    assert cli("migrate", "dev", "-n", "init", "--url", url, cwd=tmp_path).returncode == 0
    schema.write_text(_switched((d / "after.prisma").read_text(), "sqlite"))
    r = cli("migrate", "dev", "-n", "age", "--url", url, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    written = next((tmp_path / "migrations").glob("*_age/migration.sql")).read_text()
    assert written.startswith("/*\n  Warnings:\n\n  - Added the required column `age` to the `User` table")


def test_migrate_dev_refuses_unexecutable_changes_without_create_only(tmp_path: Path) -> None:
    d = EDITS / "03_add_required_column_without_default"
    schema = tmp_path / "schema.prisma"
    schema.write_text(_switched((d / "before.prisma").read_text(), "sqlite"))
    url = f"file:{tmp_path / 'dev.db'}"
    assert cli("migrate", "dev", "-n", "init", "--url", url, cwd=tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "dev.db") as c:  # Prisma counts rows: an empty table would be fine
        c.execute("""INSERT INTO "User" ("email") VALUES ('a@example.com')""")
    schema.write_text(_switched((d / "after.prisma").read_text(), "sqlite"))
    r = cli("migrate", "dev", "-n", "age", "--url", url, cwd=tmp_path)
    assert r.returncode == 1 and "cannot be executed" in r.stderr
    r = cli("migrate", "dev", "-n", "age", "--url", url, "--create-only", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    written = next((tmp_path / "migrations").glob("*_age/migration.sql")).read_text()
    assert written.startswith("/*\n  Warnings:\n\n  - Added the required column `age` to the `User` table")
