"""The hostile-input suite's client: tests/schemas/hostile.prisma on every adapter, plus the
direct PostgreSQL adapter (tests/test_hostile_inputs.py, tests/test_hostile_values.py)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from decimal import Decimal, InvalidOperation

import pytest

from prisma_edge.client import Client
from prisma_edge.schema import load_schema
from tests.support.clients import ADAPTERS, IN_PYODIDE, open_client, schema_path

HOSTILE_ADAPTERS = [*ADAPTERS, "postgres"]


@contextlib.asynccontextmanager
async def hostile_client(adapter: str) -> AsyncIterator[Client]:
    """tests/schemas/hostile.prisma on `adapter`; "postgres" is PgDirectAdapter (direct TCP)."""
    if adapter != "postgres":
        async with open_client("hostile", adapter) as db:
            yield db
        return
    if IN_PYODIDE:
        pytest.skip("the direct PostgreSQL adapter is tested in CPython (Pyodide has no TCP of its own)")
    from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
    from prisma_edge.migrate.push import push_schema
    from tests.support.databases import temp_postgres

    schema = load_schema(schema_path("hostile"))
    with temp_postgres("pe_hostile") as url:
        a = PgDirectAdapter(url)
        await push_schema(a, schema)
        db = Client(schema, adapter=a)
        try:
            yield db
        finally:
            await db.close()


def platform_decimal(text: str) -> Decimal | None:
    """`Decimal(text)`, or None where this build's decimal module cannot hold the exponent
    (32-bit WebAssembly: Pyodide's libmpdec stops at 425,000,000)."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def platform_decimals(*texts: str) -> list[Decimal]:
    """`Decimal(text)` for each text this build can hold (see `platform_decimal`)."""
    return [d for d in map(platform_decimal, texts) if d is not None]
