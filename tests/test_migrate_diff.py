"""The differ writes the migration Prisma's engine writes: for each edit in tests/prisma7/edits
(before.prisma -> after.prisma), the database made by Prisma's DDL of `before` (init.<provider>.sql)
and then our migration SQL has the same catalog as after Prisma's own migration SQL (<provider>.sql),
on PostgreSQL and SQLite; and the data-loss warnings are Prisma's (createMigration's header).
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from prisma_edge.migrate.differ import diff, render_script, with_datamodel
from prisma_edge.migrate.sqlschema import from_schema
from prisma_edge.schema import parse_schema
from tests.support.catalog import diff_catalogs, pg_catalog, sqlite_catalog
from tests.support.databases import temp_postgres

ROOT = Path(__file__).resolve().parent.parent
EDITS = ROOT / "tests/prisma7/edits"
_DIALECT = {"postgresql": "postgres", "sqlite": "sqlite"}


def _switched(text: str, provider: str) -> str:
    def fix(m: re.Match[str]) -> str:
        return re.sub(r'(\n[ \t]*provider[ \t]*=[ \t]*)"[^"]*"', rf'\1"{provider}"', m.group(0), count=1)
    return re.sub(r"datasource\s+\w+\s*\{[\s\S]*?\n\s*\}", fix, text, count=1)


def _cases() -> list[tuple[str, str]]:
    return [(d.name, p) for d in sorted(EDITS.iterdir()) if d.is_dir() for p in ("postgresql", "sqlite")
            if (d / f"{p}.sql").is_file()]


def ours(edit: Path, provider: str) -> tuple[str, list[str]]:
    before = parse_schema(_switched((edit / "before.prisma").read_text(), provider))
    after = parse_schema(_switched((edit / "after.prisma").read_text(), provider))
    dialect = _DIALECT[provider]
    steps = with_datamodel(diff(from_schema(before, dialect), from_schema(after, dialect)), after)  # type: ignore[arg-type]
    return render_script(steps), [w for s in steps for w in (*s.warnings, *s.unexecutable)]


def _apply(provider: str, target: object, sql: str) -> None:
    if provider == "sqlite":
        assert isinstance(target, sqlite3.Connection)
        target.executescript(sql)
        return
    import psycopg

    with psycopg.connect(str(target), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[call-overload]


def catalog_after(provider: str, init: str, migration: str) -> dict:
    if provider == "sqlite":
        conn = sqlite3.connect(":memory:")
        try:
            _apply(provider, conn, init)
            _apply(provider, conn, migration)
            return sqlite_catalog(conn)
        finally:
            conn.close()
    with temp_postgres("diff") as url:
        _apply(provider, url, init)
        _apply(provider, url, migration)
        return pg_catalog(url)


@pytest.mark.parametrize(("edit", "provider"), _cases(), ids=[f"{e}-{p}" for e, p in _cases()])
def test_migration_gives_prismas_catalog(edit: str, provider: str) -> None:
    if edit == "39_add_autoincrement_bigint":
        pytest.skip("Prisma's own quirks (tests/prisma7/schema_engine/README.md): its PostgreSQL sequence is "
                    "`ticket_id_seq` (unquoted), and SQLite BigInt autoincrement is our INTEGER rowid on purpose")
    d = EDITS / edit
    init = (d / f"init.{provider}.sql").read_text()
    try:
        expected = catalog_after(provider, init, (d / f"{provider}.sql").read_text())
    except Exception as e:  # noqa: BLE001 - Prisma's own SQL fails (recorded in the edits README)
        pytest.skip(f"Prisma's migration does not apply: {str(e)[:160]}")
    script, _ = ours(d, provider)
    got = catalog_after(provider, init, script)
    diffs = diff_catalogs(expected, got)
    assert not diffs, f"{len(diffs)} difference(s) (first: Prisma, second: ours):\n  " + "\n  ".join(diffs[:20]) \
        + "\n--- our script:\n" + script


@pytest.mark.parametrize(("edit", "provider"), _cases(), ids=[f"{e}-{p}" for e, p in _cases()])
def test_warnings_are_prismas(edit: str, provider: str) -> None:
    if edit == "39_add_autoincrement_bigint":
        pytest.skip("39: our SQLite BigInt key is an INTEGER rowid on purpose")
    rec = json.loads((EDITS / edit / f"{provider}.json").read_text())["emptyTables"]["createMigration"]
    header = rec["migrationScript"].split("*/")[0] if rec["migrationScript"].startswith("/*") else ""
    expected = [ln.strip()[2:] for ln in header.splitlines() if ln.strip().startswith("- ")]
    _, warnings = ours(EDITS / edit, provider)
    assert sorted(warnings) == sorted(expected)
