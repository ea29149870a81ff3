"""`create_many_and_return` / `update_many_and_return` with to-one relations in `select`/`include`,
as Prisma 7 allows (recorded in tests/prisma7 scenarios/nested_order.json): the relations are read
after the write, so a relation that reaches back to the written rows sees them. A list relation
or `_count` is refused (Prisma's validation error); MySQL has no `*_and_return` (as in Prisma).
"""

from __future__ import annotations

import pytest

from prisma_edge.errors import PrismaEdgeError, ValidationError
from tests.test_nested_steps import steps_client

pytestmark = pytest.mark.no_pyodide("the postgres adapter opens TCP sockets; the other endpoints run as local servers")

ADAPTERS = ["sqlite", "libsql", "neon_http", "neon_ws", "postgres"]


def by_title(rows):
    return sorted(rows, key=lambda r: r["title"])


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_create_many_and_return_includes_to_one_relations(adapter):
    async with steps_client(adapter) as db:
        ann = await db.user.create({"email": "ann@x.io", "name": "Ann", "posts": {"create": {"title": "old"}}})
        rows = await db.post.create_many_and_return(data=[{"title": "x", "authorId": ann["id"]}, {"title": "y"}],
                                                    include={"author": True})
        assert [(r["title"], r["author"]) for r in by_title(rows)] == [
            ("x", {"id": ann["id"], "email": "ann@x.io", "name": "Ann", "karma": 0}), ("y", None)]
        rows = await db.post.create_many_and_return(
            data=[{"title": "z", "authorId": ann["id"]}],
            select={"title": True, "author": {"select": {"email": True, "posts": {"select": {"title": True}, "order": {"id": "asc"}}}}})
        # the author's posts are read after the insert: they list the post just created
        assert rows == [{"title": "z", "author": {"email": "ann@x.io", "posts": [{"title": "old"}, {"title": "x"}, {"title": "z"}]}}]
        assert await db.post.count() == 4
        cats = await db.category.create_many_and_return(data=[{"name": "root"}], include={"parent": True})
        kids = await db.category.create_many_and_return(data=[{"name": "a", "parentId": cats[0]["id"]}, {"name": "b", "parentId": cats[0]["id"]}],
                                                        include={"parent": {"select": {"name": True}}})
        assert sorted((k["name"], k["parent"]["name"]) for k in kids) == [("a", "root"), ("b", "root")]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_update_many_and_return_includes_to_one_relations(adapter):
    async with steps_client(adapter) as db:
        ann = await db.user.create({"email": "ann@x.io", "posts": {"create": [{"title": "a1"}, {"title": "a2"}]}})
        await db.user.create({"email": "ben@x.io", "posts": {"create": [{"title": "b1"}]}})
        rows = await db.post.update_many_and_return(where={"authorId": ann["id"]}, data={"views": 7},
                                                    include={"author": {"include": {"posts": {"order": {"id": "asc"}}}}})
        assert [r["title"] for r in by_title(rows)] == ["a1", "a2"]
        for r in rows:  # the author's posts show the new values
            assert r["views"] == 7 and r["author"]["email"] == "ann@x.io"
            assert [(p["title"], p["views"]) for p in r["author"]["posts"]] == [("a1", 7), ("a2", 7)]
        assert await db.post.update_many_and_return(where={"title": "none"}, data={"views": 1}, include={"author": True}) == []
        assert [p["views"] for p in await db.post.find_many(where={"title": "b1"})] == [0]  # other rows untouched


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_and_return_refuses_list_relations_and_counts(adapter):
    async with steps_client(adapter) as db:
        with pytest.raises(ValidationError) as e:
            await db.post.create_many_and_return(data=[{"title": "x"}], include={"tags": True})
        assert "Unknown field `tags` for include statement on model `CreateManyPostAndReturnOutputType`" in str(e.value)
        with pytest.raises(ValidationError):
            await db.post.update_many_and_return(where={}, data={"views": 1}, include={"_count": True})
        assert await db.post.count() == 0  # nothing was written


async def test_and_return_with_relations_on_d1_is_a_clear_error_and_writes_nothing():
    from prisma_edge.errors import UnsupportedError

    async with steps_client("d1") as db:  # D1 runs each operation as one static batch
        ann = await db.user.create({"email": "ann@x.io"})
        with pytest.raises(UnsupportedError, match="D1"):
            await db.post.create_many_and_return(data=[{"title": "x", "authorId": ann["id"]}], include={"author": True})
        assert await db.post.count() == 0
        assert len(await db.post.create_many_and_return(data=[{"title": "x"}])) == 1  # scalars only: as before


async def test_and_return_on_mysql_keeps_its_clear_error():
    async with steps_client("planetscale") as db:
        with pytest.raises(PrismaEdgeError, match="RETURNING"):
            await db.post.create_many_and_return(data=[{"title": "x"}], include={"author": True})
        assert await db.post.count() == 0


async def test_create_many_and_return_of_default_only_rows_returns_every_row():
    from prisma_edge.client import Client
    from prisma_edge.fetch_adapters.sqlite import SqliteAdapter
    from prisma_edge.migrate.push import push_schema
    from prisma_edge.schema import parse_schema

    s = parse_schema('datasource db {\n  provider = "sqlite"\n  url = "file:x"\n}\n'
                     "model Hit {\n  id Int @id @default(autoincrement())\n  n  Int @default(0)\n}\n")
    a = SqliteAdapter(":memory:")
    await push_schema(a, s)
    db = Client(s, adapter=a)
    assert await db.hit.create_many_and_return(data=[{}, {}, {}]) == [{"id": 1, "n": 0}, {"id": 2, "n": 0}, {"id": 3, "n": 0}]
    assert await db.hit.count() == 3
    await db.close()
