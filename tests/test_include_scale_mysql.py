"""MySQL/MariaDB includes that read each child row once (issue 15 item 1), for the shapes that
used to number EVERY child row in a window per parent: a cursor or `distinct` inside an include,
and a list under a to-one relation.

MariaDB's own ANALYZE FORMAT=JSON tells how often each table was read in full and how many rows
each sort (the windows that number the children) took: every full scan runs once, and the sorts
take only the selected parents' children, however large the child table (before: all of them,
1,000 rows for 2 parents); and the results are still each parent's own
window of children. Tables as PlanetScale has them: no foreign keys, no index on them; and as
Prisma's MySQL DDL makes them with foreign keys (MySQL/MariaDB index every foreign key), where each
read of a table takes at most the selected parents' children, never the table (20,000 more posts
of other users around them).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from prisma_edge.client import Client
from prisma_edge.compiler import compile_query
from prisma_edge.schema import parse_schema

pytestmark = [pytest.mark.mysql, pytest.mark.no_pyodide("starts the local PlanetScale endpoint (a TCP server)")]

SCHEMA_TEXT = """
datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}
model User {
  id    Int    @id
  posts Post[]
}
model Post {
  id       Int  @id
  views    Int
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
"""
SCHEMA = parse_schema(SCHEMA_TEXT)

USERS, POSTS = 50, 1000
DDL = [
    "CREATE TABLE `User` (id int PRIMARY KEY)",
    "CREATE TABLE `Post` (id int PRIMARY KEY, views int NOT NULL, authorId int NOT NULL)",
    f"INSERT INTO `User` SELECT seq FROM seq_1_to_{USERS}",
    f"INSERT INTO `Post` SELECT seq, seq % 7, (seq % {USERS}) + 1 FROM seq_1_to_{POSTS}",
    "ANALYZE TABLE `User`, `Post`",
]
OTHERS = 1000  # users past the first USERS, with 20 posts each, only in the indexed table
INDEXED = [
    *DDL[:-1],
    "CREATE INDEX `Post_authorId_idx` ON `Post`(authorId)",
    f"INSERT INTO `User` SELECT seq FROM seq_{USERS + 1}_to_{USERS + OTHERS}",
    f"INSERT INTO `Post` SELECT seq, seq % 7, {USERS + 1} + seq % {OTHERS} FROM seq_{POSTS + 1}_to_{POSTS + 20 * OTHERS}",
    DDL[-1],
]


def posts_of(user: int) -> list[int]:
    return [p for p in range(1, POSTS + 1) if p % USERS + 1 == user]


CURSOR = 53  # a post of user 4
SHAPES: dict[str, tuple[str, dict[str, Any]]] = {
    "cursor": ("User", {"order": {"id": "asc"}, "include": {"posts": {"cursor": {"id": CURSOR}, "take": 2}}}),
    "cursor_backwards": (
        "User", {"order": {"id": "asc"}, "include": {"posts": {"cursor": {"id": CURSOR}, "take": -2, "skip": 1}}},
    ),
    "cursor_distinct": (
        "User", {"order": {"id": "asc"}, "include": {"posts": {"cursor": {"id": CURSOR}, "distinct": ["views"], "take": 3}}},
    ),
    "distinct": ("User", {"order": {"id": "asc"}, "include": {"posts": {"distinct": ["views"], "order": {"id": "asc"}}}}),
    "to_one_list": (
        "Post",
        {"order": {"id": "asc"}, "include": {"author": {"include": {"posts": {"take": 3, "skip": 1, "order": {"id": "desc"}}}}}},
    ),
}


def nodes(node: Any, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every object of a MariaDB ANALYZE FORMAT=JSON document."""
    if isinstance(node, dict):
        out.append(node)
        for v in node.values():
            nodes(v, out)
    elif isinstance(node, list):
        for v in node:
            nodes(v, out)
    return out


def expected(shape: str, rows: list[dict[str, Any]]) -> list[Any]:
    if shape == "cursor":  # the cursor row is user 4's: only its list starts there, the others are empty
        return [[p for p in posts_of(u["id"]) if p >= CURSOR][:2] if u["id"] == CURSOR % USERS + 1 else [] for u in rows]
    if shape == "cursor_backwards":  # the two before the cursor row (skipped), in their own order
        return [[p for p in posts_of(u["id"]) if p < CURSOR][-2:] if u["id"] == CURSOR % USERS + 1 else [] for u in rows]
    if shape == "cursor_distinct":  # from the cursor row on, the first post of each `views` value
        out = []
        for u in rows:
            seen: dict[int, int] = {}
            if u["id"] == CURSOR % USERS + 1:
                for p in posts_of(u["id"]):
                    if p >= CURSOR:
                        seen.setdefault(p % 7, p)
            out.append(sorted(seen.values())[:3])
        return out
    if shape == "distinct":
        out = []
        for u in rows:
            seen: dict[int, int] = {}
            for p in posts_of(u["id"]):
                seen.setdefault(p % 7, p)
            out.append(sorted(seen.values()))
        return out
    return [sorted(posts_of(p["authorId"]), reverse=True)[1:4] for p in rows]


def got(shape: str, rows: list[dict[str, Any]]) -> list[Any]:
    if shape == "to_one_list":
        return [[p["id"] for p in r["author"]["posts"]] for r in rows]
    return [[p["id"] for p in r["posts"]] for r in rows]


@pytest.mark.parametrize("indexed", [False, True], ids=["no_index", "fk_index"])
@pytest.mark.parametrize("shape", list(SHAPES))
async def test_each_full_scan_runs_once_and_each_parent_gets_its_own_window(shape, indexed):
    from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
    from tests.support.ps_endpoint import local_endpoint

    model, args = SHAPES[shape]
    with local_endpoint("pe_inclmy") as ep:
        db = Client(SCHEMA, adapter=PlanetScaleAdapter(ep.url))
        try:
            for ddl in INDEXED if indexed else DDL:
                await db.execute_raw(ddl)
            for take in (2, 20):
                plan, values = compile_query(SCHEMA, model, "find_many", {**args, "take": take}, "mysql")
                stmt = plan.steps[0].statement
                rows = await db.query_raw("ANALYZE FORMAT=JSON " + stmt.sql, *[values[p] for p in stmt.params])
                doc = json.loads(next(iter(rows[0].values())))
                seen = nodes(doc, [])
                scans = [(t["table_name"], t.get("r_loops")) for t in seen if t.get("access_type") == "ALL"
                         and not t.get("table_name", "<").startswith("<")]
                assert all(loops == 1 for _, loops in scans), (take, scans)
                sorted_rows = [t["r_output_rows"] for t in seen if "r_output_rows" in t]
                children = take * POSTS // USERS  # the selected parents' children (one author per post at most)
                assert sorted_rows and max(sorted_rows) <= children, (take, sorted_rows)
                if indexed:  # no table read in full, and no read takes more than the parents' children
                    reads = [(t["table_name"], t["access_type"], t.get("r_loops", 0) * (t.get("r_rows") or 0))
                             for t in seen if "access_type" in t and not t["table_name"].startswith("<")]
                    assert reads and all(a != "ALL" and n <= children for _, a, n in reads), (take, reads)

                found = await getattr(db, model.lower()).find_many(**args, take=take)
                assert len(found) == take
                assert got(shape, found) == expected(shape, found)
        finally:
            await db.close()


DIFFERENTIAL = [  # include windows on MySQL's grouped form, each compared with SQLite's correlated form
    {"posts": {"cursor": {"id": 53}, "take": 3, "skip": 1}},
    {"posts": {"cursor": {"id": 53}, "take": -2, "order": {"views": "desc"}}},
    {"posts": {"distinct": ["views"], "order": [{"views": "desc"}, {"id": "asc"}], "take": 2, "skip": 1}},
    {"posts": {"distinct": ["views"], "where": {"views": {"gt": 2}}, "cursor": {"id": 103}}},
    {"posts": {"take": 2, "include": {"author": {"include": {"posts": {"distinct": ["views"], "take": -2}}}}}},
]


@pytest.mark.parametrize("include", DIFFERENTIAL, ids=range(len(DIFFERENTIAL)))
async def test_grouped_windows_read_as_sqlite_reads_them(include):
    from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
    from prisma_edge.fetch_adapters.sqlite import SqliteAdapter
    from tests.support.ps_endpoint import local_endpoint

    lite_schema = parse_schema(SCHEMA_TEXT.replace('provider = "mysql"', 'provider = "sqlite"'))
    lite = Client(lite_schema, adapter=SqliteAdapter(":memory:"))
    await lite.execute_raw("CREATE TABLE User (id int PRIMARY KEY)")
    await lite.execute_raw("CREATE TABLE Post (id int PRIMARY KEY, views int NOT NULL, authorId int NOT NULL)")
    await lite.execute_raw(f"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {POSTS}) "
                           f"INSERT INTO User SELECT i FROM g WHERE i <= {USERS}")
    await lite.execute_raw(f"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {POSTS}) "
                           f"INSERT INTO Post SELECT i, i % 7, (i % {USERS}) + 1 FROM g")
    with local_endpoint("pe_incldiff") as ep:
        db = Client(SCHEMA, adapter=PlanetScaleAdapter(ep.url))
        try:
            for ddl in DDL:
                await db.execute_raw(ddl)
            args = {"take": 12, "order": {"id": "asc"}, "include": include}
            assert await db.user.find_many(**args) == await lite.user.find_many(**args)
        finally:
            await db.close()
            await lite.close()
