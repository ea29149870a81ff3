"""Includes at scale: does an include cost follow the result or the child table?

Prisma's own DDL puts no index on a foreign key (and PlanetScale has no foreign keys), so the
tables here have none. PostgreSQL (direct adapter) and MariaDB (the local PlanetScale endpoint):
20 and 1,000 parents with 5 children each, among 2,000 or 200,000 children in the table; next to
one full scan of the child table through the same adapter. Both table sizes exist at once and
are sampled in turn, so their ratio survives a load change. Prints; asserts nothing.

    python benchmarks/include_scale.py [--quick] [--index] [postgres|mariadb]   (needs the local PostgreSQL and MariaDB)

`--index` adds the foreign-key index (what MySQL/MariaDB create with a foreign key constraint).
Also, for 20 parents, the include shapes that had their own form on MySQL: a cursor (forwards,
backwards, with `distinct`) and `distinct` inside the include, and a list under a to-one relation (`post.author.posts`).
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from prisma_edge.client import Client  # noqa: E402
from prisma_edge.schema import parse_schema  # noqa: E402

SCHEMA = """
datasource db {{
  provider = "{provider}"
  url = env("DATABASE_URL")
}}
model User {{
  id    Int    @id @default(autoincrement())
  email String
  posts Post[]
}}
model Post {{
  id       Int    @id @default(autoincrement())
  title    String
  views    Int
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}}
"""

PG_DDL = [
    'CREATE TABLE "User" (id serial PRIMARY KEY, email text NOT NULL)',
    'CREATE TABLE "Post" (id serial PRIMARY KEY, title text NOT NULL, views int NOT NULL, "authorId" int NOT NULL '
    'REFERENCES "User"(id))',  # Prisma's DDL: a foreign key, no index on it
]
MY_DDL = [
    "CREATE TABLE `User` (id int AUTO_INCREMENT PRIMARY KEY, email varchar(191) NOT NULL)",
    "CREATE TABLE `Post` (id int AUTO_INCREMENT PRIMARY KEY, title varchar(191) NOT NULL, views int NOT NULL, authorId int NOT NULL)",
]


async def timed(fns, n: int) -> list[float]:
    """Median ms of each query, the samples taken in turn (one per table size per round), so a
    load change on the shared machine hits every size alike."""
    for fn in fns:
        await fn()
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(n):
        for fn, out in zip(fns, samples, strict=True):
            t = time.perf_counter()
            await fn()
            out.append(time.perf_counter() - t)
    return [statistics.median(s) * 1000 for s in samples]


async def run(dbs: dict[int, Client], n: int, label: str) -> None:
    sizes = list(dbs)
    scan_sql = (
        "SELECT COUNT(*) FROM \"Post\" WHERE title = '-'"
        if dbs[sizes[0]].adapter.dialect == "postgres"
        else "SELECT COUNT(*) FROM `Post` WHERE title = '-'"
    )
    scans = await timed([lambda db=db: db.query_raw(scan_sql) for db in dbs.values()], n)
    for parents in (20, 1000):
        incs = await timed(
            [lambda db=db, parents=parents: db.user.find_many(take=parents, order={"id": "asc"}, include={"posts": True}) for db in dbs.values()],
            n,
        )
        for children, inc, scan in zip(sizes, incs, scans, strict=True):
            print(
                f"{label:<10} {children:>8} children {parents:>5} parents: include {inc:8.2f} ms   one scan {scan:7.2f} ms   "
                f"ratio {inc / scan:5.2f}x   bound 2x+2 ms = {2 * scan + 2:7.2f}   to {sizes[0]:,} children {inc / incs[0]:5.2f}x"
            )
    for shape, model, args in SHAPES:
        incs = await timed(
            [lambda db=db, model=model, args=args: getattr(db, model).find_many(take=20, order={"id": "asc"}, **args)
             for db in dbs.values()],
            n,
        )
        for children, inc, scan in zip(sizes, incs, scans, strict=True):
            print(f"{label:<10} {children:>8} children    20 parents: {shape:<22} {inc:8.2f} ms   "
                  f"ratio to one scan {inc / scan:5.2f}x   to {sizes[0]:,} children {inc / incs[0]:5.2f}x")


SHAPES = [  # (label, model, arguments besides take/order)
    ("include with a cursor", "user", {"include": {"posts": {"cursor": {"id": 3}, "take": 2}}}),
    ("cursor, take -2", "user", {"include": {"posts": {"cursor": {"id": 3}, "take": -2, "skip": 1}}}),
    ("cursor and distinct", "user", {"include": {"posts": {"cursor": {"id": 3}, "distinct": ["views"], "take": 2}}}),
    ("include with distinct", "user", {"include": {"posts": {"distinct": ["views"], "take": 3}}}),
    ("list under a to-one", "post", {"include": {"author": {"include": {"posts": {"take": 3}}}}}),
]


async def postgres(stack: contextlib.AsyncExitStack, children: int) -> Client:
    import psycopg
    from tests.support.databases import temp_postgres

    url = stack.enter_context(temp_postgres("pe_bench"))
    with psycopg.connect(url, autocommit=True) as c:
        for ddl in PG_DDL:
            c.execute(ddl)
        users = children // 5
        c.execute("INSERT INTO \"User\"(email) SELECT 'u' || g FROM generate_series(1, %s) g", (users,))
        c.execute(
            'INSERT INTO "Post"(title, views, "authorId") SELECT \'t\' || g, g %% 100, (g %% %s) + 1 '
            "FROM generate_series(1, %s) g",
            (users, children),
        )
        if "--index" in sys.argv:
            c.execute('CREATE INDEX "Post_authorId_idx" ON "Post"("authorId")')
        c.execute("ANALYZE")
    db = Client(parse_schema(SCHEMA.format(provider="postgresql")), url=url, adapter="postgres")
    stack.push_async_callback(db.close)
    return db


async def mariadb(stack: contextlib.AsyncExitStack, children: int) -> Client:
    from tests.support.ps_endpoint import local_endpoint

    from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter

    ep = stack.enter_context(local_endpoint("pe_bench"))
    db = Client(parse_schema(SCHEMA.format(provider="mysql")), adapter=PlanetScaleAdapter(ep.url))
    stack.push_async_callback(db.close)
    for ddl in MY_DDL:
        await db.execute_raw(ddl)
    users = children // 5
    await db.execute_raw("INSERT INTO `User`(email) SELECT CONCAT('u', seq) FROM seq_1_to_" + str(users))
    await db.execute_raw(
        "INSERT INTO `Post`(title, views, authorId) SELECT CONCAT('t', seq), seq % 100, (seq % "
        + str(users)
        + ") + 1 FROM seq_1_to_"
        + str(children)
    )
    if "--index" in sys.argv:  # Prisma's DDL with foreign keys: InnoDB indexes them
        await db.execute_raw("CREATE INDEX `Post_authorId_idx` ON `Post`(authorId)")
    await db.execute_raw("ANALYZE TABLE `Post`")
    return db


async def main() -> None:
    quick = "--quick" in sys.argv
    n = 3 if quick else 9
    only = {"postgres", "mariadb"} & set(sys.argv)
    for name, setup in (("postgres", postgres), ("mariadb", mariadb)):
        if only and name not in only:
            continue
        async with contextlib.AsyncExitStack() as stack:  # both table sizes at once, measured in turn
            dbs = {children: await setup(stack, children) for children in (2_000, 200_000)}
            await run(dbs, n, name)


if __name__ == "__main__":
    asyncio.run(main())
