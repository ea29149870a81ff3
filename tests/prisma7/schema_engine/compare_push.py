"""Catalog after Prisma's recorded DDL vs catalog after `prisma-edge db push`, per schema and provider.

Information, not a test: prints every difference (tests/support/catalog.py's diff_catalogs), for each
tests/expected/prisma_ddl/<schema>.<provider>.sql (the schema's datasource provider switched as when it
was recorded; see manifest.json there).

    .venv/bin/python tests/prisma7/schema_engine/compare_push.py [--only blog shop] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from tests.support.catalog import diff_catalogs  # noqa: E402
from verify import DDL, apply, fresh, pg_url, read_catalog  # noqa: E402

CLI = [str(ROOT / ".venv/bin/prisma-edge")] if (ROOT / ".venv/bin/prisma-edge").exists() else \
    [sys.executable, "-m", "prisma_edge.cli"]


def switched(text: str, provider: str) -> str:
    """The schema with its datasource provider set to `provider` (as se.mjs --set-provider does)."""
    def fix(m: re.Match) -> str:
        return re.sub(r'(\n[ \t]*provider[ \t]*=[ \t]*)"[^"]*"', rf'\1"{provider}"', m.group(0), count=1)
    return re.sub(r"datasource\s+\w+\s*\{[\s\S]*?\n\s*\}", fix, text, count=1)


def push(provider: str, target: str, schema_text: str) -> str | None:
    url = pg_url(target) if provider == "postgresql" else f"file:{target}"
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "schema.prisma"
        p.write_text(schema_text)
        r = subprocess.run([*CLI, "db", "push", "--schema", str(p), "--url", url], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return None if r.returncode == 0 else (r.stderr.strip() or r.stdout.strip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--json")
    a = ap.parse_args()
    manifest = json.loads((DDL / "manifest.json").read_text())
    report = {}
    for key, info in sorted(manifest["recorded"].items()):
        name, provider = key.rsplit(".", 1)
        if a.only and name not in a.only:
            continue
        schema = switched((ROOT / info["schema"]).read_text(), provider)
        with fresh(provider) as prisma_db, fresh(provider) as edge_db:
            err = apply(provider, prisma_db, (DDL / f"{key}.sql").read_text())
            assert not err, err
            perr = push(provider, edge_db, schema)
            if perr:
                report[key] = {"push_error": perr}
                print(f"== {key}: prisma-edge db push failed: {perr}")
                continue
            d = diff_catalogs(read_catalog(provider, prisma_db), read_catalog(provider, edge_db))
        report[key] = d
        print(f"== {key}: {len(d)} difference(s) (first: Prisma, second: prisma-edge)")
        for line in d:
            print("   " + line)
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
