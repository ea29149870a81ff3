"""Raw query rows typed as Prisma 7 types them, by the column types the adapter reports.

Prisma decodes `$queryRaw` columns: json/jsonb to values, numeric/money to Decimal, int8 to
BigInt, date/time/timestamp to DateTime (a date at midnight UTC, a time on 1970-01-01). Adapters
that report no column types (their values are already typed) are left as they are.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any

from ..fetch_adapters.base import ColumnType, ResultSet
from .codec import decode_datetime


def _typed(kind: str, v: Any) -> Any:
    if v is None:
        return None
    if kind == ColumnType.JSON and isinstance(v, str | bytes | bytearray):
        return json.loads(v)
    if kind == ColumnType.DECIMAL and isinstance(v, str):
        try:
            return Decimal(v.replace("$", "").replace(",", ""))  # money reads as text: -$1,234.56
        except InvalidOperation:
            return v
    if kind in (ColumnType.INT, ColumnType.BIGINT) and isinstance(v, str) and v.lstrip("-").isdigit():
        return int(v)
    if kind in (ColumnType.DATE, ColumnType.TIME, ColumnType.DATETIME) and isinstance(v, dt.date | dt.time):
        return decode_datetime(v)
    return v


def raw_rows(rs: ResultSet) -> list[dict[str, Any]]:
    kinds = rs.column_types
    if not kinds or len(kinds) != len(rs.columns):
        return [dict(zip(rs.columns, row, strict=False)) for row in rs.rows]
    return [{c: _typed(k, v) for c, k, v in zip(rs.columns, kinds, row, strict=False)} for row in rs.rows]
