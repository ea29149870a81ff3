"""The local D1-compatible REST endpoint (devserver/d1.py) for runs that start it outside Python.

`python -m tests.support.d1_endpoint` (CPython, from the repository root) serves one in-memory
database and prints `PRISMA_EDGE_D1_URL=...` and `PRISMA_EDGE_D1_TOKEN=...`, then serves until
stdin closes or it gets SIGTERM; scripts/test.sh starts it this way for the Pyodide runs, which
have no TCP of their own (tests/support/clients.py reads the two variables).
"""

from __future__ import annotations

import contextlib
import signal
import sys

from prisma_edge.devserver.d1 import start_d1_endpoint


def _main() -> int:
    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    with start_d1_endpoint() as handle:
        print(f"PRISMA_EDGE_D1_URL={handle.url}", flush=True)
        print(f"PRISMA_EDGE_D1_TOKEN={handle.api_token}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            sys.stdin.read()
    return 0


if __name__ == "__main__":
    sys.exit(_main())
