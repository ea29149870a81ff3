"""The local PlanetScale endpoint in front of a throwaway MariaDB database, for tests.

In CPython, the `planetscale` fixture creates a database (tests/support/databases.py), starts
`start_planetscale_endpoint` on it in background threads and yields a `PSEndpoint` whose `url`
carries the credentials. Under Pyodide (no sockets, no PyMySQL), a runner starts the endpoint
outside and passes its URL in `PRISMA_EDGE_PLANETSCALE_URL`; the fixture then uses that URL and
`request_count` is unknown (None). A runner can start one with this module:

    .venv/bin/python -m tests.support.ps_endpoint
    # prints: PRISMA_EDGE_PLANETSCALE_URL=http://root:<generated>@127.0.0.1:<port>
    # serves until SIGINT/SIGTERM (or EOF on stdin when that is a pipe), then drops its database

Tests name their tables with a random suffix, so modules can share one external endpoint.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

ENV_URL = "PRISMA_EDGE_PLANETSCALE_URL"


class PSEndpoint:
    """An endpoint the tests talk to: `url` (with credentials) and, when local, its request count."""

    def __init__(self, url: str, handle: object | None = None) -> None:
        self.url = url
        self._handle = handle

    @property
    def local(self) -> bool:
        return self._handle is not None

    def request_count(self) -> int | None:
        return self._handle.request_count if self._handle is not None else None  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"<PSEndpoint {'local' if self.local else 'external'}>"


@contextmanager
def local_endpoint(prefix: str = "pe_ps") -> Iterator[PSEndpoint]:
    """Throwaway database + endpoint in this process; both gone afterwards."""
    from prisma_edge.devserver.planetscale import start_planetscale_endpoint
    from tests.support.databases import temp_mysql

    with temp_mysql(prefix) as db_url:
        handle = start_planetscale_endpoint(db_url)
        try:
            yield PSEndpoint(handle.url, handle)
        finally:
            handle.close()


@pytest.fixture(scope="module")
def planetscale() -> Iterator[PSEndpoint]:
    """The endpoint for this test module: external (env) or a local one over a fresh database."""
    external = os.environ.get(ENV_URL)
    if external:
        yield PSEndpoint(external)
        return
    if sys.platform == "emscripten":
        pytest.skip(f"under Pyodide the PlanetScale endpoint must be started outside and given in ${ENV_URL}")
    with local_endpoint() as ep:
        yield ep


def table_suffix() -> str:
    return uuid.uuid4().hex[:8]


def main() -> int:
    """Serve an endpoint over a throwaway database until stdin closes or a signal arrives."""
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    if stat.S_ISFIFO(os.fstat(0).st_mode):  # started with a pipe: stop when the parent goes away
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    try:
        with local_endpoint("pe_ps_ext") as ep:
            print(f"{ENV_URL}={ep.url}", flush=True)
            stop.wait()
    except pytest.skip.Exception as e:  # MariaDB unreachable
        print(f"ps_endpoint: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
