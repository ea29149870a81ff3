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


# ---- nested children lists: one INSERT from column arrays (PostgreSQL) -----------------------

KIDS = """
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
enum Kind {
  A
  B
  C
}
model Parent {
  id     Int      @id @default(autoincrement())
  name   String
  kids   Kid[]
  tagged Tagged[]
}
model Kid {
  id       Int      @id @default(autoincrement())
  code     String   @unique
  label    String
  kind     Kind     @default(A)
  big      BigInt   @default(7)
  flag     Boolean  @default(false)
  at       DateTime @default(now())
  note     String?
  parentId Int
  parent   Parent   @relation(fields: [parentId], references: [id])
}
model Tagged {
  id       String @id @default(uuid()) @db.Uuid
  tag      String
  parentId Int
  parent   Parent @relation(fields: [parentId], references: [id])
}
"""
KID_ADAPTERS = ["neon_http", "postgres", "sqlite"]


@contextlib.asynccontextmanager
async def kids_client(adapter, tmp_path):
    from prisma_edge.client import Client
    from prisma_edge.migrate.push import push_schema
    from prisma_edge.schema import load_schema
    from tests.support.clients import make_adapter, reset_database

    path = tmp_path / "kids.prisma"
    path.write_text(KIDS if adapter != "sqlite" else KIDS.replace('"postgresql"', '"sqlite"').replace(" @db.Uuid", ""))
    schema = load_schema(path)
    with contextlib.ExitStack() as stack:
        if adapter == "postgres":
            pytest.importorskip("psycopg")
            from prisma_edge.fetch_adapters.postgres import PgDirectAdapter
            from tests.support.databases import temp_postgres

            a = PgDirectAdapter(stack.enter_context(temp_postgres("pe_kids")))
        else:
            a = make_adapter(adapter)
            await reset_database(a)
        await push_schema(a, schema)
        db = Client(schema, adapter=a)
        try:
            yield db
        finally:
            await db.close()


def _kid(n, i):
    """A child with awkward text, every enum value, BigInt extremes and both booleans."""
    return {"code": f"k{n}-{i}", "label": ['pl"ain', "NULL", "", "a,b{c}\\d", "ünï'"][i % 5],
            "kind": "ABC"[i % 3], "big": [-(2**63), 2**63 - 1, i][i % 3], "flag": i % 2 == 0}


