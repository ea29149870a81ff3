"""PlanetScaleAdapter <-> local PlanetScale endpoint <-> real MariaDB.

Runs in CPython (the endpoint starts in-process over a throwaway database) and in Pyodide (the
runner starts the endpoint outside and passes `PRISMA_EDGE_PLANETSCALE_URL`, see
tests/support/ps_endpoint.py). Only the HTTP failure modes a real server cannot be made to produce
(bad JSON, truncated or oversized bodies, 5xx) use `MockFetch`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from decimal import Decimal

import pytest

from prisma_edge.errors import (
    AuthenticationError,
    ClientError,
    ConnectionError,
    DatabaseError,
    ForeignKeyError,
    NullConstraintError,
    PrismaEdgeError,
    ProtocolError,
    TransactionExpiredError,
    UniqueConstraintError,
    ValueTooLongError,
    WriteConflictError,
)
from prisma_edge.fetch_adapters.base import Adapter, ColumnType, Query
from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
from prisma_edge.fetch_adapters.protocols.mysql.errors import error_from_mysql, split_vitess_message
from prisma_edge.fetch_adapters.protocols.mysql.types import field_decoder, parse_datetime, parse_time
from prisma_edge.fetch_adapters.transports.fetch import FetchResponse, MockFetch, default_fetch
from tests.support.ps_endpoint import planetscale, table_suffix  # noqa: F401 - fixture

SFX = table_suffix()
ITEM, USER, POST, TYPES = f"ps_item_{SFX}", f"ps_user_{SFX}", f"ps_post_{SFX}", f"ps_types_{SFX}"

DDL = [
    f"CREATE TABLE `{USER}` (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(191) NOT NULL, "
    f"name VARCHAR(20) NOT NULL, UNIQUE KEY `User_email_key` (email))",
    f"CREATE TABLE `{POST}` (id INT AUTO_INCREMENT PRIMARY KEY, author_id INT NOT NULL, title TEXT, "
    f"CONSTRAINT `Post_author_fkey` FOREIGN KEY (author_id) REFERENCES `{USER}` (id))",
    f"CREATE TABLE `{ITEM}` (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(191) NOT NULL UNIQUE, qty INT)",
    f"CREATE TABLE `{TYPES}` (id INT AUTO_INCREMENT PRIMARY KEY, i INT, big BIGINT, ubig BIGINT UNSIGNED, "
    "dec65 DECIMAL(65,30), dbl DOUBLE, vc VARCHAR(191) CHARACTER SET utf8mb4, txt TEXT, bl BLOB, "
    "dt3 DATETIME(3), d DATE, j JSON, flag TINYINT(1), e ENUM('red','green'))",
]


@pytest.fixture(scope="module")
def ps_url(planetscale):  # noqa: F811
    async def create() -> None:
        a = PlanetScaleAdapter(planetscale.url)
        for sql in DDL:
            await a.query(Query(sql))
        await a.close()

    asyncio.run(create())
    yield planetscale.url

    async def drop() -> None:
        a = PlanetScaleAdapter(planetscale.url)
        for t in (POST, USER, ITEM, TYPES):
            await a.query(Query(f"DROP TABLE IF EXISTS `{t}`"))

    asyncio.run(drop())


@pytest.fixture
def db(ps_url):
    return PlanetScaleAdapter(ps_url)


async def count(db: PlanetScaleAdapter, table: str, where: str = "1=1", params: tuple = ()) -> int:
    rs = await db.query(Query(f"SELECT COUNT(*) FROM `{table}` WHERE {where}", params))
    return rs.rows[0][0]


# ---------------------------------------------------------------------------------------------
# values and types


async def test_every_type_round_trips_with_its_python_value(db):
    row = (
        -2147483648, -(2**63), 2**64 - 1, Decimal("-12345678901234567890123456789012345.123456789012345678901234567891"),
        1.2345678901234567e-300, "utf8mb4: 😀 'q' \\ \0 ü", "text\nwith lines", b"\x00\xff\x10'",
        dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.UTC), dt.date(2024, 2, 29), '{"a": [1, "ü", null]}',
        True, "green",
    )
    ins = await db.query(Query(
        f"INSERT INTO `{TYPES}` (i, big, ubig, dec65, dbl, vc, txt, bl, dt3, d, j, flag, e) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row,
    ))
    assert ins.rows_affected == 1 and ins.last_insert_id
    rs = await db.query(Query(
        f"SELECT i, big, ubig, dec65, dbl, vc, txt, bl, dt3, d, j, flag, e FROM `{TYPES}` WHERE id = ?",
        (ins.last_insert_id,),
    ))
    assert rs.columns == ("i", "big", "ubig", "dec65", "dbl", "vc", "txt", "bl", "dt3", "d", "j", "flag", "e")
    got = rs.rows[0]
    assert got[:8] == row[:8]
    assert type(got[3]) is Decimal and type(got[7]) is bytes
    assert got[8] == row[8] and got[8].tzinfo is not None  # aware UTC
    assert got[9] == row[9]
    assert json.loads(got[10]) == {"a": [1, "ü", None]}
    assert got[11] == 1 and got[12] == "green"
    assert rs.column_types[:10] == (
        ColumnType.INT, ColumnType.BIGINT, ColumnType.BIGINT, ColumnType.DECIMAL, ColumnType.FLOAT,
        ColumnType.TEXT, ColumnType.TEXT, ColumnType.BYTES, ColumnType.DATETIME, ColumnType.DATE,
    )
    assert rs.column_types[10] in (ColumnType.JSON, ColumnType.TEXT)  # MariaDB reports JSON as text
    assert rs.column_types[11:] == (ColumnType.INT, ColumnType.ENUM)


async def test_nulls_come_back_as_none(db):
    ins = await db.query(Query(f"INSERT INTO `{TYPES}` (i) VALUES (?)", (None,)))
    rs = await db.query(Query(f"SELECT * FROM `{TYPES}` WHERE id = ?", (ins.last_insert_id,)))
    assert rs.rows[0][0] == ins.last_insert_id
    assert rs.rows[0][1:] == (None,) * 13
    lit = await db.query(Query("SELECT NULL AS n, ? AS p", (None,)))
    assert lit.rows == ((None, None),)
    assert lit.column_types[0] == ColumnType.NULL


async def test_datetime_is_sent_and_read_in_utc(db):
    berlin = dt.timezone(dt.timedelta(hours=1))
    rs = await db.query(Query("SELECT CAST(? AS DATETIME(6)), @@session.time_zone",
                              (dt.datetime(2024, 6, 1, 12, 0, 0, 5, tzinfo=berlin),)))
    assert rs.rows[0] == (dt.datetime(2024, 6, 1, 11, 0, 0, 5, tzinfo=dt.UTC), "+00:00")


async def test_insert_reports_rows_affected_and_first_insert_id(db):
    rs = await db.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?), (?)", (f"a{SFX}", f"b{SFX}")))
    assert rs.rows_affected == 2
    first = await db.query(Query(f"SELECT id FROM `{ITEM}` WHERE name = ?", (f"a{SFX}",)))
    assert rs.last_insert_id == first.rows[0][0]
    upd = await db.query(Query(f"UPDATE `{ITEM}` SET qty = 1 WHERE name IN (?, ?)", (f"a{SFX}", f"b{SFX}")))
    assert upd.rows_affected == 2 and upd.last_insert_id is None
    # found rows, like PlanetScale's clientFoundRows: unchanged matches still count
    again = await db.query(Query(f"UPDATE `{ITEM}` SET qty = 1 WHERE name IN (?, ?)", (f"a{SFX}", f"b{SFX}")))
    assert again.rows_affected == 2


async def test_adapter_satisfies_the_adapter_protocol(db):
    assert isinstance(db, Adapter)
    assert db.dialect == "mysql"


# ---------------------------------------------------------------------------------------------
# round trips


async def test_one_request_per_statement(db, planetscale):  # noqa: F811
    before = planetscale.request_count()
    db.stats.reset()
    for i in range(3):
        await db.query(Query("SELECT ?", (i,)))
    assert db.stats.round_trips == 3 and db.stats.statements == 3
    if before is not None:
        assert planetscale.request_count() - before == 3


async def test_batch_is_begin_statements_commit_on_one_session(db, planetscale):  # noqa: F811
    names = [f"batch{i}{SFX}" for i in range(3)]
    before = planetscale.request_count()
    db.stats.reset()
    results = await db.batch([Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (n,)) for n in names])
    assert [r.rows_affected for r in results] == [1, 1, 1]
    assert db.stats.round_trips == 5  # BEGIN + 3 + COMMIT
    if before is not None:
        assert planetscale.request_count() - before == 5
    assert await count(db, ITEM, "name LIKE ?", (f"batch%{SFX}",)) == 3


async def test_batch_of_one_statement_is_one_request(db):
    db.stats.reset()
    await db.batch([Query("SELECT 1")])
    assert db.stats.round_trips == 1
    assert await db.batch([]) == []
    assert db.stats.round_trips == 1


async def test_batch_is_atomic_a_failing_statement_applies_nothing(db):
    name = f"atomic{SFX}"
    with pytest.raises(UniqueConstraintError):
        await db.batch([
            Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)),
            Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (f"atomic2{SFX}",)),
            Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)),  # duplicate
        ])
    assert await count(db, ITEM, "name IN (?, ?)", (name, f"atomic2{SFX}")) == 0


async def test_batch_with_isolation_level_runs_at_that_level(db):
    (rs,) = (await db.batch([
        Query(f"SELECT COUNT(*) FROM `{ITEM}`"),
        Query("SELECT trx_isolation_level FROM information_schema.innodb_trx "
              "WHERE trx_mysql_thread_id = CONNECTION_ID()"),
    ], isolation="Serializable"))[1:]
    assert rs.rows == (("SERIALIZABLE",),)


# ---------------------------------------------------------------------------------------------
# interactive transactions


async def test_transaction_commits_on_exit_and_is_invisible_before(db):
    name = f"tx-commit{SFX}"
    async with db.transaction() as tx:
        await tx.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)))
        assert (await tx.query(Query(f"SELECT COUNT(*) FROM `{ITEM}` WHERE name = ?", (name,)))).rows == ((1,),)
        assert await count(db, ITEM, "name = ?", (name,)) == 0  # another session does not see it yet
    assert await count(db, ITEM, "name = ?", (name,)) == 1


async def test_transaction_rolls_back_on_exception(db):
    name = f"tx-rollback{SFX}"
    with pytest.raises(RuntimeError, match="boom"):
        async with db.transaction() as tx:
            await tx.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)))
            raise RuntimeError("boom")
    assert await count(db, ITEM, "name = ?", (name,)) == 0


async def test_transaction_rolls_back_after_a_database_error(db):
    name = f"tx-dberr{SFX}"
    with pytest.raises(UniqueConstraintError):
        async with db.transaction() as tx:
            await tx.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)))
            await tx.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)))
    assert await count(db, ITEM, "name = ?", (name,)) == 0


async def test_transaction_isolation_level(db):
    async with db.transaction(isolation="ReadCommitted") as tx:
        await tx.query(Query(f"SELECT COUNT(*) FROM `{ITEM}`"))
        rs = await tx.query(Query("SELECT trx_isolation_level FROM information_schema.innodb_trx "
                                  "WHERE trx_mysql_thread_id = CONNECTION_ID()"))
    assert rs.rows == (("READ COMMITTED",),)


async def test_unsupported_isolation_level_is_refused_before_any_request(db):
    db.stats.reset()
    with pytest.raises(ClientError, match="Snapshot"):
        async with db.transaction(isolation="Snapshot"):
            pass
    assert db.stats.round_trips == 0


async def test_concurrent_statements_in_a_transaction_are_serialised(db):
    async with db.transaction() as tx:
        results = await asyncio.gather(*(tx.query(Query("SELECT ?", (i,))) for i in range(5)))
    assert [r.rows[0][0] for r in results] == list(range(5))


async def test_batch_inside_a_transaction_is_all_or_nothing(db):
    keep, name = f"tx-keep{SFX}", f"tx-sp{SFX}"
    async with db.transaction() as tx:
        await tx.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (keep,)))
        with pytest.raises(UniqueConstraintError):
            await tx.batch([Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)),
                            Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (keep,))])
    assert await count(db, ITEM, "name IN (?, ?)", (keep, name)) == 1  # keep committed, batch undone


async def test_closed_transaction_refuses_statements(db):
    async with db.transaction() as tx:
        pass
    with pytest.raises(ClientError, match="already closed"):
        await tx.query(Query("SELECT 1"))


async def test_transaction_past_its_timeout_refuses_statements_and_rolls_back(db):
    name = f"tx-timeout{SFX}"
    with pytest.raises(TransactionExpiredError, match="expired transaction") as info:
        async with db.transaction(timeout=0.001) as tx:
            await tx.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)))
            await asyncio.sleep(0.01)
            await tx.query(Query("SELECT 1"))
    assert info.value.code == "P2028"  # Prisma's code for an expired interactive transaction
    assert await count(db, ITEM, "name = ?", (name,)) == 0


async def test_failed_commit_raises_and_nothing_is_committed(db):
    """The session's connection dies before COMMIT: the COMMIT must raise, never report success."""
    name = f"tx-lost{SFX}"
    with pytest.raises(ConnectionError, match="Lost connection"):
        async with db.transaction() as tx:
            await tx.query(Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)))
            conn_id = (await tx.query(Query("SELECT CONNECTION_ID()"))).rows[0][0]
            await db.query(Query("KILL CONNECTION ?", (conn_id,)))  # from another session
    assert await count(db, ITEM, "name = ?", (name,)) == 0


