"""Full-text search: `@@fulltext` indexes (MySQL), the `search` filter and `_relevance` ordering,
in Prisma's SQL (MATCH ... AGAINST on MySQL, to_tsvector/to_tsquery on PostgreSQL)."""

from __future__ import annotations

import pytest

from prisma_edge.client import Client
from prisma_edge.compiler import compile_query
from prisma_edge.errors import ValidationError
from prisma_edge.migrate.ddl import ddl_statements
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import parse_schema
from tests.support.live import fresh_adapter

MODELS = """
model Post {
  id    Int    @id
  title String @db.VarChar(191)
  body  String @db.Text
  %s
}
"""
MYSQL = 'datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n' + MODELS % (
    '@@fulltext([title])\n  @@fulltext([title, body], map: "Post_text")'
)
PG = (
    'generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["fullTextSearchPostgres"]\n}\n'
    'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n'
    + MODELS.replace("@db.VarChar(191)", "").replace("@db.Text", "")
    % ""
)
POSTS = [
    {"id": 1, "title": "cats and dogs", "body": "a story about a cat"},
    {"id": 2, "title": "dogs only", "body": "dogs dogs dogs, dogs everywhere"},
    {"id": 3, "title": "birds", "body": "no cats here, just birds"},
]


def test_the_sql_is_prismas():
    mysql = parse_schema(MYSQL)
    assert [s for s in ddl_statements(mysql, "mysql") if "FULLTEXT" in s] == [
        "ALTER TABLE `Post` ADD FULLTEXT INDEX `Post_title_idx` (`title`)",
        "ALTER TABLE `Post` ADD FULLTEXT INDEX `Post_text` (`title`, `body`)",
    ]
    plan, _ = compile_query(mysql, "Post", "find_many", {"where": {"title": {"search": "cat"}}}, "mysql")
    assert "WHERE MATCH(`t0`.`title`) AGAINST(? IN BOOLEAN MODE)" in plan.steps[0].statement.sql
    pg = parse_schema(PG)
    plan, _ = compile_query(
        pg,
        "Post",
        "find_many",
        {
            "where": {"body": {"search": "cat"}},
            "order": {"_relevance": {"fields": ["title", "body"], "search": "cat", "sort": "desc"}},
        },
        "postgres",
    )
    sql = plan.steps[0].statement.sql
    assert 'TO_TSVECTOR(CONCAT_WS(\' \', "t0"."body")) @@ TO_TSQUERY($1)' in sql, sql
    assert 'TS_RANK(TO_TSVECTOR(CONCAT_WS(\' \', "t0"."title", "t0"."body")), TO_TSQUERY($2)) DESC' in sql, (
        sql
    )


@pytest.mark.parametrize(("kind", "text"), [("planetscale", MYSQL), ("postgres", PG), ("neon_http", PG)])
async def test_search_and_relevance_on_the_database(kind, text):
    schema = parse_schema(text)
    async with fresh_adapter(kind, "pe_fts") as adapter:
        await push_schema(adapter, schema)
        db = Client(schema, adapter=adapter)
        await db.post.create_many(POSTS)
        dogs = "+dogs" if kind == "planetscale" else "dogs"  # each database's own query syntax, as in Prisma
        found = await db.post.find_many(where={"title": {"search": dogs}}, order={"id": "asc"})
        assert [p["id"] for p in found] == [1, 2]
        both = "+cats +dogs" if kind == "planetscale" else "cats & dogs"
        assert [p["id"] for p in await db.post.find_many(where={"title": {"search": both}})] == [1]
        ranked = await db.post.find_many(
            where={"OR": [{"title": {"search": dogs}}, {"body": {"search": dogs}}]}
            if kind != "planetscale"
            else None,
            order=[
                {"_relevance": {"fields": ["title", "body"], "search": "dogs", "sort": "desc"}},
                {"id": "asc"},
            ],
        )
        assert ranked[0]["id"] == 2  # "dogs" five times ranks first
        assert await db.post.count(where={"NOT": {"title": {"search": dogs}}}) == 1
        # one search text on two fields of one where object: Prisma folds them into one search over
        # both fields' joined text, so post 3 ("birds" / "...cats...") matches "cats" through its body
        cats = "+cats" if kind == "planetscale" else "cats"
        folded = await db.post.find_many(where={"title": {"search": cats}, "body": {"search": cats}}, order={"id": "asc"})
        assert [p["id"] for p in folded] == [1, 3]  # (MySQL: the fulltext index on (title, body) serves it)
        if kind != "planetscale":  # (MySQL would need a fulltext index on `body` alone)
            apart = await db.post.find_many(where={"title": {"search": cats}, "body": {"search": "cat"}})
            assert [p["id"] for p in apart] == [1]  # different texts stay two searches


def test_search_is_refused_where_prisma_has_none():
    sqlite = parse_schema(MODELS.replace("@db.VarChar(191)", "").replace("@db.Text", "") % "")
    with pytest.raises(ValidationError, match="full-text `search` needs MySQL or PostgreSQL"):
        compile_query(sqlite, "Post", "find_many", {"where": {"title": {"search": "cat"}}}, "sqlite")
    with pytest.raises(ValidationError, match="`search` takes a string"):
        compile_query(parse_schema(PG), "Post", "find_many", {"where": {"id": {"search": "1"}}}, "postgres")
    with pytest.raises(ValidationError, match="`_relevance` takes String fields"):
        compile_query(
            parse_schema(PG),
            "Post",
            "find_many",
            {"order": {"_relevance": {"fields": ["id"], "search": "x", "sort": "asc"}}},
            "postgres",
        )
