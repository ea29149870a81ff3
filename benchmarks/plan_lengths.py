"""Plans and compile time over 50 list lengths / row counts (issue 15 item 4). Prints; asserts nothing.

For each case, the calls a loader makes with 1, 2, ... 50 values (or create_many with 1..50 rows)
go through `compile_query` with one plan cache: how many plans it rendered, the total time of
that first pass (renders included), and the mean CPU time of a second pass over the same lengths
(every plan cached; the best of 5 passes). No database: compile cost only.

    python benchmarks/plan_lengths.py
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from prisma_edge.compiler import compile_query  # noqa: E402
from prisma_edge.compiler.cache import PlanCache  # noqa: E402
from prisma_edge.schema import parse_schema  # noqa: E402

SCHEMA = """
datasource db {
  provider = "%s"
  url      = env("DATABASE_URL")
}
enum Kind {
  A
  B
}
model Item {
  id    Int      @id @default(autoincrement())
  code  String   @unique
  label String
  kind  Kind     @default(A)
  score Float    @default(0)
  at    DateTime @default(now())
}
"""
WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
CASES = {
    "Int in": ("find_many", lambda n: {"where": {"id": {"in": list(range(n))}}}),
    "String in": ("find_many", lambda n: {"where": {"code": {"in": [f"c{i}" for i in range(n)]}}}),
    "String in, insensitive": ("find_many", lambda n: {"where": {"label": {"in": [f"L{i}" for i in range(n)],
                                                                          "mode": "insensitive"}}}),
    "DateTime not_in": ("find_many", lambda n: {"where": {"at": {"not_in": [WHEN + dt.timedelta(minutes=i)
                                                                           for i in range(n)]}}}),
    "create_many": ("create_many", lambda n: {"data": [{"code": f"c{i}", "label": "x", "score": i} for i in range(n)]}),
}
DIALECTS = {"postgres": "postgresql", "sqlite": "sqlite", "mysql": "mysql"}


def run() -> None:
    print(f"{'dialect':9} {'case':24} {'renders':>7} {'first pass':>11} {'cached call':>12}")
    for dialect, provider in DIALECTS.items():
        schema = parse_schema(SCHEMA % provider)
        for name, (action, args_of) in CASES.items():
            cache = PlanCache()
            calls = [args_of(n) for n in range(1, 51)]
            t0 = time.process_time()
            for args in calls:
                compile_query(schema, "Item", action, args, dialect, cache)
            first = time.process_time() - t0
            passes = []
            for _ in range(5):  # the best of 5 cached passes: the machine may be shared
                t0 = time.process_time()
                for args in calls:
                    compile_query(schema, "Item", action, args, dialect, cache)
                passes.append((time.process_time() - t0) / len(calls))
            cached = min(passes)
            print(f"{dialect:9} {name:24} {cache.renders:7d} {first * 1e3:9.1f}ms {cached * 1e6:10.0f}us")


if __name__ == "__main__":
    run()
