"""Computed fields in the generated types: `prisma-edge generate --extensions app/ext.py:names`.

Prisma's TypeScript client infers a computed field's type from its `compute` function; Python
cannot infer a lambda's, so the generator reads the extensions a project declares (an
`Extension` from `define_extension`, named as `path/to/file.py:attr` or `package.module:attr`)
and types each computed field from its `compute` function's return annotation (`_t.Any` when it
has none). The record TypedDict gets the field as a `NotRequired` key (present unless omitted or
not selected), `Select` and `Omit` get it as a bool: mypy then names a misspelt computed field,
and knows `user["full_name"]` is a `str`.
"""

from __future__ import annotations

import datetime
import decimal
import importlib
import importlib.util
import sys
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..schema.model import Schema
from .embed import GenerateError

__all__ = ["computed_fields", "load_extensions", "type_source"]

_NAMES: dict[Any, str] = {
    str: "str", int: "int", float: "float", bool: "bool", bytes: "bytes", type(None): "None",
    datetime.datetime: "_dt.datetime", datetime.date: "_dt.date", datetime.time: "_dt.time",
    decimal.Decimal: "_Decimal", typing.Any: "_t.Any", dict: "dict[str, _t.Any]", list: "list[_t.Any]",
}


def load_extensions(specs: Iterable[str]) -> list[Any]:
    """Import each `file.py:attr` / `module:attr` and return the objects (Extensions)."""
    from ..client.extensions.extend import Extension

    out = []
    for spec in specs:
        where, sep, attr = spec.rpartition(":")
        if not sep or not where or not attr:
            raise GenerateError(f"--extensions {spec!r}: expected `path/to/file.py:name` or `package.module:name`")
        try:
            module = _import(where)
        except (ImportError, OSError) as e:
            raise GenerateError(f"--extensions {spec!r}: cannot import {where}: {e}") from None
        if not hasattr(module, attr):
            raise GenerateError(f"--extensions {spec!r}: {where} has no `{attr}`")
        ext = getattr(module, attr)
        if not isinstance(ext, Extension):
            raise GenerateError(
                f"--extensions {spec!r}: `{attr}` is a {type(ext).__name__}, not an Extension "
                "(make it with prisma_edge.client.extensions.extend.define_extension(...))"
            )
        out.append(ext)
    return out


def computed_fields(schema: Schema, extensions: Iterable[Any]) -> dict[str, list[tuple[str, str]]]:
    """model name -> [(computed field, type source)], in definition order (a later one replaces)."""
    names = {}
    for m in schema.models:
        for alias in (m.name, m.name.lower(), m.name[0].lower() + m.name[1:]):
            names.setdefault(alias, m.name)
    out: dict[str, dict[str, str]] = {}
    for ext in extensions:
        for key, fields in dict(ext.result).items():
            model = names.get(key) or names.get(key.lower())
            if model is None:
                raise GenerateError(f"extension `{ext.name or '?'}`: no model `{key}` in the schema (result component)")
            for fname, spec in dict(fields).items():
                fn = spec if callable(spec) else dict(spec).get("compute")
                out.setdefault(model, {})[fname] = _return_type(fn)
    return {m: list(fs.items()) for m, fs in out.items()}


def type_source(t: Any) -> str:
    """The annotation `t` as source in the generated module's names (`_t.Any` where unknown)."""
    if t in _NAMES:
        return _NAMES[t]
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_source(a) for a in args)
    if origin in (list, tuple, set, frozenset) and args:
        inner = ", ".join("..." if a is Ellipsis else type_source(a) for a in args)
        return f"{origin.__name__}[{inner}]"
    if origin is dict and len(args) == 2:
        return f"dict[{type_source(args[0])}, {type_source(args[1])}]"
    if origin is typing.Literal:
        return "_t.Literal[" + ", ".join(repr(a) for a in args) + "]"
    return "_t.Any"


def _return_type(fn: Any) -> str:
    if fn is None:
        return "_t.Any"
    try:
        hints = typing.get_type_hints(fn)
    except Exception:  # noqa: BLE001 - an annotation naming something not importable: untyped
        return "_t.Any"
    return type_source(hints["return"]) if "return" in hints else "_t.Any"


def _import(where: str) -> types.ModuleType:
    if where.endswith(".py") or "/" in where or "\\" in where:
        path = Path(where).resolve()
        name = f"_prisma_edge_ext_{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"not a Python file: {where}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses & co. look their module up while it runs
        spec.loader.exec_module(module)
        return module
    return importlib.import_module(where)
