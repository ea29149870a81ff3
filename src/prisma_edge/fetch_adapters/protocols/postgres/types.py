"""PostgreSQL values as text: parameters out, result cells back in, by type OID.

Neon's HTTP API (protocols.md A.3-A.7) moves every value as PostgreSQL's text format: parameters
are JSON strings of unknown type (OID 0, the server infers), and with `Neon-Raw-Text-Output:
true` every result cell is the text PostgreSQL prints. The WebSocket adapter asks for text
results too, so both share this module.

`encode_param` gives the text the official `@neondatabase/serverless` driver sends for the same
value (numbers and booleans stringified, bytes as `\\x` hex, lists as array literals), except
that datetimes keep their microseconds and are always written in UTC.

`decode_text` / `decoder(oid)` turn text back into Python values:

    int2/int4/int8/oid -> int          float4/float8 -> float        numeric -> Decimal
    bool -> bool                       bytea -> bytes                uuid -> str
    text/varchar/bpchar/name/char -> str
    timestamp, timestamptz -> aware UTC datetime (timestamp without time zone is read as UTC,
        as Prisma does)            date -> date              time -> time; timetz -> aware time
    json/jsonb -> the JSON text, unparsed: the client parses it by the field's type, so a Json
        field holding the string "1" and one holding the number 1 stay different
    arrays of the above -> list (nested lists for multi-dimensional arrays)
    enums, domains, interval, money and every unknown OID -> str

Values Python cannot represent (`infinity` timestamps and dates, BC or year > 9999, `24:00:00`)
are returned as their text rather than raising.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from prisma_edge.fetch_adapters.base import ColumnType

__all__ = [
    "ARRAY_ELEMENT",
    "Decoder",
    "column_type",
    "decode_text",
    "decoder",
    "encode_param",
    "parse_array",
]

Decoder = Callable[[str], Any]

# -- OIDs (pg_type.dat) -----------------------------------------------------------------------
BOOL, BYTEA, CHAR, NAME, INT8, INT2, INT4, TEXT, OID = 16, 17, 18, 19, 20, 21, 23, 25, 26
JSON, XML, FLOAT4, FLOAT8, MONEY, BPCHAR, VARCHAR = 114, 142, 700, 701, 790, 1042, 1043
DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, TIMETZ = 1082, 1083, 1114, 1184, 1186, 1266
NUMERIC, UUID, JSONB, CITEXT_LIKE_MIN_USER_OID = 1700, 2950, 3802, 10000

# array OID -> element OID
ARRAY_ELEMENT: Mapping[int, int] = {
    1000: BOOL, 1001: BYTEA, 1002: CHAR, 1003: NAME, 1016: INT8, 1005: INT2, 1007: INT4,
    1009: TEXT, 1028: OID, 199: JSON, 143: XML, 1021: FLOAT4, 1022: FLOAT8, 791: MONEY,
    1014: BPCHAR, 1015: VARCHAR, 1182: DATE, 1183: TIME, 1115: TIMESTAMP, 1185: TIMESTAMPTZ,
    1187: INTERVAL, 1270: TIMETZ, 1231: NUMERIC, 2951: UUID, 3807: JSONB,
}

_COLUMN_TYPES: Mapping[int, str] = {
    INT2: ColumnType.INT, INT4: ColumnType.INT, INT8: ColumnType.BIGINT, OID: ColumnType.BIGINT,
    FLOAT4: ColumnType.FLOAT, FLOAT8: ColumnType.FLOAT, NUMERIC: ColumnType.DECIMAL,
    MONEY: ColumnType.DECIMAL, BOOL: ColumnType.BOOL, TEXT: ColumnType.TEXT, VARCHAR: ColumnType.TEXT,
    BPCHAR: ColumnType.TEXT, NAME: ColumnType.TEXT, CHAR: ColumnType.TEXT, XML: ColumnType.TEXT,
    TIMESTAMP: ColumnType.DATETIME, TIMESTAMPTZ: ColumnType.DATETIME, DATE: ColumnType.DATE,
    TIME: ColumnType.TIME, TIMETZ: ColumnType.TIME, JSON: ColumnType.JSON, JSONB: ColumnType.JSON,
    BYTEA: ColumnType.BYTES, UUID: ColumnType.UUID,
    869: ColumnType.TEXT, 650: ColumnType.TEXT, 1560: ColumnType.TEXT, 1562: ColumnType.TEXT,  # inet cidr bit varbit
}


def column_type(oid: int) -> str:
    """The neutral ColumnType for a type OID.

    User-defined types (enums, domains: OID >= 10000) are TEXT, as in `@prisma/adapter-neon`;
    arrays and builtins without a neutral name (interval, point...) are UNKNOWN: their values
    still decode (arrays to lists), the client types them by the Plan.
    """
    found = _COLUMN_TYPES.get(oid)
    if found is not None:
        return found
    return ColumnType.TEXT if oid >= CITEXT_LIKE_MIN_USER_OID else ColumnType.UNKNOWN


# -- parameters -------------------------------------------------------------------------------


def encode_param(value: Any) -> str | None:
    """The text a parameter travels as (None stays None: SQL NULL).

    Raises:
        TypeError: for a value with no PostgreSQL text form here.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\x" + bytes(value).hex()
    if isinstance(value, _dt.datetime):  # before date: datetime is a date
        return _utc(value).isoformat()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (list, tuple)):
        return _array_literal(value)
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    raise TypeError(f"cannot send a {type(value).__name__} as a PostgreSQL parameter")


