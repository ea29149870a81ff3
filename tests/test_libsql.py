"""The libSQL adapter over Hrana 3 (HTTP, JSON) against the local endpoint, and its wire rules.

Against `prisma-edge dev libsql` (started here in CPython, by the runner under Pyodide): exact
values both ways, atomic batches in one request, interactive transactions over a baton, auth.
With `MockFetch` (a server that misbehaves on purpose): URLs, the token never leaving the host
it belongs to, malformed replies.
"""

from __future__ import annotations

import asyncio
import json
import math

import pytest

from prisma_edge import Client
from prisma_edge.devserver import hrana_pb
from prisma_edge.errors import (
    AuthenticationError,
    ClientError,
    ConnectionError,
    ProtocolError,
    UniqueConstraintError,
)
from prisma_edge.fetch_adapters.base import Query
from prisma_edge.fetch_adapters.libsql import LibsqlAdapter
from prisma_edge.fetch_adapters.transports.fetch import FetchResponse, MockFetch
from tests.support.endpoints import unique
from tests.support.libsql_endpoint import libsql  # noqa: F401 - fixture

TOKEN = "s3cr3t-token-value"
SCHEMA = 'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id Int @id\n}\n'


async def test_values_round_trip_exactly(libsql):  # noqa: F811
    a = libsql.adapter()
    t = unique("vals")
    await a.query(Query(f'CREATE TABLE "{t}" (id INTEGER PRIMARY KEY, v)'))
    values = [2**63 - 1, -(2**63), 2**53 + 1, -(2**53) - 1, 0, 0.1 + 0.2, -1.5e300, 5e-324, "", "ü 😀 \u2028 ' \" ;",
              bytes(range(256)), b"", None]
    await a.batch([Query(f'INSERT INTO "{t}" (v) VALUES (?)', (v,)) for v in values])
    rs = await a.query(Query(f'SELECT v, typeof(v) FROM "{t}" ORDER BY id'))
    got = [r[0] for r in rs.rows]
    assert got == values
    assert [type(v) for v in got] == [type(v) for v in values]
    assert [r[1] for r in rs.rows] == ["integer"] * 5 + ["real"] * 3 + ["text"] * 2 + ["blob"] * 2 + ["null"]
    before = a.stats.round_trips
    with pytest.raises(ClientError, match="64-bit"):
        await a.query(Query("SELECT ?", (2**63,)))
    with pytest.raises(ClientError, match="float"):
        await a.query(Query("SELECT ?", (math.inf,)))
    assert a.stats.round_trips == before  # refused before anything was sent


async def test_batch_is_one_request_and_all_or_nothing(libsql):  # noqa: F811
    a = libsql.adapter()
    t = unique("batch")
    await a.query(Query(f'CREATE TABLE "{t}" (id INTEGER PRIMARY KEY, name TEXT UNIQUE)'))
    a.stats.reset()
    before = await libsql.request_count()
    rs = await a.batch([Query(f'INSERT INTO "{t}" (name) VALUES (?)', ("a",)), Query(f'SELECT count(*) FROM "{t}"')])
    assert rs[0].rows_affected == 1 and rs[0].last_insert_id == 1 and rs[1].rows == ((1,),)
    with pytest.raises(UniqueConstraintError) as e:
        await a.batch([Query(f'INSERT INTO "{t}" (name) VALUES (?)', ("b",)), Query(f'INSERT INTO "{t}" (name) VALUES (?)', ("a",)),
                       Query(f'INSERT INTO "{t}" (name) VALUES (?)', ("c",))])
    assert e.value.fields == ("name",)
    assert a.stats.round_trips == 2 and await libsql.request_count() == before + 2
    assert (await a.query(Query(f'SELECT name FROM "{t}" ORDER BY id'))).rows == (("a",),)


async def test_interactive_transaction_over_the_baton(libsql):  # noqa: F811
    a, other = libsql.adapter(), libsql.adapter()
    t = unique("tx")
    await a.query(Query(f'CREATE TABLE "{t}" (id INTEGER PRIMARY KEY, name TEXT)'))
    a.stats.reset()
    async with a.transaction() as tx:
        await tx.query(Query(f'INSERT INTO "{t}" (name) VALUES (?)', ("x",)))  # BEGIN rides along
        assert (await tx.query(Query(f'SELECT count(*) FROM "{t}"'))).rows == ((1,),)
        assert (await other.query(Query(f'SELECT count(*) FROM "{t}"'))).rows == ((0,),)  # not visible outside
        assert a.stats.round_trips == 2
    assert a.stats.round_trips == 3  # COMMIT + close: one request
    with pytest.raises(RuntimeError):
        async with a.transaction() as tx:
            await tx.query(Query(f'INSERT INTO "{t}" (name) VALUES (?)', ("rolled back",)))
            raise RuntimeError("boom")
    assert (await a.query(Query(f'SELECT name FROM "{t}"'))).rows == (("x",),)
    a.stats.reset()
    async with a.transaction():
        pass
    assert a.stats.round_trips == 0  # nothing to begin or commit


