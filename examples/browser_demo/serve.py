"""Serve the browser demo on 127.0.0.1: the page, npm Pyodide, the prisma-edge wheel, a Neon endpoint.

usage: python examples/browser_demo/serve.py [--port 8000] [--neon-database postgresql://...]

- builds the prisma-edge wheel from this repository (`pip wheel`; or pass --wheel FILE) and
  serves it with the sqlglot, attrs and micropip wheels from .pyodide-wheels/ (scripts/setup.sh
  downloads them), so the page installs everything with micropip and no internet;
- serves node_modules/pyodide/ at /pyodide/ and the quickstart's schema at /schema.prisma, with
  /prisma_edge_client.py generated from it by `prisma-edge generate`;
- with --neon-database, starts the local Neon-compatible endpoint (CORS on) in front of that
  PostgreSQL database and pre-fills the page's Neon fields (/config.json).

Prints `DEMO_URL=...` (and `NEON_HTTP_URL=...`) once serving; stops on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCHEMA = ROOT / "examples" / "quickstart" / "schema.prisma"
PAGE_FILES = {"/": "index.html", "/index.html": "index.html", "/app.js": "app.js", "/worker.js": "worker.js",
              "/demo.py": "demo.py"}
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
         ".py": "text/x-python; charset=utf-8", ".prisma": "text/plain; charset=utf-8", ".json": "application/json",
         ".wasm": "application/wasm", ".zip": "application/zip", ".whl": "application/zip"}
RUNTIME_WHEELS = ("sqlglot", "attrs")


def build_wheel(out: Path) -> Path:
    """A fresh prisma-edge wheel from this tree (built from a copy: no build/ litter in the repo)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("pyproject.toml", "README.md"):
            if (ROOT / name).exists():
                shutil.copy(ROOT / name, tmp)
        shutil.copytree(ROOT / "src", Path(tmp) / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                        "--disable-pip-version-check", "-w", str(out), tmp], check=True)
    return next(out.glob("prisma_edge-*.whl"))


def pick_wheel(wheel_dir: Path, dist: str) -> Path:
    found = sorted(wheel_dir.glob(f"{dist}-*-none-any.whl"))
    if len(found) != 1:
        raise SystemExit(f"need one {dist} wheel in {wheel_dir}: run scripts/setup.sh")
    return found[0]


class Handler(http.server.SimpleHTTPRequestHandler):
    """Only the demo's files, /pyodide/, /wheels/ and the generated bits; CORS and no caching."""

    def __init__(self, *args: Any, site: dict[str, Any], **kwargs: Any) -> None:  # noqa: ANN401
        self.site = site
        super().__init__(*args, directory=str(ROOT / "node_modules"), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002, ANN401
        pass

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_bytes(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_file(self, path: Path) -> None:
        self.send_bytes(path.read_bytes(), TYPES.get(path.suffix, "application/octet-stream"))

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        site = self.site
        if path in PAGE_FILES:
            return self.send_file(HERE / PAGE_FILES[path])
        if path == "/schema.prisma":
            return self.send_file(SCHEMA)
        if path == "/prisma_edge_client.py":
            return self.send_bytes(site["client_module"], TYPES[".py"])
        if path == "/config.json":
            return self.send_bytes(json.dumps(site["config"]).encode(), TYPES[".json"])
        if path == "/wheels/index.json":
            return self.send_bytes(json.dumps(site["wheel_index"]).encode(), TYPES[".json"])
        if path.startswith("/wheels/") and path.removeprefix("/wheels/") in site["wheels"]:
            return self.send_file(site["wheels"][path.removeprefix("/wheels/")])
        if path.startswith("/pyodide/") and ".." not in path.split("/"):
            self.path = path  # served from node_modules/pyodide
            return super().do_GET()
        if path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return None
        self.send_error(404)
        return None

    def guess_type(self, path: Any) -> str:  # noqa: ANN401
        return TYPES.get(Path(str(path)).suffix, super().guess_type(path))


def main() -> int:
    ap = argparse.ArgumentParser(description="Serve the prisma-edge browser demo on 127.0.0.1.")
    ap.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    ap.add_argument("--neon-database", help="PostgreSQL URL: also serve a local Neon endpoint in front of it")
    ap.add_argument("--wheel", type=Path, help="a prisma-edge wheel to serve instead of building one")
    ap.add_argument("--wheel-dir", type=Path, default=ROOT / ".pyodide-wheels", help="where sqlglot/attrs/micropip wheels are")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from prisma_edge.generate import generate_file

    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists():
        raise SystemExit("node_modules/pyodide is missing: run `npm ci` (scripts/setup.sh)")
    neon = None
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel.resolve() if args.wheel else build_wheel(Path(tmp))
        extra = {dist: pick_wheel(args.wheel_dir, dist) for dist in (*RUNTIME_WHEELS, "micropip")}
        wheels = {p.name: p for p in (wheel, *extra.values())}
        site: dict[str, Any] = {
            "wheels": wheels,
            "wheel_index": {"micropip": extra["micropip"].name,
                            "install": [wheel.name] + [extra[d].name for d in RUNTIME_WHEELS]},
            "client_module": generate_file(SCHEMA, Path(tmp) / "prisma_edge_client.py")[1].encode(),
            "config": {},
        }
        if args.neon_database:
            from prisma_edge.devserver.neon import start_neon_endpoint

            neon = start_neon_endpoint(args.neon_database)
            site["config"] = {"neonUrl": neon.url, "connectionString": neon.connection_string}
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(Handler, site=site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            print(f"DEMO_URL=http://127.0.0.1:{server.server_address[1]}/", flush=True)
            if neon is not None:
                print(f"NEON_HTTP_URL={neon.url}", flush=True)
            print(f"serving the demo with {wheel.name} (Ctrl-C to stop)", file=sys.stderr, flush=True)
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            server.server_close()
            if neon is not None:
                neon.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
