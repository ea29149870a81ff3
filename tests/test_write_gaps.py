"""Writes Prisma accepts that prisma-edge refused or got wrong (issue 10, item 3), on every adapter."""

from __future__ import annotations

import pytest

from prisma_edge.errors import RecordNotFoundError
from tests.support.clients import ADAPTERS, open_client

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def test_update_with_empty_data_reads_the_record(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "e@x.io", "name": "E"})
        out = await db.user.update(where={"id": u["id"]}, data={}, select={"email": True, "name": True})
        assert out == {"email": "e@x.io", "name": "E"}
        with pytest.raises(RecordNotFoundError):
            await db.user.update(where={"id": u["id"] + 100}, data={})


async def test_create_many_given_one_object(adapter):
    async with open_client("blog", adapter) as db:
        assert await db.user.create_many(data={"email": "one@x.io"}) == 1
        assert [u["email"] for u in await db.user.find_many()] == ["one@x.io"]


async def test_raw_statements_inside_a_batch_one_request(adapter):
    from prisma_edge.errors import UniqueConstraintError
    from tests.support.clients import raw_sql

    async with open_client("blog", adapter) as db:
        await db.user.create({"email": "a@x.io"})
        db.adapter.stats.reset()
        created, changed, rows = await db.batch(
            [
                db.user.create({"email": "b@x.io"}),
                db.execute_raw(
                    raw_sql(db, 'UPDATE "users" SET "name" = ? WHERE "email" = ?'), "Bee", "b@x.io"
                ),
                db.query_raw(raw_sql(db, 'SELECT "email", "name" FROM "users" ORDER BY "email"')),
            ]
        )
        if adapter in ("neon_http", "libsql", "d1"):
            assert db.adapter.stats.round_trips == 1
        assert created["email"] == "b@x.io" and changed == 1
        assert [(r["email"], r["name"]) for r in rows] == [("a@x.io", None), ("b@x.io", "Bee")]
        with pytest.raises(UniqueConstraintError):  # all or nothing: the raw update is rolled back too
            await db.batch(
                [
                    db.execute_raw(raw_sql(db, 'UPDATE "users" SET "name" = ?'), "X"),
                    db.user.create({"email": "a@x.io"}),
                ]
            )
        assert [u["name"] for u in await db.user.find_many(order={"email": "asc"})] == [None, "Bee"]
