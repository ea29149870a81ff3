"""The synchronous client: same operations, results returned directly, in CPython and Pyodide."""

from __future__ import annotations

import pytest

from prisma_edge import sync
from prisma_edge.errors import UniqueConstraintError
from prisma_edge.fetch_adapters.sqlite import SqliteAdapter
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema
from tests.support.clients import schema_path


def test_sync_client_on_sqlite():
    schema = load_schema(schema_path("blog"))
    adapter = SqliteAdapter(":memory:")
    sync.run_sync(push_schema(adapter, schema))  # SQLite never waits: no event loop needed
    with sync.Client(schema, adapter=adapter) as db:
        u = db.user.create({"email": "a@x.io", "posts": {"create": {"title": "hello"}}})
        assert db.user.find_unique(where={"id": u["id"]}, include={"posts": True})["posts"][0]["title"] == "hello"
        assert db.post.count() == 1
        with pytest.raises(UniqueConstraintError):
            db.user.create({"email": "a@x.io"})
        made, n = db.batch([db.lazy.tag.create({"name": "t"}), db.lazy.tag.count()])
        assert made["name"] == "t" and n == 1


def test_run_sync_without_a_loop_refuses_a_waiting_coroutine():
    import asyncio

    from prisma_edge.errors import ClientError

    async def waits():
        await asyncio.sleep(0)

    with pytest.raises(ClientError, match="async client"):
        sync.run_sync(waits())


@pytest.mark.no_pyodide("BlockingFetch uses urllib sockets in CPython; in browsers pyodide-http is tested by the demo")
def test_sync_client_over_neon_http_blocking_fetch():

    from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
    from prisma_edge.fetch_adapters.transports.sync_fetch import BlockingFetch
    from tests.support.clients import _neon, reset_database

    db_url, endpoint = _neon()
    schema = load_schema(schema_path("blog"))
    adapter = NeonHttpAdapter(db_url, endpoint=endpoint, fetch=BlockingFetch())
    sync.run_sync(reset_database(adapter))  # BlockingFetch never waits either
    sync.run_sync(push_schema(adapter, schema))
    db = sync.Client(schema, adapter=adapter)
    db.tag.create({"name": "x"})
    assert [t["name"] for t in db.tag.find_many()] == ["x"]
    db.close()
