"""Cloudflare D1: each operation is ONE atomic batch() call, within D1's limits, over REST or the binding.

The tests that use `open_client(..., "d1")` run against the local D1-compatible REST endpoint
(devserver/d1.py, over SQLite with D1's limits) in CPython and Pyodide, and against the Worker's
real D1 binding (miniflare's) in the workerd run (wasm_tests/run_workerd.py). The endpoint's own
answers are checked against the shapes Cloudflare documents for its REST API.
"""

from __future__ import annotations

import json
import urllib.request

import pytest

from prisma_edge.compiler import compile_query
from prisma_edge.errors import (
    AuthenticationError,
    ConnectedRecordsNotFoundError,
    ConnectionError,
    ProtocolError,
    RecordNotFoundError,
    UniqueConstraintError,
    UnsupportedError,
)
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.d1 import D1Adapter, error_from_d1
from prisma_edge.fetch_adapters.transports.fetch import FetchResponse, MockFetch
from prisma_edge.schema import load_schema
from tests.support.clients import endpoint_requests, open_client, schema_path


def calls(db) -> int:
    return db.adapter.stats.round_trips


async def test_nested_create_is_one_d1_call_and_leaves_nothing_when_a_part_fails():
    async with open_client("blog", "d1") as db:
        bob = await db.user.create({"email": "bob@x.io"})
        tag = await db.tag.create({"name": "t"})
        db.adapter.stats.reset()
        before = endpoint_requests("d1")
        made = await db.user.create({"email": "a@x.io", "posts": {"create": [
            {"title": "p1", "comments": {"create": [{"body": "c", "author": {"connect": {"email": "bob@x.io"}}}]},
             "tags": {"connect": {"id": tag["id"]}}},
            {"title": "p2"}]}}, include={"posts": {"include": {"comments": True, "tags": True}}})
        assert calls(db) == 1 and (before is None or endpoint_requests("d1") == before + 1)
        assert [p["title"] for p in made["posts"]] == ["p1", "p2"]
        assert made["posts"][0]["comments"][0]["authorId"] == bob["id"] and made["posts"][0]["tags"][0]["name"] == "t"

        counts = (await db.user.count(), await db.post.count(), await db.comment.count())
        with pytest.raises(RecordNotFoundError):  # the last part connects a user that does not exist
            await db.user.create({"email": "c@x.io", "posts": {"create": [
                {"title": "p3", "comments": {"create": [{"body": "c2", "author": {"connect": {"email": "nobody@x.io"}}}]}}]}})
        with pytest.raises(UniqueConstraintError):  # the last part repeats a unique tag name
            await db.user.create({"email": "d@x.io", "posts": {"create": [{"title": "p4", "tags": {"create": [{"name": "t"}]}}]}})
        assert (await db.user.count(), await db.post.count(), await db.comment.count()) == counts
        assert await db.user.find_unique(where={"email": "c@x.io"}) is None


async def test_batch_is_one_d1_call_and_leaves_nothing_when_a_part_fails():
    async with open_client("blog", "d1") as db:
        u = await db.user.create({"email": "a@x.io"})
        db.adapter.stats.reset()
        before = endpoint_requests("d1")
        tag, renamed, n = await db.batch([db.tag.create({"name": "b1"}), db.user.update(where={"id": u["id"]}, data={"name": "A"}),
                                          db.tag.count()])
        assert (tag["name"], renamed["name"], n) == ("b1", "A", 1)
        assert calls(db) == 1 and (before is None or endpoint_requests("d1") == before + 1)
        db.adapter.stats.reset()
        with pytest.raises(RecordNotFoundError):
            await db.batch([db.tag.create({"name": "b2"}), db.user.delete(where={"email": "nobody@x.io"})])
        assert calls(db) == 1
        with pytest.raises(UniqueConstraintError):
            await db.batch([db.user.update(where={"id": u["id"]}, data={"name": "B"}), db.tag.create({"name": "b1"})])
        assert [t["name"] for t in await db.tag.find_many()] == ["b1"]
        assert (await db.user.find_unique(where={"id": u["id"]}))["name"] == "A"


