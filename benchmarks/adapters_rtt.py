"""Round trips per operation on prisma-edge's three PostgreSQL adapters, on loopback and at 20 ms RTT.

The operations, schema and data of benchmarks/compare.py (`OPS`, `edge_ops`, `DDL`), in ONE run,
on `postgres` (the direct wire protocol), `neon_http` and `neon_ws` (through the local Neon
endpoint, `prisma_edge.devserver.neon`). At 20 ms RTT the relay (benchmarks/relay.py, 10 ms each
way) sits between the client and what the client talks to: PostgreSQL for `postgres`, the
endpoint for the Neon adapters (HTTP and WebSocket); the endpoint reaches PostgreSQL on loopback,
as Neon's proxy sits next to its database.

Per operation and adapter: the median ms at 20 ms RTT and on loopback, the round trips they imply
((rtt - loopback) / 20 ms: about 1.0 for one), and the counts: the adapter's own
(`stats.round_trips`) and, for the Neon adapters, the endpoint's (HTTP requests / WebSocket data
frames received). The relay alone (a 1-byte echo through it) is printed too: what one round trip
costs here, relay and load included. Per adapter: the TCP connections opened through the relay during all its
operations at 20 ms RTT (connection reuse). Prints; asserts nothing.

    python benchmarks/adapters_rtt.py [--quick]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.compare import DDL, OPS, Op, edge_ops, edge_schema  # noqa: E402
from benchmarks.relay import DelayRelay  # noqa: E402

ADAPTERS = ("postgres", "neon_http", "neon_ws")
ONE_WAY = 0.010
RTT_MS = 2 * ONE_WAY * 1000

# adapter -> {operation: (median ms, adapter's count, endpoint's count or None)}
Measured = dict[str, tuple[float, int, int | None]]


class Targets:
    """Where each adapter connects: PostgreSQL or the endpoint, directly or through a relay."""

    def __init__(self, pg_url: str, handle: Any) -> None:
        self.pg_url, self.handle = pg_url, handle
        self.pg_port = int(pg_url.rsplit(":", 1)[1].split("/", 1)[0])

    def client(self, adapter: str, port: int | None) -> Any:
        """A client on `adapter`; `port` is a relay in front of its server (None: direct)."""
        from prisma_edge.client import Client
        from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
        from prisma_edge.fetch_adapters.neon_ws import NeonWsAdapter

        if adapter == "postgres":
            url = self.pg_url if port is None else self.pg_url.replace(f":{self.pg_port}/", f":{port}/")
            return Client(edge_schema(), url=url, adapter="postgres")
        where = f"127.0.0.1:{port or self.handle.port}"
        if adapter == "neon_http":
            a: Any = NeonHttpAdapter(self.handle.connection_string, endpoint=f"http://{where}/sql")
        else:
            a = NeonWsAdapter(self.handle.connection_string, ws_proxy=f"{where}/v2")
        return Client(edge_schema(), adapter=a)

    def server_port(self, adapter: str) -> int:
        return self.pg_port if adapter == "postgres" else self.handle.port

    def at_endpoint(self, adapter: str) -> int | None:
        """What the endpoint has received so far (one per flight), None where nothing counts it."""
        if adapter == "neon_http":
            return self.handle.request_count
        if adapter == "neon_ws":
            return self.handle.ws_stats()["frames_received"]
        return None


async def counted(targets: Targets, adapter: str, db: Any, op: Op) -> tuple[int, int | None]:
    """One call of `op`: (the adapter's round trips, what the endpoint received; None: not counted)."""
    db.adapter.stats.reset()
    before = targets.at_endpoint(adapter)
    await op()
    after = targets.at_endpoint(adapter)
    return db.adapter.stats.round_trips, None if before is None or after is None else after - before


async def measure(targets: Targets, adapter: str, relay: DelayRelay, runs: int) -> tuple[Measured, Measured, str]:
    """Every operation on two clients of `adapter`, one direct and one through `relay`: a counted
    call on each, then `runs` timed calls alternating between them (load drifts alike for both);
    returns (loopback, 20 ms RTT, the relay's connection count)."""
    direct, far = targets.client(adapter, None), targets.client(adapter, relay.port)
    near_ops, far_ops = edge_ops(direct), edge_ops(far)
    loop: Measured = {}
    slow: Measured = {}
    calls = 0
    try:
        await near_ops["find_unique"]()  # connect first: the counts below are per operation
        await far_ops["find_unique"]()
        calls += 1
        for name in OPS:
            near_count = await counted(targets, adapter, direct, near_ops[name])
            far_count = await counted(targets, adapter, far, far_ops[name])
            samples: dict[str, list[float]] = {"near": [], "far": []}
            for _ in range(runs):
                for side, op in (("near", near_ops[name]), ("far", far_ops[name])):
                    t = time.perf_counter()
                    await op()
                    samples[side].append((time.perf_counter() - t) * 1000)
            calls += runs + 1
            loop[name] = (statistics.median(samples["near"]), *near_count)
            slow[name] = (statistics.median(samples["far"]), *far_count)
    finally:
        await direct.close()
        await far.close()
    return loop, slow, f"{relay.connections} TCP connection(s) for {calls} operations"


async def relay_alone(runs: int) -> float:
    """Median ms of a 1-byte echo through the relay: 20 ms plus what the relay itself costs."""

    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except asyncio.CancelledError:  # the run is ending with the relay's connection still open
            pass
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    with DelayRelay(server.sockets[0].getsockname()[1], one_way=ONE_WAY, process=True) as relay:
        reader, writer = await asyncio.open_connection("127.0.0.1", relay.port)
        samples = []
        for _ in range(runs + 1):
            t = time.perf_counter()
            writer.write(b"x")
            await reader.readexactly(1)
            samples.append((time.perf_counter() - t) * 1000)
        writer.close()
    server.close()
    return statistics.median(samples[1:])


async def run(targets: Targets, runs: int) -> tuple[dict[str, Measured], dict[str, Measured], dict[str, str], dict[str, float]]:
    loop: dict[str, Measured] = {}
    slow: dict[str, Measured] = {}
    reuse: dict[str, str] = {}
    alone: dict[str, float] = {}
    for a in ADAPTERS:
        with DelayRelay(targets.server_port(a), one_way=ONE_WAY, process=True) as relay:
            loop[a], slow[a], reuse[a] = await measure(targets, a, relay, runs)
        alone[a] = await relay_alone(runs)  # right after: the machine's load then
    return loop, slow, reuse, alone


def report(loop: dict[str, Measured], slow: dict[str, Measured], reuse: dict[str, str], alone: dict[str, float],
           runs: int) -> None:
    def extra(a: str, name: str) -> float:
        return slow[a][name][0] - loop[a][name][0]

    print(f"\nmedian of {runs}; round trips implied = (20 ms RTT - loopback) / {RTT_MS:.0f} ms, and the same over "
          "the relay alone (a 1-byte echo through it, measured after each adapter: its real round trip here); "
          "counted = adapter's stats.round_trips / endpoint's requests (neon_http) or data frames (neon_ws)")
    print("| operation | adapter | 20 ms RTT ms | loopback ms | round trips implied | per relay echo | counted |")
    print("|---|---|---|---|---|---|---|")
    for name in OPS:
        for a in ADAPTERS:
            _, trips, at_ep = slow[a][name]
            counted = f"{trips}" + ("" if at_ep is None else f" / {at_ep}")
            print(f"| {name} | {a} | {slow[a][name][0]:.2f} | {loop[a][name][0]:.2f} | "
                  f"{extra(a, name) / RTT_MS:.2f} | {extra(a, name) / alone[a]:.2f} | {counted} |")
    print("\n20 ms RTT: ms (round trips implied)")
    print("| operation | " + " | ".join(ADAPTERS) + " |")
    print("|---|" + "---|" * len(ADAPTERS))
    for name in OPS:
        print(f"| {name} | " + " | ".join(f"{slow[a][name][0]:.1f} ({extra(a, name) / RTT_MS:.2f})" for a in ADAPTERS) + " |")
    print("\nthe relay alone (a 1-byte echo through it), after each adapter: "
          + "; ".join(f"{a}: {alone[a]:.2f} ms" for a in ADAPTERS))
    print("connections through the relay at 20 ms RTT: "
          + "; ".join(f"{a}: {reuse[a]}" for a in ADAPTERS))


def main() -> None:
    import psycopg
    from tests.support.databases import temp_postgres

    from prisma_edge.devserver.neon import start_neon_endpoint

    runs = 7 if "--quick" in sys.argv else 31
    with temp_postgres("pe_adapters_rtt") as url:
        with psycopg.connect(url, autocommit=True) as c:
            for ddl in DDL:
                c.execute(ddl)
        with start_neon_endpoint(url) as handle:
            loop, slow, reuse, alone = asyncio.run(run(Targets(url, handle), runs))
    report(loop, slow, reuse, alone, runs)


if __name__ == "__main__":
    main()
