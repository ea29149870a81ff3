"""The operations inside one relation field run in the input's key order, and a nested `delete` of a
list relation's record that is not the parent's fails with P2017 with nothing applied: what Prisma
7.10 does (recorded in tests/prisma7 scenarios/nested_order.json), on every adapter family
(PostgreSQL plans: neon_http, neon_ws, TCP; SQLite/libSQL/D1 and MySQL step programs).
"""

from __future__ import annotations

import pytest

from prisma_edge.errors import RecordsNotConnectedError
from tests.test_nested_steps import ALL, steps_client

pytestmark = pytest.mark.no_pyodide("the postgres adapter opens TCP sockets; the other endpoints run as local servers")

POSTS = {"include": {"posts": {"order": {"id": "asc"}}}}
TAGS = {"include": {"tags": {"order": {"id": "asc"}}}}


async def seed(db):
    ann = await db.user.create({"email": "ann@x.io", "posts": {"create": [{"title": "A1"}, {"title": "A2"}]}})
    ben = await db.user.create({"email": "ben@x.io", "posts": {"create": [{"title": "B1"}]}})
    return ann, ben


async def titles(db, user):
    return [(p["title"], p["content"]) for p in await db.post.find_many(where={"authorId": user["id"]}, order={"id": "asc"})]


@pytest.mark.parametrize("adapter", ALL)
async def test_one_to_many_operations_run_in_input_order(adapter):
    async with steps_client(adapter) as db:
        ann, ben = await seed(db)
        out = await db.user.update(where={"id": ann["id"]}, data={"posts": {"delete_many": {}, "create": {"title": "N"}}}, **POSTS)
        assert [p["title"] for p in out["posts"]] == ["N"]  # deleteMany first: the new post stays
        out = await db.user.update(where={"id": ann["id"]}, data={"posts": {"create": {"title": "M"}, "delete_many": {}}}, **POSTS)
        assert out["posts"] == []  # create first: deleteMany takes the new post too
        await db.user.update(where={"id": ann["id"]}, data={"posts": {"create": [{"title": "C1"}]}})
        await db.user.update(where={"id": ann["id"]},
                             data={"posts": {"update_many": {"where": {}, "data": {"content": "bulk"}}, "create": {"title": "C2"}}})
        assert await titles(db, ann) == [("C1", "bulk"), ("C2", None)]
        await db.user.update(where={"id": ann["id"]},
                             data={"posts": {"create": {"title": "C3"}, "update_many": {"where": {}, "data": {"content": "all"}}}})
        assert await titles(db, ann) == [("C1", "all"), ("C2", "all"), ("C3", "all")]
        c1 = (await db.post.find_first(where={"title": "C1"}))["id"]
        await db.user.update(where={"id": ann["id"]}, data={"posts": {"connect": {"id": c1}, "disconnect": {"id": c1}}})
        assert (await db.post.find_unique(where={"id": c1}))["authorId"] is None  # connected, then let go
        await db.user.update(where={"id": ann["id"]}, data={"posts": {"disconnect": {"id": c1}, "connect": {"id": c1}}})
        assert (await db.post.find_unique(where={"id": c1}))["authorId"] == ann["id"]
        assert await titles(db, ben) == [("B1", None)]  # another parent's children are never touched


@pytest.mark.parametrize("adapter", ALL)
async def test_many_to_many_and_to_one_operations_run_in_input_order(adapter):
    async with steps_client(adapter) as db:
        post = await db.post.create({"title": "P", "tags": {"create": [{"name": "red"}, {"name": "green"}]}})
        blue = await db.tag.create({"name": "blue"})
        out = await db.post.update(where={"id": post["id"]}, data={"tags": {"connect": {"id": blue["id"]}, "set": []}}, **TAGS)
        assert out["tags"] == []  # set last: nothing stays linked
        out = await db.post.update(where={"id": post["id"]}, data={"tags": {"set": [], "connect": {"id": blue["id"]}}}, **TAGS)
        assert [t["name"] for t in out["tags"]] == ["blue"]
        out = await db.post.create({"title": "Q", "tags": {"create": {"name": "x"},
                                                            "connect_or_create": {"where": {"name": "x"}, "create": {"name": "x"}}}}, **TAGS)
        assert [t["name"] for t in out["tags"]] == ["x"]  # the connectOrCreate finds the tag the create made
        assert await db.tag.count(where={"name": "x"}) == 1
        user = await db.user.create({"email": "u@x.io", "profile": {"create": {"bio": "old"}}})
        other = await db.profile.create({"bio": "free"})
        out = await db.user.update(where={"id": user["id"]}, data={"profile": {"connect": {"id": other["id"]}, "disconnect": True}},
                                   include={"profile": True})
        assert out["profile"] is None  # connected, then disconnected
        out = await db.user.update(where={"id": user["id"]}, data={"profile": {"disconnect": True, "connect": {"id": other["id"]}}},
                                   include={"profile": True})
        assert out["profile"]["id"] == other["id"]


