"""Latency per operation: Neon over WebSocket (NeonWsAdapter) next to Neon over HTTP (NeonHttpAdapter)
and a plain psycopg connection to the same PostgreSQL, printed as ratios from one run.

Both Neon adapters go through the local endpoint (`prisma-edge dev neon`, a Python server on
loopback), so the ratios show what each path costs here (the endpoint's relay or libpq calls,
HTTP, WebSocket framing, our protocol code), not network latency. Over a real network what
dominates is round trips: they are printed too (psycopg counts are those of the protocol it uses:
one per execute, BEGIN and COMMIT each one more). Measures and prints; asserts nothing.

    python benchmarks/neon_latency.py [--rounds N]     (needs the local PostgreSQL and psycopg)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import psycopg  # noqa: E402
from tests.support.databases import temp_postgres  # noqa: E402

from prisma_edge.devserver.neon import start_neon_endpoint  # noqa: E402
from prisma_edge.fetch_adapters.base import Query  # noqa: E402
from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter  # noqa: E402
from prisma_edge.fetch_adapters.neon_ws import NeonWsAdapter  # noqa: E402

Op = Callable[[], Awaitable[Any]]
OPERATIONS = [
    "connect + first query",
    "SELECT 1",
    "SELECT by id ($1)",
    "SELECT 100 rows",
    "INSERT .. RETURNING",
    "batch: 3 INSERTs in a transaction",
    "interactive tx: SELECT + UPDATE",
]
# round trips per operation for psycopg (autocommit; a transaction adds BEGIN and COMMIT)
PSYCOPG_TRIPS = {"connect + first query": "3+", "batch: 3 INSERTs in a transaction": 5, "interactive tx: SELECT + UPDATE": 4}


class Counter:
    """Unique ids for inserts, so every round writes a new row."""

    def __init__(self) -> None:
        self.n = 10_000

    def __call__(self) -> int:
        self.n += 1
        return self.n


def adapter_ops(a: Any, make: Callable[[], Any], next_id: Counter) -> dict[str, Op]:
    async def cold() -> None:
        fresh = make()
        await fresh.query(Query("SELECT 1"))
        await fresh.close()
        a.stats.round_trips += fresh.stats.round_trips  # counted where the benchmark looks

    async def tx() -> None:
        async with a.transaction() as t:
            await t.query(Query("SELECT n FROM bench WHERE id = $1", (5,)))
            await t.query(Query("UPDATE bench SET n = n + 1 WHERE id = $1", (5,)))

    ops: dict[str, Op] = {
        "connect + first query": cold,
        "SELECT 1": lambda: a.query(Query("SELECT 1")),
        "SELECT by id ($1)": lambda: a.query(Query("SELECT id, n, label FROM bench WHERE id = $1", (42,))),
        "SELECT 100 rows": lambda: a.query(Query("SELECT id, n, label FROM bench ORDER BY id LIMIT 100")),
        "INSERT .. RETURNING": lambda: a.query(Query("INSERT INTO bench (id, n, label) VALUES ($1, 0, 'x') RETURNING id", (next_id(),))),
        "batch: 3 INSERTs in a transaction": lambda: a.batch([
            Query("INSERT INTO bench (id, n, label) VALUES ($1, 0, 'b')", (next_id(),)) for _ in range(3)]),
    }
    if isinstance(a, NeonWsAdapter):
        ops["interactive tx: SELECT + UPDATE"] = tx
    return ops


def psycopg_ops(conn: psycopg.AsyncConnection, url: str, next_id: Counter) -> dict[str, Op]:
    async def cold() -> None:
        fresh = await psycopg.AsyncConnection.connect(url, autocommit=True)
        await fresh.execute("SELECT 1")
        await fresh.close()

    async def one(sql: str, params: tuple = ()) -> list[Any]:
        cur = await conn.execute(sql, params)
        return await cur.fetchall()

    async def batch() -> None:
        async with conn.transaction():
            for _ in range(3):
                await conn.execute("INSERT INTO bench (id, n, label) VALUES (%s, 0, 'b')", (next_id(),))

    async def tx() -> None:
        async with conn.transaction():
            await (await conn.execute("SELECT n FROM bench WHERE id = %s", (5,))).fetchall()
            await conn.execute("UPDATE bench SET n = n + 1 WHERE id = %s", (5,))

    return {
        "connect + first query": cold,
        "SELECT 1": lambda: one("SELECT 1"),
        "SELECT by id ($1)": lambda: one("SELECT id, n, label FROM bench WHERE id = %s", (42,)),
        "SELECT 100 rows": lambda: one("SELECT id, n, label FROM bench ORDER BY id LIMIT 100"),
        "INSERT .. RETURNING": lambda: one("INSERT INTO bench (id, n, label) VALUES (%s, 0, 'x') RETURNING id", (next_id(),)),
        "batch: 3 INSERTs in a transaction": batch,
        "interactive tx: SELECT + UPDATE": tx,
    }


async def measure(direct_url: str, handle: Any, rounds: int) -> dict[str, dict[str, tuple[float, Any]]]:
    next_id = Counter()
    conn = await psycopg.AsyncConnection.connect(direct_url, autocommit=True)
    await conn.execute("CREATE TABLE bench (id int PRIMARY KEY, n int NOT NULL, label text NOT NULL)")
    await conn.execute("INSERT INTO bench SELECT g, g, 'row ' || g FROM generate_series(1, 1000) g")
    ws_proxy = handle.ws_proxy
    make_ws = lambda: NeonWsAdapter(handle.connection_string, ws_proxy=ws_proxy)  # noqa: E731
    make_http = lambda: NeonHttpAdapter(handle.connection_string, endpoint=handle.url)  # noqa: E731
    ws, http = make_ws(), make_http()
    clients = {"psycopg": (psycopg_ops(conn, direct_url, next_id), None),
               "neon_http": (adapter_ops(http, make_http, next_id), http),
               "neon_ws": (adapter_ops(ws, make_ws, next_id), ws)}
    out: dict[str, dict[str, tuple[float, Any]]] = {label: {} for label in clients}
    try:
        for name in OPERATIONS:
            runnable = [(label, ops[name], adapter) for label, (ops, adapter) in clients.items() if name in ops]
            for label, fn, adapter in runnable:  # warm, and count round trips
                if adapter is not None:
                    adapter.stats.reset()
                await fn()
                out[label][name] = (0.0, adapter.stats.round_trips if adapter else PSYCOPG_TRIPS.get(name, 1))
            # interleaved rounds, rotating who goes first: disk flushes and CPU noise hit all alike
            samples: dict[str, list[float]] = {label: [] for label, _, _ in runnable}
            n = max(rounds // 10, 5) if name.startswith("connect") else rounds
            for r in range(n):
                for label, fn, _ in runnable[r % len(runnable):] + runnable[: r % len(runnable)]:
                    t = time.perf_counter()
                    await fn()
                    samples[label].append(time.perf_counter() - t)
            for label, values in samples.items():
                out[label][name] = (statistics.median(values) * 1000, out[label][name][1])
    finally:
        await ws.close()
        await http.close()
        await conn.close()
    return out


def report(results: dict[str, dict[str, tuple[float, Any]]], rounds: int) -> None:
    def cell(label: str, name: str) -> str:
        r = results[label].get(name)
        return f"{r[0]:7.3f} ({r[1]})" if r else "      - (-)"

    def ratio(a: str, b: str, name: str) -> str:
        x, y = results[a].get(name), results[b].get(name)
        return f"{x[0] / y[0]:6.2f}x" if x and y else "      -"

    print(f"median ms (round trips) over {rounds} rounds, loopback; Python {sys.version.split()[0]}")
    head = f"{'operation':<36} {'psycopg':>13} {'neon_http':>13} {'neon_ws':>13}  {'ws/psycopg':>10} {'http/psycopg':>12} {'ws/http':>8}"
    print(head)
    print("-" * len(head))
    for name in OPERATIONS:
        print(f"{name:<36} {cell('psycopg', name):>13} {cell('neon_http', name):>13} {cell('neon_ws', name):>13}  "
              f"{ratio('neon_ws', 'psycopg', name):>10} {ratio('neon_http', 'psycopg', name):>12} "
              f"{ratio('neon_ws', 'neon_http', name):>8}")
    print("neon_http has no interactive transactions (HTTP keeps no session); its batch is one request.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=300, help="samples per operation (connect: a tenth)")
    args = ap.parse_args()
    with temp_postgres("bench_neon") as direct_url:
        handle = start_neon_endpoint(direct_url)
        try:
            results = asyncio.run(measure(direct_url, handle, args.rounds))
        finally:
            handle.close()
    report(results, args.rounds)


if __name__ == "__main__":
    main()
