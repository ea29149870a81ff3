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