async def test_failed_commit_in_a_batch_raises(ps_url, db):
    """Same through batch(): the connection is killed just before COMMIT is sent."""
    inner = default_fetch()
    killer = PlanetScaleAdapter(ps_url)

    async def fetch(method, url, headers, body, *, timeout=None):
        payload = json.loads(body)
        if payload.get("query") == "COMMIT":
            probe = json.dumps({"query": "SELECT CONNECTION_ID()", "session": payload["session"]}).encode()
            reply = json.loads((await inner(method, url, headers, probe, timeout=timeout)).body)
            payload["session"] = reply["session"]
            conn_id = int(__import__("base64").b64decode(reply["result"]["rows"][0]["values"]))
            await killer.query(Query("KILL CONNECTION ?", (conn_id,)))
            body = json.dumps(payload).encode()
        return await inner(method, url, headers, body, timeout=timeout)

    name = f"batch-lost{SFX}"
    with pytest.raises(ConnectionError, match="Lost connection"):
        await PlanetScaleAdapter(ps_url, fetch=fetch).batch([
            Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name,)),
            Query(f"INSERT INTO `{ITEM}` (name) VALUES (?)", (name + "2",)),
        ])
    assert await count(db, ITEM, "name IN (?, ?)", (name, name + "2")) == 0


# ---------------------------------------------------------------------------------------------
# sessions


