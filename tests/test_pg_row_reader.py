"""The one-pass row path (protocols/postgres/row_reader.py) through a real `PgSession`, over a
scripted server: every column type, NULL in each, rows cut at any chunk boundary, the caller's
records built on the wire, and values the fast path cannot finish decoded (or refused) exactly as
the two-step path does. No I/O: runs under Pyodide too."""

from __future__ import annotations

import datetime as dt
import random
import struct
from decimal import Decimal
from typing import Any

import pytest

from prisma_edge import errors
from prisma_edge.client.decoders import decode_rows, records_for
from prisma_edge.compiler.plan import Column, RecordShape
from prisma_edge.fetch_adapters.protocols.pgwire import PgConnection, RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.postgres import types as pg_types
from prisma_edge.fetch_adapters.protocols.postgres.wire_session import PgSession

ENUM_OID = 16_385  # a user-defined type (an enum), as PostgreSQL numbers them
# (type OID, values as PostgreSQL prints them): every builtin the decoders know, an enum, an unknown
TYPES: list[tuple[int, list[str]]] = [
    (21, ["7", "-32768"]), (23, ["42", "-2147483648"]), (20, ["9223372036854775807", "-1"]),
    (26, ["4294967295"]), (700, ["1.5", "NaN", "-Infinity"]), (701, ["3.141592653589793", "1e+100", "Infinity"]),
    (1700, ["12.50", "-0.000001", "NaN"]), (16, ["t", "f"]), (17, ["\\x00ff10", "\\x"]),
    (25, ["héllo ✓", ""]), (1043, ["abc"]), (1042, ["ab  "]), (19, ["pg_class"]), (18, ["c"]),
    (1114, ["2024-01-02 03:04:05.678", "infinity"]), (1184, ["2024-01-02 03:04:05+00", "1999-12-31 23:00:00-05:30"]),
    (1082, ["2024-02-29", "-infinity"]), (1083, ["13:14:15.5", "24:00:00"]), (1266, ["13:14:15+05:30"]),
    (114, ['{"a": 1.5}']), (3802, ['[1, "x"]', '"1"']), (2950, ["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"]),
    (1007, ["{1,NULL,3}", "{}"]), (1009, ['{"a b",c,NULL}']), (1016, ["{{1,2},{3,4}}"]),
    (ENUM_OID, ["draft", "published"]), (1186, ["1 day 02:00:00"]),
]


def be(kind: str, payload: bytes = b"") -> bytes:
    return kind.encode() + struct.pack("!i", len(payload) + 4) + payload


def row_description(oids: list[int]) -> bytes:
    fields = b"".join(f"c{i}".encode() + b"\0" + struct.pack("!ihihih", 0, 0, oid, -1, -1, 0) for i, oid in enumerate(oids))
    return be("T", struct.pack("!h", len(oids)) + fields)


def data_row(values: list[bytes | None]) -> bytes:
    return be("D", struct.pack("!h", len(values)) + b"".join(
        struct.pack("!i", -1) if v is None else struct.pack("!i", len(v)) + v for v in values))


def table(rng: random.Random, oids_samples: list[tuple[int, list[str]]], n: int) -> list[list[bytes | None]]:
    """n rows of random samples; column i is NULL in row i (so every column has one), row n-1 all NULL."""
    rows = []
    for r in range(n):
        rows.append([None if r == i or r == n - 1 else rng.choice(samples).encode() for i, (_, samples) in enumerate(oids_samples)])
    return rows


class Replay:
    """A ByteStream whose server answers one flight with `answer`, in chunks of the given sizes."""

    def __init__(self, answer: bytes, sizes: list[int]) -> None:
        self.chunks: list[bytes] = []
        at = 0
        for size in sizes:
            if at >= len(answer):
                break
            self.chunks.append(answer[at : at + size])
            at += size
        if at < len(answer):
            self.chunks.append(answer[at:])
        self.sent: list[bytes] = []

    async def send(self, data: bytes) -> None:
        self.sent.append(data)

    async def recv(self) -> bytes:
        return self.chunks.pop(0) if self.chunks else b""

    async def close(self) -> None:
        pass


LOGIN = be("R", struct.pack("!i", 0)) + be("Z", b"I")


def answer(oids: list[int], rows: list[list[bytes | None]]) -> bytes:
    """Login, then Parse/Bind complete, the rows, CommandComplete, ReadyForQuery."""
    return (LOGIN + be("1") + be("2") + row_description(oids) + b"".join(data_row(r) for r in rows)
            + be("C", f"SELECT {len(rows)}".encode() + b"\0") + be("Z", b"I"))


async def run(oids: list[int], rows: list[list[bytes | None]], sizes: list[int], records: Any = None) -> Any:
    session = PgSession(Replay(answer(oids, rows), sizes), PgConnection("postgres", "db", None, "test"),
                        pipeline_auth="trust")
    (rs,) = await session.run([("SELECT 1", ())], [records])
    assert session.reusable  # nothing left unread, nothing broken
    return rs


