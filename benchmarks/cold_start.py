"""Cold start and warm query cost on SQLite: CPython, Pyodide in Node, Pyodide in Chromium, side by side.

    python benchmarks/cold_start.py [--runs 3] [--runtimes cpython,node,chromium]

Each run is a fresh interpreter (a new CPython process, a new Node process, a new browser page)
on the quickstart's schema and a seeded SQLite file, and measures from `import prisma_edge` to the
first query's result, step by step, with the schema taken either

- from the module `prisma-edge generate` writes (the schema embedded as constructor calls), or
- by parsing schema.prisma at start (`load_schema`), or
- from a module generated with `--queries` declaring the first query ("embedded": its plan is
  in the module, so the first result renders no SQL and imports no sqlglot),

then the warm cost of a repeated query (new values each time, so every call binds and runs but
hits the plan cache). A third mode times `import attrs` and `import sqlglot` alone, to show their
share of importing the client. Medians over the runs. CPython runs use .pyc files (one uncounted
run writes them, under a temporary PYTHONPYCACHEPREFIX); Pyodide compiles every module from source
on every start, as it does for users (no .pyc in unpacked wheels). Measures and prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "examples" / "quickstart" / "schema.prisma"
WHEELS = ROOT / ".pyodide-wheels"
MODES = ("generated", "embedded", "parsed", "split")

# Runs inside each runtime; `probe(mode, base)` returns {step: milliseconds | value}.
PROBE = r'''
import statistics, sys, time

async def probe(mode, base):
    out = {}
    now = time.perf_counter
    start = t = now()
    def step(name):
        nonlocal t
        t1 = now(); out[name] = (t1 - t) * 1000; t = t1
    import prisma_edge
    step("import prisma_edge")
    out["sqlglot imported by `import prisma_edge`"] = "sqlglot" in sys.modules
    if mode == "split":
        import attrs
        step("import attrs")
        import sqlglot
        step("import sqlglot")
    from prisma_edge import Client
    step("from prisma_edge import Client" + (" (rest)" if mode == "split" else ""))
    out["sqlglot imported by `from prisma_edge import Client`"] = "sqlglot" in sys.modules
    url = "file:" + base + "/bench.db"
    if mode == "generated":
        import prisma_edge_client
        step("import generated module")
        schema = prisma_edge_client.SCHEMA
        step("schema: constructor tree")
        db = prisma_edge_client.Client(url=url)
    elif mode == "embedded":  # the same module with the first query's plan embedded (--queries)
        import prisma_edge_plans
        step("import generated module")
        db = prisma_edge_plans.Client(url=url)
    else:
        from prisma_edge.schema import load_schema
        schema = load_schema(base + "/schema.prisma")
        step("schema: parse schema.prisma")
        db = Client(schema, url=url)
    step("Client()")
    rows = await db.customer.find_many(order={"name": "asc"},
                                       include={"orders": {"include": {"items": {"include": {"product": True}}}}})
    step("first query (nested include)")
    out["import -> first result"] = (now() - start) * 1000
    out["sqlglot imported by the first result"] = "sqlglot" in sys.modules
    assert [r["name"] for r in rows] == ["Ada", "Grace"], rows
    for name, run in (("warm find_many + filter", lambda i: db.product.find_many(where={"price": {"lt": 10 + i}})),
                      ("warm find_many + nested include", lambda i: db.customer.find_many(
                          where={"id": {"gte": i % 2}}, include={"orders": {"include": {"items": True}}}))):
        await run(0)
        samples = []
        for i in range(150):
            t0 = now(); await run(i); samples.append((now() - t0) * 1000)
        out[name] = statistics.median(samples)
    await db.close()
    return out
'''


# the probe's first query, declared for the "embedded" mode (`prisma-edge generate --queries`)
FIRST_QUERY = {"model": "Customer", "action": "find_many", "args": {
    "order": {"name": "asc"}, "include": {"orders": {"include": {"items": {"include": {"product": True}}}}}}}


def prepare(tmp: Path) -> Path:
    """The bench directory: schema, generated module, seeded SQLite file (made here with CPython)."""
    sys.path.insert(0, str(ROOT / "src"))
    from decimal import Decimal

    from prisma_edge.generate import generate_file
    from prisma_edge.migrate.push import push_schema

    base = tmp / "bench"
    base.mkdir()
    shutil.copy(SCHEMA, base / "schema.prisma")
    out, source = generate_file(base / "schema.prisma")
    out.write_text(source, encoding="utf-8")
    (base / "queries.json").write_text(json.dumps({"dialects": ["sqlite"], "queries": [FIRST_QUERY]}))
    out2, source2 = generate_file(base / "schema.prisma", base / "prisma_edge_plans.py", base / "queries.json")
    out2.write_text(source2, encoding="utf-8")
    sys.path.insert(0, str(base))
    import prisma_edge_client

    async def seed() -> None:
        db = prisma_edge_client.Client(url=f"file:{base / 'bench.db'}")
        await push_schema(db.adapter, db.schema)
        ada = await db.customer.create({"email": "ada@example.com", "name": "Ada"})
        grace = await db.customer.create({"email": "grace@example.com", "name": "Grace"})
        for i in range(30):
            await db.product.create({"sku": f"P-{i}", "name": f"Product {i}", "price": Decimal(5 + i * 7)})
        for c, n in ((ada, 6), (grace, 4)):
            for j in range(n):
                await db.order.create({"customerId": c["id"], "items": {"create": [
                    {"productId": 1 + (j * 3 + k) % 30, "quantity": k + 1} for k in range(3)]}})
        await db.close()

    asyncio.run(seed())
    return base


# ---- CPython ----------------------------------------------------------------------------------


def run_cpython(base: Path, mode: str, runs: int) -> list[dict[str, Any]]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "DATABASE_URL")}
    env.update(PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(base)]),
               PYTHONPYCACHEPREFIX=str(base.parent / "pycache"))
    code = PROBE + f"\nimport asyncio, json\nprint(json.dumps(asyncio.run(probe({mode!r}, {str(base)!r}))))\n"
    results = []
    for i in range(runs + 1):  # the first run writes the .pyc files and is not counted
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        if i:
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


# ---- Pyodide in Node --------------------------------------------------------------------------

NODE = r"""
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
const [base, mode, probe, ...wheels] = process.argv.slice(1);
const t0 = performance.now();
const py = await loadPyodide();
const load = performance.now() - t0;
const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
for (const w of wheels) py.unpackArchive(new Uint8Array(fs.readFileSync(w)), "wheel", { extractDir: site });
const copy = (from, to) => {
  py.FS.mkdirTree(to);
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.name === "__pycache__") continue;
    if (e.isDirectory()) copy(path.join(from, e.name), `${to}/${e.name}`);
    else py.FS.writeFile(`${to}/${e.name}`, new Uint8Array(fs.readFileSync(path.join(from, e.name))));
  }
};
copy(base, "/bench");
py.runPython("import sys; sys.path[:0] = ['/bench/src', '/bench']");
py.globals.set("mode", mode);
const res = await py.runPythonAsync(probe + "\nimport json\njson.dumps(await probe(mode, '/bench'))");
console.log(JSON.stringify({ ...JSON.parse(res), "runtime start (loadPyodide)": load }));
"""


def runtime_wheels() -> list[Path]:
    found = [sorted(WHEELS.glob(f"{d}-*-none-any.whl")) for d in ("sqlglot", "attrs")]
    if not all(len(f) == 1 for f in found):
        raise SystemExit(f"need the sqlglot and attrs wheels in {WHEELS}: run scripts/setup.sh")
    return [f[0] for f in found]


def with_sources(base: Path) -> Path:
    """The bench directory plus a copy of src/prisma_edge (what a wheel would unpack)."""
    if not (base / "src").exists():
        shutil.copytree(ROOT / "src" / "prisma_edge", base / "src" / "prisma_edge",
                        ignore=shutil.ignore_patterns("__pycache__"))
    return base


def run_node(base: Path, mode: str, runs: int) -> list[dict[str, Any]]:
    with_sources(base)
    results = []
    for _ in range(runs):
        done = subprocess.run(["node", "--input-type=module", "-e", NODE, str(base), mode, PROBE,
                               *map(str, runtime_wheels())], cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"node run failed: {done.stderr[-2000:]}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


# ---- Pyodide in Chromium ----------------------------------------------------------------------

PAGE = """async ({ mode, probe, wheels }) => {
    const t0 = performance.now();
    const { loadPyodide } = await import('/pyodide/pyodide.mjs');
    const py = await loadPyodide({ indexURL: '/pyodide/' });
    const load = performance.now() - t0;
    const bytes = async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer());
    const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
    for (const w of wheels) py.unpackArchive(await bytes('/wheels/' + w), 'wheel', { extractDir: site });
    py.FS.mkdirTree('/bench');
    py.unpackArchive(await bytes('/bench.zip'), 'zip', { extractDir: '/bench' });
    py.runPython("import sys; sys.path[:0] = ['/bench/src', '/bench']");
    py.globals.set('mode', mode);
    const res = await py.runPythonAsync(probe + "\\nimport json\\njson.dumps(await probe(mode, '/bench'))");
    return { ...JSON.parse(res), 'runtime start (loadPyodide)': load };
}"""


def run_chromium(base: Path, mode: str, runs: int) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    with_sources(base)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for p in base.rglob("*"):
            if p.is_file() and "__pycache__" not in p.parts:
                z.write(p, p.relative_to(base).as_posix())
    files = {"/bench.zip": buf.getvalue(), "/": b"<!doctype html><title>cold start</title>"}
    files.update({f"/wheels/{w.name}": w.read_bytes() for w in runtime_wheels()})

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path in files:
                body = files[self.path]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Content-Type", "text/html" if self.path == "/" else "application/octet-stream")
                self.end_headers()
                self.wfile.write(body)
            elif self.path.startswith("/pyodide/") and ".." not in self.path:
                super().do_GET()
            else:
                self.send_error(404)

        def guess_type(self, path: Any) -> str:
            return "text/javascript" if str(path).endswith(".mjs") else (
                "application/wasm" if str(path).endswith(".wasm") else super().guess_type(path))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(ROOT / "node_modules")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"]
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=args)
            for _ in range(runs):
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
                results.append(page.evaluate(PAGE, {"mode": mode, "probe": PROBE,
                                                    "wheels": [w.name for w in runtime_wheels()]}))
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return results


# ---- report -----------------------------------------------------------------------------------

ROWS = [
    ("runtime start (loadPyodide)", "split"),
    ("import prisma_edge", "generated"),
    ("import attrs", "split"),
    ("import sqlglot", "split"),
    ("from prisma_edge import Client (rest)", "split"),
    ("from prisma_edge import Client", "generated"),
    ("import generated module", "generated"),
    ("schema: constructor tree", "generated"),
    ("schema: parse schema.prisma", "parsed"),
    ("Client()", "generated"),
    ("first query (nested include)", "generated"),
    ("import -> first result", "generated"),
    ("import -> first result", "embedded"),
    ("import -> first result", "parsed"),
    ("warm find_many + filter", "generated"),
    ("warm find_many + nested include", "generated"),
]


def report(results: dict[str, dict[str, list[dict[str, Any]]]]) -> str:
    runtimes = list(results)
    label = {"cpython": f"CPython {sys.version.split()[0]}", "node": "Pyodide/Node", "chromium": "Pyodide/Chromium"}
    lines = [f"{'(ms, median of runs)':<52}" + "".join(f"{label[r]:>18}" for r in runtimes)]
    for key, mode in ROWS:
        cells = []
        for r in runtimes:
            vals = [x[key] for x in results[r].get(mode, []) if key in x]
            cells.append(f"{statistics.median(vals):>18.2f}" if vals else f"{'-':>18}")
        name = f"{key} [{mode}]" if key == "import -> first result" else key
        lines.append(f"{name:<52}" + "".join(cells))
    flags = [f"{k}: " + ", ".join(f"{label[r]}={results[r]['generated'][0][k]}" for r in runtimes)
             for k in ("sqlglot imported by `import prisma_edge`", "sqlglot imported by `from prisma_edge import Client`")]
    flags += ["sqlglot imported by the first result [embedded]: "
              + ", ".join(f"{label[r]}={results[r]['embedded'][0]['sqlglot imported by the first result']}" for r in runtimes)]
    return "\n".join(lines + [""] + flags)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--runtimes", default="cpython,node,chromium")
    args = ap.parse_args()
    runners = {"cpython": run_cpython, "node": run_node, "chromium": run_chromium}
    results: dict[str, dict[str, list[dict[str, Any]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = prepare(Path(tmp))
        for runtime in args.runtimes.split(","):
            results[runtime] = {}
            for mode in MODES:
                print(f"[cold_start] {runtime} {mode} x{args.runs}", file=sys.stderr, flush=True)
                results[runtime][mode] = runners[runtime](base, mode, args.runs)
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
