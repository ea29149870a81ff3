"""The Cloudflare Worker example (examples/cloudflare_worker) served by workerd, against real PostgreSQL.

Cloudflare's Python runtime cannot run offline (workerd downloads its Pyodide bundle at first
use), so this runs the example's own files, unchanged (`src/worker.py`'s `Default.fetch`,
`src/todos.py`, the generated `src/prisma_edge_client.py`, and prisma_edge from this tree), on
npm Pyodide inside `workerd serve`, behind the JavaScript shim in `local/`. The only stand-in is
the `workers` SDK module (`WorkerEntrypoint`, `Response`: local/workers.py). The Worker reaches a
local Neon-compatible endpoint with JS fetch, over a throwaway PostgreSQL database; the test
sends HTTP requests to workerd and checks the JSON, the endpoint's request count and the tables.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.support.databases import temp_postgres

pytestmark = pytest.mark.no_pyodide("drives workerd and PostgreSQL from CPython")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cloudflare_worker"


def serve_local() -> Any:
    spec = importlib.util.spec_from_file_location("serve_local", EXAMPLE / "local" / "serve_local.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def call(base: str, method: str, path: str, body: Any = None, *, timeout: float = 30) -> tuple[int, Any]:
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


def test_generated_client_of_the_example_is_up_to_date():
    from prisma_edge import cli

    assert cli.main(["generate", "--check", "--schema", str(EXAMPLE / "schema.prisma"),
                     "--output", str(EXAMPLE / "src" / "prisma_edge_client.py")]) == 0


def test_worker_todo_api_in_workerd_over_local_neon(tmp_path):
    local = serve_local()
    if not local.WORKERD.exists():
        msg = "node_modules/.bin/workerd is missing (npm ci installs it from package.json)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg, pytrace=False)
        pytest.skip(msg)
    pytest.importorskip("psycopg")
    import psycopg

    from prisma_edge.devserver.neon import start_neon_endpoint
    from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
    from prisma_edge.migrate.push import push_schema
    from prisma_edge.schema import load_schema

    with temp_postgres("worker") as direct, start_neon_endpoint(direct) as neon:
        asyncio.run(push_schema(NeonHttpAdapter(neon.connection_string, endpoint=neon.url),
                                load_schema(EXAMPLE / "schema.prisma")))
        config = local.build(tmp_path / "build")
        listener = socket.create_server(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        env = {**os.environ, "DATABASE_URL": neon.connection_string, "NEON_HTTP_URL": neon.url}
        log = (tmp_path / "workerd.log").open("w+")
        proc = subprocess.Popen(local.workerd_command(config, "--socket-fd", f"http={listener.fileno()}"),
                                pass_fds=[listener.fileno()], env=env, stdout=log, stderr=subprocess.STDOUT)
        listener.close()  # workerd holds its own copy
        responses: list[Any] = []

        def api(method: str, path: str, body: Any = None, **kw: Any) -> tuple[int, Any, int]:
            before = neon.request_count
            status, payload = call(base, method, path, body, **kw)
            responses.append(payload)
            return status, payload, neon.request_count - before

        try:
            # the first request boots Pyodide in workerd and imports prisma_edge and sqlglot
            status, lists, _ = api("GET", "/todos", timeout=180)
            assert (status, lists) == (200, []), _log(log)

            status, made, requests = api("POST", "/todos", {"title": "Groceries",
                                                            "items": [{"text": "milk"}, {"text": "eggs", "done": True}]})
            assert status == 201, made
            assert made["title"] == "Groceries" and made["createdAt"].endswith("Z")
            assert sorted((i["text"], i["done"]) for i in made["items"]) == [("eggs", True), ("milk", False)]
            assert all(i["listId"] == made["id"] for i in made["items"])
            assert requests == 1  # the list and its items: one nested write, one Neon request

            status, lists, requests = api("GET", "/todos")
            assert status == 200 and [x["id"] for x in lists] == [made["id"]] and lists[0]["items"] == made["items"]
            assert requests == 1

            milk = next(i for i in made["items"] if i["text"] == "milk")
            status, changed, _ = api("PATCH", f"/todos/{made['id']}",
                                     {"title": "Shop", "add": [{"text": "bread"}], "items": [{"id": milk["id"], "done": True}]})
            assert status == 200, changed
            assert changed["title"] == "Shop" and _time(changed["updatedAt"]) > _time(made["updatedAt"])
            assert sorted((i["text"], i["done"]) for i in changed["items"]) == [
                ("bread", False), ("eggs", True), ("milk", True)]

            assert api("PATCH", "/todos/999999", {"title": "x"})[:2] == (404, {"error": "no todo list at /todos/999999"})
            status, err, requests = api("POST", "/todos", {"title": 5})
            assert status == 400 and "`title` must be str" in err["error"] and requests == 0
            status, err, _ = api("POST", "/todos", b"{not json")
            assert status == 400 and "not JSON" in err["error"]
            assert api("POST", "/todos", {"title": "x", "colour": "red"})[:2] == (
                400, {"error": "unknown field(s): colour; expected items, title"})
            assert api("DELETE", "/todos")[0] == 405 and api("GET", "/nope")[0] == 404
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()

        with psycopg.connect(direct) as conn:
            titles = conn.execute('SELECT title FROM "TodoList"').fetchall()
            items = conn.execute('SELECT text, done FROM "TodoItem" ORDER BY text').fetchall()
        assert titles == [("Shop",)] and items == [("bread", False), ("eggs", True), ("milk", True)]
        secret = neon.endpoint.password
        assert all(secret not in json.dumps(r) for r in responses)


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _log(log: Any) -> str:
    log.flush()
    log.seek(0)
    return "workerd output:\n" + log.read()[-3000:]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