def two_step(oids: list[int], rows: list[list[bytes | None]]) -> list[tuple[Any, ...]]:
    """What the values decode to, the documented way: each text cell by its OID (pg_types)."""
    decode = pg_types.row_decoder(tuple((oid, 0) for oid in oids))
    return [decode(tuple(rows_i)) for rows_i in rows]


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types, NaN included (NaN != NaN, but it is the value both read)."""
    return repr(a) == repr(b)


CHUNKINGS = [[1 << 30], [1] * 20000, [7] * 2000, [64] * 500, [300, 5, 4096]]


@pytest.mark.parametrize("sizes", CHUNKINGS, ids=["whole", "bytes", "7", "64", "mixed"])
async def test_every_type_decodes_as_pg_types_says_with_nulls_and_any_chunking(sizes):
    rng = random.Random(len(sizes))
    oids = [oid for oid, _ in TYPES]
    rows = table(rng, TYPES, len(TYPES) + 3)
    rs = await run(oids, rows, sizes)
    assert rs.records is None
    assert same(list(rs.rows), two_step(oids, rows))
    assert all(v is None for v in rs.rows[-1]) and all(rs.rows[i][i] is None for i in range(len(oids)))
    assert rs.column_types[1] == "int" and len(rs.rows) == len(rows)


async def test_values_a_user_reads_back():
    cols = [(23, "42"), (20, "9223372036854775807"), (701, "0.1"), (1700, "12.50"), (16, "t"), (17, "\\x00ff"),
            (1184, "1999-12-31 23:00:00-05:30"), (1114, "2024-01-02 03:04:05.678"), (25, "héllo"), (3802, '{"a": 1}'),
            (1007, "{1,NULL,3}")]
    rs = await run([c[0] for c in cols], [[v.encode() for _, v in cols]], [5] * 200)
    assert rs.rows[0] == (
        42, 9223372036854775807, 0.1, Decimal("12.50"), True, b"\x00\xff",
        dt.datetime(2000, 1, 1, 4, 30, tzinfo=dt.UTC), dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.UTC),
        "héllo", '{"a": 1}', [1, None, 3],
    )


# Prisma fields over the columns above: the records the client builds from them
SHAPE_COLUMNS: list[tuple[Column, int, list[str]]] = [
    (Column("id", "scalar", "Int"), 23, ["1", "-5"]),
    (Column("big", "scalar", "BigInt"), 20, ["9223372036854775807"]),
    (Column("small", "scalar", "Int"), 21, ["3"]),
    (Column("score", "scalar", "Float"), 701, ["2.5", "NaN"]),
    (Column("real", "scalar", "Float"), 700, ["1.25"]),
    (Column("price", "scalar", "Decimal"), 1700, ["12.50", "-0.000001"]),
    (Column("ok", "scalar", "Boolean"), 16, ["t", "f"]),
    (Column("at", "scalar", "DateTime"), 1184, ["2024-01-02 03:04:05.5+00", "1999-12-31 23:00:00-05:30", "2024-01-02 03:04:05.678901+00"]),
    (Column("naive", "scalar", "DateTime"), 1114, ["2024-01-02 03:04:05"]),
    (Column("day", "scalar", "DateTime"), 1082, ["2024-02-29"]),
    (Column("meta", "scalar", "Json"), 3802, ['{"a": [1, 2.5]}', '"1"', "1"]),
    (Column("blob", "scalar", "Bytes"), 17, ["\\x00ff10"]),
    (Column("name", "scalar", "String"), 25, ["Ann ✓", ""]),
    (Column("uid", "scalar", "String"), 2950, ["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"]),
    (Column("status", "scalar", "Enum:Status", enum_map=(("draft", "DRAFT"), ("published", "PUBLISHED"))), ENUM_OID, ["draft", "published"]),
    (Column("kind", "scalar", "Enum:Kind"), ENUM_OID, ["A"]),
    (Column("tags", "scalar", "String", is_list=True), 1009, ['{"a b",c}', "{}"]),
    (Column("nums", "scalar", "Int", is_list=True), 1007, ["{1,2}"]),
    (Column("jsons", "scalar", "Json", is_list=True), 199, ['{"{\\"a\\": 1}",2}']),
]
SHAPE = RecordShape(tuple(c for c, _, _ in SHAPE_COLUMNS))


@pytest.mark.parametrize("sizes", CHUNKINGS, ids=["whole", "bytes", "7", "64", "mixed"])
async def test_records_built_on_the_wire_equal_the_clients_own_decoding(sizes):
    rng = random.Random(len(sizes))
    oids = [oid for _, oid, _ in SHAPE_COLUMNS]
    rows = table(rng, [(oid, s) for _, oid, s in SHAPE_COLUMNS], len(SHAPE_COLUMNS) + 4)
    rs = await run(oids, rows, sizes, records_for(SHAPE))
    assert rs.rows == () and same(rs.records, decode_rows(SHAPE, two_step(oids, rows)))
    assert [list(r) for r in rs.records] == [[c.name for c in SHAPE.columns]] * len(rows)
    nulls = rs.records[-1]
    assert nulls["tags"] == [] and nulls["nums"] == [] and nulls["id"] is None  # a NULL list reads as []


async def test_record_values_a_user_reads_back():
    oids = [oid for _, oid, _ in SHAPE_COLUMNS]
    row = [s[0].encode() for _, _, s in SHAPE_COLUMNS]
    (rec,) = (await run(oids, [row], [3] * 1000, records_for(SHAPE))).records
    assert rec == {
        "id": 1, "big": 9223372036854775807, "small": 3, "score": 2.5, "real": 1.25, "price": Decimal("12.50"),
        "ok": True, "at": dt.datetime(2024, 1, 2, 3, 4, 5, 500000, tzinfo=dt.UTC),
        "naive": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC), "day": dt.datetime(2024, 2, 29, tzinfo=dt.UTC),
        "meta": {"a": [1, Decimal("2.5")]}, "blob": b"\x00\xff\x10", "name": "Ann ✓",
        "uid": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "status": "DRAFT", "kind": "A", "tags": ["a b", "c"],
        "nums": [1, 2], "jsons": [{"a": 1}, 2],
    }
    assert type(rec["id"]) is int and type(rec["score"]) is float and rec["at"].tzinfo is dt.UTC


async def test_records_for_another_number_of_columns_give_plain_rows():
    rs = await run([23], [[b"1"], [None]], [1 << 30], records_for(SHAPE))
    assert rs.records is None and rs.rows == ((1,), (None,))


async def test_a_value_the_caller_refuses_is_its_error_after_every_row_is_read():
    shape = RecordShape((Column("id", "scalar", "Int"), Column("n", "scalar", "Int")))  # n over a text column
    rows = [[b"1", b"2"], [b"2", b"two"], [b"3", b"4"]]
    with pytest.raises(errors.InconsistentColumnDataError, match="could not decode a row"):
        await run([23, 25], rows, [9] * 100, records_for(shape))
    rs = await run([23, 25], rows[:1] + rows[2:], [9] * 100, records_for(shape))  # without it: fine
    assert rs.records == [{"id": 1, "n": 2}, {"id": 3, "n": 4}]


async def test_a_value_that_does_not_decode_is_a_protocol_error_even_after_a_caller_error():
    shape = RecordShape((Column("id", "scalar", "Int"), Column("n", "scalar", "Int")))
    rows = [[b"1", b"2"], [b"2", b"two"], [b"x3", b"4"]]  # row 2: the caller's error; row 3: int4 "x3"
    with pytest.raises(errors.ProtocolError, match="does not decode"):
        await run([23, 25], rows, [1 << 30], records_for(shape))
    with pytest.raises(errors.ProtocolError, match="does not decode"):
        await run([23, 25], rows, [1 << 30])


@pytest.mark.parametrize("records", [None, records_for(RecordShape((Column("n", "scalar", "Int"), Column("ok", "scalar", "Boolean"))))])
async def test_a_value_only_the_two_step_path_reads_and_the_rows_after_it(records):
    # int(b"...") reads ASCII digits only, int(str) any Unicode digits: the fast path hands the
    # row on, and it and every later row decode as before (PostgreSQL itself prints ASCII)
    rows = [[b"1", b"t"], ["\u0661\u0662".encode(), b"f"], [b"3", b"t"], [None, None]]
    rs = await run([23, 16], rows, [6] * 100, records)
    got = rs.rows if records is None else [tuple(r.values()) for r in rs.records]
    assert list(got) == [(1, True), (12, False), (3, True), (None, None)]


async def test_rows_wider_than_written_out_take_the_two_step_path():
    oids = [23] * 300
    rows = [[str(i + j).encode() for j in range(300)] for i in range(3)] + [[None] * 300]
    rs = await run(oids, rows, [4096] * 10)
    assert list(rs.rows) == [tuple(i + j for j in range(300)) for i in range(3)] + [(None,) * 300]


@pytest.mark.parametrize("records", [None, records_for(RecordShape((Column("a", "scalar", "String"), Column("b", "scalar", "String"))))])
async def test_a_data_row_whose_values_do_not_fill_it_breaks_the_connection(records):
    good = data_row([b"xy", b"z"])
    bad = bytearray(good + b"!")  # one byte more than its values take
    bad[1:5] = struct.pack("!i", len(bad) - 1)
    stream = (LOGIN + be("1") + be("2") + row_description([25, 25]) + good + bytes(bad)
              + be("C", b"SELECT 2\0") + be("Z", b"I"))
    session = PgSession(Replay(stream, [1 << 30]), PgConnection("postgres", "db", None, "t"), pipeline_auth="trust")
    with pytest.raises(RemoteProtocolError, match="do not fill it"):
        await session.run([("SELECT 1", ())], [records])
    assert session.broken
