"""Schemas as real projects write them: bare field names, block comments, multi-file folders,
views (read-only), a URL for another database refused, and Prisma's default places and `.env`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prisma_edge.client import Client
from prisma_edge.errors import MissingRequiredValueError, SchemaError, ValidationError
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


@pytest.mark.parametrize("kind", ["sqlite", "postgres", "planetscale"])
async def test_views_are_read_and_refuse_writes(kind):
    from tests.support.live import fresh_adapter

    schema = parse_schema(VIEW)
    assert schema.model("UserInfo").is_view and schema.model("Totals").primary_key == ()
    ddl = ddl_statements(schema, "sqlite")
    assert not any("UserInfo" in s or "Totals" in s for s in ddl)  # a view has no table
    async with fresh_adapter(kind, "pe_views") as adapter:
        db = Client(schema, adapter=adapter)
        await push_schema(adapter, schema)
        q = "`" if adapter.dialect == "mysql" else '"'  # test-only DDL: the view is the user's to create
        await db.execute_raw(
            f"CREATE VIEW {q}UserInfo{q} AS SELECT {q}id{q}, upper({q}name{q}) AS {q}name{q} FROM {q}User{q}"
        )
        await db.execute_raw(f"CREATE VIEW {q}Totals{q} AS SELECT {q}name{q}, {q}posts{q} FROM {q}User{q}")
        await db.user.create_many([{"id": 1, "name": "ada", "posts": 3}, {"id": 2, "name": "bob"}])
        assert await db.user_info.find_unique(where={"id": 1}) == {"id": 1, "name": "ADA"}
        assert [r["name"] for r in await db.totals.find_many(where={"posts": {"gt": 0}})] == ["ada"]
        assert await db.user_info.count() == 2
        assert [r["name"] for r in await db.totals.find_many(order={"posts": "desc"}, take=1)] == ["ada"]
        # a view without unique fields has no order to skip rows in: Prisma's P2012 / P2019
        with pytest.raises(MissingRequiredValueError, match="It is required because `skip` was provided"):
            await db.totals.find_many(skip=1)
        with pytest.raises(ValidationError, match="must not be empty when querying views without unique fields"):
            await db.totals.group_by(["name"], take=1)
        assert await db.user_info.find_many(skip=1) == [{"id": 2, "name": "BOB"}]  # ordered by its unique field
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


@pytest.mark.parametrize("provider", ["postgresql", "mysql"])
def test_db_push_creates_a_missing_database(
    tmp_path: Path, provider: str, capsys: pytest.CaptureFixture[str]
):
    import uuid

    from prisma_edge.cli import main
    from tests.support import databases as dbs

    driver = pytest.importorskip("psycopg" if provider == "postgresql" else "pymysql")
    name = f"pe_created_{uuid.uuid4().hex[:10]}"
    url = dbs.pg_url(name) if provider == "postgresql" else dbs.mysql_url(name)
    (tmp_path / "schema.prisma").write_text(
        f'datasource db {{\n  provider = "{provider}"\n  url = env("PE_NEVER")\n}}\nmodel A {{\n  id Int @id\n}}\n'
    )
    try:
        assert main(["db", "push", "--schema", str(tmp_path / "schema.prisma"), "--url", url]) == 0, (
            capsys.readouterr().err
        )
        assert "pushed 1 tables" in capsys.readouterr().out
    finally:  # test-only cleanup of the database this test named
        if provider == "postgresql":
            with driver.connect(dbs.pg_url("postgres"), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            admin = driver.connect(
                host=dbs.MY_HOST,
                port=dbs.MY_PORT,
                user=dbs.MY_USER,
                password=dbs.MY_PASSWORD,
                autocommit=True,
            )
            with admin, admin.cursor() as cur:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
