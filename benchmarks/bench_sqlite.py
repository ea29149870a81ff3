"""Per operation on embedded SQLite: compile time cold and cached, end-to-end time next to the same
SQL run through `sqlite3` directly, printed as ratios from one run. Measures and prints; asserts nothing.

    python benchmarks/bench_sqlite.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from prisma_edge import Client  # noqa: E402
from prisma_edge.client.codec import bind  # noqa: E402
from prisma_edge.compiler import PlanCache, build, compile_query, parse  # noqa: E402
from prisma_edge.fetch_adapters.sqlite import SqliteAdapter  # noqa: E402
from prisma_edge.migrate.push import push_schema  # noqa: E402
from prisma_edge.schema import load_schema  # noqa: E402

OPERATIONS: list[tuple[str, str, dict[str, Any]]] = [
    ("find_unique", "user", {"where": {"email": "u5@x.io"}}),
    ("find_many+filter", "post", {"where": {"views": {"gt": 3}, "title": {"contains": "1"}}, "take": 10}),
    ("find_many+include x3", "user", {"take": 5, "include": {"posts": {"include": {"comments": {"include": {"author": True}}}}}}),
    ("count", "post", {"where": {"published": True}}),
    ("create", "tag", {"data": {"name": "bench"}}),
    ("update", "post", {"where": {"id": 3}, "data": {"views": {"increment": 1}}}),
]


def timeit(fn: Any, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


async def atimeit(fn: Any, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        await fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


async def main(rounds: int) -> None:
    schema = load_schema(ROOT / "tests" / "schemas" / "blog.prisma")
    adapter = SqliteAdapter(":memory:")
    await push_schema(adapter, schema)
    db = Client(schema, adapter=adapter)
    for i in range(20):
        u = await db.user.create({"email": f"u{i}@x.io", "name": f"U{i}"})
        for j in range(5):
            p = await db.post.create({"title": f"post {i}-{j}", "views": j, "published": j % 2 == 0, "authorId": u["id"]})
            await db.comment.create({"body": "c", "postId": p["id"], "authorId": u["id"]})
    raw = adapter.raw

    print(f"{'operation':<22} {'compile cold':>13} {'compile cached':>15} {'cold/cached':>12} {'client e2e':>11} {'sqlite3 same SQL':>17} {'e2e/sqlite3':>12}")
    for name, model_name, args in OPERATIONS:
        model = db.schema.model(db.__getattr__(model_name)._model.name)
        assert model is not None
        action = name.split("+")[0]
        op, values = parse(schema, model.name, action, args)
        cold = timeit(lambda: build(schema, op, "sqlite"), rounds)  # noqa: B023
        cache = PlanCache()
        compile_query(schema, model.name, action, args, "sqlite", cache)
        cached = timeit(lambda: compile_query(schema, model.name, action, args, "sqlite", cache), rounds)  # noqa: B023
        if action == "create":  # unique names per round
            counter = iter(range(10**6))

            async def run() -> None:
                await db.tag.create({"name": f"bench{next(counter)}"})  # noqa: B023
        else:
            async def run() -> None:
                await db.__getattr__(model_name)._run(action, args)  # noqa: B023
        e2e = await atimeit(run, rounds)
        plan, values = compile_query(schema, model.name, action, args, "sqlite", cache)
        bound = bind(values, plan.slots, "sqlite")
        stmts = [(s.statement.sql, tuple(bound.get(p) if isinstance(p, int) else 1 for p in s.statement.params)) for s in plan.steps]
        if action == "create":
            def direct(stmts: list[tuple[str, tuple[Any, ...]]] = stmts) -> None:
                raw.execute("BEGIN")
                for sql, params in stmts:
                    raw.execute(sql, (f"d{time.perf_counter_ns()}",) if params else ()).fetchall()
                raw.execute("COMMIT")
        else:
            def direct(stmts: list[tuple[str, tuple[Any, ...]]] = stmts) -> None:
                for sql, params in stmts:
                    raw.execute(sql, params).fetchall()
        base = timeit(direct, rounds)
        print(f"{name:<22} {cold * 1e6:>10.0f} us {cached * 1e6:>12.1f} us {cold / cached:>11.1f}x {e2e * 1e6:>8.0f} us {base * 1e6:>14.0f} us {e2e / base:>11.2f}x")
    await db.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=200)
    asyncio.run(main(ap.parse_args().rounds))
