"""NeonWsAdapter <-> local Neon endpoint (WebSocket mode) <-> real PostgreSQL.

The endpoint counts the WebSocket data frames each connection sends, so "connect + first query in
one flight" is checked where it matters: at the server. Writes are checked in PostgreSQL itself
(psycopg on the real database in CPython; under Pyodide, where a runner started the endpoint
outside, through the endpoint's HTTP side, which runs on libpq).

Under Pyodide these run over the JS WebSocket (`ws` as globalThis.WebSocket in Node); the
endpoint's WebSocket proxy is on the same port as its `/sql` (PRISMA_EDGE_NEON_HTTP_URL).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import json
import sys
import tracemalloc
import uuid
from decimal import Decimal

import pytest

from prisma_edge.errors import (
    AuthenticationError,
    ClientError,
    ConnectionError,
    TimeoutError,
    UniqueConstraintError,
)
from prisma_edge.fetch_adapters.base import Adapter, Query
from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
from prisma_edge.fetch_adapters.neon_ws import NeonWsAdapter, ws_url
from prisma_edge.fetch_adapters.transports.fetch import default_fetch
from prisma_edge.fetch_adapters.transports.websocket import check_ws_url
from tests.support.endpoints import neon_target, unique

IN_PYODIDE = sys.platform == "emscripten"
UTC = dt.UTC


class WsTarget:
    """The endpoint's WebSocket side, its test hooks, and an independent look into PostgreSQL."""

    def __init__(self, target) -> None:  # noqa: ANN001
        self.t = target
        self.base = target.url.rsplit("/", 1)[0]  # http://127.0.0.1:N
        self.ws_proxy = self.base.split("://", 1)[1] + "/v2"

    def adapter(self, **kwargs) -> NeonWsAdapter:
        url = kwargs.pop("url", self.t.database_url)
        return NeonWsAdapter(url, ws_proxy=self.ws_proxy, **kwargs)

    async def connections(self, application_name: str) -> list[dict]:
        """The endpoint's records of this application's WebSocket connections."""
        if self.t.handle is not None:
            stats = self.t.handle.ws_stats()
        else:
            resp = await default_fetch()("GET", self.base + "/_prisma_edge/stats", {}, b"", timeout=10)
            stats = json.loads(resp.body)["websockets"]
        return [c for c in stats["recent"] if c["application_name"] == application_name]

    async def cut(self, application_name: str) -> int:
        """Abort this application's sockets at the endpoint (both the WebSocket and PostgreSQL's)."""
        if self.t.handle is not None:
            return self.t.handle.drop_websockets(application_name)
        url = f"{self.base}/_prisma_edge/ws/drop?application_name={application_name}"
        resp = await default_fetch()("POST", url, {}, b"", timeout=10)
        return json.loads(resp.body)["dropped"]

    async def rows(self, sql: str) -> list[tuple]:
        """Rows as PostgreSQL has them, read without the WebSocket path."""
        if self.t.direct_url is not None:
            import psycopg

            def read() -> list[tuple]:
                with psycopg.connect(self.t.direct_url, autocommit=True) as conn:
                    return [tuple(r) for r in conn.execute(sql).fetchall()]

            return await asyncio.to_thread(read)
        http = NeonHttpAdapter(self.t.database_url, endpoint=self.t.url)
        return [tuple(r) for r in (await http.query(Query(sql))).rows]


@pytest.fixture(scope="module")
def neon():
    with neon_target() as target:
        yield WsTarget(target)


def q(sql: str, *params: object) -> Query:
    return Query(sql, tuple(params))


def app_name() -> str:
    return f"pe-test-{uuid.uuid4().hex[:12]}"


async def make_table(neon: WsTarget, name: str) -> str:
    table = unique(name)
    a = neon.adapter()
    await a.query(q(f'CREATE TABLE "{table}" (id int PRIMARY KEY, name text NOT NULL UNIQUE)'))
    await a.close()
    return table


# -- URL rules (no network) -------------------------------------------------------------------