async def test_wrong_token_is_refused_and_never_shown(libsql):  # noqa: F811
    a = libsql.adapter(auth_token=TOKEN)
    with pytest.raises(AuthenticationError) as e:
        await a.query(Query("SELECT 1"))
    assert TOKEN not in str(e.value) and TOKEN not in repr(a)
    withurl = LibsqlAdapter(f"{libsql.url}?authToken={libsql.auth_token}")
    assert libsql.auth_token not in repr(withurl)
    assert (await withurl.query(Query("SELECT 1"))).rows == ((1,),)


async def test_execute_raw_runs_ddl_and_a_script_is_one_request(libsql):  # noqa: F811
    t = unique("ddl")
    db = Client(SCHEMA, adapter=libsql.adapter())
    assert await db.execute_raw(f'CREATE TABLE "{t}" (id INTEGER PRIMARY KEY, a TEXT)') == 0
    await db.execute_raw(f'CREATE INDEX "{t}_a" ON "{t}" (a)')
    await db.execute_raw(f'ALTER TABLE "{t}" ADD COLUMN b INTEGER NOT NULL DEFAULT 7')
    assert await db.execute_raw(f'INSERT INTO "{t}" (a) VALUES (?), (?)', "x", "y") == 2
    assert await db.query_raw(f'SELECT a, b FROM "{t}" ORDER BY id') == [{"a": "x", "b": 7}, {"a": "y", "b": 7}]
    a = db.adapter
    a.stats.reset()
    await a.execute_script([f'CREATE TABLE "{t}_2" (id INTEGER PRIMARY KEY)', f'INSERT INTO "{t}_2" VALUES (1)', f'DROP TABLE "{t}"'])
    assert a.stats.round_trips == 1
    assert await db.query_raw("SELECT name FROM sqlite_master WHERE name LIKE ?", f"{t}%") == [{"name": f"{t}_2"}]


