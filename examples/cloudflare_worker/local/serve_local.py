"""Run one of the example Workers offline: workerd (miniflare) + npm Pyodide (shim.mjs) + local services.

usage: python examples/cloudflare_worker/local/serve_local.py d1 [--port 8787]
       python examples/cloudflare_worker/local/serve_local.py hyperdrive --database postgresql://postgres@127.0.0.1:5432/todos
       python examples/cloudflare_worker/local/serve_local.py neon --database postgresql://postgres@127.0.0.1:5432/todos

- d1: miniflare's D1 (as `wrangler dev` emulates it), with migrations/0001_todos.sql applied;
- hyperdrive: miniflare's Hyperdrive binding in front of that PostgreSQL database;
- neon: the project's local Neon-compatible endpoint (`prisma-edge dev neon`) in front of it.
The PostgreSQL variants create the tables unless --no-push.

This is NOT Cloudflare's Python runtime (which downloads its own Pyodide bundle and cannot run
offline): it runs the same Python files on stock Pyodide, behind a JS entrypoint that reproduces
the runtime's start-up rule (no entropy while the Worker's modules are imported).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import EXAMPLE, ROOT, Host, build, example_sources, wheels  # noqa: E402

VARIANTS = ("d1", "hyperdrive", "neon")
MIGRATIONS = {"DB": [EXAMPLE / "migrations" / "0001_todos.sql"]}


def hyperdrive_url(database: str) -> str:
    """miniflare's Hyperdrive binding needs a password in the URL; a trusting server ignores it."""
    scheme, rest = database.split("://", 1)
    auth, _, host = rest.rpartition("@")
    if auth and ":" not in auth:
        auth += ":local"
    return f"{scheme}://{auth}@{host}" if auth else database


@contextlib.contextmanager
def serve(variant: str, out: Path, *, database: str | None = None, port: int = 0, push: bool = True,
          d1_persist: Path | None = None) -> Iterator[tuple[Host, Any]]:
    """Build and serve `variant`; yields (the host, the Neon endpoint handle or None)."""
    sys.path.insert(0, str(ROOT / "src"))
    modules = build(out, entry=HERE / "shim.mjs", files=example_sources(),
                    wheel_files=wheels(ROOT / ".pyodide-wheels", ("sqlglot", "attrs")))
    bindings = {"PRISMA_EDGE_WORKER_MODULE": f"{variant}_worker"}
    neon = None
    with contextlib.ExitStack() as stack:
        if variant != "d1":
            if not database:
                raise SystemExit(f"the {variant} Worker needs --database postgresql://...")
            if push:
                from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
                from prisma_edge.migrate.push import push_schema
                from prisma_edge.schema import load_schema

                asyncio.run(_push(PgDirectAdapter(database), load_schema(EXAMPLE / "schema.prisma"), push_schema))
        if variant == "neon":
            from prisma_edge.devserver.neon import start_neon_endpoint

            neon = stack.enter_context(start_neon_endpoint(database or ""))
            bindings |= {"DATABASE_URL": neon.connection_string, "NEON_HTTP_URL": neon.url}
        host = Host(out, modules, bindings=bindings,
                    d1=["DB"] if variant == "d1" else (), d1_persist=d1_persist,
                    d1_migrations=MIGRATIONS if variant == "d1" else None,
                    hyperdrives={"HYPERDRIVE": hyperdrive_url(database or "")} if variant == "hyperdrive" else None)
        host.config["port"] = port
        yield stack.enter_context(host), neon


async def _push(adapter: Any, schema: Any, push_schema: Any) -> None:
    async with adapter:
        await push_schema(adapter, schema)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("variant", choices=VARIANTS)
    ap.add_argument("--database", help="a PostgreSQL URL (hyperdrive, neon)")
    ap.add_argument("--port", type=int, default=8787)
    ap.add_argument("--no-push", action="store_true", help="do not create the tables (hyperdrive, neon)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, serve(args.variant, Path(tmp), database=args.database, port=args.port,
                                                    push=not args.no_push) as (host, _):
        print(f"{args.variant} Worker on {host.url}/todos (Ctrl-C to stop); the first request boots Pyodide")
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
