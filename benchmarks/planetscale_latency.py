"""Requests and latency per operation: the PlanetScale adapter (through the local PlanetScale-
compatible endpoint) next to the same SQL sent by a plain PyMySQL connection to the same MariaDB,
as ratios from one run. Measures and prints; asserts nothing.

The adapter's path adds HTTP, JSON and the endpoint's own work on loopback, so the ratios show
local cost; over a real network what dominates is the request count, printed beside.

    python benchmarks/planetscale_latency.py [--rounds N]     (needs the local MariaDB and PyMySQL)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import pymysql  # noqa: E402
from tests.support.databases import temp_mysql  # noqa: E402

from prisma_edge.devserver.planetscale import start_planetscale_endpoint  # noqa: E402
from prisma_edge.fetch_adapters.base import Query  # noqa: E402
from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter  # noqa: E402

SETUP = [
    "CREATE TABLE bench (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), n INT)",
    "INSERT INTO bench (name, n) SELECT CONCAT('row', seq), seq FROM seq_1_to_100",
]
OPERATIONS = {
    "SELECT 1": [("SELECT 1", ())],
    "SELECT by id": [("SELECT id, name, n FROM bench WHERE id = ?", (42,))],
    "SELECT 100 rows": [("SELECT id, name, n FROM bench", ())],
    "INSERT": [("INSERT INTO bench (name, n) VALUES (?, ?)", ("x", 1))],
    "transaction of 3 INSERTs": [("INSERT INTO bench (name, n) VALUES (?, ?)", ("t", i)) for i in range(3)],
}


async def main(rounds: int) -> None:
    with temp_mysql("pe_bench") as db_url:
        ep = start_planetscale_endpoint(db_url)
        adapter = PlanetScaleAdapter(ep.url)
        for sql in SETUP:
            await adapter.query(Query(sql))
        parts = urlsplit(db_url)
        conn = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username, password=parts.password or "",
                               database=parts.path.lstrip("/"), autocommit=True)
        print(f"{'operation':<26} {'planetscale':>12} {'requests':>9} {'PyMySQL':>10} {'ratio':>7}")
        for name, statements in OPERATIONS.items():
            many = len(statements) > 1
            adapter_times, direct_times = [], []
            requests = 0
            for _ in range(rounds):
                before = ep.request_count
                t = time.perf_counter()
                if many:
                    await adapter.batch([Query(sql, params) for sql, params in statements])
                else:
                    await adapter.query(Query(*statements[0]))
                adapter_times.append(time.perf_counter() - t)
                requests = ep.request_count - before
                t = time.perf_counter()
                with conn.cursor() as cur:
                    if many:
                        cur.execute("BEGIN")
                    for sql, params in statements:
                        cur.execute(sql.replace("?", "%s"), params)
                        cur.fetchall()
                    if many:
                        cur.execute("COMMIT")
                direct_times.append(time.perf_counter() - t)
            a, d = statistics.median(adapter_times), statistics.median(direct_times)
            print(f"{name:<26} {a * 1e3:>9.2f} ms {requests:>9} {d * 1e3:>7.2f} ms {a / d:>6.1f}x")
        conn.close()
        await adapter.close()
        ep.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    asyncio.run(main(ap.parse_args().rounds))
