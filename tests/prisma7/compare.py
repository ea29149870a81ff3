"""Comparing prisma-edge's answers with Prisma 7's recorded ones (rules: README.md, "Comparison").

Both sides become plain Python values first: the recording by `convert.decode_values` (typed
values), prisma-edge's result as it is. Then:

- values are compared by kind: `bool` only equals `bool`; `int` and `float` are one kind (JavaScript
  has one number type); `Decimal` equals `Decimal` of the same numeric value (`1.50` == `1.5`);
  `datetime` equals `datetime` at the same instant; `bytes`, `str`, `None`, lists and dicts (same
  keys) as usual;
- a DateTime the run itself made at a key the scenario declares volatile (`"volatile":
  {"createdAt": "DateTime"}`, e.g. `@default(now())`) is recorded as `{"$volatile": "DateTime"}` and
  matches any DateTime not older than the scenario's start (minus 5 minutes);
- a list of records whose order the query leaves open (no `orderBy` at that level of a findMany,
  groupBy, createManyAndReturn / updateManyAndReturn, or of a list relation in include/select) is
  compared as a multiset;
- an error matches when the kind matches (Prisma's code, e.g. P2002; Prisma's
  PrismaClientValidationError is "validation", which prisma-edge spells ValidationError / P2009) and,
  for "identical", when prisma-edge's message starts with the same line as Prisma's reason (the
  first line after Prisma's "Invalid `prisma.x.y()` invocation:" header, or its last line for
  validation errors).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

VOLATILE = "$volatile"
ORDERED_ACTIONS_LIST = {"findMany", "groupBy", "createManyAndReturn", "updateManyAndReturn"}


def kind_of(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    if isinstance(v, Decimal):
        return "Decimal"
    if isinstance(v, str):
        return "str"
    if isinstance(v, dt.datetime):
        return "DateTime"
    if isinstance(v, dt.date | dt.time):
        return type(v).__name__
    if isinstance(v, bytes | bytearray | memoryview):
        return "Bytes"
    if isinstance(v, list | tuple):
        return "list"
    if isinstance(v, dict):
        return "dict"
    return type(v).__name__


def show(v: Any, limit: int = 160) -> str:
    """A short, readable rendering of a value for reports."""
    text = json.dumps(v, default=_show_default, ensure_ascii=False, sort_keys=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _show_default(v: Any) -> Any:
    if isinstance(v, Decimal):
        return f"Decimal({v})"
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return f"{type(v).__name__}({v.isoformat()})"
    if isinstance(v, bytes | bytearray | memoryview):
        return f"bytes({bytes(v).hex()})"
    return repr(v)


VOLATILE_SLACK = dt.timedelta(minutes=5)


def first_difference(expected: Any, actual: Any, path: str = "", *, since: dt.datetime | None = None) -> str | None:
    """None when equal under the rules above, else `path: expected ... got ...`. `since`: when the
    scenario started (a volatile DateTime must not be older than that, minus `VOLATILE_SLACK`)."""
    here = path or "result"
    if isinstance(expected, dict) and set(expected) == {VOLATILE}:
        if isinstance(actual, dt.datetime) and (since is None or actual >= since - VOLATILE_SLACK):
            return None
        return f"{here}: Prisma a DateTime made during the run, prisma-edge {show(actual)}"
    ke, ka = kind_of(expected), kind_of(actual)
    if ke != ka:
        return f"{here}: Prisma {show(expected)} ({ke}), prisma-edge {show(actual)} ({ka})"
    if ke == "dict":
        missing = [k for k in expected if k not in actual]
        extra = [k for k in actual if k not in expected]
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing keys {missing}")
            if extra:
                parts.append(f"extra keys {extra}")
            return f"{here}: prisma-edge has {', '.join(parts)}"
        for k in expected:
            d = first_difference(expected[k], actual[k], f"{path}.{k}" if path else k, since=since)
            if d:
                return d
        return None
    if ke == "list":
        if len(expected) != len(actual):
            return f"{here}: Prisma {len(expected)} items {show(expected)}, prisma-edge {len(actual)} items {show(actual)}"
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            d = first_difference(e, a, f"{path}[{i}]", since=since)
            if d:
                return d
        return None
    if ke == "number":
        if expected != actual and not (expected != expected and actual != actual):  # NaN == NaN here
            return f"{here}: Prisma {show(expected)}, prisma-edge {show(actual)}"
        return None
    if ke == "Bytes":
        return None if bytes(expected) == bytes(actual) else f"{here}: Prisma {show(expected)}, prisma-edge {show(actual)}"
    if expected != actual:
        return f"{here}: Prisma {show(expected)}, prisma-edge {show(actual)}"
    return None


# ---- order the query leaves open ------------------------------------------------------------


def _sort_key(v: Any) -> str:
    return json.dumps(v, default=_sort_default, sort_keys=True, ensure_ascii=False)


def _sort_default(v: Any) -> Any:
    if isinstance(v, Decimal):
        return ["Decimal", str(v.normalize()) if v.is_finite() else str(v)]
    if isinstance(v, dt.datetime):
        return ["DateTime", v.astimezone(dt.UTC).isoformat()]
    if isinstance(v, bytes | bytearray | memoryview):
        return ["Bytes", bytes(v).hex()]
    return repr(v)


def _is_record_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, dict) for x in v)


def canonical_order(value: Any, args: Any, *, top_list: bool) -> Any:
    """Sort the record lists whose order `args` (Prisma's spelling) leaves open."""
    args = args if isinstance(args, dict) else {}
    if isinstance(value, list):
        items = [_nested(x, args) for x in value]
        if top_list and _is_record_list(items) and not args.get("orderBy"):
            items = sorted(items, key=_sort_key)
        return items
    return _nested(value, args)


def _nested(record: Any, args: dict[str, Any]) -> Any:
    if not isinstance(record, dict):
        return record
    sel: dict[str, Any] = {}
    for key in ("include", "select"):
        if isinstance(args.get(key), dict):
            sel.update(args[key])
    if not sel:
        return record
    out = dict(record)
    for k, sub in sel.items():
        if k not in out or k == "_count":
            continue
        sub_args = sub if isinstance(sub, dict) else {}
        v = out[k]
        if _is_record_list(v):
            out[k] = canonical_order(v, sub_args, top_list=True)
        elif isinstance(v, dict):
            out[k] = _nested(v, sub_args)
    return out


# ---- errors ---------------------------------------------------------------------------------


def prisma_error_kind(err: dict[str, Any]) -> str:
    if err.get("code"):
        return str(err["code"])
    return {"PrismaClientValidationError": "validation", "Rollback": "rollback"}.get(err.get("type", ""), err.get("type", "error"))


def edge_error_kind(e: BaseException) -> str:
    from prisma_edge.errors import PrismaEdgeError, ValidationError

    from .convert import RollbackRequested

    if isinstance(e, RollbackRequested):
        return "rollback"
    if isinstance(e, ValidationError) and e.code == "P2009":
        return "validation"
    if isinstance(e, PrismaEdgeError):
        return e.code or type(e).__name__
    return f"crash:{type(e).__name__}"


def edge_message(e: BaseException) -> str:
    msg = getattr(e, "message", None) or str(e)
    lines = [ln.strip() for ln in str(msg).splitlines() if ln.strip()]
    if len(lines) > 1 and _HEADER.match(lines[0]):  # Prisma's header line; the reason follows
        lines = lines[1:]
    # the recorder's normalisation of a transaction timeout's elapsed time, made on our side too
    return _ELAPSED.sub("however <n> ms passed", lines[0]) if lines else ""


_ELAPSED = re.compile(r"however \d+ ms passed")


_HEADER = re.compile(r"^Invalid `prisma\.\w+\.\w+\(\)` invocation:$")
