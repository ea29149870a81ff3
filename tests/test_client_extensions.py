"""Client extensions (`db.extend`, Prisma's `$extends`): query hooks (also inside batch and tx),
computed fields, model and client methods; and Prisma 7's global `omit`."""

from __future__ import annotations

import pytest

from prisma_edge.client import Client
from prisma_edge.client.extensions.extend import define_extension
from prisma_edge.errors import ClientError, RecordNotFoundError, UniqueConstraintError
from tests.support.clients import open_client, raw_sql

ADAPTERS = ["sqlite", "neon_http", "neon_ws", "planetscale"]
pytestmark = pytest.mark.parametrize("adapter", ADAPTERS)


async def test_query_hooks_change_args_and_results_in_prisma_order(adapter):
    async with open_client("blog", adapter) as db:
        calls: list[str] = []

        async def only_published(params, next):
            calls.append(f"post.find_many:{params.model}.{params.operation}")
            params.args["where"] = {**params.args.get("where", {}), "published": True}
            return await next(params.args)

        async def every(params, next):
            calls.append(f"all:{params.model}.{params.operation}")
            result = await next()
            return result

        async def upper_titles(params, next):
            rows = await next(params.args)
            return [{**r, "title": r["title"].upper()} for r in rows]

        x = db.extend(
            query={"post": {"find_many": only_published}, "$all_models": {"$all_operations": every}}
        )
        xy = x.extend(name="shout", query={"Post": {"findMany": upper_titles}})  # Prisma's spellings too
        u = await db.user.create(
            {
                "email": "a@x.io",
                "posts": {"create": [{"title": "draft"}, {"title": "live", "published": True}]},
            }
        )
        assert [p["title"] for p in await xy.post.find_many(order={"id": "asc"})] == ["LIVE"]
        # the first extension's hooks run outermost; within one, the model's before $all_models
        assert calls == ["post.find_many:Post.find_many", "all:Post.find_many"]
        assert len(await db.post.find_many()) == 2, "the base client is not changed"
        assert len(await x.post.find_many()) == 1 and await x.user.count() == 1
        assert xy.adapter is db.adapter and xy.plan_cache is db.plan_cache
        calls.clear()
        await xy.post.find_first_or_raise(where={"authorId": u["id"]})
        assert calls == ["all:Post.find_first_or_raise"]


async def test_hooks_retry_short_circuit_and_raw(adapter):
    async with open_client("blog", adapter) as db:
        attempts: list[str] = []

        async def create_or_rename(params, next):  # retry with other arguments after a failure
            try:
                return await next(params.args)
            except UniqueConstraintError:
                attempts.append("retry")
                return await next({**params.args, "data": {"name": params.args["data"]["name"] + "-2"}})

        cache: dict = {}

        async def cached_count(params, next):
            key = repr(params.args)
            if key not in cache:
                cache[key] = await next()
            return cache[key]

        raw_seen: list = []

        async def raw_hook(params, next):
            raw_seen.append((params.model, params.operation, params.args["params"]))
            return await next()

        x = db.extend(
            query={"tag": {"create": create_or_rename, "count": cached_count}, "$query_raw": raw_hook}
        )
        await x.tag.create({"name": "t"})
        assert (await x.tag.create({"name": "t"}))["name"] == "t-2" and attempts == ["retry"]
        assert await x.tag.count() == 2
        await db.tag.create({"name": "u"})
        assert await x.tag.count() == 2, "the hook answered without the database"
        rows = await x.query_raw(raw_sql(db, 'SELECT "name" FROM "Tag" WHERE "name" = ?'), "u")
        assert [r["name"] for r in rows] == ["u"] and raw_seen == [(None, "query_raw", ["u"])]
        with pytest.raises(RecordNotFoundError):  # P2025 raised inside next() reaches the caller
            await x.tag.find_unique_or_raise(where={"name": "missing"})


async def test_hooks_see_operations_inside_batch_and_tx(adapter):
    async with open_client("blog", adapter) as db:
        seen: list[str] = []

        async def stamp(params, next):
            seen.append(f"{params.model}.{params.operation}")
            if params.operation == "create":
                params.args["data"] = {**params.args["data"], "name": params.args["data"]["name"] + "!"}
            result = await next(params.args)
            return {**result, "hooked": True} if isinstance(result, dict) else result

        x = db.extend(query={"$all_models": {"$all_operations": stamp}})
        db.adapter.stats.reset()
        a, b, n = await x.batch([x.tag.create({"name": "a"}), x.tag.create({"name": "b"}), x.tag.count()])
        assert (a["name"], a["hooked"], b["name"], n) == ("a!", True, "b!", 2)
        assert seen == ["Tag.create", "Tag.create", "Tag.count"]
        if adapter in ("neon_http", "neon_ws"):
            assert db.adapter.stats.round_trips == 1, "hooks do not split the batch"
        with pytest.raises(UniqueConstraintError):  # the batch's error reaches the caller, nothing applied
            await x.batch([x.tag.create({"name": "c"}), x.tag.create({"name": "a"})])
        assert await db.tag.count() == 2

        async def twice(params, next):
            await next()
            return await next()

        with pytest.raises(ClientError, match="next\\(\\) twice inside db.batch"):
            y = db.extend(query={"tag": {"count": twice}})
            await y.batch([y.tag.count()])
        if adapter == "neon_http":
            return  # no interactive transactions over HTTP
        seen.clear()
        async with x.tx() as tx:
            made = await tx.tag.create({"name": "t"})
            assert made["name"] == "t!" and made["hooked"]
        assert seen == ["Tag.create"]


