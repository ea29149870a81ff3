"""Precompiled plans embedded in the generated module, so a cold Worker renders no SQL.

A project declares the queries it runs in a JSON file (`prisma-edge generate --queries FILE`):

    {"dialects": ["postgres"],
     "queries": [{"model": "User", "action": "find_many",
                  "args": {"where": {"email": {"in": ["a", "b"]}}, "include": {"posts": true}}}]}

Values in `args` are stand-ins: only the query's shape counts (which fields, operators, the sign
of `take`, a `None`, the length of an `in` list), exactly as for the plan cache, whose keys these
are. `dialects` names compiler rules: postgres, sqlite, mysql, d1. Each (dialect, IR) -> Plan
pair is written as constructor calls of the frozen `compiler.ir` / `compiler.plan` classes; the
generated `Client` puts them into its plan cache when made, and a call with a declared shape is
a cache hit: no sqlglot import, no rendering.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from ..schema.model import Schema
from .embed import GenerateError

_MODULES = {"prisma_edge.compiler.ir": "_ir", "prisma_edge.compiler.plan": "_plan"}


def load_declarations(path: str | Path) -> dict[str, Any]:
    """The declaration file, checked for its shape (a clear error names what is wrong)."""
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GenerateError(f"cannot read the query declarations {p}: {e}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("queries"), list):
        raise GenerateError(
            f'{p}: expected {{"dialects": [...], "queries": [{{"model", "action", "args"}}, ...]}}'
        )
    dialects = doc.get("dialects", ["postgres", "sqlite", "mysql"])
    if not isinstance(dialects, list) or not all(isinstance(d, str) for d in dialects):
        raise GenerateError(f'{p}: "dialects" must be a list of names (postgres, sqlite, mysql, d1)')
    for i, q in enumerate(doc["queries"]):
        if (
            not isinstance(q, dict)
            or not isinstance(q.get("model"), str)
            or not isinstance(q.get("action"), str)
        ):
            raise GenerateError(f'{p}: query {i} needs "model" and "action" (and optional "args")')
        if not isinstance(q.get("args", {}), dict):
            raise GenerateError(f'{p}: query {i}: "args" must be an object')
    return {"dialects": dialects, "queries": doc["queries"]}


def compile_declared(schema: Schema, decls: dict[str, Any]) -> list[tuple[Any, Any]]:
    """[(plan-cache key, Plan)] for every declared query and dialect (renders them all now)."""
    from ..compiler import PlanCache, compile_query
    from ..errors import PrismaEdgeError

    out: list[tuple[Any, Any]] = []
    for d in decls["dialects"]:
        for i, q in enumerate(decls["queries"]):
            cache = PlanCache(maxsize=1 << 30)  # the keys compile_query looks up: padded lists, create_many chunks
            try:
                compile_query(schema, q["model"], q["action"], q.get("args", {}), d, cache, shape_only=True)
            except (PrismaEdgeError, ValueError) as e:
                raise GenerateError(f"declared query {i} ({q['model']}.{q['action']}) on {d}: {e}") from None
            for key, plan in cache.items():
                steps = tuple(
                    attrs.evolve(s, statement=attrs.evolve(s.statement, source=None)) for s in plan.steps
                )
                out.append((key, attrs.evolve(plan, steps=steps)))
    return out


def value_source(value: Any) -> str:
    """Python source rebuilding `value` from the IR / plan classes (module-qualified)."""
    if attrs.has(type(value)):
        prefix = _MODULES.get(type(value).__module__)
        if prefix is None:
            raise GenerateError(f"cannot embed a {type(value).__name__} in a plan")
        args = []
        for a in attrs.fields(type(value)):
            if not a.init or not a.eq:
                continue
            v = getattr(value, a.name)
            if not isinstance(a.default, attrs.Factory) and a.default is not attrs.NOTHING and v == a.default:  # type: ignore[arg-type]
                continue
            args.append(f"{a.alias}={value_source(v)}")
        return f"{prefix}.{type(value).__name__}({', '.join(args)})"
    if isinstance(value, tuple):
        return "(" + "".join(value_source(v) + ", " for v in value).rstrip(" ") + ")"
    if value is None or isinstance(value, str | int | float | bool):
        return repr(value)
    raise GenerateError(f"cannot embed a {type(value).__name__} in a plan")


def plans_source(pairs: Sequence[tuple[Any, Any]]) -> str:
    """The body of the generated `_plans()`: a tuple of (key, Plan) constructor calls."""
    if not pairs:
        return "()"
    return "(\n" + "".join(f"        ({value_source(k)}, {value_source(p)}),\n" for k, p in pairs) + "    )"
