"""`prisma-edge` command line: `generate`, `db push`, `migrate deploy|status|resolve|reset`, `dev neon`, `dev planetscale`, `dev libsql`, `dev d1`.

Each subcommand lives in its own module and is imported only when used, so the CLI stays cheap
to start and optional extras (database drivers for the local endpoints) load only when needed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# subcommand path -> "module:function" taking the parsed namespace and returning an exit code
_COMMANDS = {
    ("generate", None): "prisma_edge.generate:run",
    ("db", "push"): "prisma_edge.migrate.push:run",
    **{("migrate", c): "prisma_edge.migrate.cli.commands:run" for c in ("deploy", "status", "resolve", "reset")},
    ("migrate", "diff"): "prisma_edge.migrate.cli.diff:run_diff",
    ("migrate", "dev"): "prisma_edge.migrate.cli.diff:run_dev",
    ("db", "pull"): "prisma_edge.migrate.cli.diff:run_pull",
    ("validate", None): "prisma_edge.migrate.cli.format:run_validate",
    ("format", None): "prisma_edge.migrate.cli.format:run_format",
    ("dev", "neon"): "prisma_edge.devserver.neon:run",
    ("dev", "planetscale"): "prisma_edge.devserver.planetscale:run",
    ("dev", "libsql"): "prisma_edge.devserver.libsql:run",
    ("dev", "d1"): "prisma_edge.devserver.d1:run",
}


_SCHEMA_HELP = ("schema file or folder (default: prisma.config.ts's `schema`, then ./prisma/schema.prisma, "
                "./schema.prisma, ./prisma/schema/)")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="prisma-edge", description="Prisma-compatible ORM for the edge.")
    sub = p.add_subparsers(dest="group", required=True)

    gen = sub.add_parser("generate", help="write a typed client module (TypedDicts + Client) from schema.prisma")
    gen.add_argument("--schema", help=_SCHEMA_HELP)
    gen.add_argument("--output", help="module to write (default: prisma_edge_client.py beside the schema)")
    gen.add_argument("--check", action="store_true", help="write nothing; exit 1 if the module is out of date")
    gen.add_argument("--queries", help="JSON file of declared queries whose plans are embedded (no SQL rendered at cold start)")
    gen.add_argument("--extensions", action="append", metavar="FILE.py:NAME",
                     help="an Extension (define_extension) whose computed fields get types from their compute "
                     "functions' return annotations; repeatable")

    db = sub.add_parser("db", help="database schema commands").add_subparsers(dest="cmd", required=True)
    push = db.add_parser("push", help="create the schema's tables in the database")
    push.add_argument("--schema", help=_SCHEMA_HELP)
    push.add_argument("--url", help="database URL (default: the datasource url, prisma.config.ts, or DATABASE_URL "
                      "from the environment or .env)")
    push.add_argument("--force-reset", action="store_true", help="drop the schema's tables first")
    push.add_argument("--accept-data-loss", action="store_true", help="apply changes that may lose data")
    push.add_argument("--print", dest="print_sql", action="store_true", help="print the DDL, do not run it")

    from prisma_edge.migrate.cli import commands, diff

    diff.add_arguments(commands.add_arguments(sub))
    diff.add_pull_arguments(db)
    val = sub.add_parser("validate", help="check the schema as Prisma's `validate` does")
    val.add_argument("--schema", default=None, help="path to schema.prisma")
    fmt = sub.add_parser("format", help="lay out the schema as `prisma format` does")
    fmt.add_argument("--schema", default=None, help="path to schema.prisma")
    fmt.add_argument("--check", action="store_true", help="write nothing; exit 1 if the file is not formatted")

    dev = sub.add_parser("dev", help="local Neon/PlanetScale/libSQL/D1-compatible endpoints").add_subparsers(
        dest="cmd", required=True
    )
    for name, example in (("neon", "postgresql://..."), ("planetscale", "mysql://...")):
        d = dev.add_parser(name, help=f"serve the {name} HTTP protocol in front of a local database")
        d.add_argument("--database", required=True, help=f"the real database, e.g. {example}")
        d.add_argument("--host", default="127.0.0.1")
        d.add_argument("--port", type=int, default=0, help="0 picks a free port")
    lib = dev.add_parser("libsql", help="serve Turso's Hrana-over-HTTP protocol in front of an SQLite file")
    lib.add_argument("--database", required=True, help="the SQLite file, e.g. dev.db (created when missing)")
    lib.add_argument("--auth-token", help="the token clients must send (default: a random one, printed)")
    lib.add_argument("--host", default="127.0.0.1")
    lib.add_argument("--port", type=int, default=0, help="0 picks a free port")
    d1 = dev.add_parser("d1", help="serve Cloudflare D1's REST API over a local SQLite database")
    d1.add_argument("--database", help="the SQLite file (default: an in-memory database)")
    d1.add_argument("--host", default="127.0.0.1")
    d1.add_argument("--port", type=int, default=0, help="0 picks a free port")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "schema", "") is None:  # Prisma's default places
        from prisma_edge.errors import PrismaEdgeError
        from prisma_edge.schema import find_schema

        try:
            args.schema = find_schema()
        except PrismaEdgeError as e:
            print(f"prisma-edge: {e}", file=sys.stderr)
            return 1
    target = _COMMANDS[(args.group, getattr(args, "cmd", None))]
    module, func = target.split(":")
    try:
        fn = getattr(importlib.import_module(module), func)
    except ModuleNotFoundError as e:  # an optional extra is missing
        print(f"prisma-edge: {e}. Install the extra: pip install 'prisma-edge[devserver]'", file=sys.stderr)
        return 2
    from prisma_edge.errors import PrismaEdgeError

    try:
        return int(fn(args) or 0)
    except PrismaEdgeError as e:
        print(f"prisma-edge: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
