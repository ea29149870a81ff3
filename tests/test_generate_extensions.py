"""`prisma-edge generate` types the sync client, `extend` and the global `omit`: the generated
`SyncClient` runs (results returned directly), and mypy accepts an app using them and names a
misspelt field in a global omit or a sync `where`."""

from __future__ import annotations

import os

import pytest

from prisma_edge import sync
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
