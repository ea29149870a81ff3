"""Clients over every adapter the suite runs on, each test on a freshly pushed schema.

`open_client(schema_name, adapter)` is an async context manager. Adapters:
- "sqlite": an in-memory database, always;
- "neon_http": the local Neon-compatible endpoint in front of a throwaway PostgreSQL database;
- "neon_ws": the same endpoint's WebSocket proxy (same port, path /v2), through NeonWsAdapter;
- "planetscale": the local PlanetScale-compatible endpoint in front of a throwaway MariaDB database;
- "libsql": the local libSQL (Hrana over HTTP) endpoint in front of a throwaway SQLite file;
- "d1": Cloudflare D1, through the local D1-compatible REST endpoint (devserver/d1.py) over an
  in-memory SQLite database, or the Worker's own D1 binding when the suite runs inside workerd;
- "hyperdrive" (inside workerd only): the Worker's Hyperdrive binding, over `cloudflare:sockets`,
  in front of a throwaway PostgreSQL database (wasm_tests/run_workerd.py).

The network endpoints start once per test process (in CPython), or come from the environment
when a runner started them outside (Pyodide: `PRISMA_EDGE_NEON_HTTP_URL` +
`PRISMA_EDGE_NEON_DATABASE_URL`, `PRISMA_EDGE_PLANETSCALE_URL`, `PRISMA_EDGE_LIBSQL_URL` +
`PRISMA_EDGE_LIBSQL_AUTH_TOKEN`, `PRISMA_EDGE_D1_URL` + `PRISMA_EDGE_D1_TOKEN`). Each test drops and re-creates
its schema's tables, so tests stay independent on a shared database. When a server is missing
the test skips with the reason (fails in CI: tests/support/databases.py).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from prisma_edge.client import Client
from prisma_edge.fetch_adapters.base import Adapter
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
ADAPTERS = ["sqlite", "neon_http", "neon_ws", "planetscale", "libsql"]
ADAPTERS += ["d1"]
IN_WORKERD = os.environ.get("PRISMA_EDGE_RUNTIME") == "workerd"  # wasm_tests/run_workerd.py
if IN_WORKERD:  # PostgreSQL over a Workers TCP socket: only inside workerd
    ADAPTERS += ["hyperdrive"]
IN_PYODIDE = sys.platform == "emscripten"

_stack = contextlib.ExitStack()
atexit.register(_stack.close)
_endpoints: dict[str, Any] = {}


def schema_path(name: str) -> Path:
    return SCHEMAS / f"{name}.prisma"


def _neon() -> tuple[str, str]:
    """(database URL, endpoint URL) of the Neon-compatible endpoint."""
    env_db, env_ep = os.environ.get("PRISMA_EDGE_NEON_DATABASE_URL"), os.environ.get("PRISMA_EDGE_NEON_HTTP_URL")
    if env_db and env_ep:
        return env_db, env_ep
    if IN_PYODIDE:
        pytest.skip("under Pyodide the Neon endpoint is started outside: set PRISMA_EDGE_NEON_HTTP_URL and PRISMA_EDGE_NEON_DATABASE_URL")
    if "neon" not in _endpoints:
        from prisma_edge.devserver.neon import start_neon_endpoint
        from tests.support.databases import temp_postgres

        db_url = _stack.enter_context(temp_postgres("pe_client"))
        handle = start_neon_endpoint(db_url)
        _stack.callback(handle.close)
        _endpoints["neon"] = (handle.connection_string, handle.url, handle)
    db_url, ep_url, _ = _endpoints["neon"]
    return db_url, ep_url


def _neon_ws_proxy() -> tuple[str, str]:
    """(database URL, wsProxy `host:port/v2`): the Neon endpoint's WebSocket side (same port)."""
    db_url, ep_url = _neon()
    return db_url, ep_url.rsplit("/", 1)[0].split("://", 1)[1] + "/v2"


