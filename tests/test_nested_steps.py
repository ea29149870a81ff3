"""Nested writes give what Prisma's steps give, run one after another (regressions of issue 10).

On PostgreSQL a nested write is one request. Data-modifying CTEs of one statement share one
snapshot, so where a step touches a row an earlier step changed, or must see rows an earlier
step wrote, the plan splits into several statements in that request. Keys travel between the
statements with their own types (`@db.Uuid`, `@db.VarChar(n)`, BigInt, composite keys).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest

from prisma_edge.client import Client
from prisma_edge.errors import RecordNotFoundError, RecordsNotConnectedError
from tests.support.clients import open_client

ADAPTERS = ["sqlite", "neon_http", "neon_ws", "postgres"]
ALL = ["sqlite", "neon_http", "neon_ws", "postgres", "planetscale", "libsql", "d1"]


@contextlib.asynccontextmanager
async def steps_client(adapter: str, schema: str = "steps") -> AsyncIterator[Client]:
    """`open_client`, plus "postgres": PgDirectAdapter on a throwaway database."""
    if adapter != "postgres":
        async with open_client(schema, adapter) as db:
            yield db
        return
    from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
    from prisma_edge.migrate.push import push_schema
    from prisma_edge.schema import load_schema
    from tests.support.clients import IN_PYODIDE, schema_path
    from tests.support.databases import temp_postgres

    if IN_PYODIDE:
        pytest.skip("no_pyodide: PgDirectAdapter opens TCP sockets")
    with temp_postgres("pe_steps") as url:
        s = load_schema(schema_path(schema))
        a = PgDirectAdapter(url)
        await push_schema(a, s)
        a.stats.reset()
        db = Client(s, adapter=a)
        try:
            yield db
        finally:
            await db.close()


def one_request(db: Client, adapter: str) -> None:
    if adapter in ("neon_http", "neon_ws", "postgres"):
        assert db.adapter.stats.round_trips == 1


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_update_row_twice_connect_parent_and_decrement(adapter):
    async with steps_client(adapter) as db:
        root = await db.category.create({"name": "root"})
        child = await db.category.create({"name": "child", "depth": 3})
        db.adapter.stats.reset()
        out = await db.category.update(
            where={"id": child["id"]},
            data={"parent": {"connect": {"id": root["id"]}}, "depth": {"decrement": 1}},
        )
        one_request(db, adapter)
        assert (out["parentId"], out["depth"]) == (root["id"], 2)
        again = await db.category.find_unique(where={"id": child["id"]})
        assert (again["parentId"], again["depth"]) == (root["id"], 2)


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_update_many_sees_sibling_create(adapter):
    async with steps_client(adapter) as db:
        u = await db.user.create({"email": "a@x.io", "posts": {"create": [{"title": "old"}]}})
        db.adapter.stats.reset()
        out = await db.user.update(
            where={"id": u["id"]},
            data={
                "posts": {
                    "create": {"title": "new"},
                    "updateMany": {"where": {}, "data": {"content": "bulk"}},
                }
            },
            include={"posts": {"orderBy": {"id": "asc"}}},
        )
        one_request(db, adapter)
        assert [(p["title"], p["content"]) for p in out["posts"]] == [("old", "bulk"), ("new", "bulk")]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_connect_or_create_sees_tag_a_sibling_created(adapter):
    async with steps_client(adapter) as db:
        db.adapter.stats.reset()
        coc = {"connectOrCreate": {"where": {"name": "py"}, "create": {"name": "py"}}}
        out = await db.user.create(
            {
                "email": "b@x.io",
                "posts": {"create": [{"title": "p1", "tags": coc}, {"title": "p2", "tags": coc}]},
            },
            include={"posts": {"include": {"tags": True}, "orderBy": {"id": "asc"}}},
        )
        one_request(db, adapter)
        assert [[t["name"] for t in p["tags"]] for p in out["posts"]] == [["py"], ["py"]]
        assert await db.tag.count() == 1


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_uuid_varchar_bigint_and_composite_keys_travel_typed(adapter):
    async with steps_client(adapter) as db:
        await db.label.create({"code": "urgent", "name": "Urgent"})
        db.adapter.stats.reset()
        team = await db.team.create(
            {
                "name": "core",
                "labels": {"connect": {"code": "urgent"}, "create": {"code": "infra", "name": "Infra"}},
                "members": {"create": [{"handle": "ada"}, {"handle": "bob", "role": "lead"}]},
                "projects": {
                    "create": {"title": "edge", "tasks": {"create": [{"title": "t1"}, {"title": "t2"}]}}
                },
            },
            include={
                "labels": {"orderBy": {"code": "asc"}},
                "members": {"orderBy": {"handle": "asc"}},
                "projects": {"include": {"tasks": {"orderBy": {"id": "asc"}}}},
            },
        )
        one_request(db, adapter)
        assert [lb["code"] for lb in team["labels"]] == ["infra", "urgent"]
        assert [(m["handle"], m["role"]) for m in team["members"]] == [("ada", "member"), ("bob", "lead")]
        (proj,) = team["projects"]
        assert [t["title"] for t in proj["tasks"]] == ["t1", "t2"]
        task = proj["tasks"][0]
        db.adapter.stats.reset()
        updated = await db.task.update(
            where={"id": task["id"]},
            data={
                "done": True,
                "owner": {"connect": {"teamId_handle": {"teamId": team["id"], "handle": "bob"}}},
                "project": {"update": {"title": "edge2"}},
            },
            include={"owner": True, "project": True},
        )
        one_request(db, adapter)
        assert (
            updated["done"] is True
            and updated["owner"]["role"] == "lead"
            and updated["project"]["title"] == "edge2"
        )
        db.adapter.stats.reset()
        t2 = await db.team.update(
            where={"id": team["id"]},
            data={
                "name": "core2",
                "labels": {"disconnect": {"code": "urgent"}},
                "members": {
                    "update": {
                        "where": {"teamId_handle": {"teamId": team["id"], "handle": "ada"}},
                        "data": {"role": "x"},
                    }
                },
                "projects": {
                    "upsert": {
                        "where": {"teamId_title": {"teamId": team["id"], "title": "next"}},
                        "create": {"title": "next"},
                        "update": {"title": "never"},
                    }
                },
            },
            include={
                "labels": True,
                "members": {"orderBy": {"handle": "asc"}},
                "projects": {"orderBy": {"title": "asc"}},
            },
        )
        one_request(db, adapter)
        assert t2["name"] == "core2" and [lb["code"] for lb in t2["labels"]] == ["infra"]
        assert [m["role"] for m in t2["members"]] == ["x", "lead"]
        assert [p["title"] for p in t2["projects"]] == ["edge2", "next"]


@pytest.mark.parametrize("adapter", ALL)
async def test_update_delete_upsert_through_many_to_many(adapter):
    """As Prisma 7 answers (tests/prisma7 scenarios many_to_many_tags_*): only linked rows are touched."""
    async with steps_client(adapter, "blog") as db:
        u = await db.user.create({"email": "m@x.io"})
        for name in ("red", "green", "blue"):
            await db.tag.create({"name": name})
        post = await db.post.create(
            {"title": "p", "authorId": u["id"], "tags": {"connect": [{"name": "red"}, {"name": "green"}]}}
        )
        tags = {"include": {"tags": {"orderBy": {"id": "asc"}}}}
        out = await db.post.update(
            where={"id": post["id"]},
            data={
                "tags": {
                    "update": {"where": {"name": "red"}, "data": {"name": "crimson"}},
                    "upsert": [
                        {"where": {"name": "green"}, "create": {"name": "no"}, "update": {"name": "lime"}},
                        {"where": {"name": "violet"}, "create": {"name": "violet"}, "update": {"name": "no"}},
                    ],
                }
            },
            **tags,
        )
        assert [t["name"] for t in out["tags"]] == ["crimson", "lime", "violet"]
        out = await db.post.update(
            where={"id": post["id"]},
            data={"tags": {"updateMany": {"where": {"name": {"startswith": "l"}}, "data": {"name": "leaf"}}}},
            **tags,
        )
        assert [t["name"] for t in out["tags"]] == ["crimson", "leaf", "violet"]
        assert (await db.tag.find_unique(where={"name": "blue"})) is not None  # not linked: left alone
        with pytest.raises(RecordNotFoundError):  # blue is not linked to the post (Prisma: P2025)
            await db.post.update(
                where={"id": post["id"]},
                data={"tags": {"update": {"where": {"name": "blue"}, "data": {"name": "no"}}}},
            )
        with pytest.raises(RecordsNotConnectedError):  # Prisma 7: P2017 (tests/prisma7 nested_order)
            await db.post.update(where={"id": post["id"]}, data={"tags": {"delete": {"name": "blue"}}})
        out = await db.post.update(
            where={"id": post["id"]},
            data={"tags": {"delete": {"name": "crimson"}, "deleteMany": {"name": "violet"}}},
            **tags,
        )
        assert [t["name"] for t in out["tags"]] == ["leaf"]
        assert sorted(t["name"] for t in await db.tag.find_many()) == ["blue", "leaf"]


@pytest.mark.parametrize("adapter", ALL)
async def test_upsert_through_the_records_own_foreign_key(adapter):
    """`post.author.upsert`: update the author the post points at, else create one and point at it."""
    async with steps_client(adapter, "blog") as db:
        u = await db.user.create({"email": "o@x.io", "name": "old"})
        post = await db.post.create({"title": "p", "authorId": u["id"]})
        up = {"upsert": {"create": {"email": "new@x.io"}, "update": {"name": "renamed"}}}
        out = await db.post.update(where={"id": post["id"]}, data={"author": up}, include={"author": True})
        assert (out["author"]["id"], out["author"]["name"]) == (u["id"], "renamed")
        assert await db.user.count() == 1
        c = await db.comment.create(
            {"body": "c", "post": {"connect": {"id": post["id"]}}, "author": {"connect": {"id": u["id"]}}}
        )
        out = await db.comment.update(
            where={"id": c["id"]},
            data={
                "post": {
                    "upsert": {
                        "create": {"title": "never", "authorId": u["id"]},
                        "update": {"title": {"set": "p!"}, "views": {"increment": 2}},
                    }
                }
            },
            include={"post": True},
        )
        assert (out["post"]["title"], out["post"]["views"]) == ("p!", 2)
        assert await db.post.count() == 1


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_upsert_own_foreign_key_creates_and_points_when_missing(adapter):
    async with steps_client(adapter) as db:
        post = await db.post.create({"title": "orphan"})
        db.adapter.stats.reset()
        up = {"upsert": {"create": {"email": "new@x.io"}, "update": {"name": "never"}}}
        out = await db.post.update(
            where={"id": post["id"]}, data={"author": up, "views": {"increment": 1}}, include={"author": True}
        )
        one_request(db, adapter)
        assert out["author"]["email"] == "new@x.io" and out["author"]["name"] is None and out["views"] == 1
        assert out["authorId"] == out["author"]["id"]


@pytest.mark.parametrize("adapter", ALL)
async def test_one_to_one_taken_raises_p2014_when_required(adapter):
    """As Prisma 7 (scenarios update_one_to_one_required/profile_create_when_exists, create_one_to_one/
    profile_user_connect_taken): a required 1-1 FK cannot be taken from its record (P2014), nothing applied."""
    from prisma_edge.errors import RelationViolationError

    async with steps_client(adapter, "blog") as db:
        u = await db.user.create({"email": "a@x.io", "profile": {"create": {"bio": "one"}}})
        with pytest.raises(RelationViolationError):
            await db.user.update(
                where={"id": u["id"]}, data={"name": "x", "profile": {"create": {"bio": "two"}}}
            )
        with pytest.raises(RelationViolationError):
            await db.profile.create({"bio": "three", "user": {"connect": {"id": u["id"]}}})
        assert [p["bio"] for p in await db.profile.find_many()] == ["one"]
        assert (await db.user.find_unique(where={"id": u["id"]}))["name"] is None


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_one_to_one_optional_moves(adapter):
    """An optional 1-1 FK moves: the record that had it lets go (as Prisma: passport_connect_taken_moves)."""
    async with steps_client(adapter) as db:
        a = await db.user.create(
            {"email": "a@x.io", "profile": {"create": {"bio": "pa"}}}, include={"profile": True}
        )
        b = await db.user.create({"email": "b@x.io", "profile": {"create": {"bio": "pb"}}})
        out = await db.user.update(
            where={"id": b["id"]},
            data={"profile": {"connect": {"id": a["profile"]["id"]}}},
            include={"profile": True},
        )
        assert out["profile"]["bio"] == "pa"
        rows = {p["bio"]: p["userId"] for p in await db.profile.find_many()}
        assert rows == {"pa": b["id"], "pb": None}