def test_ws_url_follows_the_official_driver():
    # default wsProxy: host + "/v2", port ignored
    assert ws_url("ep-x-1.us-east-2.aws.neon.tech", 5432) == "wss://ep-x-1.us-east-2.aws.neon.tech/v2"
    # string wsProxy: ?address=host:port appended; ws only for loopback
    assert ws_url("db", 5432, "127.0.0.1:4444/v2") == "ws://127.0.0.1:4444/v2?address=db:5432"
    assert ws_url("db", 6543, "proxy.example.com/v1") == "wss://proxy.example.com/v1?address=db:6543"
    # function wsProxy: verbatim
    assert ws_url("db", 5432, lambda h, p: f"localhost:9/{h}") == "ws://localhost:9/db"
    with pytest.raises(ClientError, match="wss://"):
        check_ws_url("ws://proxy.example.com/v2")
    with pytest.raises(ClientError, match="pipeline_connect"):
        NeonWsAdapter("postgresql://u@ep-x.aws.neon.tech/db")
    a = NeonWsAdapter("postgresql://u:s3cret-pw@ep-x.aws.neon.tech/db")
    assert a.ws_url == "wss://ep-x.aws.neon.tech/v2"
    assert "s3cret-pw" not in repr(a)
    assert isinstance(a, Adapter) and a.dialect == "postgres"


# -- against the endpoint ---------------------------------------------------------------------


async def test_connect_and_first_query_are_one_flight(neon):
    name = app_name()
    a = neon.adapter(application_name=name)
    try:
        rs = await a.query(q("SELECT $1::int AS x, current_setting('application_name') AS app", 42))
        assert rs.rows == ((42, name),)
        assert a.stats.round_trips == 1
        (conn,) = await neon.connections(name)
        assert conn["frames_received"] == 1  # startup + password + Parse/Bind/Execute/Sync together
        await a.query(q("SELECT 2"))
        (conn,) = await neon.connections(name)  # the pooled socket was reused
        assert conn["frames_received"] == 2 and a.stats.round_trips == 2
    finally:
        await a.close()


async def test_values_of_every_type_round_trip(neon):
    a = neon.adapter()
    at = dt.datetime(2024, 2, 29, 23, 59, 58, 123456, tzinfo=UTC)
    try:
        rs = await a.query(q(
            "SELECT $1::int AS i, $2::bigint AS big, $3::numeric AS num, $4::text AS t, $5::bytea AS b, "
            "$6::bool AS flag, $7::timestamptz AS at, $8::date AS day, $9::jsonb AS doc, "
            "$10::float8 AS f, $11::text AS nothing, $12::uuid AS id",
            7, 2**62, Decimal("12345.678901"), "héllo ✓ 'quoted' \\ \n", b"\x00\xff\x10", True, at,
            dt.date(1999, 12, 31), json.dumps({"a": [1, None]}), 1.5, None,
            "5b8f1c22-54b3-4d56-9f6d-2a4d2b5b5a11",
        ))
        (row,) = rs.rows
        assert row[:8] == (7, 2**62, Decimal("12345.678901"), "héllo ✓ 'quoted' \\ \n", b"\x00\xff\x10", True, at,
                           dt.date(1999, 12, 31))
        assert json.loads(row[8]) == {"a": [1, None]}
        assert row[9] == 1.5 and row[10] is None
        assert str(row[11]) == "5b8f1c22-54b3-4d56-9f6d-2a4d2b5b5a11"
        assert rs.columns == ("i", "big", "num", "t", "b", "flag", "at", "day", "doc", "f", "nothing", "id")
    finally:
        await a.close()


async def test_batch_is_one_flight_and_all_or_nothing(neon):
    table = await make_table(neon, "ws_batch")
    name = app_name()
    a = neon.adapter(application_name=name)
    try:
        await a.query(q("SELECT 1"))
        a.stats.reset()
        results = await a.batch([
            q(f'INSERT INTO "{table}" VALUES ($1, $2)', 1, "a"),
            q(f'INSERT INTO "{table}" VALUES ($1, $2) RETURNING id', 2, "b"),
            q(f'SELECT count(*) FROM "{table}"'),
        ])
        assert [r.rows for r in results] == [(), ((2,),), ((2,),)]
        assert a.stats.round_trips == 1
        (conn,) = await neon.connections(name)
        assert conn["frames_received"] == 2
        with pytest.raises(UniqueConstraintError):
            await a.batch([q(f'INSERT INTO "{table}" VALUES ($1, $2)', 3, "c"),
                           q(f'INSERT INTO "{table}" VALUES ($1, $2)', 4, "a")])
        assert await neon.rows(f'SELECT id FROM "{table}" ORDER BY id') == [(1,), (2,)]
        assert (await a.query(q("SELECT 1"))).rows == ((1,),)  # the session survived the failure
    finally:
        await a.close()


async def test_interactive_transaction_commits(neon):
    table = await make_table(neon, "ws_tx")
    a = neon.adapter()
    try:
        async with a.transaction(isolation="Serializable") as tx:
            await tx.query(q(f'INSERT INTO "{table}" VALUES (1, $1)', "one"))
            assert (await tx.query(q(f'SELECT name FROM "{table}"'))).rows == (("one",),)
            assert await neon.rows(f'SELECT * FROM "{table}"') == []  # not visible outside yet
            assert [r.rows for r in await tx.batch([q("SELECT 1"), q("SELECT 2")])] == [((1,),), ((2,),)]
        assert await neon.rows(f'SELECT id, name FROM "{table}"') == [(1, "one")]
    finally:
        await a.close()


