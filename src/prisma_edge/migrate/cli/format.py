"""`prisma-edge validate` and `prisma-edge format`, as Prisma's.

`validate` parses the schema with every check the client runs and says whether it is valid.
`format` rewrites the file the way `prisma format` lays it out: two-space indentation inside
blocks, and in each run of field lines (up to a blank line; comments do not break it) the names,
types and attributes aligned in columns (`key = value` lines aligned on `=` in datasource and generator blocks). Comments and
blank lines stay where they are; a schema that does not parse is not touched.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from prisma_edge.errors import ClientError

__all__ = ["format_schema", "run_format", "run_validate"]

_BLOCK = re.compile(r"^\s*(model|enum|view|type|datasource|generator)\s+(\w+)\s*\{\s*$")
_KV = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


def _split_field(line: str) -> list[str]:
    """`name Type @a(...) @b // c` -> [name, Type, "@a(...) @b // c"], respecting strings and parens."""
    parts, depth, quote, cur = [], 0, False, ""
    for i, ch in enumerate(line):
        if quote:
            cur += ch
            if ch == '"' and line[i - 1] != "\\":
                quote = False
            continue
        if ch == '"':
            quote = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch.isspace() and depth == 0 and len(parts) < 2:
            if cur:
                parts.append(cur)
                cur = ""
            continue
        cur += ch
    if cur:
        parts.append(cur.strip())
    return parts


def _flush(rows: list[list[str]], kv: bool, out: list[str]) -> None:
    if not rows:
        return
    fields = [r for r in rows if not r[0].startswith("\0")]
    w0 = max((len(r[0]) for r in fields), default=0)
    w1 = max((len(r[1]) for r in fields if len(r) > 1), default=0)
    for r in rows:
        if r[0].startswith("\0"):
            out.append(f"  {r[0][1:]}" if r[0][1:] else "")
        elif kv:
            out.append(f"  {r[0].ljust(w0)} = {r[1]}")
        else:
            if len(r) == 1:
                out.append(f"  {r[0]}")
            elif len(r) == 2:
                out.append(f"  {r[0].ljust(w0)} {r[1]}".rstrip())
            else:
                out.append(f"  {r[0].ljust(w0)} {r[1].ljust(w1)} {r[2]}".rstrip())
    rows.clear()


def format_schema(text: str) -> str:
    """The schema text laid out as `prisma format` does (see the module docstring)."""
    out: list[str] = []
    rows: list[list[str]] = []
    kind: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        m = _BLOCK.match(raw)
        if kind is None:
            if m:
                kind = m.group(1)
                out.append(f"{m.group(1)} {m.group(2)} {{")
            else:
                out.append(raw.rstrip())
            continue
        kv = kind in ("datasource", "generator")
        if line == "}":
            _flush(rows, kv, out)
            out.append("}")
            kind = None
        elif not line:  # a blank line ends a run of aligned fields
            _flush(rows, kv, out)
            out.append("")
        elif line.startswith("//") or line.startswith("@@"):
            rows.append(["\0" + line])  # kept as written; the fields around it align across it
        elif kv and (mk := _KV.match(line)):
            rows.append([mk.group(1), mk.group(2).strip()])
        else:
            rows.append(_split_field(line))
    return "\n".join(out).rstrip("\n") + "\n"


def _path(arg: str | None) -> Path:
    from prisma_edge.migrate.cli.commands import schema_path

    return schema_path(arg)


def run_validate(args: argparse.Namespace) -> int:
    from prisma_edge.schema import parse_schema

    path = _path(args.schema)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ClientError(f"cannot read the schema file {path}: {e.strerror}") from None
    parse_schema(text, source_name=os.fspath(path))  # raises SchemaError with every problem
    print(f"The schema at {path} is valid 🚀")
    return 0


def run_format(args: argparse.Namespace) -> int:
    from prisma_edge.schema import parse_schema

    path = _path(args.schema)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ClientError(f"cannot read the schema file {path}: {e.strerror}") from None
    parse_schema(text, source_name=os.fspath(path))  # only a valid schema is rewritten
    formatted = format_schema(text)
    if getattr(args, "check", False):
        if formatted != text:
            print(f"{path} is not formatted; run `prisma-edge format`", file=sys.stderr)
            return 1
        print(f"{path} is formatted")
        return 0
    if formatted != text:
        path.write_text(formatted, encoding="utf-8")
    print(f"Formatted {path}")
    return 0