def _planetscale() -> str:
    env = os.environ.get("PRISMA_EDGE_PLANETSCALE_URL")
    if env:
        return env
    if IN_PYODIDE:
        pytest.skip("under Pyodide the PlanetScale endpoint is started outside: set PRISMA_EDGE_PLANETSCALE_URL")
    if "planetscale" not in _endpoints:
        from tests.support.ps_endpoint import local_endpoint

        ep = _stack.enter_context(local_endpoint("pe_client"))
        _endpoints["planetscale"] = ep
    return _endpoints["planetscale"].url


def _libsql() -> Any:
    if "libsql" not in _endpoints:
        from tests.support.libsql_endpoint import libsql_target

        _endpoints["libsql"] = _stack.enter_context(libsql_target())
    return _endpoints["libsql"]
def _d1() -> tuple[str, str]:
    """(database API URL, token) of the D1-compatible endpoint."""
    if os.environ.get("PRISMA_EDGE_RUNTIME") == "pyodide-chromium":  # true of Cloudflare's API, so of ours
        pytest.skip("D1's REST API answers no CORS preflight, so a browser page cannot call it (nor should: the token)")
    env_url, env_token = os.environ.get("PRISMA_EDGE_D1_URL"), os.environ.get("PRISMA_EDGE_D1_TOKEN")
    if env_url and env_token:
        return env_url, env_token
    if IN_PYODIDE:
        pytest.skip("under Pyodide the D1 endpoint is started outside: set PRISMA_EDGE_D1_URL and PRISMA_EDGE_D1_TOKEN")
    if "d1" not in _endpoints:
        from prisma_edge.devserver.d1 import start_d1_endpoint

        _endpoints["d1"] = _stack.enter_context(start_d1_endpoint())
    return _endpoints["d1"].url, _endpoints["d1"].api_token


def endpoint_requests(adapter: str) -> int | None:
    """Requests the local endpoint behind `adapter` has received (None: not ours to count)."""
    if adapter == "neon_http" and "neon" in _endpoints:
        return _endpoints["neon"][2].request_count
    if adapter == "neon_ws" and "neon" in _endpoints:  # one WebSocket data frame per flight
        return _endpoints["neon"][2].ws_stats()["frames_received"]
    if adapter == "planetscale" and "planetscale" in _endpoints:
        return _endpoints["planetscale"].request_count()
    if adapter == "libsql" and "libsql" in _endpoints and _endpoints["libsql"].handle is not None:
        return _endpoints["libsql"].handle.request_count
    if adapter == "d1" and "d1" in _endpoints:
        return _endpoints["d1"].request_count
    return None


def neon_port() -> int:
    """The local Neon endpoint's port (HTTP and WebSocket), for a proxy to forward to."""
    return int(_neon()[1].rsplit(":", 1)[1].split("/", 1)[0])


def make_adapter(adapter: str, via: int | None = None) -> Adapter:
    """`via`: a loopback port (a counting proxy) the Neon adapters reach their endpoint through."""
    if via is not None and adapter not in ("neon_http", "neon_ws"):
        raise ValueError(f"{adapter}: only the Neon adapters go through a proxy here")
    if adapter == "sqlite":
        from prisma_edge.fetch_adapters.sqlite import SqliteAdapter

        return SqliteAdapter(":memory:")
    if adapter == "neon_http":
        from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter

        db_url, ep_url = _neon()
        if via is not None:
            ep_url = f"http://127.0.0.1:{via}/sql"
        return NeonHttpAdapter(db_url, endpoint=ep_url)
    if adapter == "neon_ws":
        from prisma_edge.fetch_adapters.neon_ws import NeonWsAdapter

        db_url, ws_proxy = _neon_ws_proxy()
        if via is not None:
            ws_proxy = f"127.0.0.1:{via}/v2"
        return NeonWsAdapter(db_url, ws_proxy=ws_proxy)
    if adapter == "planetscale":
        from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter

        return PlanetScaleAdapter(_planetscale())
    if adapter == "libsql":
        return _libsql().adapter()
    if adapter == "d1":
        from prisma_edge.fetch_adapters.d1 import D1Adapter

        binding = workerd_binding("DB")
        if binding is not None:
            return D1Adapter(binding)
        url, token = _d1()
        return D1Adapter(url, api_token=token)
    if adapter == "hyperdrive":
        from prisma_edge.fetch_adapters.hyperdrive import HyperdriveAdapter

        binding = workerd_binding("HYPERDRIVE")
        if binding is None:
            pytest.skip("Hyperdrive runs only inside workerd (wasm_tests/run_workerd.py)")
        return HyperdriveAdapter(binding)
    raise ValueError(adapter)


