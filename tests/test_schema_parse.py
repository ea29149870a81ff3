"""Valid schemas parse into exactly the models, relations, keys, defaults and maps Prisma would give.

The expectations for tests/schemas/*.prisma were cross-checked against Prisma 6.19's own DMMF
(`@prisma/prisma-schema-wasm` get_dmmf): relation names, relation fields/references, ids,
unique selectors, defaults and database names all agree.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from prisma_edge.errors import SchemaError
from prisma_edge.schema import (
    Default,
    Index,
    NativeType,
    Schema,
    UniqueIndex,
    dialect_of,
    load_schema,
    parse_schema,
)

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture(scope="module")
def blog() -> Schema:
    return load_schema(SCHEMAS / "blog.prisma")


@pytest.fixture(scope="module")
def shop() -> Schema:
    return load_schema(SCHEMAS / "shop.prisma")


@pytest.fixture(scope="module")
def saas() -> Schema:
    return load_schema(SCHEMAS / "saas.prisma")


@pytest.fixture(scope="module")
def kitchen() -> Schema:
    return load_schema(SCHEMAS / "kitchen.prisma")


def rel(schema: Schema, model: str, field: str):
    m = schema.model(model)
    assert m is not None, model
    f = m.field(field)
    assert f is not None and f.relation is not None, (model, field)
    return f.relation


# -- blog ------------------------------------------------------------------------------------------


def test_blog_models_config_and_names(blog: Schema):
    assert [m.name for m in blog.models] == ["User", "Profile", "Post", "Comment", "Tag"]
    assert blog.provider == "sqlite" and dialect_of(blog) == "sqlite"
    ds = blog.datasource
    assert ds is not None and (ds.name, ds.url, ds.url_env, ds.relation_mode) == ("db", None, "DATABASE_URL",
                                                                                   "foreignKeys")
    assert [(g.name, g.properties) for g in blog.generators] == [("client", (("provider", "prisma-edge"),))]
    user = blog.model("User")
    assert user.db_name == "users"
    assert user.field("createdAt").db_name == "created_at"
    assert user.documentation == "Someone with an account."
    assert user.field("name").documentation == "Shown next to posts and comments."
    assert user.field("email").documentation is None


def test_blog_field_shapes_and_defaults(blog: Schema):
    user, post = blog.model("User"), blog.model("Post")
    assert user.field("id").default == Default("autoincrement")
    assert user.field("id").is_id and user.primary_key == ("id",)
    assert user.field("role").kind == "enum" and user.field("role").default == Default("enum", "USER")
    assert user.field("createdAt").default == Default("now")
    assert user.field("name").is_required is False
    assert post.field("published").default == Default("literal", False)
    assert post.field("views").default == Default("literal", 0)
    assert post.field("metadata").type == "Json" and not post.field("metadata").is_required
    assert post.field("updatedAt").is_updated_at and post.field("updatedAt").default is None
    assert post.field("comments").kind == "object" and post.field("comments").is_list
    assert [f.name for f in post.scalar_fields] == ["id", "title", "content", "published", "views", "metadata",
                                                  "createdAt", "updatedAt", "authorId"]
    assert post.indexes == (Index(("authorId",)),)
    role = blog.enum("Role")
    assert [v.name for v in role.values] == ["USER", "EDITOR", "ADMIN"]
    assert role.documentation == "What a user may do on the site."


def test_blog_uniques(blog: Schema):
    assert blog.model("User").uniques == (UniqueIndex(("id",), "id"), UniqueIndex(("email",), "email"))
    assert blog.model("Profile").uniques == (UniqueIndex(("id",), "id"), UniqueIndex(("userId",), "userId"))
    assert blog.model("Tag").field("name").is_unique


def test_blog_one_to_many_both_directions(blog: Schema):
    author = rel(blog, "Post", "author")
    assert (author.name, author.kind, author.to_model, author.opposite_field) == ("PostToUser", "many_to_one",
                                                                                  "User", "posts")
    assert author.holds_fk and author.fields == ("authorId",) and author.references == ("id",)
    assert author.join == (("authorId", "id"),)
    assert (author.on_delete, author.on_update) == ("Restrict", "Cascade")
    posts = rel(blog, "User", "posts")
    assert (posts.name, posts.kind, posts.to_model, posts.opposite_field) == ("PostToUser", "one_to_many", "Post",
                                                                              "author")
    assert not posts.holds_fk and posts.fields == ("id",) and posts.references == ("authorId",)
    assert posts.join == (("id", "authorId"),)
    assert (posts.on_delete, posts.on_update) == ("Restrict", "Cascade")
    comment_post = rel(blog, "Comment", "post")
    assert comment_post.on_delete == "Cascade" and rel(blog, "Post", "comments").on_delete == "Cascade"


def test_blog_one_to_one(blog: Schema):
    user = rel(blog, "Profile", "user")
    assert (user.kind, user.holds_fk, user.join, user.name) == ("one_to_one", True, (("userId", "id"),),
                                                                "ProfileToUser")
    profile = rel(blog, "User", "profile")
    assert (profile.kind, profile.holds_fk, profile.join) == ("one_to_one", False, (("id", "userId"),))
    assert blog.model("User").field("profile").is_required is False


def test_blog_self_relation(blog: Schema):
    parent, replies = rel(blog, "Comment", "parent"), rel(blog, "Comment", "replies")
    assert (parent.name, parent.kind, parent.to_model, parent.opposite_field) == ("Replies", "many_to_one",
                                                                                  "Comment", "replies")
    assert parent.join == (("parentId", "id"),) and parent.on_delete == "SetNull"
    assert (replies.kind, replies.holds_fk, replies.join) == ("one_to_many", False, (("id", "parentId"),))


def test_blog_implicit_many_to_many(blog: Schema):
    tags, posts = rel(blog, "Post", "tags"), rel(blog, "Tag", "posts")
    assert tags.kind == posts.kind == "many_to_many"
    assert tags.join_table == posts.join_table == "_PostToTag"
    # column A references the model whose name sorts first (Post), B the other (Tag)
    assert (tags.self_column, tags.other_column, tags.self_key, tags.other_key) == ("A", "B", "id", "id")
    assert (posts.self_column, posts.other_column) == ("B", "A")
    assert not tags.holds_fk and tags.join == () and (tags.on_delete, tags.on_update) == ("Cascade", "Cascade")


# -- shop ------------------------------------------------------------------------------------------


def test_shop_types_maps_and_indexes(shop: Schema):
    product = shop.model("Product")
    assert product.db_name == "products"
    assert product.field("sku").db_name == "stock_code" and product.field("sku").is_unique
    assert product.field("price").type == "Decimal" and product.field("image").type == "Bytes"
    assert product.field("barcode").type == "BigInt" and product.field("soldCount").default == Default("literal", 0)
    assert product.indexes == (Index(("name",), "product_name_idx"),)
    order = shop.model("Order")
    assert order.field("number").default == Default("cuid", None, (1,))
    assert order.field("total").default == Default("literal", "0")
    assert order.field("status").default == Default("enum", "PENDING")
    assert order.indexes == (Index(("customerId", "placedAt")),)
    status = shop.enum("OrderStatus")
    assert [(v.name, v.db_name) for v in status.values][-1] == ("CANCELLED", "canceled")


def test_shop_compound_primary_key_and_cascades(shop: Schema):
    item = shop.model("OrderItem")
    assert item.db_name == "order_items"
    assert item.primary_key == ("orderId", "productId")
    assert item.uniques == (UniqueIndex(("orderId", "productId"), "orderId_productId"),)
    assert not item.field("orderId").is_id  # only @id marks a field; @@id is the model's key
    order = rel(shop, "OrderItem", "order")
    assert (order.join, order.on_delete, order.on_update) == ((("orderId", "id"),), "Cascade", "Cascade")
    product = rel(shop, "OrderItem", "product")
    assert (product.join, product.on_delete) == ((("productId", "id"),), "Restrict")
    assert rel(shop, "Product", "items").join == (("id", "productId"),)
    assert rel(shop, "Customer", "orders").on_delete == "Cascade"


# -- saas ------------------------------------------------------------------------------------------


def test_saas_id_defaults(saas: Schema):
    assert saas.model("Tenant").field("id").default == Default("uuid", None, (4,))
    assert saas.model("User").field("id").default == Default("cuid", None, (1,))
    assert saas.model("Role").field("id").default == Default("uuid", None, (7,))
    assert saas.model("Permission").field("id").default == Default("cuid", None, (2,))


def test_saas_named_compound_unique(saas: Schema):
    user = saas.model("User")
    assert user.uniques == (UniqueIndex(("id",), "id"), UniqueIndex(("tenantId", "email"), "tenant_email"))
    role = saas.model("Role")
    assert role.uniques[1] == UniqueIndex(("tenantId", "name"), "tenantId_name")


def test_saas_explicit_many_to_many_is_two_one_to_many(saas: Schema):
    m = saas.model("Membership")
    assert m.primary_key == ("userId", "roleId")
    assert m.field("grantedAt").default == Default("now")
    assert m.documentation == "A user's role within a tenant, with when and by whom it was granted."
    assert rel(saas, "Membership", "user").kind == "many_to_one"
    assert rel(saas, "User", "memberships").kind == "one_to_many"
    assert rel(saas, "Role", "memberships").join == (("id", "roleId"),)
    assert m.indexes == (Index(("roleId",)),)


def test_saas_optional_self_relation_set_null(saas: Schema):
    manager = rel(saas, "User", "manager")
    assert (manager.name, manager.on_delete, manager.on_update) == ("Management", "SetNull", "Cascade")
    assert rel(saas, "User", "reports").opposite_field == "manager"


def test_saas_implicit_many_to_many_sorted_by_model_name(saas: Schema):
    perms, roles = rel(saas, "Role", "permissions"), rel(saas, "Permission", "roles")
    assert perms.join_table == roles.join_table == "_PermissionToRole"
    assert (roles.self_column, roles.other_column) == ("A", "B")  # Permission < Role
    assert (perms.self_column, perms.other_column) == ("B", "A")


# -- kitchen (PostgreSQL) -----------------------------------------------------------------------


def test_kitchen_datasource_and_generator(kitchen: Schema):
    assert dialect_of(kitchen) == "postgres"
    ds = kitchen.datasource
    assert ds is not None and (ds.name, ds.provider, ds.relation_mode) == ("pg", "postgresql", "prisma")
    assert kitchen.generators[0].properties == (("provider", "prisma-edge"),
                                                ("previewFeatures", ["fullTextSearchPostgres"]))


def test_kitchen_native_types_lists_and_literal_defaults(kitchen: Schema):
    p = kitchen.model("Person")
    assert p.db_name == "people" and p.field("id").db_name == "person_id"
    assert p.field("handle").native_type == NativeType("VarChar", ("40",))
    assert p.field("balance").native_type == NativeType("Decimal", ("10", "2"))
    assert p.field("balance").default == Default("literal", "12.50")
    assert p.field("avatar").native_type == NativeType("ByteA")
    assert p.field("nicknames").is_list and p.field("nicknames").default == Default("literal", [])
    assert p.field("scores").default == Default("literal", [1, 2])
    assert p.field("badges").kind == "enum" and p.field("badges").default == Default("enum", ["DRAFT"])
    assert p.field("settings").default == Default("literal", '{"theme": "dark"}')
    assert p.field("born").default == Default("literal", "2000-01-01T00:00:00Z")
    assert p.field("uid").default == Default("dbgenerated", "gen_random_uuid()")
    assert p.uniques[1] == UniqueIndex(("handle",), "handle", "person_handle_key")
    status = kitchen.enum("Status")
    assert status.db_name == "status" and [v.db_name for v in status.values] == ["draft", "published"]


def test_kitchen_ignore_drops_field_and_model(kitchen: Schema):
    assert kitchen.model("Person").field("legacy") is None
    assert kitchen.model("AuditTrail") is None
    assert [m.name for m in kitchen.models] == ["Person", "Document", "Revision"]


def test_kitchen_self_many_to_many_columns_follow_field_names(kitchen: Schema):
    # Prisma 7 (tests/prisma7/recordings/selfm2m.json): in a self m-n, the record of the field whose
    # name sorts first is in column A, its related rows in B
    followers, following = rel(kitchen, "Person", "followers"), rel(kitchen, "Person", "following")
    assert followers.join_table == "_Follows"
    assert (followers.self_column, followers.other_column) == ("A", "B")
    assert (following.self_column, following.other_column) == ("B", "A")
    assert followers.self_key == followers.other_key == "person_id"


def test_kitchen_self_one_to_one_and_explicit_actions(kitchen: Schema):
    mentor, mentee = rel(kitchen, "Person", "mentor"), rel(kitchen, "Person", "mentee")
    assert (mentor.kind, mentor.join, mentor.on_delete, mentor.on_update) == (
        "one_to_one", (("mentorId", "person_id"),), "Restrict", "Restrict")
    assert (mentee.holds_fk, mentee.join) == (False, (("person_id", "mentorId"),))


def test_kitchen_compound_keys_and_compound_foreign_key(kitchen: Schema):
    doc = kitchen.model("Document")
    assert doc.primary_key == ("tenant", "slug")
    assert doc.uniques == (UniqueIndex(("tenant", "slug"), "docKey", "document_pk"),
                           UniqueIndex(("tenant", "ownerId"), "tenant_ownerId", "doc_tenant_owner"))
    assert doc.indexes == (Index(("ownerId",), "doc_owner_idx"),)
    d = rel(kitchen, "Revision", "doc")
    assert d.fields == ("tenant", "docSlug") and d.references == ("tenant", "slug")
    assert d.join == (("tenant", "tenant"), ("doc_slug", "slug"))
    back = rel(kitchen, "Document", "revisions")
    assert back.join == (("tenant", "tenant"), ("slug", "doc_slug"))
    assert kitchen.model("Revision").uniques[1] == UniqueIndex(("tenant", "docSlug", "number"), "revisionNumber")


# -- smaller schemas --------------------------------------------------------------------------------


def _schema(body: str, provider: str = "sqlite") -> Schema:
    return parse_schema(f'datasource db {{\n  provider = "{provider}"\n  url = env("U")\n}}\n{body}')


@pytest.mark.parametrize(("written", "normalised", "dialect"), [
    ("sqlite", "sqlite", "sqlite"), ("postgresql", "postgresql", "postgres"), ("postgres", "postgresql", "postgres"),
    ("mysql", "mysql", "mysql"),
])
def test_provider_normalisation_and_dialect(written: str, normalised: str, dialect: str):
    s = _schema("model A {\n  id Int @id\n}\n", written)
    assert s.provider == normalised and dialect_of(s) == dialect


def test_no_datasource_means_sqlite():
    s = parse_schema("model A {\n  id Int @id\n}\n")
    assert s.datasource is None and dialect_of(s) == "sqlite"


def test_default_relation_name_sorts_model_names():
    s = _schema("""
