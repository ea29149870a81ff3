"""The local Neon HTTP endpoint in front of a throwaway PostgreSQL database, for tests.

Fixture `neon_endpoint` (one per test module) gives a `NeonTarget`: the endpoint's `/sql` URL,
the connection string to send, `adapter()` and `await request_count()`.

- CPython: creates a throwaway database (`temp_postgres`) and starts `start_neon_endpoint` on a
  free loopback port in a background thread; both go away after the module.
- Pyodide (or any run that sets them): when `PRISMA_EDGE_NEON_HTTP_URL` and
  `PRISMA_EDGE_NEON_DATABASE_URL` are in the environment, a runner has started the endpoint
  outside, and the tests use it (through JS fetch inside Pyodide). Tests create uniquely named
  tables, so a shared database is fine. Without them, Pyodide skips these tests.

A runner starts that endpoint with this module (CPython, from the repository root):

    .venv/bin/python -m tests.support.endpoints -- node wasm_tests/run_node.mjs ...

which creates a throwaway database, starts the endpoint, runs the command with both variables
set, then stops the endpoint and drops the database. Without a command it prints the two
`NAME=value` lines and serves until stdin closes or it gets SIGTERM/SIGINT.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
from prisma_edge.fetch_adapters.transports.fetch import default_fetch
from tests.support.databases import temp_postgres

ENV_URL = "PRISMA_EDGE_NEON_HTTP_URL"
ENV_DATABASE = "PRISMA_EDGE_NEON_DATABASE_URL"
STATS_PATH = "/_prisma_edge/stats"


@attrs.frozen
class NeonTarget:
    """Where the tests' Neon endpoint is. `handle` is None when a runner started it outside."""

    url: str
    database_url: str = attrs.field(repr=False)  # holds the endpoint's password
    handle: Any = None
    direct_url: str | None = None  # the real PostgreSQL database (CPython only)

    def adapter(self, **kwargs: Any) -> NeonHttpAdapter:
        return NeonHttpAdapter(kwargs.pop("url", self.database_url), endpoint=self.url, **kwargs)

    async def request_count(self) -> int:
        """`POST /sql` requests the endpoint has received (asked over HTTP: works in Pyodide too)."""
        if self.handle is not None:
            return int(self.handle.request_count)
        stats_url = self.url.rsplit("/", 1)[0] + STATS_PATH
        resp = await default_fetch()("GET", stats_url, {}, b"", timeout=10)
        return int(json.loads(resp.body)["requests"])


def unique(name: str) -> str:
    """A table name no other test (or earlier run against a shared database) uses."""
    return f"{name}_{uuid.uuid4().hex[:10]}"


@contextlib.contextmanager
def neon_target() -> Iterator[NeonTarget]:
    """The endpoint from the environment, or a fresh one over a throwaway database."""
    url, database = os.environ.get(ENV_URL), os.environ.get(ENV_DATABASE)
    if url and database:
        yield NeonTarget(url, database)
        return
    if sys.platform == "emscripten":
        pytest.skip(f"no Neon endpoint: a runner must start one and set {ENV_URL} / {ENV_DATABASE}")
    pytest.importorskip("psycopg")
    from prisma_edge.devserver.neon import start_neon_endpoint

    with temp_postgres("neon") as direct:
        handle = start_neon_endpoint(direct)
        try:
            yield NeonTarget(handle.url, handle.connection_string, handle, direct)
        finally:
            handle.close()


@pytest.fixture(scope="module")
def neon_endpoint() -> Iterator[NeonTarget]:
    with neon_target() as target:
        yield target


def _main(argv: list[str]) -> int:
    """`python -m tests.support.endpoints [-- CMD ...]` (see the module docstring)."""
    import signal
    import subprocess

    from prisma_edge.devserver.neon import start_neon_endpoint

    command = argv[argv.index("--") + 1 :] if "--" in argv else argv
    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    with temp_postgres("neon") as direct:
        handle = start_neon_endpoint(direct)
        try:
            env = {ENV_URL: handle.url, ENV_DATABASE: handle.connection_string}
            if command:
                return subprocess.call(command, env={**os.environ, **env})
            for k, v in env.items():
                print(f"{k}={v}", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                sys.stdin.read()
            return 0
        finally:
            handle.close()


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
