"""`@@schema` (PostgreSQL multiSchema): tables, enum types and implicit m-n tables in their own
database schemas, pushed and queried with qualified names over TCP and Neon HTTP."""

from __future__ import annotations

import pytest

from prisma_edge.client import Client
from prisma_edge.errors import SchemaError, UniqueConstraintError
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import parse_schema
from tests.support.live import fresh_adapter

SCHEMA = """
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
  schemas  = ["base", "shop"]
}
model User {
  id     Int     @id @default(autoincrement())
  email  String  @unique
  orders Order[]
  tags   Tag[]
  @@schema("base")
}
model Order {
  id     Int    @id @default(autoincrement())
  size   Size   @default(Small)
  userId Int
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
  @@map("orders")
  @@schema("shop")
}
model Tag {
  id    Int    @id @default(autoincrement())
  name  String @unique
  users User[]
  @@schema("shop")
}
enum Size {
  Small
  Large
  @@schema("shop")
}
"""


@pytest.mark.parametrize("kind", ["postgres", "neon_http"])
async def test_models_live_in_their_schemas_and_every_query_finds_them(kind):
    schema = parse_schema(SCHEMA)
    async with fresh_adapter(kind, "pe_multischema") as adapter:
        await push_schema(adapter, schema)
        db = Client(schema, adapter=adapter)
        rows = await db.query_raw(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('base', 'shop') "
            "ORDER BY 1, 2"
        )
        assert [(r["table_schema"], r["table_name"]) for r in rows] == [
            ("base", "User"),
            ("shop", "Tag"),
            ("shop", "_TagToUser"),
            ("shop", "orders"),
        ]
        enum = await db.query_raw(
            "SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            "WHERE t.typname = 'Size'"
        )
        assert enum == [{"nspname": "shop"}]
        ada = await db.user.create(
            {
                "email": "ada@example.com",
                "orders": {"create": [{"size": "Large"}, {}]},
                "tags": {"create": [{"name": "vip"}]},
            }
        )
        got = await db.user.find_unique(
            where={"id": ada["id"]}, include={"orders": {"order": {"id": "asc"}}, "tags": True}
        )
        assert [o["size"] for o in got["orders"]] == ["Large", "Small"] and [
            t["name"] for t in got["tags"]
        ] == ["vip"]
        assert await db.order.count(where={"size": "Large", "user": {"email": "ada@example.com"}}) == 1
        assert (
            await db.tag.find_first(where={"users": {"some": {"email": {"startsWith": "ada"}}}}) is not None
        )
        await db.order.update_many(where={"size": "Small"}, data={"size": "Large"})
        assert await db.order.group_by(["size"], _count={"_all": True}) == [
            {"size": "Large", "_count": {"_all": 2}}
        ]
        up = await db.user.upsert(
            where={"email": "bob@example.com"}, create={"email": "bob@example.com"}, update={}
        )
        assert up["email"] == "bob@example.com"
        with pytest.raises(UniqueConstraintError):
            await db.user.create({"email": "ada@example.com"})
        await db.user.delete(where={"id": ada["id"]})  # cascades to shop.orders
        assert await db.order.count() == 0


def test_schema_names_are_checked_like_prisma():
    with pytest.raises(SchemaError, match="this schema is not defined in the datasource: `other`"):
        parse_schema(SCHEMA.replace('@@schema("base")', '@@schema("other")'))
    with pytest.raises(SchemaError, match="this model is missing an `@@schema` attribute"):
        parse_schema(SCHEMA.replace('  @@schema("base")\n', ""))
    with pytest.raises(
        SchemaError, match="`schemas` property is not supported on the current connector \\(mysql\\)"
    ):
        parse_schema(SCHEMA.replace('"postgresql"', '"mysql"'))
