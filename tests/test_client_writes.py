"""Flat writes through the public client: results, defaults, atomic ops, errors, nothing half-applied."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from prisma_edge.errors import (
    ForeignKeyError,
    NullConstraintError,
    RawQueryError,
    RecordNotFoundError,
    UniqueConstraintError,
    ValidationError,
)
from tests.support.clients import ADAPTERS, open_client, raw_sql

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def test_create_returns_record_with_defaults(adapter):
    async with open_client("blog", adapter) as db:
        before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        u = await db.user.create({"email": "a@x.io"})
        assert u["id"] >= 1 and u["email"] == "a@x.io" and u["name"] is None and u["role"] == "USER"
        assert before <= u["createdAt"] <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
        p = await db.post.create({"title": "t", "authorId": u["id"]}, include={"author": True, "comments": True})
        assert p["published"] is False and p["views"] == 0 and p["metadata"] is None
        assert p["updatedAt"].tzinfo is dt.UTC
        assert p["author"]["email"] == "a@x.io" and p["comments"] == []
        assert await db.user.find_unique(where={"id": u["id"]}) == u


async def test_uuid_cuid_decimal_bigint_bytes_defaults(adapter):
    async with open_client("shop", adapter) as db:
        schema = db.schema
        # Whatever the shop schema's id strategy, values must round-trip typed.
        customer_model = schema.model("Customer")
        assert customer_model is not None
        fields = {f.name: f for f in customer_model.fields}
        data = {name: _sample(f) for name, f in fields.items() if f.kind != "object" and f.is_required and f.default is None}
        c = await db.customer.create(data)
        for name, value in data.items():
            assert c[name] == value
        for f in customer_model.fields:
            if f.default is not None and f.default.kind == "uuid":
                assert re.fullmatch(r"[0-9a-f-]{36}", c[f.name])
            if f.default is not None and f.default.kind == "cuid":
                assert re.fullmatch(r"[0-9a-z]{20,32}", c[f.name])


def _sample(f):
    return {
        "String": "s-" + f.name, "Int": 7, "BigInt": 2**40 + 3, "Float": 1.5, "Decimal": Decimal("12.34"),
        "Boolean": True, "DateTime": dt.datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=dt.UTC), "Json": {"k": [1, 2]},
        "Bytes": bytes(range(256)),
    }.get(f.type, "x")


async def test_update_and_atomic_operations(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io"})
        p = await db.post.create({"title": "t", "authorId": u["id"], "views": 10})
        p2 = await db.post.update(where={"id": p["id"]}, data={"views": {"increment": 5}, "title": "t2"})
        assert p2["views"] == 15 and p2["title"] == "t2"
        assert p2["updatedAt"] >= p["updatedAt"]
        assert (await db.post.update(where={"id": p["id"]}, data={"views": {"decrement": 3}}))["views"] == 12
        assert (await db.post.update(where={"id": p["id"]}, data={"views": {"multiply": 2}}))["views"] == 24
        assert (await db.post.update(where={"id": p["id"]}, data={"views": {"divide": 4}}))["views"] == 6
        assert (await db.post.update(where={"id": p["id"]}, data={"views": {"set": 1}}))["views"] == 1
        u2 = await db.user.update(where={"email": "a@x.io"}, data={"email": "b@x.io", "name": "B"}, include={"posts": True})
        assert u2["email"] == "b@x.io" and [x["title"] for x in u2["posts"]] == ["t2"]
        with pytest.raises(RecordNotFoundError):
            await db.user.update(where={"id": 12345}, data={"name": "nobody"})


async def test_update_many_delete_many_counts(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io"})
        n = await db.post.create_many([{"title": f"p{i}", "authorId": u["id"], "views": i} for i in range(5)])
        assert n == 5
        assert await db.post.update_many(where={"views": {"gte": 3}}, data={"published": True}) == 2
        assert await db.post.count(where={"published": True}) == 2
        assert await db.post.delete_many(where={"published": False}) == 3
        assert await db.post.count() == 2
        assert await db.post.delete_many() == 2


async def test_create_many_skip_duplicates(adapter):
    async with open_client("blog", adapter) as db:
        await db.tag.create({"name": "a"})
        with pytest.raises(UniqueConstraintError):
            await db.tag.create_many([{"name": "b"}, {"name": "a"}])
        assert await db.tag.count() == 1, "a failed create_many must not leave part of its rows"
        assert await db.tag.create_many([{"name": "b"}, {"name": "a"}, {"name": "c"}], skip_duplicates=True) == 2
        assert sorted(t["name"] for t in await db.tag.find_many()) == ["a", "b", "c"]


async def test_upsert_both_paths(adapter):
    async with open_client("blog", adapter) as db:
        t = await db.tag.upsert(where={"name": "x"}, data={"create": {"name": "x"}, "update": {"name": "y"}})
        assert t["name"] == "x"
        t2 = await db.tag.upsert(where={"name": "x"}, create={"name": "x"}, update={"name": "y"})
        assert t2 == {"id": t["id"], "name": "y"}
        assert await db.tag.count() == 1


async def test_upsert_of_one_unique_field_is_a_database_upsert_on_postgres(adapter):
    """Prisma's database upsert (INSERT ... ON CONFLICT): taking the update path draws a sequence
    value too, so the next id is the one Prisma's would be; other upserts find the row first."""
    async with open_client("blog", adapter) as db:
        a = await db.tag.create({"name": "a"})
        t = await db.tag.upsert(where={"name": "a"}, create={"name": "a"}, update={"name": "b"}, select={"id": True})
        assert t == {"id": a["id"]}
        gap = 1 if db.adapter.dialect == "postgres" else 0
        assert (await db.tag.create({"name": "c"}))["id"] == a["id"] + 1 + gap
        # where and create differ (or update is empty): no database upsert, no id drawn
        await db.tag.upsert(where={"name": "c"}, create={"name": "other"}, update={"name": "d"})
        await db.tag.upsert(where={"name": "d"}, create={"name": "d"}, update={})
        assert (await db.tag.create({"name": "e"}))["id"] == a["id"] + 2 + gap
        assert [x["name"] for x in await db.tag.find_many(order={"id": "asc"})] == ["b", "d", "e"]


