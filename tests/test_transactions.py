"""Batches (one request on Neon HTTP, atomic everywhere) and interactive transactions."""

from __future__ import annotations

import asyncio

import pytest

from prisma_edge.errors import (
    RecordNotFoundError,
    TimeoutError,
    TransactionExpiredError,
    UniqueConstraintError,
    UnsupportedError,
)
from tests.support.clients import ADAPTERS, endpoint_requests, open_client

pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def test_batch_results_in_order_and_one_request_on_neon(adapter):
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "a@x.io"})
        before = endpoint_requests(adapter)
        db.adapter.stats.reset()
        created, renamed, n, listed = await db.batch([
            db.tag.create({"name": "t1"}),
            db.user.update(where={"id": u["id"]}, data={"name": "A"}),
            db.tag.count(),
            db.user.find_many(include={"posts": True}),
        ])
        assert created["name"] == "t1" and renamed["name"] == "A" and n == 1
        assert listed == [{**renamed, "posts": []}]
        if adapter in ("neon_http", "neon_ws", "libsql", "d1"):
            assert db.adapter.stats.round_trips == 1
            if before is not None:
                assert endpoint_requests(adapter) == before + 1


async def test_failed_batch_applies_nothing(adapter):
    async with open_client("blog", adapter) as db:
        await db.tag.create({"name": "taken"})
        with pytest.raises(UniqueConstraintError) as e:
            await db.batch([db.tag.create({"name": "new"}), db.tag.create({"name": "taken"})])
        assert e.value.fields == ("name",)
        assert [t["name"] for t in await db.tag.find_many()] == ["taken"]
        with pytest.raises(RecordNotFoundError):
            await db.batch([db.tag.create({"name": "new2"}), db.tag.update(where={"id": 9999}, data={"name": "x"})])
        assert await db.tag.count() == 1


async def test_batch_with_isolation_and_or_raise(adapter):
    async with open_client("blog", adapter) as db:
        with pytest.raises(RecordNotFoundError):
            await db.batch([db.tag.create({"name": "a"}), db.tag.find_unique_or_raise(where={"name": "zzz"})],
                           isolation="Serializable")
        ok = await db.batch([db.tag.create({"name": "b"})], isolation="Serializable")
        assert ok[0]["name"] == "b"


async def test_interactive_transaction(adapter):
    async with open_client("blog", adapter) as db:
        if adapter in ("neon_http", "d1"):  # no session to hold a transaction: the error says to batch
            with pytest.raises(UnsupportedError, match="batch"):
                async with db.tx():
                    pass
            return
        async with db.tx() as tx:
            u = await tx.user.create({"email": "in@tx.io"})
            await tx.post.create({"title": "p", "authorId": u["id"]})
            assert await tx.post.count() == 1
        assert await db.post.count() == 1
        with pytest.raises(RuntimeError, match="boom"):
            async with db.tx() as tx:
                await tx.user.update(where={"email": "in@tx.io"}, data={"name": "changed"})
                raise RuntimeError("boom")
        assert (await db.user.find_unique(where={"email": "in@tx.io"}))["name"] is None
        with pytest.raises(UniqueConstraintError):
            async with db.tx() as tx:
                await tx.tag.create({"name": "x"})
                await tx.tag.create({"name": "x"})
        assert await db.tag.count() == 0


async def test_or_raise_in_a_batch_rolls_the_batch_back(adapter):
    """Prisma's $transaction([...]): a failing *OrThrow undoes the batch's earlier writes."""
    async with open_client("blog", adapter) as db:
        await db.tag.create({"name": "kept"})
        for miss in (db.tag.find_unique_or_raise(where={"name": "zzz"}),
                     db.tag.find_first_or_raise(where={"name": {"startswith": "zz"}})):
            with pytest.raises(RecordNotFoundError, match="No record was found for a query"):
                await db.batch([db.tag.create({"name": "gone"}), miss, db.tag.create({"name": "gone2"})])
        assert [t["name"] for t in await db.tag.find_many()] == ["kept"]
        found, made = await db.batch([db.tag.find_unique_or_raise(where={"name": "kept"}), db.tag.create({"name": "new"})])
        assert found["name"] == "kept" and made["name"] == "new"


async def test_batch_not_found_says_which_operation(adapter):
    async with open_client("blog", adapter) as db:
        with pytest.raises(RecordNotFoundError, match="No record was found for an update"):
            await db.batch([db.tag.create({"name": "a"}), db.tag.update(where={"id": 9999}, data={"name": "x"})])


async def test_interactive_timeout_is_p2028_and_rolls_back(adapter):
    if adapter in ("neon_http", "d1"):
        pytest.skip("no session to hold a transaction")
    async with open_client("blog", adapter) as db:
        with pytest.raises(TransactionExpiredError, match="expired transaction. The timeout for this transaction was 200 ms") as e:
            async with db.tx(timeout=0.2) as tx:
                await tx.tag.create({"name": "late"})
                await asyncio.sleep(0.4)
                await tx.tag.count()
        assert e.value.code == "P2028" and isinstance(e.value, TimeoutError)
        assert await db.tag.count() == 0