async def test_session_state_is_carried_between_statements(db):
    await db.query(Query("SET @pe_answer = ?", (42,)))
    assert (await db.query(Query("SELECT @pe_answer"))).rows == ((42,),)


async def test_concurrent_statements_use_separate_sessions(db):
    results = await asyncio.gather(*(db.query(Query("SELECT ?, SLEEP(0)", (i,))) for i in range(6)))
    assert [r.rows[0][0] for r in results] == list(range(6))


async def test_query_refuses_begin(db):
    with pytest.raises(ClientError, match="transaction"):
        await db.query(Query("BEGIN"))


# ---------------------------------------------------------------------------------------------
# errors


async def test_unique_violation_maps_to_p2002_with_the_key(db):
    email = f"dup{SFX}@example.com"
    await db.query(Query(f"INSERT INTO `{USER}` (email, name) VALUES (?, ?)", (email, "a")))
    with pytest.raises(UniqueConstraintError) as e:
        await db.query(Query(f"INSERT INTO `{USER}` (email, name) VALUES (?, ?)", (email, "b")))
    assert e.value.code == "P2002"
    assert e.value.fields == ("User_email_key",)
    assert e.value.db_code == "1062"
    assert email not in str(e.value)  # the row's value stays out of the message


async def test_foreign_key_violation_maps_to_p2003_with_the_column(db):
    with pytest.raises(ForeignKeyError) as e:
        await db.query(Query(f"INSERT INTO `{POST}` (author_id) VALUES (?)", (987654,)))
    assert e.value.code == "P2003"
    assert e.value.field == "author_id"
    assert e.value.meta["constraint"] == "Post_author_fkey"