def _utc(value: _dt.datetime) -> _dt.datetime:
    """Aware datetimes are converted to UTC; naive ones are taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=_dt.UTC)
    return value.astimezone(_dt.UTC)


def _array_literal(items: list[Any] | tuple[Any, ...]) -> str:
    """`{"1","2",NULL}`: every element quoted, `\\` and `"` escaped, as node-postgres writes it."""
    out: list[str] = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.append(_array_literal(item))
            continue
        text = encode_param(item)
        if text is None:
            out.append("NULL")
        else:
            out.append('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(out) + "}"


# -- results ----------------------------------------------------------------------------------


def decode_text(oid: int, text: str | None) -> Any:
    """One result cell (PostgreSQL text format) as a Python value; None for SQL NULL."""
    if text is None:
        return None
    return decoder(oid)(text)


def decoder(oid: int) -> Decoder:
    """The text -> value function for a column of this type (pick it once per column)."""
    found = _DECODERS.get(oid)
    if found is not None:
        return found
    element = ARRAY_ELEMENT.get(oid)
    if element is not None:
        return _array_decoder(element)
    return str


def row_decoder(columns: tuple[tuple[int, int], ...]) -> Callable[[tuple[bytes | None, ...]], tuple[Any, ...]]:
    """One function decoding a whole row of raw cells, for columns given as (type OID, format):
    written out once per column shape (`None if v0 is None else d0(v0.decode()), ...`), so a row
    costs one call instead of a loop with a type dispatch per value. Binary cells stay bytes. A
    row with another number of cells raises ValueError."""
    found = _ROW_DECODERS.get(columns)
    if found is not None:
        return found
    env: dict[str, Any] = {}
    cells = []
    for i, (oid, fmt) in enumerate(columns):
        dec = decoder(oid) if fmt == 0 else None
        if dec is None:
            cells.append(f"v{i}")
        elif dec is str:
            cells.append(f"None if v{i} is None else v{i}.decode()")
        else:
            env[f"d{i}"] = dec
            cells.append(f"None if v{i} is None else d{i}(v{i}.decode())")
    names = "".join(f"v{i}, " for i in range(len(columns)))
    body = f"    ({names}) = row\n    return ({''.join(c + ', ' for c in cells)})\n"
    exec(f"def decode_row(row):\n{body}", env)  # noqa: S102 - our own text: names and OIDs' decoders only
    if len(_ROW_DECODERS) >= 256:  # raw queries can make many shapes: keep the cache bounded
        _ROW_DECODERS.clear()
    _ROW_DECODERS[columns] = env["decode_row"]
    return env["decode_row"]


_ROW_DECODERS: dict[tuple[tuple[int, int], ...], Callable[[tuple[bytes | None, ...]], tuple[Any, ...]]] = {}


def _bool(text: str) -> bool:
    return text in ("t", "true", "TRUE", "y", "yes", "on", "1")


def _bytea(text: str) -> bytes:
    if text.startswith("\\x"):
        return bytes.fromhex(text[2:])
    return _bytea_escape(text)


def _bytea_escape(text: str) -> bytes:
    """The old `escape` bytea output (bytea_output = escape): `\\\\` and `\\ooo` octal escapes."""
    out = bytearray()
    i = 0
    raw = text.encode("utf-8")
    while i < len(raw):
        b = raw[i]
        if b == 0x5C:  # backslash
            if raw[i + 1 : i + 2] == b"\\":
                out.append(0x5C)
                i += 2
            else:
                out.append(int(raw[i + 1 : i + 4], 8))
                i += 4
        else:
            out.append(b)
            i += 1
    return bytes(out)


_TS = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?"
    r"(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?$"
)
_TIME = re.compile(r"(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?$")


def _micros(frac: str | None) -> int:
    return int((frac + "00000")[:6]) if frac else 0


def _offset(sign: str | None, hh: str | None, mm: str | None, ss: str | None) -> _dt.timezone | None:
    if sign is None:
        return None
    delta = _dt.timedelta(hours=int(hh or 0), minutes=int(mm or 0), seconds=int(ss or 0))
    return _dt.timezone(-delta if sign == "-" else delta)


def _timestamp(text: str) -> _dt.datetime | str:
    """`2024-01-02 03:04:05.678[+05:30]` -> aware UTC datetime; no offset means UTC."""
    try:  # fast path: PostgreSQL's ISO output is what fromisoformat reads (3.11+)
        value = _dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        offset = value.utcoffset()
        if offset is None or not offset:
            return value.replace(tzinfo=_dt.UTC)
        try:
            return value.astimezone(_dt.UTC)
        except OverflowError:
            return text
    m = _TS.match(text)
    if m is None:  # infinity, -infinity, BC dates, years beyond 9999
        return text
    y, mo, d, h, mi, s, frac, sign, oh, om, os_ = m.groups()
    tz = _offset(sign, oh, om, os_)
    try:
        value = _dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), _micros(frac), tzinfo=tz or _dt.UTC)
        return value.astimezone(_dt.UTC) if tz is not None else value
    except (ValueError, OverflowError):  # year 0 or an offset pushing past 9999
        return text


def _date(text: str) -> _dt.date | str:
    if len(text) != 10:  # infinity, BC, 5-digit years
        return text
    try:
        return _dt.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        return text


def _time(text: str) -> _dt.time | str:
    """`HH:MM:SS[.f][+hh[:mm]]` -> time (aware for timetz); `24:00:00` stays text."""
    m = _TIME.match(text)
    if m is None:
        return text
    h, mi, s, frac, sign, oh, om, os_ = m.groups()
    try:
        return _dt.time(int(h), int(mi), int(s), _micros(frac), tzinfo=_offset(sign, oh, om, os_))
    except ValueError:
        return text


_DECODERS: dict[int, Decoder] = {
    INT2: int, INT4: int, INT8: int, OID: int,
    FLOAT4: float, FLOAT8: float, NUMERIC: Decimal,
    BOOL: _bool, BYTEA: _bytea,
    TIMESTAMP: _timestamp, TIMESTAMPTZ: _timestamp, DATE: _date, TIME: _time, TIMETZ: _time,
    TEXT: str, VARCHAR: str, BPCHAR: str, NAME: str, CHAR: str, JSON: str, JSONB: str, UUID: str,
}


def _array_decoder(element_oid: int) -> Decoder:
    element = decoder(element_oid)
    return lambda text: parse_array(text, element)


def parse_array(text: str, element: Decoder = str) -> Any:
    """Parse a PostgreSQL array literal (`{1,NULL,"a \\"b\\""}`, nested, with optional
    `[1:2]=` bounds) into lists, applying `element` to each non-NULL item."""
    if text.startswith("["):  # explicit bounds decoration, e.g. [0:1]={1,2}
        text = text[text.index("=") + 1 :]
    value, end = _parse_array_at(text, 0, element)
    if end != len(text):
        raise ValueError("trailing characters after array literal")
    return value


def _parse_array_at(text: str, i: int, element: Decoder) -> tuple[list[Any], int]:
    if text[i] != "{":
        raise ValueError("array literal must start with '{'")
    i += 1
    out: list[Any] = []
    if text[i] == "}":
        return out, i + 1
    while True:
        ch = text[i]
        if ch == "{":
            sub, i = _parse_array_at(text, i, element)
            out.append(sub)
        elif ch == '"':
            i += 1
            buf: list[str] = []
            while text[i] != '"':
                if text[i] == "\\":
                    i += 1
                buf.append(text[i])
                i += 1
            i += 1
            out.append(element("".join(buf)))
        else:
            start = i
            while text[i] not in ",}":
                i += 1
            raw = text[start:i].strip(" \t\n\r\v\f")  # PostgreSQL's array_isspace, not Unicode's
            out.append(None if raw == "NULL" else element(raw))
        if text[i] == ",":
            i += 1
            continue
        if text[i] == "}":
            return out, i + 1
        raise ValueError(f"unexpected {text[i]!r} in array literal")
