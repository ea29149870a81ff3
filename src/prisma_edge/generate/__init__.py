"""`prisma-edge generate`: one typed Python module from `schema.prisma` (no Node, no binary).

The module holds, per model, TypedDicts for the record (scalars as returned by default; relations
and `_count` as `NotRequired` keys, present when included) and for every operation's inputs
(`<Model>WhereInput`, `WhereUniqueInput`, `CreateInput`, `UpdateInput`, `Select`, `Include`,
`OrderBy`, ...), recursive through forward references. A `Client(prisma_edge.Client)` subclass has
one property per model returning a `<Model>Delegate`, a `ModelDelegate` subclass whose method
signatures exist only for type checkers (under `TYPE_CHECKING`): at run time every call is the
library's own, so behaviour cannot drift from the runtime.

The parsed schema is embedded as a constructor call tree of the frozen `schema.model` classes,
built on first use, so `Client()` needs no file and cold start parses nothing
(`benchmarks/cold_start.py` measures this against parsing the text).

Signatures use `= ...` defaults instead of `X | None = None`: a TypedDict parameter that is not a
union makes mypy/pyright name the offending key (`Extra key "emial" for TypedDict "UserWhereInput"`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..schema.model import Schema
from .computed import computed_fields, load_extensions
from .embed import FOOTER, HEADER, GenerateError, schema_source
from .plans import compile_declared, load_declarations, plans_source
from .typed import DEFAULT_OUTPUT, DELEGATE_METHODS, TypedParts

__all__ = ["DELEGATE_METHODS", "GenerateError", "generate", "generate_file", "run"]


def generate(schema: Schema, *, source: str = "schema.prisma", schema_text: str = "", module: str = "prisma_edge_client",
             queries: dict[str, Any] | None = None, extensions: Sequence[Any] = ()) -> str:
    """The generated module's source for `schema`; `queries`: declared queries whose plans are
    embedded (see `plans.py`); `extensions`: Extensions whose computed fields are typed (`computed.py`)."""
    parts = TypedParts(schema, computed_fields(schema, extensions)).run()
    digest = hashlib.sha256(schema_text.encode()).hexdigest()
    head = HEADER.format(source=source, module=module, digest=digest)
    tree = schema_source(schema, " " * 8)
    plans = plans_source(compile_declared(schema, queries)) if queries else "()"
    return head + "\n\n" + "\n\n\n".join(parts) + "\n\n\n" + FOOTER.format(tree=tree, plans=plans)


def generate_file(schema_path: str | Path, output: str | Path | None = None,
                  queries: str | Path | None = None, extensions: Sequence[str] = ()) -> tuple[Path, str]:
    """Parse `schema_path` (a file, or a folder of .prisma files) and return (output path, module
    source); writes nothing. `queries`: a declaration file of queries whose plans are embedded (plans.py);
    `extensions`: `file.py:name` / `module:name` of Extensions whose computed fields are typed."""
    from ..schema import load_schema
    from ..schema.sources import schema_files

    path = Path(schema_path)
    schema = load_schema(path)
    text = "\n".join(f.read_text(encoding="utf-8") for f in schema_files(path))
    out = Path(output) if output else (path / DEFAULT_OUTPUT if path.is_dir() else path.with_name(DEFAULT_OUTPUT))
    decls = load_declarations(queries) if queries else None
    exts = load_extensions(extensions)
    return out, generate(schema, source=path.name, schema_text=text, module=out.stem, queries=decls, extensions=exts)


def run(args: argparse.Namespace) -> int:
    """`prisma-edge generate [--schema schema.prisma] [--output FILE] [--check]`."""
    try:
        out, source = generate_file(args.schema, args.output, getattr(args, "queries", None),
                                    getattr(args, "extensions", None) or ())
    except GenerateError as e:
        print(f"prisma-edge: {e}", file=sys.stderr)
        return 1
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else None
        if current != source:
            print(f"prisma-edge: {out} is out of date; run `prisma-edge generate --schema {args.schema}`", file=sys.stderr)
            return 1
        print(f"{out} is up to date")
        return 0
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(source, encoding="utf-8")
    except OSError as e:
        print(f"prisma-edge: cannot write {out}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({len(source.splitlines())} lines) from {args.schema}")
    return 0