async def test_null_violation_maps_to_p2011(db):
    with pytest.raises(NullConstraintError) as e:
        await db.query(Query(f"INSERT INTO `{USER}` (email, name) VALUES (?, ?)", (None, "x")))
    assert e.value.code == "P2011"
    assert e.value.meta["column_name"] == "email"


async def test_too_long_value_maps_to_p2000(db):
    with pytest.raises(ValueTooLongError) as e:
        await db.query(Query(f"INSERT INTO `{USER}` (email, name) VALUES (?, ?)", (f"long{SFX}", "x" * 21)))
    assert e.value.code == "P2000"
    assert e.value.meta["column_name"] == "name"


async def test_sql_error_keeps_the_session_usable(db):
    with pytest.raises(PrismaEdgeError, match="1146"):
        await db.query(Query("SELECT * FROM no_such_table_here"))
    assert (await db.query(Query("SELECT 1"))).rows == ((1,),)


async def test_wrong_password_is_an_authentication_error_without_the_password(ps_url):
    from urllib.parse import urlsplit, urlunsplit

    u = urlsplit(ps_url)
    wrong = "Wr0ngPassw0rd-xyz"
    bad = urlunsplit((u.scheme, f"{u.username}:{wrong}@{u.hostname}:{u.port}", "", "", ""))
    adapter = PlanetScaleAdapter(bad)
    with pytest.raises(AuthenticationError) as e:
        await adapter.query(Query("SELECT 1"))
    assert e.value.code == "P1000"
    assert wrong not in str(e.value) and wrong not in repr(e.value) and wrong not in repr(adapter)
    assert u.password not in repr(PlanetScaleAdapter(ps_url))


def _closed_port() -> int:
    """A loopback port nobody listens on (a freed ephemeral one; 2 where sockets are unavailable)."""
    import sys

    if sys.platform == "emscripten":
        return 2  # privileged and unused; not on the browsers' blocked-port list
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_endpoint_down_is_a_connection_error():
    adapter = PlanetScaleAdapter(f"http://user:s3cret-pw@127.0.0.1:{_closed_port()}", timeout=5)
    with pytest.raises(ConnectionError) as e:
        await adapter.query(Query("SELECT 1"))
    assert "s3cret-pw" not in str(e.value)


# ---------------------------------------------------------------------------------------------
# URLs and HTTP failure modes (MockFetch: a real server cannot be made to misbehave on cue)


def _reply(status: int, body: bytes | dict) -> MockFetch:
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    return MockFetch(lambda req: FetchResponse(status, {"content-type": "application/json"}, data))


def test_mysql_and_https_urls_use_https_with_basic_auth_as_written():
    fetch = _reply(200, {"session": None, "result": {}})
    for url in ("mysql://u%40x:p%2Fw@db.example.com", "https://u%40x:p%2Fw@db.example.com"):
        asyncio.run(PlanetScaleAdapter(url, fetch=fetch).query(Query("SELECT 1")))
    import base64

    for req in fetch.requests:
        assert req.url == "https://db.example.com/psdb.v1alpha1.Database/Execute"
        assert req.headers["Authorization"] == "Basic " + base64.b64encode(b"u%40x:p%2Fw").decode()
        assert req.headers["Content-Type"] == "application/json"
        assert json.loads(req.body) == {"query": "SELECT 1", "session": None}


