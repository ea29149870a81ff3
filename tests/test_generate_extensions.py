"""`prisma-edge generate` types the sync client, `extend` and the global `omit`: the generated
`SyncClient` runs (results returned directly), and mypy accepts an app using them and names a
misspelt field in a global omit or a sync `where`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from prisma_edge import cli, sync
from prisma_edge.migrate.push import push_schema
from tests.test_generate import MYPY_INI, load_generated, run_mypy

SYNC_APP = """\
from __future__ import annotations

from prisma_edge.client.extensions.extend import QueryParams
from prisma_edge_client import Client, SyncClient, User
from typing import Any, Awaitable, Callable


async def log(params: QueryParams, next: Callable[..., Awaitable[Any]]) -> Any:
    return await next(params.args)


def main() -> None:
    db = SyncClient(url="file:./app.db", omit={"user": {"email": True}}, log=["query"])
    user: User = db.user.create({"email": "ada@example.com"})
    users: list[User] = db.user.find_many(where={"email": {"contains": "ada"}}, take=3)
    x = db.extend(query={"$all_models": {"$all_operations": log}})
    again: User | None = x.user.find_unique(where={"id": user["id"]})
    with x.tx() as tx:
        tx.user.update({"name": "A"}, where={"id": user["id"]})
        row = tx.query_first("SELECT 1")
    made, n = x.batch([x.lazy.tag.create({"name": "t"}), x.lazy.tag.count()])
    off = x.on("query", lambda e: None)
    off()
    print(len(users), again, row, made, n)


async def amain() -> None:
    adb = Client(url="file:./app.db", omit={"post": {"content": True}}).extend(query={"user": {"find_many": log}})
    found: list[User] = await adb.user.find_many()
    print(found)
"""


def test_generated_sync_client_runs(tmp_path):
    gen = load_generated("blog", tmp_path)
    db = gen.SyncClient(url=":memory:", omit={"user": {"name": True}})
    sync.run_sync(push_schema(db.adapter, db.schema), db._loop)
    u = db.user.create({"email": "a@x.io", "name": "A"})
    assert "name" not in u and type(db.user).__name__ == "SyncUserDelegate"
    assert type(db.lazy).__name__ == "Client" and type(db.lazy) is gen.Client
    with db.tx() as tx:
        assert tx.user.count() == 1
    assert db.extend(query={}).user.find_unique(where={"id": u["id"]}, omit={"name": False})["name"] == "A"
    db.close()


@pytest.mark.no_pyodide("runs mypy in a subprocess")
def test_type_checker_accepts_sync_extend_and_omit(tmp_path):
    try:
        import mypy  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("mypy is missing; CI installs it with the dev extra", pytrace=False)
        pytest.skip("mypy is not installed (pip install mypy)")
    load_generated("blog", tmp_path)
    (tmp_path / "mypy.ini").write_text(MYPY_INI)
    (tmp_path / "app.py").write_text(SYNC_APP)
    good = run_mypy(tmp_path, "app.py", "prisma_edge_client.py")
    assert good.returncode == 0, good.stdout + good.stderr
    for wrong, name in (
        ('omit={"user": {"email": True}}', 'omit={"user": {"emial": True}}'),
        ('where={"email": {"contains": "ada"}}', 'where={"emial": {"contains": "ada"}}'),
    ):
        bad = SYNC_APP.replace(wrong, name)
        assert bad != SYNC_APP
        (tmp_path / "bad_app.py").write_text(bad)
        result = run_mypy(tmp_path, "bad_app.py")
        errors = [line for line in result.stdout.splitlines() if ": error:" in line]
        assert result.returncode == 1 and len(errors) == 1 and '"emial"' in errors[0], result.stdout


COMPUTED_APP = """\
from __future__ import annotations

from prisma_edge_client import Client, User


async def main() -> None:
    db = Client(url="file:./app.db")
    users: list[User] = await db.user.find_many(omit={"fullName": True}, where={"email": {"contains": "@"}})
    picked = await db.user.find_first(select={"initials": True, "email": True})
    if users and picked is not None:
        name: str = users[0]["fullName"]
        letters: str = picked["initials"]
        print(name, letters)
"""


def _generate_with_names(tmp_path):
    examples = Path(__file__).resolve().parents[1] / "examples" / "extensions"
    shutil.copy(examples / "schema.prisma", tmp_path / "schema.prisma")
    ext = f"{examples / 'computed_field.py'}:names"
    assert cli.main(["generate", "--schema", str(tmp_path / "schema.prisma"), "--extensions", ext]) == 0
    return (tmp_path / "prisma_edge_client.py").read_text()


def test_generate_types_computed_fields_from_the_extension(tmp_path):
    source = _generate_with_names(tmp_path)
    record = source[source.index("class User("):]
    record = record[: record.index("\n\n")]
    assert "fullName: str" in record and "initials: str" in record  # from compute's `-> str`
    assert "class UserOmit" in source and "fullName: bool" in source[source.index("class UserOmit"):]


@pytest.mark.parametrize(("spec", "message"), [
    ("examples/extensions/computed_field.py", "expected `path/to/file.py:name`"),
    ("examples/extensions/computed_field.py:nothing_here", "has no `nothing_here`"),
    ("examples/extensions/computed_field.py:with_names", "is a function, not an Extension"),
    ("no_such_module_xyz:names", "cannot import no_such_module_xyz"),
])
def test_generate_refuses_an_extension_it_cannot_read(tmp_path, capsys, spec: str, message: str):
    examples = Path(__file__).resolve().parents[1] / "examples" / "extensions"
    shutil.copy(examples / "schema.prisma", tmp_path / "schema.prisma")
    if spec.startswith("examples/"):
        spec = str(Path(__file__).resolve().parents[1] / spec)
    assert cli.main(["generate", "--schema", str(tmp_path / "schema.prisma"), "--extensions", spec]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.no_pyodide("runs mypy in a subprocess")
def test_type_checker_knows_computed_fields(tmp_path):
    try:
        import mypy  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("mypy is missing; CI installs it with the dev extra", pytrace=False)
        pytest.skip("mypy is not installed (pip install mypy)")
    _generate_with_names(tmp_path)
    (tmp_path / "mypy.ini").write_text(MYPY_INI)
    (tmp_path / "app.py").write_text(COMPUTED_APP)
    good = run_mypy(tmp_path, "app.py", "prisma_edge_client.py")
    assert good.returncode == 0, good.stdout + good.stderr
    for wrong, bad in (
        ('omit={"fullName": True}', 'omit={"fulName": True}'),  # a misspelt computed field
        ('name: str = users[0]["fullName"]', 'name: int = users[0]["fullName"]'),  # its type is str
    ):
        app = COMPUTED_APP.replace(wrong, bad)
        assert app != COMPUTED_APP
        (tmp_path / "bad.py").write_text(app)
        out = run_mypy(tmp_path, "bad.py")
        errors = [line for line in out.stdout.splitlines() if ": error:" in line]
        line = 1 + app.splitlines().index(next(x for x in app.splitlines() if bad in x))
        assert len(errors) == 1 and errors[0].startswith(f"bad.py:{line}:"), out.stdout
