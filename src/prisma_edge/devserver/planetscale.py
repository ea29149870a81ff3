"""A local PlanetScale-compatible HTTP endpoint in front of a real MySQL/MariaDB (CPython only).

`prisma-edge dev planetscale --database mysql://user:pass@host/db` serves the API that
`@planetscale/database` and our `PlanetScaleAdapter` speak (protocols.md C and its test-server
checklist), so both can be tested against a real database without the PlanetScale service.

Theory of operation:

- Routes: `POST /psdb.v1alpha1.Database/Execute`, `/CreateSession`, `/CloseSession`, plus CORS
  preflight. JSON in and out over HTTP/1.1 (keep-alive) served by `devserver/http.py`; the
  protocol logic (`PlanetScaleEndpoint.handle`) is synchronous and runs in a thread pool.
- Auth: `Authorization: Basic` must carry the endpoint's credentials: the database URL's user
  and password, or, when that URL has no password, the user with a random password generated at
  start (the printed URL carries it). Credentials are percent-decoded first, as database-js sends
  them still URL-encoded. Failures get 401 `{"error": {"code": "unauthenticated", ...}}`.
- Sessions: every reply carries an opaque `session` (`signature` + `vitessSession` with a
  `SessionUUID`, `inTransaction`, ...). `session: null` starts a new one. Each session pins one
  PyMySQL connection (created on first use, `time_zone = '+00:00'`, CLIENT_FOUND_ROWS like
  Vitess' `clientFoundRows`), so transactions and session variables live across requests. The
  signature is an HMAC of the UUID, so a client cannot adopt another client's connection. A session
  is used by one request at a time (a concurrent one gets 403 `permission_denied`, like
  ps-http-sim). Idle connections are closed (after `idle_timeout`, or `transaction_timeout` inside a
  transaction; the least recently used beyond `max_sessions`): a session outside a transaction
  then reconnects transparently, one inside gets `ABORTED` instead of silently autocommitting.
- Results: protojson shapes: `fields` with Vitess type names, `rows` as `lengths` (strings, -1 for
  NULL) + base64 `values`, `rowsAffected`/`insertId` as strings, zero values omitted, `timing` in
  seconds. SQL errors are HTTP 200 with `error: {code: <vtrpc name>, message: "<MySQL message>
  (errno N) (sqlstate S)"}`, MySQL's own text kept so clients can parse it.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from prisma_edge.devserver.http import (
    HttpServer,
    Request,
    Response,
    ThreadedServer,
    json_response,
    serve_until_interrupted,
)
from prisma_edge.devserver.vitess import VTRPC, encode_result
from prisma_edge.errors import ClientError, redact

__all__ = ["PlanetScaleEndpoint", "start_planetscale_endpoint", "run"]

log = logging.getLogger("prisma_edge.devserver.planetscale")

API = "/psdb.v1alpha1.Database/"
MAX_BODY = 32 * 1024 * 1024
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, User-Agent, Cache-Control, Pragma",
    "Access-Control-Max-Age": "86400",
}

_CONNECTION_LOST = frozenset({2006, 2013, 2014, 2055, 1053, 1927})
_SWALLOWED = ("set @@boost_cached_queries", "use @")


class _Reply(Exception):
    """Abort request handling with this HTTP status and JSON body."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.body = status, {"error": {"code": code, "message": message}}


class _Session:
    """One client session: its pinned MySQL connection and what the client must echo back."""

    def __init__(self, uuid: str) -> None:
        self.uuid = uuid
        self.lock = threading.Lock()
        self.conn: Any = None
        self.last_used = time.monotonic()
        self.in_transaction = False
        self.last_insert_id = 0
        self.found_rows = 0