def test_plain_http_only_for_loopback():
    with pytest.raises(ClientError, match="loopback"):
        PlanetScaleAdapter("http://u:p@db.example.com", fetch=_reply(200, {}))
    PlanetScaleAdapter("http://u:p@127.0.0.1:1234", fetch=_reply(200, {}))
    PlanetScaleAdapter("http://u:p@[::1]:1234", fetch=_reply(200, {}))


@pytest.mark.parametrize("url", ["mysql://user@host", "postgres://u:p@host", "mysql://:pw@host", "nonsense"])
def test_bad_urls_are_refused_without_echoing_the_password(url):
    with pytest.raises(ClientError) as e:
        PlanetScaleAdapter(url, fetch=_reply(200, {}))
    assert "pw" not in str(e.value) or "pw" not in url


def test_repr_hides_credentials():
    a = PlanetScaleAdapter("mysql://me:top-secret-pw@db.example.com", fetch=_reply(200, {}))
    assert "top-secret-pw" not in repr(a) and "me:" not in repr(a)


async def test_session_from_the_server_is_echoed_verbatim():
    blob = {"signature": "abc", "vitessSession": {"SessionUUID": "u1", "autocommit": True, "x": [1]}}
    fetch = _reply(200, {"session": blob, "result": {}})
    a = PlanetScaleAdapter("mysql://u:p@h.example.com", fetch=fetch)
    await a.query(Query("SELECT 1"))
    await a.query(Query("SELECT 2"))
    assert [json.loads(r.body)["session"] for r in fetch.requests] == [None, blob]


@pytest.mark.parametrize(
    ("status", "body", "error", "match"),
    [
        (200, b'{"session": null, "result": {"fields": [', ProtocolError, "malformed or truncated"),
        (200, b"<html>proxy</html>", ProtocolError, "malformed"),
        (200, b"", ProtocolError, "malformed"),
        (401, {"error": {"code": "unauthenticated", "message": "invalid auth credentials"}}, AuthenticationError,
         "credentials"),
        (503, b"upstream unavailable", ConnectionError, "HTTP 503"),
        (500, {"error": {"code": "internal", "message": "boom"}}, ConnectionError, "HTTP 500"),
        (403, {"error": {"code": "permission_denied", "message": "session already in use: x"}}, PrismaEdgeError,
         "in use"),
        (404, b"not here", ProtocolError, "HTTP 404"),
    ],
)
async def test_http_failures_are_typed(status, body, error, match):
    a = PlanetScaleAdapter("mysql://u:pw-12345@h.example.com", fetch=_reply(status, body))
    with pytest.raises(error, match=match) as e:
        await a.query(Query("SELECT 1"))
    assert "pw-12345" not in str(e.value)


async def test_oversized_reply_is_a_protocol_error():
    big = json.dumps({"session": None, "result": {}, "pad": "x" * 5000}).encode()
    a = PlanetScaleAdapter("mysql://u:p@h.example.com", fetch=_reply(200, big), max_response_bytes=1000)
    with pytest.raises(ProtocolError, match="too large"):
        await a.query(Query("SELECT 1"))


async def test_rows_that_do_not_match_their_lengths_are_a_protocol_error():
    result = {"fields": [{"name": "a", "type": "INT32"}], "rows": [{"lengths": ["5"], "values": "MQ=="}]}
    a = PlanetScaleAdapter("mysql://u:p@h.example.com", fetch=_reply(200, {"session": None, "result": result}))
    with pytest.raises(ProtocolError, match="does not decode"):
        await a.query(Query("SELECT 1"))


async def test_sql_error_reply_from_real_planetscale_format_is_mapped():
    msg = ("target: db.-.primary: vttablet: rpc error: code = AlreadyExists desc = Duplicate entry "
           "'a@b.c' for key 'User.User_email_key' (errno 1062) (sqlstate 23000) (CallerID: x): "
           "Sql: \"insert into User(email) values (:vtg1 /* VARCHAR */)\", BindVars: {REDACTED}")
    a = PlanetScaleAdapter("mysql://u:p@h.example.com",
                           fetch=_reply(200, {"session": None, "error": {"code": "ALREADY_EXISTS", "message": msg}}))
    with pytest.raises(UniqueConstraintError) as e:
        await a.query(Query("INSERT ..."))
    assert e.value.fields == ("User_email_key",)
    assert e.value.meta["table"] == "User"


async def test_closed_adapter_refuses_queries():
    a = PlanetScaleAdapter("mysql://u:p@h.example.com", fetch=_reply(200, {"session": None, "result": {}}))
    await a.close()
    with pytest.raises(ClientError, match="closed"):
        await a.query(Query("SELECT 1"))


# ---------------------------------------------------------------------------------------------
# the endpoint itself, spoken to in raw JSON (what any client of the protocol sees)


