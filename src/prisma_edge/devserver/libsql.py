"""A local libSQL-compatible endpoint (Hrana 3 over HTTP) in front of an SQLite file (CPython only).

`prisma-edge dev libsql --database dev.db` serves what Turso serves to `@libsql/client` and to our
`LibsqlAdapter`, with no server to install: the stdlib `sqlite3` runs the statements.

Theory of operation (spec: tursodatabase/libsql `docs/HRANA_3_SPEC.md`; behaviour: libsql-server):

- Routes: `GET /` (a greeting), `GET /v2`, `/v3`, `/v3-protobuf` (version checks), `POST
  /v2/pipeline`, `/v3/pipeline` (JSON) and `/v3-protobuf/pipeline` (Protobuf, `hrana_pb.py`),
  CORS preflight, and `GET /_prisma_edge/stats` (requests served, for tests in Pyodide).
- Auth: `Authorization: Bearer <token>` must carry the endpoint's token (given, or generated at
  start and printed); otherwise HTTP 401.
- Streams: a pipeline without a baton opens a stream, which is one `sqlite3` connection
  (`foreign_keys` on, as libSQL has them). The reply carries a baton (stream id + sequence number,
  HMAC-signed) unless the pipeline closed the stream; the next request must show exactly that
  baton, so requests on a stream are serial. A stream idle past `expire` seconds (10, as in
  libsql-server) is closed, rolling back its transaction; its baton then gets HTTP 500
  `STREAM_EXPIRED`.
- Requests: `execute`, `batch` (conditions `ok`/`error`/`not`/`and`/`or`/`is_autocommit`, per
  step results and errors), `sequence`, `store_sql`/`close_sql`, `get_autocommit`, `close`.
  SQL errors are per-request results `{"message": "SQLite error: ...", "code": "SQLITE_..."}`
  as libsql-server words them. Values are exact: integers as decimal strings, blobs as base64.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import hashlib
import hmac
import json
import logging
import secrets
import sqlite3
import struct
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from prisma_edge.devserver import hrana_pb
from prisma_edge.devserver.http import (
    HttpServer,
    Request,
    Response,
    ThreadedServer,
    json_response,
    serve_until_interrupted,
)

__all__ = ["LibsqlEndpoint", "start_libsql_endpoint", "run"]

log = logging.getLogger("prisma_edge.devserver.libsql")

Json = dict[str, Any]
MAX_BODY = 32 * 1024 * 1024
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, User-Agent",
    "Access-Control-Max-Age": "86400",
}
STATS_PATH = "/_prisma_edge/stats"
_PIPELINES = {"/v2/pipeline": (2, "json"), "/v3/pipeline": (3, "json"), "/v3-protobuf/pipeline": (3, "protobuf")}


class _Refused(Exception):
    """Answer the whole HTTP request with this status and `Error` body."""

    def __init__(self, status: int, message: str, code: str = "") -> None:
        super().__init__(message)
        self.status, self.code = status, code


class _StmtError(Exception):
    """One request (or batch step) failed: reported as a Hrana `Error`, the stream lives on."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code

    def error(self) -> Json:
        return {"message": str(self), "code": self.code}


class _Stream:
    def __init__(self, stream_id: int, conn: sqlite3.Connection) -> None:
        self.id = stream_id
        self.conn = conn
        self.seq = secrets.randbits(64)
        self.sqls: dict[int, str] = {}
        self.last_used = time.monotonic()
        self.busy = False