async def test_transaction_rolls_back_on_exception(neon):
    table = await make_table(neon, "ws_tx_rb")
    a = neon.adapter()
    try:
        with pytest.raises(RuntimeError, match="boom"):
            async with a.transaction() as tx:
                await tx.query(q(f'INSERT INTO "{table}" VALUES (1, $1)', "one"))
                raise RuntimeError("boom")
        with pytest.raises(UniqueConstraintError):
            async with a.transaction() as tx:
                await tx.query(q(f'INSERT INTO "{table}" VALUES (2, $1)', "x"))
                await tx.query(q(f'INSERT INTO "{table}" VALUES (3, $1)', "x"))
        assert await neon.rows(f'SELECT * FROM "{table}"') == []
    finally:
        await a.close()


async def test_transaction_timeout_rolls_back_with_a_clear_error(neon):
    table = await make_table(neon, "ws_tx_to")
    a = neon.adapter()
    try:
        with pytest.raises(TimeoutError, match="rolled back"):
            async with a.transaction(timeout=0.3) as tx:
                await tx.query(q(f'INSERT INTO "{table}" VALUES (1, $1)', "one"))
                await tx.query(q("SELECT pg_sleep(5)"))
        assert await neon.rows(f'SELECT * FROM "{table}"') == []
        assert (await a.query(q("SELECT 1"))).rows == ((1,),)
    finally:
        await a.close()


# each cut point: how many statements of the transaction ran before the socket was cut
STEPS = ["SELECT 1", "INSERT a", "INSERT b", "UPDATE a"]


@pytest.mark.parametrize("cut_after", range(len(STEPS) + 1), ids=[
    "before-anything", "after-BEGIN", "after-insert-a", "after-insert-b", "before-COMMIT"])
async def test_a_cut_socket_leaves_no_partial_write(neon, cut_after):
    table = await make_table(neon, "ws_cut")
    name = app_name()
    a = neon.adapter(application_name=name)
    statements = {
        "SELECT 1": q("SELECT 1"),  # BEGIN rides with the first statement: after it, BEGIN is open
        "INSERT a": q(f'INSERT INTO "{table}" VALUES (1, $1)', "a"),
        "INSERT b": q(f'INSERT INTO "{table}" VALUES (2, $1)', "b"),
        "UPDATE a": q(f'UPDATE "{table}" SET name = $1 WHERE id = 1', "a2"),
    }
    try:
        await a.query(q("SELECT 1"))  # an open pooled socket, so "before-anything" cuts a live one
        with pytest.raises(ConnectionError) as e:
            async with a.transaction() as tx:
                for i, step in enumerate(STEPS):
                    if i == cut_after:
                        assert await neon.cut(name) == 1
                    await tx.query(statements[step])
                if cut_after == len(STEPS):
                    assert await neon.cut(name) == 1
        message = str(e.value)
        assert "not committed" in message or "COMMIT" in message
        assert await neon.rows(f'SELECT * FROM "{table}"') == []
        assert (await a.query(q("SELECT 7"))).rows == ((7,),)  # a new socket takes over
    finally:
        await a.close()


async def test_a_socket_closed_while_idle_is_replaced(neon):
    name = app_name()
    a = neon.adapter(application_name=name)
    try:
        await a.query(q("SELECT 1"))
        assert await neon.cut(name) == 1
        await asyncio.sleep(0.2)  # the client notices the closed socket
        assert (await a.query(q("SELECT 2"))).rows == ((2,),)
    finally:
        await a.close()


async def test_1000_concurrent_queries_with_flat_memory(neon):
    name = app_name()
    a = neon.adapter(pool_size=8, application_name=name)

    async def burst() -> None:
        results = await asyncio.gather(*(a.query(q("SELECT $1::int AS n, repeat('x', 100) AS pad", i))
                                         for i in range(1000)))
        assert [r.rows[0][0] for r in results] == list(range(1000))

    try:
        tracemalloc.start()
        try:
            await burst()  # opens the pool's sockets, fills caches
            growth = []  # what each further burst leaves behind
            for _ in range(2):
                gc.collect()
                settled = tracemalloc.get_traced_memory()[0]
                await burst()
                gc.collect()
                growth.append(tracemalloc.get_traced_memory()[0] - settled)
        finally:
            tracemalloc.stop()
        # a leak grows with every burst; a one-off (asyncio resizing its task set) only once
        assert min(growth) < 128 * 1024, f"memory grew by {growth} bytes over each 1000 more queries"  # < 128 B a query
        conns = await neon.connections(name)
        assert 1 <= len(conns) <= 8  # the pool bounds the sockets
    finally:
        await a.close()


