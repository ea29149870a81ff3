"""Per-row cost: prisma-edge (direct PostgreSQL adapter) next to psycopg, flat and with an include.

Per-row cost = (time for N rows - time for 10 rows) / (N - 10), median of runs, so the round trip
and the per-query overhead cancel. psycopg runs the same SQL prisma-edge renders (rows as dicts;
psycopg parses the JSON of the include itself). Prints; asserts nothing.

    python benchmarks/row_cost.py [--quick]      (needs the local PostgreSQL)
"""

from __future__ import annotations

import asyncio
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from prisma_edge.client import Client  # noqa: E402
from prisma_edge.compiler import compile_query  # noqa: E402
from prisma_edge.schema import parse_schema  # noqa: E402

SCHEMA = parse_schema("""
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model User {
  id    Int    @id @default(autoincrement())
  email String
  name  String?
  score Float
  posts Post[]
}
model Post {
  id       Int    @id @default(autoincrement())
  title    String
  views    Int
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
  @@index([authorId])
}
""")

DDL = [
    'CREATE TABLE "User" (id serial PRIMARY KEY, email text NOT NULL, name text, score double precision NOT NULL)',
    'CREATE TABLE "Post" (id serial PRIMARY KEY, title text NOT NULL, views int NOT NULL, "authorId" int NOT NULL REFERENCES "User"(id))',
    'CREATE INDEX ON "Post"("authorId")',
    "INSERT INTO \"User\"(email, name, score) SELECT 'u' || g || '@x.io', 'name ' || g, g / 7.0 FROM generate_series(1, 10000) g",
    'INSERT INTO "Post"(title, views, "authorId") SELECT \'title \' || g, g % 1000, (g % 10000) + 1 FROM generate_series(1, 50000) g',
    "ANALYZE",
]

SIZES = (10, 1_000, 10_000)


def per_row(times: dict[int, float]) -> float:
    return (times[SIZES[-1]] - times[SIZES[0]]) / (SIZES[-1] - SIZES[0]) * 1e6


async def median(fn, n: int) -> float:
    await fn()
    out = []
    for _ in range(n):
        t = time.perf_counter()
        await fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


async def main() -> None:
    import psycopg
    from psycopg.rows import dict_row
    from tests.support.databases import temp_postgres

    n = 3 if "--quick" in sys.argv else 9
    with temp_postgres("pe_rows") as url:
        with psycopg.connect(url, autocommit=True) as c:
            for ddl in DDL:
                c.execute(ddl)
        db = Client(SCHEMA, url=url, adapter="postgres")
        pg = await psycopg.AsyncConnection.connect(url, autocommit=True, row_factory=dict_row)
        try:
            for label, include in (("flat", None), ("include (5 posts/user)", {"posts": True})):
                ours, theirs = {}, {}
                for size in SIZES:
                    args = {"take": size, "order": {"id": "asc"}, **({"include": include} if include else {})}
                    plan, values = compile_query(SCHEMA, "User", "find_many", args, "postgres")
                    stmt = plan.steps[0].statement
                    sql = re.sub(r"\$\d+", "%s", stmt.sql)
                    params = [values[p] for p in stmt.params]

                    async def psy(sql=sql, params=params):
                        cur = await pg.execute(sql, params)
                        return await cur.fetchall()

                    ours[size] = await median(lambda args=args: db.user.find_many(**args), n)
                    theirs[size] = await median(psy, n)
                a, b = per_row(ours), per_row(theirs)
                print(
                    f"{label:<24} per row: prisma-edge {a:6.2f} us   psycopg {b:6.2f} us   ratio {a / b:4.2f}x   "
                    + "   ".join(f"{s} rows {ours[s] * 1000:.2f}/{theirs[s] * 1000:.2f} ms" for s in SIZES)
                )
        finally:
            await pg.close()
            await db.close()


if __name__ == "__main__":
    asyncio.run(main())
