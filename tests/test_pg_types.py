"""pg_types: parameters as the Neon driver writes them, text results decoded by OID; pg_errors.

Pure functions: these run everywhere (CPython and Pyodide). The same conversions are checked
against a real PostgreSQL, through the local Neon endpoint, in test_neon_http.py.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prisma_edge.errors import (
    AuthenticationError,
    ConnectionError,
    DatabaseError,
    ForeignKeyError,
    NullConstraintError,
    UniqueConstraintError,
    ValueTooLongError,
    WriteConflictError,
)
from prisma_edge.fetch_adapters.base import ColumnType
from prisma_edge.fetch_adapters.protocols.postgres.errors import error_from_sqlstate, key_columns
from prisma_edge.fetch_adapters.protocols.postgres.types import (
    column_type,
    decode_text,
    encode_param,
    parse_array,
)

UTC = dt.UTC

# -- parameters: what @neondatabase/serverless sends for the same value (protocols.md A.3) ----

ENCODE_CASES = [
    (None, None),
    (True, "true"),
    (False, "false"),
    (0, "0"),
    (-42, "-42"),
    (2**63 - 1, "9223372036854775807"),
    (10**30, "1" + "0" * 30),
    (1.5, "1.5"),
    (-0.25, "-0.25"),
    (float("nan"), "NaN"),
    (float("inf"), "Infinity"),
    (float("-inf"), "-Infinity"),
    (Decimal("1.50"), "1.50"),
    (Decimal("1E+3"), "1000"),
    (Decimal("-0.000001"), "-0.000001"),
    (Decimal("NaN"), "NaN"),
    ("héllo \"'\\", "héllo \"'\\"),
    (b"", "\\x"),
    (b"\x00\x01\xff", "\\x0001ff"),
    (bytearray(b"ab"), "\\x6162"),
    (dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC), "2024-01-02T03:04:05.678000+00:00"),
    (dt.datetime(2024, 1, 2, 5, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))), "2024-01-02T03:04:05+00:00"),
    (dt.datetime(2024, 1, 2, 3, 4, 5), "2024-01-02T03:04:05+00:00"),  # naive: taken as UTC
    (dt.date(2024, 2, 29), "2024-02-29"),
    (dt.time(23, 59, 59, 1), "23:59:59.000001"),
    (uuid.UUID("12345678-1234-5678-1234-567812345678"), "12345678-1234-5678-1234-567812345678"),
    ([1, 2, None], '{"1","2",NULL}'),
    (['a"b', "c,d", "\\"], '{"a\\"b","c,d","\\\\"}'),
    ([[1, 2], [3, 4]], '{{"1","2"},{"3","4"}}'),
    ([True, b"\x01"], '{"true","\\\\x01"}'),
    ([], "{}"),
    ({"a": [1, "é"]}, '{"a":[1,"é"]}'),
]


@pytest.mark.parametrize(("value", "expected"), ENCODE_CASES, ids=[repr(c[0])[:40] for c in ENCODE_CASES])
def test_encode_param_matches_the_js_driver(value, expected):
    assert encode_param(value) == expected


def test_encode_param_refuses_unknown_types():
    with pytest.raises(TypeError, match="object"):
        encode_param(object())


# -- results: PostgreSQL text output -> Python ------------------------------------------------

DECODE_CASES = [
    (21, "-32768", -32768),
    (23, "2147483647", 2147483647),
    (20, "9223372036854775807", 9223372036854775807),
    (26, "4294967295", 4294967295),
    (701, "1.5", 1.5),
    (700, "-0.25", -0.25),
    (701, "Infinity", float("inf")),
    (701, "-Infinity", float("-inf")),
    (1700, "123456789012345678901234567890.000000000000000000001",
     Decimal("123456789012345678901234567890.000000000000000000001")),
    (16, "t", True),
    (16, "f", False),
    (25, "héllo", "héllo"),
    (1043, "x", "x"),
    (1042, "ab ", "ab "),
    (19, "pg_catalog", "pg_catalog"),
    (17, "\\x00ff10", b"\x00\xff\x10"),
    (17, "\\x", b""),
    (17, "a\\\\b\\001", b"a\\b\x01"),  # bytea_output = escape
    (1114, "2024-01-02 03:04:05.678", dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)),
    (1114, "2024-01-02 03:04:05", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    (1184, "2024-01-02 03:04:05.123456+00", dt.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)),
    (1184, "2024-01-02 08:34:05+05:30", dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    (1184, "1900-01-01 00:00:00+00:19:32", dt.datetime(1899, 12, 31, 23, 40, 28, tzinfo=UTC)),
    (1114, "infinity", "infinity"),
    (1184, "-infinity", "-infinity"),
    (1114, "0044-03-15 12:00:00 BC", "0044-03-15 12:00:00 BC"),
    (1082, "2024-02-29", dt.date(2024, 2, 29)),
    (1082, "infinity", "infinity"),
    (1082, "12345-01-01", "12345-01-01"),
    (1083, "13:14:15.5", dt.time(13, 14, 15, 500000)),
    (1083, "24:00:00", "24:00:00"),
    (1266, "13:14:15+02", dt.time(13, 14, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    (114, '{"a": 1}', '{"a": 1}'),
    (3802, '"1"', '"1"'),
    (2950, "12345678-1234-5678-1234-567812345678", "12345678-1234-5678-1234-567812345678"),
    (1007, "{1,2,NULL}", [1, 2, None]),
    (1007, "{{1,2},{3,4}}", [[1, 2], [3, 4]]),
    (1007, "[0:1]={5,6}", [5, 6]),
    (1009, '{"a \\"b\\"",NULL,"NULL",plain,"c,d",""}', ['a "b"', None, "NULL", "plain", "c,d", ""]),
    (1001, '{"\\\\x0102",NULL}', [b"\x01\x02", None]),
    (1231, "{1.5,-2}", [Decimal("1.5"), Decimal("-2")]),
    (1000, "{t,f}", [True, False]),
    (1185, '{"2024-01-02 03:04:05+00"}', [dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)]),
    (3807, '{"{\\"a\\": 1}"}', ['{"a": 1}']),
    (1009, "{}", []),
    (1009, "{\x85,\u3000a}", ["\x85", "\u3000a"]),  # Unicode spaces are not PostgreSQL's
    (1186, "1 day 02:00:00", "1 day 02:00:00"),  # interval: text
    (16385, "happy", "happy"),  # an enum
]


@pytest.mark.parametrize(("oid", "text", "expected"), DECODE_CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in DECODE_CASES])
def test_decode_text(oid, text, expected):
    value = decode_text(oid, text)
    assert value == expected
    assert type(value) is type(expected)


def test_decode_keeps_nan_and_null():
    assert decode_text(701, "NaN") != decode_text(701, "NaN")  # a real float NaN
    assert decode_text(1700, "NaN").is_nan()
    assert decode_text(23, None) is None


def test_timestamps_are_aware_utc():
    for oid, text in ((1114, "2024-06-01 12:00:00"), (1184, "2024-06-01 14:00:00+02")):
        value = decode_text(oid, text)
        assert value.utcoffset() == dt.timedelta(0)
        assert value == dt.datetime(2024, 6, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("oid", "expected"),
    [
        (21, ColumnType.INT), (23, ColumnType.INT), (20, ColumnType.BIGINT), (701, ColumnType.FLOAT),
        (1700, ColumnType.DECIMAL), (16, ColumnType.BOOL), (25, ColumnType.TEXT), (1043, ColumnType.TEXT),
        (1114, ColumnType.DATETIME), (1184, ColumnType.DATETIME), (1082, ColumnType.DATE),
        (1083, ColumnType.TIME), (114, ColumnType.JSON), (3802, ColumnType.JSON), (17, ColumnType.BYTES),
        (2950, ColumnType.UUID), (16385, ColumnType.TEXT), (1186, ColumnType.UNKNOWN), (1007, ColumnType.UNKNOWN),
    ],
)
def test_column_type(oid, expected):
    assert column_type(oid) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet=st.characters(exclude_characters="\x00"))), max_size=8))
def test_array_literal_round_trip(items):
    """What encode_param writes for a list, parse_array reads back unchanged (NULL vs "NULL" too)."""
    assert parse_array(encode_param(items)) == items


@pytest.mark.parametrize("bad", ["", "1,2", "{1,2", '{"a}', "{1,2}x"])
def test_parse_array_rejects_malformed(bad):
    with pytest.raises((ValueError, IndexError)):
        parse_array(bad)


# -- pg_errors ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("detail", "expected"),
    [
        ("Key (email)=(a@b.c) already exists.", ("email",)),
        ('Key (a, "userId")=(1, 2) already exists.', ("a", "userId")),
        ('Key ("we""ird, name", b)=(x, y) already exists.', ('we"ird, name', "b")),
        ("Key (lower(email::text))=(x) already exists.", ("lower(email::text)",)),
        ('Key (author_id)=(99) is not present in table "users".', ("author_id",)),
        ("Failing row contains (1, null).", ()),
        (None, ()),
    ],
)
def test_key_columns(detail, expected):
    assert key_columns(detail) == expected


def test_unique_violation_names_columns_not_values():
    err = error_from_sqlstate("23505", 'duplicate key value violates unique constraint "User_email_key"',
                              detail="Key (email)=(secret@example.com) already exists.",
                              constraint="User_email_key", table="User")
    assert isinstance(err, UniqueConstraintError)
    assert err.code == "P2002"
    assert err.fields == ("email",)
    assert "secret@example.com" not in str(err)
    assert err.meta["constraint"] == "User_email_key"
    assert err.meta["table"] == "User"


def test_unique_violation_without_detail_falls_back_to_the_constraint():
    err = error_from_sqlstate("23505", "duplicate key", constraint="t_a_b_key")
    assert err.fields == ("t_a_b_key",)


@pytest.mark.parametrize(
    ("sqlstate", "cls", "code"),
    [
        ("23503", ForeignKeyError, "P2003"),
        ("23502", NullConstraintError, "P2011"),
        ("22001", ValueTooLongError, "P2000"),
        ("40001", WriteConflictError, "P2034"),
        ("40P01", WriteConflictError, "P2034"),
        ("28P01", AuthenticationError, "P1000"),
        ("28000", AuthenticationError, "P1000"),
        ("08006", ConnectionError, "P1001"),
        ("53300", ConnectionError, "P1001"),
        ("42601", DatabaseError, None),
    ],
)
def test_sqlstate_mapping(sqlstate, cls, code):
    err = error_from_sqlstate(sqlstate, "some message", column="c", constraint="k")
    assert type(err) is cls
    assert err.code == code


def test_kinds_without_a_class_carry_the_prisma_code():
    err = error_from_sqlstate("42P01", 'relation "nope" does not exist')
    assert isinstance(err, DatabaseError)
    assert (err.db_code, err.meta["prisma_code"], err.meta["kind"]) == ("42P01", "P2021", "TableDoesNotExist")
    assert error_from_sqlstate("3D000", 'database "x" does not exist').meta["prisma_code"] == "P1003"


def test_foreign_key_and_null_meta():
    fk = error_from_sqlstate("23503", 'insert or update on table "Post" violates foreign key constraint "Post_authorId_fkey"',
                             detail='Key ("authorId")=(9) is not present in table "User".',
                             constraint="Post_authorId_fkey")
    assert fk.field == "Post_authorId_fkey"
    assert fk.meta["columns"] == ("authorId",)
    nn = error_from_sqlstate("23502", 'null value in column "name" of relation "User" violates not-null constraint',
                             column="name")
    assert nn.meta["target"] == ("name",)


def test_secrets_are_redacted_from_messages():
    err = error_from_sqlstate("XX000", "failed for postgresql://bob:hunter22@db/x and hunter22",
                              secrets=("hunter22",))
    assert "hunter22" not in str(err)
    assert "hunter22" not in repr(err.meta)
