"""Check and normalise user values against Prisma scalar types (runs on every call).

Returns the canonical Python value (e.g. an ISO string for a DateTime becomes an aware UTC
`datetime`) or raises `BadValue` with a message the caller attaches to an argument path.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from ..limits import decimal_problem, json_depth_problem, text_problem

INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)


class BadValue(Exception):
    """A value does not fit its field's type; the message says what was expected.

    `kind` says how Prisma words it: "type" (another type was provided), "enum", "datetime" /
    "decimal" (text that does not parse; `reason` is Prisma's parser message), "range" (the
    database would refuse it: Prisma's P2020, `reason` in PostgreSQL's words), or "other".
    """

    def __init__(self, message: str, kind: str = "type", reason: str = "") -> None:
        super().__init__(message)
        self.kind, self.reason = kind, reason


def _describe(value: Any) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int too long for str()
        text = "<a number too long to show>"
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def parse_datetime(value: Any) -> dt.datetime:
    """datetime (naive = UTC), date, or ISO-8601 text -> aware UTC datetime, millisecond precision."""
    if isinstance(value, dt.datetime):
        d = value
    elif isinstance(value, dt.date):
        d = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        if "T" not in text.upper() and " " not in text:  # Prisma needs a time: "2024-02-01" is refused
            raise BadValue(f"expected an ISO-8601 DateTime with a time, got {_describe(value)}", "datetime",
                           "premature end of input")
        try:
            d = dt.datetime.fromisoformat(text)
        except ValueError as e:
            raise BadValue(f"expected an ISO-8601 DateTime, got {_describe(value)}", "datetime",
                           "input contains invalid characters") from e
    else:
        raise BadValue(f"expected a DateTime (datetime or ISO-8601 string), got {_describe(value)}")
    d = d.replace(tzinfo=dt.UTC) if d.tzinfo is None else d.astimezone(dt.UTC)
    return d.replace(microsecond=d.microsecond // 1000 * 1000)


def coerce(type_name: str, value: Any, enum_values: tuple[str, ...] | None = None,
           int_range: tuple[int, int] | None = None) -> Any:
    """Validate `value` for Prisma scalar `type_name` (or an enum) and return its canonical form.

    Prisma's coercions are kept: an Int given a fraction is truncated (1.9 -> 1), a BigInt given
    a decimal numeric string is parsed, Bytes given a string read it as base64. `int_range`
    overrides the Int range (`@db.Oid` is unsigned 32-bit).
    """
    if enum_values is not None:
        if hasattr(value, "value") and not isinstance(value, str):  # a Python Enum member
            value = value.value
        if not isinstance(value, str) or value not in enum_values:
            raise BadValue(f"expected one of {', '.join(enum_values)}, got {_describe(value)}", "enum")
        return value
    if type_name == "String":
        if not isinstance(value, str):
            raise BadValue(f"expected a String, got {_describe(value)}")
        if (problem := text_problem(value)) is not None:
            raise BadValue(problem, "other")
        return value
    if type_name in ("Int", "BigInt"):
        if isinstance(value, float) and math.isfinite(value) and not INT64[0] <= value <= INT64[1]:
            raise BadValue(f"Unable to fit float value (or large JS integer serialized in exponent notation) "
                           f"'{int(value)}' into a 64 Bit signed integer for field '{{field}}'. If you're trying to store large integers, "
                           "consider using `BigInt`", "other")
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and math.isfinite(value) and (value.is_integer() or type_name == "Int"):
                value = int(value)  # Prisma truncates a fraction given to an Int
            elif type_name == "BigInt" and isinstance(value, str) and value.strip().lstrip("+-").isdigit():
                value = int(value)
            else:
                raise BadValue(f"expected an {type_name}, got {_describe(value)}")
        lo, hi = int_range or (INT32 if type_name == "Int" else INT64)
        if not lo <= value <= hi:
            if abs(value) >= 10**30:  # beyond every database's integers (str() of a huge int is refused too)
                raise BadValue(f"the number is out of range for {type_name} ({lo} to {hi})", "other")
            if type_name == "Int" and not INT64[0] <= value <= INT64[1]:  # a JS number there: the engine's P2009
                raise BadValue(f"Unable to fit float value (or large JS integer serialized in exponent notation) "
                               f"'{value}' into a 64 Bit signed integer for field '{{field}}'. If you're trying to "
                               "store large integers, consider using `BigInt`", "other")
            sql_type = "bigint" if type_name == "BigInt" or hi > 2**32 else "integer"
            raise BadValue(f"{value} is out of range for {type_name} ({lo} to {hi})", "range",
                           f'value "{value}" is out of range for type {sql_type}')
        return value
    if type_name == "Float":
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise BadValue(f"expected a Float, got {_describe(value)}")
        try:
            f = float(value)
        except OverflowError:  # an int beyond the double range
            raise BadValue("the number is out of range for a Float (a 64-bit double)", "other") from None
        except ValueError:  # Decimal("sNaN")
            raise BadValue("NaN and infinity cannot be stored in a Float field", "other") from None
        if math.isnan(f) or math.isinf(f):
            raise BadValue("NaN and infinity cannot be stored in a Float field", "other")
        return f
    if type_name == "Decimal":
        if isinstance(value, bool):
            raise BadValue(f"expected a Decimal, got {_describe(value)}")
        try:
            d = value if isinstance(value, Decimal) else Decimal(str(value)) if isinstance(value, int | float | str) else None
        except (InvalidOperation, ValueError):  # ValueError: an int too long for str()
            d = None
        if d is None or not d.is_finite():
            kind = "decimal" if isinstance(value, str) else "type"
            raise BadValue(f"expected a finite Decimal, got {_describe(value)}", kind, "invalid digit found in string")
        if (problem := decimal_problem(d)) is not None:
            raise BadValue(problem, "other")
        return d if d else Decimal(0).copy_sign(d)  # 0E-999999 is zero: sent as "0", which every database takes
    if type_name == "Boolean":
        if not isinstance(value, bool):
            raise BadValue(f"expected a Boolean, got {_describe(value)}")
        return value
    if type_name == "DateTime":
        return parse_datetime(value)
    if type_name == "Bytes":
        if isinstance(value, bytearray | memoryview):
            return bytes(value)
        if isinstance(value, str):  # Prisma reads a string given to Bytes as base64
            import base64
            import binascii

            try:
                return base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError) as e:
                raise BadValue(f"expected bytes or a base64 string, got {_describe(value)}") from e
        if not isinstance(value, bytes):
            raise BadValue(f"expected bytes, got {_describe(value)}")
        return value
    if type_name == "Json":
        if (problem := json_depth_problem(value)) is not None:
            raise BadValue(problem, "other")
        try:
            # Non-ASCII kept as is (not escaped): SQLite matches Json path keys against the raw text.
            text = json.dumps(value, separators=(",", ":"), allow_nan=False, default=_json_default, ensure_ascii=False)
        except (TypeError, ValueError) as e:
            raise BadValue(f"value is not JSON-serialisable ({str(e)[:120]})", "other") from e
        except RecursionError as e:
            raise BadValue(f"a Json value nested more than about {sys.getrecursionlimit() // 2} levels deep", "other") from e
        if "\\u0000" in text or not text.isascii() and text_problem(text) is not None:
            # NUL or a lone surrogate: PostgreSQL's jsonb refuses both, so they are refused alike
            for s_ in _json_strings(value):
                if (problem := text_problem(s_)) is not None:
                    raise BadValue(f"in a Json value, {problem}", "other")
        return text
    raise BadValue(f"unsupported type {type_name}")


def _json_strings(value: Any) -> list[str]:
    """Every string (keys too) inside a JSON-able value, without recursion."""
    out: list[str] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            out.extend(k for k in v if isinstance(k, str))
            stack.extend(v.values())
        elif isinstance(v, list | tuple):
            stack.extend(v)
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
