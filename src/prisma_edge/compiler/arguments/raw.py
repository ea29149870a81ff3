"""Checks on `query_raw` / `execute_raw` arguments, the same on every adapter.

Why: raw SQL reaches each driver's own encoder, and each failed differently on a bad argument
(TypeError on SQLite, a protocol error on neon_ws, a silent `inf` for an oversized Decimal).
Checking here first gives one `ValidationError` naming `sql` or `params[i]` everywhere.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...errors import Problem, ValidationError
from ..limits import INT64, MAX_NESTING, decimal_problem, text_problem

PLAIN = (type(None), bool, int, float, str, bytes, bytearray, memoryview, Decimal, dt.datetime, dt.date, dt.time, uuid.UUID)


def value_problem(value: Any) -> str | None:
    """Why one raw parameter cannot be sent (None: it can). Lists and dicts (JSON) are walked
    without recursion, to MAX_NESTING levels."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        v, depth = stack.pop()
        if depth > MAX_NESTING:
            return f"a list or object nested more than {MAX_NESTING} levels deep"
        if isinstance(v, str):
            problem = text_problem(v)
        elif isinstance(v, bool) or not isinstance(v, int | Decimal):
            problem = None
        elif isinstance(v, int):
            problem = None if INT64[0] <= v <= INT64[1] else (
                "an integer beyond 64 bits cannot be bound; pass it as a Decimal or a str")
        else:
            problem = decimal_problem(v) if v.is_finite() else None
        if problem is not None:
            return problem
        if isinstance(v, dict):
            for k, item in v.items():
                if not isinstance(k, str):
                    return f"a JSON object key must be a str, got {type(k).__name__}"
                stack.extend(((k, depth + 1), (item, depth + 1)))
        elif isinstance(v, list | tuple):
            stack.extend((item, depth + 1) for item in v)
        elif not isinstance(v, PLAIN):
            return (f"cannot bind a {type(v).__name__}; pass None, bool, int, float, str, bytes, Decimal, "
                    "datetime, date, time, UUID, or a list/dict of them")
    return None


def check_raw(sql: Any, params: Sequence[Any]) -> None:
    """Raise a ValidationError when `sql` is not text or a parameter cannot be bound."""
    problems: list[Problem] = []
    if not isinstance(sql, str):
        problems.append(Problem("sql", f"expected the SQL as a str, got {type(sql).__name__}"))
    elif (problem := text_problem(sql)) is not None:
        problems.append(Problem("sql", problem.replace("a String", "the SQL")))
    for i, p in enumerate(params):
        if (problem := value_problem(p)) is not None:
            problems.append(Problem(f"params[{i}]", problem))
    if problems:
        raise ValidationError(problems)