model Zebra {
  id     Int     @id
  apples Apple[]
}
model Apple {
  id     Int     @id
  zebras Zebra[]
}
""")
    z = rel(s, "Zebra", "apples")
    assert (z.name, z.join_table, z.self_column) == ("AppleToZebra", "_AppleToZebra", "B")
    assert rel(s, "Apple", "zebras").self_column == "A"


def test_self_many_to_many_columns_as_prisma7_stores_them():
    # Measured with Prisma 7.10 (tests/prisma7/scenarios/selfm2m.json): rows (A=8, B=7), (A=7, B=9)
    # give Salmon(7).a_eats == [9], b_eatenBy == [8]; the rule follows the field NAMES, not the
    # declaration order (`zFans` declared first, `aIdols` sorts first and holds A).
    s = _schema("""
model Animal {
  id        Int      @id
  a_eats    Animal[] @relation(name: "FoodChain")
  b_eatenBy Animal[] @relation(name: "FoodChain")
}
model Person {
  id     Int      @id
  zFans  Person[] @relation("Fandom")
  aIdols Person[] @relation("Fandom")
}
""")
    assert (rel(s, "Animal", "a_eats").self_column, rel(s, "Animal", "a_eats").other_column) == ("A", "B")
    assert rel(s, "Animal", "b_eatenBy").other_column == "A"
    assert rel(s, "Person", "aIdols").self_column == "A"
    assert rel(s, "Person", "zFans").self_column == "B"


def test_optional_relation_over_required_scalar_defaults_to_restrict():
    s = _schema("""
