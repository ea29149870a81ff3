"""`db push` against real databases: SQLite, a throwaway PostgreSQL and a throwaway MariaDB.

Each schema is pushed, then checked two ways, both through the database's own eyes:
- its catalog (sqlite_master/PRAGMA, pg_catalog, information_schema) holds the tables, columns,
  keys, uniques, indexes and foreign keys the schema asks for, with Prisma's names;
- the constraints hold: duplicates, orphans and bad enum values are refused, ON DELETE CASCADE
  and SET NULL do their job.
Driver imports (psycopg, pymysql) happen inside functions: this module must import in Pyodide.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import pytest

from prisma_edge.cli import main
from prisma_edge.errors import ClientError
from prisma_edge.migrate.ddl import table_names
from prisma_edge.migrate.push import connect, parse_url, push_schema
from prisma_edge.schema.model import Schema
from tests.support.databases import temp_mysql, temp_postgres
from tests.test_ddl import hand_blog

SCHEMAS = Path(__file__).parent / "schemas"
PG = pytest.param("postgres", marks=pytest.mark.no_pyodide("PostgreSQL is reached with psycopg over TCP"))
MY = pytest.param("mysql", marks=pytest.mark.no_pyodide("MariaDB is reached with PyMySQL over TCP"))
DIALECTS = ["sqlite", PG, MY]


def sample(name: str, relation_mode: str | None = None) -> Schema:
    try:
        from prisma_edge.schema import parse_schema  # type: ignore[attr-defined]
    except ImportError:
        pytest.skip("the schema parser (prisma_edge.schema.parse_schema) has not landed yet")
    schema = parse_schema((SCHEMAS / f"{name}.prisma").read_text())
    if relation_mode:
        assert schema.datasource is not None
        schema = schema.evolve(datasource=attrs.evolve(schema.datasource, relation_mode=relation_mode))
    return schema


@contextlib.contextmanager
def database(dialect: str, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database of this dialect."""
    if dialect == "sqlite":
        yield f"file:{tmp_path / 'push.db'}"
    else:
        with (temp_postgres if dialect == "postgres" else temp_mysql)() as url:
            yield url


async def push(url: str, schema: Schema, *, drop_first: bool = False) -> list[str]:
    conn = connect(parse_url(url))
    try:
        return await push_schema(conn, schema, drop_first=drop_first)
    finally:
        conn.close()


# -- a raw driver connection, independent of the code under test ------------------------------


class Db:
    """Raw SQL on the real database. `{Name}` in SQL is a quoted identifier, `?` a parameter."""

    def __init__(self, dialect: str, url: str) -> None:
        self.dialect = dialect
        if dialect == "sqlite":
            self.conn = sqlite3.connect(url.removeprefix("file:"), isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
        elif dialect == "postgres":
            import psycopg

            self.conn = psycopg.connect(url, autocommit=True)
            self.errors = (psycopg.Error,)
        else:
            import pymysql

            u = urlsplit(url)
            self.conn = pymysql.connect(host=u.hostname, port=u.port or 3306, user=u.username or "root",
                                        password=u.password or "", database=u.path.lstrip("/"), autocommit=True)
            self.errors = (pymysql.Error,)

    def q(self, name: str) -> str:
        return f"`{name}`" if self.dialect == "mysql" else f'"{name}"'

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        sql = re.sub(r"\{(\w+)\}", lambda m: self.q(m.group(1)), sql)
        if self.dialect != "sqlite":
            sql = sql.replace("?", "%s")
        cur = self.conn.cursor()
        try:
            cur.execute(sql, params or None) if self.dialect != "sqlite" else cur.execute(sql, params)
            return [tuple(r) for r in cur.fetchall()] if cur.description else []
        finally:
            cur.close()

    def insert(self, table: str, **values: Any) -> None:
        cols = ", ".join(self.q(c) for c in values)
        self.rows(f"INSERT INTO {self.q(table)} ({cols}) VALUES ({', '.join('?' * len(values))})", *values.values())

    def fails(self, kind: str, action: Callable[[], Any]) -> None:
        """`action` must be refused by the database for the reason `kind` (unique|fk|enum)."""
        codes = {
            "sqlite": {"unique": "UNIQUE constraint failed", "fk": "FOREIGN KEY constraint failed",
                       "enum": "CHECK constraint failed"},
            "postgres": {"unique": "23505", "fk": "23503", "enum": "22P02"},
            "mysql": {"unique": "1062", "fk": ("1451", "1452"), "enum": "1265"},
        }[self.dialect][kind]
        try:
            action()
        except self.errors as e:
            got = {"postgres": getattr(e, "sqlstate", None), "mysql": str(e.args[0])}.get(self.dialect) or str(e)
            assert any(c in got for c in ((codes,) if isinstance(codes, str) else codes)), f"{kind}: {e}"
        else:
            pytest.fail(f"the database accepted what a {kind} constraint should refuse")

    def close(self) -> None:
        self.conn.close()


@attrs.define
class Catalog:
    """What the database says it holds. Index values: (columns, unique); fk values:
    (referenced table, referenced columns, on delete, on update, constraint name or None)."""

    columns: dict[str, dict[str, bool]] = attrs.field(factory=dict)  # table -> column -> nullable
    pk: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    indexes: dict[str, dict[str, tuple[tuple[str, ...], bool]]] = attrs.field(factory=dict)
    fks: dict[str, dict[tuple[str, ...], tuple[str, tuple[str, ...], str, str, str | None]]] = attrs.field(
        factory=dict)


_PG_ACTION = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}


