"""Where a schema comes from: one file, a folder of `.prisma` files, or Prisma's default places.

A multi-file schema (a `prisma/schema/` folder, Prisma's `prismaSchemaFolder`) is every `.prisma`
file under the folder, read in path order and resolved as one schema: models in one file may
refer to models and enums in another, and there is one datasource. Lines are numbered across the
files one after the other, so each error still names its own file and line.
"""

from __future__ import annotations

import os
from pathlib import Path

from prisma_edge.errors import SchemaError
from prisma_edge.schema.model import Schema

# Prisma's default places, in the order Prisma's CLI looks (after --schema and prisma.config.ts)
DEFAULT_LOCATIONS = ("prisma/schema.prisma", "schema.prisma", "prisma/schema")


def schema_files(path: str | os.PathLike[str]) -> list[Path]:
    """The `.prisma` files a schema path means: the file itself, or every one under a folder."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*.prisma") if f.is_file())
        if not files:
            raise SchemaError(f"the schema folder {p} holds no .prisma files")
        return files
    return [p]


def parse_files(sources: list[tuple[str, str]]) -> Schema:
    """Parse and resolve (name, text) pairs as one schema; errors name the file and its line."""
    from prisma_edge.schema.parser import Block, parse
    from prisma_edge.schema.resolve import resolve

    blocks: list[Block] = []
    files: list[tuple[int, str]] = []
    first = 1
    for name, text in sources:
        files.append((first, name))
        try:
            blocks += parse(text, name, first)
        except SchemaError as e:  # the parser numbers lines schema-wide: give the file's own
            raise SchemaError(_message(e), e.line - first + 1, e.column, source_name=name) from None
        first += text.count("\n") + 1
    return resolve(blocks, sources[0][0] if sources else "schema.prisma", tuple(files))


def load_path(path: str | os.PathLike[str]) -> Schema:
    """Read (UTF-8) and parse a schema file or folder."""
    sources = []
    for f in schema_files(path):
        try:
            sources.append((os.fspath(f), f.read_text(encoding="utf-8")))
        except OSError as e:
            raise SchemaError(f"cannot read the schema file {f}: {e.strerror}") from None
    return parse_files(sources)


def find_schema(directory: str | os.PathLike[str] | None = None) -> Path:
    """The schema Prisma would use from `directory` (default: the working directory).

    `prisma.config.ts`'s `schema: "..."` when it is a plain literal, else `prisma/schema.prisma`,
    `schema.prisma`, then a `prisma/schema/` folder. Raises SchemaError naming the places tried.
    """
    from prisma_edge.schema.config import read_config

    base = Path(directory) if directory is not None else Path.cwd()
    configured = read_config(base).schema
    if configured:
        p = base / configured
        if p.exists():
            return p
        raise SchemaError(f"prisma.config.ts names the schema {configured!r}, which does not exist in {base}")
    for rel in DEFAULT_LOCATIONS:
        p = base / rel
        if p.is_file() or (p.is_dir() and any(p.rglob("*.prisma"))):
            return p
    tried = ", ".join(f"./{x}" for x in DEFAULT_LOCATIONS)
    raise SchemaError(f"could not find a Prisma schema in {base} (looked for {tried}); pass its path")


def _message(e: SchemaError) -> str:
    text = str(e)
    prefix = f"{e.source_name}:{e.line}:{e.column}: "
    return text[len(prefix) :] if text.startswith(prefix) else text