model User {
  id    Int    @id
  posts Post[]
}
model Post {
  id       Int   @id
  authorId Int
  author   User? @relation(fields: [authorId], references: [id])
}
""")
    assert rel(s, "Post", "author").on_delete == "Restrict"


def test_model_without_id_uses_first_required_unique_as_key():
    s = _schema("""
model Setting {
  nick  String? @unique
  key   String  @unique
  value String
}
""")
    m = s.model("Setting")
    assert m.primary_key == ("key",)
    assert [u.name for u in m.uniques] == ["key", "nick"]


def test_string_escapes_and_doc_comment_lines():
    s = _schema('''
/// First line.
/// Second line.
model A {
  id   Int    @id
  /// not attached: a blank line follows

  name String @default("say \\"hi\\"\\n\\u00e9")
}
''')
    a = s.model("A")
    assert a.documentation == "First line.\nSecond line."
    assert a.field("name").default == Default("literal", 'say "hi"\n\u00e9')
    assert a.field("name").documentation is None


def test_every_scalar_type_and_literal_default():
    s = _schema("""
model T {
  id  Int      @id @default(autoincrement())
  s   String   @default("x")
  b   BigInt   @default(-9007199254740993)
  f   Float    @default(1500.25)
  d   Decimal  @default("0.10")
  o   Boolean  @default(true)
  t   DateTime @default("2024-02-29T12:00:00.123+02:00")
  j   Json     @default("[1, {\\"a\\": null}]")
  y   Bytes    @default("aGVsbG8=")
}
""")
    t = s.model("T")
    assert [(f.name, f.type, f.kind) for f in t.fields][1:] == [
        ("s", "String", "scalar"), ("b", "BigInt", "scalar"), ("f", "Float", "scalar"), ("d", "Decimal", "scalar"),
        ("o", "Boolean", "scalar"), ("t", "DateTime", "scalar"), ("j", "Json", "scalar"), ("y", "Bytes", "scalar")]
    assert [t.field(n).default.value for n in "sbfdotjy"] == [
        "x", -9007199254740993, 1500.25, "0.10", True, "2024-02-29T12:00:00.123+02:00", '[1, {"a": null}]', "aGVsbG8="]


def test_index_field_options_are_accepted():
    s = _schema("""