async def test_updates_upserts_deletes_and_connect_or_create_run_as_one_d1_call():
    async with open_client("blog", "d1") as db:
        u = await db.user.create({"email": "a@x.io"})
        for run, check in [
            (lambda: db.user.update(where={"email": "a@x.io"}, data={"email": "b@x.io"}), lambda r: r["email"] == "b@x.io"),
            (lambda: db.tag.upsert(where={"name": "y"}, create={"name": "y"}, update={}), lambda r: r["name"] == "y"),
            (lambda: db.tag.upsert(where={"name": "y"}, create={"name": "y"}, update={"name": "z"}), lambda r: r["name"] == "z"),
            (lambda: db.post.create({"title": "p", "author": {"connect_or_create": {"where": {"email": "b@x.io"},
                                                                                      "create": {"email": "b@x.io"}}}}),
             lambda r: r["authorId"] == u["id"]),
            (lambda: db.post.create({"title": "q", "author": {"connect_or_create": {"where": {"email": "new@x.io"},
                                                                                      "create": {"email": "new@x.io"}}}}),
             lambda r: r["authorId"] != u["id"]),
            (lambda: db.tag.delete(where={"name": "z"}), lambda r: r["name"] == "z"),
        ]:
            db.adapter.stats.reset()
            assert check(await run())
            assert calls(db) == 1
        assert await db.user.count() == 2 and await db.tag.count() == 0
        with pytest.raises(RecordNotFoundError):
            await db.user.update(where={"email": "nobody@x.io"}, data={"name": "x"})
        with pytest.raises(ConnectedRecordsNotFoundError):  # a nested update whose connect fails changes nothing (P2018)
            await db.user.update(where={"id": u["id"]}, data={"name": "N", "posts": {"connect": {"id": 424242}}})
        assert (await db.user.find_unique(where={"id": u["id"]}))["name"] is None


async def test_a_thousand_in_values_and_a_500_row_create_many_fit_d1_limits():
    async with open_client("blog", "d1") as db:
        db.adapter.stats.reset()
        assert await db.user.create_many(data=[{"email": f"u{i}@x.io", "name": f"n{i}"} for i in range(500)]) == 500
        assert calls(db) == 1  # 500 rows x 3 values: INSERTs of at most 100 parameters, in ONE batch
        assert await db.user.count() == 500
        ids = [u["id"] for u in await db.user.find_many(select={"id": True})]
        wanted = list(range(-500, 500))  # 1,000 values, 499 of them existing ids
        got = await db.user.find_many(where={"id": {"in": wanted}}, select={"id": True}, order={"id": "asc"})
        assert [u["id"] for u in got] == [i for i in ids if i < 500]
        assert await db.user.count(where={"id": {"not_in": wanted}}) == 500 - len(got)
        emails = [f"U{i}@X.IO" for i in range(1000)]
        assert await db.user.count(where={"email": {"in": emails, "mode": "insensitive"}}) == 500
        assert await db.user.update_many(where={"email": {"in": [f"u{i}@x.io" for i in range(0, 1000, 2)]}},
                                         data={"name": "even"}) == 250


def test_d1_plans_fit_d1_limits_and_are_static():
    schema = load_schema(schema_path("blog"))
    for model, action, args in [
        ("User", "find_many", {"where": {"id": {"in": list(range(1000))}}}),
        ("User", "create_many", {"data": [{"email": f"u{i}@x.io", "name": "n"} for i in range(500)]}),
        ("User", "update", {"where": {"email": "a"}, "data": {"email": "b"}}),
        ("User", "create", {"data": {"email": "a", "posts": {"create": [{"title": "t", "tags": {"connect_or_create": {
            "where": {"name": "x"}, "create": {"name": "x"}}}}]}}}),
        ("Tag", "upsert", {"where": {"name": "y"}, "create": {"name": "y"}, "update": {"name": "z"}}),
        ("Tag", "delete", {"where": {"id": 1}}),
    ]:
        plan, _ = compile_query(schema, model, action, args, "d1")
        assert plan.static, (model, action)
        assert all(len(s.statement.params) <= 100 and len(s.statement.sql) <= 100_000 for s in plan.steps), (model, action)
    big_in, _ = compile_query(schema, "User", "find_many", {"where": {"id": {"in": list(range(1000))}}}, "d1")
    assert "json_each" in big_in.steps[0].statement.sql.lower() and len(big_in.steps[0].statement.params) == 1
    small, _ = compile_query(schema, "User", "find_many", {"where": {"id": {"in": [1, 2]}}}, "d1")
    # short lists are one parameter too: one plan for every list length (compiler/lengths.py)
    assert "json_each" in small.steps[0].statement.sql.lower() and len(small.steps[0].statement.params) == 1
    rows, _ = compile_query(schema, "User", "create_many", {"data": [{"email": f"u{i}@x.io", "name": "n"} for i in range(500)]}, "d1")
    assert len(rows.steps) == 16  # 33 rows per INSERT: 3 values each (email, name and the default createdAt)


