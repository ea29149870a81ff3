"""One statement's rows read off the wire in one pass: cut, decoded and built (`RowReader`).

Cutting the DataRows of a chunk (pgwire/rows.py), then decoding each value by its OID (a
function per row), then building the caller's dict (another per row) walked every row three
times through three generated functions. Here one function, written out once per (column
types, caller's record) shape, loops over the chunk's DataRows and turns each straight into its
final form: the caller's record dict when the query carries a `Records` spec, else the tuple of
decoded values. Ints and floats are read from the bytes (`int(b"42")`), text decoded once, and
the caller's per-column function skipped where it would return the value unchanged.

The generated text holds only our own identifiers and numbers: decoders, the caller's functions
and the field names are passed in its namespace (`k0`, `d1`, `c2`...), never written into it.

Exactness: the fast path only ever gives what the two-step path would. Any value it cannot
handle (a decoder or a caller's function raising) makes the reader keep the raw rows from that
row on, and `wire_session` decodes those the old way afterwards, so the same error (or value)
comes out; a DataRow that is malformed is the same RemoteProtocolError as in pgwire/rows.py.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from prisma_edge.fetch_adapters.base import Records
from prisma_edge.fetch_adapters.protocols.pgwire.errors import RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.events import FieldDesc
from prisma_edge.fetch_adapters.protocols.pgwire.rows import scan_data_rows
from prisma_edge.fetch_adapters.protocols.postgres import types as pg_types

__all__ = ["RowReader"]

_HEAD = struct.Struct("!ihi")  # a DataRow's length, its value count, its first value's length
_LEN = struct.Struct("!i")
_MAX_WRITTEN_OUT = 256  # wider rows take the two-step path (PostgreSQL allows up to 1,664 columns)
_UNFILLED = "malformed DataRow message: its values do not fill it exactly"
_SHORT = "malformed DataRow message: payload is too short"
_FROM_BYTES = (int, float)  # decoders that read the text's bytes directly, as they read the text
# decoders whose every value is of one type (the others may give text: `infinity`, `24:00:00`...)
_YIELDS: dict[Any, type] = {int: int, float: float, str: str, Decimal: Decimal, pg_types.decoder(pg_types.BOOL): bool}

Fused = Callable[[bytearray, int, int, list[Any]], tuple[int, bool]]
_CACHE: dict[tuple[tuple[tuple[int, int], ...], Records | None], Fused | None] = {}


def _cell(i: int, fmt: int, dec: Any, finish: Any, keeps: type | None, env: dict[str, Any]) -> tuple[str, str]:
    """(the value of column i's non-NULL cell `data[pos:pos + s]`, its NULL value), as code."""
    raw = "data[pos:pos + s]"
    if fmt != 0:  # a binary cell stays bytes, as in pg_types.row_decoder
        dec = None
        value = raw
    elif dec in _FROM_BYTES:
        value = f"{dec.__name__}({raw})"
    elif dec is str:
        value = f"{raw}.decode()"
    else:
        env[f"d{i}"] = dec
        value = f"d{i}({raw}.decode())"
    if finish is None or (keeps is not None and _YIELDS.get(dec) is keeps):  # the caller's function would keep it
        return value, "None"
    env[f"c{i}"] = finish
    return f"c{i}({value})", f"c{i}(None)"


def _fused(columns: tuple[tuple[int, int], ...], records: Records | None) -> Fused | None:
    """scan(buf, pos, limit, out) -> (position after the rows taken, whether a value stopped it):
    appends to `out` the finished row of each complete DataRow of len(columns) values from `pos`."""
    n = len(columns)
    if n == 0 or n > _MAX_WRITTEN_OUT:
        return None
    env: dict[str, Any] = {"head": _HEAD.unpack_from, "u": _LEN.unpack_from, "bad": RemoteProtocolError,
                           "struct_error": struct.error, "UNFILLED": _UNFILLED, "SHORT": _SHORT}
    body: list[str] = []
    for i, (oid, fmt) in enumerate(columns):
        finish = keeps = None
        if records is not None:
            finish, keeps = records.finish[i], records.keeps[i]
            env[f"k{i}"] = records.names[i]
        value, null = _cell(i, fmt, pg_types.decoder(oid), finish, keeps, env)
        if i:
            body.append("            (s,) = u(data, pos); pos += 4")
        body += [f"            if s < 0: v{i} = {null}", f"            else: v{i} = {value}; pos += s"]
    if records is not None:
        built = "{" + ", ".join(f"k{i}: v{i}" for i in range(n)) + "}"
    else:
        built = "(" + "".join(f"v{i}, " for i in range(n)) + ")"
    lines = [
        "def scan(buf, start, limit, out):",
        "    data = bytes(buf[start:])",
        "    size, at = len(data), 0",
        "    append = out.append",
        "    try:",
        "        while size - at >= 11 and data[at] == 68:",
        "            (length, n, s) = head(data, at + 1)",
        "            end = at + 1 + length",
        f"            if end > size or n != {n} or length < 6 or length > limit: break",
        "            pos = at + 11",
        *body,
        "            if pos != end: raise bad(UNFILLED)",
        f"            append({built})",
        "            at = end",
        "    except bad: raise",
        "    except struct_error: raise bad(SHORT) from None",
        "    except Exception: return start + at, True  # a value it could not finish: the two-step path from here",
        "    return start + at, False",
    ]
    exec("\n".join(lines) + "\n", env)  # noqa: S102 - our own text: identifiers and numbers only
    return env["scan"]  # type: ignore[no-any-return]


def fused_scan(columns: tuple[tuple[int, int], ...], records: Records | None) -> Fused | None:
    """The one-pass function for rows of these (type OID, format) columns built as `records` says
    (None: tuples of decoded values); None where the row is too wide to write out. Cached."""
    key = (columns, records)
    try:
        return _CACHE[key]
    except KeyError:
        pass
    if len(_CACHE) >= 256:  # raw queries can make many shapes: keep the cache bounded
        _CACHE.clear()
    found = _CACHE[key] = _fused(columns, records)
    return found


class RowReader:
    """One statement's rows, read as they arrive (a `scan` for `PgConnection.read_rows`).

    `rows`: the finished rows (the caller's dicts with `records`, else tuples of decoded values).
    `raw`: None, or the raw rows from the first one the fast path did not finish (decoded
    afterwards, the two-step way, by `wire_session`).
    """

    __slots__ = ("columns", "records", "rows", "raw", "_scan")

    def __init__(self, fields: tuple[FieldDesc, ...], records: Records | None) -> None:
        self.columns = tuple((f.type_oid, f.format) for f in fields)
        if records is not None and len(records.names) != len(fields):
            records = None  # not the statement the caller described: plain tuples, decoded the usual way
        self.records = records
        self.rows: list[Any] = []
        self._scan = fused_scan(self.columns, records)
        self.raw: list[tuple[bytes | None, ...]] | None = None if self._scan is not None else []

    def __call__(self, buf: bytearray, pos: int, limit: int) -> tuple[list[Any], int]:
        """Take the complete DataRows at `pos` (kept in `rows` or `raw`); return ([], the new position)."""
        if len(buf) - pos < 5 or buf[pos] != 0x44:
            return [], pos
        if pos + 1 + int.from_bytes(buf[pos + 1 : pos + 5], "big", signed=True) > len(buf):
            return [], pos  # the first row is not all here yet: no copy of the buffer for nothing
        if self.raw is None:
            assert self._scan is not None
            pos, stopped = self._scan(buf, pos, limit, self.rows)
            if not stopped:
                return [], pos
            self.raw = []
        rows, pos = scan_data_rows(buf, pos, limit)
        self.raw.extend(rows)
        return [], pos

    def add(self, values: tuple[bytes | None, ...]) -> None:
        """A DataRow `next_event` returned (one the scan left): kept raw, as every row after it."""
        if self.raw is None:
            self.raw = []
        self.raw.append(values)
