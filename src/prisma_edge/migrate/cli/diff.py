"""`prisma-edge migrate diff` and `prisma-edge migrate dev` (CPython CLI), with Prisma's flags.

A side of a diff is empty, a datamodel (a schema file), a live database (a URL) or a migrations
folder. Datamodel against datamodel needs no database. As soon as a database is involved, every
side is read the same way through it (`scratch.py`: a datamodel applied to a scratch schema, a
migrations folder replayed there, then introspected), so spelling differences never show.

`migrate dev` deploys pending migrations, diffs the live database against the schema, writes
`migrations/<yyyymmddhhmmss>_<name>/migration.sql` with Prisma's warnings header and applies it
(`--create-only`: writes only).
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
from pathlib import Path
from typing import Any

from prisma_edge.errors import ClientError
from prisma_edge.migrate import runner
from prisma_edge.migrate.cli.commands import schema_path
from prisma_edge.migrate.differ import Step, diff, render_script, with_datamodel
from prisma_edge.migrate.history import check_lock, read_migrations, write_lock
from prisma_edge.migrate.live.introspect import introspect
from prisma_edge.migrate.live.scratch import schema_of_datamodel, schema_of_migrations
from prisma_edge.migrate.push import _PROVIDER_DIALECT, _run_sync, connect, parse_url, resolve_url
from prisma_edge.migrate.sqlschema import SqlSchema, from_schema

__all__ = ["add_arguments", "add_diff_arguments", "run_dev", "run_diff", "warnings_header"]


def add_arguments(mig: Any) -> None:
    """Register `migrate diff` and `migrate dev` on the `migrate` subparsers."""
    add_diff_arguments(mig.add_parser("diff", help="the SQL between two of: empty, a schema, a database, a "
                                      "migrations folder"))
    dev = mig.add_parser("dev", help="write a migration for the schema's changes and apply it")
    dev.add_argument("--schema", default=None, help="path to schema.prisma")
    dev.add_argument("--url", help="database URL (default: the datasource url / DATABASE_URL)")
    dev.add_argument("--migrations", help="the migrations folder (default: migrations/ beside the schema)")
    dev.add_argument("--name", "-n", help="the migration's name")
    dev.add_argument("--create-only", action="store_true", help="write the migration, do not apply it")


def add_pull_arguments(db: Any) -> None:
    """Register `db pull` on the `db` subparsers."""
    pull = db.add_parser("pull", help="write the database's tables as models into schema.prisma")
    pull.add_argument("--schema", default=None, help="path to schema.prisma (its datasource and generators stay)")
    pull.add_argument("--url", help="database URL (default: the datasource url / DATABASE_URL)")
    pull.add_argument("--print", dest="print_schema", action="store_true", help="print the schema, write nothing")


_HEADER_BLOCK = re.compile(r"^(datasource|generator)\s+\w+\s*\{[\s\S]*?^\}", re.MULTILINE)


def run_pull(args: argparse.Namespace) -> int:
    """`db pull`: introspect the database; keep the schema file's datasource and generator blocks."""
    from prisma_edge.migrate.live.pull import render_models

    path = schema_path(args.schema)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    header = "\n\n".join(m.group(0) for m in _HEADER_BLOCK.finditer(text))
    schema = _load(os.fspath(path)) if text else None
    if schema is None and not args.url:
        raise ClientError("db pull needs --url or a schema file with a datasource")
    url, base = resolve_url(schema, args.url, path.resolve().parent) if schema else (args.url, Path.cwd())
    target = parse_url(url, base)
    if not header:
        provider = {"postgres": "postgresql", "sqlite": "sqlite", "mysql": "mysql"}[target.dialect]
        header = f'datasource db {{\n  provider = "{provider}"\n  url      = env("DATABASE_URL")\n}}'
    conn = connect(target)
    try:
        models = render_models(_run_sync(introspect(conn)))
    finally:
        conn.close()
    out = header + "\n\n" + models
    if args.print_schema:
        sys.stdout.write(out)
        return 0
    path.write_text(out, encoding="utf-8")
    print(f"Introspected {models.count(chr(10) + 'model ') + models.startswith('model ')} models and wrote them "
          f"into {path}")
    return 0


def add_diff_arguments(p: argparse.ArgumentParser) -> None:
    for side in ("from", "to"):
        p.add_argument(f"--{side}-empty", action="store_true")
        p.add_argument(f"--{side}-schema-datamodel", f"--{side}-schema", dest=f"{side}_schema", metavar="PATH")
        p.add_argument(f"--{side}-url", dest=f"{side}_url", metavar="URL")
        p.add_argument(f"--{side}-migrations", dest=f"{side}_migrations", metavar="DIR")
    p.add_argument("--shadow-database-url", help="a scratch database for --*-migrations without a URL side")
    p.add_argument("--script", action="store_true", help="print SQL instead of a summary")
    p.add_argument("--exit-code", action="store_true", help="exit 2 when there is a difference, 0 when none")


def _load(path: str) -> Any:
    from prisma_edge.schema import parse_schema

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ClientError(f"cannot read the schema file {path}: {e.strerror}") from None
    return parse_schema(text, source_name=path)