def test_statement_limits_are_one_table_the_compiler_consults():
    from prisma_edge.compiler.sql.dialects import rules_for
    from prisma_edge.errors import ValidationError

    assert [(rules_for(k).max_params, rules_for(k).max_statement_bytes) for k in ("d1", "sqlite", "postgres", "mysql")] == [
        (100, 100_000), (32_766, 1_000_000_000), (65_535, 2**30 - 1), (65_535, 16 * 2**20)]
    schema = load_schema(schema_path("blog"))
    long_value = {"select": {"id": True, "posts": {"where": {"title": {"contains": "x" * 120_000}}}}}
    assert compile_query(schema, "User", "find_many", long_value, "d1")  # values are parameters, not SQL text
    long_sql = {"where": {"OR": [{"posts": {"some": {}}}] * 1200}}  # about 106 KB of SQL, no parameter
    with pytest.raises(ValidationError, match="d1 takes at most 100000"):
        compile_query(schema, "User", "find_many", long_sql, "d1")


async def test_interactive_transactions_on_d1_point_to_batch():
    async with open_client("blog", "d1") as db:
        with pytest.raises(UnsupportedError, match=r"db\.batch"):
            async with db.tx():
                pass
        with pytest.raises(UnsupportedError, match="Serializable"):
            await db.batch([db.tag.count()], isolation="ReadCommitted")


async def test_big_integers_survive_d1s_javascript_numbers():
    async with open_client("shop", "d1") as db:
        big = 2**62 + 1  # a JavaScript double would make it 2**62
        p = await db.product.create({"name": "p", "sku": "s1", "price": 1, "barcode": big, "soldCount": big})
        assert (p["barcode"], p["soldCount"]) == (big, big)
        got = await db.product.find_unique(where={"barcode": big})
        assert got is not None and got["soldCount"] == big


# ---- the adapter's REST side, against a mock (what the local endpoint cannot be made to do) -------


def test_d1_rest_requests_are_cloudflares_shape_and_the_token_stays_secret():
    sent = []

    def answer(req):
        sent.append(req)
        return FetchResponse(200, {}, json.dumps({"result": [{"results": {"columns": ["n"], "rows": [[1]]}, "success": True,
                                                                "meta": {"changes": 0, "last_row_id": 0}}],
                                                   "success": True, "errors": [], "messages": []}).encode())

    a = D1Adapter("d1://acc123/db-456", api_token="tok-secret", fetch=MockFetch(answer))
    import asyncio

    rs = asyncio.run(a.query(Query("SELECT ? AS n", (1,))))
    assert rs.rows == ((1,),) and rs.columns == ("n",)
    (req,) = sent
    assert req.url == "https://api.cloudflare.com/client/v4/accounts/acc123/d1/database/db-456/raw"
    assert req.headers["Authorization"] == "Bearer tok-secret" and req.json() == {"sql": "SELECT ? AS n", "params": [1]}
    assert "tok-secret" not in repr(a) and "tok-secret" not in repr(req)


@pytest.mark.parametrize(("status", "body", "error"), [
    (400, {"success": False, "errors": [{"code": 7500, "message": "UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT"}]},
     UniqueConstraintError),
    (403, {"success": False, "errors": [{"code": 10000, "message": "Authentication error tok-secret"}]}, AuthenticationError),
    (503, {"success": False, "errors": [{"code": 7500, "message": "D1 is overloaded"}]}, ConnectionError),
    (200, {"success": True, "result": {"not": "a list"}}, ProtocolError),
])
def test_d1_rest_errors_map_to_prisma_edge_errors(status, body, error):
    import asyncio

    a = D1Adapter("d1://acc/db", api_token="tok-secret", fetch=MockFetch(lambda r: FetchResponse(status, {}, json.dumps(body).encode())))
    with pytest.raises(error) as e:
        asyncio.run(a.query(Query("SELECT 1")))
    assert "tok-secret" not in str(e.value)


