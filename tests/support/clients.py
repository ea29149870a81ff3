"""Clients over every adapter the suite runs on, each on a fresh database with a schema pushed.

`open_client(schema_name, adapter)` is an async context manager. Adapters: "sqlite" always;
"neon_http" / "planetscale" / "postgres" when their endpoints or servers can be reached (they
skip otherwise, and fail in CI — see tests/support/databases.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from prisma_edge.client import Client
from prisma_edge.schema import load_schema
from prisma_edge.schema.push import push_schema

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
ADAPTERS = ["sqlite"]


def schema_path(name: str) -> Path:
    return SCHEMAS / f"{name}.prisma"


@contextlib.asynccontextmanager
async def open_client(schema_name: str, adapter: str = "sqlite") -> AsyncIterator[Client]:
    schema = load_schema(schema_path(schema_name))
    if adapter == "sqlite":
        from prisma_edge.fetch_adapters.sqlite import SqliteAdapter

        a = SqliteAdapter(":memory:")
    else:  # pragma: no cover - wired in by the network adapters' fixtures
        raise ValueError(adapter)
    await push_schema(a, schema)
    client = Client(schema, adapter=a)
    try:
        yield client
    finally:
        await client.close()


def raw_sql(db: Client, sql: str) -> str:
    """Test SQL written with `?` and double-quoted names, in the adapter's own dialect."""
    if db.adapter.dialect == "postgres":
        parts = sql.split("?")
        return "".join(p + (f"${i + 1}" if i < len(parts) - 1 else "") for i, p in enumerate(parts))
    if db.adapter.dialect == "mysql":
        return sql.replace('"', "`")
    return sql