async def test_wrong_password_is_an_authentication_error_without_the_password(neon):
    url = neon.t.database_url
    secret = "wr0ng-Pa55word-xyz"
    user_part, host_part = url.split("@", 1)
    bad = f"{user_part.rsplit(':', 1)[0]}:{secret}@{host_part}"
    a = neon.adapter(url=bad)
    try:
        with pytest.raises(AuthenticationError) as e:
            await a.query(q("SELECT 1"))
        assert e.value.meta.get("db_code") == "28P01"
        assert "password authentication failed" in str(e.value)
        for text in (str(e.value), repr(e.value), repr(a)):
            assert secret not in text
    finally:
        await a.close()


async def test_queries_after_close_are_refused(neon):
    a = neon.adapter()
    await a.query(q("SELECT 1"))
    await a.close()
    with pytest.raises(ClientError, match="closed"):
        await a.query(q("SELECT 1"))


async def test_unreachable_proxy_is_a_connection_error(neon):
    a = NeonWsAdapter(neon.t.database_url, ws_proxy="127.0.0.1:1/v2", timeout=10)
    try:
        with pytest.raises(ConnectionError) as e:
            await a.query(q("SELECT 1"))
        assert not isinstance(e.value, (AuthenticationError, TimeoutError))
    finally:
        await a.close()


# -- the endpoint's WebSocket side, byte by byte (CPython: a raw `websockets` client) ----------


def _pg_pipelined(neon: WsTarget):  # noqa: ANN202
    """A pgwire client machine and its first flight: startup + password + a query + Sync."""
    from urllib.parse import unquote, urlsplit

    from prisma_edge.fetch_adapters.protocols.pgwire import PgConnection

    p = urlsplit(neon.t.database_url)
    conn = PgConnection(unquote(p.username), p.path.lstrip("/"), unquote(p.password))
    flight = conn.startup(pipeline_auth="cleartext") + conn.send_query("SELECT $1::text || 'b'", ["a"]) + conn.sync()
    return conn, flight


async def _answer(conn, ws) -> list:  # noqa: ANN001
    from prisma_edge.fetch_adapters.protocols.pgwire import NEED_DATA, CommandComplete, DataRow, ReadyForQuery

    got = []
    while True:
        ev = conn.next_event()
        if ev is NEED_DATA:
            conn.receive_data(await ws.recv())
        elif isinstance(ev, DataRow):
            got.append(tuple(v.decode() for v in ev.values))
        elif isinstance(ev, CommandComplete):
            got.append(ev.tag)
        elif isinstance(ev, ReadyForQuery) and conn.pending == 0:
            return got


@pytest.mark.no_pyodide("a raw WebSocket client from the websockets package")
async def test_endpoint_takes_postgres_bytes_cut_anywhere(neon):
    from websockets.asyncio.client import connect

    conn, flight = _pg_pipelined(neon)
    async with connect(f"ws://{neon.ws_proxy}", compression=None) as ws:
        for i in range(0, len(flight), 7):  # 7-byte messages: every PostgreSQL message is split
            await ws.send(flight[i : i + 7])
        assert await _answer(conn, ws) == [("ab",), "SELECT 1"]
        # one message as fragments (continuation frames), and a ping in between
        more = conn.send_query("SELECT 'c'") + conn.sync()
        await ws.send([more[:3], more[3:10], more[10:]])
        pong = await ws.ping(b"hi")
        assert await _answer(conn, ws) == [("c",), "SELECT 1"]
        await asyncio.wait_for(pong, 5)


@pytest.mark.no_pyodide("a raw WebSocket client from the websockets package")
async def test_endpoint_refuses_text_frames_and_bad_handshakes(neon):
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed, InvalidStatus

    async with connect(f"ws://{neon.ws_proxy}", compression=None) as ws:
        await ws.send("SELECT 1")
        with pytest.raises(ConnectionClosed) as e:
            await ws.recv()
        assert e.value.rcvd is not None and e.value.rcvd.code == 1003
    with pytest.raises(InvalidStatus) as bad:
        async with connect(f"ws://{neon.ws_proxy}", compression=None,
                           additional_headers={"Sec-WebSocket-Version": "8"}):
            pass
    assert bad.value.response.status_code in (400, 426)
