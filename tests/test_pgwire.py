"""pgwire, byte level: frontend bytes written by hand, backend streams captured from PostgreSQL 15.

No I/O at all, so this runs unchanged under Pyodide. The `CAPTURED` streams were recorded once
from the real server (PostgreSQL 15.20, trust auth) by sending the same frontend messages the
tests queue; they are replayed here whole, split at every byte, and fed one byte at a time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import pathlib
import re
import struct

import pytest

from prisma_edge.errors import AuthenticationError, ClientError, ConnectionError, ProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire import (
    NEED_DATA,
    AuthenticationOk,
    AuthenticationRequest,
    BackendKeyData,
    BindComplete,
    CommandComplete,
    ConnectionClosed,
    ConnState,
    DataRow,
    EmptyQueryResponse,
    ErrorResponse,
    FieldDesc,
    LocalProtocolError,
    NoData,
    NoticeResponse,
    NotificationResponse,
    ParameterStatus,
    ParseComplete,
    PgConnection,
    ReadyForQuery,
    RemoteProtocolError,
    RowDescription,
    ScramSha256,
    StatementSkipped,
    md5_password,
)
from prisma_edge.fetch_adapters.protocols.pgwire import messages as m
from prisma_edge.fetch_adapters.protocols.pgwire import scram as scram_module
from prisma_edge.fetch_adapters.protocols.pgwire.results import StatementResult, group_outcomes


def be(kind: str, payload: bytes = b"") -> bytes:
    """One backend message, framed by hand: type byte, int32 length (counting itself), payload."""
    return kind.encode() + struct.pack("!i", len(payload) + 4) + payload


AUTH_OK = be("R", b"\x00\x00\x00\x00")
READY_I = be("Z", b"I")


def feed(conn: PgConnection, data: bytes, *chunks: int) -> list:
    """Feed `data` (in pieces cut at `chunks` offsets) and collect events until NEED_DATA."""
    events = []
    cuts = [0, *chunks, len(data)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        conn.receive_data(data[a:b])
        while (ev := conn.next_event()) is not NEED_DATA:
            events.append(ev)
    return events


def ready(**kw) -> PgConnection:
    """A connection past a trust login (hand-written AuthenticationOk + ReadyForQuery)."""
    conn = PgConnection("postgres", "postgres", **kw)
    conn.startup()
    assert feed(conn, AUTH_OK + READY_I) == [AuthenticationOk(), ReadyForQuery("I")]
    return conn


# --------------------------------------------------------------------------- frontend messages


def test_startup_message_bytes():
    assert m.startup_message({"user": "bob", "database": "db"}) == (
        b"\x00\x00\x00\x1e" b"\x00\x03\x00\x00" b"user\x00bob\x00" b"database\x00db\x00" b"\x00"
    )


def test_connection_startup_sends_user_database_app_name_and_utf8():
    conn = PgConnection("bob", "db", application_name="app", options={"TimeZone": "UTC"})
    body = b"user\x00bob\x00database\x00db\x00application_name\x00app\x00client_encoding\x00UTF8\x00TimeZone\x00UTC\x00\x00"
    assert conn.startup() == struct.pack("!ii", len(body) + 8, 196608) + body
    assert conn.state is ConnState.AUTHENTICATING


def test_ssl_and_cancel_request_bytes():
    assert m.ssl_request() == b"\x00\x00\x00\x08\x04\xd2\x16\x2f"
    assert m.cancel_request(1234, b"\x0a\x0b\x0c\x0d") == (
        b"\x00\x00\x00\x10\x04\xd2\x16\x2e\x00\x00\x04\xd2\x0a\x0b\x0c\x0d"
    )


def test_simple_frontend_message_bytes():
    assert m.query("SELECT 1") == b"Q\x00\x00\x00\x0dSELECT 1\x00"
    assert m.password_message("pw") == b"p\x00\x00\x00\x07pw\x00"
    assert m.describe("P") == b"D\x00\x00\x00\x06P\x00"
    assert m.describe("S", "s1") == b"D\x00\x00\x00\x08Ss1\x00"
    assert m.execute() == b"E\x00\x00\x00\x09\x00\x00\x00\x00\x00"
    assert m.execute("p", 10) == b"E\x00\x00\x00\x0ap\x00\x00\x00\x00\x0a"
    assert m.close("S", "s1") == b"C\x00\x00\x00\x08Ss1\x00"
    assert m.sync() == b"S\x00\x00\x00\x04"
    assert m.flush() == b"H\x00\x00\x00\x04"
    assert m.terminate() == b"X\x00\x00\x00\x04"


def test_parse_bytes_with_and_without_type_oids():
    assert m.parse("SELECT $1") == b"P\x00\x00\x00\x11\x00SELECT $1\x00\x00\x00"
    assert m.parse("SELECT $1", [23], name="s") == b"P\x00\x00\x00\x16s\x00SELECT $1\x00\x00\x01\x00\x00\x00\x17"


def test_bind_bytes_text_null_and_raw_values():
    assert m.bind(["42", None, b"\x01"]) == (
        b"B\x00\x00\x00\x1b"
        b"\x00\x00"  # portal "", statement ""
        b"\x00\x00"  # no parameter format codes: all text
        b"\x00\x03"
        b"\x00\x00\x00\x0242"
        b"\xff\xff\xff\xff"  # NULL
        b"\x00\x00\x00\x01\x01"
        b"\x00\x00"  # no result format codes: all text
    )
    assert m.bind(["é"], result_formats=[1]) == b"B\x00\x00\x00\x14\x00\x00\x00\x00\x00\x01\x00\x00\x00\x02\xc3\xa9\x00\x01\x00\x01"


def test_sasl_message_bytes():
    assert m.sasl_initial_response("SCRAM-SHA-256", b"n,,n=,r=abc") == (
        b"p\x00\x00\x00\x21SCRAM-SHA-256\x00\x00\x00\x00\x0bn,,n=,r=abc"
    )
    assert m.sasl_initial_response("X", None) == b"p\x00\x00\x00\x0aX\x00\xff\xff\xff\xff"
    assert m.sasl_response(b"c=biws") == b"p\x00\x00\x00\x0ac=biws"


def test_send_query_is_parse_bind_describe_execute_and_sync_is_separate():
    conn = ready()
    data = conn.send_query("SELECT $1::int", ["7", None])
    assert data == m.parse("SELECT $1::int") + m.bind(["7", None]) + m.describe("P") + m.execute()
    assert conn.send_query("SELECT 1", result_format="binary") == (
        m.parse("SELECT 1") + m.bind([], result_formats=[1]) + m.describe("P") + m.execute()
    )
    assert conn.send_query("SELECT $1", ["1"], param_types=[25]).startswith(m.parse("SELECT $1", [25]))
    assert conn.sync() == b"S\x00\x00\x00\x04"
    assert conn.pending == 4 and not conn.idle


def test_nul_in_sql_is_refused_locally():
    with pytest.raises(LocalProtocolError, match="NUL"):
        m.query("SELECT 1\x00; DROP TABLE x")
    conn = ready()
    with pytest.raises(LocalProtocolError):
        conn.send_query("SELECT '\x00'")
    assert conn.state is ConnState.ERROR


# --------------------------------------------------------------------------- captured streams

CAPTURED = {
    # conn.startup() with user/database postgres, application_name pgwire-test, TimeZone UTC
    "startup": bytes.fromhex(
        "52000000080000000053000000216170706c69636174696f6e5f6e616d65007067776972652d74657374005300"
        "000019636c69656e745f656e636f64696e670055544638005300000017446174655374796c650049534f2c204d"
        "445900530000002664656661756c745f7472616e73616374696f6e5f726561645f6f6e6c79006f666600530000"
        "0017696e5f686f745f7374616e646279006f6666005300000019696e74656765725f6461746574696d6573006f"
        "6e00530000001b496e74657276616c5374796c6500706f73746772657300530000001469735f73757065727573"
        "6572006f6e0053000000197365727665725f656e636f64696e6700555446380053000000327365727665725f76"
        "657273696f6e0031352e3230202844656269616e2031352e32302d302b646562313275312900530000002373"
        "657373696f6e5f617574686f72697a6174696f6e00706f7374677265730053000000237374616e646172645f"
        "636f6e666f726d696e675f737472696e6773006f6e00530000001154696d655a6f6e6500555443004b000000"
        "0c0000760d460226835a0000000549"
    ),
    # send_query("SELECT $1::int AS x, 'a'::text AS s, NULL::int AS n", ["42"]),
    # send_query("SELECT 1/0 AS boom"), send_query("SELECT 2"), sync()
    "pipeline_error": bytes.fromhex(
        "31000000043200000004540000004200037800000000000000000000170004ffffffff00007300000000000000"
        "00000019ffffffffffff00006e00000000000000000000170004ffffffff000044000000150003000000023432"
        "0000000161ffffffff430000000d53454c45435420310031000000043200000004540000001d0001626f6f6d00"
        "000000000000000000170004ffffffff00004500000041534552524f5200564552524f5200433232303132004d"
        "6469766973696f6e206279207a65726f0046696e742e63004c3836390052696e743464697600005a0000000549"
    ),
    # simple_query("SELECT 1 AS a; SELECT 1/0; SELECT 3")
    "simple_error": bytes.fromhex(
        "540000001a00016100000000000000000000170004ffffffff0000440000000b00010000000131430000000d53"
        "454c4543542031004500000041534552524f5200564552524f5200433232303132004d6469766973696f6e2062"
        "79207a65726f0046696e742e63004c3836390052696e743464697600005a0000000549"
    ),
    # send_query(""), send_query("SELEC 1"), sync()
    "empty_and_syntax": bytes.fromhex(
        "310000000432000000046e000000044900000004450000005d534552524f5200564552524f5200433432363031"
        "004d73796e746178206572726f72206174206f72206e656172202253454c45432200503100467363616e2e6c00"
        "4c3131383800527363616e6e65725f79796572726f7200005a0000000549"
    ),
    # after CREATE TEMP TABLE t (id int PRIMARY KEY, name text NOT NULL):
    # send_query("INSERT INTO t VALUES ($1, $2)", ["1", "x"]),
    # send_query("INSERT INTO t VALUES ($1, $2) RETURNING id", ["1", "y"]), sync()
    "unique": bytes.fromhex(
        "310000000432000000046e00000004430000000f494e53455254203020310031000000043200000004540000001b"
        "0001696400000052a60001000000170004ffffffff000045000000ab534552524f5200564552524f5200433233"
        "353035004d6475706c6963617465206b65792076616c75652076696f6c6174657320756e6971756520636f6e73"
        "747261696e742022745f706b65792200444b657920286964293d28312920616c7265616479206578697374732e"
        "007370675f74656d705f34007474006e745f706b657900466e6274696e736572742e63004c36363400525f6274"
        "5f636865636b5f756e6971756500005a0000000549"
    ),
    # send_query("DO $$BEGIN RAISE NOTICE 'hello'; END$$"), sync()
    "notice": bytes.fromhex(
        "310000000432000000046e000000044e0000007a534e4f5449434500564e4f5449434500433030303030004d68"
        "656c6c6f0057504c2f706753514c2066756e6374696f6e20696e6c696e655f636f64655f626c6f636b206c696e"
        "6520312061742052414953450046706c5f657865632e63004c333930370052657865635f73746d745f72616973"
        "6500004300000007444f005a0000000549"
    ),
    # simple_query("BEGIN"); then send_query("SELECT 1/0"), sync(); then simple_query("ROLLBACK")
    "begin": bytes.fromhex("430000000a424547494e005a0000000554"),
    "in_failed_tx": bytes.fromhex(
        "31000000044500000041534552524f5200564552524f5200433232303132004d6469766973696f6e206279207a"
        "65726f0046696e742e63004c3836390052696e743464697600005a0000000545"
    ),
    "rollback": bytes.fromhex("430000000d524f4c4c4241434b005a0000000549"),
}

DIV_BY_ZERO = ErrorResponse(
    {"S": "ERROR", "V": "ERROR", "C": "22012", "M": "division by zero", "F": "int.c", "L": "869", "R": "int4div"}
)


def int_field(name: str) -> FieldDesc:
    return FieldDesc(name, 0, 0, 23, 4, -1, 0)


def pipeline_conn() -> PgConnection:
    conn = ready()
    conn.send_query("SELECT $1::int AS x, 'a'::text AS s, NULL::int AS n", ["42"])
    conn.send_query("SELECT 1/0 AS boom")
    conn.send_query("SELECT 2")
    conn.sync()
    return conn


PIPELINE_EVENTS = [
    ParseComplete(),
    BindComplete(),
    RowDescription((int_field("x"), FieldDesc("s", 0, 0, 25, -1, -1, 0), int_field("n"))),
    DataRow((b"42", b"a", None)),
    CommandComplete("SELECT 1"),
    ParseComplete(),
    BindComplete(),
    RowDescription((int_field("boom"),)),
    DIV_BY_ZERO,
    StatementSkipped(),  # SELECT 2: the server skipped it and said nothing
    ReadyForQuery("I"),
]


def test_captured_startup_gives_parameters_and_backend_key():
    conn = PgConnection("postgres", "postgres", application_name="pgwire-test", options={"TimeZone": "UTC"})
    conn.startup()
    events = feed(conn, CAPTURED["startup"])
    assert events[0] == AuthenticationOk()
    assert events[-2:] == [BackendKeyData(0x760D, bytes.fromhex("46022683")), ReadyForQuery("I")]
    assert all(isinstance(e, ParameterStatus) for e in events[1:-2])
    assert ParameterStatus("application_name", "pgwire-test") in events
    assert conn.parameters["server_encoding"] == "UTF8"
    assert conn.parameters["TimeZone"] == "UTC"
    assert conn.parameters["server_version"].startswith("15.")
    assert conn.backend_key == BackendKeyData(0x760D, bytes.fromhex("46022683"))
    assert conn.state is ConnState.READY and conn.idle
    assert "46022683" not in repr(conn.backend_key)  # the cancel key is a secret too


def test_pipeline_with_an_error_in_the_middle_skips_the_rest_until_sync():
    conn = pipeline_conn()
    assert feed(conn, CAPTURED["pipeline_error"]) == PIPELINE_EVENTS
    assert conn.idle and conn.transaction_status == "I"
    err = PIPELINE_EVENTS[8]
    assert (err.sqlstate, err.message, err.severity, err.is_fatal) == ("22012", "division by zero", "ERROR", False)


def test_skipped_statements_are_reported_before_the_server_answers_the_sync():
    """The skip is known from the error alone: no bytes are needed for the skipped statement."""
    conn = pipeline_conn()
    data = CAPTURED["pipeline_error"]
    cut = data.index(b"Z\x00\x00\x00\x05")
    events = feed(conn, data[:cut])
    assert events == PIPELINE_EVENTS[:-1]
    assert feed(conn, data[cut:]) == [ReadyForQuery("I")]


def test_the_machine_keeps_working_after_a_failed_pipeline():
    conn = pipeline_conn()
    feed(conn, CAPTURED["pipeline_error"])
    conn.send_query("SELECT 2")
    conn.sync()
    reply = be("1") + be("2") + be("T", b"\x00\x01?column?\x00" + struct.pack("!ihihih", 0, 0, 23, 4, -1, 0))
    reply += be("D", b"\x00\x01\x00\x00\x00\x012") + be("C", b"SELECT 1\x00") + READY_I
    assert feed(conn, reply)[3:] == [DataRow((b"2",)), CommandComplete("SELECT 1"), ReadyForQuery("I")]


SPLIT_CASES = {
    "startup": (lambda: _started(), "startup"),
    "pipeline_error": (pipeline_conn, "pipeline_error"),
    "simple_error": (lambda: _with(lambda c: c.simple_query("SELECT 1 AS a; SELECT 1/0; SELECT 3")), "simple_error"),
    "empty_and_syntax": (lambda: _with(lambda c: (c.send_query(""), c.send_query("SELEC 1"), c.sync())), "empty_and_syntax"),
    "unique": (lambda: _with(_unique_commands), "unique"),
    "notice": (lambda: _with(lambda c: (c.send_query("DO $$BEGIN RAISE NOTICE 'hello'; END$$"), c.sync())), "notice"),
}


def _started() -> PgConnection:
    conn = PgConnection("postgres", "postgres")
    conn.startup()
    return conn


def _with(commands) -> PgConnection:
    conn = ready()
    commands(conn)
    return conn


def _unique_commands(c: PgConnection) -> None:
    c.send_query("INSERT INTO t VALUES ($1, $2)", ["1", "x"])
    c.send_query("INSERT INTO t VALUES ($1, $2) RETURNING id", ["1", "y"])
    c.sync()


@pytest.mark.parametrize("case", sorted(SPLIT_CASES))
def test_split_at_every_byte_boundary_gives_the_same_events(case):
    make, key = SPLIT_CASES[case]
    data = CAPTURED[key]
    whole = feed(make(), data)
    assert whole and isinstance(whole[-1], ReadyForQuery)
    for cut in range(1, len(data)):
        assert feed(make(), data, cut) == whole, f"split at byte {cut}"
    assert feed(make(), data, *range(1, len(data))) == whole  # one byte at a time


def test_simple_query_error_ends_the_query_and_no_statement_is_skipped_synthetically():
    conn = _with(lambda c: c.simple_query("SELECT 1 AS a; SELECT 1/0; SELECT 3"))
    assert feed(conn, CAPTURED["simple_error"]) == [
        RowDescription((int_field("a"),)),
        DataRow((b"1",)),
        CommandComplete("SELECT 1"),
        DIV_BY_ZERO,
        ReadyForQuery("I"),
    ]
    assert conn.idle


def test_empty_query_and_syntax_error_at_parse():
    conn = _with(lambda c: (c.send_query(""), c.send_query("SELEC 1"), c.sync()))
    events = feed(conn, CAPTURED["empty_and_syntax"])
    assert events[:4] == [ParseComplete(), BindComplete(), NoData(), EmptyQueryResponse()]
    err = events[4]
    assert isinstance(err, ErrorResponse) and err.sqlstate == "42601"
    assert err.fields["P"] == "1" and err.named()["position"] == "1"
    assert events[5:] == [ReadyForQuery("I")]


def test_unique_violation_error_fields():
    conn = _with(_unique_commands)
    events = feed(conn, CAPTURED["unique"])
    assert events[:4] == [ParseComplete(), BindComplete(), NoData(), CommandComplete("INSERT 0 1")]
    assert events[3].rows_affected == 1
    assert events[6] == RowDescription((FieldDesc("id", events[6].fields[0].table_oid, 1, 23, 4, -1, 0),))
    err = events[7]
    assert isinstance(err, ErrorResponse)
    assert (err.sqlstate, err.constraint, err.table, err.detail) == (
        "23505", "t_pkey", "t", "Key (id)=(1) already exists."
    )
    assert err.message == 'duplicate key value violates unique constraint "t_pkey"'
    assert err.column is None and err.schema == "pg_temp_4"
    assert events[8:] == [ReadyForQuery("I")]


def test_notice_passes_through_inside_a_statement():
    conn = _with(lambda c: (c.send_query("DO $$BEGIN RAISE NOTICE 'hello'; END$$"), c.sync()))
    events = feed(conn, CAPTURED["notice"])
    notice = events[3]
    assert isinstance(notice, NoticeResponse) and (notice.severity, notice.message) == ("NOTICE", "hello")
    assert events[4:] == [CommandComplete("DO"), ReadyForQuery("I")]


def test_transaction_status_follows_ready_for_query():
    conn = ready()
    conn.simple_query("BEGIN")
    assert feed(conn, CAPTURED["begin"]) == [CommandComplete("BEGIN"), ReadyForQuery("T")]
    assert conn.transaction_status == "T" and conn.idle  # idle: nothing owed, though inside a transaction
    conn.send_query("SELECT 1/0")
    conn.sync()
    assert feed(conn, CAPTURED["in_failed_tx"]) == [ParseComplete(), DIV_BY_ZERO, ReadyForQuery("E")]
    assert conn.transaction_status == "E"
    conn.simple_query("ROLLBACK")
    assert feed(conn, CAPTURED["rollback"]) == [CommandComplete("ROLLBACK"), ReadyForQuery("I")]
    assert conn.transaction_status == "I"


def test_group_outcomes_gives_one_outcome_per_statement():
    outcomes, at_sync = group_outcomes(PIPELINE_EVENTS, 3)
    assert at_sync == []
    first = outcomes[0]
    assert isinstance(first, StatementResult)
    assert [f.name for f in first.fields] == ["x", "s", "n"]
    assert first.rows == ((b"42", b"a", None),) and first.rows_affected == 1
    assert outcomes[1:] == [DIV_BY_ZERO, StatementSkipped()]
    with pytest.raises(RemoteProtocolError):
        group_outcomes(PIPELINE_EVENTS, 4)


def test_error_at_sync_is_reported_apart():
    """A deferred constraint fails the implicit COMMIT: the ErrorResponse comes after CommandComplete."""
    conn = _with(lambda c: (c.send_query("INSERT INTO deferred VALUES (1)"), c.sync()))
    err = be("E", b"SERROR\x00VERROR\x00C23503\x00Mviolates foreign key\x00\x00")
    events = feed(conn, be("1") + be("2") + be("n") + be("C", b"INSERT 0 1\x00") + err + READY_I)
    assert isinstance(events[4], ErrorResponse) and conn.idle
    outcomes, at_sync = group_outcomes(events, 1)
    assert isinstance(outcomes[0], StatementResult)
    assert [e.sqlstate for e in at_sync] == ["23503"]


@pytest.mark.parametrize(
    ("tag", "count", "command"),
    [
        ("INSERT 0 5", 5, "INSERT"),
        ("UPDATE 3", 3, "UPDATE"),
        ("DELETE 0", 0, "DELETE"),
        ("SELECT 12", 12, "SELECT"),
        ("MERGE 2", 2, "MERGE"),
        ("CREATE TABLE", None, "CREATE"),
        ("BEGIN", None, "BEGIN"),
    ],
)
def test_command_complete_rows_affected(tag, count, command):
    assert CommandComplete(tag).rows_affected == count
    assert CommandComplete(tag).command == command


def test_asynchronous_messages_pass_through_between_others():
    conn = _with(lambda c: (c.send_query("SELECT 1"), c.sync()))
    notify = be("A", struct.pack("!i", 77) + b"chan\x00payload\x00")
    status = be("S", b"TimeZone\x00Europe/Paris\x00")
    events = feed(conn, be("1") + notify + be("2") + status + be("n") + be("C", b"SELECT 0\x00") + READY_I)
    assert events[1] == NotificationResponse(77, "chan", "payload")
    assert events[3] == ParameterStatus("TimeZone", "Europe/Paris")
    assert conn.parameters["TimeZone"] == "Europe/Paris" and conn.idle


def test_eof_at_a_message_boundary_is_connection_closed():
    conn = ready()
    conn.receive_data(b"")
    assert conn.next_event() == ConnectionClosed()
    assert conn.state is ConnState.CLOSED
    with pytest.raises(LocalProtocolError, match="closed"):
        conn.send_query("SELECT 1")


def test_fatal_error_closes_the_connection_without_a_protocol_error():
    conn = _with(lambda c: (c.send_query("SELECT pg_sleep(10)"), c.sync()))
    fatal = be("E", b"SFATAL\x00VFATAL\x00C57P01\x00Mterminating connection due to administrator command\x00\x00")
    events = feed(conn, be("1") + be("2") + fatal)
    assert isinstance(events[-1], ErrorResponse) and events[-1].is_fatal
    assert conn.state is ConnState.CLOSED
    conn.receive_data(b"")
    assert conn.next_event() == ConnectionClosed()


# --------------------------------------------------------------------------- authentication


def auth_conn(password: str | None = "secret", user: str = "postgres", **startup) -> PgConnection:
    conn = PgConnection(user, "db", password=password)
    conn.startup(**startup)
    return conn


def test_cleartext_password_request():
    conn = auth_conn()
    (ev,) = feed(conn, be("R", struct.pack("!i", 3)))
    assert ev == AuthenticationRequest("cleartext", b"p\x00\x00\x00\x0bsecret\x00")
    assert "secret" not in repr(ev) and "secret" not in repr(conn)
    assert feed(conn, AUTH_OK + READY_I) == [AuthenticationOk(), ReadyForQuery("I")]


def test_md5_password_hash():
    salt = b"\x01\x02\x03\x04"
    # md5("postgres" + "postgres") is the well-known stored hash 3175bce1...; the answer salts it
    expected = b"md5" + hashlib.md5(b"3175bce1d3201d16594cebf9d7eb3f9d" + salt).hexdigest().encode()
    assert md5_password("postgres", "postgres", salt) == expected
    conn = auth_conn("postgres")
    (ev,) = feed(conn, be("R", struct.pack("!i", 5) + salt))
    assert ev == AuthenticationRequest("md5", m.password_message(expected))


def test_missing_password_is_an_authentication_error():
    conn = auth_conn(password=None)
    with pytest.raises(AuthenticationError, match="no password"):
        feed(conn, be("R", struct.pack("!i", 3)))
    assert conn.state is ConnState.ERROR


def test_unsupported_auth_methods_are_refused():
    with pytest.raises(AuthenticationError, match="GSSAPI"):
        feed(auth_conn(), be("R", struct.pack("!i", 7)))
    with pytest.raises(AuthenticationError, match="SCRAM-SHA-256"):
        feed(auth_conn(), be("R", struct.pack("!i", 10) + b"SCRAM-SHA-256-PLUS\x00\x00"))


def test_wrong_password_error_during_authentication():
    conn = auth_conn()
    feed(conn, be("R", struct.pack("!i", 3)))
    err = be("E", b"SFATAL\x00VFATAL\x00C28P01\x00Mpassword authentication failed for user \"postgres\"\x00\x00")
    (ev,) = feed(conn, err)
    assert isinstance(ev, ErrorResponse) and ev.sqlstate == "28P01"
    assert conn.state is ConnState.CLOSED


# RFC 7677 section 3 test vector
RFC_CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO"
RFC_SERVER_FIRST = b"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
RFC_CLIENT_FINAL = (
    b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
)
RFC_SERVER_FINAL = b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="


def test_scram_sha_256_rfc7677_vector():
    client = ScramSha256("pencil", username="user", nonce=RFC_CLIENT_NONCE)
    assert client.client_first() == b"n,,n=user,r=rOprNGfwEbeRWgbNEkqO"
    assert client.client_final(RFC_SERVER_FIRST) == RFC_CLIENT_FINAL
    assert not client.done
    client.verify(RFC_SERVER_FINAL)
    assert client.done
    assert "pencil" not in repr(client)


def test_scram_pbkdf2_without_openssl_gives_the_same_vector(monkeypatch):
    monkeypatch.delattr(scram_module.hashlib, "pbkdf2_hmac", raising=False)
    client = ScramSha256("pencil", username="user", nonce=RFC_CLIENT_NONCE)
    client.client_first()
    assert client.client_final(RFC_SERVER_FIRST) == RFC_CLIENT_FINAL


def test_scram_refuses_a_wrong_server_signature_and_server_errors():
    client = ScramSha256("pencil", username="user", nonce=RFC_CLIENT_NONCE)
    client.client_first()
    client.client_final(RFC_SERVER_FIRST)
    with pytest.raises(AuthenticationError, match="signature"):
        client.verify(b"v=" + base64.b64encode(b"\x00" * 32))
    with pytest.raises(AuthenticationError, match="invalid-proof"):
        client.verify(b"e=invalid-proof")


def test_scram_refuses_a_server_nonce_that_does_not_extend_ours():
    client = ScramSha256("pencil", nonce="abc")
    client.client_first()
    with pytest.raises(RemoteProtocolError, match="nonce"):
        client.client_final(b"r=xyz123,s=QUJD,i=4096")
    with pytest.raises(RemoteProtocolError):
        client.client_final(b"garbage")


def test_saslprep():
    assert scram_module.saslprep("I\u00adX") == "IX"  # RFC 4013 examples: soft hyphen is removed
    assert scram_module.saslprep("\u00aa") == "a"
    assert scram_module.saslprep("\u2168") == "IX"
    assert scram_module.saslprep("plain ascii\x07") == "plain ascii\x07"  # ASCII untouched, as PostgreSQL
    with pytest.raises(ValueError):
        scram_module.saslprep("\u00e9\x07")
    with pytest.raises(ValueError):
        scram_module.saslprep("\u0627\u0031")  # RFC 4013: bidi rule


def _pbkdf2_sha256(password: bytes, salt: bytes, iterations: int) -> bytes:
    """RFC 8018 PBKDF2 with one block, spelled out (Pyodide's hashlib has no pbkdf2_hmac)."""
    u = hmac.new(password, salt + b"\x00\x00\x00\x01", "sha256").digest()
    out = u
    for _ in range(iterations - 1):
        u = hmac.new(password, u, "sha256").digest()
        out = bytes(a ^ b for a, b in zip(out, u, strict=True))
    return out


class ScramServer:
    """The server side of SCRAM-SHA-256, written from RFC 5802 independently of scram.py."""

    def __init__(self, password: str, salt: bytes = b"0123456789abcdef", iterations: int = 4096) -> None:
        self.salt, self.iterations = salt, iterations
        salted = _pbkdf2_sha256(password.encode(), salt, iterations)
        self.stored_key = hashlib.sha256(hmac.new(salted, b"Client Key", "sha256").digest()).digest()
        self.server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def first(self, client_first: bytes) -> bytes:
        assert client_first.startswith(b"n,,")
        self.client_first_bare = client_first[3:]
        cnonce = re.search(rb"r=([^,]+)", client_first).group(1)
        self.server_first = b"r=" + cnonce + b"SRVNONCE,s=" + base64.b64encode(self.salt) + b",i=%d" % self.iterations
        return self.server_first

    def final(self, client_final: bytes) -> bytes:
        without_proof, _, proof = client_final.rpartition(b",p=")
        auth = self.client_first_bare + b"," + self.server_first + b"," + without_proof
        signature = hmac.new(self.stored_key, auth, "sha256").digest()
        client_key = bytes(a ^ b for a, b in zip(base64.b64decode(proof), signature, strict=True))
        assert hashlib.sha256(client_key).digest() == self.stored_key, "client proof is wrong"
        return b"v=" + base64.b64encode(hmac.new(self.server_key, auth, "sha256").digest())


def sasl_payload(response: bytes) -> bytes:
    """The SCRAM message inside a SASLInitialResponse / SASLResponse frame."""
    body = response[5:]
    if body.startswith(b"SCRAM-SHA-256\x00"):
        return body[len("SCRAM-SHA-256\x00") + 4 :]
    return body


def test_scram_login_through_the_state_machine():
    server = ScramServer("s3cret")
    conn = auth_conn("s3cret")
    (ev,) = feed(conn, be("R", struct.pack("!i", 10) + b"SCRAM-SHA-256-PLUS\x00SCRAM-SHA-256\x00\x00"))
    assert ev.method == "SCRAM-SHA-256"
    assert ev.response.startswith(b"p") and b"SCRAM-SHA-256\x00" in ev.response
    first = server.first(sasl_payload(ev.response))
    (ev2,) = feed(conn, be("R", struct.pack("!i", 11) + first))
    assert ev2.method == "SCRAM-SHA-256-continue"
    final = server.final(sasl_payload(ev2.response))
    assert feed(conn, be("R", struct.pack("!i", 12) + final) + AUTH_OK + READY_I) == [
        AuthenticationOk(),
        ReadyForQuery("I"),
    ]


def test_scram_login_with_an_impostor_server_fails():
    server = ScramServer("not-the-password")
    conn = auth_conn("s3cret")
    (ev,) = feed(conn, be("R", struct.pack("!i", 10) + b"SCRAM-SHA-256\x00\x00"))
    first = server.first(sasl_payload(ev.response))
    feed(conn, be("R", struct.pack("!i", 11) + first))
    fake_final = b"v=" + base64.b64encode(b"x" * 32)
    with pytest.raises(AuthenticationError, match="signature"):
        feed(conn, be("R", struct.pack("!i", 12) + fake_final) + AUTH_OK)
    assert conn.state is ConnState.ERROR


def test_scram_server_that_skips_the_final_message_is_refused():
    server = ScramServer("s3cret")
    conn = auth_conn("s3cret")
    (ev,) = feed(conn, be("R", struct.pack("!i", 10) + b"SCRAM-SHA-256\x00\x00"))
    feed(conn, be("R", struct.pack("!i", 11) + server.first(sasl_payload(ev.response))))
    with pytest.raises(AuthenticationError, match="skipped"):
        feed(conn, AUTH_OK)


# --------------------------------------------------------------------------- pipelined connect


def test_pipelined_cleartext_connect_sends_password_and_query_in_one_flight():
    conn = PgConnection("neon", "db", password="pw1")
    flight = conn.startup(pipeline_auth="cleartext")
    assert flight == m.startup_message({"user": "neon", "database": "db", "client_encoding": "UTF8"}) + (
        b"p\x00\x00\x00\x08pw1\x00"
    )
    flight += conn.send_query("SELECT 1") + conn.sync()
    reply = be("R", struct.pack("!i", 3)) + AUTH_OK + READY_I + be("1") + be("2") + be("n")
    reply += be("C", b"SELECT 0\x00") + READY_I
    events = feed(conn, reply)
    assert events[0] == AuthenticationRequest("cleartext", b"")  # nothing more to send
    assert events[1:3] == [AuthenticationOk(), ReadyForQuery("I")]
    assert events[-2:] == [CommandComplete("SELECT 0"), ReadyForQuery("I")]
    assert conn.idle


def test_pipelined_cleartext_when_the_server_wants_scram_is_a_local_error():
    conn = PgConnection("u", "db", password="pw")
    conn.startup(pipeline_auth="cleartext")
    with pytest.raises(LocalProtocolError, match="pipeline"):
        feed(conn, be("R", struct.pack("!i", 10) + b"SCRAM-SHA-256\x00\x00"))


def test_pipelined_trust_connect():
    conn = PgConnection("u", "db")
    conn.startup(pipeline_auth="trust")
    conn.send_query("SELECT 1")
    conn.sync()
    events = feed(conn, AUTH_OK + READY_I + be("1") + be("2") + be("n") + be("C", b"SELECT 0\x00") + READY_I)
    assert events[0] == AuthenticationOk() and events[-1] == ReadyForQuery("I") and conn.idle
    conn2 = PgConnection("u", "db", password="pw")
    conn2.startup(pipeline_auth="trust")
    conn2.send_query("SELECT 1")
    with pytest.raises(LocalProtocolError, match="trust"):
        feed(conn2, be("R", struct.pack("!i", 3)))


def test_commands_before_ready_need_pipeline_auth():
    conn = auth_conn()
    with pytest.raises(LocalProtocolError, match="pipeline_auth"):
        conn.send_query("SELECT 1")


# --------------------------------------------------------------------------- violations and ERROR


def assert_in_error_state(conn: PgConnection) -> None:
    assert conn.state is ConnState.ERROR
    with pytest.raises(RemoteProtocolError, match="ERROR state"):
        conn.next_event()
    with pytest.raises(RemoteProtocolError):
        conn.receive_data(b"Z\x00\x00\x00\x05I")
    for command in (lambda: conn.send_query("SELECT 1"), conn.sync, lambda: conn.simple_query("x"), conn.terminate):
        with pytest.raises(LocalProtocolError, match="ERROR state"):
            command()


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (be("?", b""), "unknown backend message"),
        (be("D", b"\x00\x01\x00\x00\x00\x01"), "DataRow"),  # no command is waiting for rows
        (b"Z\x00\x00\x00\x02", "impossible length"),
        (b"Z\x7f\xff\xff\xff", "impossible length"),
        (be("Z", b"X"), "ReadyForQuery"),
        (be("C", b"no terminator"), "unterminated"),
        (be("G", b"\x00\x00\x00"), "COPY"),
    ],
)
def test_remote_violations_raise_and_leave_the_machine_in_error(data, match):
    conn = ready()
    with pytest.raises(RemoteProtocolError, match=match):
        feed(conn, data)
    assert_in_error_state(conn)


