"""Plans and compile time of nested children lists over 30 lengths (issue 15 item 4). Prints; asserts nothing.

A parent created with 1, 2, ... 30 children (`create_many: {data: [..]}`, `create: [..]`) or
connecting 1..30 existing ones (`connect: [..]`) goes through `compile_query` with one plan
cache: how many plans it rendered, the total time of that first pass (renders included), and the
mean CPU time of a second pass (every plan cached; the best of 5 passes). Compile cost only.

    python benchmarks/nested_lengths.py
"""

from __future__ import annotations

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
model Parent {
  id   Int   @id @default(autoincrement())
  name String
  kids Kid[]
}
model Kid {
  id       Int      @id @default(autoincrement())
  code     String   @unique
  label    String
  kind     Kind     @default(A)
  at       DateTime @default(now())
  parentId Int
  parent   Parent   @relation(fields: [parentId], references: [id])
}
"""


def _kids(n: int) -> list[dict[str, object]]:
    return [{"code": f"c{i}", "label": "x", "kind": "AB"[i % 2]} for i in range(n)]


CASES = {
    "create_many: {data}": lambda n: {"data": {"name": "p", "kids": {"create_many": {"data": _kids(n)}}}},
    "create: [..]": lambda n: {"data": {"name": "p", "kids": {"create": _kids(n)}}},
    "connect: [..] by id": lambda n: {"data": {"name": "p", "kids": {"connect": [{"id": i} for i in range(n)]}}},
}
DIALECTS = {"postgres": "postgresql", "sqlite": "sqlite"}
LENGTHS = range(1, 31)


def run() -> None:
    print(f"{'dialect':9} {'case':22} {'renders':>7} {'first pass':>11} {'cached call':>12}")
    for dialect, provider in DIALECTS.items():
        schema = parse_schema(SCHEMA % provider)
        compile_query(schema, "Kid", "find_many", {}, dialect, PlanCache())  # loads sqlglot: not timed
        for name, args_of in CASES.items():
            cache = PlanCache()
            calls = [args_of(n) for n in LENGTHS]
            t0 = time.process_time()
            for args in calls:
                compile_query(schema, "Parent", "create", args, dialect, cache)
            first = time.process_time() - t0
            passes = []
            for _ in range(5):  # the best of 5 cached passes: the machine may be shared
                t0 = time.process_time()
                for args in calls:
                    compile_query(schema, "Parent", "create", args, dialect, cache)
                passes.append((time.process_time() - t0) / len(calls))
            print(f"{dialect:9} {name:22} {cache.renders:7d} {first * 1e3:9.1f}ms {min(passes) * 1e6:10.0f}us")


if __name__ == "__main__":
    run()
