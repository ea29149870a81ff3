"""Round trips per operation on every adapter, next to Prisma 7's counts for the same operations.

Prisma 7.10 (measured by the project: driver adapters, same schema): a nested create of two levels
plus a connect is 10 statements on PostgreSQL, 12 HTTP requests on PlanetScale, and refused on
Neon HTTP ("Transactions are not supported in HTTP mode"). Measures and prints; asserts nothing.

    python benchmarks/round_trips.py      (needs the local PostgreSQL and MariaDB)
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.test_round_trips import measure  # noqa: E402

PRISMA7 = {"nested create (2 levels + connects)": {"neon_http": "refused", "planetscale": "12", "postgres": "10 statements"}}


async def main() -> None:
    results = {}
    adapters = ("sqlite", "neon_http", "neon_ws", "planetscale", "libsql", "d1")  # hyperdrive: inside workerd only
    for adapter in adapters:
        try:
            results[adapter] = await measure(adapter)
        except BaseException as e:  # noqa: BLE001 - a missing server is reported, not fatal
            print(f"{adapter}: not measured ({type(e).__name__}: {e})")
    names = next(iter(results.values())).keys() if results else []
    print(f"{'operation':<38} " + " ".join(f"{a:>11}" for a in adapters) + "   Prisma 7 (neon_http / planetscale)")
    for name in names:
        cells = [str(results[a][name][0]) if a in results else "-" for a in adapters]
        p7 = PRISMA7.get(name, {})
        ref = f"{p7.get('neon_http', '?')} / {p7.get('planetscale', '?')}" if p7 else ""
        print(f"{name:<38} " + " ".join(f"{c:>11}" for c in cells) + f"   {ref}")


if __name__ == "__main__":
    asyncio.run(main())
