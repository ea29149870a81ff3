"""The lean DataRow path: the rows of a received chunk parsed in one call (`scan_data_rows`).

A result of 10,000 rows is 10,000 DataRow messages; parsing each through `next_event` (a bytes
copy of its payload, an event object, a loop over its columns) cost more than psycopg's whole
row. Here the chunk is copied once, and each row is cut by a parser written out once per column
count (`(s,) = u(p, pos); v0 = None if s < 0 else p[pos:pos + s]; ...`), which checks, as
`messages.data_row_values` does, that the values fill the message exactly.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

from prisma_edge.fetch_adapters.protocols.pgwire.errors import RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.messages import data_row_values

__all__ = ["RowScan", "scan_data_rows"]

Row = tuple[bytes | None, ...]
# scan(buffer, position, max message size) -> (the rows of the complete DataRows from there, the
# position after them): `scan_data_rows`, or one that also decodes (postgres/row_reader.py)
RowScan = Callable[[bytearray, int, int], tuple[list[Any], int]]
_I16 = struct.Struct("!h")
_I32 = struct.Struct("!i")
_MAX_WRITTEN_OUT = 64  # wider rows take the general loop (PostgreSQL allows up to 1,664 columns)
_PARSERS: dict[int, Callable[[bytes, int, int], Row]] = {}
_UNFILLED = "malformed DataRow message: its values do not fill it exactly"


def _parser(n: int) -> Callable[[bytes, int, int], Row]:
    """parse(p, pos, end): the n values of a DataRow whose first length word is at `pos`."""
    lines = ["def parse(p, pos, end):"]
    for i in range(n):
        lines += [
            "    (s,) = u(p, pos)",
            "    pos += 4",
            f"    if s < 0: v{i} = None",
            f"    else: v{i} = p[pos:pos + s]; pos += s",
        ]
    lines += [f"    if pos != end: raise bad({_UNFILLED!r})", f"    return ({''.join(f'v{i}, ' for i in range(n))})"]
    env = {"u": _I32.unpack_from, "bad": RemoteProtocolError}
    exec("\n".join(lines) + "\n", env)  # noqa: S102 - our own text: only the column count varies
    _PARSERS[n] = env["parse"]
    return env["parse"]


def scan_data_rows(buf: bytearray, pos: int, limit: int) -> tuple[list[Row], int]:
    """(the values of each complete DataRow message from `pos` on, the position after them):
    stops at any other message, an incomplete one, or a length outside 6..limit (left for the
    caller's general path, which reports it)."""
    rows: list[Row] = []
    if len(buf) - pos < 5 or buf[pos] != 0x44:
        return rows, pos
    data = bytes(buf[pos:])
    size, at = len(data), 0
    parsers = _PARSERS
    try:
        while size - at >= 7 and data[at] == 0x44:
            (length,) = _I32.unpack_from(data, at + 1)
            end = at + 1 + length
            if length < 6 or length > limit or end > size:
                break
            (n,) = _I16.unpack_from(data, at + 5)
            if 0 <= n <= _MAX_WRITTEN_OUT:
                parse = parsers.get(n) or _parser(n)
                rows.append(parse(data, at + 7, end))
            else:
                rows.append(data_row_values(data[at + 5 : end]))
            at = end
    except struct.error as e:
        raise RemoteProtocolError("malformed DataRow message: payload is too short") from e
    return rows, pos + at