async def _raw(url: str, path: str = "Execute", payload: dict | None = None, *, method: str = "POST",
               auth: str | None = None) -> FetchResponse:
    import base64
    from urllib.parse import urlsplit

    u = urlsplit(url)
    headers = {"Content-Type": "application/json"}
    creds = auth if auth is not None else f"{u.username}:{u.password}"
    if creds:
        headers["Authorization"] = "Basic " + base64.b64encode(creds.encode()).decode()
    body = json.dumps(payload if payload is not None else {}).encode() if method == "POST" else b""
    return await default_fetch()(method, f"http://{u.hostname}:{u.port}/psdb.v1alpha1.Database/{path}",
                                 headers, body, timeout=30)


async def _execute(url: str, sql: str, session: dict | None = None) -> dict:
    resp = await _raw(url, "Execute", {"query": sql, "session": session})
    assert resp.status == 200, resp.body
    return resp.json()


async def test_endpoint_result_shape_follows_protojson(ps_url):
    import base64

    reply = await _execute(ps_url, "SELECT 1 AS one, NULL AS n, 'x' AS s, CAST(18446744073709551615 AS UNSIGNED) AS u")
    fields = reply["result"]["fields"]
    assert [f["name"] for f in fields] == ["one", "n", "s", "u"]
    assert [f.get("type") for f in fields] == ["INT32", None, "VARCHAR", "UINT64"]  # NULL column: no type
    values = base64.b64encode(b"1x18446744073709551615").decode()
    assert reply["result"]["rows"] == [{"lengths": ["1", "-1", "1", "20"], "values": values}]
    assert "rowsAffected" not in reply["result"] and "insertId" not in reply["result"]
    assert isinstance(reply["timing"], float)
    vs = reply["session"]["vitessSession"]
    assert reply["session"]["signature"] and vs["SessionUUID"] and vs["autocommit"] is True
    ins = await _execute(ps_url, f"INSERT INTO `{ITEM}` (name) VALUES ('shape{SFX}')", reply["session"])
    assert ins["result"]["rowsAffected"] == "1" and ins["result"]["insertId"].isdigit()
    ddl = await _execute(ps_url, f"CREATE TABLE IF NOT EXISTS `{ITEM}` (id INT)", ins["session"])
    assert ddl["result"] == {}


async def test_endpoint_sql_error_is_http_200_with_mysql_message(ps_url):
    reply = await _execute(ps_url, "SELECT * FROM no_such_table_xyz")
    assert reply["error"]["code"] == "NOT_FOUND"
    assert reply["error"]["message"].endswith("doesn't exist (errno 1146) (sqlstate 42S02)")
    assert "result" not in reply and reply["session"]["vitessSession"]["SessionUUID"]


async def test_endpoint_create_session(ps_url):
    resp = await _raw(ps_url, "CreateSession", {})
    body = resp.json()
    assert resp.status == 200 and body["branch"] and body["user"]["username"]
    assert body["session"]["vitessSession"]["SessionUUID"]


@pytest.mark.parametrize("auth", ["", "nobody:wrong", "user-only"])
async def test_endpoint_requires_its_basic_credentials(ps_url, auth):
    from urllib.parse import urlsplit

    if auth == "user-only":
        auth = f"{urlsplit(ps_url).username}:"
    resp = await _raw(ps_url, "Execute", {"query": "SELECT 1", "session": None}, auth=auth)
    assert resp.status == 401
    assert resp.json()["error"]["code"] == "unauthenticated"


async def test_endpoint_cors_preflight_and_headers(ps_url):
    import os

    pre = await _raw(ps_url, "Execute", method="OPTIONS")
    assert pre.status in (200, 204)
    if os.environ.get("PRISMA_EDGE_RUNTIME") == "pyodide-chromium":
        # a page never sees CORS headers; that this cross-origin suite runs at all is the check
        return
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "authorization" in pre.headers["access-control-allow-headers"].lower()
    ok = await _raw(ps_url, "Execute", {"query": "SELECT 1", "session": None})
    assert ok.headers["access-control-allow-origin"] == "*"
    assert ok.headers["content-type"] == "application/json"


async def test_endpoint_rejects_unknown_methods_and_bad_json(ps_url):
    assert (await _raw(ps_url, "Prepare", {})).status == 404
    assert (await _raw(ps_url, "Execute", method="GET")).status == 405
    bad = await _raw(ps_url, "Execute", {"query": 5, "session": None})
    assert bad.status == 400 and bad.json()["error"]["code"] == "invalid_argument"


async def test_endpoint_forged_session_does_not_reach_another_sessions_connection(ps_url):
    first = await _execute(ps_url, "SET @pe_private = 'mine'")
    forged = json.loads(json.dumps(first["session"]))
    forged["signature"] = "AAAA" + forged["signature"][4:]
    reply = await _execute(ps_url, "SELECT @pe_private", forged)
    assert reply["session"]["vitessSession"]["SessionUUID"] != first["session"]["vitessSession"]["SessionUUID"]
    assert reply["result"]["rows"] == [{"lengths": ["-1"]}]
    genuine = await _execute(ps_url, "SELECT @pe_private", first["session"])
    assert genuine["result"]["rows"][0]["values"] == "bWluZQ=="  # 'mine'