async def test_delete_returns_record(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io"})
        await db.post.create({"title": "t", "authorId": u["id"]})
        with pytest.raises(ForeignKeyError):
            await db.user.delete(where={"id": u["id"]})  # Post.author is required (Restrict)
        assert await db.user.count() == 1
        await db.post.delete_many()
        gone = await db.user.delete(where={"id": u["id"]}, include={"posts": True})
        assert gone["email"] == "a@x.io" and gone["posts"] == []
        with pytest.raises(RecordNotFoundError):
            await db.user.delete(where={"id": u["id"]})


async def test_constraint_errors_have_prisma_codes(adapter):
    async with open_client("blog", adapter) as db:
        await db.user.create({"email": "a@x.io"})
        with pytest.raises(UniqueConstraintError) as e:
            await db.user.create({"email": "a@x.io"})
        assert e.value.code == "P2002" and e.value.fields == ("email",)
        with pytest.raises(ForeignKeyError) as fk:
            await db.post.create({"title": "t", "authorId": 999})
        assert fk.value.code == "P2003"
        with pytest.raises(ValidationError):
            await db.user.create({"email": None})
        assert await db.user.count() == 1


async def test_null_constraint_from_database(adapter):
    async with open_client("blog", adapter) as db:
        with pytest.raises((RawQueryError, ValidationError)) as info:  # raw SQL: Prisma's P2010, the cause kept
            await db.execute_raw(raw_sql(db, 'INSERT INTO "users" ("email", "created_at", "role") VALUES (NULL, ?, ?)'),
                                 dt.datetime(2024, 1, 1, tzinfo=dt.UTC), "USER")
        if isinstance(info.value, RawQueryError):
            assert info.value.code == "P2010" and isinstance(info.value.__cause__, NullConstraintError)


async def test_create_and_update_many_and_return(adapter):
    async with open_client("blog", adapter) as db:
        if adapter == "planetscale":
            from prisma_edge.errors import UnsupportedError

            with pytest.raises(UnsupportedError, match="RETURNING"):
                await db.tag.create_many_and_return([{"name": "a"}])
            return
        made = await db.tag.create_many_and_return([{"name": "a"}, {"name": "b"}], select={"name": True})
        assert sorted(t["name"] for t in made) == ["a", "b"]
        changed = await db.tag.update_many_and_return(where={"name": "a"}, data={"name": "A"})
        assert [set(t) for t in changed] == [{"id", "name"}] and changed[0]["name"] == "A"
        assert sorted(t["name"] for t in await db.tag.find_many()) == ["A", "b"]



async def test_update_many_and_delete_many_with_limit(adapter):
    async with open_client("blog", adapter) as db:
        await db.tag.create_many([{"name": f"t{i}"} for i in range(5)])
        assert await db.post.update_many(data={"views": 1}, limit=2) == 0  # nothing to update
        assert await db.tag.delete_many(where={"name": {"in": ["t0", "t1", "t2", "t3"]}}, limit=3) == 3
        assert sorted(t["name"] for t in await db.tag.find_many()) == ["t3", "t4"]
        assert await db.tag.delete_many(limit=0) == 0
        u = await db.user.create({"email": "a@x.io"})
        await db.post.create_many([{"title": "p", "authorId": u["id"]} for _ in range(4)])
        assert await db.post.update_many(data={"views": 9}, limit=3) == 3
        assert await db.post.count(where={"views": 9}) == 3
