"""Values in and out: bind a call's values for a dialect, decode rows by the plan's shapes.

Binding: values arrive already validated and normalised by the compiler (`compiler.arguments.values`);
here they only take the form the dialect stores (SQLite has no DateTime/Decimal/Boolean types)
and LIKE patterns are built, with `%`, `_` and the escape character escaped.

Decoding is lenient on input form, strict on output type: a DateTime may come back as a
`datetime` (PostgreSQL drivers), ISO text (SQLite, JSON) or epoch milliseconds (databases
written by Prisma's SQLite engine), and always leaves as an aware UTC `datetime`.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from ..compiler.ir import Slot
from ..compiler.plan import Column, RecordShape, RelationShape
from ..errors import InconsistentColumnDataError, UnsupportedError

_LIKE = {"contains": ("%", "%"), "startswith": ("", "%"), "endswith": ("%", "")}


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def format_datetime(d: dt.datetime) -> str:
    """The fixed-width UTC text SQLite stores, so that text order is time order."""
    d = d.astimezone(dt.UTC)  # not strftime: "%Y" drops the leading zeros of years before 1000 (glibc)
    return (f"{d.year:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}:{d.second:02d}."
            f"{d.microsecond // 1000:03d}+00:00")


def encode(value: Any, slot: Slot, dialect: str) -> Any:
    if value is None:
        return None
    role = slot.role
    if role != "value":
        op, _, insensitive = role.partition("_")
        if dialect == "sqlite" and not insensitive:
            return value  # instr()/substr() take the raw text
        pre, post = _LIKE[op]
        return pre + escape_like(value) + post
    if slot.type == "JsonPath":  # PostgreSQL: text[]; SQLite / MySQL: '$."key"[0]'
        if dialect == "postgres":
            return [str(step) for step in value]
        if dialect == "sqlite" and any(isinstance(step, str) and '"' in step for step in value):
            # SQLite's path syntax has no escape: `$."a\"b"` names another key (or none)
            raise UnsupportedError('SQLite cannot address a Json key containing `"` in a `path` filter')
        return "$" + "".join(f"[{step}]" if isinstance(step, int) else '."' + step.replace("\\", "\\\\").replace('"', '\\"') + '"'
                             for step in value)
    if slot.is_list:
        return [encode(v, Slot(slot.index, slot.type), dialect) for v in value]
    if dialect == "sqlite":
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, dt.datetime):
            return format_datetime(value)
        if isinstance(value, Decimal):
            # SQLite keeps DECIMAL columns as REAL (numeric affinity); a float compares correctly
            # also where no affinity applies (aggregates). An integer that fits 64 bits stays exact
            # (text: SQLite stores it as INTEGER); any other text would be converted by SQLite's own
            # parser, which keeps 15 digits and can miss the nearest double: Python's float() does not.
            if len(value.as_tuple().digits) > 15 and value == value.to_integral_value() and -(2**63) <= value < 2**63:
                return str(int(value))
            return float(value)
    return value


def raw_value(value: Any, dialect: str) -> Any:
    """A raw-SQL parameter in the form the dialect stores (dicts and lists become JSON text)."""
    if isinstance(value, dict) or (isinstance(value, list) and dialect != "postgres"):
        return json.dumps(value, separators=(",", ":"), default=str)
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return encode(value, Slot(0, ""), dialect)


def bind(values: list[Any], slots: tuple[Slot, ...], dialect: str) -> dict[int, Any]:
    return {s.index: encode(values[s.index], s, dialect) for s in slots}


def pack_values(encoded: list[Any]) -> str:
    """Bound values as ONE JSON array parameter (`plan.Pack`); bytes as the upper-case hex that
    SQLite's hex() compares them with."""
    return json.dumps([v.hex().upper() if isinstance(v, bytes | bytearray | memoryview) else v for v in encoded],
                      separators=(",", ":"), ensure_ascii=False)


# ---- decoding --------------------------------------------------------------------------------