async def test_endpoint_refuses_concurrent_use_of_one_session(ps_url):
    lock = f"pe_lock_{SFX}"
    holder = await _execute(ps_url, f"SELECT GET_LOCK('{lock}', 0)")
    waiter = await _execute(ps_url, "SELECT 1")
    blocked = asyncio.ensure_future(_execute(ps_url, f"SELECT GET_LOCK('{lock}', 20)", waiter["session"]))
    for _ in range(200):  # until the waiter's statement is inside MariaDB
        state = await _execute(ps_url, "SELECT COUNT(*) FROM information_schema.processlist "
                                       f"WHERE info LIKE 'SELECT GET_LOCK(''{lock}'', 20)'")
        if state["result"]["rows"][0]["values"] == "MQ==":
            break
        await asyncio.sleep(0.01)
    second = await _raw(ps_url, "Execute", {"query": "SELECT 2", "session": waiter["session"]})
    assert second.status == 403 and second.json()["error"]["code"] == "permission_denied"
    await _execute(ps_url, f"SELECT RELEASE_LOCK('{lock}')", holder["session"])
    assert (await blocked)["result"]["rows"][0]["values"] == "MQ=="  # got the lock once released


async def test_endpoint_keeps_open_connections_bounded(ps_url):
    adapters = [PlanetScaleAdapter(ps_url) for _ in range(60)]
    for a in adapters:  # each one a new session
        await a.query(Query("SELECT 1"))
    rs = await adapters[0].query(Query("SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE()"))
    assert rs.rows[0][0] <= 41  # max_sessions (40) + the one asking


@pytest.mark.no_pyodide("starts its own endpoint with short timeouts")
async def test_endpoint_lost_transaction_is_aborted_never_autocommitted():
    from tests.support.ps_endpoint import local_endpoint

    with local_endpoint("pe_ps_lost") as ep:
        ep._handle.endpoint.idle_timeout = ep._handle.endpoint.transaction_timeout = 0.05  # type: ignore[attr-defined]
        s = (await _execute(ep.url, "CREATE TABLE t (id INT PRIMARY KEY)"))["session"]
        s = (await _execute(ep.url, "BEGIN", s))["session"]
        s = (await _execute(ep.url, "INSERT INTO t VALUES (1)", s))["session"]
        assert s["vitessSession"]["inTransaction"] is True
        await asyncio.sleep(0.1)
        ep._handle.endpoint.reap_idle()  # type: ignore[attr-defined]  # (the reaper thread may have already)
        for stmt in ("INSERT INTO t VALUES (2)", "COMMIT"):
            reply = await _execute(ep.url, stmt, s)
            assert reply["error"]["code"] == "ABORTED", reply
            assert "inTransaction" not in reply["session"]["vitessSession"]
        assert "error" not in await _execute(ep.url, "ROLLBACK", s)  # rolling back a dead transaction is fine
        after = await _execute(ep.url, "SELECT COUNT(*) FROM t")
        assert after["result"]["rows"][0]["values"] == "MA=="  # 0: nothing was committed
        # outside a transaction, a closed session just reconnects
        s2 = (await _execute(ep.url, "SET @v = 1"))["session"]
        await asyncio.sleep(0.1)
        ep._handle.endpoint.reap_idle()  # type: ignore[attr-defined]
        assert "error" not in await _execute(ep.url, "SELECT 1", s2)


# ---------------------------------------------------------------------------------------------
# errno mapping and Vitess types (pure; messages as MySQL 8 / MariaDB / PlanetScale write them)


@pytest.mark.parametrize(
    ("errno", "message", "cls", "meta"),
    [
        (1062, "Duplicate entry 'a@b.c' for key 'User.User_email_key'", UniqueConstraintError,
         {"target": ("User_email_key",), "table": "User"}),
        (1062, "Duplicate entry 'x' for key 'PRIMARY'", UniqueConstraintError, {"target": ("PRIMARY",), "table": None}),
        (1062, "Duplicate entry 'v for key 'fake'' for key 'real_key'", UniqueConstraintError,
         {"target": ("real_key",)}),
        (1452, "Cannot add or update a child row: a foreign key constraint fails (`db`.`Post`, CONSTRAINT "
               "`Post_a_b_fkey` FOREIGN KEY (`a`, `b`) REFERENCES `User` (`x`, `y`))", ForeignKeyError,
         {"field_name": "a, b", "constraint": "Post_a_b_fkey", "columns": ("a", "b")}),
        (1451, "Cannot delete or update a parent row: a foreign key constraint fails (`db`.`Post`, CONSTRAINT "
               "`Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User` (`id`) ON DELETE RESTRICT)",
         ForeignKeyError, {"field_name": "authorId"}),
        (1048, "Column 'email' cannot be null", NullConstraintError, {"column_name": "email"}),
        (1364, "Field 'name' doesn't have a default value", NullConstraintError, {"column_name": "name"}),
        (1406, "Data too long for column 'name' at row 1", ValueTooLongError, {"column_name": "name"}),
        (1213, "Deadlock found when trying to get lock; try restarting transaction", WriteConflictError, {}),
        (1205, "Lock wait timeout exceeded; try restarting transaction", WriteConflictError, {}),
        (1045, "Access denied for user 'root'@'localhost' (using password: YES)", AuthenticationError, {}),
        (1049, "Unknown database 'nope'", DatabaseError, {}),
        (1146, "Table 'db.nope' doesn't exist", DatabaseError, {}),
        (2013, "Lost connection to MySQL server during query", ConnectionError, {}),
    ],
)
def test_error_from_mysql(errno, message, cls, meta):
    e = error_from_mysql(errno, message, sqlstate="23000")
    assert type(e) is cls
    for k, v in meta.items():
        assert e.meta[k] == v
    if isinstance(e, DatabaseError | UniqueConstraintError | ForeignKeyError):
        assert e.db_code == str(errno)


