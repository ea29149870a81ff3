"""Reads through the public client on a real database: filters, selections, ordering, pagination."""

from __future__ import annotations

import datetime as dt

import pytest

from prisma_edge.errors import RecordNotFoundError
from tests.support.clients import ADAPTERS, open_client, raw_sql

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def seed(db):
    alice = await db.user.create({"email": "alice@example.com", "name": "Alice", "role": "ADMIN"})
    bob = await db.user.create({"email": "bob@example.com", "name": "Bob"})
    carol = await db.user.create({"email": "carol@Example.com", "name": None})
    t_py = await db.tag.create({"name": "python"})
    t_db = await db.tag.create({"name": "databases"})
    posts = []
    for i, (author, title, views, published) in enumerate(
        [(alice, "Hello", 10, True), (alice, "Edge SQL", 50, True), (alice, "Draft", 0, False), (bob, "Bob's post", 5, True)]
    ):
        p = await db.post.create({"title": title, "views": views, "published": published, "authorId": author["id"],
                                  "metadata": {"n": i, "tags": ["a", "b"]}})
        posts.append(p)
    await db.comment.create({"body": "nice", "postId": posts[0]["id"], "authorId": bob["id"]})
    c = await db.comment.create({"body": "thanks", "postId": posts[0]["id"], "authorId": alice["id"]})
    await db.comment.create({"body": "reply", "postId": posts[0]["id"], "authorId": bob["id"], "parentId": c["id"]})
    # implicit m-n join rows, as Prisma names them (_PostToTag, A = Post, B = Tag)
    for a, b in [(posts[0]["id"], t_py["id"]), (posts[0]["id"], t_db["id"]), (posts[1]["id"], t_db["id"])]:
        await db.execute_raw(raw_sql(db, 'INSERT INTO "_PostToTag" ("A", "B") VALUES (?, ?)'), a, b)
    return alice, bob, carol, posts


async def test_find_unique_and_first(adapter):
    async with open_client("blog", adapter) as db:
        alice, bob, *_ = await seed(db)
        got = await db.user.find_unique(where={"email": "alice@example.com"})
        assert got == {**alice}
        assert got["role"] == "ADMIN"
        assert isinstance(got["createdAt"], dt.datetime) and got["createdAt"].tzinfo is dt.UTC
        assert await db.user.find_unique(where={"email": "nobody@example.com"}) is None
        with pytest.raises(RecordNotFoundError):
            await db.user.find_unique_or_raise(where={"id": 999})
        first = await db.post.find_first(where={"published": True}, order={"views": "desc"})
        assert first["title"] == "Edge SQL"
        with pytest.raises(RecordNotFoundError):
            await db.post.find_first_or_raise(where={"title": "missing"})


async def test_scalar_filters(adapter):
    async with open_client("blog", adapter) as db:
        await seed(db)

        async def titles(**where):
            return [p["title"] for p in await db.post.find_many(where=where, order={"id": "asc"})]

        assert await titles(views={"gt": 5}) == ["Hello", "Edge SQL"]
        assert await titles(views={"gte": 5, "lt": 50}) == ["Hello", "Bob's post"]
        assert await titles(views={"in": [0, 5]}) == ["Draft", "Bob's post"]
        assert await titles(views={"not_in": [0, 5]}) == ["Hello", "Edge SQL"]
        assert await titles(views={"in": []}) == []
        assert await titles(title={"contains": "SQL"}) == ["Edge SQL"]
        if db.adapter.dialect != "mysql":  # MySQL compares by its (case-insensitive) collation
            assert await titles(title={"contains": "sql"}) == []
        assert await titles(title={"contains": "sql", "mode": "insensitive"}) == ["Edge SQL"]
        assert await titles(title={"startswith": "B"}) == ["Bob's post"]
        assert await titles(title={"endswith": "ft"}) == ["Draft"]
        assert await titles(title={"not": "Hello"}) == ["Edge SQL", "Draft", "Bob's post"]
        assert await titles(title={"equals": "Draft"}) == ["Draft"]
        assert await titles(published=False) == ["Draft"]
        # LIKE wildcards in values are matched literally
        assert await titles(title={"contains": "%"}) == []
        assert await titles(title={"contains": "_"}) == []
        users = await db.user.find_many(where={"name": None})
        assert [u["email"] for u in users] == ["carol@Example.com"]
        users = await db.user.find_many(where={"name": {"not": None}}, order={"email": "asc"})
        assert [u["name"] for u in users] == ["Alice", "Bob"]
        users = await db.user.find_many(where={"email": {"endswith": "example.com", "mode": "insensitive"}})
        assert len(users) == 3


