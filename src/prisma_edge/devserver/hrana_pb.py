"""Hrana 3's Protobuf encoding (`/v3-protobuf/pipeline`), to and from the JSON shapes.

`@libsql/client` asks `GET /v3-protobuf` first and, when the server has it, speaks Protobuf;
so the local endpoint does too (the spec requires every Hrana 3 server to). Rather than a second
protocol handler, requests are decoded into exactly the dicts the JSON encoding gives (integers
as decimal strings, blobs as base64) and responses encoded from them, field numbers as in the
spec's appendix. Only what a pipeline carries is covered; unknown fields are skipped, as
Protobuf requires.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["PbError", "decode_pipeline_request", "encode_pipeline_response"]

Json = dict[str, Any]


class PbError(ValueError):
    """The body is not a valid Protobuf message of the expected shape."""


# -- reading ------------------------------------------------------------------------------------


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    out = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise PbError("truncated or overlong varint")
        b = data[pos]
        pos += 1
        out |= (b & 0x7F) << shift
        if not b & 0x80:
            return out, pos
        shift += 7


def _fields(data: bytes) -> Iterator[tuple[int, int, Any]]:
    """(field number, wire type, value): int for varints, bytes for length-delimited, raw 8/4 bytes."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            n, pos = _varint(data, pos)
            if pos + n > len(data):
                raise PbError("truncated length-delimited field")
            value, pos = data[pos:pos + n], pos + n
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise PbError(f"unsupported wire type {wire}")
        if pos > len(data):
            raise PbError("truncated fixed-width field")
        yield number, wire, value


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def _text(value: Any) -> str:
    try:
        return bytes(value).decode("utf-8")
    except (UnicodeDecodeError, TypeError):
        raise PbError("a string field is not UTF-8") from None


def _value(data: bytes) -> Json:
    for number, _, v in _fields(data):
        if number == 1:
            return {"type": "null"}
        if number == 2:
            return {"type": "integer", "value": str(_zigzag(v))}
        if number == 3:
            return {"type": "float", "value": struct.unpack("<d", v)[0]}
        if number == 4:
            return {"type": "text", "value": _text(v)}
        if number == 5:
            return {"type": "blob", "base64": base64.b64encode(v).decode("ascii")}
    raise PbError("a Value without any value")


def _stmt(data: bytes) -> Json:
    out: Json = {"args": [], "named_args": []}
    for number, _, v in _fields(data):
        if number == 1:
            out["sql"] = _text(v)
        elif number == 2:
            out["sql_id"] = _int32(v)
        elif number == 3:
            out["args"].append(_value(v))
        elif number == 4:
            arg: Json = {}
            for n2, _, v2 in _fields(v):
                if n2 == 1:
                    arg["name"] = _text(v2)
                elif n2 == 2:
                    arg["value"] = _value(v2)
            out["named_args"].append(arg)
        elif number == 5:
            out["want_rows"] = bool(v)
    return out


def _int32(v: int) -> int:
    return v - (1 << 64) if v >= 1 << 63 else v


def _cond(data: bytes) -> Json:
    for number, _, v in _fields(data):
        if number == 1:
            return {"type": "ok", "step": v}
        if number == 2:
            return {"type": "error", "step": v}
        if number == 3:
            return {"type": "not", "cond": _cond(v)}
        if number in (4, 5):
            conds = [_cond(c) for n2, _, c in _fields(v) if n2 == 1]
            return {"type": "and" if number == 4 else "or", "conds": conds}
        if number == 6:
            return {"type": "is_autocommit"}
    raise PbError("a BatchCond without a condition")


def _batch(data: bytes) -> Json:
    steps = []
    for number, _, v in _fields(data):
        if number == 1:
            step: Json = {}
            for n2, _, v2 in _fields(v):
                if n2 == 1:
                    step["condition"] = _cond(v2)
                elif n2 == 2:
                    step["stmt"] = _stmt(v2)
            steps.append(step)
    return {"steps": steps}


def _sql_fields(data: bytes, kind: str) -> Json:
    out: Json = {"type": kind}
    for number, _, v in _fields(data):
        if number == 1:
            out["sql"] = _text(v)
        elif number == 2:
            out["sql_id"] = _int32(v)
    return out


def _store_sql(data: bytes) -> Json:
    out: Json = {"type": "store_sql"}
    for number, _, v in _fields(data):
        if number == 1:
            out["sql_id"] = _int32(v)
        elif number == 2:
            out["sql"] = _text(v)
    return out


def _close_sql(data: bytes) -> Json:
    return {"type": "close_sql", "sql_id": next((_int32(v) for n, _, v in _fields(data) if n == 1), 0)}


_REQUESTS: dict[int, Callable[[bytes], Json]] = {
    1: lambda d: {"type": "close"},
    2: lambda d: {"type": "execute", "stmt": next((_stmt(v) for n, _, v in _fields(d) if n == 1), {})},
    3: lambda d: {"type": "batch", "batch": next((_batch(v) for n, _, v in _fields(d) if n == 1), {"steps": []})},
    4: lambda d: _sql_fields(d, "sequence"),
    5: lambda d: _sql_fields(d, "describe"),
    6: _store_sql,
    7: _close_sql,
    8: lambda d: {"type": "get_autocommit"},
}