def catalog(db: Db) -> Catalog:
    cat = Catalog()
    if db.dialect == "sqlite":
        tables = [r[0] for r in db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        for t in tables:
            info = db.rows(f"PRAGMA table_info({db.q(t)})")
            cat.columns[t] = {r[1]: not r[3] for r in info}
            cat.pk[t] = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
            cat.indexes[t] = {}
            for _, name, unique, origin, _ in db.rows(f"PRAGMA index_list({db.q(t)})"):
                if origin != "pk":
                    cols = tuple(r[2] for r in db.rows(f"PRAGMA index_info({db.q(name)})"))
                    cat.indexes[t][name] = (cols, bool(unique))
            fks: dict[int, list[Any]] = {}
            for fid, _, ref, frm, to, upd, dele, _ in db.rows(f"PRAGMA foreign_key_list({db.q(t)})"):
                fks.setdefault(fid, [ref, [], [], dele, upd])
                fks[fid][1].append(frm)
                fks[fid][2].append(to)
            cat.fks[t] = {tuple(f[1]): (f[0], tuple(f[2]), f[3], f[4], None) for f in fks.values()}
        return cat
    if db.dialect == "postgres":
        for t, c, nullable in db.rows("SELECT table_name, column_name, is_nullable FROM information_schema.columns "
                                      "WHERE table_schema = current_schema()"):
            cat.columns.setdefault(t, {})[c] = nullable == "YES"
        for t, name, unique, primary, cols in db.rows(
            "SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary, ARRAY(SELECT a.attname "
            "FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a "
            "ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) FROM pg_index ix "
            "JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
            "JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE ns.nspname = current_schema()"
        ):
            if primary:
                cat.pk[t] = tuple(cols)
            else:
                cat.indexes.setdefault(t, {})[name] = (tuple(cols), unique)
        for name, t, ref, dele, upd, cols, refs in db.rows(
            "SELECT c.conname, t.relname, rt.relname, c.confdeltype, c.confupdtype, "
            "ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
            "ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), "
            "ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
            "ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid "
            "JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE c.contype = 'f' AND ns.nspname = current_schema()"
        ):
            cat.fks.setdefault(t, {})[tuple(cols)] = (ref, tuple(refs), _PG_ACTION[dele], _PG_ACTION[upd], name)
    else:
        for t, c, nullable in db.rows("SELECT TABLE_NAME, COLUMN_NAME, IS_NULLABLE FROM information_schema.COLUMNS "
                                      "WHERE TABLE_SCHEMA = DATABASE()"):
            cat.columns.setdefault(t, {})[c] = nullable == "YES"
        idx: dict[tuple[str, str], tuple[list[str], bool]] = {}
        for t, name, non_unique, c in db.rows(
            "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS "
            "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"
        ):
            idx.setdefault((t, name), ([], not non_unique))[0].append(c)
        for (t, name), (cols, unique) in idx.items():
            if name == "PRIMARY":
                cat.pk[t] = tuple(cols)
            else:
                cat.indexes.setdefault(t, {})[name] = (tuple(cols), unique)
        fk: dict[tuple[str, str], list[Any]] = {}
        for name, t, ref, dele, upd, c, rc in db.rows(
            "SELECT r.CONSTRAINT_NAME, r.TABLE_NAME, r.REFERENCED_TABLE_NAME, r.DELETE_RULE, r.UPDATE_RULE, "
            "k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS r "
            "JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA "
            "AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME AND k.TABLE_NAME = r.TABLE_NAME "
            "WHERE r.CONSTRAINT_SCHEMA = DATABASE() ORDER BY r.CONSTRAINT_NAME, k.ORDINAL_POSITION"
        ):
            fk.setdefault((t, name), [ref, [], [], dele, upd])
            fk[(t, name)][1].append(c)
            fk[(t, name)][2].append(rc)
        for (t, name), (ref, cols, refs, dele, upd) in fk.items():
            cat.fks.setdefault(t, {})[tuple(cols)] = (ref, tuple(refs), dele, upd, name)
    return cat


def assert_catalog_matches(cat: Catalog, schema: Schema, *, with_fks: bool) -> None:
    """Generic: every model's table, columns, nullability, PK, uniques, indexes and FKs are there."""
    expected_fks = 0
    for m in schema.models:
        t = m.db_name
        col = {f.name: f.db_name for f in m.scalar_fields}
        # scalar lists are nullable columns, as Prisma makes them
        cols = (*m.scalar_fields, *m.ignored_fields)  # `@ignore`d fields keep their columns
        assert cat.columns.get(t) == {f.db_name: not f.is_required or f.is_list for f in cols}, t
        assert cat.pk.get(t) == tuple(col[n] for n in m.primary_key), t
        indexes = set(cat.indexes.get(t, {}).values())
        for u in m.uniques:
            if tuple(u.fields) != tuple(m.primary_key):
                assert (tuple(col[n] for n in u.fields), True) in indexes, (t, u)
        for i in m.indexes:
            assert (tuple(col[n] for n in i.fields), False) in indexes, (t, i)
        prefixes = [cols for cols, _ in indexes] + [cat.pk[t]]
        for f in m.relation_fields:
            r = f.relation
            if r is None or not r.holds_fk or r.kind == "many_to_many":
                continue
            fk_cols = tuple(col[n] for n in r.fields)
            if with_fks and cat.fks.get(t, {}).get(fk_cols, (None,) * 5)[4] in cat.indexes.get(t, {}):
                # MySQL indexes a foreign key itself (Prisma's DDL adds no index for it anywhere)
                assert any(p[: len(fk_cols)] == fk_cols for p in prefixes), f"{t}{fk_cols} has no index"
            if with_fks:
                parent = schema.model(r.to_model)
                assert parent is not None
                ref, refs = cat.fks[t][fk_cols][:2]
                assert (ref, refs) == (parent.db_name, tuple(parent.field(n).db_name for n in r.references))
                expected_fks += 1
    for m in schema.models:
        for f in m.relation_fields:
            jt = f.relation.join_table if f.relation else None
            if jt and f.relation.self_column == "A":
                assert cat.columns[jt] == {"A": False, "B": False}
                if cat.pk.get(jt) != ("A", "B"):  # PostgreSQL: the primary key `<jt>_AB_pkey`, as Prisma 6+
                    assert cat.indexes[jt][f"{jt}_AB_unique"] == (("A", "B"), True)
                assert cat.indexes[jt][f"{jt}_B_index"] == (("B",), False)
                if with_fks:
                    assert {c: v[2:4] for c, v in cat.fks[jt].items()} == {
                        ("A",): ("CASCADE", "CASCADE"), ("B",): ("CASCADE", "CASCADE")}
                    expected_fks += 2
    assert sum(len(v) for v in cat.fks.values()) == expected_fks


# -- the catalog, schema by schema -------------------------------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name", ["hand_blog", "blog", "shop", "saas"])
async def test_push_creates_what_the_schema_describes(name: str, dialect: str, tmp_path: Path):
    schema = hand_blog() if name == "hand_blog" else sample(name)
    with database(dialect, tmp_path) as url:
        await push(url, schema)
        db = Db(dialect, url)
        try:
            assert_catalog_matches(catalog(db), schema, with_fks=True)
        finally:
            db.close()


def fk(cat: Catalog, table: str, *cols: str) -> tuple[str, tuple[str, ...], str, str, str | None]:
    return cat.fks[table][cols]


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_blog_names_actions_and_constraints(dialect: str, tmp_path: Path):
    with database(dialect, tmp_path) as url:
        await push(url, sample("blog"))
        db = Db(dialect, url)
        try:
            cat = catalog(db)
            assert set(cat.columns) == {"users", "Profile", "Post", "Comment", "Tag", "_PostToTag"}
            assert cat.indexes["users"]["users_email_key"] == (("email",), True)
            assert cat.indexes["Post"]["Post_authorId_idx"] == (("authorId",), False)
            assert "Comment_parentId_idx" not in cat.indexes.get("Comment", {})  # as Prisma: no index for a foreign key
            named = dialect != "sqlite"  # SQLite does not report constraint names
            assert fk(cat, "Comment", "postId") == ("Post", ("id",), "CASCADE", "CASCADE",
                                                    "Comment_postId_fkey" if named else None)
            assert fk(cat, "Post", "authorId")[2:4] == ("RESTRICT", "CASCADE")  # required: Restrict
            assert fk(cat, "Comment", "parentId")[2] == "SET NULL"  # optional: SetNull
            assert "created_at" in cat.columns["users"]

            db.insert("users", id=1, email="ada@example.com")
            assert db.rows("SELECT {role}, {created_at} IS NOT NULL FROM {users}") in ([("USER", True)], [("USER", 1)])
            db.fails("unique", lambda: db.insert("users", id=2, email="ada@example.com"))
            if dialect != "sqlite":  # Prisma's SQLite enums are plain TEXT (no CHECK)
                db.fails("enum", lambda: db.insert("users", id=3, email="bob@example.com", role="OWNER"))
            db.insert("users", id=4, email="eve@example.com", role="EDITOR")
            db.insert("Post", id=1, title="Hello", authorId=1, updatedAt="2024-01-01 00:00:00")
            db.fails("fk", lambda: db.insert("Post", id=2, title="Orphan", authorId=99, updatedAt="2024-01-01"))
            db.insert("Comment", id=1, body="first", postId=1, authorId=4)
            db.insert("Comment", id=2, body="reply", postId=1, authorId=1, parentId=1)
            db.rows("DELETE FROM {Comment} WHERE {id} = ?", 1)
            assert db.rows("SELECT {parentId} FROM {Comment} WHERE {id} = ?", 2) == [(None,)]  # SetNull
            db.fails("fk", lambda: db.rows("DELETE FROM {users} WHERE {id} = ?", 1))  # Restrict: has posts
            db.insert("Tag", id=1, name="news")
            db.insert("_PostToTag", A=1, B=1)
            db.fails("unique", lambda: db.insert("_PostToTag", A=1, B=1))
            db.fails("fk", lambda: db.insert("_PostToTag", A=1, B=42))
            db.rows("DELETE FROM {Post} WHERE {id} = ?", 1)
            assert db.rows("SELECT COUNT(*) FROM {Comment}") == [(0,)]  # Cascade
            assert db.rows("SELECT COUNT(*) FROM {_PostToTag}") == [(0,)]  # m-n rows go with the post
        finally:
            db.close()


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_shop_mapped_names_enum_values_and_compound_key(dialect: str, tmp_path: Path):
    with database(dialect, tmp_path) as url:
        await push(url, sample("shop"))
        db = Db(dialect, url)
        try:
            cat = catalog(db)
            assert cat.pk["order_items"] == ("orderId", "productId")
            assert cat.indexes["products"]["products_stock_code_key"] == (("stock_code",), True)
            assert cat.indexes["products"]["product_name_idx"] == (("name",), False)  # map:
            assert cat.indexes["Order"]["Order_customerId_placedAt_idx"] == (("customerId", "placedAt"), False)
            assert fk(cat, "order_items", "productId")[:3] == ("products", ("id",), "RESTRICT")

            db.insert("Customer", id=1, email="c@example.com", name="C")
            db.insert("products", id=1, stock_code="SKU-1", name="Pen", price="1.50")
            db.fails("unique", lambda: db.insert("products", id=2, stock_code="SKU-1", name="Pen 2", price="2"))
            db.insert("Order", id=1, number="o1", status="canceled", customerId=1, updatedAt="2024-01-01")
            if dialect != "sqlite":  # Prisma's SQLite enums are plain TEXT (no CHECK)
                db.fails("enum", lambda: db.insert("Order", id=2, number="o2", status="CANCELLED", customerId=1,
                                                   updatedAt="2024-01-01"))  # stored by its @map
            assert db.rows("SELECT {status} FROM {Order}") == [("canceled",)]
            db.insert("order_items", orderId=1, productId=1, unitPrice="1.50")
            db.fails("unique", lambda: db.insert("order_items", orderId=1, productId=1, unitPrice="1"))
            db.fails("fk", lambda: db.rows("DELETE FROM {products} WHERE {id} = ?", 1))  # ordered: Restrict
            db.rows("DELETE FROM {Customer} WHERE {id} = ?", 1)  # cascades to orders, then their items
            assert db.rows("SELECT COUNT(*) FROM {order_items}") == [(0,)]
        finally:
            db.close()


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_saas_compound_unique_self_relation_and_cascades(dialect: str, tmp_path: Path):
    with database(dialect, tmp_path) as url:
        await push(url, sample("saas"))
        db = Db(dialect, url)
        try:
            cat = catalog(db)
            assert cat.indexes["User"]["User_tenantId_email_key"] == (("tenantId", "email"), True)
            assert "User_managerId_idx" not in cat.indexes["User"]  # as Prisma: no index for a foreign key
            assert fk(cat, "User", "managerId")[:3] == ("User", ("id",), "SET NULL")
            assert "_PermissionToRole" in cat.columns

            db.insert("Tenant", id="t1", slug="acme", name="Acme")
            db.insert("User", id="u1", tenantId="t1", email="a@acme.io")
            db.insert("User", id="u2", tenantId="t1", email="b@acme.io", managerId="u1")
            db.fails("unique", lambda: db.insert("User", id="u3", tenantId="t1", email="a@acme.io"))
            db.rows("DELETE FROM {User} WHERE {id} = ?", "u1")
            assert db.rows("SELECT {managerId} FROM {User} WHERE {id} = ?", "u2") == [(None,)]
            db.insert("Role", id="r1", tenantId="t1", name="admin")
            db.insert("Membership", userId="u2", roleId="r1")
            db.rows("DELETE FROM {Tenant} WHERE {id} = ?", "t1")
            assert db.rows("SELECT COUNT(*) FROM {User}") == [(0,)]
            assert db.rows("SELECT COUNT(*) FROM {Membership}") == [(0,)]
        finally:
            db.close()


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_relation_mode_prisma_pushes_no_foreign_keys_but_indexes_relations(dialect: str, tmp_path: Path):
    schema = sample("blog", relation_mode="prisma")
    with database(dialect, tmp_path) as url:
        await push(url, schema)
        db = Db(dialect, url)
        try:
            cat = catalog(db)
            assert_catalog_matches(cat, schema, with_fks=False)
            assert "Comment_postId_idx" not in cat.indexes.get("Comment", {})  # Prisma warns; adds none
            db.insert("Post", id=1, title="Orphan", authorId=99, updatedAt="2024-01-01")  # nothing refuses it
        finally:
            db.close()


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_datetime_defaults_are_accepted_and_stored_in_utc(dialect: str, tmp_path: Path):
    import datetime as dt

    from prisma_edge.schema.model import Default, Field, Model, NativeType

    event = Model("Event", "Event", (
        Field("id", "Int", "scalar", "id", is_id=True),
        Field("at", "DateTime", "scalar", "at", default=Default("now")),
        Field("fixed", "DateTime", "scalar", "fixed", default=Default("literal", "2000-01-01T02:00:00+02:00")),
        Field("day", "DateTime", "scalar", "day", is_required=False, native_type=NativeType("Date"),
              default=Default("literal", "2000-01-01T00:00:00Z")),
    ), ("id",))
    with database(dialect, tmp_path) as url:
        await push(url, Schema((event,)))
        db = Db(dialect, url)
        try:
            db.insert("Event", id=1)
            [(at, fixed, day)] = db.rows("SELECT {at}, {fixed}, {day} FROM {Event}")
            assert at is not None
            if dialect == "sqlite":  # now(): CURRENT_TIMESTAMP as Prisma (the client sets it itself)
                assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", at)
                assert (fixed, day) == ("2000-01-01T00:00:00.000+00:00", "2000-01-01T00:00:00.000+00:00")
            else:
                assert (fixed, day) == (dt.datetime(2000, 1, 1), dt.date(2000, 1, 1))
        finally:
            db.close()


@pytest.mark.no_pyodide("PostgreSQL is reached with psycopg over TCP")
@pytest.mark.parametrize("relation_mode", ["prisma", "foreignKeys"])
async def test_kitchen_postgres_native_types_lists_and_compound_keys(relation_mode: str, tmp_path: Path):
    schema = sample("kitchen", relation_mode=relation_mode)
    with database("postgres", tmp_path) as url:
        await push(url, schema)
        db = Db("postgres", url)
        try:
            cat = catalog(db)
            assert_catalog_matches(cat, schema, with_fks=relation_mode == "foreignKeys")
            assert cat.pk["Document"] == ("tenant", "slug")
            assert cat.indexes["Document"]["doc_owner_idx"] == (("ownerId",), False)
            if relation_mode == "foreignKeys":
                assert fk(cat, "Revision", "tenant", "doc_slug")[:3] == ("Document", ("tenant", "slug"), "RESTRICT")
            types = dict(db.rows("SELECT column_name, udt_name FROM information_schema.columns "
                                 "WHERE table_name = 'people'"))
            assert (types["handle"], types["uid"], types["settings"], types["born"], types["badges"]) == (
                "varchar", "uuid", "jsonb", "date", "_status")
            db.insert("people", handle="ada")
            row = db.rows("SELECT {nicknames}, {scores}, {badges}::text, {balance}::text, {settings}->>'theme', "
                          "{born}::text, {uid} IS NOT NULL FROM {people}")
            assert row == [([], [1, 2], "{draft}", "12.50", "dark", "2000-01-01", True)]
            db.fails("unique", lambda: db.insert("people", handle="ada"))
            db.fails("enum", lambda: db.rows("INSERT INTO {people} ({handle}, {badges}) VALUES ('b', '{DRAFT}')"))
        finally:
            db.close()


@pytest.mark.parametrize("dialect", DIALECTS)
async def test_pushing_twice_needs_drop_first_which_drops_the_data(dialect: str, tmp_path: Path):
    schema = hand_blog()
    with database(dialect, tmp_path) as url:
        await push(url, schema)
        db = Db(dialect, url)
        try:
            db.insert("users", id=1, email="a@example.com")
            db.insert("Post", id=1, title="t", authorId=1)
            assert await push(url, schema) == []  # the same schema again: no difference (Prisma's db push diffs)
            assert db.rows("SELECT COUNT(*) FROM {users}") == [(1,)]  # the data is untouched
            await push(url, schema, drop_first=True)
            assert db.rows("SELECT COUNT(*) FROM {users}") == [(0,)]
            assert_catalog_matches(catalog(db), schema, with_fks=True)
        finally:
            db.close()


async def test_push_schema_through_the_sqlite_adapter():
    from prisma_edge.fetch_adapters.base import Query
    from prisma_edge.fetch_adapters.sqlite import SqliteAdapter

    adapter = SqliteAdapter(":memory:")
    try:
        statements = await push_schema(adapter, hand_blog())
        assert adapter.stats.statements == len(statements) + 1  # + the catalog look-up
        await adapter.query(Query('INSERT INTO "users" ("email") VALUES (?)', ("a@example.com",)))
        rs = await adapter.query(Query('SELECT "id", "role" FROM "users"'))
        assert rs.rows == ((1, "USER"),)
        await push_schema(adapter, hand_blog(), drop_first=True)
        assert (await adapter.query(Query('SELECT COUNT(*) FROM "users"'))).rows == ((0,),)
    finally:
        await adapter.close()


@pytest.mark.parametrize("adapter", ["neon_http", "planetscale"])
async def test_push_schema_over_the_network_adapters(adapter: str):
    """Neon HTTP runs the DDL as one batch; PlanetScale statement by statement, through our endpoints."""
    from prisma_edge.errors import ForeignKeyError, UniqueConstraintError
    from prisma_edge.fetch_adapters.base import Query
    from tests.support.clients import make_adapter, reset_database

    a = make_adapter(adapter)
    try:
        await reset_database(a)
        pg = a.dialect == "postgres"

        def insert(table: str, **values: Any) -> Query:
            cols = ", ".join(f'"{c}"' if pg else f"`{c}`" for c in values)
            marks = ", ".join(f"${i + 1}" if pg else "?" for i in range(len(values)))
            name = f'"{table}"' if pg else f"`{table}`"
            return Query(f"INSERT INTO {name} ({cols}) VALUES ({marks})", tuple(values.values()))

        schema = sample("blog")
        await push_schema(a, schema)
        await a.query(insert("users", id=1, email="a@example.com"))
        with pytest.raises(UniqueConstraintError):
            await a.query(insert("users", id=2, email="a@example.com"))
        with pytest.raises(ForeignKeyError):
            await a.query(insert("Post", id=1, title="t", authorId=9, updatedAt="2024-01-01 00:00:00"))
        # the same schema again: no difference, nothing run, the rows stay (PlanetScale: over HTTP,
        # no scratch database: the datamodel side is read from prefixed tables, dropped after)
        assert await push_schema(a, schema) == []
        tables = await a.query(Query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()" if pg
                                     else "SHOW TABLES"))
        assert sorted(str(r[0]) for r in tables.rows) == sorted(table_names(schema)), tables.rows  # no scratch left
        grown = sample("blog")  # a new optional column and an index: applied, the rows stay
        grown = grown.evolve(models=tuple(
            attrs.evolve(m, fields=(*m.fields, attrs.evolve(m.field("name"), name="nickname", db_name="nickname")))
            if m.db_name == "users" else m for m in grown.models))
        applied = await push_schema(a, grown)
        assert applied and all("nickname" in s for s in applied), applied
        rows = await a.query(Query('SELECT "email", "nickname" FROM "users"' if pg
                                   else "SELECT `email`, `nickname` FROM `users`"))
        assert rows.rows == (("a@example.com", None),)
        await push_schema(a, schema, drop_first=True)
        count = await a.query(Query('SELECT COUNT(*) FROM "users"' if pg else "SELECT COUNT(*) FROM `users`"))
        assert int(count.rows[0][0]) == 0
    finally:
        await a.close()


