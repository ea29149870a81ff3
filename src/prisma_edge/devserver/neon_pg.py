"""The PostgreSQL side of the local Neon HTTP endpoint: blocking libpq calls (psycopg.pq).

Runs in the endpoint's thread pool. Each query is one `PQexecParams` (extended protocol, unnamed
statement, parameters as text of unknown type, text results), so multi-statement strings fail as
on Neon. `PgPool` keeps idle connections per (database, application_name, options), opened with
`TimeZone=UTC`, and resets each with ROLLBACK / `DISCARD ALL` before reuse, so no session state
leaks between requests. Failures become `PgFailure` (HTTP status + PostgreSQL error fields),
which `neon.py` turns into Neon's JSON error.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator, Mapping
from typing import Any

from prisma_edge.errors import ClientError
from prisma_edge.fetch_adapters.protocols.postgres import types as pg_types

__all__ = ["PgFailure", "PgPool", "Query", "begin_sql", "run_batch", "run_query"]

Query = tuple[str, list[bytes | None], bool | None]


class PgFailure(Exception):
    """A failure to report as a Neon error: HTTP status, message and PostgreSQL error fields."""

    def __init__(self, status: int, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.status, self.message, self.fields = status, message, fields


def _pq() -> Any:
    try:
        from psycopg import pq  # noqa: PLC0415 - optional extra, CPython only
    except ImportError:
        raise ClientError("the local Neon endpoint needs psycopg: pip install 'prisma-edge[devserver]'") from None
    return pq


class PgPool:
    """Idle libpq connections per (database, application_name, options); a few kept each."""

    def __init__(self, host: str, port: int, user: str, password: str | None, keep: int = 4) -> None:
        self.host, self.port, self.user, self._password, self.keep = host, port, user, password, keep
        self._idle: dict[tuple[str, str, str], list[Any]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def require_driver() -> None:
        _pq()

    def acquire(self, info: Mapping[str, str]) -> Any:
        key = (info["dbname"], info["application_name"], info["options"])
        while True:
            with self._lock:
                idle = self._idle.get(key)
                conn = idle.pop() if idle else None
            if conn is None:
                break
            if not _closed_by_server(conn):
                return conn
            conn.finish()
        from psycopg.conninfo import make_conninfo  # noqa: PLC0415

        pq = _pq()
        options = " ".join(o for o in ("-c TimeZone=UTC", info["options"]) if o)
        conninfo = make_conninfo(host=self.host, port=self.port, user=self.user, password=self._password,
                                 dbname=info["dbname"], options=options, client_encoding="UTF8",
                                 application_name=info["application_name"] or None, connect_timeout=10)
        conn = pq.PGconn.connect(conninfo.encode())
        if conn.status != pq.ConnStatus.OK:
            text = conn.error_message.decode("utf-8", "replace")
            conn.finish()
            raise _connect_failure(text)
        return conn

    def release(self, info: Mapping[str, str], conn: Any) -> None:
        """Reset the session (rollback, DISCARD ALL) and keep the connection, or close it."""
        pq = _pq()
        ok = conn.status == pq.ConnStatus.OK
        if ok and conn.transaction_status != pq.TransactionStatus.IDLE:
            ok = conn.exec_(_SQL["rollback"]).status == pq.ExecStatus.COMMAND_OK
        ok = ok and conn.exec_(_SQL["discard"]).status == pq.ExecStatus.COMMAND_OK
        key = (info["dbname"], info["application_name"], info["options"])
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if ok and len(idle) < self.keep:
                idle.append(conn)
                return
        conn.finish()

    def close(self) -> None:
        with self._lock:
            conns = [c for idle in self._idle.values() for c in idle]
            self._idle.clear()
        for c in conns:
            c.finish()


def _closed_by_server(conn: Any) -> bool:
    """An idle connection has nothing to read unless the server closed it (restart, terminate)."""
    import select  # noqa: PLC0415

    try:
        readable, _, _ = select.select([conn.socket], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _connect_failure(text: str) -> PgFailure:
    """libpq reports connection failures as text only: recover the SQLSTATE PostgreSQL used."""
    message = text.split("FATAL:", 1)[-1].strip().splitlines()[0] if "FATAL:" in text else ""
    if "does not exist" in message and message.startswith("database"):
        return PgFailure(400, message, code="3D000", severity="FATAL")
    if message.startswith("role") and "does not exist" in message:
        return PgFailure(400, message, code="28000", severity="FATAL")
    if "authentication failed" in message:
        return PgFailure(400, message, code="28P01", severity="FATAL")
    if message:
        return PgFailure(400, message, code="08006", severity="FATAL")
    return PgFailure(500, "Couldn't connect to compute node: the database server is not reachable")


def _constants() -> dict[str, bytes]:
    from sqlglot import exp  # noqa: PLC0415 - SQL we generate is built as sqlglot expressions

    return {
        "commit": exp.Commit().sql("postgres").encode(),
        "rollback": exp.Rollback().sql("postgres").encode(),
        "discard": exp.Command(this="DISCARD", expression=exp.Var(this="ALL")).sql("postgres").encode(),
    }


_SQL = _constants()


def begin_sql(level: str | None, read_only: bool, deferrable: bool) -> bytes:
    """`BEGIN ISOLATION LEVEL ..., READ ONLY, DEFERRABLE` from the whitelisted header values."""
    from sqlglot import exp  # noqa: PLC0415

    modes = ([f"ISOLATION LEVEL {level}"] if level else []) + (["READ ONLY"] if read_only else [])
    modes += ["DEFERRABLE"] if deferrable else []
    return exp.Transaction(modes=modes or None).sql("postgres").encode()


@contextlib.contextmanager
def _session(pool: PgPool, info: Mapping[str, str]) -> Iterator[Any]:
    """A pooled connection; a connection lost on the way is a 500, as Neon answers for compute errors."""
    import psycopg  # noqa: PLC0415

    conn = pool.acquire(info)
    try:
        yield conn
    except psycopg.Error:
        raise PgFailure(500, "the connection to the database was lost") from None
    finally:
        try:
            pool.release(info, conn)
        except psycopg.Error:
            conn.finish()


def run_query(pool: PgPool, info: Mapping[str, str], query: Query, raw_text: bool, array_mode: bool,
              limit: int) -> tuple[int, dict[str, Any]]:
    with _session(pool, info) as conn:
        return 200, _execute(conn, query, raw_text, array_mode, [limit, limit])


def run_batch(pool: PgPool, info: Mapping[str, str], begin: bytes, queries: list[Query], raw_text: bool,
              array_mode: bool, limit: int) -> tuple[int, dict[str, Any]]:
    """All queries in one transaction; on the first error roll back and report only it."""
    pq = _pq()
    budget = [limit, limit]
    with _session(pool, info) as conn:
        _check(pq, conn.exec_(begin))
        try:
            results = [_execute(conn, q, raw_text, array_mode, budget) for q in queries]
            _check(pq, conn.exec_(_SQL["commit"]))
        except BaseException:
            with contextlib.suppress(Exception):
                conn.exec_(_SQL["rollback"])
            raise
        return 200, {"results": results}


def _check(pq: Any, res: Any) -> None:
    if res.status not in (pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK, pq.ExecStatus.EMPTY_QUERY):
        raise _error_of(pq, res)


_FIELDS = {  # Neon JSON key -> libpq diagnostic field name
    "code": "SQLSTATE", "detail": "MESSAGE_DETAIL", "hint": "MESSAGE_HINT", "position": "STATEMENT_POSITION",
    "internalPosition": "INTERNAL_POSITION", "internalQuery": "INTERNAL_QUERY", "severity": "SEVERITY",
    "where": "CONTEXT", "table": "TABLE_NAME", "column": "COLUMN_NAME", "schema": "SCHEMA_NAME",
    "dataType": "DATATYPE_NAME", "constraint": "CONSTRAINT_NAME", "file": "SOURCE_FILE", "line": "SOURCE_LINE",
    "routine": "SOURCE_FUNCTION",
}


def _error_of(pq: Any, res: Any) -> PgFailure:
    def field(name: str) -> str | None:
        v = res.error_field(getattr(pq.DiagnosticField, name))
        return v.decode("utf-8", "replace") if v is not None else None

    message = field("MESSAGE_PRIMARY")
    if message is None:  # the connection broke: no ErrorResponse
        raise PgFailure(500, "the connection to the database was lost")
    return PgFailure(400, message, **{k: field(v) for k, v in _FIELDS.items()})


def _execute(conn: Any, query: Query, raw_text: bool, array_mode: bool, budget: list[int]) -> dict[str, Any]:
    """One PQexecParams; its result as Neon's JSON object. `budget` is [bytes left, the limit]."""
    pq = _pq()
    sql, params, mode = query
    if any(p is not None and b"\x00" in p for p in params) or "\x00" in sql:
        raise PgFailure(400, 'invalid byte sequence for encoding "UTF8": 0x00', code="22021", severity="ERROR")
    res = conn.exec_params(sql.encode("utf-8"), params, None, None, 0)
    _check(pq, res)
    as_array = array_mode if mode is None else mode
    names = [res.fname(i).decode("utf-8", "replace") for i in range(res.nfields)]
    oids = [res.ftype(i) for i in range(res.nfields)]
    fields = [
        {"name": names[i], "dataTypeID": oids[i], "tableID": res.ftable(i), "columnID": res.ftablecol(i),
         "dataTypeSize": res.fsize(i), "dataTypeModifier": res.fmod(i), "format": "text"}
        for i in range(res.nfields)
    ]
    convert = [None if raw_text else _json_converter(o) for o in oids]
    rows: list[Any] = []
    size = 0
    get = res.get_value
    for r in range(res.ntuples):
        row = []
        for c in range(res.nfields):
            v = get(r, c)
            if v is None:
                row.append(None)
                continue
            size += len(v) + 3
            text = v.decode("utf-8", "replace")
            row.append(text if convert[c] is None else convert[c](text))
        rows.append(row if as_array else dict(zip(names, row, strict=True)))
        if size > budget[0]:
            raise PgFailure(507, f"response is too large (max is {budget[1]} bytes)")
    budget[0] -= size
    tag = (res.command_status or b"").decode()
    command, _, rest = tag.partition(" ")
    count_text = rest.split(" ")[-1] if command == "INSERT" else rest
    return {"fields": fields, "command": command,
            "rowCount": int(count_text) if count_text.isdigit() else None,
            "rows": rows, "rowAsArray": as_array}


def _json_converter(oid: int) -> Any:
    """Neon's typed output without raw text: bools, small ints, finite floats, JSON and arrays
    become JSON values; everything else (int8, numeric, dates...) stays a string."""
    if oid == pg_types.BOOL:
        return lambda t: t == "t"
    if oid in (pg_types.INT2, pg_types.INT4):
        return int
    if oid in (pg_types.FLOAT4, pg_types.FLOAT8):
        return lambda t: float(t) if t not in ("NaN", "Infinity", "-Infinity") else t
    if oid in (pg_types.JSON, pg_types.JSONB):
        return json.loads
    element = pg_types.ARRAY_ELEMENT.get(oid)
    if element is not None:
        inner = _json_converter(element) or str
        return lambda t: pg_types.parse_array(t, inner)
    return None