@pytest.mark.parametrize("adapter", KID_ADAPTERS)
async def test_nested_children_lists_render_one_plan_and_write_exact_rows(adapter, tmp_path):
    """Nested `create_many: {data: [..]}` and `create: [..]` of 1..30 leaf children under a 1-n
    relation: one plan per call shape whatever the length, and exactly the rows asked for: values,
    foreign keys, ids ascending in input order, column and client-side defaults (a uuid per row),
    duplicates skipped (in the table and inside the list) or refused with nothing written."""
    async with kids_client(adapter, tmp_path) as db:
        for op in ("create_many", "create"):
            renders = 0
            for n in range(1, 31):
                kids = [_kid(f"{op}{n}", i) for i in range(n)]
                given = {"data": kids} if op == "create_many" else kids
                before = db.plan_cache.renders
                p = await db.parent.create(data={"name": f"p{n}", "kids": {op: given}})
                renders += db.plan_cache.renders - before
                got = await db.kid.find_many(where={"parentId": p["id"]}, order={"id": "asc"})
                assert [{k: r[k] for k in ("code", "label", "kind", "big", "flag")} for r in got] == kids, (op, n)
                assert {(r["note"], r["parentId"]) for r in got} == {(None, p["id"])}
                assert len({r["at"] for r in got}) == 1
                assert [r["code"] for r in await db.kid.find_many(where={"parentId": p["id"]}, order={"code": "asc"})] == \
                    sorted(k["code"] for k in kids)  # ids ascend in input order (checked above), codes as given
            assert renders == 1, op  # 30 lengths: one plan (today's plans: one per length)
            # defaults only (one field given), uuid ids made per row by the client
            before = db.plan_cache.renders
            for n in range(1, 31):
                tags = [{"tag": f"t{i}"} for i in range(n)]
                p = await db.parent.create(data={"name": "u", "tagged": {op: {"data": tags} if op == "create_many" else tags}},
                                           include={"tagged": True})
                assert sorted(t["tag"] for t in p["tagged"]) == sorted(t["tag"] for t in tags)
                assert len({t["id"] for t in p["tagged"]}) == n and all(len(t["id"]) == 36 for t in p["tagged"])
                assert {t["parentId"] for t in p["tagged"]} == {p["id"]}
            assert db.plan_cache.renders - before == 1, op
            kid = await db.kid.find_many(where={"parentId": p["id"]})
            assert kid == []
            first = await db.kid.find_first(where={"code": "kcreate_many1-0"})
            assert first is not None and first["kind"] == "A" and first["big"] == -(2**63)
        # DateTime values as given (milliseconds, before 1970, far ahead), one plan for every length
        renders = 0
        for n in (1, 2, 9):
            when = [dt.datetime(1969, 7, 20, 20, 17, 40, 123000, tzinfo=dt.UTC) + dt.timedelta(days=400 * i, milliseconds=i)
                    for i in range(n - 1)] + [dt.datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=dt.UTC)]
            before = db.plan_cache.renders
            p = await db.parent.create(data={"name": "t", "kids": {"create_many": {"data": [
                {"code": f"at{n}-{i}", "label": "t", "at": w} for i, w in enumerate(when)]}}})
            renders += db.plan_cache.renders - before
            assert [r["at"] for r in await db.kid.find_many(where={"parentId": p["id"]}, order={"id": "asc"})] == when
        assert renders == 1
        # skip_duplicates: rows already in the table and repeats inside the list are skipped, the
        # first of a repeat kept; without it a duplicate writes nothing at all
        renders = 0
        for n in range(1, 31):
            data = []
            for i in range(n):
                code = f"kcreate_many{n}-{i}" if i % 3 == 0 else (data[-1]["code"] if i % 4 == 0 and data else f"s{n}-{i}")
                data.append({"code": code, "label": f"l{i}"})
            before = db.plan_cache.renders
            p = await db.parent.create(data={"name": "d", "kids": {"create_many": {"data": data, "skip_duplicates": True}}})
            renders += db.plan_cache.renders - before
            got = await db.kid.find_many(where={"parentId": p["id"]}, order={"id": "asc"})
            new, seen = [], set()
            for d in data:
                if d["code"].startswith("s") and d["code"] not in seen:
                    seen.add(d["code"])
                    new.append(d)
            assert [(r["code"], r["label"]) for r in got] == [(d["code"], d["label"]) for d in new], n
            assert {(r["kind"], r["big"], r["flag"], r["note"], r["parentId"]) for r in got} <= {("A", 7, False, None, p["id"])}
        assert renders == 1
        parents, kids_count = await db.parent.count(), await db.kid.count()
        for op in ("create_many", "create"):
            dup = [{"code": f"z{op}", "label": "z"}, {"code": "zz", "label": "z"}, {"code": f"z{op}", "label": "z"}]
            with pytest.raises(UniqueConstraintError):
                await db.parent.create(data={"name": "x", "kids": {op: {"data": dup} if op == "create_many" else dup}})
            with pytest.raises(UniqueConstraintError):
                await db.parent.create(data={"name": "x", "kids": {op: {"data": dup[:1]} if op == "create_many" else dup[:1]}})
                await db.parent.create(data={"name": "x", "kids": {op: {"data": dup[:1]} if op == "create_many" else dup[:1]}})
            await db.kid.delete_many(where={"code": f"z{op}"})
            await db.parent.delete_many(where={"kids": {"none": {}}, "name": "x"})
        assert (await db.parent.count(), await db.kid.count()) == (parents, kids_count)


