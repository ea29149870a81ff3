"""Row decoders compiled per shape (issue 15 item 3): the same records as Prisma returns them.

Each case is a row as a driver hands it over (typed top-level values, JSON text for relations)
and the record a user gets; a short row is a typed error, not a wrong record.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from prisma_edge.client.decoders import decode_row, decode_rows, row_decoder
from prisma_edge.compiler.plan import Column, RecordShape, RelationShape
from prisma_edge.errors import InconsistentColumnDataError

POST = RecordShape(
    (Column("id", "scalar", "Int"), Column("price", "scalar", "Decimal"), Column("at", "scalar", "DateTime"))
)
USER = RecordShape(
    (
        Column("id", "scalar", "BigInt"),
        Column("name", "scalar", "String"),
        Column("role", "scalar", "Enum:Role", enum_map=(("admin", "ADMIN"),)),
        Column("tags", "scalar", "String", is_list=True),
        Column("ok", "scalar", "Boolean"),
        Column("posts", "relation", relation=RelationShape(True, POST, reverse=True)),
        Column("best", "relation", relation=RelationShape(False, POST)),
        Column("_count", "counts", counts=("posts",)),
    )
)


def test_a_row_with_relations_enums_lists_and_counts():
    row = (
        7,
        "Ann",
        "admin",
        ["a", "b"],
        1,
        '[[1, 10, 1.10, "2024-01-02T03:04:05.000+00:00"], [2, 11, 2.5, "2024-01-02T03:04:06+00:00"]]',
        '[0, 12, 0.3, "2024-01-01T00:00:00Z"]',
        "[2]",
    )
    got = decode_row(USER, row)
    at = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    assert got == {
        "id": 7,
        "name": "Ann",
        "role": "ADMIN",
        "tags": ["a", "b"],
        "ok": True,
        "posts": [
            {"id": 11, "price": Decimal("2.5"), "at": at.replace(second=6)},  # reversed: a negative take
            {"id": 10, "price": Decimal("1.10"), "at": at},
        ],
        "best": {"id": 12, "price": Decimal("0.3"), "at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)},
        "_count": {"posts": 2},
    }
    assert type(got["posts"][1]["price"]) is Decimal  # exact, never through a float


def test_nulls_and_empty_relations():
    row = (1, None, None, None, None, None, None, None)
    assert decode_rows(USER, [row]) == [
        {
            "id": 1,
            "name": None,
            "role": None,
            "tags": [],  # a NULL scalar list reads as [], as in Prisma
            "ok": None,
            "posts": [],
            "best": None,
            "_count": {"posts": 0},
        }
    ]


def test_one_decoder_per_shape_and_short_rows_are_typed_errors():
    assert row_decoder(USER) is row_decoder(RecordShape(USER.columns))  # equal shapes share it
    with pytest.raises(InconsistentColumnDataError):
        decode_rows(USER, [(1, "Ann")])
    with pytest.raises(InconsistentColumnDataError):
        decode_row(USER, (1, "x", "admin", [], 1, "[[1, 10]]", None, "[0]"))  # a nested record too short


def test_a_time_of_day_in_nested_json_reads_as_prismas_datetime():
    """@db.Time / @db.Timetz of a related record arrive as JSON text: Prisma's DateTime on 1970-01-01, in UTC."""
    import datetime as dt

    from prisma_edge.client.codec import decode_datetime

    assert decode_datetime("13:02:20.321") == dt.datetime(1970, 1, 1, 13, 2, 20, 321000, tzinfo=dt.UTC)
    assert decode_datetime("13:02:20.321+03") == dt.datetime(1970, 1, 1, 10, 2, 20, 321000, tzinfo=dt.UTC)
    assert decode_datetime("2016-09-24 14:01:30.213+00") == dt.datetime(2016, 9, 24, 14, 1, 30, 213000, tzinfo=dt.UTC)


@pytest.mark.parametrize(("type_", "values"), [
    ("DateTime", [dt.datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=dt.UTC), dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.UTC),
                  dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 1, 2, 8, 34, 5, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
                  dt.date(2024, 2, 29), dt.time(13, 14, 15), "2024-01-02 03:04:05.5+00", "2024-01-02T03:04:05Z", 1_700_000_000_000, None]),
    ("Boolean", [True, False, 1, 0, "t", "f", "TRUE", "false", None]),
    ("Decimal", [Decimal("12.50"), Decimal("NaN"), "12.50", "-$1,234.56", 2.5, 3, None]),
])
def test_the_quick_scalar_decoders_give_what_the_general_rules_give(type_, values):
    from prisma_edge.client.codec import decode_scalar

    dec = row_decoder(RecordShape((Column("v", "scalar", type_),)))
    for v in values:
        got, want = dec((v,))["v"], decode_scalar(type_, v, nested=False)
        assert repr(got) == repr(want) and type(got) is type(want), v