def workerd_binding(name: str) -> Any:
    """The Worker's binding `name` when the suite runs inside workerd (wasm_tests/run_workerd.py),
    else None."""
    if not IN_WORKERD:
        return None
    import prisma_edge_workerd_env  # type: ignore[import-not-found]  # the request's env, from workerd_pytest.mjs

    return getattr(prisma_edge_workerd_env, name, None)


@contextlib.asynccontextmanager
async def open_client(schema_name: str, adapter: str = "sqlite", via: int | None = None) -> AsyncIterator[Client]:
    schema = load_schema(schema_path(schema_name))
    a = make_adapter(adapter, via)
    if adapter != "sqlite":
        await reset_database(a)
    await push_schema(a, schema)
    a.stats.reset()
    client = Client(schema, adapter=a)
    try:
        yield client
    finally:
        await client.close()


async def reset_database(a: Adapter) -> None:
    """Drop every table (and PostgreSQL type) the shared test database holds."""
    from prisma_edge.fetch_adapters.base import Query

    if a.dialect == "postgres":
        await a.batch([Query("DROP SCHEMA IF EXISTS public CASCADE"), Query("CREATE SCHEMA public")])
        return
    if a.dialect == "sqlite" and hasattr(a, "execute_script"):  # libSQL: one script on one stream, so the PRAGMA holds for the drops
        rs = await a.query(Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        drops = [f'DROP TABLE IF EXISTS "{r[0]}"' for r in rs.rows]  # test-only DDL: names from the catalog
        if drops:
            await a.execute_script(["PRAGMA foreign_keys = OFF", *drops, "PRAGMA foreign_keys = ON"])  # type: ignore[attr-defined]
        return
    if a.dialect == "sqlite":  # D1: every table but SQLite's and Cloudflare's own, referencing ones first
        rs = await a.query(Query("SELECT m.name, f.\"table\" FROM sqlite_master AS m LEFT JOIN pragma_foreign_key_list(m.name) AS f "
                                 "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%'"))
        refs: dict[str, set[str]] = {}
        for name, parent in rs.rows:
            refs.setdefault(str(name), set()).update({str(parent)} if parent and parent != name else set())
        order: list[str] = []
        while refs:  # a table goes once no remaining table references it
            free = sorted(t for t in refs if not any(t in ps for u, ps in refs.items() if u != t)) or sorted(refs)
            for t in free:
                order.append(t)
                del refs[t]
        # test-only DDL: table names come from the database's own catalog
        drops = [Query('DROP TABLE IF EXISTS "' + t.replace('"', '""') + '"') for t in order]
        if drops:
            await a.batch(drops)
        return
    rs = await a.query(Query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"))
    names = [r[0] for r in rs.rows]
    if names:
        # test-only DDL: table names come from the server's own catalog
        drop = "DROP TABLE IF EXISTS " + ", ".join(f"`{n}`" for n in names)
        await a.batch([Query("SET FOREIGN_KEY_CHECKS = 0"), Query(drop), Query("SET FOREIGN_KEY_CHECKS = 1")])


def raw_sql(db: Client, sql: str) -> str:
    """Test SQL written with `?` and double-quoted names, in the adapter's own dialect."""
    if db.adapter.dialect == "postgres":
        parts = sql.split("?")
        return "".join(p + (f"${i + 1}" if i < len(parts) - 1 else "") for i, p in enumerate(parts))
    if db.adapter.dialect == "mysql":
        return sql.replace('"', "`")
    return sql