class PlanetScaleEndpoint:
    """The protocol logic without the HTTP server: `handle(method, path, headers, body)`."""

    def __init__(self, database_url: str, *, idle_timeout: float = 10.0, transaction_timeout: float = 60.0,
                 max_sessions: int = 40) -> None:
        u = urlsplit(database_url)
        if u.scheme not in ("mysql", "mariadb") or not u.hostname:
            raise ClientError("--database must be a mysql://user:pass@host[:port]/db URL")
        self._db = {
            "host": u.hostname, "port": u.port or 3306, "user": unquote(u.username or "root"),
            "password": unquote(u.password or ""), "database": unquote(u.path.lstrip("/")) or None,
        }
        self.username = self._db["user"]
        self.password = self._db["password"] or secrets.token_urlsafe(18)
        self.database_label = redact(database_url, self._db["password"])
        self.idle_timeout, self.transaction_timeout = idle_timeout, transaction_timeout
        self.max_sessions = max_sessions
        self.request_count = 0
        self._secret = secrets.token_bytes(32)
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()

    # -- HTTP-level handling ---------------------------------------------------------------------

    def handle(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        """Answer one HTTP request; returns (status, headers, body)."""
        if method == "OPTIONS":
            return 204, dict(CORS), b""
        try:
            if method != "POST":
                raise _Reply(405, "unimplemented", f"method {method} not allowed")
            if not path.startswith(API):
                raise _Reply(404, "unimplemented", f"unknown path {path.split('?')[0]}")
            with self._lock:
                self.request_count += 1
            self._check_auth(headers.get("authorization") or headers.get("Authorization") or "")
            try:
                payload = json.loads(body or b"{}")
            except (ValueError, UnicodeDecodeError) as e:
                raise _Reply(400, "invalid_argument", f"request body is not JSON: {e}") from None
            if not isinstance(payload, dict):
                raise _Reply(400, "invalid_argument", "request body must be a JSON object")
            method_name = path[len(API):].split("?")[0]
            if method_name == "Execute":
                reply = self._execute(payload)
            elif method_name == "CreateSession":
                reply = {"branch": "local", "user": {"username": self.username, "psid": "planetscale-1",
                                                     "role": "admin"}, "session": self._new_session_blob()}
            elif method_name == "CloseSession":
                self._close_session(payload.get("session"))
                reply = {"session": None}
            else:
                raise _Reply(404, "unimplemented", f"method {method_name} is not implemented")
            status = 200
        except _Reply as r:
            status, reply = r.status, r.body
        data = json.dumps(reply, separators=(",", ":")).encode()
        log.debug("%s %s -> %d%s", method, path, status, " (SQL error)" if "error" in reply else "")
        return status, {**CORS, "Content-Type": "application/json"}, data

    def _check_auth(self, header: str) -> None:
        scheme, _, token = header.partition(" ")
        try:
            user, sep, password = base64.b64decode(token, validate=True).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            sep = user = password = ""
        if scheme.lower() != "basic" or not sep:
            raise _Reply(401, "unauthenticated", "missing or malformed Basic credentials")
        user, password = unquote(user), unquote(password)
        ok_user = hmac.compare_digest(user.encode(), self.username.encode())
        ok_pass = hmac.compare_digest(password.encode(), self.password.encode())
        if not password or not (ok_user and ok_pass):
            raise _Reply(401, "unauthenticated", "invalid auth credentials")

    # -- sessions --------------------------------------------------------------------------------

    def _sign(self, uuid: str) -> str:
        return base64.b64encode(hmac.new(self._secret, uuid.encode(), hashlib.sha256).digest()).decode()

    def _new_session_blob(self) -> dict[str, Any]:
        return self._blob(_Session(secrets.token_urlsafe(16)))

    def _blob(self, s: _Session) -> dict[str, Any]:
        vitess: dict[str, Any] = {
            "targetString": self._db["database"] or "", "autocommit": True,
            "options": {"includedFields": "ALL", "clientFoundRows": True},
            "DDLStrategy": "direct", "SessionUUID": s.uuid, "enableSystemSettings": True,
        }
        if s.in_transaction:
            vitess["inTransaction"] = True
        if s.last_insert_id:
            vitess["lastInsertId"] = str(s.last_insert_id)
        if s.found_rows:
            vitess["foundRows"] = str(s.found_rows)
        return {"signature": self._sign(s.uuid), "vitessSession": vitess}

    def _session_for(self, blob: Any) -> _Session:
        """The live session a request's `session` names, or a new one. Raises _Reply if it is lost."""
        uuid, claims_tx = None, False
        if isinstance(blob, dict) and isinstance(blob.get("vitessSession"), dict):
            vs = blob["vitessSession"]
            candidate = vs.get("SessionUUID")
            if isinstance(candidate, str) and hmac.compare_digest(str(blob.get("signature", "")), self._sign(candidate)):
                uuid, claims_tx = candidate, bool(vs.get("inTransaction"))
        with self._lock:
            s = self._sessions.get(uuid) if uuid else None
            if s is None:
                s = _Session(uuid or secrets.token_urlsafe(16))
                if claims_tx:  # its transaction died with its connection: never continue silently
                    raise _TransactionLost(self._blob(s), s.uuid)
                self._sessions[s.uuid] = s
                self._evict_locked()
        return s

    def _evict_locked(self, keep: int | None = None) -> None:
        """Close least recently used idle connections outside transactions, down to `keep`."""
        keep = self.max_sessions if keep is None else keep
        if len(self._sessions) <= keep:
            return
        idle = sorted((s for s in self._sessions.values() if not s.in_transaction), key=lambda s: s.last_used)
        for s in idle[: len(self._sessions) - keep]:
            if s.lock.acquire(blocking=False):
                try:
                    self._drop_locked(s)
                finally:
                    s.lock.release()

    def _drop_locked(self, s: _Session) -> None:
        if self._sessions.get(s.uuid) is s:
            del self._sessions[s.uuid]
        if s.conn is not None:
            with contextlib.suppress(Exception):  # already broken: nothing to do
                s.conn.close()
            s.conn = None

    def _close_session(self, blob: Any) -> None:
        try:
            s = self._session_for(blob)
        except _TransactionLost:
            return
        with s.lock, self._lock:
            self._drop_locked(s)

    def reap_idle(self) -> int:
        """Close connections idle past their timeout; returns how many were closed."""
        now, closed = time.monotonic(), 0
        with self._lock:
            for s in list(self._sessions.values()):
                limit = self.transaction_timeout if s.in_transaction else self.idle_timeout
                if now - s.last_used > limit and s.lock.acquire(blocking=False):
                    try:
                        self._drop_locked(s)
                        closed += 1
                    finally:
                        s.lock.release()
        return closed

    def close(self) -> None:
        with self._lock:
            for s in list(self._sessions.values()):
                self._drop_locked(s)

    # -- executing -------------------------------------------------------------------------------

    def _execute(self, payload: dict[str, Any]) -> dict[str, Any]:
        sql = payload.get("query")
        if not isinstance(sql, str):
            raise _Reply(400, "invalid_argument", "`query` must be a string")
        try:
            s = self._session_for(payload.get("session"))
            if not s.lock.acquire(blocking=False):
                raise _Reply(403, "permission_denied", f"session already in use: {s.uuid}")
            with self._lock:  # closed (reaped, evicted) between lookup and lock?
                current = self._sessions.setdefault(s.uuid, s)
            if current is not s or (s.conn is None and s.in_transaction):
                s.lock.release()
                if current is not s:
                    raise _Reply(403, "permission_denied", f"session already in use: {s.uuid}")
                raise _TransactionLost(self._new_session_blob(), s.uuid)
        except _TransactionLost as lost:
            if sql.strip().rstrip(";").strip().lower() == "rollback":  # the server already rolled it back
                return {"session": lost.blob, "result": {}, "timing": 0.0}
            return {"session": lost.blob, "error": {"code": "ABORTED", "message": str(lost)}}
        try:
            started = time.perf_counter()
            reply: dict[str, Any] = {}
            try:
                reply["result"] = self._run(s, sql)
            except _SqlError as e:
                reply["error"] = {"code": VTRPC.get(e.errno, "UNKNOWN"), "message": str(e)}
            reply["timing"] = time.perf_counter() - started
            s.last_used = time.monotonic()
            reply["session"] = self._blob(s)
            return reply
        finally:
            s.lock.release()

    def _run(self, s: _Session, sql: str) -> dict[str, Any]:
        """Run one statement on the session's connection; returns the protojson `result`."""
        pymysql = _pymysql()
        if sql.strip().lower().startswith(_SWALLOWED):
            return {}
        if s.conn is None:
            try:
                s.conn = self._connect(pymysql)
            except _SqlError as e:
                if e.errno != 1040:  # too many connections: close our idle ones, try once more
                    raise
                with self._lock:
                    self._evict_locked(keep=0)
                s.conn = self._connect(pymysql)
        try:
            with s.conn.cursor() as cur:
                cur.execute(sql)
                res = cur._result  # PyMySQL keeps the raw field packets here
                result = encode_result(res)
        except pymysql.err.MySQLError as e:
            errno = e.args[0] if e.args and isinstance(e.args[0], int) else 0
            message = e.args[1] if len(e.args) > 1 else str(e)
            sqlstate = getattr(e, "sqlstate", None) or ("HY000" if errno else "08S01")
            if errno in _CONNECTION_LOST or errno == 0 or not s.conn.open:
                self._lost(s)
            else:
                s.in_transaction = bool(s.conn.server_status & 1)
            raise _SqlError(errno, f"{message} (errno {errno}) (sqlstate {sqlstate})") from None
        s.in_transaction = bool(s.conn.server_status & 1)  # SERVER_STATUS_IN_TRANS
        if res is not None and res.insert_id:
            s.last_insert_id = res.insert_id
        s.found_rows = len(res.rows or ()) if getattr(res, "fields", None) else 0
        return result

    def _lost(self, s: _Session) -> None:
        """The connection died, and any transaction with it. The reply keeps `inTransaction`, so
        the session's next statement gets ABORTED (a ROLLBACK succeeds) instead of autocommitting."""
        with self._lock:
            self._drop_locked(s)

    def _connect(self, pymysql: Any) -> Any:
        conv = {k: v for k, v in pymysql.converters.conversions.items() if not isinstance(k, int)}
        try:
            return pymysql.connect(
                host=self._db["host"], port=self._db["port"], user=self._db["user"],
                password=self._db["password"], database=self._db["database"], charset="utf8mb4",
                autocommit=True, use_unicode=False, conv=conv, connect_timeout=10,
                client_flag=pymysql.constants.CLIENT.FOUND_ROWS, init_command="SET time_zone = '+00:00'",
            )
        except pymysql.err.MySQLError as e:
            errno = e.args[0] if e.args and isinstance(e.args[0], int) else 2003
            message = redact(str(e.args[1] if len(e.args) > 1 else e), self._db["password"])
            raise _SqlError(errno, f"{message} (errno {errno}) (sqlstate HY000)") from None


class _SqlError(Exception):
    def __init__(self, errno: int, message: str) -> None:
        super().__init__(message)
        self.errno = errno


class _TransactionLost(Exception):
    def __init__(self, blob: dict[str, Any], uuid: str) -> None:
        super().__init__(
            f"vttablet: rpc error: code = Aborted desc = transaction in session {uuid}: not found "
            "(its connection was closed: idle timeout, lost connection or endpoint restart)"
        )
        self.blob = blob


def _pymysql() -> Any:
    try:
        import pymysql  # noqa: PLC0415 - optional extra, CPython only
        import pymysql.constants.CLIENT  # noqa: F401, PLC0415
    except ImportError:
        raise ClientError("the PlanetScale dev endpoint needs PyMySQL: pip install 'prisma-edge[devserver]'") from None
    return pymysql


# -- serving --------------------------------------------------------------------------------------


class EndpointHandle:
    """A running endpoint (background threads): `.url` carries the credentials a client needs."""

    def __init__(self, endpoint: PlanetScaleEndpoint, server: ThreadedServer, pool: ThreadPoolExecutor) -> None:
        self.endpoint, self._server, self._pool = endpoint, server, pool
        self.host, self.port = server.host, server.port
        auth = f"{quote(endpoint.username, safe='')}:{quote(endpoint.password, safe='')}"
        self.url = f"http://{auth}@{self.host}:{self.port}"
        self._stop = threading.Event()
        self._reaper = threading.Thread(target=self._reap, name="prisma-edge-ps-reaper", daemon=True)
        self._reaper.start()

    @property
    def request_count(self) -> int:
        return self.endpoint.request_count

    def _reap(self) -> None:
        interval = max(0.05, min(2.0, self.endpoint.idle_timeout / 4))
        while not self._stop.wait(interval):
            self.endpoint.reap_idle()

    def close(self) -> None:
        self._stop.set()
        self._server.close()  # then endpoint.close() (on_close)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> EndpointHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<PlanetScale endpoint http://{self.host}:{self.port} for {self.endpoint.database_label}>"


def start_planetscale_endpoint(
    database_url: str, host: str = "127.0.0.1", port: int = 0, *, idle_timeout: float = 10.0,
    transaction_timeout: float = 60.0, max_sessions: int = 40,
) -> EndpointHandle:
    """Serve the endpoint in background threads; returns a handle with .url/.port/.request_count/.close()."""
    _pymysql()
    endpoint = PlanetScaleEndpoint(database_url, idle_timeout=idle_timeout, transaction_timeout=transaction_timeout,
                                   max_sessions=max_sessions)
    # PyMySQL blocks: each request runs in a thread. A generous pool, because a request waiting on
    # a row lock must not starve the COMMIT that would release it.
    pool = ThreadPoolExecutor(max_workers=64, thread_name_prefix="prisma-edge-ps")

    async def app(request: Request) -> Response:
        loop = asyncio.get_running_loop()
        status, headers, body = await loop.run_in_executor(
            pool, endpoint.handle, request.method, request.path, request.headers, request.body
        )
        return Response(status, body, headers)

    def too_large(limit: int) -> Response:
        message = f"request is too large (max is {limit} bytes)"
        return json_response(413, {"error": {"code": "resource_exhausted", "message": message}}, CORS)

    server = HttpServer(app, host, port, max_body_bytes=MAX_BODY, too_large=too_large)
    threaded = ThreadedServer(server, on_close=endpoint.close).start()
    return EndpointHandle(endpoint, threaded, pool)


def run(args: argparse.Namespace) -> int:
    """`prisma-edge dev planetscale --database mysql://... [--host] [--port]`: serve until Ctrl-C."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    handle = start_planetscale_endpoint(args.database, args.host, args.port)
    print(f"PlanetScale HTTP endpoint for {handle.endpoint.database_label} (Ctrl-C to stop); connect with:",
          flush=True)
    print(handle.url, flush=True)
    return serve_until_interrupted(handle)