def test_out_of_order_reply_is_a_remote_violation():
    conn = _with(lambda c: (c.send_query("SELECT 1"), c.sync()))
    with pytest.raises(RemoteProtocolError, match="can't handle BindComplete while waiting for step PARSE"):
        feed(conn, be("2"))
    assert_in_error_state(conn)


def test_malformed_data_row_is_a_remote_violation():
    conn = _with(lambda c: (c.send_query("SELECT 1"), c.sync()))
    desc = be("T", b"\x00\x01a\x00" + struct.pack("!ihihih", 0, 0, 23, 4, -1, 0))
    with pytest.raises(RemoteProtocolError, match="DataRow"):
        feed(conn, be("1") + be("2") + desc + be("D", b"\x00\x01\x00\x00\x00\x09abc"))


def test_eof_in_the_middle_of_a_message_is_a_remote_violation():
    conn = _with(lambda c: (c.send_query("SELECT 1"), c.sync()))
    conn.receive_data(be("1") + b"2\x00\x00")
    assert conn.next_event() == ParseComplete()
    assert conn.next_event() is NEED_DATA
    conn.receive_data(b"")
    with pytest.raises(RemoteProtocolError, match="middle of a message"):
        conn.next_event()
    assert conn.state is ConnState.ERROR


def test_server_speaking_before_startup_is_a_violation():
    conn = PgConnection("u")
    conn.receive_data(READY_I)
    with pytest.raises(RemoteProtocolError, match="before the startup"):
        conn.next_event()


