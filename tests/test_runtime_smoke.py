"""The suite really runs where it says: CPython, Pyodide in Node, Pyodide in headless Chromium.

The first tests run in every runtime and check the things the rest of the suite silently relies
on (the interpreter, the event loop, sqlite3, sqlglot, the working tree's `src/`). The runner
tests at the end run under CPython only: they start the Pyodide runners on a probe suite and check
what a developer relies on (platform, exit code, environment pass-through, skip counts).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

import prisma_edge

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = os.environ.get("PRISMA_EDGE_RUNTIME", "cpython")
IN_PYODIDE = sys.platform == "emscripten"
IN_CI = os.environ.get("CI") == "true"


def test_interpreter_is_the_runtime_the_runner_announced():
    assert RUNTIME in ("cpython", "pyodide-node", "pyodide-chromium")
    if RUNTIME == "cpython":
        assert sys.platform != "emscripten"
        assert sys.implementation.name == "cpython"
        return
    assert sys.platform == "emscripten"
    import js  # Pyodide's bridge to the JavaScript host: only importable inside Pyodide

    if RUNTIME == "pyodide-node":
        assert str(js.process.release.name) == "node"
    else:
        assert "Chrome" in str(js.navigator.userAgent)
        assert not hasattr(js, "process")


async def test_async_tests_run_on_the_runtime_event_loop():
    loop = asyncio.get_running_loop()
    if IN_PYODIDE:
        assert type(loop).__name__ == "WebLoop"  # asyncio.run went through JSPI, not a stub
    events: list[str] = []
    queue: asyncio.Queue[int | None] = asyncio.Queue()

    async def producer() -> None:
        for i in range(3):
            await queue.put(i)
            events.append(f"put {i}")
            await asyncio.sleep(0.001)  # a real timer: setTimeout under Pyodide
        await queue.put(None)

    async def consumer() -> list[int]:
        got = []
        while (item := await queue.get()) is not None:
            events.append(f"got {item}")
            got.append(item)
        return got

    _, got = await asyncio.gather(producer(), consumer())
    assert got == [0, 1, 2]
    assert events.index("got 0") < events.index("put 1")  # the two coroutines interleaved


def test_sqlite3_has_what_the_embedded_adapter_needs():
    con = sqlite3.connect(":memory:")
    try:
        con.execute("PRAGMA foreign_keys = ON")
        con.execute('CREATE TABLE "User" (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)')
        con.execute('CREATE TABLE "Post" (id INTEGER PRIMARY KEY, title TEXT, '
                    'author_id INTEGER NOT NULL REFERENCES "User"(id))')
        (uid,) = con.execute('INSERT INTO "User" (email) VALUES (?) RETURNING id', ("a@x.io",)).fetchone()
        con.executemany('INSERT INTO "Post" (title, author_id) VALUES (?, ?)', [("one", uid), ("two", uid)])
        row = con.execute(
            'SELECT u.email, (SELECT json_group_array(json_object(\'title\', p.title)) FROM "Post" p '
            'WHERE p.author_id = u.id) FROM "User" u WHERE u.id = ?', (uid,)).fetchone()
        assert row[0] == "a@x.io"
        assert sorted(p["title"] for p in json.loads(row[1])) == ["one", "two"]
        with pytest.raises(sqlite3.IntegrityError):
            con.execute('INSERT INTO "Post" (title, author_id) VALUES (?, ?)', ("orphan", uid + 1))
    finally:
        con.close()


def test_sqlglot_renders_bound_parameters_for_every_dialect():
    query = exp.select(exp.column("id")).from_("User").where(exp.column("email").eq(exp.Placeholder()))
    assert query.sql("postgres", identify=True) == 'SELECT "id" FROM "User" WHERE "email" = %s'
    assert query.sql("mysql", identify=True) == "SELECT `id` FROM `User` WHERE `email` = ?"
    assert query.sql("sqlite", identify=True) == 'SELECT "id" FROM "User" WHERE "email" = ?'
    assert sqlglot.transpile("SELECT a FROM t LIMIT 5", read="postgres", write="tsql") == ["SELECT TOP 5 a FROM t"]
    if IN_PYODIDE:  # only py3-none-any wheels are installed there: no compiled tokenizer
        assert importlib.util.find_spec("sqlglotrs") is None
        assert importlib.util.find_spec("sqlglotc") is None


async def test_javascript_fetch_and_websocket_reach_python():
    """The transports' building blocks: JS fetch, and WebSocket events arriving on the event loop."""
    if not IN_PYODIDE:
        pytest.skip("the JavaScript fetch/WebSocket bridge exists only in Pyodide")
    import js
    from pyodide.ffi import create_proxy
    from pyodide.http import pyfetch

    resp = await pyfetch("data:text/plain,prisma-edge")
    assert await resp.string() == "prisma-edge"

    closed: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    on_close = create_proxy(lambda ev: closed.done() or closed.set_result(int(ev.code)))
    ws = js.WebSocket.new("ws://127.0.0.1:65531/")  # nothing listens there: the socket must close
    ws.addEventListener("close", on_close)
    try:
        code = await asyncio.wait_for(closed, 60)
    finally:
        on_close.destroy()
    assert code == 1006  # "closed abnormally": the connection was refused
    assert ws.readyState == 3  # CLOSED


