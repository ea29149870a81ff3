"""1,000 concurrent mixed operations on ONE client per network adapter: 0 errors (issue 10 item 5).

Each adapter bounds its own concurrency (a pool of sessions or connections; waiting for one is
not counted against any timeout), so a burst of operations queues instead of failing. The mix:
creates, reads, atomic increments, counts, batches and (where the adapter has them) interactive
transactions, all at once with `asyncio.gather`; afterwards the database must hold exactly what
the successful operations say. `PRISMA_EDGE_CONCURRENCY=n` changes the 1,000.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
from collections.abc import AsyncIterator
from typing import Any

import pytest

from prisma_edge.client import Client
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema
from tests.support.clients import open_client, schema_path

pytestmark = pytest.mark.no_pyodide("direct PostgreSQL over TCP; the endpoints run in CPython")

N = int(os.environ.get("PRISMA_EDGE_CONCURRENCY", "1000"))


@contextlib.asynccontextmanager
async def _client(adapter: str) -> AsyncIterator[Client]:
    if adapter != "postgres":
        async with open_client("blog", adapter) as db:
            yield db
        return
    pytest.importorskip("psycopg")
    from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
    from tests.support.databases import temp_postgres

    with temp_postgres("pe_conc") as url:
        a = PgDirectAdapter(url)
        schema = load_schema(schema_path("blog"))
        await push_schema(a, schema)
        db = Client(schema, adapter=a)
        try:
            yield db
        finally:
            await db.close()


async def _one(db: Client, i: int, post_id: int, tx_ok: bool) -> str:
    kind = i % 6
    if kind == 0:
        await db.user.create({"email": f"c{i}@x.io"})
        return "create"
    if kind == 1:
        rows = await db.user.find_many(take=5, order={"id": "asc"})
        assert rows
        return "read"
    if kind == 2:
        await db.post.update(where={"id": post_id}, data={"views": {"increment": 1}})
        return "increment"
    if kind == 3:
        assert await db.user.count() >= 1
        return "count"
    if kind == 4:
        await db.batch([db.user.create({"email": f"b{i}a@x.io"}), db.user.create({"email": f"b{i}b@x.io"})])
        return "batch"
    if tx_ok:
        async with db.tx() as t:
            u = await t.user.create({"email": f"t{i}@x.io"})
            await t.post.update(where={"id": post_id}, data={"views": {"increment": 1}})
            assert u["id"]
        return "tx"
    await db.post.update(where={"id": post_id}, data={"views": {"increment": 1}})
    return "increment"


@pytest.mark.parametrize("adapter", ["neon_http", "neon_ws", "postgres", "planetscale", "libsql"])
async def test_a_thousand_concurrent_operations_on_one_client(adapter: str) -> None:
    async with _client(adapter) as db:
        author = await db.user.create({"email": "seed@x.io", "posts": {"create": [{"title": "hot"}]}})
        post = await db.post.find_first_or_raise(where={"authorId": author["id"]})
        tx_ok = adapter != "neon_http"
        results: list[Any] = await asyncio.gather(
            *(_one(db, i, post["id"], tx_ok) for i in range(N)), return_exceptions=True
        )
        errors = [r for r in results if isinstance(r, BaseException)]
        done = collections.Counter(r for r in results if isinstance(r, str))
        kinds = collections.Counter(type(e).__name__ for e in errors)
        print(f"\n{adapter}: {N} concurrent operations, {len(errors)} errors {dict(kinds)}, {dict(done)}")
        assert not errors, f"{len(errors)} errors, first: {errors[0]!r}"
        users = await db.user.count()
        assert users == 1 + done["create"] + 2 * done["batch"] + done["tx"]
        views = (await db.post.find_unique_or_raise(where={"id": post["id"]}))["views"]
        assert views == done["increment"] + done["tx"]
