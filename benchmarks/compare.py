"""prisma-edge next to raw psycopg, SQLAlchemy 2 and Prisma 7.10 (Node), in ONE run, on one PostgreSQL.

The same database (users, posts, comments; an index on each foreign key, as the Prisma schema
declares), the same operations, medians of repeated runs; printed as ratios (prisma-edge's time
over each other's), on loopback and then through a relay of our own that adds 10 ms each way
(20 ms of round-trip time, benchmarks/relay.py). Per-row cost: (time for 10,000 rows - time for
10 rows) / 9,990, flat rows of `User`. Prints; asserts nothing.

    python benchmarks/compare.py [--quick] [--prisma7 DIR]

Between the two, the same operations on MariaDB and SQLite: prisma-edge (PlanetScale adapter
through the local endpoint, HTTP; SQLite adapter) next to raw PyMySQL and sqlite3
(benchmarks/compare_drivers.py).

prisma-edge runs on its direct PostgreSQL adapter (`postgres`); benchmarks/adapters_rtt.py runs the
same operations on it and on neon_http and neon_ws, on loopback and at 20 ms RTT, with round trips. psycopg runs hand-written SQL
(an include as one query per level with `= ANY`, as Prisma does). SQLAlchemy 2 runs its async ORM
over psycopg (`selectinload` for includes). Prisma 7.10 runs `benchmarks/prisma7/bench.ts` with
`@prisma/client` 7.10.0 + `@prisma/adapter-pg` from DIR (default $PRISMA7_NODE_DIR): a directory
where tests/prisma7/recorder/package.json and package-lock.json were installed with `npm ci`;
without it that column is skipped. Needs the bench extra: `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.relay import DelayRelay  # noqa: E402

SIZES = (10, 1_000, 10_000)
OPS = (
    "find_unique",
    "find_many_filtered",
    "include_2_levels",
    "nested_create",
    "update",
    "batch_of_3",
    "count",
)

PRISMA_SCHEMA = """
model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
  posts Post[]
}
model Post {
  id        Int       @id @default(autoincrement())
  title     String
  published Boolean   @default(false)
  views     Int       @default(0)
  authorId  Int
  author    User      @relation(fields: [authorId], references: [id])
  comments  Comment[]
  @@index([authorId])
}
model Comment {
  id     Int    @id @default(autoincrement())
  body   String
  postId Int
  post   Post   @relation(fields: [postId], references: [id])
  @@index([postId])
}
"""

DDL = [  # what Prisma's migrate creates for PRISMA_SCHEMA
    'CREATE TABLE "User" (id serial PRIMARY KEY, email text NOT NULL, name text)',
    'CREATE UNIQUE INDEX "User_email_key" ON "User"(email)',
    'CREATE TABLE "Post" (id serial PRIMARY KEY, title text NOT NULL, published boolean NOT NULL DEFAULT false, '
    'views integer NOT NULL DEFAULT 0, "authorId" integer NOT NULL REFERENCES "User"(id))',
    'CREATE INDEX "Post_authorId_idx" ON "Post"("authorId")',
    'CREATE TABLE "Comment" (id serial PRIMARY KEY, body text NOT NULL, "postId" integer NOT NULL REFERENCES "Post"(id))',
    'CREATE INDEX "Comment_postId_idx" ON "Comment"("postId")',
    "INSERT INTO \"User\"(email, name) SELECT 'u' || g || '@x.io', 'name ' || g FROM generate_series(1, 10000) g",
    'INSERT INTO "Post"(title, published, views, "authorId") SELECT \'title \' || g, g % 2 = 0, g % 1000, (g % 10000) + 1 '
    "FROM generate_series(1, 50000) g",
    'INSERT INTO "Comment"(body, "postId") SELECT \'body \' || g, (g % 50000) + 1 FROM generate_series(1, 50000) g',
    "ANALYZE",
]

Op = Callable[[], Awaitable[Any]]
EMAILS = itertools.count()  # one sequence per process: several clients create users in one database


async def median(fn: Op, runs: int) -> float:
    await fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        await fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out) * 1000


async def measure(ops: dict[str, Op], rows: Callable[[int], Op], runs: int) -> dict[str, float]:
    out = {name: await median(ops[name], runs) for name in OPS}
    for size in SIZES:
        out[f"rows_{size}"] = await median(rows(size), max(3, runs // 5) if size > 1000 else runs)
    return out


# ---- contenders ------------------------------------------------------------------------------


async def prisma_edge(url: str, runs: int) -> dict[str, float]:
    from prisma_edge.client import Client

    db = Client(edge_schema(), url=url, adapter="postgres")
    try:
        return await measure(edge_ops(db), lambda size: lambda: db.user.find_many(order={"id": "asc"}, take=size), runs)
    finally:
        await db.close()


def edge_schema() -> Any:
    """PRISMA_SCHEMA as prisma-edge parses it (PostgreSQL), for any of its PostgreSQL adapters."""
    from prisma_edge.schema import parse_schema

    return parse_schema(
        'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n' + PRISMA_SCHEMA
    )


def edge_ops(db: Any) -> dict[str, Op]:
    """The operations on a prisma-edge client (any adapter): the same calls on every database."""
    n = iter(range(10**9))
    return {
        "find_unique": lambda: db.user.find_unique(where={"id": next(n) % 1000 + 1}),
        "find_many_filtered": lambda: db.post.find_many(
            where={"published": True, "views": {"gt": 500}}, order={"id": "asc"}, take=20
        ),
        "include_2_levels": lambda: db.user.find_many(
            where={"id": {"gt": 100}},
            order={"id": "asc"},
            take=10,
            include={"posts": {"include": {"comments": True}}},
        ),
        "nested_create": lambda: db.user.create(
            data={
                "email": f"pe-{os.getpid()}-{next(EMAILS)}@x.io",
                "posts": {"create": [{"title": "a"}, {"title": "b"}]},
            }
        ),
        "update": lambda: db.post.update(where={"id": next(n) % 1000 + 1}, data={"views": {"increment": 1}}),
        "batch_of_3": lambda: db.batch(
            [db.post.update(where={"id": k}, data={"views": {"increment": 1}}) for k in (1, 2, 3)]
        ),
        "count": lambda: db.post.count(where={"published": True}),
    }


async def psycopg_raw(url: str, runs: int) -> dict[str, float]:
    import psycopg
    from psycopg.rows import dict_row

    conn = await psycopg.AsyncConnection.connect(url, autocommit=True, row_factory=dict_row)
    n = iter(range(10**9))

    async def rows(sql: str, *params: Any) -> list[dict[str, Any]]:
        cur = await conn.execute(sql, params)
        return await cur.fetchall()

    async def include() -> list[dict[str, Any]]:
        users = await rows('SELECT id, email, name FROM "User" WHERE id > %s ORDER BY id LIMIT 10', 100)
        posts = await rows(
            'SELECT * FROM "Post" WHERE "authorId" = ANY(%s) ORDER BY id', [u["id"] for u in users]
        )
        comments = await rows(
            'SELECT * FROM "Comment" WHERE "postId" = ANY(%s) ORDER BY id', [p["id"] for p in posts]
        )
        by_post: dict[int, list[Any]] = {}
        for c in comments:
            by_post.setdefault(c["postId"], []).append(c)
        by_user: dict[int, list[Any]] = {}
        for p in posts:
            p["comments"] = by_post.get(p["id"], [])
            by_user.setdefault(p["authorId"], []).append(p)
        for u in users:
            u["posts"] = by_user.get(u["id"], [])
        return users

    async def nested_create() -> None:
        async with conn.transaction():
            user = (
                await rows(
                    'INSERT INTO "User"(email) VALUES (%s) RETURNING *', f"ps-{os.getpid()}-{next(n)}@x.io"
                )
            )[0]
            async with conn.cursor() as cur:
                await cur.executemany(
                    'INSERT INTO "Post"(title, "authorId") VALUES (%s, %s) RETURNING *',
                    [("a", user["id"]), ("b", user["id"])],
                    returning=True,
                )

    async def batch() -> None:
        async with conn.transaction():
            for k in (1, 2, 3):
                await rows('UPDATE "Post" SET views = views + 1 WHERE id = %s RETURNING *', k)

    ops: dict[str, Op] = {
        "find_unique": lambda: rows('SELECT id, email, name FROM "User" WHERE id = %s', next(n) % 1000 + 1),
        "find_many_filtered": lambda: rows(
            'SELECT * FROM "Post" WHERE published AND views > %s ORDER BY id LIMIT 20', 500
        ),
        "include_2_levels": include,
        "nested_create": nested_create,
        "update": lambda: rows(
            'UPDATE "Post" SET views = views + 1 WHERE id = %s RETURNING *', next(n) % 1000 + 1
        ),
        "batch_of_3": batch,
        "count": lambda: rows('SELECT COUNT(*) FROM "Post" WHERE published'),
    }
    try:
        return await measure(
            ops,
            lambda size: lambda: rows('SELECT id, email, name FROM "User" ORDER BY id LIMIT %s', size),
            runs,
        )
    finally:
        await conn.close()


async def sqlalchemy_orm(url: str, runs: int) -> dict[str, float]:
    from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, func, select, update
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
    from sqlalchemy.orm import declarative_base, relationship, selectinload

    Base: Any = declarative_base()

    class User(Base):  # classic columns: the typed `Mapped[...]` form needs module-level names
        __tablename__ = "User"
        id = Column(Integer, primary_key=True)
        email = Column(String, nullable=False)
        name = Column(String)
        posts = relationship("Post", order_by="Post.id")

    class Post(Base):
        __tablename__ = "Post"
        id = Column(Integer, primary_key=True)
        title = Column(String, nullable=False)
        published = Column(Boolean, nullable=False, default=False)
        views = Column(Integer, nullable=False, default=0)
        authorId = Column(Integer, ForeignKey("User.id"), nullable=False)  # noqa: N815 - the column's name
        comments = relationship("Comment", order_by="Comment.id")

    class Comment(Base):
        __tablename__ = "Comment"
        id = Column(Integer, primary_key=True)
        body = Column(String, nullable=False)
        postId = Column(Integer, ForeignKey("Post.id"), nullable=False)  # noqa: N815

    engine = create_async_engine(url.replace("postgresql://", "postgresql+psycopg://"), pool_size=2)
    session = async_sessionmaker(engine, expire_on_commit=False)
    n = iter(range(10**9))

    async def get(stmt: Any) -> list[Any]:
        async with session() as s:
            return list((await s.scalars(stmt)).all())

    async def nested_create() -> None:
        async with session() as s, s.begin():
            s.add(User(email=f"sa-{os.getpid()}-{next(n)}@x.io", posts=[Post(title="a"), Post(title="b")]))

    async def upd(ids: tuple[int, ...]) -> None:
        async with session() as s, s.begin():
            for k in ids:
                (
                    await s.execute(
                        update(Post).where(Post.id == k).values(views=Post.views + 1).returning(Post)
                    )
                ).all()

    ops: dict[str, Op] = {
        "find_unique": lambda: get(select(User).where(User.id == next(n) % 1000 + 1)),
        "find_many_filtered": lambda: get(
            select(Post).where(Post.published, Post.views > 500).order_by(Post.id).limit(20)
        ),
        "include_2_levels": lambda: get(
            select(User)
            .where(User.id > 100)
            .order_by(User.id)
            .limit(10)
            .options(selectinload(User.posts).selectinload(Post.comments))
        ),
        "nested_create": nested_create,
        "update": lambda: upd((next(n) % 1000 + 1,)),
        "batch_of_3": lambda: upd((1, 2, 3)),
        "count": lambda: get(select(func.count()).select_from(Post).where(Post.published)),
    }
    try:
        return await measure(ops, lambda size: lambda: get(select(User).order_by(User.id).limit(size)), runs)
    finally:
        await engine.dispose()


def prisma7(node_dir: Path | None, url: str, runs: int) -> dict[str, float] | None:
    if node_dir is None or not (node_dir / "node_modules" / "@prisma" / "client").is_dir():
        return None
    with tempfile.TemporaryDirectory(
        dir=node_dir
    ) as tmp:  # inside: the generated client resolves @prisma/client there
        schema = Path(tmp) / "schema.prisma"
        schema.write_text(
            'generator client {\n  provider = "prisma-client"\n  output = "./generated"\n  moduleFormat = "cjs"\n}\n'
            'datasource db {\n  provider = "postgresql"\n}\n' + PRISMA_SCHEMA
        )
        env = {
            **os.environ,
            "PRISMA_SCHEMA_ENGINE_BINARY": "/bin/false",
            "PRISMA_HIDE_UPDATE_MESSAGE": "1",
            "CHECKPOINT_DISABLE": "1",
        }
        subprocess.run(
            [str(node_dir / "node_modules" / ".bin" / "prisma"), "generate", "--schema", str(schema)],
            cwd=node_dir,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        script = Path(tmp) / "bench.ts"
        script.write_text((ROOT / "benchmarks" / "prisma7" / "bench.ts").read_text())
        out = subprocess.run(
            [
                str(node_dir / "node_modules" / ".bin" / "tsx"),
                str(script),
                str(Path(tmp) / "generated" / "client.ts"),
                url,
                str(runs),
                ",".join(map(str, SIZES)),
            ],
            cwd=node_dir,
            env=env,
            check=True,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])


# ---- the run ---------------------------------------------------------------------------------


def table(results: dict[str, dict[str, float] | None], title: str) -> None:
    ours = results["prisma-edge"]
    assert ours is not None
    others = [k for k, v in results.items() if k != "prisma-edge" and v is not None]
    print(
        f"\n{title}\n| operation | prisma-edge ms | " + " | ".join(f"{o} ms (ratio)" for o in others) + " |"
    )
    print("|---|---|" + "---|" * len(others))
    for name in (*OPS, *(f"rows_{s}" for s in SIZES)):
        cells = [f"{results[o][name]:.2f} ({ours[name] / results[o][name]:.2f}x)" for o in others]  # type: ignore[index]
        print(f"| {name} | {ours[name]:.2f} | " + " | ".join(cells) + " |")
    per = {
        k: (v[f"rows_{SIZES[-1]}"] - v[f"rows_{SIZES[0]}"]) / (SIZES[-1] - SIZES[0]) * 1000
        for k, v in results.items()
        if v
    }
    print(
        "| per row (us) | "
        + f"{per['prisma-edge']:.2f} | "
        + " | ".join(f"{per[o]:.2f} ({per['prisma-edge'] / per[o]:.2f}x)" for o in others)
        + " |"
    )


async def run_all(url: str, runs: int, node_dir: Path | None) -> dict[str, dict[str, float] | None]:
    results: dict[str, dict[str, float] | None] = {"prisma-edge": await prisma_edge(url, runs)}
    results["psycopg"] = await psycopg_raw(url, runs)
    try:
        results["SQLAlchemy 2"] = await sqlalchemy_orm(url, runs)
    except ImportError as e:
        print(f"SQLAlchemy 2: not measured ({e}); pip install -e '.[bench]'")
    try:
        results["Prisma 7.10"] = await asyncio.to_thread(prisma7, node_dir, url, runs)
    except (subprocess.SubprocessError, OSError, ValueError) as e:
        print(f"Prisma 7.10: not measured ({type(e).__name__}: {getattr(e, 'stderr', '') or e})")
    return results


def main() -> None:
    import psycopg
    from tests.support.databases import temp_postgres

    quick = "--quick" in sys.argv
    runs = 7 if quick else 31
    node = (
        sys.argv[sys.argv.index("--prisma7") + 1]
        if "--prisma7" in sys.argv
        else os.environ.get("PRISMA7_NODE_DIR")
    )
    node_dir = Path(node) if node else None
    with temp_postgres("pe_compare") as url:
        with psycopg.connect(url, autocommit=True) as c:
            for ddl in DDL:
                c.execute(ddl)
        table(
            asyncio.run(run_all(url, runs, node_dir)),
            f"loopback, median of {runs} (ratio = prisma-edge / other)",
        )
        # PyMySQL and sqlite3 beside prisma-edge on their own databases (loopback only)
        from benchmarks.compare_drivers import drivers

        drivers(runs)
        port = int(url.rsplit(":", 1)[1].split("/", 1)[0])
        with DelayRelay(port, one_way=0.010) as relay:
            slow = url.replace(f":{port}/", f":{relay.port}/")
            table(
                asyncio.run(run_all(slow, max(3, runs // 3), node_dir)), "20 ms RTT (relay: 10 ms each way)"
            )


if __name__ == "__main__":
    main()