class LibsqlEndpoint:
    """The protocol logic without the HTTP server: `handle(method, path, headers, body)`."""

    def __init__(self, path: str, *, auth_token: str | None = None, expire: float = 10.0, protobuf: bool = True,
                 busy_timeout: float = 5.0) -> None:
        self.path = path
        self.auth_token = auth_token or secrets.token_urlsafe(24)
        self.expire = expire
        self.protobuf = protobuf
        self.busy_timeout = busy_timeout
        self.request_count = 0
        self._key = secrets.token_bytes(32)
        self._streams: dict[int, _Stream] = {}
        self._expired: set[int] = set()
        self._lock = threading.Lock()
        first = sqlite3.connect(path)
        try:  # WAL: readers do not wait for a writer's transaction
            first.execute("PRAGMA journal_mode = WAL")
        finally:
            first.close()

    # -- HTTP ----------------------------------------------------------------------------------

    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        if method == "OPTIONS":
            return 204, dict(CORS), b""
        if method in ("GET", "HEAD"):
            return self._get(path)
        encoding = "json"
        try:
            if method != "POST" or path not in _PIPELINES or (path.startswith("/v3-protobuf") and not self.protobuf):
                raise _Refused(404, f"no route {method} {path}")
            version, encoding = _PIPELINES[path]
            with self._lock:
                self.request_count += 1
            self._check_auth(headers.get("authorization", ""))
            try:
                req = hrana_pb.decode_pipeline_request(body) if encoding == "protobuf" else json.loads(body or b"null")
            except (ValueError, UnicodeDecodeError) as e:
                raise _Refused(400, f"Could not deserialize the request body: {e}", "PROTO_ERROR") from None
            if not isinstance(req, dict) or not isinstance(req.get("requests"), list):
                raise _Refused(400, "the request body must be an object with a `requests` list", "PROTO_ERROR")
            reply = self._pipeline(req.get("baton"), req["requests"], version)
        except _Refused as r:
            error = {"message": str(r), "code": r.code}
            if encoding == "protobuf":
                return r.status, {**CORS, "Content-Type": "application/x-protobuf"}, hrana_pb.encode_error(error)
            return r.status, {**CORS, "Content-Type": "application/json"}, json.dumps(error).encode()
        if encoding == "protobuf":
            return 200, {**CORS, "Content-Type": "application/x-protobuf"}, hrana_pb.encode_pipeline_response(reply)
        return 200, {**CORS, "Content-Type": "application/json"}, json.dumps(reply, separators=(",", ":")).encode()

    def _get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        text = {"/": "Hello, this is HTTP API v2 (Hrana over HTTP)", "/health": "", "/v2": "", "/v3": ""}
        if self.protobuf:
            text["/v3-protobuf"] = ""
        if path == STATS_PATH:
            with self._lock:
                return 200, {**CORS, "Content-Type": "application/json"}, json.dumps({"requests": self.request_count}).encode()
        if path in text:
            return 200, {**CORS, "Content-Type": "text/plain"}, text[path].encode()
        return 404, {**CORS, "Content-Type": "text/plain"}, b"not found"

    def _check_auth(self, header: str) -> None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), self.auth_token.encode()):
            raise _Refused(401, "Unauthorized: the auth token is missing or invalid", "UNAUTHORIZED")

    # -- streams ---------------------------------------------------------------------------------

    def _baton(self, s: _Stream) -> str:
        payload = struct.pack(">QQ", s.id, s.seq)
        return base64.b64encode(payload + hmac.new(self._key, payload, hashlib.sha256).digest()).decode().rstrip("=")

    def _acquire(self, baton: Any) -> _Stream:
        self.reap()
        if baton is None:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.busy_timeout, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            with self._lock:
                s = _Stream(secrets.randbits(63), conn)
                self._streams[s.id] = s
                s.busy = True
            return s
        try:
            raw = base64.b64decode(str(baton) + "=" * (-len(str(baton)) % 4), validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 48 or not hmac.compare_digest(raw[16:], hmac.new(self._key, raw[:16], hashlib.sha256).digest()):
            raise _Refused(400, "The baton is invalid", "BATON_INVALID")
        stream_id, seq = struct.unpack(">QQ", raw[:16])
        with self._lock:
            if stream_id in self._expired:
                raise _Refused(500, "The stream has expired due to inactivity", "STREAM_EXPIRED")
            s = self._streams.get(stream_id)
            if s is None:
                raise _Refused(400, "The baton is invalid: no such stream", "BATON_INVALID")
            if s.busy or s.seq != seq:
                raise _Refused(400, "The baton was already used", "BATON_REUSED")
            s.busy = True
            s.seq = (s.seq + 1) % (1 << 64)
        return s

    def _release(self, s: _Stream, closed: bool) -> str | None:
        with self._lock:
            s.busy = False
            s.last_used = time.monotonic()
            if not closed:
                return self._baton(s)
            self._streams.pop(s.id, None)
        s.conn.close()  # an open transaction rolls back
        return None

    def reap(self) -> int:
        """Close streams idle past `expire` (their transactions roll back); returns how many."""
        now, gone = time.monotonic(), []
        with self._lock:
            for s in list(self._streams.values()):
                if not s.busy and now - s.last_used > self.expire:
                    del self._streams[s.id]
                    self._expired.add(s.id)
                    gone.append(s)
        for s in gone:
            s.conn.close()
        return len(gone)

    def close(self) -> None:
        with self._lock:
            streams, self._streams = list(self._streams.values()), {}
        for s in streams:
            s.conn.close()

    # -- requests ------------------------------------------------------------------------------

    def _pipeline(self, baton: Any, requests: list[Any], version: int) -> Json:
        s = self._acquire(baton)
        results: list[Json] = []
        closed = False
        try:
            for req in requests:
                if closed:
                    results.append({"type": "error", "error": {"message": "The stream is closed", "code": "STREAM_CLOSED"}})
                    continue
                kind = req.get("type") if isinstance(req, dict) else None
                try:
                    results.append({"type": "ok", "response": self._request(s, kind, req, version)})
                except _StmtError as e:
                    results.append({"type": "error", "error": e.error()})
                closed = closed or kind == "close"
        except BaseException:
            self._release(s, True)
            raise
        return {"baton": self._release(s, closed), "base_url": None, "results": results}

    def _request(self, s: _Stream, kind: Any, req: Json, version: int) -> Json:
        if kind == "close":
            return {"type": "close"}
        if kind == "execute":
            return {"type": "execute", "result": self._execute(s, req.get("stmt") or {})}
        if kind == "batch":
            return {"type": "batch", "result": self._batch(s, (req.get("batch") or {}).get("steps") or [], version)}
        if kind == "sequence":
            for sql in _split(self._sql(s, req)):
                self._run(s, sql, (), want_rows=False)
            return {"type": "sequence"}
        if kind == "store_sql":
            s.sqls[int(req.get("sql_id", 0))] = str(req.get("sql", ""))
            return {"type": "store_sql"}
        if kind == "close_sql":
            s.sqls.pop(int(req.get("sql_id", 0)), None)
            return {"type": "close_sql"}
        if kind == "get_autocommit" and version >= 3:
            return {"type": "get_autocommit", "is_autocommit": not s.conn.in_transaction}
        raise _StmtError(f"Request of type {kind!r} is not supported by this endpoint", "NOT_SUPPORTED")

    def _sql(self, s: _Stream, obj: Json) -> str:
        if obj.get("sql") is not None:
            return str(obj["sql"])
        if obj.get("sql_id") is not None and int(obj["sql_id"]) in s.sqls:
            return s.sqls[int(obj["sql_id"])]
        raise _StmtError("The statement has neither `sql` nor a stored `sql_id`", "SQL_NOT_FOUND")

    def _execute(self, s: _Stream, st: Json) -> Json:
        args = [_from_value(v) for v in st.get("args") or []]
        named = {str(a.get("name", "")).lstrip(":@$"): _from_value(a.get("value")) for a in st.get("named_args") or []}
        if args and named:
            raise _StmtError("Specifying both positional and named arguments is not supported", "ARGS_BOTH_POSITIONAL_AND_NAMED")
        return self._run(s, self._sql(s, st), named or args, want_rows=st.get("want_rows", True) is not False)

    def _run(self, s: _Stream, sql: str, params: Any, *, want_rows: bool) -> Json:
        try:
            cur = s.conn.execute(sql, params)
            rows = cur.fetchall() if cur.description else []
        except sqlite3.ProgrammingError as e:
            text = str(e)
            if "one statement at a time" in text:
                raise _StmtError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS") from None
            raise _StmtError(f"Arguments do not match SQL parameters: {text}", "ARGS_INVALID") from None
        except sqlite3.Error as e:
            name = getattr(e, "sqlite_errorname", "") or "SQLITE_ERROR"
            raise _StmtError(f"SQLite error: {e}", "_".join(name.split("_")[:2])) from None
        except (OverflowError, ValueError) as e:
            raise _StmtError(f"Arguments do not match SQL parameters: {e}", "ARGS_INVALID") from None
        cols = [{"name": d[0], "decltype": None} for d in cur.description or ()]
        return {
            "cols": cols,
            "rows": [[_to_value(v) for v in row] for row in rows] if want_rows else [],
            "affected_row_count": max(cur.rowcount, 0),
            "last_insert_rowid": str(cur.lastrowid) if cur.lastrowid is not None else None,
        }

    def _batch(self, s: _Stream, steps: list[Json], version: int) -> Json:
        results: list[Json | None] = [None] * len(steps)
        errors: list[Json | None] = [None] * len(steps)

        def holds(cond: Any) -> bool:
            kind = cond.get("type") if isinstance(cond, dict) else None
            if kind in ("ok", "error"):
                i = int(cond["step"])
                if not 0 <= i < len(steps):
                    raise _StmtError(f"Batch condition refers to step {i}, which does not exist", "BATCH_COND_INVALID")
                return (results if kind == "ok" else errors)[i] is not None
            if kind == "not":
                return not holds(cond.get("cond"))
            if kind == "and":
                return all(holds(c) for c in cond.get("conds") or [])
            if kind == "or":
                return any(holds(c) for c in cond.get("conds") or [])
            if kind == "is_autocommit" and version >= 3:
                return not s.conn.in_transaction
            raise _StmtError(f"Unknown batch condition {kind!r}", "BATCH_COND_INVALID")

        for i, step in enumerate(steps):
            if step.get("condition") is not None and not holds(step["condition"]):
                continue
            try:
                results[i] = self._execute(s, step.get("stmt") or {})
            except _StmtError as e:
                errors[i] = e.error()
        return {"step_results": results, "step_errors": errors}


def _from_value(v: Any) -> Any:
    kind = v.get("type") if isinstance(v, dict) else None
    if kind == "null":
        return None
    if kind == "integer":
        n = int(v["value"])
        if not -(2**63) <= n < 2**63:
            raise _StmtError(f"integer {n} is out of SQLite's 64-bit range", "ARGS_INVALID")
        return n
    if kind == "float":
        return float(v["value"])
    if kind == "text":
        return str(v["value"])
    if kind == "blob":
        return base64.b64decode(v.get("base64") or "")
    raise _StmtError(f"Unknown value type {kind!r}", "ARGS_INVALID")


def _to_value(v: Any) -> Json:
    if v is None:
        return {"type": "null"}
    if isinstance(v, int):
        return {"type": "integer", "value": str(v)}
    if isinstance(v, float):
        return {"type": "float", "value": v}
    if isinstance(v, bytes):
        return {"type": "blob", "base64": base64.b64encode(v).decode("ascii")}
    return {"type": "text", "value": str(v)}


def _split(script: str) -> list[str]:
    """A script's statements, cut where `sqlite3.complete_statement` says one ends."""
    out, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \t\r\n;"):
                out.append(current.strip())
            current = ""
    if current.strip(" \t\r\n;"):
        out.append(current.strip().rstrip(";"))
    return out


# -- serving --------------------------------------------------------------------------------------


class LibsqlEndpointHandle:
    """A running endpoint: `.url` (http://127.0.0.1:PORT), `.auth_token`, `.request_count`, `.close()`."""

    def __init__(self, endpoint: LibsqlEndpoint, server: ThreadedServer, pool: ThreadPoolExecutor) -> None:
        self.endpoint, self._server, self._pool = endpoint, server, pool
        self.url = f"http://{server.host}:{server.port}"
        self._stop = threading.Event()
        self._reaper = threading.Thread(target=self._reap, name="prisma-edge-libsql-reaper", daemon=True)
        self._reaper.start()

    @property
    def auth_token(self) -> str:
        return self.endpoint.auth_token

    @property
    def request_count(self) -> int:
        return self.endpoint.request_count

    def _reap(self) -> None:
        while not self._stop.wait(max(0.05, min(1.0, self.endpoint.expire / 4))):
            self.endpoint.reap()

    def close(self) -> None:
        self._stop.set()
        self._server.close()  # then endpoint.close() (on_close)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> LibsqlEndpointHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<libSQL endpoint {self.url} for {self.endpoint.path}>"


def start_libsql_endpoint(path: str, host: str = "127.0.0.1", port: int = 0, *, auth_token: str | None = None,
                          expire: float = 10.0, protobuf: bool = True) -> LibsqlEndpointHandle:
    """Serve the endpoint in background threads over the SQLite file at `path`."""
    endpoint = LibsqlEndpoint(path, auth_token=auth_token, expire=expire, protobuf=protobuf)
    pool = ThreadPoolExecutor(max_workers=32, thread_name_prefix="prisma-edge-libsql")

    async def app(request: Request) -> Response:
        call: Callable[[], tuple[int, dict[str, str], bytes]] = lambda: endpoint.handle(  # noqa: E731
            request.method, request.path, dict(request.headers), request.body)
        status, headers, body = await asyncio.get_running_loop().run_in_executor(pool, call)
        return Response(status, body, headers)

    def too_large(limit: int) -> Response:
        return json_response(413, {"message": f"request is too large (max is {limit} bytes)", "code": "TOO_LARGE"}, CORS)

    server = HttpServer(app, host, port, max_body_bytes=MAX_BODY, too_large=too_large)
    threaded = ThreadedServer(server, on_close=endpoint.close).start()
    return LibsqlEndpointHandle(endpoint, threaded, pool)


def run(args: argparse.Namespace) -> int:
    """`prisma-edge dev libsql --database dev.db [--auth-token T] [--host] [--port]`: serve until Ctrl-C."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    handle = start_libsql_endpoint(args.database, args.host, args.port, auth_token=getattr(args, "auth_token", None))
    print(f"libSQL (Hrana over HTTP) endpoint for {args.database} (Ctrl-C to stop); connect with:", flush=True)
    print(f"LIBSQL_URL={handle.url}", flush=True)
    print(f"LIBSQL_AUTH_TOKEN={handle.auth_token}", flush=True)
    return serve_until_interrupted(handle)
