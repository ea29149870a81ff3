"""Run the Python Worker offline: workerd + npm Pyodide (shim.mjs) + a local Neon-compatible endpoint.

usage: python examples/cloudflare_worker/local/serve_local.py --database postgresql://postgres@127.0.0.1:5432/todos
           [--port 8787] [--no-push]

Starts `prisma-edge dev neon` in front of that database (creating the tables unless --no-push),
builds a workerd config that embeds npm Pyodide, the sqlglot/attrs wheels and the Python sources
(prisma_edge from this repository, src/*.py, the `workers` stand-in), and runs
`node_modules/.bin/workerd serve` on 127.0.0.1. tests/test_worker.py drives the same build.

This is NOT Cloudflare's Python runtime (which downloads its own Pyodide bundle and cannot run
offline): it runs the same Python files on stock Pyodide, without JSPI, behind a JS entrypoint.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent
ROOT = EXAMPLE.parent.parent
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
RUNTIME_WHEELS = ("sqlglot", "attrs")
WORKERD = ROOT / "node_modules" / ".bin" / "workerd"

CONFIG = """using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .todos),
    # the Worker's fetch() may reach loopback: the local Neon endpoint runs there
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:{port}", http = (), service = "main") ],
);

const todos :Workerd.Worker = (
  modules = [
    (name = "shim.mjs", esModule = embed "shim.mjs"),
    (name = "pyodide.mjs", esModule = embed "pyodide.mjs"),
    (name = "pyodide.asm.mjs", esModule = embed "pyodide.asm.mjs"),
    (name = "pyodide.asm.wasm", wasm = embed "pyodide.asm.wasm"),
    (name = "python_stdlib.zip", data = embed "python_stdlib.zip"),
    (name = "pyodide-lock.json", json = embed "pyodide-lock.json"),
    (name = "wheels.mjs", esModule = embed "wheels.mjs"),
    (name = "sources.mjs", esModule = embed "sources.mjs"),
{wheel_modules}  ],
  compatibilityDate = "2025-11-01",
  # the Worker's env, read from workerd's own environment (secrets stay out of this file)
  bindings = [
    (name = "DATABASE_URL", fromEnvironment = "DATABASE_URL"),
    (name = "NEON_HTTP_URL", fromEnvironment = "NEON_HTTP_URL"),
  ],
  globalOutbound = "internet",
);
"""


def python_sources() -> dict[str, str]:
    """Files the Worker imports, by path under /app: prisma_edge, the Worker's src/, the stand-ins."""
    out: dict[str, str] = {}
    for p in sorted((ROOT / "src" / "prisma_edge").rglob("*.py")):
        out[p.relative_to(ROOT / "src").as_posix()] = p.read_text(encoding="utf-8")
    for p in sorted((EXAMPLE / "src").glob("*.py")):
        out[p.name] = p.read_text(encoding="utf-8")
    for name in ("workers.py", "entry.py"):
        out[name] = (HERE / name).read_text(encoding="utf-8")
    return out


def build(out: Path, *, port: int = 8787, wheel_dir: Path = ROOT / ".pyodide-wheels") -> Path:
    """Write the workerd config and its modules into `out`; returns the config path."""
    out.mkdir(parents=True, exist_ok=True)
    pyodide = ROOT / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        if not (pyodide / name).exists():
            raise SystemExit(f"{pyodide / name} is missing: run `npm ci` (scripts/setup.sh)")
        shutil.copyfile(pyodide / name, out / name)
    shutil.copyfile(HERE / "shim.mjs", out / "shim.mjs")
    wheels = []
    for dist in RUNTIME_WHEELS:
        found = sorted(wheel_dir.glob(f"{dist}-*-none-any.whl"))
        if len(found) != 1:
            raise SystemExit(f"need exactly one {dist} wheel in {wheel_dir}: run scripts/setup.sh")
        (out / "wheels").mkdir(exist_ok=True)
        shutil.copyfile(found[0], out / "wheels" / found[0].name)
        wheels.append(found[0].name)
    (out / "wheels.mjs").write_text(
        "".join(f'import w{i} from "./wheels/{w}";\n' for i, w in enumerate(wheels))
        + f"export default [{', '.join(f'w{i}' for i in range(len(wheels)))}];\n", encoding="utf-8")
    (out / "sources.mjs").write_text(f"export default {json.dumps(python_sources())};\n", encoding="utf-8")
    modules = "".join(f'    (name = "wheels/{w}", data = embed "wheels/{w}"),\n' for w in wheels)
    config = out / "config.capnp"
    config.write_text(CONFIG.format(port=port, wheel_modules=modules), encoding="utf-8")
    return config


def workerd_command(config: Path, *extra: str) -> list[str]:
    if not WORKERD.exists():
        raise SystemExit(f"{WORKERD} is missing: run `npm ci` (package.json has workerd)")
    return [str(WORKERD), "serve", str(config), *extra]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database", required=True, help="a PostgreSQL URL the local Neon endpoint serves")
    ap.add_argument("--port", type=int, default=8787)
    ap.add_argument("--no-push", action="store_true", help="do not create the tables")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from prisma_edge.devserver.neon import start_neon_endpoint
    from prisma_edge.fetch_adapters.neon_http import NeonHttpAdapter
    from prisma_edge.migrate.push import push_schema
    from prisma_edge.schema import load_schema

    with start_neon_endpoint(args.database) as neon, tempfile.TemporaryDirectory() as tmp:
        if not args.no_push:
            adapter = NeonHttpAdapter(neon.connection_string, endpoint=neon.url)
            asyncio.run(push_schema(adapter, load_schema(EXAMPLE / "schema.prisma")))
        config = build(Path(tmp), port=args.port)
        env = {**os.environ, "DATABASE_URL": neon.connection_string, "NEON_HTTP_URL": neon.url}
        proc = subprocess.Popen(workerd_command(config), env=env)
        print(f"Worker on http://127.0.0.1:{args.port}/todos (Ctrl-C to stop); the first request boots Pyodide")
        try:
            return proc.wait()
        except KeyboardInterrupt:
            proc.send_signal(signal.SIGTERM)
            return proc.wait()


if __name__ == "__main__":
    sys.exit(main())
