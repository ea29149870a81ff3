"""`db push` into an existing database applies the difference, as Prisma's: changes that may lose
data are refused with Prisma's warnings unless --accept-data-loss; the rows stay."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.catalog import pg_catalog, sqlite_catalog
from tests.support.databases import temp_mysql, temp_postgres

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.no_pyodide("runs the CLI in subprocesses against real databases")
V1 = """datasource db {
  provider = "%s"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  bio   String?
}
"""
V2 = V1.replace("  bio   String?\n", "  bio   String?\n  age   Int?\n  @@index([age])\n")
V3 = V1.replace("  bio   String?\n", "")


def push(tmp: Path, text: str, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    (tmp / "schema.prisma").write_text(text)
    return subprocess.run([sys.executable, "-m", "prisma_edge.cli", "db", "push", "--schema", "schema.prisma",
                           "--url", url, *extra], cwd=tmp, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def rows(provider: str, url: str) -> list[tuple]:
    if provider == "sqlite":
        with sqlite3.connect(url.removeprefix("file:")) as c:
            return c.execute('SELECT "email" FROM "User"').fetchall()
    if provider == "mysql":
        return _my(url, "SELECT `email` FROM `User`")
    import psycopg

    with psycopg.connect(url) as c:
        return list(c.execute('SELECT "email" FROM "User"').fetchall())


def insert(provider: str, url: str) -> None:
    sql = """INSERT INTO "User" ("email", "bio") VALUES ('a@example.com', 'hi')"""
    if provider == "sqlite":
        with sqlite3.connect(url.removeprefix("file:")) as c:
            c.execute(sql)
        return
    if provider == "mysql":
        _my(url, sql.replace('"', "`"))
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        c.execute(sql)


def _my(url: str, sql: str) -> list[tuple]:
    from urllib.parse import urlsplit

    import pymysql

    u = urlsplit(url)
    conn = pymysql.connect(host=u.hostname, port=u.port or 3306, user=u.username, password=u.password or "",
                           database=u.path.lstrip("/"), autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
            return list(cur.fetchall())
    finally:
        conn.close()


def _catalog(provider: str, url: str) -> dict:
    """Columns and indexes per table (MySQL: from information_schema, enough for these checks)."""
    if provider == "sqlite":
        return sqlite_catalog(url.removeprefix("file:"))
    if provider == "postgresql":
        return pg_catalog(url)
    cols = _my(url, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                    "AND table_name = 'User'")
    idx = _my(url, "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() "
                   "AND table_name = 'User'")
    return {"tables": {"User": {"columns": {c[0]: {} for c in cols}, "indexes": {i[0]: {} for i in idx}}}}


@pytest.mark.parametrize("provider", ["sqlite", "postgresql", "mysql"])
def test_push_applies_the_difference_and_guards_data_loss(provider: str, tmp_path: Path) -> None:
    def scenario(url: str) -> None:
        assert push(tmp_path, V1 % provider, url).returncode == 0
        insert(provider, url)
        r = push(tmp_path, V2 % provider, url)
        assert r.returncode == 0, r.stderr
        cat = _catalog(provider, url)
        assert "age" in cat["tables"]["User"]["columns"] and "User_age_idx" in cat["tables"]["User"]["indexes"]
        assert rows(provider, url) == [("a@example.com",)]
        r = push(tmp_path, V3 % provider, url)
        assert r.returncode == 1
        assert "You are about to drop the column `bio` on the `User` table" in r.stderr
        assert "--accept-data-loss" in r.stderr
        r = push(tmp_path, V3 % provider, url, "--accept-data-loss")
        assert r.returncode == 0, r.stderr
        cat = _catalog(provider, url)
        assert "bio" not in cat["tables"]["User"]["columns"]
        assert rows(provider, url) == [("a@example.com",)]

    if provider == "sqlite":
        scenario(f"file:{tmp_path / 'dev.db'}")
    elif provider == "mysql":
        with temp_mysql("push") as url:
            scenario(url)
    else:
        with temp_postgres("push") as url:
            scenario(url)