def _side(args: argparse.Namespace, side: str) -> tuple[str, Any]:
    given = [(k, v) for k, v in (("empty", getattr(args, f"{side}_empty")), ("schema", getattr(args, f"{side}_schema")),
                                 ("url", getattr(args, f"{side}_url")),
                                 ("migrations", getattr(args, f"{side}_migrations"))) if v]
    if len(given) != 1:
        raise ClientError(f"migrate diff needs exactly one --{side}-... option (--{side}-empty, "
                          f"--{side}-schema-datamodel, --{side}-url, --{side}-migrations)")
    kind, value = given[0]
    return kind, (_load(value) if kind == "schema" else value)


def _dialect_of(sides: list[tuple[str, Any]]) -> str:
    for kind, value in sides:
        if kind == "schema":
            return _PROVIDER_DIALECT.get(value.provider, "")
        if kind == "url":
            return parse_url(value).dialect
    return ""


def diff_sides(args: argparse.Namespace) -> list[Step]:
    sides = [_side(args, "from"), _side(args, "to")]
    dialect = _dialect_of(sides)
    if not dialect:
        dialect = "sqlite" if not args.shadow_database_url else parse_url(args.shadow_database_url).dialect
    if all(k in ("empty", "schema") for k, _ in sides):
        return diff(*[SqlSchema(dialect) if k == "empty" else from_schema(v, dialect) for k, v in sides])
    url = next((v for k, v in sides if k == "url"), None) or args.shadow_database_url
    if url is None and dialect != "sqlite":
        raise ClientError("a --*-migrations side needs a database to replay on: pass --shadow-database-url")
    conn = connect(parse_url(url or "file::memory:"))
    try:
        read = []
        for kind, value in sides:
            if kind == "empty":
                read.append(SqlSchema(dialect))
            elif kind == "schema":
                read.append(_run_sync(schema_of_datamodel(conn, value)))
            elif kind == "migrations":
                read.append(_run_sync(schema_of_migrations(conn, read_migrations(value))))
            else:
                other = conn if value == url else connect(parse_url(value))
                read.append(_run_sync(introspect(other)))
        return diff(read[0], read[1])
    finally:
        conn.close()


def run_diff(args: argparse.Namespace) -> int:
    steps = diff_sides(args)
    if args.script:
        sys.stdout.write(render_script(steps) + ("" if steps else "\n"))
    elif not steps:
        print("No difference detected.")
    else:
        for s in steps:
            print(f"[{s.kind}] " + "; ".join(x.split("\n")[0][:100] for x in s.statements))
    return 2 if args.exit_code and steps else 0


def warnings_header(steps: list[Step]) -> str:
    """Prisma's `/* Warnings: ... */` block at the top of a `migrate dev` migration.sql."""
    lines = [w for s in steps for w in (*s.warnings, *s.unexecutable)]
    if not lines:
        return ""
    return "/*\n  Warnings:\n\n" + "".join(f"  - {w}\n" for w in lines) + "\n*/\n"


def run_dev(args: argparse.Namespace) -> int:
    path = schema_path(args.schema)
    schema = _load(os.fspath(path))
    dialect = _PROVIDER_DIALECT.get(schema.provider)
    if dialect is None:
        raise ClientError(f"migrate dev does not support the provider {schema.provider!r}")
    folder = Path(args.migrations) if args.migrations else path.resolve().parent / "migrations"
    check_lock(folder, schema.provider)
    url, base = resolve_url(schema, args.url, path.resolve().parent)
    conn = connect(parse_url(url, base))
    try:
        applied = _run_sync(runner.deploy(conn, read_migrations(folder)))
        for n in applied:
            print(f"Applied migration {n}")
        steps = with_datamodel(diff(_run_sync(introspect(conn)), _run_sync(schema_of_datamodel(conn, schema))),
                               schema)
        if not steps:
            print("Already in sync, no schema change or pending migration was found.")
            return 0
        blocked = _run_sync(runner.unexecutable(conn, steps))
        if blocked and not args.create_only:
            msgs = "\n".join(f"  - {u}" for u in blocked)
            raise ClientError(f"we found changes that cannot be executed:\n{msgs}\nYou can use --create-only to "
                              "create the migration, edit it, and apply it with migrate dev or deploy")
        name = re.sub(r"[^A-Za-z0-9_]+", "_", args.name or "migration").strip("_") or "migration"
        now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
        last = max((m.name[:14] for m in read_migrations(folder) if m.name[:14].isdigit()), default="")
        if last and now.strftime("%Y%m%d%H%M%S") <= last:  # two in one second: keep the order of creation
            now = datetime.datetime.strptime(last, "%Y%m%d%H%M%S") + datetime.timedelta(seconds=1)
        stamp = now.strftime("%Y%m%d%H%M%S")
        target = folder / f"{stamp}_{name}"
        target.mkdir(parents=True, exist_ok=False)
        script = warnings_header(steps) + render_script(steps)
        (target / "migration.sql").write_text(script, encoding="utf-8")
        write_lock(folder, schema.provider)
        for w in (w for s in steps for w in s.warnings):
            print(f"warning: {w}")
        print(f"Created migration {target.name}")
        if not args.create_only:
            _run_sync(runner.deploy(conn, [*read_migrations(folder)]))
            print(f"Applied migration {target.name}")
        return 0
    finally:
        conn.close()
