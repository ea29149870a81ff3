"""Client-side id defaults: uuid(4|7), cuid(1|2), nanoid(size), ulid()."""

from __future__ import annotations

import re

from prisma_edge.client import Client
from prisma_edge.fetch_adapters.sqlite import SqliteAdapter
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import parse_schema

SCHEMA = """
model Thing {
  id    String @id @default(nanoid())
  short String @default(nanoid(8))
  ulid  String @unique @default(ulid())
  u7    String @default(uuid(7))
  c2    String @default(cuid(2))
}
"""


async def test_generated_ids_have_their_shapes_and_differ():
    schema = parse_schema(SCHEMA)
    adapter = SqliteAdapter(":memory:")
    await push_schema(adapter, schema)
    db = Client(schema, adapter=adapter)
    a, b = await db.thing.create({}), await db.thing.create({})
    assert re.fullmatch(r"[A-Za-z0-9_-]{21}", a["id"]) and re.fullmatch(r"[A-Za-z0-9_-]{8}", a["short"])
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{26}", a["ulid"]) and a["ulid"][:8] <= b["ulid"][:8]
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", a["u7"])
    assert re.fullmatch(r"[a-z][0-9a-z]{23}", a["c2"])
    assert a["id"] != b["id"] and a["ulid"] != b["ulid"]
    await db.close()
