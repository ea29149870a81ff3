"""Vitess field types (as PlanetScale names them) -> our ColumnType, and raw text bytes -> Python.

PlanetScale returns every value as MySQL text-protocol bytes plus a field description
(protocols.md C.4/C.10). `field_decoder(field)` picks, once per column, the column type and a
function that turns those bytes into a Python value, so decoding a row is one call per cell.

Types follow `@prisma/adapter-planetscale` (D.3) with Python values instead of JS ones: 64-bit
integers are `int`, DECIMAL is `Decimal`, DATETIME/TIMESTAMP are aware UTC `datetime`s (the
session runs in UTC), binary columns (charset 63) are `bytes`, JSON stays `str` (the client
parses it by the Plan's field type; MariaDB reports JSON as TEXT anyway).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from prisma_edge.fetch_adapters.base import ColumnType

__all__ = ["BINARY_CHARSET", "field_decoder", "column_type", "parse_datetime", "parse_date", "parse_time"]

BINARY_CHARSET = 63

Decoder = Callable[[bytes], Any]

_INT32 = frozenset({"INT8", "UINT8", "INT16", "UINT16", "INT24", "UINT24", "INT32", "YEAR"})
_INT64 = frozenset({"UINT32", "INT64", "UINT64"})
_FLOAT = frozenset({"FLOAT32", "FLOAT64"})
_DATETIME = frozenset({"DATETIME", "TIMESTAMP"})
_TEXT = frozenset({"CHAR", "VARCHAR", "TEXT", "SET"})
_BINARY_NAMES = frozenset({"BLOB", "BINARY", "VARBINARY"})
_ALWAYS_BYTES = frozenset({"BIT", "BITNUM", "HEXNUM", "HEXVAL", "GEOMETRY", "EXPRESSION"})


def column_type(field: Mapping[str, Any]) -> str:
    """The ColumnType for one `result.fields[]` entry (missing `type` means a NULL column)."""
    return field_decoder(field)[0]


def field_decoder(field: Mapping[str, Any]) -> tuple[str, Decoder]:
    """(ColumnType, bytes -> value) for one `result.fields[]` entry."""
    kind = field.get("type") or "NULL"
    charset = field.get("charset")
    if kind in _INT32:
        return ColumnType.INT, _int
    if kind in _INT64:
        return ColumnType.BIGINT, _int
    if kind in _FLOAT:
        return ColumnType.FLOAT, _float
    if kind == "DECIMAL":
        return ColumnType.DECIMAL, _decimal
    if kind in _DATETIME:
        return ColumnType.DATETIME, _datetime
    if kind == "DATE":
        return ColumnType.DATE, _date
    if kind == "TIME":
        return ColumnType.TIME, _time
    if kind == "JSON":
        return ColumnType.JSON, _text
    if kind == "ENUM":
        return ColumnType.ENUM, _text
    if kind in _BINARY_NAMES:
        # Vitess marks utf8mb4_bin TEXT as BLOB too; only charset 63 is really binary (D.3)
        if charset is not None and charset != BINARY_CHARSET:
            return ColumnType.TEXT, _text
        return ColumnType.BYTES, bytes
    if kind in _ALWAYS_BYTES:
        return ColumnType.BYTES, bytes
    if kind in _TEXT:
        return (ColumnType.BYTES, bytes) if charset == BINARY_CHARSET else (ColumnType.TEXT, _text)
    if kind in ("NULL", "NULL_TYPE"):
        return ColumnType.NULL, _text
    return ColumnType.UNKNOWN, (bytes if charset == BINARY_CHARSET else _text)


def _int(raw: bytes) -> int:
    return int(raw)


def _float(raw: bytes) -> float:
    return float(raw)


def _decimal(raw: bytes) -> Decimal:
    return Decimal(raw.decode("ascii"))


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _datetime(raw: bytes) -> _dt.datetime | str:
    return parse_datetime(raw.decode("ascii"))


def _date(raw: bytes) -> _dt.date | str:
    return parse_date(raw.decode("ascii"))


def _time(raw: bytes) -> _dt.time | _dt.timedelta | str:
    return parse_time(raw.decode("ascii"))


def parse_datetime(text: str) -> _dt.datetime | str:
    """'YYYY-MM-DD HH:MM:SS[.f{1,6}]' -> aware UTC datetime; zero dates stay text (no Python value)."""
    try:
        day, _, clock = text.partition(" ")
        y, mo, d = (int(p) for p in day.split("-"))
        h, mi, s, us = _clock(clock or "00:00:00")
        return _dt.datetime(y, mo, d, h, mi, s, us, tzinfo=_dt.UTC)
    except ValueError:
        return text


def parse_date(text: str) -> _dt.date | str:
    """'YYYY-MM-DD' -> date; '0000-00-00' stays text."""
    try:
        y, mo, d = (int(p) for p in text.split("-"))
        return _dt.date(y, mo, d)
    except ValueError:
        return text


def parse_time(text: str) -> _dt.time | _dt.timedelta | str:
    """'HH:MM:SS[.f]' -> time of day; MySQL TIME beyond 0..24h (an interval) -> timedelta."""
    try:
        negative = text.startswith("-")
        h, mi, s, us = _clock(text.lstrip("-"))
        if not negative and h < 24:
            return _dt.time(h, mi, s, us)
        delta = _dt.timedelta(hours=h, minutes=mi, seconds=s, microseconds=us)
        return -delta if negative else delta
    except ValueError:
        return text


def _clock(text: str) -> tuple[int, int, int, int]:
    hms, _, frac = text.partition(".")
    h, mi, s = (int(p) for p in hms.split(":"))
    us = int((frac + "000000")[:6]) if frac else 0
    return h, mi, s, us
