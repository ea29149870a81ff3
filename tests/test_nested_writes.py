"""Nested writes: one request on Neon HTTP and libSQL, one transaction everywhere, nothing left on failure."""

from __future__ import annotations

import pytest

from prisma_edge.errors import (
    ConnectedRecordsNotFoundError,
    RecordNotFoundError,
    UniqueConstraintError,
    ValidationError,
)
from tests.support.clients import ADAPTERS, endpoint_requests, open_client

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def counts(db):
    return {m: await getattr(db, m).count() for m in ("user", "post", "comment", "tag", "profile")}


def two_level_create(tag_id, *, comment_author=None, post_title="Hello", tag_connect=None):
    return {
        "email": "ada@x.io",
        "name": "Ada",
        "profile": {"create": {"bio": "hi"}},
        "posts": {
            "create": [
                {
                    "title": post_title,
                    "comments": {"create": [{"body": "first!", "author": {"connect": {"email": comment_author or "bob@x.io"}}}]},
                    "tags": {"connect": [tag_connect or {"id": tag_id}]},
                },
                {"title": "Second"},
            ]
        },
    }


async def test_two_levels_plus_connect_in_one_request(adapter):
    async with open_client("blog", adapter) as db:
        await db.user.create({"email": "bob@x.io"})
        tag = await db.tag.create({"name": "python"})
        before = endpoint_requests(adapter)
        db.adapter.stats.reset()
        u = await db.user.create(two_level_create(tag["id"]),
                                 include={"profile": True, "posts": {"include": {"comments": {"include": {"author": True}}, "tags": True}}})
        if adapter in ("neon_http", "libsql"):
            assert db.adapter.stats.round_trips == 1
            if before is not None:
                assert endpoint_requests(adapter) == before + 1
        assert u["profile"]["bio"] == "hi"
        hello, second = sorted(u["posts"], key=lambda p: p["title"])
        assert hello["title"] == "Hello" and second["title"] == "Second"
        assert hello["comments"][0]["body"] == "first!" and hello["comments"][0]["author"]["email"] == "bob@x.io"
        assert [t["name"] for t in hello["tags"]] == ["python"]
        assert await counts(db) == {"user": 2, "post": 2, "comment": 1, "tag": 1, "profile": 1}


@pytest.mark.parametrize("failure", ["missing connect", "duplicate root", "missing m-n connect", "bad nested value"])
async def test_any_failing_part_leaves_nothing(adapter, failure):
    async with open_client("blog", adapter) as db:
        await db.user.create({"email": "bob@x.io"})
        tag = await db.tag.create({"name": "python"})
        snapshot = await counts(db)
        data = two_level_create(tag["id"])
        expected: type[Exception] = RecordNotFoundError
        if failure == "missing connect":
            data = two_level_create(tag["id"], comment_author="nobody@x.io")
        elif failure == "duplicate root":
            data = {**two_level_create(tag["id"]), "email": "bob@x.io"}
            expected = UniqueConstraintError
        elif failure == "missing m-n connect":
            data = two_level_create(tag["id"], tag_connect={"id": 999})
        else:
            data["posts"]["create"][1]["views"] = "many"
            expected = ValidationError
        db.adapter.stats.reset()
        with pytest.raises(expected):
            await db.user.create(data)
        if adapter == "libsql" and expected is not ValidationError:  # refused in ONE request, rolled back there
            assert db.adapter.stats.round_trips == 1
        assert await counts(db) == snapshot


async def test_to_one_create_connect_and_connect_or_create(adapter):
    async with open_client("blog", adapter) as db:
        bob = await db.user.create({"email": "bob@x.io"})
        p1 = await db.post.create({"title": "a", "author": {"connect": {"id": bob["id"]}}}, include={"author": True})
        assert p1["author"]["email"] == "bob@x.io" and p1["authorId"] == bob["id"]
        p2 = await db.post.create({"title": "b", "author": {"create": {"email": "new@x.io"}}}, include={"author": True})
        assert p2["author"]["email"] == "new@x.io"
        p3 = await db.post.create({"title": "c", "author": {"connect_or_create": {"where": {"email": "bob@x.io"},
                                                                                "create": {"email": "bob@x.io"}}}})
        assert p3["authorId"] == bob["id"]
        p4 = await db.post.create({"title": "d", "author": {"connectOrCreate": {"where": {"email": "zed@x.io"},
                                                                              "create": {"email": "zed@x.io", "name": "Zed"}}}},
                                  include={"author": True})
        assert p4["author"]["name"] == "Zed"
        assert await db.user.count() == 3
        with pytest.raises(ValidationError, match="authorId"):
            await db.post.create({"title": "e", "authorId": bob["id"], "author": {"connect": {"id": bob["id"]}}})


