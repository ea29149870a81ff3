"""prisma-edge: a pure-Python, Prisma-compatible ORM for Pyodide, Cloudflare Python Workers and CPython.

Importing the package is cheap: the client, the compiler and sqlglot load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .client import Client
    from .client.extensions.events import LogEvent, QueryEvent
    from .client.extensions.extend import QueryParams, define_extension
    from .fields import AnyNull, DbNull, FieldRef, JsonNull
    from .schema import load_schema, parse_schema

_LAZY = {
    "Client": ("prisma_edge.client", "Client"),
    "load_schema": ("prisma_edge.schema", "load_schema"),
    "parse_schema": ("prisma_edge.schema", "parse_schema"),
    "FieldRef": ("prisma_edge.fields", "FieldRef"),
    "DbNull": ("prisma_edge.fields", "DbNull"),
    "JsonNull": ("prisma_edge.fields", "JsonNull"),
    "AnyNull": ("prisma_edge.fields", "AnyNull"),
    "define_extension": ("prisma_edge.client.extensions.extend", "define_extension"),
    "QueryParams": ("prisma_edge.client.extensions.extend", "QueryParams"),
    "QueryEvent": ("prisma_edge.client.extensions.events", "QueryEvent"),
    "LogEvent": ("prisma_edge.client.extensions.events", "LogEvent"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    if name == "errors":
        import importlib

        return importlib.import_module("prisma_edge.errors")
    raise AttributeError(f"module 'prisma_edge' has no attribute {name!r}")


__all__ = ["AnyNull", "Client", "DbNull", "FieldRef", "JsonNull", "LogEvent", "QueryEvent", "QueryParams", "__version__",
           "define_extension", "load_schema", "parse_schema"]
