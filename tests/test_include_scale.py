"""Includes whose cost follows the result (issue 15 item 1): the child table is read once.

Prisma's DDL has no index on a foreign key, so a per-parent correlated subquery scans the whole
child table once per parent. PostgreSQL's own EXPLAIN ANALYZE tells how many times each table
was scanned: with the grouped form every table of the include is scanned in one loop, however
many parents there are; and the result is still each parent's own window of children.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from prisma_edge.client import Client
from prisma_edge.compiler import compile_query
from prisma_edge.schema import parse_schema
from tests.support.databases import temp_postgres

SCHEMA = parse_schema("""
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model User {
  id    Int    @id
  posts Post[]
}
model Post {
  id       Int       @id
  authorId Int
  author   User      @relation(fields: [authorId], references: [id])
  comments Comment[]
}
model Comment {
  id     Int  @id
  postId Int
  post   Post @relation(fields: [postId], references: [id])
}
""")

DDL = [  # as Prisma creates them: foreign keys without indexes
    'CREATE TABLE "User" (id int PRIMARY KEY)',
    'CREATE TABLE "Post" (id int PRIMARY KEY, "authorId" int NOT NULL REFERENCES "User"(id))',
    'CREATE TABLE "Comment" (id int PRIMARY KEY, "postId" int NOT NULL REFERENCES "Post"(id))',
    'INSERT INTO "User" SELECT g FROM generate_series(1, 50) g',
    'INSERT INTO "Post" SELECT g, (g % 50) + 1 FROM generate_series(1, 1000) g',
    'INSERT INTO "Comment" SELECT g, (g % 1000) + 1 FROM generate_series(1, 3000) g',
    "ANALYZE",
]


def scans(node: dict[str, Any], out: dict[str, int]) -> dict[str, int]:
    """Loops of every scan node, per table."""
    if "Relation Name" in node:
        out[node["Relation Name"]] = out.get(node["Relation Name"], 0) + int(node.get("Actual Loops", 1))
    for child in node.get("Plans", ()):
        scans(child, out)
    return out


@pytest.mark.postgres
async def test_a_two_level_include_scans_each_child_table_once():
    with temp_postgres("pe_incl") as url:
        db = Client(SCHEMA, url=url, adapter="postgres")
        try:
            for ddl in DDL:
                await db.execute_raw(ddl)
            include = {
                "posts": {"take": 3, "skip": 1, "order": {"id": "desc"}, "include": {"comments": True}}
            }
            loops = {}
            for take in (2, 20, 50):
                plan, values = compile_query(
                    SCHEMA, "User", "find_many", {"take": take, "include": include}, "postgres"
                )
                stmt = plan.steps[0].statement
                rows = await db.query_raw(
                    "EXPLAIN (ANALYZE, FORMAT JSON) " + stmt.sql, *[values[p] for p in stmt.params]
                )
                doc = next(iter(rows[0].values()))
                loops[take] = scans((json.loads(doc) if isinstance(doc, str) else doc)[0]["Plan"], {})
            # scans per table do not grow with the parents: the comments once, the posts once for
            # themselves and once as the comments' parent set
            assert loops[2] == loops[20] == loops[50], loops
            assert loops[50]["Comment"] == 1 and loops[50]["Post"] <= 2, loops

            args = {"take": 20, "order": {"id": "asc"}, "include": include}

            users = await db.user.find_many(**args)
            assert [u["id"] for u in users] == list(range(1, 21))
            # user u has posts u-1 + 50k (k = 0..19), post p has comments p + 1000j: skip 1 of descending, take 3
            for u in users:
                mine = sorted((p for p in range(1, 1001) if p % 50 + 1 == u["id"]), reverse=True)[1:4]
                assert [p["id"] for p in u["posts"]] == mine
                for p in u["posts"]:
                    assert [c["id"] for c in p["comments"]] == [
                        c for c in range(1, 3001) if c % 1000 + 1 == p["id"]
                    ]
        finally:
            await db.close()


# The shapes that had their own grouped form on MySQL first (tests/test_include_scale_mysql.py,
# whose expectations are reused): a cursor, `distinct`, a list under a to-one relation.
from tests.test_include_scale_mysql import (  # noqa: E402
    CURSOR,
    DIFFERENTIAL,
    POSTS,
    SCHEMA_TEXT,
    SHAPES,
    USERS,
    expected,
    got,
)

SHAPES_DDL = [  # Prisma's DDL: a foreign key, no index on it
    'CREATE TABLE "User" (id int PRIMARY KEY)',
    'CREATE TABLE "Post" (id int PRIMARY KEY, views int NOT NULL, "authorId" int NOT NULL REFERENCES "User"(id))',
    f'INSERT INTO "User" SELECT g FROM generate_series(1, {USERS}) g',
    f'INSERT INTO "Post" SELECT g, g % 7, (g % {USERS}) + 1 FROM generate_series(1, {POSTS}) g',
    "ANALYZE",
]
OTHERS = 1000  # with the index: users past the first USERS, 20 posts each, around the parents' posts
SHAPES_INDEXED = [
    *SHAPES_DDL[:-1],
    'CREATE INDEX "Post_authorId_idx" ON "Post"("authorId")',
    f'INSERT INTO "User" SELECT g FROM generate_series({USERS + 1}, {USERS + OTHERS}) g',
    f'INSERT INTO "Post" SELECT g, g % 7, {USERS + 1} + g % {OTHERS} FROM generate_series({POSTS + 1}, {POSTS + 20 * OTHERS}) g',
    "ANALYZE",
]
PG_SCHEMA_TEXT = SCHEMA_TEXT.replace('"mysql"', '"postgresql"')  # the MySQL test's models
PG_SCHEMA = parse_schema(PG_SCHEMA_TEXT)


def reads(node: dict[str, Any], out: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """(table, scan type, loops, rows read over all loops) of every scan node."""
    if "Relation Name" in node:
        loops = int(node.get("Actual Loops", 1))
        rows = sum(int(node.get(k, 0)) for k in ("Actual Rows", "Rows Removed by Filter", "Rows Removed by Index Recheck"))
        out.append((node["Relation Name"], node["Node Type"], loops, rows * loops))
    for child in node.get("Plans", ()):
        reads(child, out)
    return out


@pytest.mark.postgres
@pytest.mark.parametrize("indexed", [False, True], ids=["no_index", "fk_index"])
@pytest.mark.parametrize("shape", list(SHAPES))
async def test_cursor_distinct_and_to_one_shapes_scan_the_posts_once(shape, indexed):
    model, args = SHAPES[shape]
    assert CURSOR <= POSTS
    with temp_postgres("pe_inclsh") as url:
        db = Client(PG_SCHEMA, url=url, adapter="postgres")
        try:
            for ddl in SHAPES_INDEXED if indexed else SHAPES_DDL:
                await db.execute_raw(ddl)
            for take in (2, 20):
                plan, values = compile_query(PG_SCHEMA, model, "find_many", {**args, "take": take}, "postgres")
                stmt = plan.steps[0].statement
                rows = await db.query_raw(
                    "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + stmt.sql, *[values[p] for p in stmt.params]
                )
                doc = next(iter(rows[0].values()))
                found = reads((json.loads(doc) if isinstance(doc, str) else doc)[0]["Plan"], [])
                # each sequential scan of the posts runs once at most, not once per parent; all reads
                # of the posts together take each post once at most, besides the selected parents'
                # children and the parent rows (found again by key)
                assert all(loops <= 1 for name, kind, loops, _ in found if name == "Post" and kind == "Seq Scan"), (take, found)
                in_table = POSTS + (20 * OTHERS if indexed else 0)
                assert sum(n for name, _, _, n in found if name == "Post") <= in_table + take * POSTS // USERS + 2 * take, (take, found)

                result = await getattr(db, model.lower()).find_many(**args, take=take)
                assert len(result) == take
                assert got(shape, result) == expected(shape, result)
        finally:
            await db.close()


@pytest.mark.postgres
@pytest.mark.parametrize("include", DIFFERENTIAL, ids=range(len(DIFFERENTIAL)))
async def test_grouped_windows_on_postgres_read_as_sqlite_reads_them(include):
    """Skip, a backwards cursor by another order, `distinct` with `where`, a to-one's list under a
    list: PostgreSQL's grouped form against SQLite's correlated one, on the same rows."""
    from prisma_edge.fetch_adapters.sqlite import SqliteAdapter

    lite = Client(parse_schema(PG_SCHEMA_TEXT.replace('"postgresql"', '"sqlite"')), adapter=SqliteAdapter(":memory:"))
    await lite.execute_raw("CREATE TABLE User (id int PRIMARY KEY)")
    await lite.execute_raw("CREATE TABLE Post (id int PRIMARY KEY, views int NOT NULL, authorId int NOT NULL)")
    await lite.execute_raw(f"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {POSTS}) "
                           f"INSERT INTO User SELECT i FROM g WHERE i <= {USERS}")
    await lite.execute_raw(f"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {POSTS}) "
                           f"INSERT INTO Post SELECT i, i % 7, (i % {USERS}) + 1 FROM g")
    with temp_postgres("pe_incldf") as url:
        db = Client(PG_SCHEMA, url=url, adapter="postgres")
        try:
            for ddl in SHAPES_DDL:
                await db.execute_raw(ddl)
            for model in ("user", "post"):
                args = {"take": 12, "order": {"id": "asc"}, "include": include if model == "user" else {"author": {"include": include}}}
                assert await getattr(db, model).find_many(**args) == await getattr(lite, model).find_many(**args)
        finally:
            await db.close()
            await lite.close()