@pytest.mark.parametrize("adapter", KID_ADAPTERS)
async def test_nested_connect_lists_render_one_plan_and_move_exact_rows(adapter, tmp_path):
    """Nested `connect: [..]` of 1..30 records by one unique field (Int id, String code, a
    `@db.Uuid` id) under a 1-n relation: on PostgreSQL one plan whatever the length, exactly the named rows move
    to the new parent (a record named twice is fine), and a missing one fails with Prisma 7's P2018
    ("Expected 1 records ... found 0.") with nothing written."""
    from prisma_edge.errors import ConnectedRecordsNotFoundError

    async with kids_client(adapter, tmp_path) as db:
        await db.parent.create(data={"name": "home", "kids": {"create": [{"code": f"c{i}", "label": "x"} for i in range(40)]},
                                     "tagged": {"create": [{"tag": f"g{i}"} for i in range(40)]}})
        kids = await db.kid.find_many(order={"id": "asc"})
        tags = await db.tagged.find_many(order={"tag": "asc"})
        for field, key, rows in (("kids", "id", kids), ("kids", "code", kids), ("tagged", "id", tags)):
            renders = 0
            for n in range(1, 31):
                named = [r[key] for r in rows[n % 7:n % 7 + n]]
                given = [{key: v} for v in [*named, named[0]]]
                before = db.plan_cache.renders
                p = await db.parent.create(data={"name": f"p{n}", field: {"connect": given}})
                renders += db.plan_cache.renders - before
                model = db.kid if field == "kids" else db.tagged
                moved = await model.find_many(where={"parentId": p["id"]})
                assert sorted(r[key] for r in moved) == sorted(named), (field, key, n)
                assert await model.count(where={key: {"in": named}, "parentId": {"not": p["id"]}}) == 0
            assert renders == (1 if adapter != "sqlite" else 30), (field, key)  # SQLite: a node per record still
            before_rows = {r["id"]: r["parentId"] for r in await (db.kid if field == "kids" else db.tagged).find_many()}
            parents = await db.parent.count()
            missing = "nope" if key == "code" else (10**6 if field == "kids" else "00000000-0000-0000-0000-000000000000")
            with pytest.raises(ConnectedRecordsNotFoundError, match="Expected 1 records to be connected after connect operation "
                               "on one-to-many relation '[A-Za-z]+', found 0."):
                await db.parent.create(data={"name": "bad", field: {"connect": [{key: rows[0][key]}, {key: missing}]}})
            assert await db.parent.count() == parents
            assert {r["id"]: r["parentId"] for r in await (db.kid if field == "kids" else db.tagged).find_many()} == before_rows


@pytest.mark.parametrize("adapter", KID_ADAPTERS)
async def test_nested_lists_in_an_update_render_one_plan(adapter, tmp_path):
    """The same lists under an update of an existing parent: `connect` then `create` (input
    order), 1..30 each, one plan for every length on PostgreSQL, the parent's children exactly those named and made."""
    async with kids_client(adapter, tmp_path) as db:
        home = await db.parent.create(data={"name": "home", "kids": {"create_many": {"data": [{"code": f"h{i}", "label": "h"} for i in range(30)]}}})
        ids = [r["id"] for r in await db.kid.find_many(order={"id": "asc"})]
        other = await db.parent.create(data={"name": "other"})
        renders = 0
        for n in range(1, 31):
            before = db.plan_cache.renders
            await db.parent.update(where={"id": other["id"]}, data={"name": f"o{n}", "kids": {
                "connect": [{"id": i} for i in ids[:n]], "create": [{"code": f"o{n}-{i}", "label": "o"} for i in range(n)]}})
            renders += db.plan_cache.renders - before
            mine = await db.kid.find_many(where={"parentId": other["id"]}, order={"id": "asc"})
            made = [r["code"] for r in mine if r["code"].startswith("o")]
            assert [r["id"] for r in mine if r["code"].startswith("h")] == ids[:n]
            assert made == [f"o{m}-{i}" for m in range(1, n + 1) for i in range(m)]
            assert await db.kid.count(where={"parentId": home["id"]}) == 30 - n
        assert renders == (1 if adapter != "sqlite" else 30)  # SQLite: connect lists keep a node per record