def decode_pipeline_request(data: bytes) -> Json:
    """`PipelineReqBody` -> {"baton": str | None, "requests": [...]} as the JSON encoding has it."""
    body: Json = {"baton": None, "requests": []}
    for number, wire, v in _fields(data):
        if number == 1 and wire == 2:
            body["baton"] = _text(v)
        elif number == 2 and wire == 2:
            request = next(((_REQUESTS[n](v2)) for n, _, v2 in _fields(v) if n in _REQUESTS), {"type": "none"})
            body["requests"].append(request)
    return body


# -- writing ------------------------------------------------------------------------------------


def _put_varint(out: bytearray, n: int) -> None:
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return


def _key(out: bytearray, number: int, wire: int) -> None:
    _put_varint(out, number << 3 | wire)


def _put_bytes(out: bytearray, number: int, data: bytes) -> None:
    _key(out, number, 2)
    _put_varint(out, len(data))
    out += data


def _put_uint(out: bytearray, number: int, n: int) -> None:
    _key(out, number, 0)
    _put_varint(out, n)


def _enc_value(v: Json) -> bytes:
    out = bytearray()
    kind = v.get("type")
    if kind == "null":
        _put_bytes(out, 1, b"")
    elif kind == "integer":
        n = int(v["value"])
        _put_uint(out, 2, (n << 1) ^ (n >> 63))
    elif kind == "float":
        _key(out, 3, 1)
        out += struct.pack("<d", float(v["value"]))
    elif kind == "text":
        _put_bytes(out, 4, str(v["value"]).encode("utf-8"))
    elif kind == "blob":
        _put_bytes(out, 5, base64.b64decode(v["base64"]))
    return bytes(out)


def _enc_error(e: Json) -> bytes:
    out = bytearray()
    _put_bytes(out, 1, str(e.get("message", "")).encode("utf-8"))
    if e.get("code"):
        _put_bytes(out, 2, str(e["code"]).encode("utf-8"))
    return bytes(out)


def _enc_stmt_result(r: Json) -> bytes:
    out = bytearray()
    for col in r.get("cols", []):
        c = bytearray()
        if col.get("name") is not None:
            _put_bytes(c, 1, str(col["name"]).encode("utf-8"))
        if col.get("decltype") is not None:
            _put_bytes(c, 2, str(col["decltype"]).encode("utf-8"))
        _put_bytes(out, 1, bytes(c))
    for row in r.get("rows", []):
        row_bytes = bytearray()
        for v in row:
            _put_bytes(row_bytes, 1, _enc_value(v))
        _put_bytes(out, 2, bytes(row_bytes))
    _put_uint(out, 3, int(r.get("affected_row_count") or 0))
    if r.get("last_insert_rowid") is not None:
        n = int(r["last_insert_rowid"])
        _put_uint(out, 4, (n << 1) ^ (n >> 63))
    return bytes(out)


def _enc_batch_result(r: Json) -> bytes:
    out = bytearray()
    for field, items, enc in ((1, r.get("step_results", []), _enc_stmt_result), (2, r.get("step_errors", []), _enc_error)):
        for i, item in enumerate(items):
            if item is None:
                continue
            entry = bytearray()
            _put_uint(entry, 1, i)
            _put_bytes(entry, 2, enc(item))
            _put_bytes(out, field, bytes(entry))
    return bytes(out)


def _enc_response(resp: Json) -> bytes:
    kind = resp.get("type")
    inner = bytearray()
    if kind == "execute":
        _put_bytes(inner, 1, _enc_stmt_result(resp["result"]))
    elif kind == "batch":
        _put_bytes(inner, 1, _enc_batch_result(resp["result"]))
    elif kind == "get_autocommit":
        _put_uint(inner, 1, 1 if resp.get("is_autocommit") else 0)
    number = {"close": 1, "execute": 2, "batch": 3, "sequence": 4, "describe": 5, "store_sql": 6,
              "close_sql": 7, "get_autocommit": 8}[str(kind)]
    out = bytearray()
    _put_bytes(out, number, bytes(inner))
    return bytes(out)


def encode_pipeline_response(body: Json) -> bytes:
    """{"baton", "base_url", "results"} (JSON shapes) -> `PipelineRespBody` bytes."""
    out = bytearray()
    if body.get("baton") is not None:
        _put_bytes(out, 1, str(body["baton"]).encode("utf-8"))
    if body.get("base_url") is not None:
        _put_bytes(out, 2, str(body["base_url"]).encode("utf-8"))
    for result in body.get("results", []):
        item = bytearray()
        if result.get("type") == "ok":
            _put_bytes(item, 1, _enc_response(result["response"]))
        else:
            _put_bytes(item, 2, _enc_error(result.get("error") or {}))
        _put_bytes(out, 3, bytes(item))
    return bytes(out)


def encode_error(error: Json) -> bytes:
    """A top-level `Error` message (HTTP error bodies in the Protobuf encoding)."""
    return _enc_error(error)
