"""Cloudflare D1: SQLite behind `batch()`, from a Worker's binding or over Cloudflare's REST API.

- In a Worker: `D1Adapter(self.env.DB)` calls the binding: `prepare(sql).bind(*values).all()`
  for one statement, `batch([...])` for several. The binding is a JavaScript object, reached
  through Pyodide's FFI (imported only here, only when used).
- Anywhere else (scripts, migrations, CPython): `D1Adapter("d1://<account id>/<database id>",
  api_token=...)` posts to `https://api.cloudflare.com/client/v4/accounts/<account>/d1/database/
  <database>/raw` (`{"sql", "params"}` or `{"batch": [...]}`, bearer token) and reads Cloudflare's
  v4 envelope, `{"success", "errors": [{"code", "message"}], "result": [{"results": {"columns",
  "rows"}, "meta", "success"}]}`. A full API URL (`https://.../d1/database/<id>`, or `http://` to a
  loopback host: `prisma-edge dev d1`) works too. Without `api_token`, the environment variable
  `CLOUDFLARE_D1_TOKEN` (then `CLOUDFLARE_API_TOKEN`) is read.

Semantics. `batch()` is D1's own: its statements run in order inside one implicit transaction,
and a failing statement rolls all of them back. There is no interactive transaction (D1 refuses
BEGIN), so `transaction()` raises and says to use `db.batch([...])`; the compiler makes every
operation one static batch for D1 (`compiler/sql/dialects.py` D1Rules, `writes/static.py`), so
a nested write or a `db.batch` is ONE call. D1 is serializable (one writer).

Values. Sent: None, int, float, str and bytes (booleans are 1/0 already); integers beyond
JavaScript's 2**53 go as text, which SQLite's INTEGER affinity turns back into the exact integer.
Received: D1 returns numbers as JavaScript doubles, so the compiler selects BigInt columns as
text; blobs arrive as lists of byte values and leave as `bytes`. The binding returns rows as
objects keyed by column name, so a statement needs distinct column names (the compiler's do).

Errors: D1's message (`D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT`) is
mapped like SQLite's (P2002, P2003, P2011); HTTP 401/403 -> `AuthenticationError`, 429 and 5xx
-> `ConnectionError`, other failures -> `DatabaseError`. The token never appears in a message
or a repr.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any
from urllib.parse import urlsplit

from prisma_edge import errors
from prisma_edge.fetch_adapters.base import (
    AdapterStats,
    Connection,
    Dialect,
    IsolationLevel,
    Query,
    ResultSet,
)
from prisma_edge.fetch_adapters.protocols.sqlite import error_from_message
from prisma_edge.fetch_adapters.transports.fetch import Fetch, check_url, default_fetch

__all__ = ["API_BASE", "D1Adapter"]

API_BASE = "https://api.cloudflare.com/client/v4"
MAX_SAFE_INTEGER = 2**53 - 1
_NO_TRANSACTIONS = (
    "Cloudflare D1 has no interactive transactions (it refuses BEGIN): run the operations together "
    "with `await db.batch([db.user.create(...), db.post.update(...)])`, which D1 runs atomically in one call"
)

Statement = tuple[str, list[Any]]
Outcome = tuple[tuple[str, ...], list[list[Any]], dict[str, Any]]  # columns, rows, meta


class D1Adapter:
    """An `Adapter` over a D1 binding (in a Worker) or D1's REST API (see the module docstring).

    Args:
        target: the Worker's D1 binding (`self.env.DB`), or `d1://<account id>/<database id>`,
            or the database's API URL.
        api_token: the API token (REST only); default `CLOUDFLARE_D1_TOKEN` / `CLOUDFLARE_API_TOKEN`.
        fetch: the HTTP transport (REST only); default `transports.fetch.default_fetch()`.
        timeout: seconds for one REST request.
    """

    dialect: Dialect = "sqlite"
    sql_rules = "d1"  # the compiler's D1 table: static batches, 100 parameters per statement

    def __init__(self, target: Any, *, api_token: str | None = None, fetch: Fetch | None = None,
                 timeout: float | None = 30.0) -> None:
        self.stats = AdapterStats()
        self._closed = False
        self._wire: _RestWire | _BindingWire
        if isinstance(target, str):
            self._wire = _RestWire(target, api_token, fetch, timeout)
        elif callable(getattr(target, "prepare", None)):
            self._wire = _BindingWire(target)
        else:
            raise errors.ClientError("D1Adapter needs a D1 binding (env.DB) or a d1://<account id>/<database id> URL")

    def __repr__(self) -> str:
        return f"<D1Adapter {self._wire.label}>"

    async def query(self, query: Query) -> ResultSet:
        """One statement, one call (D1 commits it on its own)."""
        return (await self._run([query]))[0]

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """All statements in ONE call, in order, atomically: a failing statement rolls back every one."""
        if isolation not in (None, "Serializable"):
            raise errors.UnsupportedError(f"isolation level {isolation!r} is not available on D1, which is always Serializable")
        if not queries:
            return []
        return await self._run(list(queries))

    def transaction(
        self, *, isolation: IsolationLevel | None = None, timeout: float | None = None
    ) -> AbstractAsyncContextManager[Connection]:
        raise errors.UnsupportedError(_NO_TRANSACTIONS)

    async def close(self) -> None:
        self._closed = True
        if isinstance(self._wire, _RestWire):
            await self._wire.close()

    async def __aenter__(self) -> D1Adapter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _run(self, queries: list[Query]) -> list[ResultSet]:
        if self._closed:
            raise errors.ClientError("this D1Adapter is closed")
        self.stats.round_trips += 1
        self.stats.statements += len(queries)
        statements = [(q.sql, [_param(v) for v in q.params]) for q in queries]
        outcomes = await self._wire.run(statements)
        if len(outcomes) != len(statements):
            raise errors.ProtocolError(f"D1 answered {len(outcomes)} results for {len(statements)} statements")
        return [_result_set(*o) for o in outcomes]


_D1_PREFIX = re.compile(r"^(?:D1_[A-Z_]+: )+")
_CODE_SUFFIX = re.compile(r": (SQLITE_[A-Z_]+)(?: \(extended: SQLITE_[A-Z_]+\))?$")


def split_d1_message(message: str) -> tuple[str, str | None]:
    """(SQLite's own message, its result code name) of a D1 error text: the binding says
    `D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT (extended:
    SQLITE_CONSTRAINT_UNIQUE)` (workerd 2026-04), older runtimes and the REST API (as Wrangler
    shows it) `UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT`."""
    text = _D1_PREFIX.sub("", message.strip())
    m = _CODE_SUFFIX.search(text)
    return (text[: m.start()], m.group(1)) if m else (text, None)


def error_from_d1(message: str) -> errors.PrismaEdgeError:
    """The error class for a D1 error text (SQLite's message, as `protocols.sqlite` reads it)."""
    text, code = split_d1_message(message)
    return error_from_message(text, code or "D1_ERROR")


def _param(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:
        return str(value)  # exact as text; INTEGER affinity makes it an integer again
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    return value


def _result_set(columns: tuple[str, ...], rows: list[list[Any]], meta: dict[str, Any]) -> ResultSet:
    out = tuple(tuple(bytes(v) if isinstance(v, list) else v for v in row) for row in rows)
    changes, last = meta.get("changes"), meta.get("last_row_id")
    return ResultSet(columns, out, ("unknown",) * len(columns), int(changes) if isinstance(changes, int | float) else 0,
                     int(last) if isinstance(last, int | float) else None)


# -- the REST API -------------------------------------------------------------------------------


class _RestWire:
    def __init__(self, target: str, api_token: str | None, fetch: Fetch | None, timeout: float | None) -> None:
        if target.startswith("d1://"):
            parts = urlsplit(target)
            account, database = parts.netloc, parts.path.strip("/")
            if not account or not database or "/" in database:
                raise errors.ClientError("a D1 URL is d1://<account id>/<database id>")
            target = f"{API_BASE}/accounts/{account}/d1/database/{database}"
        self.url = target.rstrip("/")
        check_url(self.url)
        if "/d1/database/" not in self.url:
            raise errors.ClientError("a D1 API URL ends in /accounts/<account id>/d1/database/<database id>")
        token = api_token or os.environ.get("CLOUDFLARE_D1_TOKEN") or os.environ.get("CLOUDFLARE_API_TOKEN")
        if not token:
            raise errors.ClientError("D1's REST API needs an API token: pass api_token= or set CLOUDFLARE_D1_TOKEN")
        self._token = token
        self._own_fetch = fetch is None  # the default transport (a keep-alive pool) is ours to close
        self._fetch = fetch or default_fetch()
        self.timeout = timeout
        p = urlsplit(self.url)
        self.label = f"{p.scheme}://{p.hostname}{':' + str(p.port) if p.port else ''}/.../d1/database/{self.url.rsplit('/', 1)[-1]}"

    async def close(self) -> None:
        closer = getattr(self._fetch, "close", None)
        if self._own_fetch and closer is not None:
            await closer()

    async def run(self, statements: list[Statement]) -> list[Outcome]:
        items = [{"sql": sql, "params": [list(v) if isinstance(v, bytes) else v for v in params]} for sql, params in statements]
        payload = items[0] if len(items) == 1 else {"batch": items}
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        headers = {"Authorization": f"Bearer {self._token}", "Content-Type": "application/json"}
        try:
            resp = await self._fetch("POST", f"{self.url}/raw", headers, body, timeout=self.timeout)
        except errors.PrismaEdgeError as e:
            e.message = errors.redact(e.message, self._token)
            e.args = (e.message,)
            raise
        try:
            envelope = resp.json()
        except ValueError:
            envelope = None
        if not isinstance(envelope, dict):
            raise self._http_error(resp.status, resp.text()[:200])
        if not envelope.get("success") or resp.status >= 400:
            problems = envelope.get("errors") or []
            first = problems[0] if problems and isinstance(problems[0], dict) else {}
            message = errors.redact(str(first.get("message") or ""), self._token)
            if resp.status in (400, 500) and first.get("code") == 7500:  # the SQL failed
                raise error_from_d1(message)
            raise self._http_error(resp.status, f"{message} [code: {first.get('code')}]" if first else "")
        results = envelope.get("result")
        if not isinstance(results, list):
            raise errors.ProtocolError("D1 answered success without a `result` list")
        return [_rest_outcome(r) for r in results]

    def _http_error(self, status: int, text: str) -> errors.PrismaEdgeError:
        shown = f"D1 API error (HTTP {status}): {errors.redact(text, self._token)}".rstrip(": ")
        if status in (401, 403):
            return errors.AuthenticationError(f"{shown} (check the API token and its D1 permissions)", status=status)
        if status == 429 or status >= 500:
            return errors.ConnectionError(shown, status=status)
        return errors.DatabaseError(shown, status=status)


def _rest_outcome(r: Any) -> Outcome:
    results = r.get("results") if isinstance(r, dict) else None
    if results is None:
        results = {}
    if not isinstance(results, dict) or not isinstance(results.get("rows", []), list):
        raise errors.ProtocolError("D1 answered a result that is not {columns, rows}")
    return tuple(str(c) for c in results.get("columns") or ()), list(results.get("rows") or []), dict(r.get("meta") or {})


# -- the Worker binding -------------------------------------------------------------------------


class _BindingWire:
    label = "binding"

    def __init__(self, binding: Any) -> None:
        self._db = binding

    async def run(self, statements: list[Statement]) -> list[Outcome]:
        from pyodide.ffi import JsException, to_js  # type: ignore[import-not-found]  # noqa: PLC0415 - Workers only

        try:
            prepared = [self._db.prepare(sql).bind(*[_js_value(v, to_js) for v in params]) for sql, params in statements]
            if len(prepared) == 1:
                answers = [await prepared[0].all()]
            else:
                answers = list(await self._db.batch(to_js(prepared)))
        except JsException as e:
            raise error_from_d1(str(getattr(e, "message", e))) from None
        return [_binding_outcome(a) for a in answers]


def _js_value(value: Any, to_js: Any) -> Any:
    if value is None:
        from pyodide.ffi import jsnull  # type: ignore[import-not-found]  # noqa: PLC0415

        return jsnull
    if isinstance(value, bytes):
        return to_js(value)  # a Uint8Array
    return value


def _binding_outcome(answer: Any) -> Outcome:
    """A D1Result (`{results: [row objects], meta}`) as columns, rows and meta."""
    import js  # type: ignore[import-not-found]  # noqa: PLC0415
    from pyodide.ffi import jsnull  # type: ignore[import-not-found]  # noqa: PLC0415

    rows_js = answer.results
    columns: tuple[str, ...] = tuple(str(k) for k in js.Object.keys(rows_js[0])) if rows_js.length else ()
    rows = [[_py(js.Reflect.get(row, c), jsnull) for c in columns] for row in rows_js]
    meta = answer.meta.to_py() if answer.meta is not None else {}
    return columns, rows, dict(meta)


def _py(value: Any, jsnull: Any) -> Any:
    if value is None or value is jsnull:
        return None
    to_py = getattr(value, "to_py", None)
    if to_py is None:  # already a Python value: number, str
        return value
    converted = to_py()
    return bytes(converted) if isinstance(converted, list | memoryview | bytearray) else converted