def test_duplicate_entry_value_stays_out_of_the_message():
    e = error_from_mysql(1062, "Duplicate entry 'secret-value' for key 'User_email_key'")
    assert "secret-value" not in str(e) and "User_email_key" in str(e)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Column 'a' cannot be null (errno 1048) (sqlstate 23000)", ("Column 'a' cannot be null", 1048, "23000")),
        ("target: ks.-.primary: vttablet: rpc error: code = NotFound desc = Table 'x' doesn't exist "
         "(errno 1146) (sqlstate 42S02) (CallerID: u): Sql: \"select * from x\", BindVars: {}",
         ("Table 'x' doesn't exist", 1146, "42S02")),
        # a row value imitating the marker does not win over the real one at the end
        ("Duplicate entry 'a (errno 1) (sqlstate 00000)' for key 'k' (errno 1062) (sqlstate 23000)",
         ("Duplicate entry 'a (errno 1) (sqlstate 00000)' for key 'k'", 1062, "23000")),
        ("something went wrong", ("something went wrong", None, None)),
    ],
)
def test_split_vitess_message(message, expected):
    assert split_vitess_message(message) == expected


@pytest.mark.parametrize(
    ("field", "raw", "ctype", "value"),
    [
        ({"type": "INT8"}, b"-3", ColumnType.INT, -3),
        ({"type": "UINT64"}, b"18446744073709551615", ColumnType.BIGINT, 18446744073709551615),
        ({"type": "FLOAT32"}, b"1.5", ColumnType.FLOAT, 1.5),
        ({"type": "DECIMAL"}, b"-0.10", ColumnType.DECIMAL, Decimal("-0.10")),
        ({"type": "DATETIME"}, b"2024-01-02 03:04:05.6", ColumnType.DATETIME,
         dt.datetime(2024, 1, 2, 3, 4, 5, 600000, tzinfo=dt.UTC)),
        ({"type": "TIMESTAMP"}, b"0000-00-00 00:00:00", ColumnType.DATETIME, "0000-00-00 00:00:00"),
        ({"type": "DATE"}, b"2024-02-29", ColumnType.DATE, dt.date(2024, 2, 29)),
        ({"type": "TIME"}, b"-838:59:59", ColumnType.TIME, -dt.timedelta(hours=838, minutes=59, seconds=59)),
        ({"type": "TIME"}, b"13:14:15.000001", ColumnType.TIME, dt.time(13, 14, 15, 1)),
        ({"type": "JSON", "charset": 63}, b'{"a": 1}', ColumnType.JSON, '{"a": 1}'),
        ({"type": "BLOB", "charset": 63}, b"\x00\xff", ColumnType.BYTES, b"\x00\xff"),
        ({"type": "BLOB", "charset": 46}, "ü".encode(), ColumnType.TEXT, "ü"),  # utf8mb4_bin TEXT
        ({"type": "VARBINARY", "charset": 63}, b"\x01", ColumnType.BYTES, b"\x01"),
        ({"type": "VARCHAR", "charset": 255}, "😀".encode(), ColumnType.TEXT, "😀"),
        ({"type": "ENUM", "charset": 255}, b"red", ColumnType.ENUM, "red"),
        ({"type": "SET", "charset": 255}, b"a,b", ColumnType.TEXT, "a,b"),
        ({"type": "BIT", "charset": 63}, b"\x07", ColumnType.BYTES, b"\x07"),
        ({"name": "NULL"}, b"", ColumnType.NULL, ""),
    ],
)
def test_vitess_field_types_decode_to_python(field, raw, ctype, value):
    got_type, decode = field_decoder(field)
    assert got_type == ctype
    assert decode(raw) == value


def test_datetime_fractions_are_right_padded_microseconds():
    assert parse_datetime("2024-01-02 03:04:05.123").microsecond == 123000
    assert parse_datetime("2024-01-02").hour == 0
    assert parse_time("25:00:00") == dt.timedelta(hours=25)


async def test_placeholder_without_a_value_is_refused_before_sending():
    fetch = _reply(200, {"session": None, "result": {}})
    a = PlanetScaleAdapter("mysql://u:p@h.example.com", fetch=fetch)
    with pytest.raises(ClientError, match="placeholder"):
        await a.query(Query("SELECT ?"))
    assert fetch.requests == []
