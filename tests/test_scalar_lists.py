"""Scalar lists and Json equality on PostgreSQL (Neon HTTP): has, has_every, has_some, is_empty, equals."""

from __future__ import annotations

import pytest

from tests.support.clients import open_client


@pytest.mark.parametrize("adapter", ["neon_http"])
async def test_scalar_list_filters(adapter):
    async with open_client("lists", adapter) as db:
        a = await db.item.create({"tags": ["x", "y"], "scores": [1, 2, 3], "colors": ["RED"], "meta": {"k": 1}})
        b = await db.item.create({"tags": [], "scores": [5], "colors": ["GREEN", "RED"]})
        assert a["tags"] == ["x", "y"] and a["scores"] == [1, 2, 3] and b["tags"] == []

        async def ids(where):
            return [i["id"] for i in await db.item.find_many(where=where, order={"id": "asc"})]

        assert await ids({"tags": {"has": "x"}}) == [a["id"]]
        assert await ids({"scores": {"has_every": [1, 3]}}) == [a["id"]]
        assert await ids({"scores": {"hasSome": [3, 5]}}) == [a["id"], b["id"]]
        assert await ids({"tags": {"is_empty": True}}) == [b["id"]]
        assert await ids({"tags": {"equals": ["x", "y"]}}) == [a["id"]]
        assert await ids({"colors": {"has": "GREEN"}}) == [b["id"]]
        assert await ids({"meta": {"equals": {"k": 1}}}) == [a["id"]]
        got = await db.item.update(where={"id": b["id"]}, data={"tags": {"set": ["z"]}})
        assert got["tags"] == ["z"]
