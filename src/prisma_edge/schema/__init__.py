"""Prisma schema language: `parse_schema(text)` / `load_schema(path)` -> a frozen `Schema`.

    from prisma_edge.schema import load_schema, dialect_of
    schema = load_schema("prisma/schema.prisma")
    schema.model("User").field("posts").relation.join   # (("id", "authorId"),)
    dialect_of(schema)                                  # "sqlite" | "postgres" | "mysql"

Parsing is a hand-written lexer and parser (`lexer.py`, `parser.py`) followed by a validating
pass (`resolve.py`); none of it imports sqlglot, so loading a schema stays cheap at cold start.
"""

from __future__ import annotations

import os
from typing import Literal

from prisma_edge.schema.model import (
    SCALAR_TYPES,
    Datasource,
    Default,
    Enum,
    EnumValue,
    Field,
    Generator,
    Index,
    Model,
    NativeType,
    Relation,
    Schema,
    UniqueIndex,
)

Dialect = Literal["sqlite", "postgres", "mysql"]

_DIALECTS: dict[str, Dialect] = {"sqlite": "sqlite", "postgresql": "postgres", "mysql": "mysql"}

__all__ = [
    "SCALAR_TYPES",
    "Datasource",
    "Default",
    "Dialect",
    "Enum",
    "EnumValue",
    "Field",
    "Generator",
    "Index",
    "Model",
    "NativeType",
    "Relation",
    "Schema",
    "UniqueIndex",
    "dialect_of",
    "find_schema",
    "load_schema",
    "parse_schema",
]


def parse_schema(text: str, *, source_name: str = "schema.prisma") -> Schema:
    """Parse and validate schema text. Raises `SchemaError` naming `source_name:line:column`."""
    from prisma_edge.schema.parser import parse
    from prisma_edge.schema.resolve import resolve

    return resolve(parse(text, source_name), source_name)


def load_schema(path: str | os.PathLike[str] | None = None) -> Schema:
    """Read (UTF-8) and parse a schema file, or every `.prisma` file of a folder (multi-file
    schemas); errors name the file by its path. No path: Prisma's default places (`find_schema`)."""
    from prisma_edge.schema.sources import find_schema, load_path

    where = find_schema() if path is None else path
    return load_path(where).evolve(source_path=os.fspath(where))


def find_schema(directory: str | os.PathLike[str] | None = None) -> str:
    """The schema path Prisma would use from `directory` (prisma.config.ts, prisma/schema.prisma,
    schema.prisma, prisma/schema/)."""
    from prisma_edge.schema.sources import find_schema as find

    return os.fspath(find(directory))


def dialect_of(schema: Schema) -> Dialect:
    """The SQL dialect name used by the compiler and DDL for the schema's datasource provider."""
    return _DIALECTS[schema.provider]
