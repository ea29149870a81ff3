"""A local endpoint that speaks Cloudflare D1's REST API over SQLite (CPython; `prisma-edge dev d1`).

Routes, as Cloudflare's API has them (https://developers.cloudflare.com/api/resources/d1/):
`POST /client/v4/accounts/<account id>/d1/database/<database id>/query` and `.../raw`, with
`Authorization: Bearer <token>` and a JSON body `{"sql": "...", "params": [...]}` or
`{"batch": [{"sql", "params"}, ...]}`. The answer is Cloudflare's v4 envelope:
`{"result": [<one per statement>], "success": true, "errors": [], "messages": []}`, each result
`{"results": ..., "success": true, "meta": {"changes", "last_row_id", "changed_db", "duration",
"size_after", "rows_read", "rows_written", "served_by"}}` with `results` an array of row objects
(/query) or `{"columns": [...], "rows": [[...]]}` (/raw).

What it reproduces of D1 (so that tests here fail where D1 would):
- a body's statements run in order in ONE transaction; the first error rolls all of them back and
  answers HTTP 400 with `{"success": false, "errors": [{"code": 7500, "message": "<SQLite's
  message>: SQLITE_<CODE>"}]}` (7500 and the message form as Wrangler shows D1's errors);
- at most 100 bound parameters and 100,000 bytes of SQL per statement (SQLite's own limits, set
  to D1's), foreign keys enforced, and no BEGIN / COMMIT / SAVEPOINT, ATTACH or TEMP objects
  (refused as `not authorized: SQLITE_AUTH`, as D1 and miniflare do);
- JSON numbers: integers beyond 2**53 come back as doubles (D1 answers through JavaScript); blobs
  are arrays of byte values, both ways.
UNCONFIRMED against Cloudflare's service: the HTTP status and code of an authentication failure
(403 / 10000 here) and of an unknown database (404 / 7404 here), and typed (non-string) params,
which Cloudflare documents as strings but which its Worker binding and miniflare accept.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any

from prisma_edge.devserver.http import (
    HttpServer,
    Request,
    Response,
    ThreadedServer,
    json_response,
    serve_until_interrupted,
)

__all__ = ["D1Endpoint", "D1EndpointHandle", "start_d1_endpoint"]

log = logging.getLogger("prisma_edge.devserver.d1")

MAX_PARAMS = 100
MAX_SQL_BYTES = 100_000
MAX_SAFE_INTEGER = 2**53 - 1
_ROUTE = re.compile(r"^/client/v4/accounts/([^/]+)/d1/database/([^/]+)/(query|raw)$")
_DENIED = {getattr(sqlite3, n) for n in ("SQLITE_ATTACH", "SQLITE_DETACH", "SQLITE_TRANSACTION", "SQLITE_SAVEPOINT",
                                          "SQLITE_CREATE_TEMP_TABLE", "SQLITE_CREATE_TEMP_INDEX",
                                          "SQLITE_CREATE_TEMP_TRIGGER", "SQLITE_CREATE_TEMP_VIEW")}


class _Refused(Exception):
    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class D1Database:
    """One database: a SQLite connection with D1's limits, used by one request at a time."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, MAX_PARAMS)
        self._db.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES)
        self._ours = False  # our own BEGIN / COMMIT pass the authorizer
        self._db.set_authorizer(self._authorize)
        self.lock = threading.Lock()

    def _authorize(self, action: int, *_: Any) -> int:
        return sqlite3.SQLITE_DENY if action in _DENIED and not self._ours else sqlite3.SQLITE_OK

    @contextlib.contextmanager
    def _own(self) -> Iterator[None]:
        self._ours = True
        try:
            yield
        finally:
            self._ours = False

    def run(self, statements: list[tuple[str, list[Any]]], raw: bool) -> list[dict[str, Any]]:
        """Run the statements in one transaction; raises sqlite3.Error (after ROLLBACK) on the first failure."""
        with self.lock:
            with self._own():
                self._db.execute("BEGIN IMMEDIATE")
            try:
                out = [self._one(sql, params, raw) for sql, params in statements]
            except BaseException:
                with self._own(), contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            with self._own():
                self._db.execute("COMMIT")
            return out

    def _one(self, sql: str, params: list[Any], raw: bool) -> dict[str, Any]:
        started = time.perf_counter()
        before = self._db.total_changes
        cur = self._db.execute(sql, [bytes(p) if isinstance(p, list) else p for p in params])
        rows = cur.fetchall() if cur.description else []
        columns = [d[0] for d in cur.description] if cur.description else []
        changes = self._db.total_changes - before
        cells = [[_js_number(v) for v in row] for row in rows]
        results: Any = ({"columns": columns, "rows": cells} if raw
                        else [dict(zip(columns, row, strict=True)) for row in cells])
        meta = {
            "served_by": "prisma-edge.d1", "duration": round((time.perf_counter() - started) * 1000, 3),
            "changes": changes, "last_row_id": cur.lastrowid or 0, "changed_db": changes > 0,
            "size_after": self.size(), "rows_read": len(rows), "rows_written": changes,
        }
        return {"results": results, "success": True, "meta": meta}

    def size(self) -> int:
        page_count = self._db.execute("PRAGMA page_count").fetchone()[0]
        page_size = self._db.execute("PRAGMA page_size").fetchone()[0]
        return int(page_count) * int(page_size)

    def close(self) -> None:
        self._db.close()


