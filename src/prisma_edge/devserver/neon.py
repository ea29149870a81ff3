"""A local Neon-compatible endpoint (HTTP and WebSocket) in front of a real PostgreSQL (CPython only).

`prisma-edge dev neon --database postgresql://user[:pass]@host:port/db` serves, on one port,
Neon's `POST /sql` (protocols.md A) and Neon's WebSocket proxy (protocols.md B, any path; `/v2`
as Neon's), so that `@neondatabase/serverless` (`neonConfig.fetchEndpoint =
"http://127.0.0.1:PORT/sql"`, or `neonConfig.wsProxy = () => "127.0.0.1:PORT/v2"` with
`useSecureWebSocket = false`) and our `NeonHttpAdapter` / `NeonWsAdapter` can all be tested against
a real database without the Neon service.

Theory of operation:

- Routes: `POST /sql` (single query or `{"queries": [...]}` batch), `OPTIONS /sql` (CORS
  preflight with Neon's headers), a WebSocket upgrade on any path (`neon_ws.NeonWsRelay`);
  anything else is 400 `"query is not supported"`. Our extensions, for tests running elsewhere
  (Pyodide): `GET /_prisma_edge/stats` -> `{"requests": N, "websockets": {...}}` (N counts
  `POST /sql`; the WebSocket part counts data frames per connection), and
  `POST /_prisma_edge/ws/drop[?application_name=X]` cuts open WebSocket connections.
- Auth: the `Neon-Connection-String` header (HTTP) or the start-up user and cleartext password
  (WebSocket) must be the `--database` user and that URL's password, or, when the URL has none,
  a random password made at start (printed; the server itself may use trust auth, as CI does).
  A wrong password is SQLSTATE 28P01, as PostgreSQL itself would answer. The database name comes
  from the client, so one endpoint serves every database of the server.
- HTTP execution: `neon_pg` (psycopg's libpq binding, blocking calls in a thread pool), one
  `PQexecParams` per query on pooled connections reset after every request, `TimeZone=UTC`.
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
import hmac
import json
import logging
import secrets
import threading
import uuid
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from prisma_edge.devserver.http import (
    HttpServer,
    Request,
    Response,
    ThreadedServer,
    json_response,
    serve_until_interrupted,
)
from prisma_edge.devserver.neon_pg import PgFailure, PgPool, begin_sql, run_batch, run_query
from prisma_edge.devserver.neon_ws import NeonWsRelay
from prisma_edge.devserver.websocket import ServerWebSocket
from prisma_edge.errors import ClientError, redact

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
WS_DROP_PATH = "/_prisma_edge/ws/drop"


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
        self.ws = NeonWsRelay(db_host=self.db_host, db_port=self.db_port, user=self.user,
                              db_password=self._db_password, password=self.password)

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

    async def handle_ws(self, request: Request, ws: ServerWebSocket) -> None:
        """A WebSocket on any path (Neon's proxy routes none): the Neon proxy protocol."""
        await self.ws.serve(request, ws)

    async def handle(self, request: Request) -> Response:
        if request.path == STATS_PATH and request.method == "GET":
            return json_response(200, {"requests": self._requests, "websockets": self.ws.stats()})
        if request.path == WS_DROP_PATH and request.method == "POST":
            app = dict(parse_qsl(request.query)).get("application_name")
            return json_response(200, {"dropped": self.ws.drop(app)})
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


# -- running it -------------------------------------------------------------------------------


class NeonEndpointHandle:
    """A running endpoint. `.url` is the `fetchEndpoint` (`http://host:port/sql`), `.ws_proxy`
    the `wsProxy` (`host:port/v2`, no scheme); `.connection_string` is what a client sends as its
    database URL."""

    def __init__(self, endpoint: NeonEndpoint, server: ThreadedServer) -> None:
        self.endpoint, self._server = endpoint, server
        self.host, self.port = server.host, server.port
        where = f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"
        self.url = f"http://{where}/sql"
        self.ws_proxy = f"{where}/v2"
        self.connection_string = endpoint.connection_string()

    @property
    def request_count(self) -> int:
        return self.endpoint.request_count

    def ws_stats(self) -> dict[str, Any]:
        """WebSocket counters (`NeonWsRelay.stats`), read on the server's loop."""
        return self._on_loop(self.endpoint.ws.stats)

    def drop_websockets(self, application_name: str | None = None) -> int:
        """Cut open WebSocket connections abruptly (all, or one application_name's)."""
        return self._on_loop(lambda: self.endpoint.ws.drop(application_name))

    def _on_loop(self, fn: Any) -> Any:
        async def call() -> Any:
            return fn()

        return asyncio.run_coroutine_threadsafe(call(), self._server.loop).result(timeout=30)

    def close(self) -> None:
        self._server.close()

    def __enter__(self) -> NeonEndpointHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Neon endpoint {self.url} (WebSocket {self.ws_proxy}) for {self.endpoint.label}>"


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
    server = HttpServer(endpoint.handle, host, port, max_body_bytes=max_request_bytes, too_large=endpoint.too_large,
                        ws_app=endpoint.handle_ws)
    threaded = ThreadedServer(server, on_close=endpoint.close)
    try:
        threaded.start()
    except BaseException:
        endpoint.close()
        raise
    return NeonEndpointHandle(endpoint, threaded)


def run(args: argparse.Namespace) -> int:
    """`prisma-edge dev neon --database postgresql://... [--host] [--port]`: serve until Ctrl-C.

    Prints the endpoint URLs and the connection string to use with them, one per line:
        NEON_HTTP_URL=http://127.0.0.1:PORT/sql
        NEON_WS_PROXY=127.0.0.1:PORT/v2
        DATABASE_URL=postgresql://user:password@host:port/db
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    handle = start_neon_endpoint(args.database, args.host, args.port)
    print(f"Neon endpoint (HTTP and WebSocket) for {handle.endpoint.label} (Ctrl-C to stop). "
          "Use neonConfig.fetchEndpoint / NeonHttpAdapter(endpoint=), or neonConfig.wsProxy / "
          "NeonWsAdapter(ws_proxy=), with:", flush=True)
    print(f"NEON_HTTP_URL={handle.url}", flush=True)
    print(f"NEON_WS_PROXY={handle.ws_proxy}", flush=True)
    print(f"DATABASE_URL={handle.connection_string}", flush=True)
    return serve_until_interrupted(handle)