async def test_create_many_and_connect_or_create_in_lists(adapter):
    async with open_client("blog", adapter) as db:
        await db.tag.create({"name": "old"})
        u = await db.user.create({"email": "a@x.io", "posts": {"create_many": {"data": [{"title": "x"}, {"title": "y"}]}}},
                                 include={"posts": True})
        assert sorted(p["title"] for p in u["posts"]) == ["x", "y"]
        p = await db.post.create({"title": "t", "authorId": u["id"],
                                  "tags": {"connect_or_create": [{"where": {"name": "old"}, "create": {"name": "old"}},
                                                                 {"where": {"name": "new"}, "create": {"name": "new"}}]}},
                                 include={"tags": {"order": {"name": "asc"}}})
        assert [t["name"] for t in p["tags"]] == ["new", "old"]
        assert await db.tag.count() == 2


async def test_nested_update_operations(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io", "posts": {"create": [{"title": "keep"}, {"title": "drop"}, {"title": "edit"}]}})
        other = await db.user.create({"email": "b@x.io", "posts": {"create": [{"title": "theirs"}]}})
        t1, t2 = await db.tag.create({"name": "t1"}), await db.tag.create({"name": "t2"})
        theirs = await db.post.find_first(where={"title": "theirs"})
        got = await db.user.update(
            where={"id": u["id"]},
            data={
                "name": "A",
                "posts": {
                    "delete_many": {"title": "drop"},
                    "update_many": {"where": {"title": "edit"}, "data": {"views": {"increment": 5}}},
                    "create": {"title": "new"},
                    "connect": {"id": theirs["id"]},
                },
            },
            include={"posts": {"order": {"title": "asc"}}},
        )
        assert got["name"] == "A"
        assert [(p["title"], p["views"]) for p in got["posts"]] == [("edit", 5), ("keep", 0), ("new", 0), ("theirs", 0)]
        assert await db.post.count(where={"authorId": other["id"]}) == 0
        post = await db.post.find_first(where={"title": "keep"})
        await db.post.update(where={"id": post["id"]}, data={"tags": {"connect": [{"id": t1["id"]}, {"id": t2["id"]}]}})
        after = await db.post.update(where={"id": post["id"]}, data={"tags": {"disconnect": {"id": t1["id"]}}}, include={"tags": True})
        assert [t["name"] for t in after["tags"]] == ["t2"]
        after = await db.post.update(where={"id": post["id"]}, data={"tags": {"set": [{"id": t1["id"]}]}}, include={"tags": True})
        assert [t["name"] for t in after["tags"]] == ["t1"]
        with pytest.raises(ConnectedRecordsNotFoundError):  # Prisma 7: P2018 (tests/prisma7 nested, gen_087)
            await db.user.update(where={"id": u["id"]}, data={"name": "X", "posts": {"connect": {"id": 9999}}})
        assert (await db.user.find_unique(where={"id": u["id"]}))["name"] == "A"


async def test_nested_upsert(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io", "posts": {"create": {"title": "old", "views": 1}}})
        old = await db.post.find_first(where={"title": "old"})
        got = await db.user.update(where={"id": u["id"]}, data={"posts": {"upsert": [
            {"where": {"id": old["id"]}, "create": {"title": "never"}, "update": {"views": {"increment": 10}}},
            {"where": {"id": 9999}, "create": {"title": "fresh"}, "update": {"title": "never"}},
        ]}}, include={"posts": {"order": {"title": "asc"}}})
        assert [(p["title"], p["views"]) for p in got["posts"]] == [("fresh", 0), ("old", 11)]


async def test_updates_nested_in_updates(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io", "posts": {"create": {"title": "p"}}})
        post = await db.post.find_first()
        got = await db.user.update(where={"id": u["id"]}, data={"posts": {"update": {
            "where": {"id": post["id"]},
            "data": {"title": "p2", "comments": {"create": {"body": "hi", "authorId": u["id"]}}},
        }}}, include={"posts": {"include": {"comments": True}}})
        assert got["posts"][0]["title"] == "p2" and [c["body"] for c in got["posts"][0]["comments"]] == ["hi"]
        p = await db.post.update(where={"id": post["id"]}, data={"author": {"update": {"name": "Renamed"}}}, include={"author": True})
        assert p["author"]["name"] == "Renamed"
        with pytest.raises(RecordNotFoundError):
            await db.user.update(where={"id": u["id"]}, data={"posts": {"update": {"where": {"id": 999}, "data": {"title": "x"}}}})


async def test_upsert_with_nested_writes(adapter):
    async with open_client("blog", adapter) as db:
        args = {"where": {"email": "a@x.io"},
                "create": {"email": "a@x.io", "posts": {"create": {"title": "created"}}},
                "update": {"name": "again", "posts": {"create": {"title": "updated"}}},
                "include": {"posts": {"order": {"title": "asc"}}}}
        first = await db.user.upsert(**args)
        assert first["name"] is None and [p["title"] for p in first["posts"]] == ["created"]
        second = await db.user.upsert(**args)
        assert second["id"] == first["id"] and second["name"] == "again"
        assert [p["title"] for p in second["posts"]] == ["created", "updated"]
        assert await db.user.count() == 1


async def test_nested_creates_keep_input_order(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io", "posts": {"create": [{"title": t} for t in "abcde"]}})
        posts = await db.post.find_many(where={"authorId": u["id"]}, order={"id": "asc"})
        assert [p["title"] for p in posts] == list("abcde")
