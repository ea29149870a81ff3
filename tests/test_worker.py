"""The example Workers (examples/cloudflare_worker) in workerd, against local services, over HTTP.

Cloudflare's Python runtime cannot run offline (workerd downloads its Pyodide bundle at first
use), so this runs the example's own files, unchanged (`src/<variant>_worker.py`'s
`Default.fetch`, `src/todos.py`, the generated client, prisma_edge from this tree), on npm
Pyodide inside workerd, served by miniflare (local/build.py, host.mjs), behind the JavaScript
shim in `local/`. Before the first request the shim imports the Worker's module with entropy
refused, as Cloudflare's deploy-time snapshot does (local/cf_rules.py), so a Worker whose import
draws randomness fails here. Stand-ins: the `workers` SDK module (local/workers.py) and the
services: D1 and Hyperdrive as miniflare emulates them, Neon as the project's local endpoint,
all over throwaway PostgreSQL databases. The tests send HTTP requests and check the JSON, the
database calls per API call, and the rows the database holds.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import json
import shutil
import sqlite3
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.databases import temp_postgres

pytestmark = pytest.mark.no_pyodide("drives workerd (miniflare) and PostgreSQL from CPython")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cloudflare_worker"
WORKERS = Path(__file__).resolve().parent / "workers"


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, EXAMPLE / "local" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _need_miniflare() -> None:
    if shutil.which("node") is None or not (ROOT / "node_modules" / "miniflare").exists():
        pytest.skip("node_modules/miniflare is missing (npm ci installs it from package.json)")


def call(base: str, method: str, path: str, body: Any = None, *, timeout: float = 180) -> tuple[int, Any]:
    data = body if isinstance(body, bytes) else None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"content-type": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


def test_generated_clients_and_the_d1_migration_are_up_to_date():
    from prisma_edge import cli

    assert cli.main(["generate", "--check", "--schema", str(EXAMPLE / "schema.prisma"),
                     "--output", str(EXAMPLE / "src" / "prisma_edge_client.py")]) == 0
    from prisma_edge.migrate.ddl import ddl_statements
    from prisma_edge.schema import load_schema

    d1 = load_schema(EXAMPLE / "schema.d1.prisma")
    expected = "".join(f"{s};\n\n" for s in ddl_statements(d1, "sqlite", pretty=True))
    assert (EXAMPLE / "migrations" / "0001_todos.sql").read_text() == expected
    pg_models = (EXAMPLE / "schema.prisma").read_text().split("generator client")[1]
    assert (EXAMPLE / "schema.d1.prisma").read_text().split("generator client")[1] == pg_models  # the same models


def exercise_todo_api(base: str, calls_of: Callable[[], int | None]) -> list[Any]:
    """The API's whole story; asserts each answer and that each write is ONE database call."""
    responses: list[Any] = []

    def api(method: str, path: str, body: Any = None, **kw: Any) -> tuple[int, Any, int | None]:
        before = calls_of()
        status, payload = call(base, method, path, body, **kw)
        responses.append(payload)
        after = calls_of()
        return status, payload, None if before is None or after is None else after - before

    status, lists, _ = api("GET", "/todos", timeout=300)  # the first request boots Pyodide and the Worker
    assert (status, lists) == (200, []), lists
    status, made, n = api("POST", "/todos", {"title": "Groceries", "items": [{"text": "milk"}, {"text": "eggs", "done": True}]})
    assert status == 201, made
    assert made["title"] == "Groceries" and made["createdAt"].endswith("Z")
    assert sorted((i["text"], i["done"]) for i in made["items"]) == [("eggs", True), ("milk", False)]
    assert all(i["listId"] == made["id"] for i in made["items"])
    assert n in (None, 1)  # the list and its items: one nested write, one database call
    status, lists, n = api("GET", "/todos")
    assert status == 200 and [x["id"] for x in lists] == [made["id"]] and lists[0]["items"] == made["items"]
    assert n in (None, 1)
    milk = next(i for i in made["items"] if i["text"] == "milk")
    status, changed, n = api("PATCH", f"/todos/{made['id']}",
                             {"title": "Shop", "add": [{"text": "bread"}], "items": [{"id": milk["id"], "done": True}]})
    assert status == 200, changed
    assert changed["title"] == "Shop" and _time(changed["updatedAt"]) > _time(made["updatedAt"])
    assert sorted((i["text"], i["done"]) for i in changed["items"]) == [("bread", False), ("eggs", True), ("milk", True)]
    assert n in (None, 1)
    assert api("PATCH", "/todos/999999", {"title": "x"})[:2] == (404, {"error": "no todo list at /todos/999999"})
    status, err, n = api("POST", "/todos", {"title": 5})
    assert status == 400 and "`title` must be str" in err["error"] and n in (None, 0)
    status, err, _ = api("POST", "/todos", b"{not json")
    assert status == 400 and "not JSON" in err["error"]
    assert api("POST", "/todos", {"title": "x", "colour": "red"})[:2] == (
        400, {"error": "unknown field(s): colour; expected items, title"})
    assert api("DELETE", "/todos")[0] == 405 and api("GET", "/nope")[0] == 404
    return responses