async def test_logical_operators_and_empty_lists(adapter):
    async with open_client("blog", adapter) as db:
        await seed(db)
        n = await db.post.count()
        assert await db.post.count(where={"OR": []}) == 0
        assert await db.post.count(where={"AND": []}) == n
        assert await db.post.count(where={"NOT": []}) == n
        assert await db.post.count(where={"OR": [{"views": 0}, {"views": 50}]}) == 2
        assert await db.post.count(where={"AND": [{"published": True}, {"views": {"gt": 5}}]}) == 2
        assert await db.post.count(where={"NOT": {"published": True}}) == 1
        assert await db.post.count(where={"NOT": [{"views": 0}, {"views": 5}]}) == 2


async def test_relation_filters(adapter):
    async with open_client("blog", adapter) as db:
        await seed(db)

        async def emails(**where):
            return sorted(u["email"] for u in await db.user.find_many(where=where))

        assert await emails(posts={"some": {"views": {"gt": 20}}}) == ["alice@example.com"]
        assert await emails(posts={"none": {}}) == ["carol@Example.com"]
        assert await emails(posts={"every": {"published": True}}) == ["bob@example.com", "carol@Example.com"]
        titles = [p["title"] for p in await db.post.find_many(where={"author": {"is": {"name": "Bob"}}})]
        assert titles == ["Bob's post"]
        titles = [p["title"] for p in await db.post.find_many(where={"author": {"name": "Bob"}})]
        assert titles == ["Bob's post"]
        assert await db.post.count(where={"author": {"is_not": {"name": "Bob"}}}) == 3
        assert await db.comment.count(where={"parent": None}) == 2
        assert await db.comment.count(where={"parent": {"is_not": None}}) == 1
        assert await db.user.count(where={"profile": None}) == 3
        assert await db.post.count(where={"tags": {"some": {"name": "databases"}}}) == 2
        assert await db.tag.count(where={"posts": {"some": {"title": "Hello"}}}) == 2


async def test_include_three_levels_is_one_statement(adapter):
    async with open_client("blog", adapter) as db:
        alice, *_ = await seed(db)
        db.adapter.stats.reset()
        users = await db.user.find_many(
            where={"email": "alice@example.com"},
            include={
                "posts": {
                    "order": {"views": "desc"},
                    "include": {"comments": {"include": {"author": True, "replies": True}}, "tags": True, "author": True},
                },
                "_count": {"select": {"posts": True, "comments": True}},
            },
        )
        assert db.adapter.stats.statements == 1
        (u,) = users
        assert [p["title"] for p in u["posts"]] == ["Edge SQL", "Hello", "Draft"]
        hello = u["posts"][1]
        assert [c["body"] for c in hello["comments"]] == ["nice", "thanks", "reply"]
        assert hello["comments"][0]["author"]["name"] == "Bob"
        assert [r["body"] for r in hello["comments"][1]["replies"]] == ["reply"]
        assert sorted(t["name"] for t in hello["tags"]) == ["databases", "python"]
        assert hello["author"]["email"] == "alice@example.com"
        assert isinstance(hello["createdAt"], dt.datetime) and hello["createdAt"].tzinfo is dt.UTC
        assert hello["metadata"] == {"n": 0, "tags": ["a", "b"]}
        assert hello["published"] is True
        assert u["_count"] == {"posts": 3, "comments": 1}


