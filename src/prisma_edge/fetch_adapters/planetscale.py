"""PlanetScale over HTTP: the `psdb.v1alpha1.Database/Execute` API that `@planetscale/database` speaks.

Theory of operation (protocols.md C):

- Every statement is one `POST .../Execute` with JSON `{"query": <SQL with values inlined>,
  "session": <the last session the server returned, or null>}` and Basic auth. The API has no
  bind parameters, so values go through `protocols.mysql.format.interpolate` (the one place values become
  SQL text).
- The server keeps state per session (a pinned MySQL connection: transactions, variables). We
  echo the session blob verbatim. Plain queries borrow a session from a small idle pool (a new one
  when all are busy: a session serves one request at a time), so concurrent tasks do not queue.
- `batch()` and `transaction()` borrow a session exclusively and run BEGIN ... COMMIT on it; every
  step is its own round trip because the API runs one statement per request. A failed COMMIT raises (Prisma
  issue #29138 lost data by ignoring it); any failure rolls back first and then raises.
- Replies: `result.fields` (Vitess types, decoded by `protocols.mysql.types`) and `rows` as `lengths` plus
  base64 `values`; SQL errors come back as HTTP 200 with `error`, mapped by `protocols.mysql.errors`.
  HTTP-level failures are typed (401 -> AuthenticationError, 5xx -> ConnectionError, malformed,
  truncated or oversized bodies -> ProtocolError). The password never appears in messages or reprs.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import builtins
import contextlib
import json
import re
import time
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

from prisma_edge import __version__
from prisma_edge.errors import (
    AuthenticationError,
    ClientError,
    ConnectionError,
    DatabaseError,
    PrismaEdgeError,
    ProtocolError,
    TimeoutError,
    TransactionExpiredError,
    redact,
)
from prisma_edge.fetch_adapters.base import AdapterStats, Dialect, IsolationLevel, Query, ResultSet
from prisma_edge.fetch_adapters.protocols.mysql.errors import error_from_vitess
from prisma_edge.fetch_adapters.protocols.mysql.format import interpolate
from prisma_edge.fetch_adapters.protocols.mysql.types import field_decoder
from prisma_edge.fetch_adapters.timeouts import current_statement_timeout
from prisma_edge.fetch_adapters.transports.fetch import Fetch, answer_lost, default_fetch, is_loopback_host
from prisma_edge.redact import Secrets, scrub_error

__all__ = ["PlanetScaleAdapter"]

EXECUTE = "/psdb.v1alpha1.Database/Execute"
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_POOL_SIZE = 8
_ISOLATION_SQL = {  # whole statements: nothing is spliced into SQL text
    "ReadUncommitted": "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED",
    "ReadCommitted": "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
    "RepeatableRead": "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
    "Serializable": "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
}
_TX_CONTROL = re.compile(r"^\s*(begin|start\s+transaction)\b", re.IGNORECASE)


class PlanetScaleAdapter:
    """An Adapter for PlanetScale (or `prisma-edge dev planetscale`) over fetch.

    Args:
        url: `mysql://user:pass@host[:port]` or `https://user:pass@host` (both use https, as the
            official driver does); `http://user:pass@127.0.0.1:PORT` only for a loopback endpoint.
        fetch: the transport (`async fetch(method, url, headers, body, *, timeout)`); defaults to
            `transport.default_fetch()` for the running runtime.
        timeout: seconds per HTTP request (per call: `timeouts.statement_timeout`), measured on
            the wire: waiting for a free slot does not count.
        max_concurrency: sessions in use at once for plain queries, and again for transactions
            (two separate bounds, so a query inside a transaction's body never waits for the
            transaction's own slot); further operations wait their turn.
    """

    dialect: Dialect = "mysql"

    def __init__(self, url: str, *, fetch: Fetch | None = None, timeout: float = 30.0,
                 max_response_bytes: int = MAX_RESPONSE_BYTES, max_concurrency: int = _POOL_SIZE) -> None:
        self._base, self._host, self._auth, self._secrets = _parse_url(url)
        self._fetch = fetch if fetch is not None else default_fetch()
        self._own_fetch = fetch is None  # ours to close (its kept-alive connections)
        self._timeout = timeout
        self._max_response = max_response_bytes
        self._idle: list[dict[str, Any]] = []
        self._max_concurrency = max_concurrency
        self._slots: dict[str, tuple[asyncio.AbstractEventLoop, asyncio.Semaphore]] = {}
        self._closed = False
        self.stats = AdapterStats()

    def __repr__(self) -> str:
        return f"PlanetScaleAdapter({self._base})"

    # -- Connection ------------------------------------------------------------------------------

    async def query(self, query: Query) -> ResultSet:
        """Run one statement (one request) on a pooled session, outside any transaction."""
        self._check_open()
        if _TX_CONTROL.match(query.sql):
            raise ClientError("BEGIN through query() would leave a pooled session mid-transaction: "
                              "use adapter.transaction() or batch()")
        async with self._slot("query"):
            session = self._borrow()
            try:
                return await self._execute(session, query.sql, query.params)
            finally:
                self._give_back(session)

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """Run statements atomically: BEGIN, each statement, COMMIT, each its own request.

        A single statement without an isolation level is atomic on its own and runs alone.
        """
        self._check_open()
        if not queries:
            return []
        if len(queries) == 1 and isolation is None:
            return [await self.query(queries[0])]
        async with self.transaction(isolation=isolation) as tx:
            return [await tx.query(q) for q in queries]

    @contextlib.asynccontextmanager
    async def transaction(
        self, *, isolation: IsolationLevel | None = None, timeout: float | None = None
    ) -> AsyncIterator[PlanetScaleTransaction]:
        """An interactive transaction on a fresh session: COMMIT on exit, ROLLBACK on an exception.

        Args:
            isolation: sent as `SET TRANSACTION ISOLATION LEVEL ...` on the session before BEGIN.
            timeout: seconds the transaction may stay open; later statements raise TransactionExpiredError (P2028)
                and the exit rolls back.
        """
        self._check_open()
        if isolation is not None and isolation not in _ISOLATION_SQL:
            raise ClientError(f"isolation level {isolation!r} is not supported on MySQL; "
                              f"use one of {', '.join(_ISOLATION_SQL)}")
        async with self._slot("transaction"):
            tx = PlanetScaleTransaction(self, timeout)
            try:
                if isolation is not None:
                    await tx._run(_ISOLATION_SQL[isolation], ())
                await tx._run("BEGIN", ())
                yield tx
            except BaseException:
                await tx._finish(commit=False)
                raise
            if tx._expired():
                await tx._finish(commit=False)
                raise tx._expiry()
            await tx._finish(commit=True)

    async def close(self) -> None:
        """Forget pooled sessions (the server closes their connections when idle)."""
        self._closed = True
        self._idle.clear()
        closer = getattr(self._fetch, "close", None)
        if self._own_fetch and closer is not None:
            await closer()

    # -- wire ------------------------------------------------------------------------------------

    def _slot(self, kind: str) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        held = self._slots.get(kind)
        if held is None or held[0] is not loop:
            held = self._slots[kind] = (loop, asyncio.Semaphore(self._max_concurrency))
        return held[1]

    def _borrow(self) -> _Session:
        """An idle session of ours (its server connection is warm) or a new one."""
        return _Session(self._idle.pop() if self._idle else None)

    def _give_back(self, session: _Session) -> None:
        """Pool the session again, only if the server answered and no transaction is open on it."""
        if session.answered and session.reusable and len(self._idle) < _POOL_SIZE and not self._closed:
            self._idle.append(session.blob)  # type: ignore[arg-type]

    def _check_open(self) -> None:
        if self._closed:
            raise ClientError("the PlanetScale adapter is closed")

    async def _execute(self, session: _Session, sql: str, params: Sequence[Any]) -> ResultSet:
        text = interpolate(sql, params)  # also when empty: a stray `?` is an error, not SQL
        reply = await self._post(EXECUTE, {"query": text, "session": session.blob})
        self.stats.statements += 1
        if "session" not in reply:
            # every Execute answer names its session; without one, nothing says what happened
            raise ProtocolError("PlanetScale answered without a session, so whether the statement was applied "
                                "is unknown (outcome unknown)", outcome_unknown=True)
        session.answered = True
        if isinstance(reply.get("session"), dict):
            session.blob = reply["session"]
        error = reply.get("error")
        if error:
            code = error.get("code") if isinstance(error, dict) else None
            message = error.get("message") if isinstance(error, dict) else None
            raise self._redacted(error_from_vitess(code, str(message or error)))
        with answer_lost():
            return self._decode(reply.get("result") or {})

    async def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        headers = {
            "Content-Type": "application/json",
            "User-Agent": f"prisma-edge/{__version__}",
            "Authorization": self._auth,
        }
        try:
            body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ClientError("the SQL text contains a lone surrogate, which is not valid UTF-8") from None
        self.stats.round_trips += 1
        timeout = current_statement_timeout(self._timeout)
        try:
            resp = await self._fetch("POST", self._base + path, headers, body, timeout=timeout)
        except PrismaEdgeError as e:
            raise self._redacted(e) from None
        except builtins.TimeoutError:  # asyncio's too (before OSError, its base class)
            raise TimeoutError(f"PlanetScale at {self._host} did not answer within {timeout} s (outcome unknown)",
                               outcome_unknown=True) from None
        except OSError as e:
            raise ConnectionError(self._scrub(f"cannot reach PlanetScale at {self._host}: {e}")) from None
        with answer_lost():
            return self._reply(int(resp.status), bytes(resp.body))

    def _reply(self, status: int, data: bytes) -> dict[str, Any]:
        if len(data) > self._max_response:
            raise ProtocolError(f"PlanetScale reply is too large ({len(data)} bytes > {self._max_response})")
        try:
            reply = json.loads(data) if data else None
        except (ValueError, UnicodeDecodeError):
            reply = None
        if 200 <= status < 300:
            if not isinstance(reply, dict):
                raise ProtocolError(f"PlanetScale sent a malformed or truncated JSON reply ({len(data)} bytes)")
            return reply
        raise self._http_error(status, reply, data)

    def _http_error(self, status: int, reply: Any, data: bytes) -> PrismaEdgeError:
        err = reply.get("error") if isinstance(reply, dict) else None
        err = err if isinstance(err, dict) else (reply if isinstance(reply, dict) and "code" in reply else {})
        message = self._scrub(str(err.get("message") or data[:300].decode("utf-8", "replace")).strip())
        code = str(err.get("code") or "")
        if status == 401 or code.lower() == "unauthenticated":
            return AuthenticationError(f"PlanetScale rejected the credentials (HTTP {status}): {message}")
        if status in (408, 504):
            return TimeoutError(f"PlanetScale timed out (HTTP {status}): {message}")
        if status >= 500:
            return ConnectionError(f"PlanetScale server error (HTTP {status}): {message}")
        if code:
            return DatabaseError(f"PlanetScale refused the request (HTTP {status}, {code}): {message}", db_code=code)
        return ProtocolError(f"unexpected reply from PlanetScale: HTTP {status}: {message}")

    def _decode(self, result: dict[str, Any]) -> ResultSet:
        fields = result.get("fields") or []
        try:
            columns = tuple(str(f.get("name", "")) for f in fields)
            decoders = [field_decoder(f) for f in fields]
            rows = tuple(_decode_row(r, decoders) for r in result.get("rows") or ())
            affected = int(result.get("rowsAffected") or 0)
            insert_id = int(result["insertId"]) if result.get("insertId") else None
        except (AttributeError, TypeError, ValueError, KeyError, binascii.Error, ArithmeticError) as e:
            raise ProtocolError(f"PlanetScale sent a result that does not decode: {type(e).__name__}: {e}") from None
        return ResultSet(columns=columns, rows=rows, column_types=tuple(t for t, _ in decoders),
                         rows_affected=affected, last_insert_id=insert_id)

    def _scrub(self, text: str) -> str:
        return redact(text, self._secrets)

    def _redacted(self, e: PrismaEdgeError) -> PrismaEdgeError:
        scrub_error(e, self._secrets)
        return e


class _Session:
    """A session blob in flight; not `reusable` while the server reports an open transaction."""

    __slots__ = ("blob", "answered")

    def __init__(self, blob: dict[str, Any] | None) -> None:
        self.blob = blob
        self.answered = False

    @property
    def reusable(self) -> bool:
        vs = self.blob.get("vitessSession") if isinstance(self.blob, dict) else None
        return isinstance(vs, dict) and not vs.get("inTransaction")


class PlanetScaleTransaction:
    """The Connection inside `adapter.transaction()`: statements run one at a time on its session."""

    dialect: Dialect = "mysql"

    def __init__(self, adapter: PlanetScaleAdapter, timeout: float | None) -> None:
        self._a = adapter
        self._session = adapter._borrow()  # exclusive while borrowed, like database-js' fresh one
        self._lock = asyncio.Lock()
        self._deadline = time.monotonic() + timeout if timeout else None
        self._timeout = timeout
        self._done = False
        self._savepoints = 0
        self._lost: ConnectionError | None = None  # a statement's answer was lost: never COMMIT

    def _expired(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline

    def _expiry(self) -> TransactionExpiredError:
        """Prisma's P2028: the transaction outlived its timeout (it is rolled back)."""
        assert self._deadline is not None and self._timeout is not None
        return TransactionExpiredError.after(self._timeout, time.monotonic() - self._deadline + self._timeout)

    async def _run(self, sql: str, params: Sequence[Any]) -> ResultSet:
        async with self._lock:
            try:
                return await self._a._execute(self._session, sql, params)
            except ConnectionError as e:
                self._lost = self._lost or e
                raise

    async def query(self, query: Query) -> ResultSet:
        if self._done:
            raise ClientError("this transaction is already closed")
        if self._expired():
            raise self._expiry()
        return await self._run(query.sql, query.params)

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """Inside a transaction: all or nothing via a savepoint (a failed batch leaves no trace)."""
        if isolation is not None:
            raise ClientError("isolation can only be set when the transaction starts")
        if len(queries) <= 1:
            return [await self.query(q) for q in queries]
        self._savepoints += 1
        name = f"pe_batch_{self._savepoints}"
        await self.query(Query(f"SAVEPOINT {name}"))
        try:
            results = [await self.query(q) for q in queries]
        except BaseException:
            with contextlib.suppress(PrismaEdgeError):
                await self._run(f"ROLLBACK TO SAVEPOINT {name}", ())
            raise
        await self.query(Query(f"RELEASE SAVEPOINT {name}"))
        return results

    async def _finish(self, *, commit: bool) -> None:
        """COMMIT (raising if it fails, after a ROLLBACK attempt) or ROLLBACK (best effort)."""
        if self._done:
            return
        self._done = True
        try:
            if commit and self._lost is not None:
                with contextlib.suppress(PrismaEdgeError):
                    await self._run("ROLLBACK", ())
                raise ConnectionError(
                    "the transaction was not committed: a statement inside it lost its answer "
                    f"({self._lost.message}); it was rolled back, retry the whole transaction",
                    not_committed=True,
                )
            if commit:
                try:
                    await self._run("COMMIT", ())
                    if not self._session.reusable:  # the session must say the transaction is over
                        raise ProtocolError(
                            "PlanetScale answered COMMIT with a session still in a transaction (or none), "
                            "so whether it committed is unknown (outcome unknown)", outcome_unknown=True)
                    return
                except BaseException:
                    with contextlib.suppress(PrismaEdgeError):
                        await self._run("ROLLBACK", ())
                    raise
            with contextlib.suppress(PrismaEdgeError):
                await self._run("ROLLBACK", ())
        finally:  # a session whose COMMIT/ROLLBACK failed still says inTransaction: not pooled
            self._a._give_back(self._session)


def _parse_url(url: str) -> tuple[str, str, str, Secrets]:
    """(base URL, host for messages, Basic auth header, secrets to redact) from a connection URL."""
    try:
        u = urlsplit(url)
        hostname = u.hostname
        _ = u.port  # validates the port
    except ValueError:
        raise ClientError(f"invalid PlanetScale URL: {redact(url)}") from None
    scheme = u.scheme.lower()
    if scheme not in ("mysql", "https", "http") or not hostname:
        raise ClientError(f"PlanetScale URL must be mysql://, https:// (or http:// on loopback): {redact(url)}")
    if not u.username or not u.password:
        raise ClientError(f"PlanetScale URL needs a username and a password: {redact(url)}")
    host = u.netloc.rpartition("@")[2]
    if scheme == "http" and not is_loopback_host(hostname):
        raise ClientError(f"plain http:// is only allowed for a loopback endpoint, not {host}; use https://")
    base = f"{'http' if scheme == 'http' else 'https'}://{host}"
    # like database-js: the credentials exactly as written in the URL (still percent-encoded)
    token = base64.b64encode(f"{u.username}:{u.password}".encode()).decode()
    secrets = Secrets.from_url(url) | Secrets.of(token)
    return base, host, f"Basic {token}", secrets


def _decode_row(row: dict[str, Any], decoders: list[tuple[str, Callable[[bytes], Any]]]) -> tuple[Any, ...]:
    lengths = row.get("lengths") or ()
    if len(lengths) != len(decoders):
        raise ValueError(f"row has {len(lengths)} values for {len(decoders)} fields")
    raw = base64.b64decode(row.get("values") or "", validate=True)
    out: list[Any] = []
    offset = 0
    for length, (_, decode) in zip(lengths, decoders, strict=True):
        n = int(length)
        if n < 0:
            out.append(None)
            continue
        end = offset + n
        if end > len(raw):
            raise ValueError("row values are shorter than their lengths say")
        out.append(decode(raw[offset:end]))
        offset = end
    return tuple(out)