# -- the command line --------------------------------------------------------------------------


def write_schema(tmp_path: Path, name: str, provider: str, url: str = 'env("DATABASE_URL")') -> Path:
    text = (SCHEMAS / f"{name}.prisma").read_text()
    text = re.sub(r'provider = "sqlite"\n  url      = env\("DATABASE_URL"\)',
                  f'provider = "{provider}"\n  url      = {url}', text, count=1)
    assert f'provider = "{provider}"' in text
    path = tmp_path / "prisma" / "schema.prisma"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return path


def test_cli_push_sqlite_relative_to_the_schema_and_force_reset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]):
    sample("blog")  # skips until the parser lands
    path = write_schema(tmp_path, "blog", "sqlite")
    monkeypatch.setenv("DATABASE_URL", "file:./dev.db")
    monkeypatch.chdir(tmp_path)
    assert main(["db", "push", "--schema", str(path)]) == 0
    db_file = tmp_path / "prisma" / "dev.db"  # like Prisma: relative to the schema file
    assert "pushed 6 tables" in capsys.readouterr().out
    db = Db("sqlite", f"file:{db_file}")
    try:
        db.insert("users", id=1, email="a@example.com")
        assert main(["db", "push", "--schema", str(path)]) == 0  # no difference: nothing changes
        assert db.rows("SELECT COUNT(*) FROM {users}") == [(1,)]
        assert main(["db", "push", "--schema", str(path), "--force-reset"]) == 0
        assert db.rows("SELECT COUNT(*) FROM {users}") == [(0,)]
        assert main(["db", "push", "--schema", str(path), "--force-reset"]) == 0
        assert_catalog_matches(catalog(db), sample("blog"), with_fks=True)
    finally:
        db.close()


