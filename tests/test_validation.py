"""Bad queries: each gives a typed error naming the argument path, and changes no data."""

from __future__ import annotations

import pytest

from prisma_edge.errors import ValidationError, ValueOutOfRangeError
from tests.support.clients import open_client

# (model, action, kwargs, path fragment expected in the message, text expected in the message)
BAD_QUERIES = [
    ("user", "find_many", {"where": {"emial": "x"}}, "where.emial", "did you mean `email`"),
    ("post", "find_many", {"where": {"author": {"nme": "x"}}}, "where.author.nme", "did you mean `name`"),
    ("post", "find_many", {"where": {"author": {"is": {"emali": "x"}}}}, "where.author.is.emali", "email"),
    ("user", "find_many", {"where": {"posts": {"some": {"titel": "x"}}}}, "where.posts.some.titel", "title"),
    ("user", "find_many", {"where": {"posts": {"any": {}}}}, "where.posts.any", "some"),
    ("user", "find_many", {"take": "10"}, "take", "expected an integer"),
    ("user", "find_many", {"take": True}, "take", "expected an integer"),
    ("user", "find_many", {"skip": -1}, "skip", ">= 0"),
    ("user", "find_many", {"order": {"email": "up"}}, "order.email", "asc"),
    ("user", "find_many", {"order": {"nope": "asc"}}, "order.nope", "unknown field `nope`"),
    ("user", "find_many", {"order": {"name": {"sort": "asc", "nulls": "middle"}}}, "order.name.nulls", "first"),
    ("post", "find_many", {"where": {"views": "ten"}}, "where.views", "expected an Int"),
    ("post", "find_many", {"where": {"views": {"gt": "5"}}}, "where.views.gt", "expected an Int"),
    ("post", "find_many", {"where": {"views": {"in": 5}}}, "where.views.in", "expected a list"),
    ("post", "find_many", {"where": {"views": {"contains": 5}}}, "where.views.contains", "String"),
    ("post", "find_many", {"where": {"title": {"mode": "loud"}}}, "where.title.mode", "insensitive"),
    ("post", "find_many", {"where": {"title": {"eq": "x"}}}, "where.title.eq", "equals"),
    ("post", "find_many", {"where": {"published": "yes"}}, "where.published", "Boolean"),
    ("post", "find_many", {"where": {"createdAt": {"gt": "yesterday"}}}, "where.createdAt.gt", "DateTime"),
    ("user", "find_many", {"where": {"role": "OWNER"}}, "where.role", "USER, EDITOR, ADMIN"),
    ("user", "find_many", {"select": {"email": True}, "include": {"posts": True}}, "", "either `select` or `include`"),
    ("user", "find_many", {"include": {"email": True}}, "include.email", "scalar"),
    ("user", "find_many", {"include": {"postz": True}}, "include.postz", "posts"),
    ("user", "find_many", {"include": {"posts": {"tak": 1}}}, "include.posts.tak", "take"),
    ("user", "find_many", {"limit": 5}, "limit", "unknown argument"),
    ("user", "find_unique", {"where": {"name": "x"}}, "where", "unique selector"),
    ("user", "find_unique", {"where": {}}, "where", "unique selector"),
    ("user", "find_many", {"cursor": {"name": "x"}}, "cursor", "unique"),
    ("user", "find_many", {"distinct": ["posts"]}, "distinct[0]", "relation"),
    ("user", "create", {"data": {"name": "no email"}}, "data", "missing required field `email`"),
    ("user", "create", {"data": {"email": 42}}, "data.email", "expected a String"),
    ("user", "create", {"data": {"email": "a@b", "posts": {"upsert": {}}}}, "data.posts.upsert", "unknown argument"),
    ("user", "create", {"data": {"email": "a@b", "posts": {"create": [{"titel": "x"}]}}}, "data.posts.create[0].titel", "title"),
    ("post", "create", {"data": {"title": "x", "author": {"connect": [{"id": 1}]}}}, "data.author.connect", "to-one"),
    ("user", "create", {"data": {"email": "x", "id; DROP TABLE users": 1}}, "data.id; DROP TABLE users", "unknown field"),
    ("post", "update", {"where": {"id": 1}, "data": {"views": {"add": 1}}}, "data.views.add", "increment"),
    ("post", "update", {"where": {"id": 1}, "data": {"title": None}}, "data.title", "required"),
    ("post", "update", {"where": {"id": 1}, "data": {"views": {"increment": None}}}, "data.views.increment", "number"),
    ("user", "update_many", {"data": {"email": ["x"]}}, "data.email", "String"),
    ("user", "upsert", {"where": {"email": "x"}, "update": {}}, "create", "needs `create`"),
    ("user", "delete", {"where": {"email": {"contains": "x"}}}, "where", "unique selector"),
    # Prisma's checked / unchecked data: a relation write whose key the model holds excludes the
    # model's foreign keys and its Int autoincrement id
    ("post", "create", {"data": {"id": 5, "title": "x", "author": {"connect": {"id": 1}}}}, "data.id", "autoincrement()"),
    ("user", "update", {"where": {"email": "keep@x.io"}, "data": {"posts": {"update_many": {"where": {}, "data": {"authorId": 2}}}}},
     "data.posts.update_many.data.authorId", "links the record to the parent"),
    ("comment", "create", {"data": {"body": "x", "authorId": 1, "post": {"connect": {"id": 1}}}}, "data.authorId",
     "relation writes or foreign keys, not both"),
    ("user", "find_many", {"where": {"posts": {"some": None}}}, "where.posts.some", "A value is required but not set"),
    ("post", "create", {"data": {"title": "x", "author": None}}, "data.author", "A value is required but not set"),
    ("post", "group_by", {"by": ["authorId"], "_sum": {}}, "_sum", "Expected a minimum of 1 field"),
]