EXPECTED_ROWS = ([("Shop",)], [("bread", False), ("eggs", True), ("milk", True)])


def test_d1_worker_in_workerd_on_the_d1_binding(tmp_path):
    _need_miniflare()
    serve_local = _load("serve_local")
    with serve_local.serve("d1", tmp_path / "build", d1_persist=tmp_path / "d1") as (host, _):
        exercise_todo_api(host.url, lambda: None)
    (db_file,) = [f for f in (tmp_path / "d1").rglob("*.sqlite") if f.name != "metadata.sqlite"]  # miniflare's D1 file
    with sqlite3.connect(db_file) as conn:
        titles = conn.execute('SELECT title FROM "TodoList"').fetchall()
        items = [(t, bool(d)) for t, d in conn.execute('SELECT text, done FROM "TodoItem" ORDER BY text')]
    assert (titles, items) == EXPECTED_ROWS


def _pg_rows(url: str) -> tuple[list[Any], list[Any]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return (conn.execute('SELECT title FROM "TodoList"').fetchall(),
                conn.execute('SELECT text, done FROM "TodoItem" ORDER BY text').fetchall())


def _sessions(url: str) -> int:
    """Connections open to the database now, other than the one asking."""
    import psycopg

    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                "AND pid <> pg_backend_pid()").fetchone()[0])


def test_hyperdrive_worker_in_workerd_leaves_no_connection_open(tmp_path):
    """Each request opens its one connection (HyperdriveAdapter: at most one) and closes it before
    answering: after the requests PostgreSQL holds no connection of theirs. (That every operation of
    a request shares the one connection is checked inside workerd, tests/test_hyperdrive.py.)"""
    _need_miniflare()
    pytest.importorskip("psycopg")
    serve_local = _load("serve_local")
    with temp_postgres("worker_hd") as direct, serve_local.serve("hyperdrive", tmp_path / "build", database=direct) as (host, _):
        responses = exercise_todo_api(host.url, lambda: None)
        for _ in range(50):  # the proxy closes the server side once the Worker closed its socket
            if _sessions(direct) == 0:
                break
            asyncio.run(asyncio.sleep(0.1))
        assert _sessions(direct) == 0
        assert _pg_rows(direct) == EXPECTED_ROWS
    assert all("local@" not in json.dumps(r) for r in responses)


def test_neon_worker_in_workerd_over_the_local_neon_endpoint(tmp_path):
    _need_miniflare()
    pytest.importorskip("psycopg")
    serve_local = _load("serve_local")
    with temp_postgres("worker") as direct, serve_local.serve("neon", tmp_path / "build", database=direct) as (host, neon):
        responses = exercise_todo_api(host.url, lambda: neon.request_count)
        secret = neon.endpoint.password
        assert _pg_rows(direct) == EXPECTED_ROWS
    assert all(secret not in json.dumps(r) for r in responses)


def _serve_test_worker(tmp_path: Path, module: str, **host_kw: Any) -> Any:
    build = _load("build")
    files = build.example_sources() | {f"{module}.py": (WORKERS / f"{module}.py").read_text()}
    modules = build.build(tmp_path, entry=build.HERE / "shim.mjs", files=files,
                          wheel_files=build.wheels(ROOT / ".pyodide-wheels", ("sqlglot", "attrs")))
    return build.Host(tmp_path, modules, bindings={"PRISMA_EDGE_WORKER_MODULE": module}, **host_kw)


def test_a_worker_that_draws_entropy_at_import_fails_to_start(tmp_path):
    """The start-up rule really is enforced: Cloudflare would refuse to deploy this Worker."""
    _need_miniflare()
    with _serve_test_worker(tmp_path, "entropy_at_import_worker") as host:
        status, text = call(host.url, "GET", "/", timeout=300)
    assert status == 500 and "the Worker failed to start" in text
    assert "Randomness is not allowed while a Worker is starting" in text


def test_a_hyperdrive_connection_kept_across_requests_is_refused(tmp_path):
    _need_miniflare()
    pytest.importorskip("psycopg")
    with temp_postgres("worker_reuse") as direct:
        url = _load("serve_local").hyperdrive_url(direct)
        with _serve_test_worker(tmp_path, "hyperdrive_reuse_worker", hyperdrives={"HYPERDRIVE": url}) as host:
            first = call(host.url, "GET", "/", timeout=300)
            second = call(host.url, "GET", "/", timeout=60)
    assert first == (200, {"rows": [[1]]})
    assert second[0] == 200 and second[1]["error"] == "ClientError" and "another request" in second[1]["message"]


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