@pytest.mark.no_pyodide("PostgreSQL is reached with psycopg over TCP")
def test_cli_push_postgres_twice_with_force_reset(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    sample("saas")
    path = write_schema(tmp_path, "saas", "postgresql")
    with temp_postgres() as url:
        for argv in ([], ["--force-reset"], ["--force-reset"]):
            assert main(["db", "push", "--schema", str(path), "--url", url, *argv]) == 0
        out = capsys.readouterr().out
        assert out.count("pushed 6 tables") == 3 and out.count("reset and pushed") == 2
        db = Db("postgres", url)
        try:
            assert_catalog_matches(catalog(db), sample("saas"), with_fks=True)
        finally:
            db.close()


@pytest.mark.no_pyodide("MariaDB is reached with PyMySQL over TCP")
def test_cli_push_mysql_from_the_datasource_url(tmp_path: Path):
    sample("shop")
    with temp_mysql() as url:
        path = write_schema(tmp_path, "shop", "mysql", url=f'"{url}"')
        assert main(["db", "push", "--schema", str(path)]) == 0
        assert main(["db", "push", "--schema", str(path), "--force-reset"]) == 0
        db = Db("mysql", url)
        try:
            assert_catalog_matches(catalog(db), sample("shop"), with_fks=True)
        finally:
            db.close()


def test_cli_print_shows_the_ddl_without_connecting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]):
    sample("shop")
    path = write_schema(tmp_path, "shop", "postgresql", url='env("PE_TEST_NEVER_SET")')
    monkeypatch.delenv("PE_TEST_NEVER_SET", raising=False)
    assert main(["db", "push", "--schema", str(path), "--print"]) == 0
    out = capsys.readouterr().out
    assert "CREATE TYPE \"OrderStatus\" AS ENUM ('PENDING', 'PAID', 'SHIPPED', 'canceled');" in out
    assert 'CREATE TABLE "order_items" (\n' in out