def test_d1_error_texts_of_the_binding_and_the_rest_api():
    for text in ("D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)",
                 "UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT"):
        e = error_from_d1(text)
        assert isinstance(e, UniqueConstraintError) and e.meta["target"] == ("email",)
    assert "no such table: x" in str(error_from_d1("D1_ERROR: no such table: x: SQLITE_ERROR"))
    with pytest.raises(Exception, match="d1://"):
        D1Adapter(object())


# ---- the local endpoint, checked against Cloudflare's documented REST shapes ---------------------


@pytest.mark.no_pyodide("starts the local D1 endpoint in a thread")
def test_local_d1_endpoint_answers_in_cloudflares_rest_shapes():
    from prisma_edge.devserver.d1 import start_d1_endpoint

    with start_d1_endpoint() as h:
        def post(route, payload, token=h.api_token):
            req = urllib.request.Request(f"{h.url}/{route}", data=json.dumps(payload).encode(), method="POST",
                                         headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            try:
                with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=10) as r:
                    return r.status, json.loads(r.read())
            except urllib.error.HTTPError as e:
                return e.code, json.loads(e.read())

        status, body = post("raw", {"sql": "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE, b BLOB)"})
        assert status == 200 and set(body) == {"result", "success", "errors", "messages"} and body["success"] is True
        status, body = post("raw", {"batch": [{"sql": "INSERT INTO t (v, b) VALUES (?, ?)", "params": ["a", [1, 2, 255]]},
                                              {"sql": "SELECT id, v, b, 9007199254740993 AS big FROM t"}]})
        insert, select = body["result"]
        assert set(insert) == {"results", "success", "meta"}
        assert {"changes", "last_row_id", "changed_db", "duration", "size_after", "rows_read", "rows_written"} <= set(insert["meta"])
        assert (insert["meta"]["changes"], insert["meta"]["last_row_id"], insert["meta"]["changed_db"]) == (1, 1, True)
        assert select["results"] == {"columns": ["id", "v", "b", "big"], "rows": [[1, "a", [1, 2, 255], 9007199254740992.0]]}
        status, body = post("query", {"sql": "SELECT v FROM t; SELECT count(*) AS n FROM t"})
        assert [r["results"] for r in body["result"]] == [[{"v": "a"}], [{"n": 1}]]
        # a failing statement: HTTP 400, code 7500, SQLite's message and code, nothing applied
        status, body = post("raw", {"batch": [{"sql": "INSERT INTO t (v) VALUES ('b')"}, {"sql": "INSERT INTO t (v) VALUES ('a')"}]})
        assert (status, body["success"], body["errors"][0]["code"]) == (400, False, 7500)
        assert body["errors"][0]["message"] == "UNIQUE constraint failed: t.v: SQLITE_CONSTRAINT"
        assert post("raw", {"sql": "SELECT count(*) FROM t"})[1]["result"][0]["results"]["rows"] == [[1]]
        for sql, why in [("BEGIN", "not authorized"), ("CREATE TEMP TABLE x (a)", "not authorized"),
                         ("SELECT " + ", ".join("?" * 101), "too many SQL variables")]:
            status, body = post("raw", {"sql": sql, "params": list(range(sql.count("?")))})
            assert status == 400 and why in body["errors"][0]["message"], sql
        assert post("raw", {"sql": "SELECT 1"}, token="wrong")[0] == 403


@pytest.mark.no_pyodide("starts the local D1 endpoint and a proxy in threads")
async def test_rest_adapter_reuses_one_connection_and_closes_it_on_close():
    """The REST adapter's default transport is a keep-alive pool: several calls share one TCP
    connection, and `close()` closes it (the pool is the adapter's own)."""
    import asyncio

    from prisma_edge.devserver.d1 import start_d1_endpoint
    from tests.support.fault_proxy import fault_proxy

    with start_d1_endpoint() as h:
        host, rest = h.url.split("://", 1)[1].split("/", 1)
        with fault_proxy(int(host.rsplit(":", 1)[1])) as proxy:
            a = D1Adapter(f"http://127.0.0.1:{proxy.port}/{rest}", api_token=h.api_token)
            for i in range(5):
                assert (await a.query(Query("SELECT ? AS n", (i,)))).rows[0][0] == i
            assert proxy.connections == 1
            await a.close()
            for _ in range(100):  # the proxy sees the client's side close
                if proxy.client_closes == 1:
                    break
                await asyncio.sleep(0.05)
            assert proxy.client_closes == 1
