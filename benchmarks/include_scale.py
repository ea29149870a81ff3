"""Includes at scale: does an include cost follow the result or the child table?

Prisma's own DDL puts no index on a foreign key (and PlanetScale has no foreign keys), so the
tables here have none. PostgreSQL (direct adapter) and MariaDB (the local PlanetScale endpoint):
20 and 1,000 parents with 5 children each, among 2,000 or 200,000 children in the table; next to
one full scan of the child table through the same adapter. Prints; asserts nothing.

    python benchmarks/include_scale.py [--quick] [--index] [postgres|mariadb]   (needs the local PostgreSQL and MariaDB)

`--index` adds the foreign-key index (what MySQL/MariaDB create with a foreign key constraint).
Also, for 20 parents, the include shapes that had their own form on MySQL: a cursor and
`distinct` inside the include, and a list under a to-one relation (`post.author.posts`).
"""

from __future__ import annotations

import asyncio
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


async def timed(fn, n: int) -> float:
    await fn()
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        await fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


async def run(db: Client, children: int, n: int, label: str) -> None:
    scan = await timed(
        lambda: db.query_raw(
            "SELECT COUNT(*) FROM \"Post\" WHERE title = '-'"
            if db.adapter.dialect == "postgres"
            else "SELECT COUNT(*) FROM `Post` WHERE title = '-'"
        ),
        n,
    )
    for parents in (20, 1000):
        inc = await timed(
            lambda parents=parents: db.user.find_many(
                take=parents, order={"id": "asc"}, include={"posts": True}
            ),
            n,
        )
        print(
            f"{label:<10} {children:>8} children {parents:>5} parents: include {inc:8.2f} ms   one scan {scan:7.2f} ms   "
            f"ratio {inc / scan:5.2f}x   bound 2x+2 ms = {2 * scan + 2:7.2f}"
        )
    for shape, model, args in SHAPES:
        inc = await timed(lambda model=model, args=args: getattr(db, model).find_many(take=20, order={"id": "asc"}, **args), n)
        print(f"{label:<10} {children:>8} children    20 parents: {shape:<22} {inc:8.2f} ms   ratio to one scan {inc / scan:5.2f}x")


SHAPES = [  # (label, model, arguments besides take/order)
    ("include with a cursor", "user", {"include": {"posts": {"cursor": {"id": 3}, "take": 2}}}),
    ("include with distinct", "user", {"include": {"posts": {"distinct": ["views"], "take": 3}}}),
    ("list under a to-one", "post", {"include": {"author": {"include": {"posts": {"take": 3}}}}}),
]


async def postgres(children: int, n: int) -> None:
    import psycopg
    from tests.support.databases import temp_postgres

    with temp_postgres("pe_bench") as url:
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
        try:
            await run(db, children, n, "postgres")
        finally:
            await db.close()


async def mariadb(children: int, n: int) -> None:
    from tests.support.ps_endpoint import local_endpoint

    with local_endpoint("pe_bench") as ep:
        from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter

        db = Client(parse_schema(SCHEMA.format(provider="mysql")), adapter=PlanetScaleAdapter(ep.url))
        try:
            for ddl in MY_DDL:
                await db.execute_raw(ddl)
            users = children // 5
            await db.execute_raw(
                "INSERT INTO `User`(email) SELECT CONCAT('u', seq) FROM seq_1_to_" + str(users)
            )
            await db.execute_raw(
                "INSERT INTO `Post`(title, views, authorId) SELECT CONCAT('t', seq), seq % 100, (seq % "
                + str(users)
                + ") + 1 FROM seq_1_to_"
                + str(children)
            )
            if "--index" in sys.argv:  # Prisma's DDL with foreign keys: InnoDB indexes them
                await db.execute_raw("CREATE INDEX `Post_authorId_idx` ON `Post`(authorId)")
            await db.execute_raw("ANALYZE TABLE `Post`")
            await run(db, children, n, "mariadb")
        finally:
            await db.close()


async def main() -> None:
    quick = "--quick" in sys.argv
    n = 3 if quick else 9
    only = {"postgres", "mariadb"} & set(sys.argv)
    for children in (2_000, 200_000):
        if not only or "postgres" in only:
            await postgres(children, n)
    for children in (2_000, 200_000):
        if not only or "mariadb" in only:
            await mariadb(children, n)


if __name__ == "__main__":
    asyncio.run(main())
