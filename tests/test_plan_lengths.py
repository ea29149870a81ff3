"""Plans independent of `in` list lengths (issue 15 item 4): 50 lengths, one rendered plan.

A loader asks for 1, 2, ... 50 ids; on PostgreSQL and SQLite each list is ONE parameter
(`= ANY($1)` / `json_each(?)`), so the plan cache renders once and every call still returns
exactly its own rows, values after the list included. MySQL keeps one parameter per value
(checked: still right, one plan per length).
"""

from __future__ import annotations

import pytest

from tests.support.clients import open_client

ADAPTERS = ["sqlite", "neon_http", "neon_ws", "planetscale", "d1"]
SINGLE_PLAN = {"sqlite", "neon_http", "neon_ws"}


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_fifty_list_lengths_render_one_plan(adapter):
    async with open_client("blog", adapter) as db:
        await db.user.create_many(
            data=[
                {
                    "email": f"u{i}@x.io",
                    "name": "even" if i % 2 == 0 else "odd",
                    "role": "ADMIN" if i % 3 == 0 else "USER",
                }
                for i in range(60)
            ]
        )
        ids = [u["id"] for u in await db.user.find_many(order={"id": "asc"})]
        before = db.plan_cache.renders
        for n in range(1, 51):
            wanted = ids[:n]
            got = await db.user.find_many(where={"id": {"in": wanted}, "name": "even"}, order={"id": "asc"})
            assert [u["id"] for u in got] == [i for k, i in enumerate(ids[:n]) if k % 2 == 0]
        renders = db.plan_cache.renders - before
        assert renders == (1 if adapter in SINGLE_PLAN else 50)

        # not_in, strings, enums, and a list inside a relation filter
        emails = [f"u{i}@x.io" for i in range(5)]
        assert len(await db.user.find_many(where={"email": {"not_in": emails}})) == 55
        assert [
            u["email"]
            for u in await db.user.find_many(
                where={"email": {"in": [*emails, "nobody"]}}, order={"id": "asc"}
            )
        ] == emails
        assert await db.user.count(where={"role": {"in": ["ADMIN"]}}) == 20
        assert await db.user.count(where={"role": {"not_in": ["ADMIN", "EDITOR"]}}) == 40
        await db.post.create(data={"title": "t", "author": {"connect": {"id": ids[0]}}})
        found = await db.user.find_many(where={"posts": {"some": {"authorId": {"in": ids[:3]}}}})
        assert [u["id"] for u in found] == [ids[0]]
