"""Cold start (issue 15 item 5): declared queries' plans embedded by `prisma-edge generate`.

A fresh interpreter imports the generated module, makes the Client, runs the declared queries
(with other values than declared) and must not have imported sqlglot nor rendered any SQL; an
undeclared shape still works, rendering on that first miss.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from prisma_edge import cli
from prisma_edge.generate import GenerateError
from prisma_edge.generate.plans import load_declarations

ROOT = Path(__file__).resolve().parent.parent

DECLARED = {
    "dialects": ["sqlite", "postgres"],
    "queries": [
        {
            "model": "User",
            "action": "find_many",
            "args": {"where": {"email": {"contains": "x"}}, "include": {"posts": True}},
        },
        {"model": "User", "action": "create", "args": {"data": {"email": "x"}}},
        {"model": "User", "action": "count", "args": {}},
        {"model": "User", "action": "count", "args": {"where": {"id": {"in": [1, 2]}}}},
        # 3 rows: chunks of 2 and 1 (compiler/chunks.py), embedded as their own plans
        {"model": "User", "action": "create_many", "args": {"data": [{"email": "x"}, {"email": "y"}, {"email": "z"}]}},
    ],
}

APP = """
import asyncio, sys
sys.path.insert(0, sys.argv[1])
from prisma_edge_client import Client

async def main():
    db = Client(url="file::memory:")
    await db.execute_raw('CREATE TABLE "users" (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, name TEXT, '
                         "role TEXT NOT NULL DEFAULT 'USER', created_at TEXT NOT NULL DEFAULT '2024-01-01T00:00:00.000+00:00')")
    await db.execute_raw('CREATE TABLE "Post" (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, content TEXT, '
                         "published INTEGER NOT NULL DEFAULT 0, views INTEGER NOT NULL DEFAULT 0, metadata TEXT, "
                         "createdAt TEXT NOT NULL DEFAULT '2024-01-01T00:00:00.000+00:00', updatedAt TEXT NOT NULL, authorId INTEGER NOT NULL)")
    made = await db.user.create(data={"email": "ann@example.com"})
    assert await db.user.create_many(data=[{"email": f"{n}@example.com"} for n in ("bo", "cy", "di")]) == 3
    users = await db.user.find_many(where={"email": {"contains": "ann"}}, include={"posts": True})
    print(made["email"], [u["email"] for u in users], users[0]["posts"], await db.user.count(),
          await db.user.count(where={"id": {"in": [1, 2, 3, 4]}}))
    print("sqlglot" in sys.modules, db.plan_cache.renders)
    await db.user.find_many(where={"name": None})  # not declared: renders on this first miss
    print("sqlglot" in sys.modules, db.plan_cache.renders)
    await db.close()

asyncio.run(main())
"""


@pytest.mark.no_pyodide("runs a fresh interpreter in a subprocess")
def test_declared_queries_run_without_sqlglot(tmp_path):
    schema = tmp_path / "schema.prisma"
    shutil.copy(ROOT / "tests" / "schemas" / "blog.prisma", schema)
    decl = tmp_path / "queries.json"
    decl.write_text(json.dumps(DECLARED))
    assert cli.main(["generate", "--schema", str(schema), "--queries", str(decl)]) == 0
    (tmp_path / "app.py").write_text(APP)
    out = subprocess.run(
        [sys.executable, str(tmp_path / "app.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "ann@example.com ['ann@example.com'] [] 4 4"
    assert lines[1] == "False 0"  # declared shapes: cache hits, sqlglot never imported
    assert lines[2] == "True 1"


def test_bad_declarations_are_named(tmp_path):
    bad = tmp_path / "q.json"
    bad.write_text('{"queries": [{"action": "find_many"}]}')
    with pytest.raises(GenerateError, match='query 0 needs "model"'):
        load_declarations(bad)
    bad.write_text(
        json.dumps(
            {
                "dialects": ["sqlite"],
                "queries": [{"model": "User", "action": "find_many", "args": {"where": {"nope": 1}}}],
            }
        )
    )
    schema = tmp_path / "schema.prisma"
    shutil.copy(ROOT / "tests" / "schemas" / "blog.prisma", schema)
    assert cli.main(["generate", "--schema", str(schema), "--queries", str(bad)]) == 1
