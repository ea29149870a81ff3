"""Prisma 7's own sentences for argument problems (the line users search for).

Prisma's client words a validation error as "Argument `take`: Invalid value provided. Expected Int,
provided String." or "Unknown argument `wher`. Did you mean `where`? Available options are marked
with ?."; these helpers build the same sentences from our problems, with Prisma's suggestion rule
(the first option within Levenshtein distance 3 that is closest).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

AVAILABLE = "Available options are marked with ?."
_INDEX = re.compile(r"\[\d+\]$")


def levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def did_you_mean(name: str, options: Sequence[str]) -> str:
    best, best_d = None, 4
    for o in options:
        if abs(len(name) - len(o)) >= best_d:  # the distance is at least that: skip (a hostile 1 MB key)
            continue
        d = levenshtein(name, o)
        if d < best_d:
            best, best_d = o, d
    return f" Did you mean `{best}`?" if best is not None else ""


def _shown(name: str) -> str:
    return name if len(name) <= 100 else name[:97] + "…"


def unknown_argument(name: str, options: Sequence[str]) -> str:
    return f"Unknown argument `{_shown(name)}`.{did_you_mean(name, options)} {AVAILABLE}"


def unknown_field(name: str, statement: str, type_name: str, options: Sequence[str]) -> str:
    del options  # Prisma suggests no name for a selection
    return f"Unknown field `{_shown(name)}` for {statement} statement on model `{type_name}`. {AVAILABLE}"


def arg_name(path: str) -> str:
    """The argument a path ends in: `data.posts[0].title` -> `title`."""
    while _INDEX.search(path):
        path = _INDEX.sub("", path)
    return path.rsplit(".", 1)[-1]


def js_type(value: Any) -> str:
    """The type name Prisma reports for a provided value."""
    if value is None:
        return "Null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Int" if -(2**53) <= value <= 2**53 else "BigInt"
    if isinstance(value, float):
        return "Int" if value.is_integer() else "Float"
    if isinstance(value, str):
        return "String"
    if isinstance(value, Decimal):
        return "Decimal"
    if isinstance(value, dt.datetime | dt.date):
        return "DateTime"
    if isinstance(value, bytes | bytearray | memoryview):
        return "Bytes"
    if isinstance(value, list | tuple):
        return f"({', '.join(js_type(v) for v in value)})"
    return "Object"


def join_or(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def invalid_value(path: str, expected: Sequence[str], value: Any) -> str:
    return f"Argument `{arg_name(path)}`: Invalid value provided. Expected {join_or(expected)}, provided {js_type(value)}."


def is_missing(name: str) -> str:
    return f"Argument `{name}` is missing."


def must_not_be_null(name: str) -> str:
    return f"Argument `{name}` must not be null."
