"""NeonHttpAdapter <-> local Neon endpoint <-> real PostgreSQL (one throwaway database per module).

Under Pyodide these run through JS fetch when a runner provides the endpoint (see
tests/support/endpoints.py); tests that need psycopg, sockets or a second endpoint are marked
`no_pyodide`. `MockFetch` appears only for what the real endpoint cannot be made to do (a 5xx, a
body that is not JSON, a cut-short body).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sys
import uuid
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisma_edge.errors import (
    AuthenticationError,
    ClientError,
    ConnectionError,
    DatabaseError,
    ForeignKeyError,
    NullConstraintError,
    ProtocolError,
    UniqueConstraintError,
    UnsupportedError,
    ValueTooLongError,
)
from prisma_edge.fetch_adapters.base import Adapter, ColumnType, Query
from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter, derive_endpoint
from prisma_edge.fetch_adapters.transports.fetch import FetchResponse, MockFetch, check_url, default_fetch
from tests.support.endpoints import neon_target, unique

IN_PYODIDE = sys.platform == "emscripten"
# a browser shows a cross-origin response only its CORS-safelisted headers; Node and CPython show all
ALL_HEADERS_VISIBLE = not IN_PYODIDE or os.environ.get("PRISMA_EDGE_RUNTIME") == "pyodide-node"
UTC = dt.UTC


@pytest.fixture(scope="module")
def neon():
    """The local Neon endpoint over a throwaway database (or the runner's, under Pyodide)."""
    with neon_target() as target:
        yield target


def q(sql: str, *params: object) -> Query:
    return Query(sql, tuple(params))


async def _raw(target, body, headers=None, *, method="POST", path="/sql"):
    """Post to the endpoint as any client would; returns (status, headers, parsed JSON or text)."""
    hdrs = {"Neon-Connection-String": target.database_url, "Neon-Raw-Text-Output": "true",
            "Neon-Array-Mode": "true", **(headers or {})} if method == "POST" else {}
    url = target.url.rsplit("/", 1)[0] + path
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    resp = await default_fetch()(method, url, hdrs, data, timeout=30)
    try:
        parsed = json.loads(resp.body) if resp.body else None
    except ValueError:
        parsed = resp.text()
    return resp.status, resp.headers, parsed


# -- values ---------------------------------------------------------------------------------------

async def test_every_type_round_trips(neon):
    db = neon.adapter()
    t, mood = unique("types"), unique("mood")
    all_bytes = bytes(range(256))
    text = "héllo wörld ✓ 日本語 🎉 \"quotes\" 'single' back\\slash\nnew\tline e\u0301"
    big = Decimal("-123456789012345678901234567890.123456789012345678901234567890")
    ts = dt.datetime(2024, 2, 29, 23, 59, 59, 123456, tzinfo=UTC)
    u = uuid.uuid4()
    await db.batch([
        q(f"CREATE TYPE {mood} AS ENUM ('happy', 'sad')"),
        q(f"""CREATE TABLE {t} (
            id int PRIMARY KEY, i2 smallint, i4 integer, i8 bigint, f4 real, f8 double precision,
            num numeric, b boolean, txt text, vc varchar(200), ch char(3), by bytea,
            ts timestamp(6), tstz timestamptz, d date, tm time, tmtz timetz, j json, jb jsonb,
            u uuid, ints int[], texts text[], e {mood})"""),
    ])
    row = (
        1, -32768, 2147483647, 9223372036854775807, 1.5, -1.0000000000000002, big, True, text, "vc",
        "ab", all_bytes, ts, ts, dt.date(2000, 1, 1), dt.time(13, 14, 15, 16),
        dt.time(1, 2, 3, tzinfo=dt.timezone(dt.timedelta(hours=-5))), '{"a": [1, 2.5, "x"]}', '{"k": null}',
        u, [1, None, -3], ['a"b', None, "NULL", "c,d", "{}", ""], "sad",
    )
    placeholders = ", ".join(f"${i}" for i in range(1, len(row) + 1))
    ins = await db.query(Query(f"INSERT INTO {t} VALUES ({placeholders})", row))
    assert ins.rows_affected == 1
    await db.query(Query(f"INSERT INTO {t} (id) VALUES ($1)", (2,)))
    rs = await db.query(q(f"SELECT * FROM {t} ORDER BY id"))
    got, nulls = rs.rows
    expected = list(row)
    expected[4] = 1.5
    expected[10] = "ab "  # char(3) pads
    expected[17] = '{"a": [1, 2.5, "x"]}'  # json keeps its text
    expected[18] = '{"k": null}'
    expected[19] = str(u)
    assert list(got) == expected
    assert got[11] == all_bytes and got[8] == text and got[6] == big
    assert nulls == (2,) + (None,) * (len(row) - 1)
    types = dict(zip(rs.columns, rs.column_types, strict=True))
    assert types["i4"] == ColumnType.INT and types["i8"] == ColumnType.BIGINT
    assert types["num"] == ColumnType.DECIMAL and types["by"] == ColumnType.BYTES
    assert types["tstz"] == ColumnType.DATETIME and types["j"] == ColumnType.JSON
    assert types["u"] == ColumnType.UUID and types["e"] == ColumnType.TEXT


async def test_special_floats_and_numerics(neon):
    db = neon.adapter()
    rs = await db.query(q("SELECT $1::float8 a, $2::float8 b, $3::float8 c, $4::numeric d, $5::numeric e",
                          float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("1E+30")))
    a, b, c, d, e = rs.rows[0]
    assert a != a and b == float("inf") and c == float("-inf")
    assert d.is_nan() and e == Decimal(10**30)


async def test_timestamps_are_utc(neon):
    """The session runs in UTC: timestamptz comes back +00, timestamp without zone is read as UTC."""
    db = neon.adapter()
    local = dt.datetime(2024, 6, 1, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    rs = await db.query(q("SELECT $1::timestamptz a, $1::timestamptz::text b, $2::timestamp c, "
                          "current_setting('TimeZone') tz", local, dt.datetime(2024, 6, 1, 12, 30)))
    a, b, c, tz = rs.rows[0]
    assert a == dt.datetime(2024, 6, 1, 12, 30, tzinfo=UTC) and a.utcoffset() == dt.timedelta(0)
    assert b == "2024-06-01 12:30:00+00"
    assert c == dt.datetime(2024, 6, 1, 12, 30, tzinfo=UTC)
    assert tz == "UTC"


async def test_untyped_parameter_is_text_like_on_neon(neon):
    """Parameters travel as text of unknown type: `SELECT $1` is a text column."""
    rs = await neon.adapter().query(q("SELECT $1 AS a, $2 AS b", 42, True))
    assert rs.rows == (("42", "true"),)
    assert rs.column_types == (ColumnType.TEXT, ColumnType.TEXT)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00")), min_size=1, max_size=20))
def test_any_text_round_trips(neon, texts):
    async def run():
        db = neon.adapter()
        rs = await db.batch([q("SELECT $1::text, $2::text[]", s, [s, None]) for s in texts])
        assert [r.rows[0] for r in rs] == [(s, [s, None]) for s in texts]

    asyncio.run(run())


async def test_unencodable_text_is_refused_before_sending(neon):
    """A lone surrogate has no UTF-8 form (PostgreSQL could not store it): a ClientError, no request."""
    db = neon.adapter()
    with pytest.raises(ClientError, match="serialise"):
        await db.query(q("SELECT $1::text", "\ud800"))
    assert db.stats.round_trips == 0


# -- round trips ------------------------------------------------------------------------------------

async def test_one_request_per_query_and_per_batch(neon):
    db = neon.adapter()
    t = unique("rt")
    await db.query(q(f"CREATE TABLE {t} (id int PRIMARY KEY, name text)"))
    before = await neon.request_count()
    db.stats.reset()
    await db.query(q(f"INSERT INTO {t} VALUES ($1, $2)", 1, "a"))
    assert await neon.request_count() == before + 1
    results = await db.batch([q(f"INSERT INTO {t} VALUES ($1, $2)", i, f"n{i}") for i in range(2, 12)]
                             + [q(f"SELECT count(*) FROM {t}")])
    assert await neon.request_count() == before + 2
    assert results[-1].rows == ((11,),)
    assert (db.stats.round_trips, db.stats.statements) == (2, 12)


async def test_empty_batch_sends_nothing(neon):
    db = neon.adapter()
    before = await neon.request_count()
    assert await db.batch([]) == []
    assert await neon.request_count() == before
    assert db.stats.round_trips == 0


async def test_rows_affected_and_commands(neon):
    db = neon.adapter()
    t = unique("cnt")
    created = await db.query(q(f"CREATE TABLE {t} (id int)"))
    assert created.rows_affected == 0 and created.columns == ()
    ins = await db.query(q(f"INSERT INTO {t} SELECT generate_series(1, 5)"))
    upd = await db.query(q(f"UPDATE {t} SET id = id + 10 WHERE id > $1", 2))
    ret = await db.query(q(f"DELETE FROM {t} WHERE id > $1 RETURNING id", 13))
    assert (ins.rows_affected, upd.rows_affected, ret.rows_affected) == (5, 3, 2)
    assert sorted(ret.rows) == [(14,), (15,)]


async def test_concurrent_queries(neon):
    db = neon.adapter()
    results = await asyncio.gather(*(db.query(q("SELECT $1::int * 2", i)) for i in range(12)))
    assert [r.rows[0][0] for r in results] == [i * 2 for i in range(12)]


async def test_no_session_state_leaks_between_requests(neon):
    db = neon.adapter()
    await db.query(q("SELECT set_config('prisma_edge.marker', 'leaked', false)"))
    await db.query(q("SET TIME ZONE 'Asia/Tokyo'"))
    for _ in range(4):  # whichever pooled connection answers
        rs = await db.query(q("SELECT current_setting('prisma_edge.marker', true), current_setting('TimeZone')"))
        assert rs.rows[0][0] in (None, "") and rs.rows[0][1] == "UTC"


async def test_endpoint_survives_its_connections_being_killed(neon):
    """Pooled connections the server closed (restart, pg_terminate_backend) are replaced, not reported."""
    db = neon.adapter()
    await asyncio.gather(*(db.query(q("SELECT pg_sleep(0.2)")) for _ in range(6)))  # fill the pool
    others = ("FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
              "AND backend_type = 'client backend'")
    await db.query(q(f"SELECT count(pg_terminate_backend(pid)) {others}"))
    for _ in range(100):  # until the server has closed them (asynchronous)
        if (await db.query(q(f"SELECT count(*) {others}"))).rows == ((0,),):
            break
        await asyncio.sleep(0.05)
    results = await asyncio.gather(*(db.query(q("SELECT $1::int", i)) for i in range(6)))
    assert [r.rows for r in results] == [((i,),) for i in range(6)]


# -- batches ----------------------------------------------------------------------------------------

async def test_batch_is_atomic(neon):
    db = neon.adapter()
    t = unique("atomic")
    await db.query(q(f"CREATE TABLE {t} (id int PRIMARY KEY)"))
    with pytest.raises(UniqueConstraintError) as info:
        await db.batch([q(f"INSERT INTO {t} VALUES (1)"), q(f"INSERT INTO {t} VALUES (2)"),
                        q(f"INSERT INTO {t} VALUES (1)")])
    assert info.value.fields == ("id",)
    assert (await db.query(q(f"SELECT count(*) FROM {t}"))).rows == ((0,),)


async def test_batch_isolation_and_read_only(neon):
    db = neon.adapter()
    rs = await db.batch([q("SELECT current_setting('transaction_isolation')"), q("SELECT 1")],
                        isolation="Serializable")
    assert rs[0].rows == (("serializable",),)
    t = unique("ro")
    await db.query(q(f"CREATE TABLE {t} (id int)"))
    with pytest.raises(DatabaseError) as info:
        await db.batch([q(f"INSERT INTO {t} VALUES (1)")], read_only=True)
    assert info.value.db_code == "25006"
    rs = await db.batch([q("SELECT current_setting('transaction_read_only')")], read_only=True,
                        isolation="RepeatableRead")
    assert rs[0].rows == (("on",),)
    with pytest.raises(UnsupportedError, match="Snapshot"):
        await db.batch([q("SELECT 1")], isolation="Snapshot")


def test_interactive_transactions_are_unsupported_over_http():
    db = NeonHttpAdapter("postgresql://u:p@ep-x.eu.aws.neon.tech/db", fetch=MockFetch(lambda r: None))
    with pytest.raises(UnsupportedError) as info:
        db.transaction()
    assert "WebSocket" in str(info.value) and "batch" in str(info.value)
    assert isinstance(db, Adapter)


# -- errors from PostgreSQL ------------------------------------------------------------------------

async def test_constraint_errors_map_to_prisma_codes(neon):
    db = neon.adapter()
    users, posts = unique("users"), unique("posts")
    await db.batch([
        q(f'CREATE TABLE {users} (id int PRIMARY KEY, email text UNIQUE NOT NULL, "orgId" int, slug varchar(5), '
          f'UNIQUE ("orgId", slug))'),
        q(f'CREATE TABLE {posts} (id int PRIMARY KEY, "authorId" int NOT NULL '
          f'CONSTRAINT {posts}_author_fkey REFERENCES {users}(id))'),
        q(f"INSERT INTO {users} VALUES (1, 'a@x.io', 7, 'abc')"),
    ])
    with pytest.raises(UniqueConstraintError) as unique_err:
        await db.query(q(f"INSERT INTO {users} VALUES ($1, $2, $3, $4)", 2, "a@x.io", 8, "z"))
    assert unique_err.value.code == "P2002" and unique_err.value.fields == ("email",)
    assert "a@x.io" not in str(unique_err.value)
    with pytest.raises(UniqueConstraintError) as composite:
        await db.query(q(f"INSERT INTO {users} VALUES ($1, $2, $3, $4)", 3, "b@x.io", 7, "abc"))
    assert composite.value.fields == ("orgId", "slug")
    with pytest.raises(ForeignKeyError) as fk:
        await db.query(q(f"INSERT INTO {posts} VALUES ($1, $2)", 1, 99))
    assert fk.value.code == "P2003" and fk.value.field == f"{posts}_author_fkey"
    assert fk.value.meta["columns"] == ("authorId",)
    with pytest.raises(NullConstraintError) as nn:
        await db.query(q(f"INSERT INTO {users} (id) VALUES ($1)", 4))
    assert nn.value.code == "P2011" and nn.value.meta["target"] == ("email",)
    with pytest.raises(ValueTooLongError) as long:
        await db.query(q(f"INSERT INTO {users} VALUES ($1, $2, $3, $4)", 5, "c@x.io", 1, "toolong"))
    assert long.value.code == "P2000"


async def test_sql_errors_keep_the_sqlstate(neon):
    db = neon.adapter()
    with pytest.raises(DatabaseError) as missing:
        await db.query(q("SELECT * FROM no_such_table_here"))
    assert missing.value.db_code == "42P01" and missing.value.meta["prisma_code"] == "P2021"
    with pytest.raises(DatabaseError) as multi:  # one statement per query, like Neon
        await db.query(q("SELECT 1; SELECT 2"))
    assert multi.value.db_code == "42601"
    with pytest.raises(DatabaseError) as nul:
        await db.query(q("SELECT $1::text", "a\x00b"))
    assert nul.value.db_code == "22021"


async def test_wrong_password_is_an_authentication_error_without_the_password(neon):
    good = neon.database_url
    secret = "Wr0ng-Pa55word-xyz"
    user_part, host_part = good.split("://", 1)[1].split("@", 1)
    bad_url = f"postgresql://{user_part.split(':')[0]}:{secret}@{host_part}"
    db = neon.adapter(url=bad_url)
    with pytest.raises(AuthenticationError) as info:
        await db.query(q("SELECT 1"))
    err = info.value
    assert err.code == "P1000"
    for text in (str(err), repr(err), repr(err.meta), repr(db)):
        assert secret not in text and bad_url not in text
    assert good.split(":")[2].split("@")[0] not in repr(neon.adapter())  # nor the good one


async def test_unknown_database(neon):
    url = neon.database_url.rsplit("/", 1)[0] + "/no_such_db_" + uuid.uuid4().hex[:6]
    with pytest.raises(DatabaseError) as info:
        await neon.adapter(url=url).query(q("SELECT 1"))
    assert info.value.db_code == "3D000" and info.value.meta["prisma_code"] == "P1003"


# -- HTTP failures ------------------------------------------------------------------------------

def _closed_port() -> int:
    if IN_PYODIDE:
        return 1  # tcpmux: nothing listens there
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_endpoint_down_is_a_connection_error(neon):
    db = neon.adapter()
    db.endpoint = f"http://127.0.0.1:{_closed_port()}/sql"
    with pytest.raises(ConnectionError) as info:
        await db.query(q("SELECT 1"))
    assert type(info.value) is ConnectionError
    assert neon.database_url not in str(info.value)


async def test_request_and_response_size_limits(neon):
    """The endpoint's 10 MiB limits: 413 for the request, 507 for the response; and our own cap."""
    db = neon.adapter()
    with pytest.raises(ClientError, match="413"):
        await db.query(q("SELECT length($1)", "x" * (10 * 1024 * 1024 + 10)))
    with pytest.raises(DatabaseError, match="507"):
        await db.query(q("SELECT repeat('y', 11 * 1024 * 1024)"))
    small = neon.adapter(max_response_bytes=10_000)
    with pytest.raises(ProtocolError, match="max_response_bytes"):
        await small.query(q("SELECT repeat('z', 20000)"))
    assert (await small.query(q("SELECT repeat('z', 100)"))).rows == (("z" * 100,),)


def _mock(status: int, body: bytes, headers: dict | None = None) -> NeonHttpAdapter:
    fetch = MockFetch(lambda req: FetchResponse(status, headers or {"content-type": "application/json"}, body))
    return NeonHttpAdapter("postgresql://u:s3cr3t-pw@ep-x-1.eu.aws.neon.tech/db", fetch=fetch)


@pytest.mark.parametrize(
    ("status", "body", "cls", "text"),
    [
        (500, b'{"message": "Couldn\'t connect to compute node", "code": ""}', ConnectionError, "HTTP status 500"),
        (503, b"upstream unavailable", ConnectionError, "HTTP status 503"),
        (504, b"", ConnectionError, "HTTP status 504"),
        (429, b'{"msg": "rate limited"}', ConnectionError, "rate limited"),
        (401, b"{}", AuthenticationError, "401"),
        (400, b"<html>bad</html>", ProtocolError, "HTTP status 400"),
        (200, b"{not json", ProtocolError, "not JSON"),
        (200, b'{"rows": "nope"}', ProtocolError, "rows"),
        (200, b'{"fields": [{"name": "a", "dataTypeID": 23}], "rows": [["x"]]}', ProtocolError, "row"),
        (302, b"", ProtocolError, "302"),
    ],
)
async def test_http_failures_give_typed_errors(status, body, cls, text):
    with pytest.raises(cls, match=text) as info:
        await _mock(status, body).query(q("SELECT 1"))
    assert "s3cr3t-pw" not in str(info.value)


async def test_server_echoing_the_connection_string_is_redacted():
    body = json.dumps({"message": "bad postgresql://u:s3cr3t-pw@ep-x-1.eu.aws.neon.tech/db", "code": "XX000"})
    with pytest.raises(DatabaseError) as info:
        await _mock(400, body.encode()).query(q("SELECT 1"))
    assert "s3cr3t-pw" not in str(info.value) and info.value.db_code == "XX000"


async def test_batch_result_count_is_checked():
    body = json.dumps({"results": [{"fields": [], "rows": [], "rowCount": 0}]}).encode()
    with pytest.raises(ProtocolError, match="batch"):
        await _mock(200, body).batch([q("SELECT 1"), q("SELECT 2")])


@pytest.mark.no_pyodide("needs a raw socket server that lies about Content-Length")
async def test_cut_short_body_is_a_protocol_error():
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"rows\":")
            # close our side cleanly and drain: closing with unread input would send a reset
            conn.shutdown(socket.SHUT_WR)
            conn.settimeout(2)
            try:
                while conn.recv(65536):
                    pass
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        db = NeonHttpAdapter("postgresql://u:pw123456@h.example.com/db",
                             endpoint=f"http://127.0.0.1:{server.getsockname()[1]}/sql")
        with pytest.raises(ProtocolError, match="cut short"):
            await db.query(q("SELECT 1"))
    finally:
        thread.join(5)
        server.close()


async def test_timeout_is_a_timeout_error(neon):
    from prisma_edge.errors import TimeoutError as FetchTimeout

    db = neon.adapter(timeout=0.3)
    with pytest.raises(FetchTimeout):
        await db.query(q("SELECT pg_sleep(3)"))


async def test_cancelling_the_task_cancels_the_request(neon):
    db = neon.adapter()
    task = asyncio.ensure_future(db.query(q("SELECT pg_sleep(2)")))
    await asyncio.sleep(0.2)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


# -- URLs ---------------------------------------------------------------------------------------

def test_plain_http_only_to_loopback():
    url = "postgresql://u:pw@ep-x-1.us-east-2.aws.neon.tech/db"
    with pytest.raises(ClientError, match="https"):
        NeonHttpAdapter(url, endpoint="http://db.example.com/sql")
    with pytest.raises(ClientError, match="https"):
        NeonHttpAdapter(url, endpoint="http://10.0.0.7:4444/sql")
    for ok in ("http://127.0.0.1:4444/sql", "http://127.9.9.9/sql", "http://localhost:1/sql",
               "http://[::1]:4444/sql", "https://db.example.com/sql"):
        check_url(ok)
        assert NeonHttpAdapter(url, endpoint=ok).endpoint == ok


async def test_transports_refuse_plain_http_too():
    with pytest.raises(ClientError, match="https"):
        await default_fetch()("POST", "http://example.com/sql", {}, b"")


def test_endpoint_derived_from_the_host_like_the_js_driver():
    assert derive_endpoint("ep-cool-1.us-east-2.aws.neon.tech") == "https://api.us-east-2.aws.neon.tech/sql"
    assert derive_endpoint("ep-cool-1.us-east-2.aws.neon.tech", jwt_auth=True) == (
        "https://apiauth.us-east-2.aws.neon.tech/sql")
    for host in ("127.0.0.1", "localhost", "db"):
        with pytest.raises(ClientError, match="endpoint="):
            derive_endpoint(host)


@pytest.mark.parametrize("bad", ["mysql://u:p@h/db", "postgresql://h/db", "postgresql://u:p@h/", "not a url"])
def test_bad_connection_strings(bad):
    with pytest.raises(ClientError):
        NeonHttpAdapter(bad, endpoint="https://x.example/sql")


async def test_request_matches_the_official_driver():
    one = {"fields": [{"name": "a", "dataTypeID": 25}], "rows": [["x"]], "rowCount": 1, "command": "SELECT"}
    fetch = MockFetch(lambda req: FetchResponse(200, {}, json.dumps(
        {"results": [one]} if "queries" in req.json() else one).encode()))
    db = NeonHttpAdapter("postgres://us%40er:p%2Fw@ep-x-1.eu-central-1.aws.neon.tech/my%20db?sslmode=require",
                         fetch=fetch, auth_token="jwt.tok.en")
    await db.query(q("SELECT $1, $2, $3, $4", 1, True, None, b"\x01"))
    await db.batch([q("SELECT 1")], isolation="ReadCommitted", read_only=True)
    single, batch = fetch.requests
    assert single.method == "POST" and single.url == "https://apiauth.eu-central-1.aws.neon.tech/sql"
    h = single.headers
    assert h["Neon-Connection-String"] == (
        "postgresql://us%40er:p%2Fw@ep-x-1.eu-central-1.aws.neon.tech/my%20db?sslmode=require"
        "&application_name=prisma-edge%2F0.1.0")
    assert (h["Neon-Raw-Text-Output"], h["Neon-Array-Mode"], h["Authorization"]) == ("true", "true", "Bearer jwt.tok.en")
    assert single.json() == {"query": "SELECT $1, $2, $3, $4", "params": ["1", "true", None, "\\x01"]}
    assert batch.json() == {"queries": [{"query": "SELECT 1", "params": []}]}
    assert batch.headers["Neon-Batch-Isolation-Level"] == "ReadCommitted"
    assert batch.headers["Neon-Batch-Read-Only"] == "true"
    assert "p%2Fw" not in repr(db) and "p/w" not in repr(db) and "p%2Fw" not in repr(single)


# -- the endpoint itself, as any HTTP client sees it (protocols.md test-server checklist) ------

async def test_endpoint_response_shape(neon):
    status, headers, body = await _raw(neon, {"query": "SELECT 1::int8 AS a, NULL::text AS b", "params": []})
    assert status == 200
    assert headers["content-type"] == "application/json"
    if ALL_HEADERS_VISIBLE:
        assert headers["access-control-allow-origin"] == "*"
        assert len(headers["neon-request-id"]) == 36
    assert body["command"] == "SELECT" and body["rowCount"] == 1 and body["rowAsArray"] is True
    assert body["rows"] == [["1", None]]
    assert body["fields"][0] == {"name": "a", "dataTypeID": 20, "tableID": 0, "columnID": 0, "dataTypeSize": 8,
                                 "dataTypeModifier": -1, "format": "text"}


async def test_endpoint_commands_and_typed_output(neon):
    t = unique("shape")
    status, _, body = await _raw(neon, {"query": f"CREATE TABLE {t} (id int, ok bool, j jsonb, f float8)"})
    assert (status, body["command"], body["rowCount"], body["fields"]) == (200, "CREATE", None, [])
    status, _, body = await _raw(neon, {"query": f"INSERT INTO {t} VALUES (1, true, '[1]', 'NaN')"})
    assert (body["command"], body["rowCount"]) == ("INSERT", 1)
    status, _, body = await _raw(neon, {"query": f"SELECT * FROM {t}", "arrayMode": False},
                                 {"Neon-Raw-Text-Output": "false"})
    assert body["rows"] == [{"id": 1, "ok": True, "j": [1], "f": "NaN"}] and body["rowAsArray"] is False
    _, _, body = await _raw(neon, {"query": "SELECT $1::int[] a, $2::text b", "params": [[1, None, 3], 5]},
                            {"Neon-Raw-Text-Output": "no"})
    assert body["rows"] == [[[1, None, 3], "5"]]  # raw JSON params accepted too


async def test_endpoint_batch_and_its_headers(neon):
    status, headers, body = await _raw(
        neon, {"queries": [{"query": "SELECT 1"}, {"query": "SELECT $1::text x", "params": ["y"]}]},
        {"Neon-Batch-Isolation-Level": "RepeatableRead", "Neon-Batch-Read-Only": "true"},
    )
    assert status == 200 and [r["rows"] for r in body["results"]] == [[["1"]], [["y"]]]
    if ALL_HEADERS_VISIBLE:
        assert headers["neon-batch-isolation-level"] == "RepeatableRead"
        assert headers["neon-batch-read-only"] == "true"
    status, _, body = await _raw(neon, {"queries": [{"query": "SELECT 1"}]},
                                 {"Neon-Batch-Isolation-Level": "Chaos"})
    assert (status, body["message"], body["code"]) == (400, "invalid isolation level", "")


async def test_endpoint_error_shape(neon):
    status, _, body = await _raw(neon, {"query": "SELECT 1/0"})
    assert status == 400
    assert list(body) == ["message", "code", "detail", "hint", "position", "internalPosition", "internalQuery",
                          "severity", "where", "table", "column", "schema", "dataType", "constraint", "file",
                          "line", "routine"]
    assert (body["message"], body["code"], body["severity"]) == ("division by zero", "22012", "ERROR")
    status, _, body = await _raw(neon, b"{nope")
    assert status == 400 and body["message"].startswith("could not parse the HTTP request body")
    status, _, body = await _raw(neon, {"query": "SELECT 1"}, {"Neon-Connection-String": "mysql://a:b@c/d"})
    assert (status, body["message"]) == (400, "incorrect scheme")


async def test_endpoint_routes_and_preflight(neon):
    status, _, body = await _raw(neon, b"", method="GET", path="/")
    assert (status, body) == (400, "query is not supported")
    status, headers, _ = await _raw(neon, b"", method="OPTIONS")
    assert status == 200
    if ALL_HEADERS_VISIBLE:
        assert headers["allow"] == "OPTIONS, POST"
        assert "Neon-Connection-String" in headers["access-control-allow-headers"]
