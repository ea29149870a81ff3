"""DDL text per dialect (`prisma_edge.migrate.ddl`): pure, runs in Pyodide too.

Schemas are built by hand from `schema.model` so each case shows exactly the field it is about;
`hand_blog()` is a small complete schema (also used by tests/test_db_push.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from prisma_edge.errors import SchemaError
from prisma_edge.migrate.ddl import ddl_statements, table_names
from prisma_edge.schema import load_schema, parse_schema
from prisma_edge.schema.model import (
    Datasource,
    Default,
    Enum,
    EnumValue,
    Field,
    Index,
    Model,
    NativeType,
    Relation,
    Schema,
    UniqueIndex,
)

DIALECTS = ("postgres", "mysql", "sqlite")
MYSQL_TABLE = " DEFAULT CHARACTER SET=utf8mb4 COLLATE=utf8mb4_unicode_ci"


def F(name: str, type: str, kind: str = "scalar", db: str | None = None, **kw: Any) -> Field:  # noqa: A002
    return Field(name, type, kind, db or name, **kw)  # type: ignore[arg-type]


def hand_blog(relation_mode: str = "foreignKeys", provider: str = "postgresql") -> Schema:
    """users (mapped) 1-n Post (Cascade), 1-n Post.editor (SetNull), 1-1 Profile, Post m-n Tag, enum Role."""
    role = Enum("Role", "Role", (EnumValue("USER", "USER"), EnumValue("ADMIN", "admin")))
    user = Model("User", "users", (
        F("id", "Int", is_id=True, default=Default("autoincrement")),
        F("email", "String", is_unique=True),
        F("name", "String", is_required=False),
        F("role", "Role", "enum", default=Default("enum", "USER")),
        F("createdAt", "DateTime", db="created_at", default=Default("now")),
        F("posts", "Post", "object", is_list=True, relation=Relation(
            "written", "one_to_many", "Post", "author", False, ("id",), ("authorId",), (("id", "authorId"),))),
        F("profile", "Profile", "object", is_required=False, relation=Relation(
            "ProfileToUser", "one_to_one", "Profile", "user", False, ("id",), ("userId",), (("id", "userId"),))),
    ), ("id",), uniques=(UniqueIndex(("id",), "id"), UniqueIndex(("email",), "email")))
    profile = Model("Profile", "Profile", (
        F("id", "String", is_id=True, default=Default("uuid")),
        F("bio", "String", default=Default("literal", "it's")),
        F("userId", "Int", is_unique=True),
        F("user", "User", "object", relation=Relation(
            "ProfileToUser", "one_to_one", "User", "profile", True, ("userId",), ("id",), (("userId", "id"),),
            on_delete="Cascade")),
    ), ("id",), uniques=(UniqueIndex(("id",), "id"), UniqueIndex(("userId",), "userId")))
    post = Model("Post", "Post", (
        F("id", "Int", is_id=True, default=Default("autoincrement")),
        F("title", "String"),
        F("authorId", "Int"),
        F("author", "User", "object", relation=Relation(
            "written", "many_to_one", "User", "posts", True, ("authorId",), ("id",), (("authorId", "id"),),
            on_delete="Cascade")),
        F("editorId", "Int", is_required=False),
        F("editor", "User", "object", is_required=False, relation=Relation(
            "edited", "many_to_one", "User", "edits", True, ("editorId",), ("id",), (("editorId", "id"),))),
        F("tags", "Tag", "object", is_list=True, relation=Relation(
            "PostToTag", "many_to_many", "Tag", "posts", False, join_table="_PostToTag", self_column="A",
            other_column="B", self_key="id", other_key="id")),
    ), ("id",), uniques=(UniqueIndex(("id",), "id"),), indexes=(Index(("title",)),))
    tag = Model("Tag", "Tag", (
        F("id", "Int", is_id=True, default=Default("autoincrement")),
        F("name", "String", is_unique=True),
        F("posts", "Post", "object", is_list=True, relation=Relation(
            "PostToTag", "many_to_many", "Post", "tags", False, join_table="_PostToTag", self_column="B",
            other_column="A", self_key="id", other_key="id")),
    ), ("id",), uniques=(UniqueIndex(("id",), "id"), UniqueIndex(("name",), "name")))
    ds = Datasource("db", provider, url_env="DATABASE_URL", relation_mode=relation_mode)
    return Schema((post, profile, tag, user), (role,), ds)  # children listed first on purpose


def q(dialect: str, name: str) -> str:
    return f"`{name}`" if dialect == "mysql" else f'"{name}"'


def single_table(dialect: str, *fields: Field, enums: tuple[Enum, ...] = ()) -> str:
    """The CREATE TABLE of a key-less model T holding just `fields`."""
    model = Model("T", "T", fields, ())
    stmts = [s for s in ddl_statements(Schema((model,), enums), dialect) if s.startswith("CREATE TABLE")]
    assert len(stmts) == 1
    return stmts[0]


def expect_table(dialect: str, columns: str) -> str:
    return f"CREATE TABLE {q(dialect, 'T')} ({columns}){MYSQL_TABLE if dialect == 'mysql' else ''}"


ROLE = Enum("Role", "role_t", (EnumValue("USER", "USER"), EnumValue("ADMIN", "admin")))

# (field, {dialect: column definition}); one row per representative field.
COLUMN_CASES: list[tuple[str, Field, dict[str, str]]] = [
    ("String", F("f", "String"),
     {"postgres": '"f" TEXT NOT NULL', "mysql": "`f` VARCHAR(191) NOT NULL", "sqlite": '"f" TEXT NOT NULL'}),
    ("String?", F("f", "String", is_required=False),
     {"postgres": '"f" TEXT', "mysql": "`f` VARCHAR(191) NULL", "sqlite": '"f" TEXT'}),
    ("Int @default(0)", F("f", "Int", default=Default("literal", 0)),
     {"postgres": '"f" INTEGER NOT NULL DEFAULT 0', "mysql": "`f` INTEGER NOT NULL DEFAULT 0",
      "sqlite": '"f" INTEGER NOT NULL DEFAULT 0'}),
    ("BigInt @default(-5)", F("f", "BigInt", default=Default("literal", -5)),
     {"postgres": '"f" BIGINT NOT NULL DEFAULT -5', "mysql": "`f` BIGINT NOT NULL DEFAULT -5",
      "sqlite": '"f" BIGINT NOT NULL DEFAULT -5'}),
    ("Float @default(1.5)", F("f", "Float", default=Default("literal", 1.5)),
     {"postgres": '"f" DOUBLE PRECISION NOT NULL DEFAULT 1.5', "mysql": "`f` DOUBLE NOT NULL DEFAULT 1.5",
      "sqlite": '"f" REAL NOT NULL DEFAULT 1.5'}),
    ("Decimal @default(\"0.10\")", F("f", "Decimal", default=Default("literal", "0.10")),
     {"postgres": '"f" DECIMAL(65, 30) NOT NULL DEFAULT 0.10', "mysql": "`f` DECIMAL(65, 30) NOT NULL DEFAULT 0.10",
      "sqlite": '"f" DECIMAL NOT NULL DEFAULT 0.10'}),
    ("Boolean @default(false)", F("f", "Boolean", default=Default("literal", False)),
     {"postgres": '"f" BOOLEAN NOT NULL DEFAULT FALSE', "mysql": "`f` BOOLEAN NOT NULL DEFAULT FALSE",
      "sqlite": '"f" BOOLEAN NOT NULL DEFAULT false'}),
    ("DateTime @default(now())", F("f", "DateTime", default=Default("now")),
     {"postgres": '"f" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP',
      "mysql": "`f` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)",
      "sqlite": '"f" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP'}),
    ("DateTime @default(\"2000-01-01T02:00:00+02:00\")",
     F("f", "DateTime", default=Default("literal", "2000-01-01T02:00:00+02:00")),
     {"postgres": "\"f\" TIMESTAMP(3) NOT NULL DEFAULT '2000-01-01 00:00:00.000'",
      "mysql": "`f` DATETIME(3) NOT NULL DEFAULT '2000-01-01 00:00:00.000'",
      "sqlite": "\"f\" DATETIME NOT NULL DEFAULT '2000-01-01T00:00:00.000+00:00'"}),
    ("DateTime? @db.Date @default(\"2000-01-01T00:00:00Z\")",
     F("f", "DateTime", is_required=False, native_type=NativeType("Date"),
       default=Default("literal", "2000-01-01T00:00:00Z")),
     {"postgres": "\"f\" DATE DEFAULT '2000-01-01'", "mysql": "`f` DATE NULL DEFAULT '2000-01-01'",
      "sqlite": "\"f\" DATETIME DEFAULT '2000-01-01T00:00:00.000+00:00'"}),
    ("DateTime @updatedAt (client-side)", F("f", "DateTime", is_updated_at=True),
     {"postgres": '"f" TIMESTAMP(3) NOT NULL', "mysql": "`f` DATETIME(3) NOT NULL",
      "sqlite": '"f" DATETIME NOT NULL'}),
    ("Json?", F("f", "Json", is_required=False),
     {"postgres": '"f" JSONB', "mysql": "`f` JSON NULL", "sqlite": '"f" JSONB'}),
    ("Json @default(\"{}\")", F("f", "Json", default=Default("literal", "{}")),
     {"postgres": "\"f\" JSONB NOT NULL DEFAULT '{}'", "mysql": "`f` JSON NOT NULL DEFAULT ('{}')",
      "sqlite": "\"f\" JSONB NOT NULL DEFAULT '{}'"}),
    ("Bytes", F("f", "Bytes"),
     {"postgres": '"f" BYTEA NOT NULL', "mysql": "`f` LONGBLOB NOT NULL", "sqlite": '"f" BLOB NOT NULL'}),
    ("String @map(\"full name\")", F("f", "String", db="full name"),
     {"postgres": '"full name" TEXT NOT NULL', "mysql": "`full name` VARCHAR(191) NOT NULL",
      "sqlite": '"full name" TEXT NOT NULL'}),
    ("String @default(uuid()) (client-side)", F("f", "String", default=Default("uuid")),
     {"postgres": '"f" TEXT NOT NULL', "mysql": "`f` VARCHAR(191) NOT NULL", "sqlite": '"f" TEXT NOT NULL'}),
    ("String @default(cuid()) (client-side)", F("f", "String", default=Default("cuid", None, (2,))),
     {"postgres": '"f" TEXT NOT NULL', "mysql": "`f` VARCHAR(191) NOT NULL", "sqlite": '"f" TEXT NOT NULL'}),
    ("String @db.VarChar(255)", F("f", "String", native_type=NativeType("VarChar", ("255",))),
     {"postgres": '"f" VARCHAR(255) NOT NULL', "mysql": "`f` VARCHAR(255) NOT NULL", "sqlite": '"f" TEXT NOT NULL'}),
    ("String @db.Uuid (pg only: others fall back)", F("f", "String", native_type=NativeType("Uuid")),
     {"postgres": '"f" UUID NOT NULL', "mysql": "`f` VARCHAR(191) NOT NULL", "sqlite": '"f" TEXT NOT NULL'}),
    ("String @db.Text @default(\"x\")", F("f", "String", native_type=NativeType("Text"),
                                         default=Default("literal", "x")),
     {"postgres": "\"f\" TEXT NOT NULL DEFAULT 'x'", "mysql": "`f` TEXT NOT NULL DEFAULT ('x')",
      "sqlite": "\"f\" TEXT NOT NULL DEFAULT 'x'"}),
    ("DateTime @db.DateTime(6) @default(now())", F("f", "DateTime", native_type=NativeType("DateTime", ("6",)),
                                                    default=Default("now")),
     {"postgres": '"f" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP',
      "mysql": "`f` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)",
      "sqlite": '"f" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP'}),
    ("DateTime? @db.Timestamptz(6)", F("f", "DateTime", is_required=False,
                                        native_type=NativeType("Timestamptz", ("6",))),
     {"postgres": '"f" TIMESTAMPTZ(6)', "mysql": "`f` DATETIME(3) NULL", "sqlite": '"f" DATETIME'}),
    ("Int @db.UnsignedTinyInt", F("f", "Int", native_type=NativeType("UnsignedTinyInt")),
     {"postgres": '"f" INTEGER NOT NULL', "mysql": "`f` TINYINT UNSIGNED NOT NULL", "sqlite": '"f" INTEGER NOT NULL'}),
    ("Decimal @db.Decimal(10, 2)", F("f", "Decimal", native_type=NativeType("Decimal", ("10", "2"))),
     {"postgres": '"f" DECIMAL(10, 2) NOT NULL', "mysql": "`f` DECIMAL(10, 2) NOT NULL",
      "sqlite": '"f" DECIMAL NOT NULL'}),
    ("String @default(\"'); DROP TABLE x; --\")", F("f", "String", default=Default("literal", "'); DROP TABLE x; --")),
     {"postgres": "\"f\" TEXT NOT NULL DEFAULT '''); DROP TABLE x; --'",
      "mysql": "`f` VARCHAR(191) NOT NULL DEFAULT '''); DROP TABLE x; --'",
      "sqlite": "\"f\" TEXT NOT NULL DEFAULT '''); DROP TABLE x; --'"}),
    ("String @map(\"we\\\"ird`\")", F("f", "String", db='we"ird`'),
     {"postgres": '"we""ird`" TEXT NOT NULL', "mysql": "`we\"ird``` VARCHAR(191) NOT NULL",
      "sqlite": '"we""ird`" TEXT NOT NULL'}),
]


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize(("label", "field", "expected"), COLUMN_CASES, ids=[c[0] for c in COLUMN_CASES])
def test_column_definition(label: str, field: Field, expected: dict[str, str], dialect: str):
    assert single_table(dialect, field) == expect_table(dialect, expected[dialect])


@pytest.mark.parametrize(("dialect", "expected"), [
    ("postgres", ["CREATE TYPE \"role_t\" AS ENUM ('USER', 'admin')",
                  "CREATE TABLE \"T\" (\"f\" \"role_t\" NOT NULL DEFAULT 'admin')"]),
    ("mysql", ["CREATE TABLE `T` (`f` ENUM('USER', 'admin') NOT NULL DEFAULT 'admin')" + MYSQL_TABLE]),
    ("sqlite", ["CREATE TABLE \"T\" (\"f\" TEXT NOT NULL DEFAULT 'admin')"]),  # Prisma: no CHECK
])
def test_enum_column_per_dialect(dialect: str, expected: list[str]):
    field = F("f", "Role", "enum", default=Default("enum", "ADMIN"))  # default by name, stored by @map
    schema = Schema((Model("T", "T", (field,), ()),), (ROLE,))
    assert ddl_statements(schema, dialect) == expected


@pytest.mark.parametrize(("dialect", "column"), [
    ("postgres", '"id" SERIAL NOT NULL'),
    ("mysql", "`id` INTEGER NOT NULL AUTO_INCREMENT"),
    ("sqlite", '"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT'),
])
def test_autoincrement_id(dialect: str, column: str):
    model = Model("T", "T", (F("id", "Int", is_id=True, default=Default("autoincrement")),), ("id",))
    pk = {"postgres": ', CONSTRAINT "T_pkey" PRIMARY KEY ("id")', "mysql": ", PRIMARY KEY (`id`)", "sqlite": ""}
    assert ddl_statements(Schema((model,)), dialect) == [expect_table(dialect, column + pk[dialect])]


def test_bigint_autoincrement_is_bigserial_on_postgres_and_integer_rowid_on_sqlite():
    model = Model("T", "T", (F("id", "BigInt", is_id=True, default=Default("autoincrement")),), ("id",))
    assert ddl_statements(Schema((model,)), "postgres")[0].startswith('CREATE TABLE "T" ("id" BIGSERIAL NOT NULL')
    assert ddl_statements(Schema((model,)), "sqlite")[0].startswith(
        'CREATE TABLE "T" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT')


@pytest.mark.parametrize(("dialect", "expected"), [
    ("postgres", 'CREATE TABLE "T" ("a" INTEGER NOT NULL, "b" TEXT NOT NULL, CONSTRAINT "pk_t" PRIMARY KEY ("a", "b"))'),
    ("mysql", "CREATE TABLE `T` (`a` INTEGER NOT NULL, `b` VARCHAR(191) NOT NULL, PRIMARY KEY (`a`, `b`))" + MYSQL_TABLE),
    ("sqlite", 'CREATE TABLE "T" ("a" INTEGER NOT NULL, "b" TEXT NOT NULL, PRIMARY KEY ("a", "b"))'),
])
def test_compound_primary_key_with_map(dialect: str, expected: str):
    model = Model("T", "T", (F("a", "Int"), F("b", "String")), ("a", "b"),
                  uniques=(UniqueIndex(("a", "b"), "a_b", "pk_t"),))
    assert ddl_statements(Schema((model,)), dialect) == [expected]


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_unique_repeating_the_compound_id_gets_its_own_index(dialect: str):
    """cal.com's `@@id([credentialId, key])` + `@@unique([credentialId, key])`: Prisma creates the
    primary key AND the unique index; a database Prisma made has both, and so must ours."""
    schema = parse_schema(
        f'datasource db {{\n  provider = "{ {"postgres": "postgresql"}.get(dialect, dialect)}"\n}}\n'
        "model T {\n  a Int\n  b String\n  @@id([a, b])\n  @@unique([a, b])\n}\n"
    )
    statements = ddl_statements(schema, dialect)
    q = '`' if dialect == "mysql" else '"'
    assert any("PRIMARY KEY" in s for s in statements), statements
    assert [s for s in statements if s.startswith("CREATE UNIQUE INDEX")] == [
        f"CREATE UNIQUE INDEX {q}T_a_b_key{q} ON {q}T{q}({q}a{q}, {q}b{q})"
    ], statements


def test_dbgenerated_default_is_parsed_and_parenthesised_where_required():
    pg = single_table("postgres", F("f", "String", default=Default("dbgenerated", "gen_random_uuid()")))
    assert pg == 'CREATE TABLE "T" ("f" TEXT NOT NULL DEFAULT GEN_RANDOM_UUID())'
    lite = single_table("sqlite", F("f", "String", default=Default("dbgenerated", "lower(hex(randomblob(4)))")))
    assert lite == 'CREATE TABLE "T" ("f" TEXT NOT NULL DEFAULT (LOWER(HEX(RANDOMBLOB(4)))))'
    my = single_table("mysql", F("f", "String", default=Default("dbgenerated", "uuid()")))
    assert "DEFAULT (UUID())" in my
    assert "DEFAULT" not in single_table("postgres", F("f", "String", default=Default("dbgenerated")))


def test_scalar_lists_on_postgres_only():
    tags = F("tags", "String", is_list=True, default=Default("literal", []))
    roles = F("roles", "Role", "enum", is_list=True, default=Default("enum", ["ADMIN"]))
    stmt = single_table("postgres", tags, roles, enums=(ROLE,))
    assert stmt == ('CREATE TABLE "T" ("tags" TEXT[] DEFAULT CAST(ARRAY[] AS TEXT[]), '
                    "\"roles\" \"role_t\"[] DEFAULT CAST(ARRAY['admin'] AS \"role_t\"[]))")
    for dialect in ("mysql", "sqlite"):
        with pytest.raises(SchemaError, match="scalar lists"):
            single_table(dialect, tags)


@pytest.mark.parametrize(("field", "message"), [
    (F("f", "Int", default=Default("literal", "1; DROP TABLE x")), "not a number"),
    (F("f", "Float", default=Default("literal", float("nan"))), "finite"),
    (F("f", "String", native_type=NativeType("VarChr", ("5",))), "unknown native type"),
    (F("f", "String", native_type=NativeType("VarChar", ("5)",))), "integers"),
    (F("f", "Role", "enum", default=Default("enum", "NOPE")), "not a value of enum"),
    (F("f", "DateTime", default=Default("literal", "yesterday")), "ISO-8601"),
])
def test_schema_errors(field: Field, message: str):
    with pytest.raises(SchemaError, match=message):
        single_table("postgres", field, enums=(ROLE,))


def test_sqlite_autoincrement_needs_the_single_id():
    model = Model("T", "T", (F("id", "String", is_id=True), F("n", "Int", default=Default("autoincrement"))), ("id",))
    with pytest.raises(SchemaError, match="single @id"):
        ddl_statements(Schema((model,)), "sqlite")
    assert "`n` INTEGER NOT NULL AUTO_INCREMENT" in ddl_statements(Schema((model,)), "mysql")[0]


# -- a whole schema: names, order, relations -------------------------------------------------


def test_postgres_blog_statements_in_order():
    stmts = ddl_statements(hand_blog(), "postgres")
    assert stmts == [
        "CREATE TYPE \"Role\" AS ENUM ('USER', 'admin')",
        'CREATE TABLE "Tag" ("id" SERIAL NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "Tag_pkey" PRIMARY KEY ("id"))',
        'CREATE TABLE "users" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "name" TEXT, '
        "\"role\" \"Role\" NOT NULL DEFAULT 'USER', \"created_at\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "
        'CONSTRAINT "users_pkey" PRIMARY KEY ("id"))',
        'CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" TEXT NOT NULL, "authorId" INTEGER NOT NULL, '
        '"editorId" INTEGER, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"))',
        "CREATE TABLE \"Profile\" (\"id\" TEXT NOT NULL, \"bio\" TEXT NOT NULL DEFAULT 'it''s', "
        '"userId" INTEGER NOT NULL, CONSTRAINT "Profile_pkey" PRIMARY KEY ("id"))',
        'CREATE TABLE "_PostToTag" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL, '
        'CONSTRAINT "_PostToTag_AB_pkey" PRIMARY KEY ("A", "B"))',
        'CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name")',
        'CREATE UNIQUE INDEX "users_email_key" ON "users"("email")',
        'CREATE INDEX "Post_title_idx" ON "Post"("title")',
        'CREATE UNIQUE INDEX "Profile_userId_key" ON "Profile"("userId")',
        'CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B")',
        'ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users" ("id") '
        "ON DELETE CASCADE ON UPDATE CASCADE",
        'ALTER TABLE "Post" ADD CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users" ("id") '
        "ON DELETE SET NULL ON UPDATE CASCADE",
        'ALTER TABLE "Profile" ADD CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users" ("id") '
        "ON DELETE CASCADE ON UPDATE CASCADE",
        'ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post" ("id") '
        "ON DELETE CASCADE ON UPDATE CASCADE",
        'ALTER TABLE "_PostToTag" ADD CONSTRAINT "_PostToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag" ("id") '
        "ON DELETE CASCADE ON UPDATE CASCADE",
    ]


def test_sqlite_foreign_keys_are_inline():
    stmts = ddl_statements(hand_blog(), "sqlite")
    assert not any(s.startswith("ALTER") for s in stmts)
    post = next(s for s in stmts if s.startswith('CREATE TABLE "Post"'))
    assert post == (
        'CREATE TABLE "Post" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, '
        '"authorId" INTEGER NOT NULL, "editorId" INTEGER, '
        'CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users" ("id") '
        "ON DELETE CASCADE ON UPDATE CASCADE, "
        'CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users" ("id") '
        "ON DELETE SET NULL ON UPDATE CASCADE)"
    )


@pytest.mark.parametrize("dialect", DIALECTS)
def test_parents_are_created_before_children(dialect: str):
    creates = [s.split(" (")[0].split()[-1].strip('"`') for s in ddl_statements(hand_blog(), dialect)
               if s.startswith("CREATE TABLE")]
    assert creates.index("users") < creates.index("Post") < creates.index("_PostToTag")
    assert creates.index("users") < creates.index("Profile")
    assert creates.index("Tag") < creates.index("_PostToTag")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_relation_mode_prisma_has_no_foreign_keys_and_no_extra_indexes(dialect: str):
    """As Prisma: relationMode "prisma" drops the foreign keys and adds no index for them (it warns)."""
    stmts = ddl_statements(hand_blog("prisma"), dialect, drop_first=True)
    assert not any("FOREIGN KEY" in s or "FOREIGN_KEY_CHECKS" in s or "PRAGMA" in s for s in stmts)
    idx = [s for s in stmts if s.startswith("CREATE INDEX")]
    assert not any("authorId" in s for s in idx)
    assert f"CREATE INDEX {q(dialect, '_PostToTag_B_index')} ON {q(dialect, '_PostToTag')}({q(dialect, 'B')})" in idx


@pytest.mark.parametrize(("dialect", "head", "tail"), [
    ("postgres", [], ['DROP TYPE IF EXISTS "Role" CASCADE']),
    ("mysql", ["SET FOREIGN_KEY_CHECKS = 0"], ["SET FOREIGN_KEY_CHECKS = 1"]),
    ("sqlite", ["PRAGMA foreign_keys = OFF"], ["PRAGMA foreign_keys = ON"]),
])
def test_drop_first_drops_children_first(dialect: str, head: list[str], tail: list[str]):
    stmts = ddl_statements(hand_blog(), dialect, drop_first=True)
    cascade = " CASCADE" if dialect == "postgres" else ""
    drops = [f"DROP TABLE IF EXISTS {q(dialect, t)}{cascade}" for t in ("_PostToTag", "Profile", "Post", "users", "Tag")]
    n = len(head) + len(drops) + len(tail)
    assert stmts[:n] == head + drops + tail
    assert stmts[n:] == ddl_statements(hand_blog(), dialect)


def test_unique_index_and_default_names_follow_prisma():
    model = Model("Member", "members", (
        F("tenantId", "String"), F("email", "String", db="e_mail"), F("slug", "String"), F("n", "Int"),
    ), ("slug",), uniques=(
        UniqueIndex(("slug",), "slug"),
        UniqueIndex(("tenantId", "email"), "tenant_email"),  # `name:` is the selector, not the db name
        UniqueIndex(("n",), "n", "custom_n_key"),
    ), indexes=(Index(("tenantId", "n")), Index(("email",), "by_mail")))
    stmts = ddl_statements(Schema((model,)), "postgres")
    assert stmts[1:] == [
        'CREATE UNIQUE INDEX "members_tenantId_e_mail_key" ON "members"("tenantId", "e_mail")',
        'CREATE UNIQUE INDEX "custom_n_key" ON "members"("n")',
        'CREATE INDEX "members_tenantId_n_idx" ON "members"("tenantId", "n")',
        'CREATE INDEX "by_mail" ON "members"("e_mail")',
    ]
    assert 'CONSTRAINT "members_pkey" PRIMARY KEY ("slug")' in stmts[0]


def test_long_default_names_are_truncated_to_the_identifier_limit():
    long = "a_really_long_column_name_that_goes_on_and_on"
    model = Model("T", "some_long_table_name", (F("id", "Int", is_id=True), F(long, "String", is_unique=True)),
                  ("id",), uniques=(UniqueIndex(("id",), "id"), UniqueIndex((long,), long)))
    pg = ddl_statements(Schema((model,)), "postgres")[1]
    name = pg.split('"')[1]
    assert len(name) == 63 and name.endswith("_key") and name.startswith("some_long_table_name_a_really")
    my = ddl_statements(Schema((model,)), "mysql")[1]
    assert len(my.split("`")[1]) == 64


def test_self_relation_and_implicit_m2n_self_join_table():
    person = Model("Person", "Person", (
        F("id", "Int", is_id=True),
        F("managerId", "Int", is_required=False),
        F("manager", "Person", "object", is_required=False, relation=Relation(
            "Mgmt", "many_to_one", "Person", "reports", True, ("managerId",), ("id",), (("managerId", "id"),),
            on_delete="SetNull")),
        F("friends", "Person", "object", is_list=True, relation=Relation(
            "Friends", "many_to_many", "Person", "friendOf", False, join_table="_Friends", self_column="A",
            other_column="B", self_key="id", other_key="id")),
        F("friendOf", "Person", "object", is_list=True, relation=Relation(
            "Friends", "many_to_many", "Person", "friends", False, join_table="_Friends", self_column="B",
            other_column="A", self_key="id", other_key="id")),
    ), ("id",))
    stmts = ddl_statements(Schema((person,)), "mysql")
    assert "CREATE TABLE `_Friends` (`A` INTEGER NOT NULL, `B` INTEGER NOT NULL)" + MYSQL_TABLE in stmts
    assert ("ALTER TABLE `Person` ADD CONSTRAINT `Person_managerId_fkey` FOREIGN KEY (`managerId`) "
            "REFERENCES `Person` (`id`) ON DELETE SET NULL ON UPDATE CASCADE") in stmts
    assert sum(s.startswith("ALTER TABLE `_Friends`") for s in stmts) == 2


def test_default_referential_actions_follow_prisma():
    """Required relation: ON DELETE RESTRICT; optional: SET NULL; both ON UPDATE CASCADE."""
    def rel(required: bool) -> Field:
        return F("p", "P", "object", is_required=required, relation=Relation(
            "r", "many_to_one", "P", "cs", True, ("pId",), ("id",), (("pId", "id"),)))

    p = Model("P", "P", (F("id", "Int", is_id=True),), ("id",))
    for required, action in ((True, "RESTRICT"), (False, "SET NULL")):
        c = Model("C", "C", (F("id", "Int", is_id=True), F("pId", "Int", is_required=required), rel(required)), ("id",))
        fk = ddl_statements(Schema((p, c)), "postgres")[-1]
        assert fk.endswith(f"ON DELETE {action} ON UPDATE CASCADE")


@pytest.mark.parametrize(("dialect", "expected"), [
    ("postgres", 'ALTER TABLE "C" ADD CONSTRAINT "c_parent_fk" FOREIGN KEY ("pId") REFERENCES "P" ("id") '
                 "ON DELETE RESTRICT ON UPDATE CASCADE"),
    ("mysql", "ALTER TABLE `C` ADD CONSTRAINT `c_parent_fk` FOREIGN KEY (`pId`) REFERENCES `P` (`id`) "
              "ON DELETE RESTRICT ON UPDATE CASCADE"),
    ("sqlite", 'CONSTRAINT "c_parent_fk" FOREIGN KEY ("pId") REFERENCES "P" ("id") '
               "ON DELETE RESTRICT ON UPDATE CASCADE)"),
])
def test_relation_map_names_the_foreign_key(dialect: str, expected: str):
    """`@relation(map: "c_parent_fk")` replaces Prisma's default name `C_pId_fkey`."""
    p = Model("P", "P", (F("id", "Int", is_id=True),), ("id",))
    c = Model("C", "C", (F("id", "Int", is_id=True), F("pId", "Int"), F("p", "P", "object", relation=Relation(
        "r", "many_to_one", "P", "cs", True, ("pId",), ("id",), (("pId", "id"),), fk_name="c_parent_fk"))), ("id",))
    stmts = ddl_statements(Schema((p, c)), dialect)
    assert sum(expected in s for s in stmts) == 1
    assert not any("C_pId_fkey" in s for s in stmts)


