"""`where:` on `@@index` / `@@unique` (Prisma's partialIndexes preview): a partial index on
PostgreSQL and SQLite, refused on MySQL and without the preview feature."""

from __future__ import annotations

import pytest

from prisma_edge.client import Client
from prisma_edge.errors import SchemaError, UniqueConstraintError
from prisma_edge.migrate.ddl import ddl_statements
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import parse_schema
from tests.support.live import fresh_adapter

SCHEMA = """
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["partialIndexes"]
}
datasource db {
  provider = "%s"
  url      = env("DATABASE_URL")
}
model Account {
  id        Int       @id
  email     String
  deletedAt DateTime?
  plan      String    @default("free")
  @@unique([email], where: { deletedAt: null })
  @@index([plan], where: raw("plan <> 'free'"), map: "paying")
}
"""


def test_partial_index_ddl():
    pg = ddl_statements(parse_schema(SCHEMA % "postgresql"), "postgres")
    assert 'CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email") WHERE "deletedAt" IS NULL' in pg, pg
    assert 'CREATE INDEX "paying" ON "Account"("plan") WHERE plan <> \'free\'' in pg, pg
    schema = parse_schema(SCHEMA % "sqlite")
    assert [u.fields for u in schema.model("Account").uniques] == [
        ("id",)
    ]  # a partial unique selects no row alone


@pytest.mark.parametrize(("kind", "provider"), [("sqlite", "sqlite"), ("postgres", "postgresql")])
async def test_partial_unique_holds_for_matching_rows_only(kind, provider):
    schema = parse_schema(SCHEMA % provider)
    async with fresh_adapter(kind, "pe_partial") as adapter:
        await push_schema(adapter, schema)
        db = Client(schema, adapter=adapter)
        await db.account.create({"id": 1, "email": "a@x.io", "deletedAt": "2024-01-01T00:00:00Z"})
        await db.account.create({"id": 2, "email": "a@x.io"})  # the deleted one does not count
        with pytest.raises(UniqueConstraintError):
            await db.account.create({"id": 3, "email": "a@x.io"})
        assert await db.account.count(where={"email": "a@x.io"}) == 2


def test_partial_indexes_refused_like_prisma():
    with pytest.raises(SchemaError, match="needs the `partialIndexes` preview feature"):
        parse_schema((SCHEMA % "postgresql").replace('["partialIndexes"]', "[]"))
    with pytest.raises(SchemaError, match="partial indexes \\(`where:`\\) are not supported by MySQL"):
        parse_schema(SCHEMA % "mysql")
    with pytest.raises(SchemaError, match="`where:` refers to `nope`"):
        parse_schema((SCHEMA % "sqlite").replace("{ deletedAt: null }", "{ nope: null }"))
