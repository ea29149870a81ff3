"""Run the client suite inside workerd (miniflare) on the adapters that only exist there: D1, Hyperdrive.

usage: .venv/bin/python wasm_tests/run_workerd.py [--summary-json PATH] [-- PYTEST ARGS...]

Cloudflare's Python runtime cannot start offline, so this boots npm Pyodide in a JavaScript
Worker (wasm_tests/workerd_pytest.mjs, on examples/cloudflare_worker/local/boot.mjs) served by
miniflare, which emulates the bindings a Python Worker uses: `DB` (D1, as `wrangler dev` does)
and `HYPERDRIVE` (its host routed to a local proxy in front of a throwaway PostgreSQL database
created here and dropped afterwards). The suite, the wheels and prisma_edge from this tree are
embedded as Worker modules; each test file runs as one request (`pytest.main` inside it), so
every socket and binding call a test makes belongs to that request. Default pytest arguments:
the client test files, `-k "d1 or hyperdrive"`. The exit code is pytest's (the worst of the files).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples" / "cloudflare_worker" / "local"))
from build import Host, build, package_sources, passthrough_env, wheels  # noqa: E402

CLIENT_SUITE = ["tests/test_client_reads.py", "tests/test_client_writes.py", "tests/test_nested_writes.py",
                "tests/test_transactions.py", "tests/test_aggregates.py", "tests/test_json_filters.py",
                "tests/test_relation_mode.py", "tests/test_realistic_schemas.py", "tests/test_round_trips.py",
                "tests/test_d1.py", "tests/test_hyperdrive.py"]
SELECT = "d1 or hyperdrive"
PG = os.environ.get("PRISMA_EDGE_PG_HOST", "127.0.0.1"), os.environ.get("PRISMA_EDGE_PG_PORT", "5432")
PG_USER = os.environ.get("PRISMA_EDGE_PG_USER", "postgres")


def project_files() -> dict[str, str]:
    """The suite as the Worker sees it under /project: sources, tests, schemas, pytest config."""
    out = {f"src/{k}": v for k, v in package_sources().items()}
    paths = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("tests/schemas/*.prisma"), ROOT / "pyproject.toml",
             ROOT / "wasm_tests" / "pytest_summary.py"]
    for p in sorted(paths):
        if "__pycache__" not in p.parts:
            out[p.relative_to(ROOT).as_posix()] = p.read_text(encoding="utf-8")
    # the Python Workers SDK's name for cloudflare:sockets (local/workers.py stands in for it)
    out["workers.py"] = (ROOT / "examples" / "cloudflare_worker" / "local" / "workers.py").read_text(encoding="utf-8")
    return out


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str | None]:
    """A fresh PostgreSQL database for the Hyperdrive binding (dropped afterwards); None when no
    server answers (then the Hyperdrive tests skip, except in CI, where that is a failure)."""
    import psycopg

    name = f"pe_workerd_{uuid.uuid4().hex[:12]}"
    admin = f"postgresql://{PG_USER}@{PG[0]}:{PG[1]}/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as e:
        if os.environ.get("CI") == "true":
            raise
        print(f"[workerd] PostgreSQL at {PG[0]}:{PG[1]} is not reachable ({e}); the Hyperdrive tests skip", file=sys.stderr)
        yield None
        return
    try:
        yield f"postgresql://{PG_USER}:local@{PG[0]}:{PG[1]}/{name}"  # miniflare wants a password; trust ignores it
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_file(url: str, args: list[str]) -> dict:
    body = json.dumps({"args": args}).encode()
    req = urllib.request.Request(url + "/", data=body, method="POST", headers={"content-type": "application/json"})
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=1800) as resp:
        return json.loads(resp.read())


def merge(total: dict | None, part: dict | None) -> dict | None:
    if part is None:
        return total
    if total is None:
        return dict(part)
    for k in ("passed", "failed", "errors", "skipped", "no_pyodide", "xfailed", "xpassed", "deselected"):
        total[k] = total.get(k, 0) + part.get(k, 0)
    total["exit_status"] = max(total.get("exit_status", 0), part.get("exit_status", 0))
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summary-json", type=Path)
    ap.add_argument("pytest", nargs="*")
    args = ap.parse_args()
    extra = args.pytest
    files = [a for a in extra if a.startswith("tests/") and not a.startswith("-")] or CLIENT_SUITE
    options = [a for a in extra if a not in files] or ["-k", SELECT]
    env = {**passthrough_env(), "PRISMA_EDGE_RUNTIME": "workerd"}
    summary, rc = None, 0
    with tempfile.TemporaryDirectory() as tmp, throwaway_postgres() as pg:
        modules = build(Path(tmp), entry=ROOT / "wasm_tests" / "workerd_pytest.mjs", files=project_files(),
                        wheel_files=wheels(ROOT / ".pyodide-wheels"))
        host = Host(Path(tmp), modules, bindings={"PRISMA_EDGE_PYTHON_ENV": json.dumps(env)}, d1=["DB"],
                    hyperdrives={"HYPERDRIVE": pg} if pg else None)
        with host:
            for f in files:
                print(f"[workerd] {f}", flush=True)
                result = run_file(host.url, ["-rfEs", *options, f])
                print(result["output"], end="", flush=True)
                if result["rc"] not in (0, 5):  # 5: the selection left nothing in this file
                    rc = max(rc, int(result["rc"]))
                summary = merge(summary, result["summary"])
    if args.summary_json and summary is not None:
        args.summary_json.write_text(json.dumps(summary), encoding="utf-8")
    print(f"[workerd] {summary and summary['passed']} passed, {summary and summary['failed'] + summary['errors']} failed, "
          f"exit {rc}", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
