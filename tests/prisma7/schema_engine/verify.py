"""Check the recorded Prisma SQL against real databases, and tests/support/catalog.py against it.

Not a test (the engineers' pytest comparisons come later); a script that prints what it found:

    .venv/bin/python tests/prisma7/schema_engine/verify.py [--only NAME...] [--json OUT]

1. every tests/expected/prisma_ddl/*.postgresql.sql applies to a fresh database with
   `psql -v ON_ERROR_STOP=1`, every *.sqlite.sql with Python's sqlite3 (executescript);
2. the catalog of that database names every table, enum, index and constraint the SQL creates
   (a sanity check of catalog.py against the recorded DDL), and applying the same SQL twice gives
   equal catalogs;
3. for every edit and provider: init.<p>.sql then <p>.sql (the `migrate diff` of the edit) apply, on
   empty tables; the catalog then equals the catalog of target.<p>.sql applied to a fresh database
   (differences are listed: they are Prisma's); the same for the `migrate dev` script recorded in
   <p>.json (migrationScript); with seed.sql loaded first the edit is applied again, and its outcome
   is set beside Prisma's warnings / unexecutable steps.
4. catalog.py notices deliberate changes (a renamed index, a changed default, another FK action).

Needs the local PostgreSQL (127.0.0.1:5432, user postgres, trust; PRISMA_EDGE_PG_* as in
tests/support/databases.py) and psql on PATH.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.support.catalog import diff_catalogs, pg_catalog, sqlite_catalog  # noqa: E402

DDL = ROOT / "tests/expected/prisma_ddl"
EDITS = ROOT / "tests/prisma7/edits"
PG_HOST = os.environ.get("PRISMA_EDGE_PG_HOST", "127.0.0.1")
PG_PORT = os.environ.get("PRISMA_EDGE_PG_PORT", "5432")
PG_USER = os.environ.get("PRISMA_EDGE_PG_USER", "postgres")


def pg_url(db: str) -> str:
    return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{db}"


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_url("postgres"), autocommit=True) as c:
        c.execute(sql)


@contextlib.contextmanager
def fresh_pg() -> Iterator[str]:
    name = f"verify_{uuid.uuid4().hex[:10]}"
    admin(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def fresh_sqlite() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as d:
        yield os.path.join(d, "dev.db")


def apply_pg(db: str, sql: str) -> str | None:
    """Apply with psql -v ON_ERROR_STOP=1; the error text, or None."""
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER,
                        "-d", db, "-f", "-"], input=sql, capture_output=True, text=True)
    if r.returncode != 0:
        lines = (r.stderr.strip() or f"psql exit {r.returncode}").splitlines()
        return next((ln for ln in lines if "ERROR:" in ln), lines[-1])
    return None


def apply_sqlite(path: str, sql: str) -> str | None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(sql)
        return None
    except sqlite3.Error as e:
        return f"{type(e).__name__}: {e}"
    finally:
        conn.close()


def apply(provider: str, target: str, sql: str) -> str | None:
    return apply_pg(target, sql) if provider == "postgresql" else apply_sqlite(target, sql)


def read_catalog(provider: str, target: str) -> dict:
    return pg_catalog(pg_url(target)) if provider == "postgresql" else sqlite_catalog(target)


def fresh(provider: str):
    return fresh_pg() if provider == "postgresql" else fresh_sqlite()


# ---- what the SQL text says it creates (for the sanity check of catalog.py)
IDENT = r'"((?:[^"]|"")+)"'


def created_names(sql: str) -> dict[str, set]:
    def names(pattern: str) -> set:
        return {m.replace('""', '"') for m in re.findall(pattern, sql)}

    return {
        "tables": names(r"CREATE TABLE " + IDENT),
        "indexes": names(r"CREATE (?:UNIQUE )?INDEX " + IDENT),
        "enums": names(r"CREATE TYPE " + IDENT + r" AS ENUM"),
        "constraints": names(r"CONSTRAINT " + IDENT),
    }


def check_names(cat: dict, sql: str) -> list[str]:
    want = created_names(sql)
    tables = cat["tables"]
    problems = []
    for t in want["tables"] - set(tables):
        problems.append(f"table {t} missing from the catalog")
    have_idx = {i for t in tables.values() for i in t["indexes"]}
    for i in want["indexes"] - have_idx:
        problems.append(f"index {i} missing from the catalog")
    for e in want["enums"] - set(cat.get("enums", {})):
        problems.append(f"enum {e} missing from the catalog")
    have_con = {t["primary_key"]["name"] for t in tables.values() if t["primary_key"] and t["primary_key"]["name"]}
    have_con |= {f for t in tables.values() for f in t["foreign_keys"]}
    have_con |= {c for t in tables.values() for c in t["checks"]}
    for c in want["constraints"] - have_con:
        problems.append(f"constraint {c} missing from the catalog")
    return problems


def verify_ddl(only: list[str], report: dict) -> int:
    bad = 0
    for f in sorted(DDL.glob("*.sql")):
        name = f.name[:-4]
        if only and not any(name.startswith(o) for o in only):
            continue
        provider = name.rsplit(".", 1)[1]
        sql = f.read_text()
        entry: dict = {}
        with fresh(provider) as a, fresh(provider) as b:
            err = apply(provider, a, sql)
            if err:
                entry["apply"] = err
            else:
                cat = read_catalog(provider, a)
                entry["tables"] = len(cat["tables"])
                entry["name_check"] = check_names(cat, sql)
                err2 = apply(provider, b, sql)
                entry["twice_equal"] = (not err2) and not diff_catalogs(cat, read_catalog(provider, b))
        ok = "apply" not in entry and not entry["name_check"] and entry["twice_equal"]
        bad += not ok
        print(f"ddl  {name:28} {'ok' if ok else 'FAIL'} {'' if ok else entry}")
        report.setdefault("ddl", {})[name] = entry
    return bad


def verify_edits(only: list[str], report: dict) -> int:
    bad = 0
    for d in sorted(p for p in EDITS.iterdir() if p.is_dir()):
        if only and not any(d.name.startswith(o) for o in only):
            continue
        for provider in ("postgresql", "sqlite"):
            edit_sql = d / f"{provider}.sql"
            if not edit_sql.exists():
                continue
            init = (d / f"init.{provider}.sql").read_text()
            target = (d / f"target.{provider}.sql").read_text()
            rec = json.loads((d / f"{provider}.json").read_text())
            entry: dict = {}
            with fresh(provider) as t:
                entry["target_apply"] = apply(provider, t, target)
                want = read_catalog(provider, t)
            for label, script in (("diff", edit_sql.read_text()),
                                  ("migrate_dev", rec["emptyTables"]["migrationScript"])):
                with fresh(provider) as db:
                    e1 = apply(provider, db, init)
                    e2 = None if e1 else apply(provider, db, script)
                    res: dict = {"init_apply": e1, "apply": e2}
                    if not e1 and not e2:
                        res["catalog_vs_target"] = diff_catalogs(read_catalog(provider, db), want)
                    entry[label] = res
            seed = d / "seed.sql"
            if seed.exists():
                with fresh(provider) as db:
                    e1 = apply(provider, db, init) or apply(provider, db, seed.read_text())
                    e2 = None if e1 else apply(provider, db, edit_sql.read_text())
                    dl = (rec.get("seeded") or {}).get("evaluateDataLoss") or {}
                    entry["seeded"] = {"setup": e1, "apply": e2,
                                       "prisma_unexecutable": [s["message"] for s in dl.get("unexecutableSteps", [])],
                                       "prisma_warnings": [s["message"] for s in dl.get("warnings", [])]}
            diff_ok = not entry["diff"]["init_apply"] and not entry["diff"]["apply"]
            dev_ok = not entry["migrate_dev"]["init_apply"] and not entry["migrate_dev"]["apply"]
            same = diff_ok and not entry["diff"].get("catalog_vs_target")
            status = "ok" if diff_ok and dev_ok and not entry["target_apply"] else "FAIL"
            bad += status != "ok"
            notes = []
            if entry["target_apply"]:
                notes.append(f"target DDL does not apply: {entry['target_apply']}")
            if not diff_ok:
                notes.append(f"diff does not apply: {entry['diff']['apply'] or entry['diff']['init_apply']}")
            if not dev_ok:
                notes.append(f"migrate-dev script does not apply: {entry['migrate_dev']['apply']}")
            if diff_ok and not same:
                notes.append(f"init+diff != target: {entry['diff']['catalog_vs_target']}")
            if dev_ok and entry["migrate_dev"].get("catalog_vs_target"):
                notes.append(f"init+migrate-dev != target: {entry['migrate_dev']['catalog_vs_target']}")
            if "seeded" in entry:
                s = entry["seeded"]
                fails = bool(s["apply"])
                # Prisma says so either as an unexecutable step or as a warning that "this will fail"
                expected = bool(s["prisma_unexecutable"]) or any("will fail" in w for w in s["prisma_warnings"])
                notes.append(f"seeded: {'fails' if fails else 'applies'}"
                             f"{' (' + s['apply'] + ')' if fails else ''}; Prisma: "
                             f"{len(s['prisma_unexecutable'])} unexecutable, {len(s['prisma_warnings'])} warnings"
                             f"{' <- MISMATCH' if (fails and not expected) or (not fails and s['prisma_unexecutable']) else ''}")
            print(f"edit {d.name:40} {provider:10} {status} {'; '.join(notes)}")
            report.setdefault("edits", {})[f"{d.name}.{provider}"] = entry
    return bad


def verify_catalog_sensitivity() -> int:
    """catalog.py must notice small, deliberate differences."""
    bad = 0
    base = (DDL / "blog.postgresql.sql").read_text()
    variants = {
        "index renamed": base.replace('"Post_authorId_idx"', '"post_author"'),
        "default changed": base.replace('DEFAULT 0', 'DEFAULT 1', 1),
        "FK action changed": base.replace('ON DELETE CASCADE', 'ON DELETE RESTRICT', 1),
        "unique index as a constraint": base.replace(
            'CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");',
            'ALTER TABLE "Tag" ADD CONSTRAINT "Tag_name_key" UNIQUE ("name");'),
        "index order DESC": base.replace('ON "Post"("authorId")', 'ON "Post"("authorId" DESC)'),
    }
    with fresh_pg() as a:
        apply_pg(a, base)
        ref = pg_catalog(pg_url(a))
        for what, sql in variants.items():
            assert sql != base, what
            with fresh_pg() as b:
                err = apply_pg(b, sql)
                d = diff_catalogs(ref, pg_catalog(pg_url(b))) if not err else [err]
            print(f"catalog pg noticed {what:30} {'ok' if d else 'FAIL'} {d[:2]}")
            bad += not d
    sbase = (DDL / "blog.sqlite.sql").read_text()
    svariants = {
        "index renamed": sbase.replace('"Post_authorId_idx"', '"post_author"'),
        "default changed": sbase.replace("DEFAULT 0", "DEFAULT 1", 1),
        "FK action changed": sbase.replace("ON DELETE CASCADE", "ON DELETE RESTRICT", 1),
        "FK renamed": sbase.replace('"Comment_postId_fkey"', '"c_post"'),
        "type spelled differently": sbase.replace('"body" TEXT NOT NULL', '"body" VARCHAR NOT NULL'),
    }
    with fresh_sqlite() as a:
        apply_sqlite(a, sbase)
        ref = sqlite_catalog(a)
        for what, sql in svariants.items():
            assert sql != sbase, what
            with fresh_sqlite() as b:
                err = apply_sqlite(b, sql)
                d = diff_catalogs(ref, sqlite_catalog(b)) if not err else [err]
            print(f"catalog sqlite noticed {what:26} {'ok' if d else 'FAIL'} {d[:2]}")
            bad += not d
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", default=[], help="name prefixes (schemas or edits)")
    ap.add_argument("--json", help="write the full report here")
    ap.add_argument("--skip", nargs="*", default=[], choices=["ddl", "edits", "catalog"])
    a = ap.parse_args()
    report: dict = {}
    bad = 0
    if "ddl" not in a.skip:
        bad += verify_ddl(a.only, report)
    if "edits" not in a.skip:
        bad += verify_edits(a.only, report)
    if "catalog" not in a.skip and not a.only:
        bad += verify_catalog_sensitivity()
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=2, default=str) + "\n")
    print(f"{bad} failure(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
