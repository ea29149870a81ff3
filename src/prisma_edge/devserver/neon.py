"""A local Neon-compatible HTTP endpoint in front of a real PostgreSQL (CPython only).

`prisma-edge dev neon --database postgresql://user[:pass]@host:port/db` serves Neon's `POST /sql`
(protocols.md A and its test-server checklist) so that `@neondatabase/serverless` (with
`neonConfig.fetchEndpoint = "http://127.0.0.1:PORT/sql"`) and our `NeonHttpAdapter` (with
`endpoint=`) can both be tested against a real database without the Neon service.

Theory of operation:

- Routes: `POST /sql` (single query or `{"queries": [...]}` batch), `OPTIONS /sql` (CORS
  preflight with Neon's headers); anything else is 400 `"query is not supported"`. Our one
  extension: `GET /_prisma_edge/stats` -> `{"requests": N}` (the count of `POST /sql`), so tests
  running elsewhere (Pyodide) can check round trips.
- Auth: the `Neon-Connection-String` header is parsed like Neon's proxy (scheme, percent-decoded
  user/password/database; the host is ignored: Neon takes only an endpoint id from it). Its user
  must be the `--database` user and its password that URL's password, or, when the URL has none,
  a random password made at start (printed; the server itself may use trust auth, as CI does).
  A wrong password is 400 with SQLSTATE 28P01, as PostgreSQL itself would answer. The database
  name comes from the header, so one endpoint serves every database of the server.
- Execution: psycopg's libpq binding (`psycopg.pq`, imported lazily), blocking calls in a thread
  pool. Each query is one `PQexecParams` (extended protocol, unnamed statement, parameters as text
  of unknown type, text results), so multi-statement strings fail like on Neon. Connections are
  pooled per (database, application_name) and opened with `TimeZone=UTC` as a startup option
  (equivalent to `SET TIME ZONE UTC`, and it survives the reset); after every request a
  connection is rolled back if needed and reset with `DISCARD ALL`, so no session state leaks.
- Batch: `BEGIN` with the `Neon-Batch-Isolation-Level` / `-Read-Only` / `-Deferrable` headers, the
  queries in order, `COMMIT`; on the first error `ROLLBACK` and only the error is returned.
- Responses: Neon's JSON (`fields` with `dataTypeID` etc., `rows`, `command`, `rowCount`,
  `rowAsArray`), honouring `Neon-Raw-Text-Output` / `Neon-Array-Mode` / body `arrayMode`; errors
  as 400 with the 17 PostgreSQL error keys; 413 / 507 past the size limits (10 MiB each by
  default); 500 when the database cannot be reached.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hmac
import json
import logging
import secrets
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from prisma_edge.devserver.http import HttpServer, Request, Response, ThreadedServer, json_response
from prisma_edge.errors import ClientError, redact
from prisma_edge.fetch_adapters import pg_types

__all__ = ["NeonEndpoint", "NeonEndpointHandle", "run", "start_neon_endpoint"]

log = logging.getLogger("prisma_edge.devserver.neon")

MAX_BYTES = 10 * 1024 * 1024
ERROR_KEYS = (
    "message", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "severity",
    "where", "table", "column", "schema", "dataType", "constraint", "file", "line", "routine",
)
PREFLIGHT_HEADERS = {
    "Allow": "OPTIONS, POST",
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "OPTIONS, POST",
    "Access-Control-Allow-Headers": (
        "Authorization, Neon-Connection-String, Neon-Raw-Text-Output, Neon-Array-Mode, "
        "Neon-Pool-Opt-In, Neon-Batch-Read-Only, Neon-Batch-Isolation-Level, Neon-Batch-Deferrable, "
        "Content-Type"
    ),
    "Access-Control-Max-Age": "86400",
}
STATS_PATH = "/_prisma_edge/stats"


def neon_error(status: int, message: str, **fields: Any) -> Response:
    """A Neon error body: all 17 keys; non-database errors have `code`/`severity` ""."""
    body = dict.fromkeys(ERROR_KEYS)
    body.update({"message": message, "code": "", "severity": ""})
    body.update(fields)
    return json_response(status, body)


class NeonEndpoint:
    """The protocol half: `await endpoint.handle(request) -> Response` (no sockets here)."""

    def __init__(
        self,
        database_url: str,
        *,
        max_request_bytes: int = MAX_BYTES,
        max_response_bytes: int = MAX_BYTES,
        pool_size: int = 8,
    ) -> None:
        p = urlsplit(database_url)
        if p.scheme not in ("postgres", "postgresql") or not p.hostname:
            raise ClientError("--database must be a postgresql://user@host:port/db URL")
        self.db_host, self.db_port = p.hostname, p.port or 5432
        self.user = unquote(p.username or "postgres")
        self._db_password = unquote(p.password) if p.password else None
        # the password clients must send: the URL's, or a random one for password-less (trust) servers
        self.password = self._db_password or secrets.token_urlsafe(12)
        self.database = unquote(p.path.lstrip("/")) or "postgres"
        self.max_request_bytes, self.max_response_bytes = max_request_bytes, max_response_bytes
        self.pool = PgPool(self.db_host, self.db_port, self.user, self._db_password)
        self._executor = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="neon-endpoint")
        self._lock = threading.Lock()
        self._requests = 0

    @property
    def request_count(self) -> int:
        """`POST /sql` requests received so far (tests assert one per operation)."""
        return self._requests

    def connection_string(self, host: str | None = None) -> str:
        """The connection string a client should send (`host` is not used by the endpoint)."""
        netloc = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}@{host or f'{self.db_host}:{self.db_port}'}"
        return f"postgresql://{netloc}/{quote(self.database, safe='')}"

    @property
    def label(self) -> str:
        return f"postgresql://{self.user}@{self.db_host}:{self.db_port}/{self.database}"

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.pool.close()

    def too_large(self, limit: int) -> Response:
        return neon_error(413, f"request is too large (max is {limit} bytes)")

    # -- routing ----------------------------------------------------------------------------

    async def handle(self, request: Request) -> Response:
        if request.path == STATS_PATH and request.method == "GET":
            return json_response(200, {"requests": self._requests})
        if request.path != "/sql" or request.method not in ("POST", "OPTIONS"):
            return json_response(400, "query is not supported")
        if request.method == "OPTIONS":
            return Response(200, b"", PREFLIGHT_HEADERS)
        with self._lock:
            self._requests += 1
        headers = {"Neon-Request-Id": str(uuid.uuid4())}
        try:
            response = await self._sql(request)
        except _Refused as e:
            response = e.response
        return Response(response.status, response.body, {**response.headers, **headers})

    async def _sql(self, request: Request) -> Response:
        conn_info = self._authenticate(request.headers)
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError) as e:
            raise _Refused(neon_error(400, f"could not parse the HTTP request body: {e}")) from None
        raw_text = request.headers.get("neon-raw-text-output") == "true"
        array_mode = request.headers.get("neon-array-mode") == "true"
        if isinstance(payload, dict) and isinstance(payload.get("queries"), list):
            queries = [_query_data(q) for q in payload["queries"]]
            begin, echo = _batch_mode(request.headers)
            work = lambda: run_batch(self.pool, conn_info, begin, queries, raw_text, array_mode,  # noqa: E731
                                     self.max_response_bytes)
        else:
            query = _query_data(payload)
            echo = {}
            work = lambda: run_query(self.pool, conn_info, query, raw_text, array_mode,  # noqa: E731
                                     self.max_response_bytes)
        loop = asyncio.get_running_loop()
        try:
            status, body = await loop.run_in_executor(self._executor, work)
        except PgFailure as e:
            return neon_error(e.status, redact(e.message, self.password, self._db_password), **e.fields)
        return json_response(status, body, echo)

    def _authenticate(self, headers: Mapping[str, str]) -> dict[str, str]:
        """Check `Neon-Connection-String`; returns the libpq parameters for the real server."""
        raw = headers.get("neon-connection-string")
        if not raw:
            raise _Refused(neon_error(400, "invalid header: neon-connection-string"))
        try:
            p = urlsplit(raw)
            hostname = p.hostname
        except ValueError:
            raise _Refused(neon_error(400, "invalid header: neon-connection-string")) from None
        if p.scheme not in ("postgres", "postgresql"):
            raise _Refused(neon_error(400, "incorrect scheme"))
        database = unquote(p.path.lstrip("/").split("/", 1)[0])
        if not database:
            raise _Refused(neon_error(400, "missing database name"))
        if not p.username:
            raise _Refused(neon_error(400, "missing username"))
        if not hostname:
            raise _Refused(neon_error(400, "missing hostname"))
        user, password = unquote(p.username), unquote(p.password or "")
        if not password:
            raise _Refused(neon_error(400, "missing authentication credentials: required password"))
        same_user = hmac.compare_digest(user.encode(), self.user.encode())
        if not (same_user and hmac.compare_digest(password.encode(), self.password.encode())):
            raise _Refused(neon_error(
                400, f'password authentication failed for user "{user}"', code="28P01", severity="FATAL",
                file="auth.c", routine="auth_failed",
            ))
        params = dict(parse_qsl(p.query, keep_blank_values=True))
        return {"dbname": database, "application_name": params.get("application_name", ""),
                "options": params.get("options", "")}


class _Refused(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def _query_data(item: Any) -> tuple[str, list[bytes | None], bool | None]:
    """(sql, text params, arrayMode override) of one `{query, params?, arrayMode?}` object."""
    if not isinstance(item, dict) or not isinstance(item.get("query"), str):
        raise _Refused(neon_error(400, "could not parse the HTTP request body: missing field `query`"))
    params = item.get("params", [])
    if not isinstance(params, list):
        raise _Refused(neon_error(400, "could not parse the HTTP request body: `params` must be an array"))
    mode = item.get("arrayMode")
    return item["query"], [_param_text(v) for v in params], mode if isinstance(mode, bool) else None


def _param_text(value: Any) -> bytes | None:
    """A JSON parameter as PostgreSQL text (Neon's json_to_pg_text, protocols.md A.3)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, list):
        return _array_text(value).encode("utf-8")
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _array_text(items: list[Any]) -> str:
    parts = []
    for v in items:
        if v is None:
            parts.append("NULL")
        elif isinstance(v, list):
            parts.append(_array_text(v))
        elif isinstance(v, dict):
            parts.append(json.dumps(json.dumps(v, ensure_ascii=False), ensure_ascii=False))
        else:  # strings JSON-quoted, numbers and booleans as their JSON text
            parts.append(json.dumps(v, ensure_ascii=False))
    return "{" + ",".join(parts) + "}"


_ISOLATION = {
    "ReadUncommitted": "READ UNCOMMITTED",
    "ReadCommitted": "READ COMMITTED",
    "RepeatableRead": "REPEATABLE READ",
    "Serializable": "SERIALIZABLE",
}


def _batch_mode(headers: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The BEGIN statement for a batch and the headers to echo back."""
    echo: dict[str, str] = {}
    level = headers.get("neon-batch-isolation-level")
    if level is not None:
        if level not in _ISOLATION:
            raise _Refused(neon_error(400, "invalid isolation level"))
        echo["Neon-Batch-Isolation-Level"] = level
    read_only = headers.get("neon-batch-read-only") == "true"
    deferrable = headers.get("neon-batch-deferrable") == "true"
    if read_only:
        echo["Neon-Batch-Read-Only"] = "true"
    if deferrable:
        echo["Neon-Batch-Deferrable"] = "true"
    return begin_sql(_ISOLATION.get(level or ""), read_only, deferrable), echo


# -- PostgreSQL side (blocking; runs in the endpoint's thread pool) ---------------------------

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


# -- running it -------------------------------------------------------------------------------


class NeonEndpointHandle:
    """A running endpoint. `.url` is the `fetchEndpoint` (`http://host:port/sql`);
    `.connection_string` is what a client sends as its database URL."""

    def __init__(self, endpoint: NeonEndpoint, server: ThreadedServer) -> None:
        self.endpoint, self._server = endpoint, server
        self.host, self.port = server.host, server.port
        self.url = f"http://{self.host}:{self.port}/sql"
        self.connection_string = endpoint.connection_string()

    @property
    def request_count(self) -> int:
        return self.endpoint.request_count

    def close(self) -> None:
        self._server.close()

    def __enter__(self) -> NeonEndpointHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Neon HTTP endpoint {self.url} for {self.endpoint.label}>"


def start_neon_endpoint(
    database_url: str,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    max_request_bytes: int = MAX_BYTES,
    max_response_bytes: int = MAX_BYTES,
) -> NeonEndpointHandle:
    """Serve the endpoint on a background thread; returns once it accepts connections."""
    PgPool.require_driver()
    endpoint = NeonEndpoint(database_url, max_request_bytes=max_request_bytes, max_response_bytes=max_response_bytes)
    server = HttpServer(endpoint.handle, host, port, max_body_bytes=max_request_bytes, too_large=endpoint.too_large)
    threaded = ThreadedServer(server, on_close=endpoint.close)
    try:
        threaded.start()
    except BaseException:
        endpoint.close()
        raise
    return NeonEndpointHandle(endpoint, threaded)


def run(args: argparse.Namespace) -> int:
    """`prisma-edge dev neon --database postgresql://... [--host] [--port]`: serve until Ctrl-C.

    Prints the endpoint URL and the connection string to use with it, one per line:
        NEON_HTTP_URL=http://127.0.0.1:PORT/sql
        DATABASE_URL=postgresql://user:password@host:port/db
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    handle = start_neon_endpoint(args.database, args.host, args.port)
    print(f"Neon HTTP endpoint for {handle.endpoint.label} (Ctrl-C to stop). "
          "Use neonConfig.fetchEndpoint / NeonHttpAdapter(endpoint=) with:", flush=True)
    print(f"NEON_HTTP_URL={handle.url}", flush=True)
    print(f"DATABASE_URL={handle.connection_string}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        handle.close()
    return 0
