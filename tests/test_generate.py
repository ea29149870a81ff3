"""`prisma-edge generate`: the module it writes imports, embeds the schema, runs queries, type-checks.

The runtime tests run everywhere (CPython and Pyodide): generating is pure Python. The type-check
test runs mypy (CPython only) on a small app using the generated module: the correct app checks
clean, and the same app with one misspelt `where` field fails with an error naming that field.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
import typing
import uuid
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from prisma_edge import FieldRef, cli
from prisma_edge.client import ModelDelegate
from prisma_edge.errors import PrismaEdgeError, ValidationError
from prisma_edge.generate import DELEGATE_METHODS, GenerateError, generate
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema, parse_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "tests" / "schemas"


def load_generated(schema: str, tmp_path: Path) -> ModuleType:
    """Run the CLI on a copy of tests/schemas/<schema>.prisma and import what it wrote."""
    src = tmp_path / "schema.prisma"
    shutil.copy(SCHEMAS / f"{schema}.prisma", src)
    assert cli.main(["generate", "--schema", str(src)]) == 0
    path = tmp_path / "prisma_edge_client.py"
    name = f"generated_{schema}_{uuid.uuid4().hex[:8]}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("schema", ["blog", "shop", "saas", "kitchen", "relmode"])
def test_embedded_schema_equals_the_parsed_one(schema, tmp_path):
    gen = load_generated(schema, tmp_path)
    assert gen.SCHEMA == load_schema(SCHEMAS / f"{schema}.prisma")
    assert gen.SCHEMA is gen.SCHEMA  # built once
    for model in gen.SCHEMA.models:  # a record TypedDict per model: scalars always there
        record = getattr(gen, model.name)
        assert typing.is_typeddict(record)
        assert set(record.__required_keys__) == {f.name for f in model.scalar_fields}
    # one typed delegate per model, shared with the runtime's own name lookup (db.User)
    db = gen.Client(url="file:" + str(tmp_path / "x.db"))
    props = [name for name, v in vars(gen.Client).items() if isinstance(v, property)]
    seen = set()
    for prop in props:
        typed = getattr(db, prop)
        name = typed._model.name
        assert type(typed).__name__ == f"{name}Delegate" and isinstance(typed, ModelDelegate)
        assert getattr(db, name) is typed
        seen.add(name)
    assert seen == {m.name for m in gen.SCHEMA.models}


async def test_blog_queries_through_the_generated_client(tmp_path):
    gen = load_generated("blog", tmp_path)
    db = gen.Client(url="file:" + str(tmp_path / "blog.db"))  # no schema file: the embedded one
    try:
        await push_schema(db.adapter, db.schema)
        ada = await db.user.create({"email": "ada@example.com", "name": "Ada", "role": "ADMIN",
                                    "posts": {"create": [{"title": "Hello"}, {"title": "World", "views": 3}]}})
        assert ada["role"] == "ADMIN" and isinstance(ada["createdAt"], dt.datetime)
        users = await db.user.find_many(where={"posts": {"some": {"title": {"startswith": "Wor"}}}},
                                        include={"posts": {"order": {"title": "asc"}}, "_count": True})
        assert [u["email"] for u in users] == ["ada@example.com"]
        assert [p["title"] for p in users[0]["posts"]] == ["Hello", "World"] and users[0]["_count"]["posts"] == 2
        world = users[0]["posts"][1]
        bumped = await db.post.update({"views": {"increment": 2}}, where={"id": world["id"]})
        assert bumped["views"] == 5
        assert await db.post.count(where={"views": {"gte": 5}}) == 1
        first = await db.post.find_first(where={"author": {"is": {"email": "ada@example.com"}}}, order={"views": "desc"})
        assert first is not None and first["title"] == "World"
        assert [p["title"] for p in await db.post.find_many(where={"views": {"gt": FieldRef("id")}})] == ["World"]
        tags = await db.tag.create_many_and_return([{"name": "py"}, {"name": "edge"}])
        assert sorted(t["name"] for t in tags) == ["edge", "py"]
        with pytest.raises(ValidationError, match="emial"):
            await db.user.find_many(where={"emial": "x"})  # type: ignore[typeddict-unknown-key]
    finally:
        await db.close()


async def test_shop_types_round_trip_through_the_generated_client(tmp_path):
    gen = load_generated("shop", tmp_path)
    db = gen.Client(url="file:" + str(tmp_path / "shop.db"))
    model = gen.SCHEMA.model("Product")
    try:
        await push_schema(db.adapter, db.schema)
        required = {f.name for f in model.scalar_fields if f.is_required and f.default is None}
        data = {"name": "Keyboard", "price": Decimal("49.90"), "barcode": 2**40 + 7, "image": b"\x00\xff"}
        data.update({k: f"v-{k}" for k in required - data.keys()})
        p = await db.product.create(data)
        assert p["price"] == Decimal("49.90") and p["barcode"] == 2**40 + 7 and p["image"] == b"\x00\xff"
        assert p["soldCount"] == 0
        again = await db.product.find_unique(where={"barcode": 2**40 + 7})
        assert again == p
    finally:
        await db.close()


async def test_saas_compound_unique_through_the_generated_client(tmp_path):
    gen = load_generated("saas", tmp_path)
    db = gen.Client(url="file:" + str(tmp_path / "saas.db"))
    try:
        await push_schema(db.adapter, db.schema)
        t = await db.tenant.create({"slug": "acme", "name": "Acme", "users": {"create": {"email": "a@acme.io"}}})
        u = await db.user.find_unique(where={"tenant_email": {"tenantId": t["id"], "email": "a@acme.io"}},
                                      include={"tenant": True})
        assert u is not None and u["tenant"]["slug"] == "acme" and u["active"] is True
        n = await db.user.update_many({"displayName": "A"}, where={"tenantId": t["id"]})
        assert n == 1
    finally:
        await db.close()


def test_typed_delegates_cover_every_operation_of_the_runtime():
    public = {name for name in vars(ModelDelegate) if not name.startswith("_") and callable(getattr(ModelDelegate, name))}
    assert public == set(DELEGATE_METHODS), "a ModelDelegate method has no typed signature in generate.py (or vice versa)"


def test_cli_writes_beside_the_schema_and_check_detects_staleness(tmp_path, capsys):
    src = tmp_path / "schema.prisma"
    shutil.copy(SCHEMAS / "blog.prisma", src)
    assert cli.main(["generate", "--check", "--schema", str(src)]) == 1  # nothing generated yet
    assert cli.main(["generate", "--schema", str(src)]) == 0
    out = tmp_path / "prisma_edge_client.py"
    assert out.exists() and "class UserWhereInput" in out.read_text()
    assert cli.main(["generate", "--check", "--schema", str(src)]) == 0
    src.write_text(src.read_text() + "\nmodel Extra {\n  id Int @id\n}\n")
    assert cli.main(["generate", "--check", "--schema", str(src)]) == 1
    assert "out of date" in capsys.readouterr().err
    custom = tmp_path / "pkg" / "db_types.py"
    assert cli.main(["generate", "--schema", str(src), "--output", str(custom)]) == 0
    assert "class ExtraDelegate" in custom.read_text()


def test_models_named_like_client_methods_or_classes_keep_both(tmp_path):
    text = ('datasource db {\n  provider = "sqlite"\n  url = "file:x.db"\n}\n'
            "model Batch {\n  id Int @id\n  clientId Int\n  client Client @relation(fields: [clientId], references: [id])\n}\n"
            "model Client {\n  id Int @id\n  batches Batch[]\n}\n")
    (tmp_path / "schema.prisma").write_text(text)
    assert cli.main(["generate", "--schema", str(tmp_path / "schema.prisma")]) == 0
    spec = importlib.util.spec_from_file_location("gen_batch", tmp_path / "prisma_edge_client.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_batch"] = gen  # get_type_hints resolves names in the module
    spec.loader.exec_module(gen)
    db = gen.Client()
    assert type(db.Batch).__name__ == "BatchDelegate" and db.batch.__name__ == "batch"  # the method stays
    assert type(db.client).__name__ == "ClientDelegate"
    assert typing.is_typeddict(gen.ClientRecord) and set(gen.ClientRecord.__required_keys__) == {"id"}
    assert typing.get_type_hints(gen.Batch)["client"] is gen.ClientRecord


def test_clashing_generated_names_are_refused():
    schema = parse_schema('model User {\n  id Int @id\n}\nmodel UserWhereInput {\n  id Int @id\n}\n')
    with pytest.raises(GenerateError, match="UserWhereInput") as e:
        generate(schema)
    assert isinstance(e.value, PrismaEdgeError)


# ---- static typing -----------------------------------------------------------------------

APP = '''\
from __future__ import annotations

from prisma_edge import FieldRef
from prisma_edge_client import Client, Post, User


async def main() -> None:
    db = Client(url="file:./app.db")
    user: User = await db.user.create({"email": "ada@example.com", "posts": {"create": [{"title": "Hi"}]}})
    users = await db.user.find_many(
        where={"email": {"contains": "ada", "mode": "insensitive"}, "posts": {"some": {"published": False}}},
        include={"posts": {"order": {"createdAt": "desc"}, "take": 5}, "_count": True},
        order={"email": "asc"},
        take=10,
    )
    total: int = sum(len(u["posts"]) + u["_count"]["posts"] for u in users)
    post: Post = await db.post.update({"views": {"increment": 1}}, where={"id": user["id"]})
    first = await db.post.find_first(where={"author": {"is": {"email": "ada@example.com"}}, "views": {"gt": FieldRef("id")}})
    title: str = first["title"] if first is not None else ""
    await db.batch([db.post.delete_many(where={"views": {"lt": 0}}), db.tag.create({"name": "x"})])
    async with db.tx() as tx:
        await tx.user.update({"name": "A"}, where={"email": "ada@example.com"})
    renamed: list[Post] = await db.post.update_many_and_return({"title": "T"}, where={"views": {"gt": 1}})
    print(total, post["views"] + 1, title, len(renamed))
'''
MYPY_INI = "[mypy]\nstrict = True\nfollow_imports = silent\n[mypy-sqlglot.*]\nfollow_imports = skip\n"


def need_mypy() -> None:
    """Skip without mypy, except in CI (which installs it with the dev extra): there, fail."""
    try:
        import mypy  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("mypy is missing; CI installs it with the dev extra", pytrace=False)
        pytest.skip("mypy is not installed (pip install mypy)")


def run_mypy(workdir: Path, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--no-error-summary", *files],
                          cwd=workdir, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.no_pyodide("runs mypy in a subprocess")
def test_type_checker_accepts_the_app_and_names_a_misspelt_where_field(tmp_path):
    need_mypy()
    load_generated("blog", tmp_path)
    (tmp_path / "mypy.ini").write_text(MYPY_INI)
    (tmp_path / "app.py").write_text(APP)
    bad = APP.replace('where={"email": {"contains"', 'where={"emial": {"contains"')
    assert bad != APP
    (tmp_path / "bad_app.py").write_text(bad)

    good = run_mypy(tmp_path, "app.py", "prisma_edge_client.py")
    assert good.returncode == 0, good.stdout + good.stderr
    wrong = run_mypy(tmp_path, "bad_app.py")
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    errors = [line for line in wrong.stdout.splitlines() if ": error:" in line]
    line = 1 + bad.splitlines().index(next(x for x in bad.splitlines() if "emial" in x))
    assert len(errors) == 1 and errors[0].startswith(f"bad_app.py:{line}:"), wrong.stdout
    assert '"emial"' in errors[0] and "UserWhereInput" in errors[0]
