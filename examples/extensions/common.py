"""What the extension examples share: a client over the example schema, pushed to a fresh database."""

from __future__ import annotations

from pathlib import Path

from prisma_edge import Client
from prisma_edge.migrate.push import push_schema

SCHEMA = Path(__file__).resolve().parent / "schema.prisma"


async def fresh_client(url: str = ":memory:") -> Client:
    """A client over an empty database with the example schema (SQLite in memory by default)."""
    db = Client(SCHEMA, url=url)
    await push_schema(db.adapter, db.schema, drop_first=True)  # what `prisma-edge db push` does
    return db