def _js_number(value: Any) -> Any:
    """A cell as D1 sends it through JavaScript: big integers lose precision, blobs are byte lists."""
    if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:
        return float(value)
    if isinstance(value, bytes):
        return list(value)
    return value


class D1Endpoint:
    """The REST API for `databases` (database id -> SQLite path or ":memory:") of one account."""

    def __init__(self, databases: Mapping[str, str], *, account_id: str, api_token: str) -> None:
        self.account_id = account_id
        self.api_token = api_token
        self.databases = {k: D1Database(v) for k, v in databases.items()}
        self.request_count = 0

    def __repr__(self) -> str:
        return f"<D1Endpoint account {self.account_id} databases {', '.join(self.databases)}>"

    async def handle(self, request: Request) -> Response:
        self.request_count += 1
        try:
            m = _ROUTE.match(request.path)
            if m is None:
                raise _Refused(404, 7000, f"No route for that URI: {request.method} {request.path}")
            if request.method != "POST":
                raise _Refused(405, 10405, f"Method {request.method} not allowed")
            if request.headers.get("authorization", "") != f"Bearer {self.api_token}" or m.group(1) != self.account_id:
                raise _Refused(403, 10000, "Authentication error")
            db = self.databases.get(m.group(2))
            if db is None:
                raise _Refused(404, 7404, f"The database {m.group(2)} could not be found")
            statements = _statements(request.body)
            try:
                results = db.run(statements, raw=m.group(3) == "raw")
            except sqlite3.Error as e:
                raise _Refused(400, 7500, f"{e}: {_code_name(e)}") from None
            return json_response(200, {"result": results, "success": True, "errors": [], "messages": []})
        except _Refused as e:
            return json_response(e.status, {"result": [], "success": False, "errors": [{"code": e.code, "message": e.message}],
                                            "messages": []})

    def close(self) -> None:
        for db in self.databases.values():
            db.close()