def test_local_violations_raise_and_leave_the_machine_in_error():
    conn = PgConnection("u")
    with pytest.raises(LocalProtocolError, match="startup"):
        conn.send_query("SELECT 1")
    assert conn.state is ConnState.ERROR
    with pytest.raises(LocalProtocolError):
        conn.startup()

    conn = ready()
    conn.send_query("SELECT 1")
    with pytest.raises(LocalProtocolError, match="sync"):
        conn.simple_query("COMMIT")
    assert_in_error_state(conn)

    conn = ready()
    with pytest.raises(LocalProtocolError, match="once"):
        conn.startup()


def test_error_classes_fit_the_library_hierarchy():
    assert issubclass(RemoteProtocolError, ProtocolError) and issubclass(RemoteProtocolError, ConnectionError)
    assert issubclass(LocalProtocolError, ClientError)


def test_terminate_closes():
    conn = ready()
    assert conn.terminate() == b"X\x00\x00\x00\x04"
    assert conn.state is ConnState.CLOSED
    with pytest.raises(LocalProtocolError, match="closed"):
        conn.sync()


def test_the_protocol_package_does_no_io():
    """Like h11: nothing in pgwire imports a socket, asyncio or the JS bridge."""
    package = pathlib.Path(m.__file__).parent
    for path in package.glob("*.py"):
        text = path.read_text()
        for name in ("asyncio", "socket", "selectors", "js", "pyodide", "ssl"):
            assert not re.search(rf"^\s*(import|from)\s+{name}\b", text, re.M), f"{path.name} imports {name}"


