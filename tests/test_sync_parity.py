"""The sync client has every method and feature of the async one: tx, query_first, extend, on,
log, omit; the public method sets of the two clients (and their delegates) are compared."""

from __future__ import annotations

import pytest

from prisma_edge import sync
from prisma_edge.client import Client as AsyncClient
from prisma_edge.client.delegate import ModelDelegate
from prisma_edge.client.transactions import TransactionClient
from prisma_edge.errors import UniqueConstraintError
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema
from tests.support.clients import make_adapter, raw_sql, reset_database, schema_path


def public(obj: object) -> set[str]:
    return {n for n in dir(obj) if not n.startswith("_")}


def test_public_methods_match():
    schema = load_schema(schema_path("blog"))
    a, s = AsyncClient(schema, url=":memory:"), sync.Client(schema, url=":memory:")
    assert public(a) <= public(s), public(a) - public(s)
    assert public(s) - public(a) == {"lazy"}  # to build unrun operations for batch
    assert public(ModelDelegate) == public(sync.SyncDelegate)
    assert public(TransactionClient) == public(sync.SyncTransactionClient)
    s.close()


_NETWORK = pytest.mark.no_pyodide("the sync client waits on the network only with a loop (CPython) or pyodide-http")


@pytest.fixture(params=["sqlite", *(pytest.param(a, marks=_NETWORK) for a in ("neon_http", "neon_ws", "planetscale"))])
def sync_db(request):
    schema = load_schema(schema_path("blog"))
    adapter = make_adapter(request.param)
    db = sync.Client(
        schema, adapter=adapter, omit={"user": {"name": True}}, log=[{"emit": "event", "level": "query"}]
    )
    if request.param != "sqlite":  # on the client's own loop: a WebSocket belongs to the loop that opened it
        sync.run_sync(reset_database(adapter), db._loop)
    sync.run_sync(push_schema(adapter, schema), db._loop)
    db.kind = request.param  # type: ignore[attr-defined]
    yield db
    db.close()


def test_sync_client_features(sync_db):
    db = sync_db
    events: list = []
    db.on("query", events.append)
    u = db.user.create({"email": "a@x.io", "name": "Ann"})
    assert "name" not in u, "global omit"
    assert db.user.find_unique(where={"id": u["id"]}, omit={"name": False})["name"] == "Ann"
    assert events and events[0].model == "User" and events[0].action == "create"
    row = db.query_first(raw_sql(db, 'SELECT "email" FROM "users" WHERE "id" = ?'), u["id"])
    assert row == {"email": "a@x.io"}
    assert db.query_first(raw_sql(db, 'SELECT "email" FROM "users" WHERE "id" = ?'), -1) is None

    seen: list[str] = []

    async def hook(params, next):
        seen.append(params.operation)
        return await next()

    async def by_email(users, email):
        return await users.find_unique(where={"email": email})

    x = db.extend(
        query={"$all_models": {"$all_operations": hook}},
        model={"user": {"by_email": by_email}},
        client={"dialect": lambda c: c.adapter.dialect},
        result={
            "user": {"domain": {"needs": {"email": True}, "compute": lambda r: r["email"].split("@")[1]}}
        },
    )
    assert x.user.by_email("a@x.io")["domain"] == "x.io"
    assert x.dialect() == db.adapter.dialect
    made, n = x.batch([x.lazy.tag.create({"name": "t"}), x.lazy.tag.count()])
    assert made["name"] == "t" and n == 1
    assert seen == ["find_unique", "create", "count"]
    if db.kind == "neon_http":
        return  # no interactive transactions over HTTP
    with x.tx() as tx:
        tx.tag.create({"name": "in-tx"})
        assert tx.query_first(raw_sql(db, 'SELECT COUNT(*) AS n FROM "Tag"'))["n"] in (2, "2")
    assert db.tag.count() == 2
    with pytest.raises(UniqueConstraintError):
        with db.tx() as tx:
            tx.tag.create({"name": "rolled-back"})
            tx.tag.create({"name": "t"})
    assert db.tag.count() == 2, "rolled back"
