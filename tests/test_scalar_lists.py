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
        got = await db.item.update(where={"id": b["id"]}, data={"tags": {"push": "w"}, "scores": {"push": [6, 7]}})
        assert got["tags"] == ["z", "w"] and got["scores"] == [5, 6, 7]


@pytest.mark.parametrize("adapter", ["neon_http"])
async def test_native_types_write_and_read(adapter):
    import datetime as dt
    import re

    async with open_client("lists", adapter) as db:
        at = dt.datetime(2025, 3, 4, 5, 6, 7, 890000, tzinfo=dt.UTC)
        n = await db.native.create({"at": at, "day": dt.datetime(2025, 3, 4, tzinfo=dt.UTC),
                                    "clock": dt.datetime(1970, 1, 1, 12, 30, 15, tzinfo=dt.UTC), "note": "short"})
        assert re.fullmatch(r"[0-9a-f-]{36}", n["id"]) and n["at"] == at
        assert n["day"] == dt.datetime(2025, 3, 4, tzinfo=dt.UTC)
        assert (n["clock"].hour, n["clock"].minute, n["clock"].second) == (12, 30, 15)
        got = await db.native.update(where={"id": n["id"]}, data={"owner": n["id"], "note": "changed"})
        assert got["owner"] == n["id"] and got["note"] == "changed"
        assert await db.native.count(where={"at": {"gte": at}}) == 1


@pytest.mark.parametrize("adapter", ["neon_http"])
async def test_field_references_with_lists(adapter):
    from prisma_edge import FieldRef

    async with open_client("lists", adapter) as db:
        a = await db.item.create({"tags": ["x"], "scores": [1, 2], "best": 2})
        await db.item.create({"tags": ["y"], "scores": [5], "best": 9})
        assert [i["id"] for i in await db.item.find_many(where={"scores": {"has": FieldRef("best")}})] == [a["id"]]
        assert [i["id"] for i in await db.item.find_many(where={"best": {"in": FieldRef("scores")}})] == [a["id"]]
        assert await db.item.count(where={"best": {"not_in": FieldRef("scores")}}) == 1
        c = await db.item.create({"tags": ["Big, Red", "q"], "scores": [], "label": "big, red"})
        insensitive = {"in": FieldRef("tags"), "mode": "insensitive"}  # both sides lowered, as Prisma
        assert [i["id"] for i in await db.item.find_many(where={"label": insensitive})] == [c["id"]]
        assert await db.item.count(where={"label": {"in": FieldRef("tags")}}) == 0
        from prisma_edge.errors import ValidationError

        with pytest.raises(ValidationError, match="must be a list of Int"):
            await db.item.find_many(where={"best": {"in": FieldRef("best")}})
