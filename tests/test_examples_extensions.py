"""The extension examples (examples/extensions/: soft delete, audit log, computed field) run and
answer as their docstrings say, on SQLite, Neon (HTTP and WebSocket) and PlanetScale."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from prisma_edge.client import Client
from prisma_edge.migrate.push import push_schema
from prisma_edge.schema import load_schema
from tests.support.clients import make_adapter, reset_database

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "extensions"
pytestmark = [pytest.mark.parametrize("adapter", ["sqlite", "neon_http", "neon_ws", "planetscale"]),
              pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/ is not mounted in this runtime")]


def example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"extension_example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


async def fresh(adapter: str) -> Client:
    schema = load_schema(EXAMPLES / "schema.prisma")
    a = make_adapter(adapter)
    if adapter != "sqlite":
        await reset_database(a)
    await push_schema(a, schema)
    return Client(schema, adapter=a)


async def test_soft_delete(adapter):
    db = await fresh(adapter)
    try:
        out = await example("soft_delete").demo(db)
    finally:
        await db.close()
    assert out == {
        "visible": ["bo@example.com"],
        "count": 1,
        "find_unique_deleted": None,
        "still_stored": 2,
        "deleted_on_request": ["ann@example.com"],
        "after_restore": 2,
    }


async def test_audit_log(adapter):
    db = await fresh(adapter)
    try:
        out = await example("audit_log").demo(db)
    finally:
        await db.close()
    assert out == {
        "user_trail": ["create(email,firstName,lastName,passwordHash)", "update(lastName)"],
        "post_trail": ["create(authorId,title)", "delete()"],
        "entries": 4,
        "values_logged": False,
    }


async def test_computed_field(adapter):
    db = await fresh(adapter)
    try:
        out = await example("computed_field").demo(db)
    finally:
        await db.close()
    assert out == {
        "record": {"fullName": "Ada Lovelace", "initials": "AL"},
        "password_hidden": True,
        "password_on_request": "pbkdf2$...",
        "select_initials": {"initials": "AL"},
        "in_a_relation": "Ada Lovelace",
    }
