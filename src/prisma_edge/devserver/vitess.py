"""MySQL results and errors in Vitess' protojson shapes, as PlanetScale's HTTP API returns them
(protocols.md C.10, C.11): field types by Vitess name, rows as lengths + base64 values."""

from __future__ import annotations

import base64
from typing import Any

__all__ = ["VTRPC", "encode_result"]

# MySQL column type byte -> Vitess type name (protocols.md C.10); flags refine some of them
_MYSQL_TO_VITESS = {
    0: "DECIMAL", 1: "INT8", 2: "INT16", 3: "INT32", 4: "FLOAT32", 5: "FLOAT64", 6: "NULL_TYPE",
    7: "TIMESTAMP", 8: "INT64", 9: "INT24", 10: "DATE", 11: "TIME", 12: "DATETIME", 13: "YEAR",
    14: "DATE", 15: "VARCHAR", 16: "BIT", 17: "TIMESTAMP", 18: "DATETIME", 19: "TIME", 245: "JSON",
    246: "DECIMAL", 247: "ENUM", 248: "SET", 249: "TEXT", 250: "TEXT", 251: "TEXT", 252: "TEXT",
    253: "VARCHAR", 254: "CHAR", 255: "GEOMETRY",
}
_UNSIGNED, _BINARY, _ENUM, _SET = 32, 128, 256, 2048
_BINARY_VARIANT = {"TEXT": "BLOB", "VARCHAR": "VARBINARY", "CHAR": "BINARY"}

# MySQL errno -> vtrpc code name (protocols.md C.11, abridged); anything else is UNKNOWN
VTRPC = {
    **dict.fromkeys((1050, 1062, 1169, 1586), "ALREADY_EXISTS"),
    **dict.fromkeys((1054, 1109, 1146, 1176), "NOT_FOUND"),
    **dict.fromkeys((1048, 1049, 1064, 1149, 1264, 1366, 1406, 1292, 1364), "INVALID_ARGUMENT"),
    **dict.fromkeys((1046, 1216, 1217, 1230, 1451, 1452, 1792), "FAILED_PRECONDITION"),
    **dict.fromkeys((1044, 1045, 1142, 1143, 1227), "PERMISSION_DENIED"),
    **dict.fromkeys((1040, 1153, 1203), "RESOURCE_EXHAUSTED"),
    1205: "DEADLINE_EXCEEDED", 1213: "ABORTED", 1235: "UNIMPLEMENTED",
    **dict.fromkeys((2006, 2013, 1053, 1927), "UNAVAILABLE"),
}

def encode_result(res: Any) -> dict[str, Any]:
    """PyMySQL's raw result (bytes values, field packets) -> protojson `result`."""
    out: dict[str, Any] = {}
    if res is None:
        return out
    if getattr(res, "fields", None):
        out["fields"] = [_field(f) for f in res.fields]
        rows = []
        for row in res.rows or ():
            lengths = [str(len(v)) if v is not None else "-1" for v in row]
            encoded: dict[str, Any] = {"lengths": lengths}
            raw = b"".join(v for v in row if v is not None)
            if raw:
                encoded["values"] = base64.b64encode(raw).decode()
            rows.append(encoded)
        if rows:
            out["rows"] = rows
    else:
        if res.affected_rows and res.affected_rows > 0:
            out["rowsAffected"] = str(res.affected_rows)
        if res.insert_id:
            out["insertId"] = str(res.insert_id)
    return out


def _field(f: Any) -> dict[str, Any]:
    kind = _MYSQL_TO_VITESS.get(f.type_code, "NULL_TYPE")
    if kind in ("INT8", "INT16", "INT24", "INT32", "INT64") and f.flags & _UNSIGNED:
        kind = "U" + kind
    elif kind in _BINARY_VARIANT and f.flags & _BINARY:
        kind = _BINARY_VARIANT[kind]
    elif kind == "CHAR" and f.flags & _ENUM:
        kind = "ENUM"
    elif kind == "CHAR" and f.flags & _SET:
        kind = "SET"
    db = f.db.decode("utf-8", "replace") if isinstance(f.db, bytes) else (f.db or "")
    field = {
        "name": f.name, "type": kind, "table": f.table_name, "orgTable": f.org_table, "database": db,
        "orgName": f.org_name, "columnLength": f.length, "charset": f.charsetnr, "decimals": f.scale,
        "flags": f.flags,
    }
    return {k: v for k, v in field.items() if v not in ("", 0, None, "NULL_TYPE")}
