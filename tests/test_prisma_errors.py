"""Database errors reach the user with Prisma 7's code and first words (P2021/P2022/P2010/P2020/P2039)."""

from __future__ import annotations

import pytest

from prisma_edge.errors import (
    ColumnNotFoundError,
    DatabaseError,
    DatabaseQueryError,
    RawQueryError,
    TableNotFoundError,
    UniqueConstraintError,
    ValueOutOfRangeError,
)
from tests.support.clients import open_client, raw_sql

PG = ["neon_http", "neon_ws"]


@pytest.mark.parametrize("adapter", ["sqlite", *PG, "planetscale"])
async def test_missing_table_and_column_are_p2021_p2022_with_a_hint(adapter):
    async with open_client("blog", adapter) as db:
        await db.execute_raw(raw_sql(db, 'DROP TABLE "_PostToTag"'))
        await db.execute_raw(raw_sql(db, 'DROP TABLE "Tag"'))
        with pytest.raises(TableNotFoundError) as missing:
            await db.tag.find_many()
        assert missing.value.code == "P2021" and isinstance(missing.value, DatabaseError)
        assert missing.value.message.startswith("The table `")
        assert "does not exist in the current database" in missing.value.message
        assert "prisma-edge db push" in missing.value.message
        await db.execute_raw(raw_sql(db, 'CREATE TABLE "Tag" ("id" INTEGER PRIMARY KEY)'))
        with pytest.raises(ColumnNotFoundError) as column:
            await db.tag.find_many()
        assert column.value.code == "P2022"
        assert column.value.message.startswith(
            "The column `Tag.name` does not exist in the current database."
        )


@pytest.mark.parametrize("adapter", PG)
async def test_value_out_of_range_is_p2020(adapter):
    async with open_client("blog", adapter) as db:
        user = await db.user.create({"email": "a@x.io"})
        post = await db.post.create({"title": "t", "authorId": user["id"], "views": 2147483000})
        with pytest.raises(ValueOutOfRangeError) as info:
            await db.post.update(where={"id": post["id"]}, data={"views": {"increment": 1000}})
        assert (
            info.value.code == "P2020"
            and info.value.message == "Value out of range for the type: integer out of range"
        )
        assert (await db.post.find_unique(where={"id": post["id"]}))["views"] == 2147483000


@pytest.mark.parametrize("adapter", PG)
async def test_raw_query_failures_are_p2010_with_the_database_code(adapter):
    async with open_client("blog", adapter) as db:
        with pytest.raises(RawQueryError) as syntax:
            await db.query_raw("SELEC 1")
        assert syntax.value.code == "P2010"
        assert (
            syntax.value.message
            == 'Raw query failed. Code: `42601`. Message: `syntax error at or near "SELEC"`'
        )
        await db.tag.create({"name": "a"})
        with pytest.raises(RawQueryError, match="Code: `23505`") as dup:
            await db.execute_raw('INSERT INTO "Tag" ("name") VALUES ($1)', "a")
        assert isinstance(dup.value.__cause__, UniqueConstraintError)
        with pytest.raises(DatabaseQueryError) as other:  # no code of its own: P2039 with the database's code
            await db.post.aggregate(_min={"published": True})
        assert other.value.code == "P2039"
        assert (
            other.value.message
            == "Database error. Code: `42883`. Message: `function min(boolean) does not exist`"
        )


@pytest.mark.parametrize("adapter", PG)
async def test_raw_results_are_typed_like_prisma(adapter):
    import datetime as dt
    from decimal import Decimal

    async with open_client("blog", adapter) as db:
        [row] = await db.query_raw(
            "SELECT $1::jsonb AS j, '[1,2]'::json AS arr, 1.50::numeric AS num, 12.5::money AS m, "
            "'2024-01-02'::date AS d, '12:34:56'::time AS t, 9007199254740993::int8 AS big",
            '{"a": [1, 2]}',
        )
        assert row["j"] == {"a": [1, 2]} and row["arr"] == [1, 2]
        assert (
            row["num"] == Decimal("1.5") and row["m"] == Decimal("12.50") and row["big"] == 9007199254740993
        )
        assert row["d"] == dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
        assert row["t"] == dt.datetime(1970, 1, 1, 12, 34, 56, tzinfo=dt.UTC)