@pytest.mark.parametrize("adapter", ALL)
async def test_nested_delete_of_a_record_not_connected_is_p2017_and_applies_nothing(adapter):
    async with steps_client(adapter) as db:
        ann, ben = await seed(db)
        a1 = (await db.post.find_first(where={"title": "A1"}))["id"]
        b1 = (await db.post.find_first(where={"title": "B1"}))["id"]
        with pytest.raises(RecordsNotConnectedError) as e:
            await db.user.update(where={"id": ann["id"]}, data={"posts": {"delete": [{"id": a1}, {"id": b1}]}})
        assert e.value.code == "P2017"
        assert "The records for relation `PostToUser` between the `User` and `Post` models are not connected." in str(e.value)
        assert await titles(db, ann) == [("A1", None), ("A2", None)]  # A1 was not deleted
        with pytest.raises(RecordsNotConnectedError):  # earlier writes of the same request are rolled back
            await db.user.update(where={"id": ann["id"]},
                                 data={"name": "Ann2", "posts": {"create": {"title": "N"}, "delete": {"id": b1}}})
        assert (await db.user.find_unique(where={"id": ann["id"]}))["name"] is None
        assert await titles(db, ann) == [("A1", None), ("A2", None)]
        with pytest.raises(RecordsNotConnectedError):  # a record that does not exist at all
            await db.user.update(where={"id": ann["id"]}, data={"posts": {"delete": {"id": 9999}}})
        post = await db.post.create({"title": "T", "tags": {"create": {"name": "red"}}})
        await db.tag.create({"name": "blue"})
        with pytest.raises(RecordsNotConnectedError) as e:
            await db.post.update(where={"id": post["id"]}, data={"tags": {"delete": {"name": "blue"}}})
        assert "relation `PostToTag` between the `Post` and `Tag` models" in str(e.value)
        assert await db.tag.count() == 2
        out = await db.user.update(where={"id": ann["id"]}, data={"posts": {"delete": {"id": a1}}}, **POSTS)
        assert [p["title"] for p in out["posts"]] == ["A2"]  # a connected record is deleted


@pytest.mark.parametrize("adapter", ALL)
async def test_to_one_delete_and_disconnect_take_a_filter(adapter):
    """Prisma 7: a to-one `delete` / `disconnect` may give a filter on the related record; a delete
    whose record does not match is P2025 (nothing applied), a disconnect that does not match does nothing."""
    from prisma_edge.errors import RecordNotFoundError

    async with steps_client(adapter) as db:
        user = await db.user.create({"email": "u@x.io", "profile": {"create": {"bio": "b"}}})
        with pytest.raises(RecordNotFoundError):
            await db.user.update(where={"id": user["id"]}, data={"name": "x", "profile": {"delete": {"bio": "zzz"}}})
        assert (await db.user.find_unique(where={"id": user["id"]}, include={"profile": True}))["profile"]["bio"] == "b"
        out = await db.user.update(where={"id": user["id"]}, data={"profile": {"disconnect": {"bio": "zzz"}}}, include={"profile": True})
        assert out["profile"]["bio"] == "b"  # no match: still connected
        out = await db.user.update(where={"id": user["id"]}, data={"profile": {"disconnect": {"bio": "b"}}}, include={"profile": True})
        assert out["profile"] is None
        post = await db.post.create({"title": "p", "author": {"connect": {"id": user["id"]}}})
        out = await db.post.update(where={"id": post["id"]}, data={"author": {"disconnect": {"email": "nobody@x.io"}}}, include={"author": True})
        assert out["author"]["id"] == user["id"]  # the FK is on the post: a filter that does not match leaves it
        out = await db.post.update(where={"id": post["id"]}, data={"author": {"disconnect": {"email": "u@x.io"}}}, include={"author": True})
        assert out["author"] is None
        await db.post.update(where={"id": post["id"]}, data={"author": {"connect": {"id": user["id"]}}})
        with pytest.raises(RecordNotFoundError):
            await db.post.update(where={"id": post["id"]}, data={"author": {"delete": {"email": "nobody@x.io"}}})
        await db.post.update(where={"id": post["id"]}, data={"author": {"delete": {"email": "u@x.io"}}})
        assert await db.user.count() == 0


@pytest.mark.parametrize("adapter", ALL)
async def test_list_connect_of_a_missing_record_is_p2018_and_applies_nothing(adapter):
    """Prisma 7: a list relation's `connect` that names a record that does not exist is P2018."""
    from prisma_edge.errors import ConnectedRecordsNotFoundError

    async with steps_client(adapter) as db:
        ann, _ = await seed(db)
        a1 = (await db.post.find_first(where={"title": "A1"}))["id"]
        with pytest.raises(ConnectedRecordsNotFoundError) as e:
            await db.user.create({"email": "c@x.io", "posts": {"create": {"title": "c"}, "connect": [{"id": a1}, {"id": 9999}]}})
        assert e.value.code == "P2018"
        assert ("Expected 1 records to be connected after connect operation on one-to-many relation 'PostToUser', found 0."
                in str(e.value))
        assert await db.user.count() == 2 and await db.post.count() == 3  # nothing applied
        assert (await db.post.find_unique(where={"id": a1}))["authorId"] == ann["id"]