model A {
  id   Int    @id
  a    String
  b    String

  @@unique([a, b(sort: Desc)], name: "ab")
  @@index([b(length: 10)])
}
""", "mysql")
    a = s.model("A")
    assert a.uniques[1] == UniqueIndex(("a", "b"), "ab") and a.indexes == (Index(("b",)),)


def test_mysql_native_types_and_relation_mode_prisma_no_action():
    s = _schema("""
model User {
  id    Int    @id @db.UnsignedInt
  name  String @db.VarChar(191)
  flag  Boolean @db.TinyInt
  posts Post[]
}
model Post {
  id       Int  @id
  authorId Int  @db.UnsignedInt
  author   User @relation(fields: [authorId], references: [id], onDelete: NoAction)
}
""", "mysql")
    assert s.model("User").field("name").native_type == NativeType("VarChar", ("191",))
    assert rel(s, "Post", "author").on_delete == "NoAction"


def test_url_literal_is_kept_but_hidden_from_repr():
    s = parse_schema('datasource db {\n  provider = "mysql"\n  url = "mysql://root:pw123@localhost/x"\n}\n'
                     "model A {\n  id Int @id\n}\n")
    assert s.datasource.url == "mysql://root:pw123@localhost/x" and s.datasource.url_env is None
    assert "pw123" not in repr(s)


def test_load_schema_reports_the_path(tmp_path: Path):
    path = tmp_path / "bad.prisma"
    path.write_text("model A {\n  id Int @id\n  x Nope\n}\n", encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value).startswith(f"{path}:3:5: unknown type `Nope`")


def test_parsed_joins_name_real_columns_in_the_created_tables(blog: Schema, shop: Schema, saas: Schema):
    """Create each schema in SQLite (via migrate.ddl) and check every join column exists where it should."""
    from prisma_edge.migrate.ddl import ddl_statements

    for schema in (blog, shop, saas):
        db = sqlite3.connect(":memory:")
        for stmt in ddl_statements(schema, "sqlite"):
            db.execute(stmt)
        cols = {t: {r[1] for r in db.execute(f'PRAGMA table_info("{t}")')}
                for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for m in schema.models:
            for f in m.relation_fields:
                r = f.relation
                other = schema.model(r.to_model)
                if r.join_table:
                    assert {r.self_column, r.other_column} <= cols[r.join_table]
                    assert r.self_key in cols[m.db_name] and r.other_key in cols[other.db_name]
                else:
                    for mine, theirs in r.join:
                        assert mine in cols[m.db_name], (m.name, f.name, mine)
                        assert theirs in cols[other.db_name], (m.name, f.name, theirs)
        db.close()
