"""Adapters over a fresh database of their own (not the suite's shared one), for tests that push
whole schemas: PostgreSQL over TCP ("postgres") and over the Neon HTTP endpoint ("neon_http"),
MariaDB behind the PlanetScale endpoint ("planetscale"), and in-memory SQLite ("sqlite")."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from prisma_edge.fetch_adapters.base import Adapter

PROVIDER_ADAPTERS = {
    "postgresql": ("postgres", "neon_http"),
    "mysql": ("planetscale",),
    "sqlite": ("sqlite",),
}


@contextlib.asynccontextmanager
async def fresh_adapter(kind: str, prefix: str = "pe_live") -> AsyncIterator[Adapter]:
    """An adapter of `kind` over a database created for this block and dropped after it."""
    with contextlib.ExitStack() as stack:
        adapter: Adapter
        if kind == "sqlite":
            from prisma_edge.fetch_adapters.sqlite import SqliteAdapter

            adapter = SqliteAdapter(":memory:")
        elif kind in ("postgres", "neon_http"):
            from tests.support.databases import temp_postgres

            url = stack.enter_context(temp_postgres(prefix))
            if kind == "postgres":
                from prisma_edge.fetch_adapters.postgres import PgDirectAdapter

                adapter = PgDirectAdapter(url)
            else:
                from prisma_edge.devserver.neon import start_neon_endpoint
                from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter

                handle = start_neon_endpoint(url)
                stack.callback(handle.close)
                adapter = NeonHttpAdapter(handle.connection_string, endpoint=handle.url)
        elif kind == "planetscale":
            from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
            from tests.support.ps_endpoint import local_endpoint

            adapter = PlanetScaleAdapter(stack.enter_context(local_endpoint(prefix)).url)
        else:
            raise ValueError(kind)
        try:
            yield adapter
        finally:
            await adapter.close()
