"""Validation errors start with Prisma 7's own lines, and Prisma's value coercions are kept."""

from __future__ import annotations

import datetime as dt

import pytest

from prisma_edge.compiler.arguments import parse
from prisma_edge.errors import ValidationError, ValueOutOfRangeError
from prisma_edge.schema import parse_schema
from tests.support.clients import open_client


def _lines(e: ValidationError) -> list[str]:
    return [ln for ln in e.message.splitlines() if ln]


async def test_messages_start_with_prismas_header_and_reason():
    async with open_client("blog", "sqlite") as db:
        cases = [
            (
                db.user.find_many(take="2"),
                "findMany",
                "Argument `take`: Invalid value provided. Expected Int, provided String.",
            ),
            (
                db.user.create({"email": 42}),
                "create",
                "Argument `email`: Invalid value provided. Expected String, provided Int.",
            ),
            (db.user.create({"name": "x"}), "create", "Argument `email` is missing."),
            (db.user.create({"email": None}), "create", "Argument `email` must not be null."),
            (
                db.user.create({"email": "a@x.io", "nickname": "n"}),
                "create",
                "Unknown argument `nickname`. Available options are marked with ?.",
            ),
            (
                db.user.find_many(where={"emial": "a"}),
                "findMany",
                "Unknown argument `emial`. Did you mean `email`? Available options are marked with ?.",
            ),
            (
                db.user.find_many(where={"role": "OWNER"}),
                "findMany",
                "Invalid value for argument `role`. Expected Role.",
            ),
            (
                db.user.find_many(select={"nope": True}),
                "findMany",
                "Unknown field `nope` for select statement on model `User`. Available options are marked with ?.",
            ),
            (
                db.user.find_unique(where={"name": "x"}),
                "findUnique",
                "Argument `where` of type UserWhereUniqueInput needs at least one of `id` or `email` arguments. "
                "Available options are marked with ?.",
            ),
            (
                db.user.find_many(select={"id": True}, include={"posts": True}),
                "findMany",
                "Please either use `include` or `select`, but not both at the same time.",
            ),
            (
                db.user.find_many(include={"email": True}),
                "findMany",
                "Note that include statements only accept relation fields. `email` is a scalar field of `User` "
                "(use `select`).",
            ),
            (
                db.user.find_many(order={"id": "up"}),
                "findMany",
                "Invalid value for argument `id`. Expected SortOrder.",
            ),
            (
                db.user.find_many(where={"createdAt": {"gte": "2024-02-01"}}),
                "findMany",
                "Invalid value for argument `gte`: premature end of input. Expected ISO-8601 DateTime.",
            ),
        ]
        nested = [  # nested writes, in Prisma's words
            (db.post.create({"title": "x", "authorId": 1, "tags": {"create_many": {"data": [{"name": "a"}]}}}), "create",
             "Unknown argument `createMany`. Available options are marked with ?."),
            (db.user.update(where={"id": 1}, data={"posts": {"delete": True}}), "update",
             "Argument `delete`: Invalid value provided. Expected PostWhereUniqueInput or PostWhereUniqueInput[], "
             "provided Boolean."),
            (db.user.update(where={"id": 1}, data={"posts": {"update": {"data": {"title": "x"}}}}), "update",
             "Argument `where` is missing."),
            (db.user.update(where={"id": 1}, data={"posts": {"upsert": {"where": {"id": 1}, "update": {}}}}), "update",
             "Argument `create` is missing."),
            # no foreign key given: Prisma checks the checked input and names the relation
            (db.post.create({"title": "x"}), "create", "Argument `author` is missing."),
            (db.post.update(where={"id": 1}, data={"author": {"disconnect": True}}), "update",
             "Unknown argument `disconnect`. Did you mean `connect`? Available options are marked with ?."),
        ]
        for op, _action, reason in cases + nested:
            with pytest.raises(ValidationError) as info:
                await op
            lines = _lines(info.value)
            assert lines[0].startswith(("Invalid `prisma.user.", "Invalid `prisma.post.")) and lines[0].endswith("()` invocation:"), (
                lines
            )
            assert lines[1] == reason
            assert len(lines) >= 3 and lines[2] != reason, "our own detail follows"


async def test_prismas_coercions():
    async with open_client("blog", "sqlite") as db:
        for i in range(3):
            await db.user.create({"email": f"u{i}@x.io"})
        assert len(await db.user.find_many(take=1.5)) == 1  # LIMIT 1, as Prisma
        assert len(await db.user.find_many(skip=2.7)) == 1
        u = await db.user.find_first(order={"id": "asc"})
        post = await db.post.create({"title": "t", "authorId": u["id"], "views": 2.9})
        assert post["views"] == 2  # an Int given a fraction is truncated
        neg = await db.post.update(where={"id": post["id"]}, data={"views": -2.9})
        assert neg["views"] == -2
        assert await db.post.count(where={"views": {"gte": -2.5}}) == 1  # truncated in filters too: gte -2
        assert await db.post.count(where={"views": {"gt": -2.5}}) == 0


def test_bigint_string_bytes_base64_oid_and_date_only():
    schema = parse_schema(
        """
        datasource db {
          provider = "postgresql"
        }
        model N {
          id   Int    @id
          big  BigInt
          oid  Int    @db.Oid
          raw  Bytes
          at   DateTime
        }
        """
    )
    data = {
        "id": 1,
        "big": "123456789012345678",
        "oid": 4294967295,
        "raw": "AAE=",
        "at": dt.datetime(2024, 1, 1),
    }
    _, values = parse(schema, "N", "create", {"data": data})
    assert 123456789012345678 in values and 4294967295 in values and b"\x00\x01" in values
    with pytest.raises(ValueOutOfRangeError, match=r"4294967296\" is out of range"):
        parse(schema, "N", "create", {"data": {**data, "oid": 2**32}})
    with pytest.raises(ValidationError, match="Expected BigInt, provided Float"):
        parse(schema, "N", "create", {"data": {**data, "big": 1.5}})
    with pytest.raises(ValidationError, match="premature end of input"):
        parse(schema, "N", "create", {"data": {**data, "at": "2024-02-01"}})
    _, ok = parse(schema, "N", "create", {"data": {**data, "at": "2024-02-01T00:00:00Z"}})
    assert dt.datetime(2024, 2, 1, tzinfo=dt.UTC) in ok


def test_a_compound_selector_missing_a_field_says_which_in_prismas_words():
    from pathlib import Path

    schema = parse_schema((Path(__file__).parent / "schemas" / "saas.prisma").read_text(encoding="utf-8"))
    with pytest.raises(ValidationError) as info:
        parse(schema, "User", "find_unique", {"where": {"tenant_email": {"tenantId": "t"}}})
    assert _lines(info.value)[1] == "Argument `email` is missing."
