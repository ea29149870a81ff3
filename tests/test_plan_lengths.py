"""Plans independent of `in` list lengths (issue 15 item 4): 50 lengths, one rendered plan.

A loader asks for 1, 2, ... 50 ids; on PostgreSQL, SQLite, D1 and MySQL each list is ONE
parameter (`= ANY($1)` / `json_each(?)` / `JSON_TABLE(?, ...)`), so the plan cache renders once
and every call still returns exactly its own rows, values after the list included. Lists of
strings and enums on MySQL keep one parameter per value (checked: still right).
"""

from __future__ import annotations

import pytest

from tests.support.clients import open_client

ADAPTERS = ["sqlite", "neon_http", "neon_ws", "planetscale", "d1"]
SINGLE_PLAN = {"sqlite", "neon_http", "neon_ws", "planetscale", "d1"}


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


@pytest.mark.mysql
@pytest.mark.no_pyodide("starts the local PlanetScale endpoint (a TCP server)")
async def test_mysql_lists_of_bigint_keys_read_exactly_from_one_parameter():
    """JSON_TABLE reads each key as BIGINT: the extremes of BigInt match exactly (a value it could
    not hold would become NULL there and match nothing), in `in` and `not_in` alike."""
    from prisma_edge.client import Client
    from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
    from prisma_edge.schema import parse_schema
    from tests.support.ps_endpoint import local_endpoint

    schema = parse_schema("""
datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}
model Key {
  id  BigInt @id
  tag Int
}
""")
    keys = [-(2**63), -1, 5, 2**63 - 1]
    with local_endpoint("pe_lists") as ep:
        db = Client(schema, adapter=PlanetScaleAdapter(ep.url))
        try:
            await db.execute_raw("CREATE TABLE `Key` (id bigint PRIMARY KEY, tag int NOT NULL)")
            await db.key.create_many(data=[{"id": k, "tag": i} for i, k in enumerate(keys)])
            before = db.plan_cache.renders
            for wanted in ([2**63 - 1], [-(2**63), 5], [-1, 2**63 - 1, 7]):
                got = await db.key.find_many(where={"id": {"in": wanted}}, order={"id": "asc"})
                assert [r["id"] for r in got] == sorted(k for k in keys if k in wanted)
                rest = await db.key.find_many(where={"id": {"not_in": wanted}}, order={"id": "asc"})
                assert [r["id"] for r in rest] == sorted(k for k in keys if k not in wanted)
            assert db.plan_cache.renders - before == 2  # one plan for `in`, one for `not_in`
            assert [r["tag"] for r in await db.key.find_many(where={"tag": {"in": [0, 3]}}, order={"tag": "asc"})] == [0, 3]
        finally:
            await db.close()
