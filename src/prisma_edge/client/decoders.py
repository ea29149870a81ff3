"""Row decoders compiled once per result shape: no per-value type dispatch, one JSON decoder.

`codec.decode_scalar` decides what to do from the Prisma type name on every value (and
`json.loads(..., parse_float=Decimal)` builds a new decoder on every call). Here each column's
function is chosen once per `RecordShape` (cached), so a row costs one call per column; the
types whose decoding is simple and hot (String, Int, Float, enums) get their own functions, the
rest keep `decode_scalar`'s exact rules.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any

from ..compiler.plan import Column, RecordShape, RelationShape
from ..errors import InconsistentColumnDataError
from ..fetch_adapters.base import Records
from .codec import _pg_array, decode_datetime, decode_scalar

_JSON = json.JSONDecoder(parse_float=Decimal)  # one shared decoder: Decimal keeps exact numbers
parse_json = _JSON.decode

Decode = Callable[[Any], Any]


def _string(v: Any) -> Any:
    return v if v is None or v.__class__ is str else str(v)


def _int(v: Any) -> Any:
    return v if v is None or v.__class__ is int else int(v)


def _float(v: Any) -> Any:
    return None if v is None else float(v)


def _enum(mapping: dict[str, str], v: Any) -> Any:
    if v is None:
        return None
    v = v if v.__class__ is str else str(v)
    return mapping.get(v, v)


def _datetime(v: Any) -> Any:  # an aware UTC datetime at Prisma's precision (ms) is already the value
    if v.__class__ is datetime and v.tzinfo is UTC and not v.microsecond % 1000:
        return v
    return None if v is None else decode_datetime(v)


def _boolean(v: Any) -> Any:
    return v if v.__class__ is bool else decode_scalar("Boolean", v, nested=False)


def _decimal(v: Any) -> Any:
    return v if v.__class__ is Decimal else decode_scalar("Decimal", v, nested=False)


def _scalar(type_: str, nested: bool) -> Decode:
    if type_ == "String":
        return _string
    if type_ in ("Int", "BigInt"):
        return _int
    if type_ == "Float":
        return _float
    if type_ == "DateTime":
        return _datetime
    if type_ == "Boolean":
        return _boolean
    if type_ == "Decimal":
        return _decimal
    return partial(_general, type_, nested)


def _general(type_: str, nested: bool, v: Any) -> Any:  # every other type: codec's exact rules
    return decode_scalar(type_, v, nested=nested)


def _list(item: Decode, v: Any) -> Any:
    if isinstance(v, str):  # JSON (inside aggregates) or a PostgreSQL array literal (enum[] columns)
        v = json.loads(v) if v.startswith("[") else _pg_array(v)
    return [] if v is None else [item(x) for x in v]  # a NULL list column reads as [] (Prisma)


def _column(c: Column, nested: bool) -> Decode:
    if c.kind == "scalar":
        if c.type.startswith("Enum:"):
            base: Decode = partial(_enum, dict(c.enum_map)) if c.enum_map else _string
        else:
            base = _scalar(c.type, nested or (c.is_list and c.type != "Json"))  # Json[] elements: parsed
        return partial(_list, base) if c.is_list else base
    if c.kind == "counts":
        return partial(_counts, c.counts)
    assert c.relation is not None
    return _relation(c.relation)


def _counts(names: tuple[str, ...], v: Any) -> dict[str, int]:
    if isinstance(v, str | bytes | bytearray):
        v = parse_json(v if isinstance(v, str) else bytes(v).decode())
    return dict(zip(names, (int(x) for x in (v or [0] * len(names))), strict=True))


def _relation(shape: RelationShape) -> Decode:
    names = tuple(c.name for c in shape.record.columns)
    fns = tuple(_column(c, True) for c in shape.record.columns)

    record = _record_function(names, fns, 1)  # a nested record: [ordinal, v1, v2, ...]

    reverse = shape.reverse

    def many(v: Any) -> Any:
        if isinstance(v, str | bytes | bytearray):
            v = parse_json(v if isinstance(v, str) else bytes(v).decode())
        items = [parse_json(x) if isinstance(x, str) else x for x in v or ()]
        items.sort(key=_ordinal, reverse=reverse)
        return [record(r) for r in items]

    def one(v: Any) -> Any:
        if isinstance(v, str | bytes | bytearray):
            v = parse_json(v if isinstance(v, str) else bytes(v).decode())
        return None if v is None else record(v)

    return many if shape.many else one


def _ordinal(r: list[Any]) -> Any:
    return r[0]


@lru_cache(maxsize=1024)
def row_decoder(shape: RecordShape) -> Callable[[tuple[Any, ...]], dict[str, Any]]:
    """The function turning one top-level row of `shape` into its record dict."""
    names = tuple(c.name for c in shape.columns)
    fns = tuple(_column(c, False) for c in shape.columns)
    return _record_function(names, fns, 0)


def _record_function(
    names: tuple[str, ...], fns: tuple[Decode, ...], offset: int
) -> Callable[[Any], dict[str, Any]]:
    """`lambda row: {k0: f0(row[0]), k1: f1(row[1]), ...}`, written out once per shape: no loop,
    no zip, one call per column. The field names are passed in (k0, k1...), never written in."""
    items = ", ".join(f"k{i}: f{i}(row[{i + offset}])" for i in range(len(names)))
    args = "".join(f", f{i}=f{i}, k{i}=k{i}" for i in range(len(fns)))
    scope: dict[str, Any] = {f"f{i}": f for i, f in enumerate(fns)} | {f"k{i}": k for i, k in enumerate(names)}
    exec(f"def record(row{args}):\n    return {{{items}}}\n", scope)  # noqa: S102 - our own text: identifiers and numbers
    return scope["record"]  # type: ignore[no-any-return]


_KEEPS: dict[Decode, type] = {_string: str, _int: int, _float: float, _boolean: bool, _decimal: Decimal}  # the values each returns unchanged


@lru_cache(maxsize=1024)
def records_for(shape: RecordShape) -> Records:
    """The `Records` an adapter may build this shape's records with while it reads the rows
    (the same functions as `row_decoder(shape)`, so the same values)."""
    fns = tuple(_column(c, False) for c in shape.columns)
    return Records(
        names=tuple(c.name for c in shape.columns),
        finish=fns,
        keeps=tuple(_KEEPS.get(f) for f in fns),
        decode=partial(decode_rows, shape),
    )


_ERRORS = (ValueError, TypeError, KeyError, IndexError, json.JSONDecodeError)


def decode_row(shape: RecordShape, row: tuple[Any, ...]) -> dict[str, Any]:
    try:
        return row_decoder(shape)(row)
    except _ERRORS as e:
        raise InconsistentColumnDataError(f"could not decode a row from the database: {e}") from e


def decode_rows(shape: RecordShape, rows: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Every row of a result, through the shape's decoder (looked up once, not per row)."""
    dec = row_decoder(shape)
    try:
        return [dec(r) for r in rows]
    except _ERRORS as e:
        raise InconsistentColumnDataError(f"could not decode a row from the database: {e}") from e
