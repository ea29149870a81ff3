"""Throwaway databases on the machine's real PostgreSQL and MariaDB.

Each helper creates a uniquely named database and drops it afterwards. When a server is not
reachable the test is skipped with the reason, except in CI (`CI=true`), where a missing server
is a failure: CI must never go green by skipping the real databases.
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from collections.abc import Iterator

import pytest

PG_HOST = os.environ.get("PRISMA_EDGE_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("PRISMA_EDGE_PG_PORT", "5432"))
PG_USER = os.environ.get("PRISMA_EDGE_PG_USER", "postgres")
MY_HOST = os.environ.get("PRISMA_EDGE_MYSQL_HOST", "127.0.0.1")
MY_PORT = int(os.environ.get("PRISMA_EDGE_MYSQL_PORT", "3306"))
MY_USER = os.environ.get("PRISMA_EDGE_MYSQL_USER", "root")
MY_PASSWORD = os.environ.get("PRISMA_EDGE_MYSQL_PASSWORD", "")

IN_PYODIDE = sys.platform == "emscripten"


def _unavailable(what: str, err: BaseException) -> None:
    msg = f"{what} is not reachable ({type(err).__name__}: {err})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{msg}; CI needs it running", pytrace=False)
    pytest.skip(msg)


def pg_url(dbname: str) -> str:
    return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{dbname}"


def mysql_url(dbname: str) -> str:
    auth = MY_USER + (f":{MY_PASSWORD}" if MY_PASSWORD else "")
    return f"mysql://{auth}@{MY_HOST}:{MY_PORT}/{dbname}"


@contextlib.contextmanager
def temp_postgres(prefix: str = "pe") -> Iterator[str]:
    """Create a fresh PostgreSQL database; yields its URL; drops it afterwards."""
    if IN_PYODIDE:
        pytest.skip("PostgreSQL is reached over TCP with psycopg, which Pyodide cannot do")
    psycopg = pytest.importorskip("psycopg")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(pg_url("postgres"), autocommit=True, connect_timeout=5)
    except Exception as e:  # noqa: BLE001 - any failure to connect means "not available"
        _unavailable(f"PostgreSQL at {PG_HOST}:{PG_PORT}", e)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield pg_url(name)
    finally:
        with psycopg.connect(pg_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def temp_mysql(prefix: str = "pe") -> Iterator[str]:
    """Create a fresh MariaDB/MySQL database; yields its URL; drops it afterwards."""
    if IN_PYODIDE:
        pytest.skip("MariaDB is reached over TCP with PyMySQL, which Pyodide cannot do")
    pymysql = pytest.importorskip("pymysql")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        admin = pymysql.connect(host=MY_HOST, port=MY_PORT, user=MY_USER, password=MY_PASSWORD,
                                autocommit=True, connect_timeout=5)
    except Exception as e:  # noqa: BLE001
        _unavailable(f"MariaDB at {MY_HOST}:{MY_PORT}", e)
    with admin, admin.cursor() as cur:
        cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    try:
        yield mysql_url(name)
    finally:
        conn = pymysql.connect(host=MY_HOST, port=MY_PORT, user=MY_USER, password=MY_PASSWORD, autocommit=True)
        with conn, conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with temp_postgres() as url:
        yield url


@pytest.fixture
def mysql_db_url() -> Iterator[str]:
    with temp_mysql() as url:
        yield url