@pytest.mark.parametrize("model,action,kwargs,path,text", BAD_QUERIES, ids=[f"{m}.{a}-{i}" for i, (m, a, *_r) in enumerate(BAD_QUERIES)])
async def test_bad_query_is_a_clear_validation_error(model, action, kwargs, path, text):
    async with open_client("blog", "sqlite") as db:
        u = await db.user.create({"email": "keep@x.io"})
        await db.post.create({"title": "keep", "authorId": u["id"]})
        before = (await db.user.find_many(), await db.post.find_many())
        delegate = getattr(db, model)
        with pytest.raises(ValidationError) as e:
            await delegate._run(action, kwargs)
        msg = str(e.value)
        assert e.value.code == "P2009"
        assert f"`{path}`" in msg or (path == "" and text in msg), msg
        assert text in msg, msg
        assert (await db.user.find_many(), await db.post.find_many()) == before


async def test_all_problems_are_reported_together():
    async with open_client("blog", "sqlite") as db:
        with pytest.raises(ValidationError) as e:
            await db.user.find_many(where={"emial": "x", "nmae": "y"}, take="3")
        paths = {p.path for p in e.value.problems}
        assert {"where.emial", "where.nmae", "take"} <= paths


async def test_injection_in_values_is_just_data():
    async with open_client("blog", "sqlite") as db:
        evil = "x'); DROP TABLE \"users\"; --"
        u = await db.user.create({"email": evil, "name": "' OR 1=1 --"})
        assert (await db.user.find_unique(where={"email": evil}))["name"] == "' OR 1=1 --"
        assert await db.user.find_many(where={"name": "' OR 1=1 --'"}) == []
        assert await db.user.count() == 1 and u["email"] == evil


async def test_unknown_model_suggests():
    async with open_client("blog", "sqlite") as db:
        with pytest.raises(AttributeError, match="did you mean `user`"):
            db.usr  # noqa: B018


async def test_a_unique_selector_given_null_is_a_missing_value():
    """Prisma's engine accepts `{barcode: null}` (an optional unique field) as a unique selector's
    shape, then needs a value: P2012."""
    from prisma_edge.errors import MissingRequiredValueError

    async with open_client("shop", "sqlite") as db:
        await db.product.create({"sku": "a", "name": "A", "price": 1})
        with pytest.raises(MissingRequiredValueError, match="A value is required but not set") as e:
            await db.product.delete(where={"barcode": None})
        assert e.value.code == "P2012" and "`where.barcode`" in str(e.value)
        assert await db.product.count() == 1
        with pytest.raises(ValidationError):  # a validation problem elsewhere still comes first (P2009)
            await db.product.update(where={"barcode": None}, data={"nmae": "x"})


def test_an_unsigned_int_column_takes_values_past_the_signed_range():
    """`Int @db.UnsignedInt` (MySQL) holds up to 4294967295: Prisma sends it; past that is refused here."""
    from prisma_edge.compiler import compile_query
    from prisma_edge.schema import parse_schema

    schema = parse_schema('datasource db {\n  provider = "mysql"\n  url = env("X")\n}\n'
                          "model Counter {\n  id Int @id @db.UnsignedInt\n}\n")
    _plan, values = compile_query(schema, "Counter", "create", {"data": {"id": 4294967295}}, "mysql")
    assert 4294967295 in values
    with pytest.raises(ValueOutOfRangeError, match='value "4294967296" is out of range'):
        compile_query(schema, "Counter", "create", {"data": {"id": 4294967296}}, "mysql")


@pytest.mark.parametrize("adapter", ["sqlite", "neon_http", "planetscale"])
async def test_an_int_past_its_range_is_prismas_p2020_before_any_sql(adapter):
    """Prisma sends it and PostgreSQL refuses it (22003 -> P2020); SQLite would store it. Raised here,
    before the query, in Prisma's words, naming the argument; nothing is written."""
    async with open_client("blog", adapter) as db:
        u = await db.user.create({"email": "keep@x.io"})
        with pytest.raises(ValueOutOfRangeError) as e:
            await db.post.create({"title": "x", "authorId": u["id"], "views": 3_000_000_000})
        assert e.value.code == "P2020"
        assert str(e.value.message).splitlines()[0] == (
            'Value out of range for the type: value "3000000000" is out of range for type integer')
        assert [p.path for p in e.value.problems] == ["data.views"] and "`data.views`" in str(e.value)
        assert await db.post.count() == 0
        with pytest.raises(ValidationError):  # with another problem, the validation error comes first
            await db.post.create({"title": 5, "authorId": u["id"], "views": 3_000_000_000})