async def test_select_omit_and_nested_windows(adapter):
    async with open_client("blog", adapter) as db:
        await seed(db)
        u = await db.user.find_unique(where={"email": "alice@example.com"},
                                      select={"name": True, "posts": {"select": {"title": True}, "where": {"published": True},
                                                                       "order": {"title": "asc"}, "take": 1, "skip": 1}})
        assert u == {"name": "Alice", "posts": [{"title": "Hello"}]}
        u = await db.user.find_unique(where={"email": "bob@example.com"}, omit={"createdAt": True, "role": True})
        assert set(u) == {"id", "email", "name"}
        p = await db.post.find_first(where={"title": "Hello"}, select={"title": True, "_count": {"select": {"comments": {"where": {"body": "nice"}}}}})
        assert p == {"title": "Hello", "_count": {"comments": 1}}
        u = await db.user.find_unique(where={"email": "alice@example.com"}, include={"posts": {"take": -2, "order": {"id": "asc"}, "select": {"title": True}}})
        assert [p["title"] for p in u["posts"]] == ["Edge SQL", "Draft"]


async def test_ordering(adapter):
    async with open_client("blog", adapter) as db:
        await seed(db)
        names = [u["name"] for u in await db.user.find_many(order={"name": {"sort": "asc", "nulls": "first"}})]
        assert names == [None, "Alice", "Bob"]
        names = [u["name"] for u in await db.user.find_many(order={"name": {"sort": "asc", "nulls": "last"}})]
        assert names == ["Alice", "Bob", None]
        titles = [p["title"] for p in await db.post.find_many(order=[{"published": "asc"}, {"views": "desc"}])]
        assert titles == ["Draft", "Edge SQL", "Hello", "Bob's post"]
        titles = [p["title"] for p in await db.post.find_many(order={"author": {"name": "desc"}}, where={"published": True})]
        assert titles[0] == "Bob's post"
        emails = [u["email"] for u in await db.user.find_many(order={"posts": {"_count": "desc"}})]
        assert emails == ["alice@example.com", "bob@example.com", "carol@Example.com"]


async def test_pagination_cursor_distinct(adapter):
    async with open_client("blog", adapter) as db:
        await seed(db)
        all_posts = await db.post.find_many(order={"id": "asc"})
        ids = [p["id"] for p in all_posts]
        assert [p["id"] for p in await db.post.find_many(take=2)] == ids[:2]
        assert [p["id"] for p in await db.post.find_many(skip=1, take=2)] == ids[1:3]
        assert [p["id"] for p in await db.post.find_many(skip=3)] == ids[3:]
        assert [p["id"] for p in await db.post.find_many(take=-2)] == ids[-2:]
        assert [p["id"] for p in await db.post.find_many(cursor={"id": ids[1]}, take=2)] == ids[1:3]
        assert [p["id"] for p in await db.post.find_many(cursor={"id": ids[1]}, take=2, skip=1)] == ids[2:4]
        assert [p["id"] for p in await db.post.find_many(cursor={"id": ids[2]}, take=-2)] == ids[1:3]
        assert await db.post.find_many(cursor={"id": 9999}, take=2) == []
        by_views = await db.post.find_many(order={"views": "desc"}, cursor={"id": ids[0]})
        assert [p["views"] for p in by_views] == [10, 5, 0]
        distinct = await db.post.find_many(distinct=["authorId"], order={"views": "desc"})
        assert sorted((p["authorId"], p["title"]) for p in distinct) == sorted(
            [(all_posts[0]["authorId"], "Edge SQL"), (all_posts[3]["authorId"], "Bob's post")])


async def test_count_variants(adapter):
    async with open_client("blog", adapter) as db:
        await seed(db)
        assert await db.post.count() == 4
        assert await db.post.count(where={"published": True}) == 3
        assert await db.post.count(take=2) == 2
        assert await db.post.count(skip=3) == 1
        assert await db.user.count(select={"_all": True, "name": True}) == {"_all": 3, "name": 2}