async def test_computed_fields_with_needs(adapter):
    async with open_client("blog", adapter) as db:
        x = db.extend(
            result={
                "user": {
                    "label": {
                        "needs": {"name": True, "email": True},
                        "compute": lambda u: f"{u['name']} <{u['email']}>",
                    }
                }
            }
        )
        xx = x.extend(
            result={
                "user": {"shout": {"needs": {"label": True}, "compute": lambda u: u["label"].upper()}},
                "post": {
                    "slug": {"needs": ["title"], "compute": lambda p: p["title"].lower().replace(" ", "-")}
                },
            }
        )
        await db.user.create(
            {"email": "a@x.io", "name": "Ann", "posts": {"create": {"title": "Hello World"}}}
        )
        u = await xx.user.find_first(include={"posts": True})
        assert (
            u["label"] == "Ann <a@x.io>"
            and u["shout"] == "ANN <A@X.IO>"
            and u["posts"][0]["slug"] == "hello-world"
        )
        only = await xx.user.find_first(select={"shout": True, "id": True})
        assert set(only) == {"id", "shout"} and only["shout"] == "ANN <A@X.IO>", (
            "needs are read, not returned"
        )
        assert "label" not in await db.user.find_first(), "the base client has no computed fields"
        omitted = await xx.user.find_first(omit={"name": True})
        assert omitted["label"] == "Ann <a@x.io>" and "name" not in omitted, (
            "needs are read, omitted fields hidden"
        )
        no_label = await xx.user.find_first(omit={"label": True, "shout": True})
        assert "label" not in no_label and "shout" not in no_label and no_label["name"] == "Ann"
        made = await xx.user.create({"email": "b@x.io", "name": "Bo"}, select={"label": True})
        assert made == {"label": "Bo <b@x.io>"}


async def test_model_and_client_methods(adapter):
    async with open_client("blog", adapter) as db:

        async def by_email(users, email):
            return await users.find_unique(where={"email": email})

        async def exists(delegate, where):
            return await delegate.count(where=where) > 0

        ext = define_extension(
            name="helpers",
            model={"user": {"by_email": by_email}, "$allModels": {"exists": exists}},
            client={"$ping": lambda client: client.adapter.dialect},
        )
        x = db.extend(ext)
        await db.user.create({"email": "a@x.io"})
        assert (await x.user.by_email("a@x.io"))["email"] == "a@x.io"
        assert await x.tag.exists({"name": "none"}) is False and await x.user.exists({"email": "a@x.io"})
        assert x.ping() == db.adapter.dialect
        with pytest.raises(AttributeError):
            db.user.by_email  # noqa: B018 - the base client has no such method


async def test_bad_extensions_are_named(adapter):
    if adapter != "sqlite":
        pytest.skip("checked when extending: no database needed")
    async with open_client("blog", adapter) as db:
        with pytest.raises(ClientError, match="no model `Usr`"):
            db.extend(query={"Usr": {"find_many": lambda p, n: n()}})
        with pytest.raises(ClientError, match="did you mean `find_many`"):
            db.extend(query={"user": {"find_manyy": lambda p, n: n()}})
        with pytest.raises(ClientError, match="needs `nme`"):
            db.extend(result={"user": {"x": {"needs": {"nme": True}, "compute": str}}})
        with pytest.raises(ClientError, match="must be a function"):
            db.extend(client={"x": 1})
        with pytest.raises(ClientError, match="unknown extension component `queries`"):
            db.extend({"queries": {}})


async def test_global_omit_and_per_query_override(adapter):
    async with open_client("blog", adapter) as base:
        db = Client(
            base.schema, adapter=base.adapter, omit={"user": {"email": True}, "Post": {"content": True}}
        )
        await db.user.create(
            {"email": "a@x.io", "name": "A", "posts": {"create": {"title": "t", "content": "secret"}}}
        )
        u = await db.user.find_first(include={"posts": True})
        assert "email" not in u and u["name"] == "A" and "content" not in u["posts"][0]
        assert (await db.user.find_first(omit={"email": False}))["email"] == "a@x.io"
        assert (await db.user.find_first(select={"email": True})) == {"email": "a@x.io"}, "select wins"
        nested = await db.user.find_first(include={"posts": {"omit": {"content": False}}})
        assert nested["posts"][0]["content"] == "secret"
        made = await db.user.create({"email": "b@x.io"})
        assert "email" not in made and "id" in made
        x = db.extend(query={})  # extended clients keep the global omit
        assert "email" not in await x.user.find_first()
        b = await db.batch([db.user.find_many()])
        assert all("email" not in r for r in b[0])
        has_email = db.extend(
            result={"user": {"has_email": {"needs": {"email": True}, "compute": lambda u: "@" in u["email"]}}}
        )
        shown = await has_email.user.find_first()
        assert shown["has_email"] is True and "email" not in shown, (
            "Prisma: a computed field's omitted needs are read, not shown"
        )
        with pytest.raises(ClientError, match="`User.emial` is not a scalar field"):
            Client(base.schema, adapter=base.adapter, omit={"user": {"emial": True}})


async def test_batch_hooks_may_await_other_work(adapter):
    import asyncio

    async with open_client("blog", adapter) as db:
        await db.tag.create({"name": "seed"})

        async def checks_first(params, next):
            await asyncio.sleep(0)  # passed through to the caller's event loop
            existing = await db.tag.count()  # another query, on the base client, before the batch goes out
            result = await next()
            await asyncio.sleep(0.001)
            return {**result, "before": existing} if isinstance(result, dict) else result

        x = db.extend(query={"tag": {"create": checks_first}})
        a, b = await x.batch([x.tag.create({"name": "a"}), x.tag.create({"name": "b"})])
        assert (a["name"], a["before"], b["name"], b["before"]) == ("a", 1, "b", 1)
        assert await db.tag.count() == 3
