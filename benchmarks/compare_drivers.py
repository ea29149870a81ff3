"""compare.py's operations on MariaDB and SQLite: prisma-edge next to raw PyMySQL and sqlite3.

Each raw driver runs hand-written SQL on the same database as prisma-edge (an include as one
query per level with `IN (...)`, rows as dicts), so each ratio compares like with like:
prisma-edge on the PlanetScale adapter (HTTP, through the local endpoint in front of MariaDB)
over PyMySQL (the MySQL protocol, direct), and prisma-edge's SQLite adapter over sqlite3 on the
same file. The endpoint runs in its own process. Loopback only. Run from compare.py (`drivers(runs)`), or alone:

    python benchmarks/compare_drivers.py [--quick]      (needs the local MariaDB)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.compare import OPS, PRISMA_SCHEMA, SIZES, Op, edge_ops, measure  # noqa: E402

MY_DDL = [  # what Prisma's migrate creates for PRISMA_SCHEMA on MySQL (relationMode "prisma": indexes, no FKs)
    "CREATE TABLE `User` (id int AUTO_INCREMENT PRIMARY KEY, email varchar(191) NOT NULL, name varchar(191) NULL, "
    "UNIQUE KEY `User_email_key` (email))",
    "CREATE TABLE `Post` (id int AUTO_INCREMENT PRIMARY KEY, title varchar(191) NOT NULL, published boolean NOT NULL "
    "DEFAULT false, views int NOT NULL DEFAULT 0, authorId int NOT NULL, KEY `Post_authorId_idx` (authorId))",
    "CREATE TABLE `Comment` (id int AUTO_INCREMENT PRIMARY KEY, body varchar(191) NOT NULL, postId int NOT NULL, "
    "KEY `Comment_postId_idx` (postId))",
    "INSERT INTO `User`(email, name) SELECT CONCAT('u', seq, '@x.io'), CONCAT('name ', seq) FROM seq_1_to_10000",
    "INSERT INTO `Post`(title, published, views, authorId) SELECT CONCAT('title ', seq), seq % 2 = 0, seq % 1000, "
    "(seq % 10000) + 1 FROM seq_1_to_50000",
    "INSERT INTO `Comment`(body, postId) SELECT CONCAT('body ', seq), (seq % 50000) + 1 FROM seq_1_to_50000",
    "ANALYZE TABLE `User`, `Post`, `Comment`",
]

LITE_DDL = [
    'CREATE TABLE "User" (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL, name TEXT)',
    'CREATE UNIQUE INDEX "User_email_key" ON "User"(email)',
    'CREATE TABLE "Post" (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, published BOOLEAN NOT NULL '
    'DEFAULT false, views INTEGER NOT NULL DEFAULT 0, "authorId" INTEGER NOT NULL REFERENCES "User"(id))',
    'CREATE INDEX "Post_authorId_idx" ON "Post"("authorId")',
    'CREATE TABLE "Comment" (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, "postId" INTEGER NOT NULL '
    'REFERENCES "Post"(id))',
    'CREATE INDEX "Comment_postId_idx" ON "Comment"("postId")',
    "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 50000) "
    "INSERT INTO \"User\"(email, name) SELECT 'u' || i || '@x.io', 'name ' || i FROM g WHERE i <= 10000",
    "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 50000) "
    "INSERT INTO \"Post\"(title, published, views, \"authorId\") SELECT 'title ' || i, i % 2 = 0, i % 1000, "
    "(i % 10000) + 1 FROM g",
    "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 50000) "
    "INSERT INTO \"Comment\"(body, \"postId\") SELECT 'body ' || i, (i % 50000) + 1 FROM g",
    "ANALYZE",
]


def raw_ops(query: Any, write: Any, q: str, mark: str) -> tuple[dict[str, Op], Any]:
    """The hand-written operations over `query(sql, *params) -> list[dict]` and `write(steps)`
    (statements in one transaction, each (sql, params) or a function of the previous rows),
    with `q` the identifier quote and `mark` the placeholder."""
    n = iter(range(10**9))

    def t(name: str) -> str:
        return f"{q}{name}{q}"

    def marks(k: int) -> str:
        return ", ".join([mark] * k)

    async def include() -> list[dict[str, Any]]:
        users = query(f"SELECT id, email, name FROM {t('User')} WHERE id > {mark} ORDER BY id LIMIT 10", 100)
        ids = [u["id"] for u in users]
        posts = query(f"SELECT * FROM {t('Post')} WHERE {t('authorId')} IN ({marks(len(ids))}) ORDER BY id", *ids)
        pids = [p["id"] for p in posts]
        comments = query(f"SELECT * FROM {t('Comment')} WHERE {t('postId')} IN ({marks(len(pids))}) ORDER BY id", *pids)
        by_post: dict[int, list[Any]] = {}
        for c in comments:
            by_post.setdefault(c["postId"], []).append(c)
        by_user: dict[int, list[Any]] = {}
        for p in posts:
            p["comments"] = by_post.get(p["id"], [])
            by_user.setdefault(p["authorId"], []).append(p)
        for u in users:
            u["posts"] = by_user.get(u["id"], [])
        return users

    async def nested_create() -> None:
        write(lambda run: [run(f"INSERT INTO {t('Post')}(title, {t('authorId')}) VALUES ({mark}, {mark})", title, uid)
                           for uid in [run(f"INSERT INTO {t('User')}(email) VALUES ({mark})", f"raw-{next(n)}@x.io")]
                           for title in ("a", "b")])

    def bump(run: Any, k: int) -> Any:
        run(f"UPDATE {t('Post')} SET views = views + 1 WHERE id = {mark}", k)
        return run(f"SELECT * FROM {t('Post')} WHERE id = {mark}", k)

    async def wrap(fn: Any, *args: Any) -> Any:
        return fn(*args)

    ops: dict[str, Op] = {
        "find_unique": lambda: wrap(query, f"SELECT id, email, name FROM {t('User')} WHERE id = {mark}", next(n) % 1000 + 1),
        "find_many_filtered": lambda: wrap(
            query, f"SELECT * FROM {t('Post')} WHERE published AND views > {mark} ORDER BY id LIMIT 20", 500),
        "include_2_levels": include,
        "nested_create": nested_create,
        "update": lambda: wrap(write, lambda run: bump(run, next(n) % 1000 + 1)),
        "batch_of_3": lambda: wrap(write, lambda run: [bump(run, k) for k in (1, 2, 3)]),
        "count": lambda: wrap(query, f"SELECT COUNT(*) FROM {t('Post')} WHERE published"),
    }

    def rows(size: int) -> Op:
        return lambda: wrap(query, f"SELECT id, email, name FROM {t('User')} ORDER BY id LIMIT {mark}", size)

    return ops, rows


@contextlib.contextmanager
def mariadb() -> Iterator[tuple[Any, Any]]:
    """(a prisma-edge client on the PlanetScale adapter, a PyMySQL connection), one database."""
    import pymysql
    import pymysql.cursors
    from tests.support.databases import temp_mysql

    from prisma_edge.client import Client
    from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
    from prisma_edge.schema import parse_schema

    with temp_mysql("pe_cmp") as url:
        u = urlsplit(url)
        conn = pymysql.connect(host=u.hostname, port=u.port or 3306, user=u.username or "root",
                               password=u.password or "", database=u.path.lstrip("/"), autocommit=True,
                               cursorclass=pymysql.cursors.DictCursor)
        with conn.cursor() as cur:
            for ddl in MY_DDL:
                cur.execute(ddl)
        # the endpoint in its own process (as in production, the server is not the client's process)
        server = subprocess.Popen([sys.executable, "-m", "prisma_edge.cli", "dev", "planetscale", "--database", url,
                                   "--port", "0"], stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        assert server.stdout is not None
        endpoint = next(line.strip() for line in server.stdout if line.startswith("http://"))
        schema = parse_schema('datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n' + PRISMA_SCHEMA)
        try:
            yield Client(schema, adapter=PlanetScaleAdapter(endpoint)), conn
        finally:
            server.terminate()
            server.wait(10)
            conn.close()


def pymysql_ops(conn: Any) -> tuple[dict[str, Op], Any]:
    def query(sql: str, *params: Any) -> list[dict[str, Any]]:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return list(cur.fetchall())

    def write(steps: Any) -> Any:
        conn.begin()
        with conn.cursor() as cur:
            def run(sql: str, *params: Any) -> Any:
                cur.execute(sql, params)
                return cur.fetchall() if cur.description else cur.lastrowid
            out = steps(run)
        conn.commit()
        return out

    return raw_ops(query, write, "`", "%s")


def sqlite_ops(conn: sqlite3.Connection) -> tuple[dict[str, Op], Any]:
    def query(sql: str, *params: Any) -> list[dict[str, Any]]:
        cur = conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def write(steps: Any) -> Any:
        conn.execute("BEGIN")
        def run(sql: str, *params: Any) -> Any:
            cur = conn.execute(sql, params)
            return cur.fetchall() if cur.description else cur.lastrowid
        out = steps(run)
        conn.execute("COMMIT")
        return out

    return raw_ops(query, write, '"', "?")


async def measure_all(runs: int) -> dict[str, dict[str, float]]:
    from prisma_edge.client import Client
    from prisma_edge.fetch_adapters.sqlite import SqliteAdapter
    from prisma_edge.schema import parse_schema

    out: dict[str, dict[str, float]] = {}

    def edge_rows(db: Any) -> Any:
        return lambda size: lambda: db.user.find_many(order={"id": "asc"}, take=size)

    with mariadb() as (db, conn):
        try:
            out["prisma-edge (PlanetScale)"] = await measure(edge_ops(db), edge_rows(db), runs)
        finally:
            await db.close()
        out["PyMySQL"] = await measure(*pymysql_ops(conn), runs)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "bench.db")
        raw = sqlite3.connect(path, isolation_level=None)
        raw.executescript(";\n".join(LITE_DDL))
        schema = parse_schema('datasource db {\n  provider = "sqlite"\n  url = "file:bench.db"\n}\n' + PRISMA_SCHEMA)
        db = Client(schema, adapter=SqliteAdapter(path))
        try:
            out["prisma-edge (SQLite)"] = await measure(edge_ops(db), edge_rows(db), runs)
        finally:
            await db.close()
        out["sqlite3"] = await measure(*sqlite_ops(raw), runs)
        raw.close()
    return out


def drivers(runs: int) -> None:
    """Print the table: each driver next to prisma-edge on the same database."""
    r = asyncio.run(measure_all(runs))
    pairs = [("prisma-edge (PlanetScale)", "PyMySQL"), ("prisma-edge (SQLite)", "sqlite3")]
    print(f"\nMariaDB and SQLite, loopback, median of {runs} (ratio = prisma-edge / the driver on the same database)")
    print("| operation | " + " | ".join(f"{a} ms | {b} ms (ratio)" for a, b in pairs) + " |")
    print("|---|" + "---|---|" * len(pairs))
    for name in (*OPS, *(f"rows_{s}" for s in SIZES)):
        print(f"| {name} | " + " | ".join(f"{r[a][name]:.2f} | {r[b][name]:.2f} ({r[a][name] / r[b][name]:.2f}x)"
                                          for a, b in pairs) + " |")
    per = {k: (v[f"rows_{SIZES[-1]}"] - v[f"rows_{SIZES[0]}"]) / (SIZES[-1] - SIZES[0]) * 1000 for k, v in r.items()}
    print("| per row (us) | " + " | ".join(f"{per[a]:.2f} | {per[b]:.2f} ({per[a] / per[b]:.2f}x)" for a, b in pairs) + " |")


if __name__ == "__main__":
    drivers(7 if "--quick" in sys.argv else 31)
