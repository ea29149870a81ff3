"""Hrana 3 over HTTP, JSON encoding: the wire shapes of `POST /v3/pipeline`, without I/O.

The spec is tursodatabase/libsql `docs/HRANA_3_SPEC.md`. A pipeline request is
`{"baton": str | null, "requests": [StreamRequest...]}`; we use three stream requests:
`execute` (one statement), `batch` (steps with conditions) and `close`. The reply is
`{"baton", "base_url", "results": [{"type": "ok", "response": ...} | {"type": "error", "error": ...}]}`.

Values are typed exactly, both ways: an integer travels as a decimal *string* (all 64 bits, no
float rounding), a float as a JSON number, text as a string, a blob as base64, NULL as
`{"type": "null"}`. Python ints outside SQLite's signed 64-bit range are refused up front rather
than silently turned into floats or text.

Batch conditions (`ok`, `error`, `not`, `and`, `or`, `is_autocommit`) are built by the small
functions below.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from prisma_edge.errors import ClientError, ProtocolError

__all__ = [
    "cond_and", "cond_error", "cond_not", "cond_ok", "decode_result", "decode_value", "encode_value",
    "is_autocommit", "stmt",
]

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
Json = dict[str, Any]


def encode_value(value: Any) -> Json:
    """A Python parameter as a Hrana `Value` (the adapter contract's types, plus raw-query ones)."""
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "integer", "value": "1" if value else "0"}
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise ClientError(f"integer {value} does not fit SQLite's 64-bit INTEGER")
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        if not math.isfinite(value):  # JSON has no NaN/Infinity; SQLite stores NaN as NULL anyway
            raise ClientError(f"the float {value} cannot be sent over Hrana's JSON encoding")
        return {"type": "float", "value": value}
    if isinstance(value, str):
        return {"type": "text", "value": value}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"type": "blob", "base64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, Decimal):
        return {"type": "text", "value": str(value)}
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return {"type": "text", "value": value.isoformat()}
    raise ClientError(f"cannot send a {type(value).__name__} as an SQLite value")


def decode_value(value: Any) -> Any:
    """A Hrana `Value` as Python: int (exact), float, str, bytes or None."""
    kind = value.get("type") if isinstance(value, dict) else None
    if kind == "null":
        return None
    if kind == "integer":
        raw = value.get("value")
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            raise ProtocolError("Hrana integer without a value")
        return int(raw)
    if kind == "float":
        raw = value.get("value")
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ProtocolError("Hrana float without a numeric value")
        return float(raw)
    if kind == "text":
        raw = value.get("value")
        if not isinstance(raw, str):
            raise ProtocolError("Hrana text without a string value")
        return raw
    if kind == "blob":
        try:
            return base64.b64decode(value.get("base64") or "", validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise ProtocolError("Hrana blob whose base64 does not decode") from None
    raise ProtocolError(f"unknown Hrana value type {kind!r}")


def stmt(sql: str, params: Sequence[Any] = (), *, want_rows: bool = True) -> Json:
    """A `Stmt` with positional arguments."""
    out: Json = {"sql": sql, "args": [encode_value(p) for p in params]}
    if not want_rows:
        out["want_rows"] = False
    return out


# -- batch conditions -------------------------------------------------------------------------


def cond_ok(step: int) -> Json:
    return {"type": "ok", "step": step}


def cond_error(step: int) -> Json:
    return {"type": "error", "step": step}


def cond_not(cond: Json) -> Json:
    return {"type": "not", "cond": cond}


def cond_and(*conds: Json) -> Json:
    return {"type": "and", "conds": list(conds)}


def is_autocommit() -> Json:
    return {"type": "is_autocommit"}


# -- results ----------------------------------------------------------------------------------


def decode_result(result: Any) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...], int, int | None]:
    """A `StmtResult` as (columns, rows, affected row count, last insert rowid)."""
    if not isinstance(result, dict) or not isinstance(result.get("cols"), list) or not isinstance(result.get("rows"), list):
        raise ProtocolError("Hrana statement result without `cols` and `rows` lists")
    try:
        columns = tuple(str(c.get("name") or "") for c in result["cols"])
        width = len(columns)
        rows = []
        for row in result["rows"]:
            if not isinstance(row, list) or len(row) != width:
                raise ProtocolError(f"Hrana row of {len(row) if isinstance(row, list) else '?'} values for {width} columns")
            rows.append(tuple(decode_value(v) for v in row))
        affected = int(result.get("affected_row_count") or 0)
        rowid = result.get("last_insert_rowid")
        last = int(rowid) if rowid is not None else None
    except (AttributeError, TypeError, ValueError) as e:
        raise ProtocolError(f"Hrana statement result does not decode: {type(e).__name__}") from None
    return columns, tuple(rows), affected, last