def test_prisma_edge_is_imported_from_the_working_tree():
    assert Path(prisma_edge.__file__).resolve().is_relative_to(ROOT / "src")


# --- the runners themselves (CPython only) ---------------------------------------------------

PROBE = "wasm_tests/probe/probe_suite.py"


def _missing(what: str) -> None:
    """Skip on a developer's machine without the tool; in CI that is a failure."""
    msg = f"{what} is missing; scripts/setup.sh installs it"
    if IN_CI:
        pytest.fail(msg)
    pytest.skip(msg)


def _need(path: Path, what: str) -> None:
    if not path.exists():
        _missing(f"{what} ({path})")


def _run_probe(cmd: list[str], tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], dict]:
    summary = tmp_path / "summary.json"
    env = {k: v for k, v in os.environ.items() if k != "_PRISMA_EDGE_RUNNER_REEXEC"}
    env.update(PRISMA_EDGE_PROBE_EXPECT_PLATFORM="emscripten", PROBE_NOT_PASSED_THROUGH="1",
               PRISMA_EDGE_PROBE_EXPECT_CI=env.setdefault("CI", f"probe-{uuid.uuid4().hex[:8]}"))
    proc = subprocess.run([*cmd, "--summary-json", str(summary), "--", "-q", PROBE], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert summary.exists(), f"no summary written; stderr:\n{proc.stderr[-3000:]}"
    return proc, json.loads(summary.read_text())


def _check_probe_outcome(proc: subprocess.CompletedProcess[str], counts: dict) -> None:
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr[-3000:]  # pytest's "tests failed"
    assert counts["platform"] == "emscripten"
    assert (counts["passed"], counts["failed"], counts["skipped"], counts["no_pyodide"]) == (3, 1, 1, 1)
    assert "deliberate failure from the probe" in proc.stdout
    assert "no_pyodide skips: 1 (platform emscripten)" in proc.stdout


@pytest.mark.no_pyodide("starts Node as a subprocess")
def test_node_runner_runs_pytest_in_pyodide(tmp_path):
    _need(ROOT / "node_modules" / "pyodide", "npm package pyodide")
    _need(ROOT / ".pyodide-wheels", "the Pyodide wheels")
    node = shutil.which("node")
    assert node, "node is not on PATH"
    # No Node flags on purpose: the runner must add JSPI itself when the runtime lacks it.
    proc, counts = _run_probe([node, "wasm_tests/run_node.mjs"], tmp_path)
    _check_probe_outcome(proc, counts)


@pytest.mark.no_pyodide("starts Chromium through Playwright")
def test_chromium_runner_runs_pytest_in_pyodide(tmp_path):
    _need(ROOT / "node_modules" / "pyodide", "npm package pyodide")
    _need(ROOT / ".pyodide-wheels", "the Pyodide wheels")
    _need(Path("/usr/bin/chromium"), "Debian's chromium")
    if importlib.util.find_spec("playwright") is None:
        _missing("the playwright Python package")
    proc, counts = _run_probe([sys.executable, "wasm_tests/run_chromium.py"], tmp_path)
    _check_probe_outcome(proc, counts)
    assert "JSPI True" in proc.stderr
