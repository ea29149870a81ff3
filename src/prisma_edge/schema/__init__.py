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
    "load_schema",
    "parse_schema",
]


def parse_schema(text: str, *, source_name: str = "schema.prisma") -> Schema:
    """Parse and validate schema text. Raises `SchemaError` naming `source_name:line:column`."""
    from prisma_edge.schema.parser import parse
    from prisma_edge.schema.resolve import resolve

    return resolve(parse(text, source_name), source_name)


def load_schema(path: str | os.PathLike[str]) -> Schema:
    """Read (UTF-8) and parse a schema file; errors name the file by its path."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    return parse_schema(text, source_name=os.fspath(path))


def dialect_of(schema: Schema) -> Dialect:
    """The SQL dialect name used by the compiler and DDL for the schema's datasource provider."""
    return _DIALECTS[schema.provider]