def decode_datetime(v: Any) -> dt.datetime:
    """A database date/time value -> aware UTC datetime at Prisma's precision (milliseconds)."""
    d = _decode_datetime(v)
    return d.replace(microsecond=d.microsecond // 1000 * 1000) if d.microsecond % 1000 else d


def _decode_datetime(v: Any) -> dt.datetime:
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=dt.UTC) if v.tzinfo is None else v.astimezone(dt.UTC)
    if isinstance(v, int | float) and not isinstance(v, bool):
        return dt.datetime.fromtimestamp(v / 1000, dt.UTC)
    if isinstance(v, str):
        text = v.strip().replace(" ", "T", 1)
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        if text.isdigit():
            return dt.datetime.fromtimestamp(int(text) / 1000, dt.UTC)
        if len(text) > 2 and text[2] == ":":  # a time of day (@db.Time / @db.Timetz read as JSON text)
            return _decode_datetime(dt.time.fromisoformat(text))
        d = dt.datetime.fromisoformat(text)
        return d.replace(tzinfo=dt.UTC) if d.tzinfo is None else d.astimezone(dt.UTC)
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day, tzinfo=dt.UTC)
    if isinstance(v, dt.time):  # @db.Time / @db.Timetz: Prisma's DateTime on 1970-01-01
        base = dt.datetime(1970, 1, 1, v.hour, v.minute, v.second, v.microsecond, tzinfo=v.tzinfo or dt.UTC)
        return base.astimezone(dt.UTC)
    raise TypeError(type(v).__name__)


def decode_scalar(type_: str, v: Any, *, nested: bool) -> Any:
    if v is None:
        return None
    if type_ in ("String",) or type_.startswith("Enum:"):
        return v if isinstance(v, str) else str(v)
    if type_ in ("Int", "BigInt"):
        return int(v)
    if type_ == "Float":
        return float(v)
    if type_ == "Decimal":
        if isinstance(v, str) and v[:1] in "-$" and "$" in v:  # @db.Money reads as text: -$1,234.56
            v = v.replace("$", "").replace(",", "")
        return v if isinstance(v, Decimal) else Decimal(str(v)) if not isinstance(v, float) else Decimal(repr(v))
    if type_ == "Boolean":
        if isinstance(v, str):
            return v.lower() in ("t", "true", "1")
        return bool(v)
    if type_ == "DateTime":
        return decode_datetime(v)
    if type_ == "Bytes":
        if isinstance(v, bytes | bytearray | memoryview):
            return bytes(v)
        text = str(v)
        if text.startswith("\\x"):
            text = text[2:]
        return bytes.fromhex(text)
    if type_ == "Json":
        if nested:
            return v  # already parsed as part of the enclosing JSON
        return json.loads(v) if isinstance(v, str | bytes | bytearray) else v
    return v


def _value(column: Column, v: Any, nested: bool) -> Any:
    if column.kind == "scalar":
        if column.is_list:
            if isinstance(v, str):  # JSON (inside aggregates) or a PostgreSQL array literal (enum[] columns)
                v = json.loads(v) if v.startswith("[") else _pg_array(v)
            if v is None:  # a NULL list column reads as [] (Prisma)
                return []
            items = [decode_scalar(column.type, x, nested=nested) for x in v]  # Json[] elements: parsed
            if column.enum_map:
                mapped = dict(column.enum_map)
                items = [mapped.get(x, x) for x in items]
            return items
        out = decode_scalar(column.type, v, nested=nested)
        if column.enum_map and out is not None:
            return dict(column.enum_map).get(out, out)
        return out
    if isinstance(v, str | bytes | bytearray):
        v = json.loads(v, parse_float=Decimal)
    if column.kind == "counts":
        return dict(zip(column.counts, (int(x) for x in (v or [0] * len(column.counts))), strict=True))
    assert column.relation is not None
    return decode_relation(column.relation, v)


def _pg_array(text: str) -> list[Any]:
    from ..fetch_adapters.protocols.postgres.types import parse_array

    return parse_array(text, str)


def decode_relation(shape: RelationShape, v: Any) -> Any:
    if not shape.many:
        return None if v is None else decode_nested(shape.record, v)
    items = list(v or [])
    items = [json.loads(x, parse_float=Decimal) if isinstance(x, str) else x for x in items]
    items.sort(key=lambda r: r[0], reverse=shape.reverse)
    return [decode_nested(shape.record, r) for r in items]


def decode_nested(shape: RecordShape, arr: list[Any]) -> dict[str, Any]:
    """A nested record: JSON array [ordinal, v1, v2, ...]."""
    return {c.name: _value(c, arr[i + 1], True) for i, c in enumerate(shape.columns)}


def decode_row(shape: RecordShape, row: tuple[Any, ...]) -> dict[str, Any]:
    try:
        return {c.name: _value(c, row[i], False) for i, c in enumerate(shape.columns)}
    except (ValueError, TypeError, KeyError, IndexError, json.JSONDecodeError) as e:
        raise InconsistentColumnDataError(f"could not decode a row from the database: {e}") from e