@pytest.mark.no_pyodide("starts its own endpoint (threads, a local SQLite file)")
async def test_an_idle_stream_expires_and_its_transaction_rolls_back():
    from tests.support.libsql_endpoint import local_endpoint

    with local_endpoint(expire=0.3) as target:
        a = target.adapter()
        await a.query(Query("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        with pytest.raises(ConnectionError, match="inactivity"):
            async with a.transaction() as tx:
                await tx.query(Query("INSERT INTO t VALUES (1)"))
                await asyncio.sleep(1.0)
                await tx.query(Query("INSERT INTO t VALUES (2)"))
        assert (await a.query(Query("SELECT count(*) FROM t"))).rows == ((0,),)


# -- wire rules, with a server that misbehaves on purpose ----------------------------------------------


def _ok(results, baton=None, base_url=None):
    body = {"baton": baton, "base_url": base_url, "results": results}
    return FetchResponse(200, {"content-type": "application/json"}, json.dumps(body).encode())


def _execute_ok(rows=()):
    return {"type": "ok", "response": {"type": "execute", "result": {"cols": [{"name": "x"}], "rows": [list(r) for r in rows],
                                                                        "affected_row_count": 0, "last_insert_rowid": None}}}


async def test_urls_and_the_token_header():
    seen = []

    def handler(req):
        seen.append(req)
        return _ok([_execute_ok([[{"type": "integer", "value": "1"}]]), {"type": "ok", "response": {"type": "close"}}])

    a = LibsqlAdapter("libsql://db-org.turso.io", auth_token=TOKEN, fetch=MockFetch(handler))
    assert (await a.query(Query("SELECT 1"))).rows == ((1,),)
    assert seen[0].url == "https://db-org.turso.io/v3/pipeline"
    assert seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen[0].json()["requests"] == [{"type": "execute", "stmt": {"sql": "SELECT 1", "args": []}}, {"type": "close"}]
    local = LibsqlAdapter("libsql://127.0.0.1:8080?tls=0", fetch=MockFetch(handler))
    await local.query(Query("SELECT 1"))
    assert seen[1].url == "http://127.0.0.1:8080/v3/pipeline" and "Authorization" not in seen[1].headers
    with pytest.raises(ClientError, match="auth token"):
        LibsqlAdapter("libsql://db-org.turso.io")
    with pytest.raises(ClientError, match="loopback"):
        LibsqlAdapter("http://db-org.turso.io", auth_token=TOKEN)
    with pytest.raises(ClientError, match="libsql://"):
        LibsqlAdapter("ftp://db-org.turso.io", auth_token=TOKEN)


async def test_a_base_url_on_another_host_never_gets_the_token():
    seen = []

    def handler(req):
        seen.append(req)
        n = len(req.json()["requests"])
        return _ok([_execute_ok()] * n, baton="b1", base_url="https://elsewhere.example/")

    a = LibsqlAdapter("https://db-org.turso.io", auth_token=TOKEN, fetch=MockFetch(handler))
    async with a.transaction() as tx:
        await tx.query(Query("SELECT 1"))
        await tx.query(Query("SELECT 2"))
    assert {r.url for r in seen} == {"https://db-org.turso.io/v3/pipeline"}
    assert seen[1].json()["baton"] == "b1"


async def test_malformed_replies_are_protocol_errors():
    replies = iter([
        FetchResponse(200, {}, b"not json"),
        _ok([]),  # wrong number of results
        _ok([{"type": "ok", "response": {"type": "execute", "result": {"cols": [{"name": "x"}], "rows": [[{"type": "wat"}]]}}},
             {"type": "ok", "response": {"type": "close"}}]),
        FetchResponse(502, {}, f"bad gateway {TOKEN}".encode()),
    ])
    a = LibsqlAdapter("https://db-org.turso.io", auth_token=TOKEN, fetch=MockFetch(lambda req: next(replies)))
    for _ in range(3):
        with pytest.raises(ProtocolError):
            await a.query(Query("SELECT 1"))
    with pytest.raises(ConnectionError) as e:
        await a.query(Query("SELECT 1"))
    assert TOKEN not in str(e.value)


def test_client_picks_libsql_for_turso_urls():
    db = Client(SCHEMA, url="libsql://db-org.turso.io", adapter_options={"auth_token": TOKEN})
    assert isinstance(db.adapter, LibsqlAdapter) and db.adapter.dialect == "sqlite"
    db2 = Client(SCHEMA, url=f"https://db-org.turso.io?authToken={TOKEN}")
    assert isinstance(db2.adapter, LibsqlAdapter) and TOKEN not in repr(db2.adapter)


def test_protobuf_codec_reads_what_it_writes():
    """The local endpoint's Protobuf encoding (what @libsql/hrana-client speaks) against a hand-built message."""
    # PipelineReqBody{baton: "b", requests: [execute{stmt{sql: "SELECT ?", args: [integer -2**63], want_rows: true}}]}
    value = bytes([0x10]) + bytes([0xFF] * 9 + [0x01])  # field 2 (sint64, zigzag of -2**63 = 2**64 - 1)
    stmt = b"\x0a\x08SELECT ?" + b"\x1a" + bytes([len(value)]) + value + b"\x28\x01"
    execute = b"\x0a" + bytes([len(stmt)]) + stmt
    request = b"\x12" + bytes([len(execute)]) + execute
    body = b"\x0a\x01b" + b"\x12" + bytes([len(request)]) + request
    got = hrana_pb.decode_pipeline_request(body)
    assert got == {"baton": "b", "requests": [{"type": "execute", "stmt": {
        "sql": "SELECT ?", "args": [{"type": "integer", "value": str(-(2**63))}], "named_args": [], "want_rows": True}}]}
    out = hrana_pb.encode_pipeline_response({"baton": None, "base_url": None, "results": [
        {"type": "ok", "response": {"type": "execute", "result": {"cols": [{"name": "x", "decltype": None}],
                                                                  "rows": [[{"type": "blob", "base64": "AP8="}]],
                                                                  "affected_row_count": 0, "last_insert_rowid": "-1"}}}]})
    # results[0].ok.execute.result: cols[{name "x"}], rows[[blob 00 ff]], affected 0, last_insert_rowid zigzag(-1) = 1
    result = b"\x0a\x03\x0a\x01x" + b"\x12\x06\x0a\x04\x2a\x02\x00\xff" + b"\x18\x00" + b"\x20\x01"
    execute_resp = b"\x0a" + bytes([len(result)]) + result
    response = b"\x12" + bytes([len(execute_resp)]) + execute_resp
    item = b"\x0a" + bytes([len(response)]) + response
    assert out == b"\x1a" + bytes([len(item)]) + item
    with pytest.raises(hrana_pb.PbError):
        hrana_pb.decode_pipeline_request(b"\x12\x05\x12")