async def test_field_references_and_json_nulls(adapter):
    from prisma_edge import AnyNull, DbNull, FieldRef, JsonNull

    async with open_client("shop", adapter) as db:
        await db.product.create({"sku": "same", "name": "same", "price": 1, "description": "the same thing"})
        await db.product.create({"sku": "A-1", "name": "Anvil", "price": 2, "description": "no match"})
        got = await db.product.find_many(where={"name": {"equals": FieldRef("sku")}})
        assert [p["sku"] for p in got] == ["same"]
        got = await db.product.find_many(where={"description": {"contains": FieldRef("name")}})
        assert [p["sku"] for p in got] == ["same"]
        assert await db.product.count(where={"name": {"not": FieldRef("sku")}}) == 1
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io"})
        for title, meta in (("db", DbNull), ("json", JsonNull), ("value", {"a": 1})):
            await db.post.create({"title": title, "authorId": u["id"], "metadata": meta})

        async def titles(flt):
            return sorted(p["title"] for p in await db.post.find_many(where={"metadata": flt}))

        assert await titles({"equals": DbNull}) == ["db"]
        assert await titles({"equals": JsonNull}) == ["json"]
        assert await titles({"equals": AnyNull}) == ["db", "json"]
        assert await titles({"not": AnyNull}) == ["value"]


async def test_where_on_an_optional_to_one_include(adapter):
    async with open_client("blog", adapter) as db:
        a = await db.user.create({"email": "a@x.io", "profile": {"create": {"bio": "keep"}}})
        b = await db.user.create({"email": "b@x.io", "profile": {"create": {"bio": "hide"}}})
        got = await db.user.find_many(order={"id": "asc"}, include={"profile": {"where": {"bio": "keep"}}})
        assert [u["profile"] and u["profile"]["bio"] for u in got] == ["keep", None]
        assert {a["id"], b["id"]} == {u["id"] for u in got}
        from prisma_edge.errors import ValidationError

        with pytest.raises(ValidationError, match="unknown argument `where`"):
            await db.post.find_many(include={"author": {"where": {"name": "x"}}})  # required: always there


async def test_distinct_inside_an_include_is_per_parent(adapter):
    async with open_client("blog", adapter) as db:
        a = await db.user.create({"email": "a@x.io", "posts": {"create": [{"title": "same"}, {"title": "same"}, {"title": "other"}]}})
        b = await db.user.create({"email": "b@x.io", "posts": {"create": [{"title": "same"}]}})
        got = await db.user.find_many(order={"id": "asc"}, include={"posts": {"distinct": ["title"], "order": {"id": "asc"}}})
        assert [sorted(p["title"] for p in u["posts"]) for u in got] == [["other", "same"], ["same"]]
        assert [u["id"] for u in got] == [a["id"], b["id"]]


async def test_distinct_through_many_to_many_is_per_parent(adapter):
    """The first post of each author among THIS tag's posts, not among every tag's (Prisma)."""
    async with open_client("blog", adapter) as db:
        u1 = await db.user.create({"email": "a@x.io"})
        u2 = await db.user.create({"email": "b@x.io"})
        await db.tag.create({"name": "t1"})
        await db.tag.create({"name": "t2"})
        for author, tags in ((u2, ["t2"]), (u1, ["t1", "t2"]), (u2, ["t1"]), (u1, ["t1"])):
            await db.post.create({"title": "p", "author": {"connect": {"id": author["id"]}},
                                  "tags": {"connect": [{"name": t} for t in tags]}})
        got = await db.tag.find_many(order={"id": "asc"}, select={"name": True, "posts": {
            "distinct": ["authorId"], "order": {"id": "asc"}, "select": {"id": True, "authorId": True}}})
        assert [[p["authorId"] for p in t["posts"]] for t in got] == [[u1["id"], u2["id"]], [u2["id"], u1["id"]]]
        assert [[p["id"] for p in t["posts"]] for t in got] == [[2, 3], [1, 2]]