def test_cli_reads_the_url_from_a_dotenv_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    sample("shop")
    path = write_schema(tmp_path, "shop", "sqlite", url='env("PE_TEST_DOTENV_URL")')
    monkeypatch.delenv("PE_TEST_DOTENV_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text('# local settings\nOTHER=1\nPE_TEST_DOTENV_URL="file:./from-dotenv.db"\n')
    assert main(["db", "push", "--schema", str(path)]) == 0
    assert (path.parent / "from-dotenv.db").exists()


def test_cli_errors_name_the_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]):
    sample("blog")
    monkeypatch.delenv("PE_TEST_NEVER_SET", raising=False)
    path = write_schema(tmp_path, "blog", "postgresql", url='env("PE_TEST_NEVER_SET")')
    assert main(["db", "push", "--schema", str(path)]) == 1
    assert "PE_TEST_NEVER_SET" in capsys.readouterr().err
    assert main(["db", "push", "--schema", str(path), "--url", "file:./x.db"]) == 1
    assert "the URL must start with the protocol `postgresql://`" in capsys.readouterr().err  # Prisma's P1012
    assert main(["db", "push", "--schema", str(tmp_path / "missing.prisma")]) == 1
    assert "cannot read the schema file" in capsys.readouterr().err


def test_cli_schema_errors_name_the_file_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    sample("blog")
    path = tmp_path / "prisma" / "broken.prisma"  # not the default name, so the location is this file's
    path.parent.mkdir()
    path.write_text('datasource db {\n  provider = "sqlite"\n  url      = "file:./dev.db"\n}\n\n'
                    "model User {\n  id    Int    @id\n  posts Pst[]\n}\n")
    assert main(["db", "push", "--schema", str(path), "--print"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:8:9: unknown type `Pst`" in err
    assert "schema.prisma" not in err


@pytest.mark.no_pyodide("psycopg/PyMySQL connect over TCP")
@pytest.mark.parametrize("url", ["postgresql://admin:hunter2secret@127.0.0.1:1/app",
                                 "mysql://admin:hunter2secret@127.0.0.1:1/app"])
def test_cli_never_prints_the_password(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    sample("blog")
    provider = "postgresql" if url.startswith("postgresql") else "mysql"
    path = write_schema(tmp_path, "blog", provider, url=f'"{url}"')
    assert main(["db", "push", "--schema", str(path)]) == 1
    captured = capsys.readouterr()
    assert "cannot connect to" in captured.err and "127.0.0.1:1" in captured.err
    assert "hunter2secret" not in captured.err + captured.out


def test_parse_url_keeps_the_password_out_of_repr():
    target = parse_url("postgresql://u:hunter2secret@db.example.com/app?sslmode=require&connection_limit=5")
    assert "hunter2secret" not in repr(target) and "hunter2secret" not in target.display
    assert target.display == 'postgres database "app" at db.example.com:5432'
    assert target.conninfo is not None and "connection_limit" not in target.conninfo
    mysql = parse_url("mysql://u:p%40ss@h:3307/shop")
    assert (mysql.host, mysql.port, mysql.user, mysql.password, mysql.database) == ("h", 3307, "u", "p@ss", "shop")
    assert "p@ss" not in repr(mysql)
    with pytest.raises(ClientError, match="prisma://"):
        parse_url("prisma://accelerate.prisma-data.net/?api_key=x")


async def test_planetscale_push_leaves_no_scratch_tables_even_when_the_ddl_fails():
    """Over HTTP the datamodel side is prefixed scratch tables (migrate/live/prefixed.py): a stale one
    from a killed process is never read as the user's, and a DDL that fails midway leaves none."""
    from prisma_edge.errors import DatabaseError
    from prisma_edge.fetch_adapters.base import Query
    from prisma_edge.schema import parse_schema
    from tests.support.clients import make_adapter, reset_database

    a = make_adapter("planetscale")
    try:
        await reset_database(a)
        schema = sample("blog")
        await push_schema(a, schema)
        await a.query(Query("CREATE TABLE `_pes0a1b2c_users` (`id` INTEGER NOT NULL PRIMARY KEY)"))  # stale
        assert await push_schema(a, schema) == []  # not a table of the user's: nothing to drop
        broken = parse_schema(
            'datasource db {\n  provider = "mysql"\n}\n'
            "model users {\n  id Int @id\n  email String @unique\n}\n"
            'model zz {\n  id Int @id\n  v Int @default(dbgenerated("nosuchfn()"))\n}\n'
        )  # `users` is created in the scratch, then `zz` fails
        with pytest.raises(DatabaseError) as info:
            await push_schema(a, broken)
        assert "nosuchfn" in str(info.value).lower(), str(info.value)
        left = sorted(str(r[0]) for r in (await a.query(Query("SHOW TABLES"))).rows if str(r[0]).startswith("_pes"))
        assert left == ["_pes0a1b2c_users"], left  # only the stale one we made: the failed scratch is gone
    finally:
        await a.close()