def test_relation_map_from_the_schema_text_names_the_foreign_key():
    """kitchen.prisma: `owner Person @relation(..., map: "doc_owner_fk")`; its other FKs keep default names."""
    schema = load_schema(Path(__file__).parent / "schemas" / "kitchen.prisma")
    assert schema.datasource is not None
    schema = schema.evolve(datasource=attrs.evolve(schema.datasource, relation_mode="foreignKeys"))
    fks = {s.split('"')[3]: s for s in ddl_statements(schema, "postgres") if "FOREIGN KEY" in s}
    assert fks["doc_owner_fk"] == (
        'ALTER TABLE "Document" ADD CONSTRAINT "doc_owner_fk" FOREIGN KEY ("ownerId") REFERENCES "people" '
        '("person_id") ON DELETE CASCADE ON UPDATE CASCADE')
    assert "Document_ownerId_fkey" not in fks
    assert "Revision_tenant_doc_slug_fkey" in fks  # no `map:`: Prisma's default name


def test_pretty_output_and_table_names():
    stmts = ddl_statements(hand_blog(), "postgres", pretty=True)
    assert stmts[1].startswith('CREATE TABLE "Tag" (\n  "id" SERIAL NOT NULL,')
    assert table_names(hand_blog()) == ["Post", "Profile", "Tag", "users", "_PostToTag"]


def test_unknown_dialect():
    with pytest.raises(ValueError, match="unknown dialect"):
        ddl_statements(hand_blog(), "oracle")  # type: ignore[arg-type]
