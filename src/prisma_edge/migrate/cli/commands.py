"""The `prisma-edge migrate deploy|status|resolve|reset` commands (CPython CLI).

Like Prisma's: the schema gives the provider and the URL (`--url`, the datasource `url`, or
`DATABASE_URL` from the environment / `.env`); the migrations are `migrations/` beside the schema
(`--migrations DIR` to point elsewhere); `migration_lock.toml` must name the schema's provider.
The work is done by `runner` over a blocking driver wrapped as a `Connection` (push.connect).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from prisma_edge.errors import ClientError
from prisma_edge.migrate import runner
from prisma_edge.migrate.history import Migration, check_lock, read_migrations
from prisma_edge.migrate.push import _PROVIDER_DIALECT, _run_sync, connect, parse_url, resolve_url

__all__ = ["add_arguments", "run", "schema_path"]


def add_arguments(sub: Any) -> Any:
    """Register `migrate deploy|status|resolve|reset` on the CLI's subparsers."""
    mig = sub.add_parser("migrate", help="apply and inspect a Prisma migrations folder").add_subparsers(
        dest="cmd", required=True)
    for name, text in (("deploy", "apply pending migrations"), ("status", "compare the folder with the database"),
                       ("resolve", "mark a migration applied or rolled back"),
                       ("reset", "drop everything in the database and apply every migration")):
        p = mig.add_parser(name, help=text)
        p.add_argument("--schema", default=None, help="path to schema.prisma (default: ./schema.prisma or "
                       "./prisma/schema.prisma)")
        p.add_argument("--url", help="database URL (default: the datasource url / DATABASE_URL)")
        p.add_argument("--migrations", help="the migrations folder (default: migrations/ beside the schema)")
        if name == "resolve":
            g = p.add_mutually_exclusive_group(required=True)
            g.add_argument("--applied", metavar="NAME")
            g.add_argument("--rolled-back", dest="rolled_back", metavar="NAME")
        if name == "reset":
            p.add_argument("--force", "-f", action="store_true", help="do not ask for confirmation")
    return mig


def schema_path(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    for p in (Path("schema.prisma"), Path("prisma/schema.prisma")):
        if p.is_file():
            return p
    raise ClientError("no schema found: pass --schema (looked for ./schema.prisma and ./prisma/schema.prisma)")


def run(args: argparse.Namespace) -> int:
    from prisma_edge.schema import parse_schema

    path = schema_path(args.schema)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ClientError(f"cannot read the schema file {path}: {e.strerror}") from None
    schema = parse_schema(text, source_name=os.fspath(path))
    dialect = _PROVIDER_DIALECT.get(schema.provider)
    if dialect is None:
        raise ClientError(f"migrate does not support the provider {schema.provider!r}")
    folder = Path(args.migrations) if args.migrations else path.resolve().parent / "migrations"
    check_lock(folder, schema.provider)
    migrations = read_migrations(folder)
    url, base = resolve_url(schema, args.url, path.resolve().parent)
    target = parse_url(url, base)
    if target.dialect != dialect:
        raise ClientError(f"the schema's provider is {schema.provider!r} but the URL is for {target.dialect}")
    conn = connect(target)
    try:
        return _command(args, conn, migrations, folder, target.display)
    finally:
        conn.close()


def _command(args: argparse.Namespace, conn: Any, migrations: list[Migration], folder: Path, where: str) -> int:
    out = sys.stdout
    if args.cmd == "deploy":
        print(f"{len(migrations)} migration{'s' if len(migrations) != 1 else ''} found in {folder}", file=out)
        names = _run_sync(runner.deploy(conn, migrations))
        if names:
            print(f"\nApplying migration{'s' if len(names) != 1 else ''} to {where}:", file=out)
            for n in names:
                print(f"  {n}", file=out)
            print(f"\nAll migrations have been successfully applied ({len(names)}).", file=out)
        else:
            print("\nNo pending migrations to apply.", file=out)
        return 0
    if args.cmd == "status":
        st = _run_sync(runner.status(conn, migrations))
        print(f"{len(migrations)} migration{'s' if len(migrations) != 1 else ''} found in {folder}\n", file=out)
        for label, names in (("Following migration(s) have not yet been applied:", st.pending),
                             ("Following migration(s) have failed:", st.failed),
                             ("Following migration(s) were modified after they were applied:", st.modified),
                             ("Following migration(s) are applied to the database but missing from the local "
                              "migrations directory:", st.missing)):
            if names:
                print(label + "\n" + "\n".join(names) + "\n", file=out)
        if st.clean:
            print("Database schema is up to date!", file=out)
        return 0 if st.clean else 1
    if args.cmd == "resolve":
        if args.applied:
            _run_sync(runner.mark_applied(conn, migrations, args.applied))
            print(f"Migration {args.applied} marked as applied.", file=out)
        else:
            _run_sync(runner.mark_rolled_back(conn, migrations, args.rolled_back))
            print(f"Migration {args.rolled_back} marked as rolled back.", file=out)
        return 0
    if not args.force and sys.stdin.isatty():
        answer = input(f"Are you sure you want to reset {where}? All data will be lost. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Reset cancelled.", file=out)
            return 1
    names = _run_sync(runner.reset(conn, migrations))
    print(f"Database reset successful: {where}; applied {len(names)} migration(s).", file=out)
    return 0