def test_an_error_skips_only_until_its_own_sync():
    conn = ready()
    conn.send_query("SELEC 1")
    conn.send_query("SELECT 2")
    conn.sync()
    conn.send_query("SELECT 3")
    conn.sync()
    err = be("E", b"SERROR\x00VERROR\x00C42601\x00Msyntax error\x00\x00")
    second = be("1") + be("2") + be("n") + be("C", b"SELECT 0\x00") + READY_I
    events = feed(conn, err + READY_I + second)
    assert [type(e).__name__ for e in events] == [
        "ErrorResponse", "StatementSkipped", "ReadyForQuery",
        "ParseComplete", "BindComplete", "NoData", "CommandComplete", "ReadyForQuery",
    ]  # fmt: skip
    assert conn.idle


def test_statements_queued_after_an_error_but_before_the_sync_are_skipped_too():
    conn = ready()
    conn.send_query("SELEC 1")
    assert feed(conn, be("E", b"SERROR\x00VERROR\x00C42601\x00Mx\x00\x00"))[0].sqlstate == "42601"
    conn.send_query("SELECT 2")  # the server will discard this one as well
    assert conn.next_event() == StatementSkipped()
    conn.sync()
    assert feed(conn, READY_I) == [ReadyForQuery("I")] and conn.idle
