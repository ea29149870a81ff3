"""Plans independent of `in` list lengths (issue 15 item 4): 50 lengths, one rendered plan.

A loader asks for 1, 2, ... 50 ids; on PostgreSQL, SQLite, D1 and MySQL each list is ONE
parameter (`= ANY($1)` / `json_each(?)` / `JSON_TABLE(?, ...)`), so the plan cache renders once
and every call still returns exactly its own rows, values after the list included. Lists of
strings and enums on MySQL keep one parameter per value (checked: still right).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest

from prisma_edge.errors import UniqueConstraintError
from tests.support.clients import open_client

ADAPTERS = ["sqlite", "neon_http", "neon_ws", "planetscale", "d1"]
SINGLE_PLAN = {"sqlite", "neon_http", "neon_ws", "planetscale", "d1"}


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_fifty_list_lengths_render_one_plan(adapter):
    async with open_client("blog", adapter) as db:
        await db.user.create_many(
            data=[
                {
                    "email": f"u{i}@x.io",
                    "name": "even" if i % 2 == 0 else "odd",
                    "role": "ADMIN" if i % 3 == 0 else "USER",
                }
                for i in range(60)
            ]
        )
        ids = [u["id"] for u in await db.user.find_many(order={"id": "asc"})]
        before = db.plan_cache.renders
        for n in range(1, 51):
            wanted = ids[:n]
            got = await db.user.find_many(where={"id": {"in": wanted}, "name": "even"}, order={"id": "asc"})
            assert [u["id"] for u in got] == [i for k, i in enumerate(ids[:n]) if k % 2 == 0]
        renders = db.plan_cache.renders - before
        assert renders == (1 if adapter in SINGLE_PLAN else 50)

        # not_in, strings, enums, and a list inside a relation filter
        emails = [f"u{i}@x.io" for i in range(5)]
        assert len(await db.user.find_many(where={"email": {"not_in": emails}})) == 55
        assert [
            u["email"]
            for u in await db.user.find_many(
                where={"email": {"in": [*emails, "nobody"]}}, order={"id": "asc"}
            )
        ] == emails
        assert await db.user.count(where={"role": {"in": ["ADMIN"]}}) == 20
        assert await db.user.count(where={"role": {"not_in": ["ADMIN", "EDITOR"]}}) == 40
        await db.post.create(data={"title": "t", "author": {"connect": {"id": ids[0]}}})
        found = await db.user.find_many(where={"posts": {"some": {"authorId": {"in": ids[:3]}}}})
        assert [u["id"] for u in found] == [ids[0]]


@pytest.mark.mysql
@pytest.mark.no_pyodide("starts the local PlanetScale endpoint (a TCP server)")
async def test_mysql_lists_of_bigint_keys_read_exactly_from_one_parameter():
    """JSON_TABLE reads each key as BIGINT: the extremes of BigInt match exactly (a value it could
    not hold would become NULL there and match nothing), in `in` and `not_in` alike."""
    from prisma_edge.client import Client
    from prisma_edge.fetch_adapters.planetscale import PlanetScaleAdapter
    from prisma_edge.schema import parse_schema
    from tests.support.ps_endpoint import local_endpoint

    schema = parse_schema("""