def _statements(body: bytes) -> list[tuple[str, list[Any]]]:
    """The body's statements: `{"sql", "params"}` or `{"batch": [...]}`; a `sql` of several
    statements joined by semicolons is several statements (only the last may take params)."""
    try:
        payload = json.loads(body)
    except ValueError:
        raise _Refused(400, 7400, "The request is not valid JSON") from None
    items = payload.get("batch") if isinstance(payload, dict) and "batch" in payload else [payload]
    if not isinstance(items, list) or not items:
        raise _Refused(400, 7400, "Expected {sql, params} or {batch: [...]}")
    out: list[tuple[str, list[Any]]] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("sql"), str):
            raise _Refused(400, 7400, "Each query needs a `sql` string")
        params = item.get("params") or []
        if not isinstance(params, list):
            raise _Refused(400, 7400, "`params` must be an array")
        parts = _split(item["sql"])
        if not parts:
            raise _Refused(400, 7500, "No SQL statements detected.")
        out += [(p, []) for p in parts[:-1]] + [(parts[-1], params)]
    return out


def _split(sql: str) -> list[str]:
    """Complete statements of `sql`, in order (sqlite3.complete_statement finds where each ends)."""
    out, start = [], 0
    for i, ch in enumerate(sql):
        if ch == ";" and sqlite3.complete_statement(sql[start:i + 1]):
            if sql[start:i].strip():
                out.append(sql[start:i].strip())
            start = i + 1
    if sql[start:].strip():
        out.append(sql[start:].strip())
    return out


def _code_name(e: sqlite3.Error) -> str:
    """SQLite's primary result code name, as D1 appends it: SQLITE_CONSTRAINT_UNIQUE -> SQLITE_CONSTRAINT."""
    name = getattr(e, "sqlite_errorname", None) or "SQLITE_ERROR"
    return "_".join(name.split("_")[:2])


class D1EndpointHandle:
    """A running endpoint: `url` (one database's API URL), `api_token`, `close()`."""

    def __init__(self, endpoint: D1Endpoint, server: ThreadedServer, database_id: str) -> None:
        self.endpoint, self.server, self.database_id = endpoint, server, database_id

    @property
    def api_base(self) -> str:
        return f"http://{self.server.host}:{self.server.port}/client/v4"

    @property
    def url(self) -> str:
        return f"{self.api_base}/accounts/{self.endpoint.account_id}/d1/database/{self.database_id}"

    @property
    def api_token(self) -> str:
        return self.endpoint.api_token

    @property
    def request_count(self) -> int:
        return self.endpoint.request_count

    def close(self) -> None:
        self.server.close()

    def __enter__(self) -> D1EndpointHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<D1 endpoint {self.url}>"


def start_d1_endpoint(database: str = ":memory:", host: str = "127.0.0.1", port: int = 0, *,
                      database_id: str | None = None, account_id: str | None = None,
                      api_token: str | None = None) -> D1EndpointHandle:
    """Serve one database (a SQLite path, or ":memory:") on a background thread."""
    database_id = database_id or f"{secrets.token_hex(4)}-0000-4000-8000-{secrets.token_hex(6)}"
    endpoint = D1Endpoint({database_id: database}, account_id=account_id or secrets.token_hex(16),
                          api_token=api_token or secrets.token_urlsafe(24))
    threaded = ThreadedServer(HttpServer(endpoint.handle, host, port), on_close=endpoint.close)
    try:
        threaded.start()
    except BaseException:
        endpoint.close()
        raise
    return D1EndpointHandle(endpoint, threaded, database_id)


def run(args: argparse.Namespace) -> int:
    """`prisma-edge dev d1 [--database PATH] [--host] [--port]`: serve until Ctrl-C.

    Prints, one per line, the database's API URL and the token to use with it:
        D1_URL=http://127.0.0.1:PORT/client/v4/accounts/<account>/d1/database/<id>
        D1_TOKEN=<token>
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    handle = start_d1_endpoint(args.database or ":memory:", args.host, args.port)
    print(f"D1-compatible REST API over {args.database or 'an in-memory database'} (Ctrl-C to stop). "
          "Use D1Adapter(D1_URL, api_token=D1_TOKEN):", flush=True)
    print(f"D1_URL={handle.url}", flush=True)
    print(f"D1_TOKEN={handle.api_token}", flush=True)
    return serve_until_interrupted(handle)
