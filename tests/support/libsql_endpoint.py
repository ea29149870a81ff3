"""The local libSQL endpoint (`prisma-edge dev libsql`) over a throwaway SQLite file, for tests.

In CPython, `local_endpoint()` starts `start_libsql_endpoint` over a file in a temporary folder
(background threads) and yields a `LibsqlTarget` with its URL, auth token and request count. Under
Pyodide (no sockets), a runner starts it outside and passes `PRISMA_EDGE_LIBSQL_URL` and
`PRISMA_EDGE_LIBSQL_AUTH_TOKEN`; then `request_count()` asks the endpoint over HTTP. A runner
starts one with this module:

    .venv/bin/python -m tests.support.libsql_endpoint
    # prints PRISMA_EDGE_LIBSQL_URL=... and PRISMA_EDGE_LIBSQL_AUTH_TOKEN=...; serves until
    # SIGINT/SIGTERM (or EOF on stdin when that is a pipe), then deletes its file
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

ENV_URL = "PRISMA_EDGE_LIBSQL_URL"
ENV_TOKEN = "PRISMA_EDGE_LIBSQL_AUTH_TOKEN"
STATS_PATH = "/_prisma_edge/stats"


@attrs.frozen
class LibsqlTarget:
    """Where the tests' libSQL endpoint is; `handle` is None when a runner started it outside."""

    url: str
    auth_token: str = attrs.field(repr=False)
    handle: Any = None
    path: str | None = None  # the SQLite file (CPython only)

    def adapter(self, **kwargs: Any) -> Any:
        from prisma_edge.fetch_adapters.libsql import LibsqlAdapter

        return LibsqlAdapter(kwargs.pop("url", self.url), auth_token=kwargs.pop("auth_token", self.auth_token), **kwargs)

    async def request_count(self) -> int:
        """Pipeline requests the endpoint has received (asked over HTTP under Pyodide)."""
        if self.handle is not None:
            return int(self.handle.request_count)
        from prisma_edge.fetch_adapters.transports.fetch import default_fetch

        resp = await default_fetch()("GET", self.url.rstrip("/") + STATS_PATH, {}, b"", timeout=10)
        return int(json.loads(resp.body)["requests"])


@contextlib.contextmanager
def local_endpoint(**options: Any) -> Iterator[LibsqlTarget]:
    """A fresh endpoint over a fresh file in this process; both gone afterwards."""
    from prisma_edge.devserver.libsql import start_libsql_endpoint

    with tempfile.TemporaryDirectory(prefix="pe-libsql-") as folder:
        path = os.path.join(folder, "test.db")
        handle = start_libsql_endpoint(path, **options)
        try:
            yield LibsqlTarget(handle.url, handle.auth_token, handle, path)
        finally:
            handle.close()


@contextlib.contextmanager
def libsql_target() -> Iterator[LibsqlTarget]:
    url, token = os.environ.get(ENV_URL), os.environ.get(ENV_TOKEN)
    if url and token:
        yield LibsqlTarget(url, token)
        return
    if sys.platform == "emscripten":
        pytest.skip(f"under Pyodide the libSQL endpoint is started outside: set {ENV_URL} and {ENV_TOKEN}")
    with local_endpoint() as target:
        yield target


@pytest.fixture(scope="module")
def libsql() -> Iterator[LibsqlTarget]:
    with libsql_target() as target:
        yield target


def main() -> int:
    """Serve an endpoint over a throwaway file until stdin closes or a signal arrives."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    if stat.S_ISFIFO(os.fstat(0).st_mode):  # started with a pipe: stop when the parent goes away
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    with local_endpoint() as target:
        print(f"{ENV_URL}={target.url}", flush=True)
        print(f"{ENV_TOKEN}={target.auth_token}", flush=True)
        stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
