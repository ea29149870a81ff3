"""Schemas as real projects write them: bare field names, block comments, multi-file folders,
views (read-only), a URL for another database refused, and Prisma's default places and `.env`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prisma_edge.client import Client
from prisma_edge.errors import SchemaError, ValidationError
from prisma_edge.migrate.ddl import ddl_statements
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import find_schema, load_schema, parse_schema

DS = 'datasource db {\n  provider = "sqlite"\n  url = "file:dev.db"\n}\n'


def test_bare_field_names_in_block_attributes_and_relations():
    s = parse_schema(
        DS
        + """
model Org {
  id    Int    @id
  slug  String
  users User[]
  @@unique(slug)
}
/* a block comment,
   over lines */
model User {
  id    Int @id
  orgId Int
  org   Org @relation(fields: orgId, references: id)
  @@index(orgId)
}
"""
    )
    assert s.model("User").indexes[0].fields == ("orgId",)
    assert [u.fields for u in s.model("Org").uniques] == [("id",), ("slug",)]
    assert s.model("User").field("org").relation.join == (("orgId", "id"),)


def test_multi_file_schema_folder(tmp_path: Path):
    folder = tmp_path / "prisma" / "schema"
    (folder / "models").mkdir(parents=True)
    (folder / "schema.prisma").write_text(DS)
    (folder / "models" / "user.prisma").write_text("model User {\n  id    Int    @id\n  posts Post[]\n}\n")
    (folder / "models" / "post.prisma").write_text(
        "model Post {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: [id])\n}\n"
    )
    s = load_schema(folder)
    assert sorted(m.name for m in s.models) == ["Post", "User"] and s.provider == "sqlite"
    (folder / "models" / "post.prisma").write_text("model Post {\n  id Int @id\n  tag Tag\n}\n")
    with pytest.raises(SchemaError) as e:  # the error names the file that has the problem, at its own line
        load_schema(folder)
    assert e.value.source_name.endswith("post.prisma") and e.value.line == 3, str(e.value)
    (folder / "models" / "post.prisma").write_text("model Post {\n  id Int @id\n  x Int @\n}\n")
    with pytest.raises(SchemaError) as e:  # a syntax error too
        load_schema(folder)
    assert e.value.source_name.endswith("post.prisma") and e.value.line == 3, str(e.value)


def test_default_schema_places_and_config_literal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SchemaError, match="could not find a Prisma schema"):
        find_schema()
    (tmp_path / "schema.prisma").write_text(DS + "model A {\n  id Int @id\n}\n")
    assert find_schema() == str(tmp_path / "schema.prisma")
    (tmp_path / "prisma").mkdir()
    (tmp_path / "prisma" / "schema.prisma").write_text(DS + "model B {\n  id Int @id\n}\n")
    assert find_schema() == str(tmp_path / "prisma" / "schema.prisma")  # Prisma looks there first
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "main.prisma").write_text(DS + "model C {\n  id Int @id\n}\n")
    (tmp_path / "prisma.config.ts").write_text(
        'import { defineConfig, env } from "prisma/config";\n'
        "export default defineConfig({\n  // schema: 'nowhere.prisma',\n  schema: 'db/main.prisma',\n"
        '  datasource: { url: env("PE_CONFIG_URL") },\n});\n'
    )
    assert [m.name for m in Client().schema.models] == ["C"]


async def test_client_reads_dotenv_and_refuses_a_url_for_another_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PE_DOTENV_URL", raising=False)
    text = 'datasource db {\n  provider = "sqlite"\n  url = env("PE_DOTENV_URL")\n}\nmodel A {\n  id Int @id\n}\n'
    (tmp_path / "schema.prisma").write_text(text)
    (tmp_path / ".env").write_text('PE_DOTENV_URL="file:./from-env.db"\n')
    db = Client()
    assert db.adapter.dialect == "sqlite"
    await push_schema(db.adapter, db.schema)
    await db.a.create({"id": 1})
    await db.close()
    assert (tmp_path / "from-env.db").exists()
    (tmp_path / ".env").write_text("PE_DOTENV_URL=postgresql://u:secret@ep-x.neon.tech/db\n")
    with pytest.raises(SchemaError) as e:
        Client().adapter  # noqa: B018
    assert e.value.code == "P1012" and "the URL must start with the protocol `file:`" in str(e.value)
    assert "secret" not in str(e.value)
    assert os.environ.get("PE_DOTENV_URL") is None  # .env is read, the environment is left alone


VIEW = (
    DS
    + """
model User {
  id    Int    @id
  name  String
  posts Int    @default(0)
}
view UserInfo {
  id   Int    @unique
  name String
}
view Totals {
  name  String
  posts Int
}
"""
)


async def test_views_are_read_and_refuse_writes():
    schema = parse_schema(VIEW)
    assert schema.model("UserInfo").is_view and schema.model("Totals").primary_key == ()
    ddl = ddl_statements(schema, "sqlite")
    assert not any("UserInfo" in s or "Totals" in s for s in ddl)  # a view has no table
    db = Client(schema, url=":memory:")
    await push_schema(db.adapter, schema)
    await db.execute_raw('CREATE VIEW "UserInfo" AS SELECT "id", upper("name") AS "name" FROM "User"')
    await db.execute_raw('CREATE VIEW "Totals" AS SELECT "name", "posts" FROM "User"')
    await db.user.create_many([{"id": 1, "name": "ada", "posts": 3}, {"id": 2, "name": "bob"}])
    assert await db.user_info.find_unique(where={"id": 1}) == {"id": 1, "name": "ADA"}
    assert [r["name"] for r in await db.totals.find_many(where={"posts": {"gt": 0}})] == ["ada"]
    assert await db.user_info.count() == 2
    for call in (
        lambda: db.user_info.create({"id": 3, "name": "x"}),
        lambda: db.totals.update_many(data={"posts": 1}),
        lambda: db.user_info.delete(where={"id": 1}),
    ):
        with pytest.raises(
            ValidationError, match="`UserInfo` is a view, which is read-only|`Totals` is a view"
        ):
            await call()
    assert await db.user.count() == 2
    await db.close()