datasource db {
  provider = "mysql"
  url      = env("DATABASE_URL")
}
model Key {
  id  BigInt @id
  tag Int
}
""")
    keys = [-(2**63), -1, 5, 2**63 - 1]
    with local_endpoint("pe_lists") as ep:
        db = Client(schema, adapter=PlanetScaleAdapter(ep.url))
        try:
            await db.execute_raw("CREATE TABLE `Key` (id bigint PRIMARY KEY, tag int NOT NULL)")
            await db.key.create_many(data=[{"id": k, "tag": i} for i, k in enumerate(keys)])
            before = db.plan_cache.renders
            for wanted in ([2**63 - 1], [-(2**63), 5], [-1, 2**63 - 1, 7]):
                got = await db.key.find_many(where={"id": {"in": wanted}}, order={"id": "asc"})
                assert [r["id"] for r in got] == sorted(k for k in keys if k in wanted)
                rest = await db.key.find_many(where={"id": {"not_in": wanted}}, order={"id": "asc"})
                assert [r["id"] for r in rest] == sorted(k for k in keys if k not in wanted)
            assert db.plan_cache.renders - before == 2  # one plan for `in`, one for `not_in`
            assert [r["tag"] for r in await db.key.find_many(where={"tag": {"in": [0, 3]}}, order={"tag": "asc"})] == [0, 3]
        finally:
            await db.close()


# ---- lists that keep one parameter per value, create_many: a bounded ladder of plans ----------

ITEMS = """
datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}
enum Kind {
  A
  B
  C
}
model Item {
  id    Int      @id @default(autoincrement())
  code  String   @unique
  label String
  kind  Kind     @default(A)
  score Float    @default(0)
  price Decimal  @default(1.5)
  flag  Boolean  @default(false)
  at    DateTime @default(now())
  blob  Bytes?
}
"""
LADDER = 7  # plans for 1..50 values or rows: sizes 1, 2, 4, 8, 16, 32, 64 (or chunk sets of them)
AT_ADAPTERS = ["sqlite", "neon_http", "planetscale", "d1"]


@contextlib.asynccontextmanager
async def items_client(adapter, tmp_path):
    from prisma_edge.client import Client
    from prisma_edge.migrate.push import push_schema
    from prisma_edge.schema import load_schema
    from tests.support.clients import make_adapter, reset_database

    path = tmp_path / "items.prisma"
    path.write_text(ITEMS)
    schema = load_schema(path)
    a = make_adapter(adapter)
    if adapter != "sqlite":
        await reset_database(a)
    await push_schema(a, schema)
    db = Client(schema, adapter=a)
    try:
        yield db
    finally:
        await db.close()


def _item(i):
    return {"code": f"c{i:03d}", "label": f"Label{i % 7}", "kind": "ABC"[i % 3], "score": i / 4,
            "price": Decimal(i) / 8, "flag": i % 2 == 0,
            "at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=i), "blob": bytes([i % 256, 7])}


@pytest.mark.parametrize("adapter", AT_ADAPTERS)
async def test_lists_of_every_type_pad_to_a_ladder_of_plans(adapter, tmp_path):
    """DateTime, Float, Decimal, Boolean, Bytes, case-insensitive (and on MySQL String and enum)
    lists keep one parameter per value, padded with a value already in the list: 50 lengths,
    at most LADDER plans per filter, and each call finds exactly its rows, `in` and `not_in`."""
    async with items_client(adapter, tmp_path) as db:
        rows = [_item(i) for i in range(60)]
        await db.item.create_many(data=rows)
        by_code = {r["code"]: r for r in await db.item.find_many()}
        codes = sorted(by_code)
        filters = {
            "at": lambda k: [by_code[c]["at"] for c in k],
            "score": lambda k: [by_code[c]["score"] for c in k],
            "price": lambda k: [by_code[c]["price"] for c in k],
            "blob": lambda k: [by_code[c]["blob"] for c in k],
            "label_i": lambda k: [by_code[c]["label"].upper() for c in k],
            "code": lambda k: [c for c in k],
            "kind": lambda k: [by_code[c]["kind"] for c in k],
        }
        for name, values_of in filters.items():
            field = name.removesuffix("_i")
            for op in ("in", "not_in"):
                before = db.plan_cache.renders
                for n in range(1, 51):
                    wanted = values_of(codes[:n])
                    where = {field: {op: wanted, **({"mode": "insensitive"} if name.endswith("_i") else {})}}
                    got = sorted(r["code"] for r in await db.item.find_many(where=where))
                    norm = (lambda v: v.lower()) if name.endswith("_i") else (lambda v: v)
                    hit = {norm(v) for v in wanted}
                    expected = sorted(c for c, r in by_code.items() if (norm(r[field]) in hit) == (op == "in"))
                    assert got == expected, (name, op, n)
                assert db.plan_cache.renders - before <= LADDER, (name, op)
        before = db.plan_cache.renders
        for n in range(1, 51):
            flags = [k % 3 == 0 for k in range(n)]
            assert await db.item.count(where={"flag": {"in": flags}}) == sum(r["flag"] in flags for r in rows)
        assert db.plan_cache.renders - before <= LADDER


async def test_padding_never_passes_a_parameter_limit_and_limits_name_the_input():
    """A list padded past the database's parameter limit is sent as given; one that does not fit
    as given is refused with its own count."""
    from prisma_edge.compiler import compile_query
    from prisma_edge.compiler.cache import PlanCache
    from prisma_edge.errors import ValidationError
    from prisma_edge.schema import parse_schema

    schema = parse_schema(ITEMS.replace('"sqlite"', '"mysql"'))
    cache = PlanCache()
    when = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    fits = [when + dt.timedelta(seconds=i) for i in range(65_000)]  # pads to 65,536 > 65,535
    plan, values = compile_query(schema, "Item", "find_many", {"where": {"at": {"in": fits}}}, "mysql", cache)
    assert len(plan.steps[0].statement.params) == len(values) == 65_000
    small, small_values = compile_query(schema, "Item", "find_many", {"where": {"at": {"in": fits[:3]}}}, "mysql", cache)
    assert len(small.steps[0].statement.params) == len(small_values) == 4 and set(small_values) == set(fits[:3])
    with pytest.raises(ValidationError, match="needs 70000 bind parameters"):
        compile_query(schema, "Item", "find_many", {"where": {"at": {"in": fits + fits[:5_000]}}}, "mysql", cache)


@pytest.mark.parametrize("adapter", AT_ADAPTERS)
async def test_create_many_renders_a_ladder_of_chunk_plans(adapter, tmp_path):
    """create_many of 1..50 rows: chunks of ladder sizes, each rendered once, one plan per call;
    counts, skipped duplicates (in the table and inside the call), defaults, atomicity and returned
    rows exact. On MySQL (PlanetScale: one statement per request) a create_many stays ONE statement,
    so one plan per row count: a request costs more than a render."""
    ladder = LADDER - 1 if adapter != "planetscale" else 50
    async with items_client(adapter, tmp_path) as db:
        before = db.plan_cache.renders
        for n in range(1, 51):
            assert await db.item.create_many(data=[{"code": f"p{n}-{i}", "label": "x"} for i in range(n)]) == n
        assert db.plan_cache.renders - before <= ladder  # 1..50 rows: chunks of 1, 2, 4, 8, 16, 32
        assert await db.item.count() == sum(range(1, 51))
        made = await db.item.find_many(where={"code": {"startswith": "p50-"}})
        assert len(made) == 50 and {(r["kind"], r["score"], r["flag"], r["blob"]) for r in made} == {("A", 0, False, None)}
        assert {r["price"] for r in made} == {Decimal("1.5")}
        total = await db.item.count()  # 7 rows: chunks of 4, 2, 1, the last one a duplicate: nothing is written
        with pytest.raises(UniqueConstraintError):
            await db.item.create_many(data=[*({"code": f"z{i}", "label": "z"} for i in range(6)), {"code": "p1-0", "label": "z"}])
        assert await db.item.count() == total

        before = db.plan_cache.renders
        present = {r["code"] for r in await db.item.find_many()}
        for n in range(1, 51):  # every third row exists already, every fifth repeats the one before it
            data = []
            for i in range(n):
                code = f"p{n}-{i}" if i % 3 == 0 else (data[-1]["code"] if i % 5 == 0 and data else f"s{n}-{i}")
                data.append({"code": code, "label": "y", **({"blob": b"\x00"} if i % 2 else {})})
            new = {d["code"] for d in data} - present
            assert await db.item.create_many(data=data, skip_duplicates=True) == len(new), n
            present |= new
        assert db.plan_cache.renders - before <= 2 * ladder  # two column groups (with, without blob)
        assert {r["code"] for r in await db.item.find_many()} == present
        assert all(r["blob"] in (b"\x00", None) for r in await db.item.find_many(where={"label": "y"}))

        if adapter == "planetscale":
            return  # *_and_return needs RETURNING: not on MySQL, as in Prisma
        before = db.plan_cache.renders
        for n in range(1, 51):
            data = [{"code": f"r{n}-{i}", "label": f"l{i}", "score": i} for i in range(n)]
            got = await db.item.create_many_and_return(data=data, select={"code": True, "score": True, "kind": True})
            assert got == [{"code": d["code"], "score": d["score"], "kind": "A"} for d in data]
        assert db.plan_cache.renders - before <= LADDER - 1
