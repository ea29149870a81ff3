"""Turso / libSQL over HTTP: Hrana 3 pipelines (`POST /v3/pipeline`) with `fetch` alone.

Theory of operation (`protocols/hrana.py` holds the wire shapes):

- URL: `libsql://<db>-<org>.turso.io` means `https://` (as in `@libsql/client`); `https://` is
  kept; `http://` (or `libsql://...?tls=0`) only for a loopback endpoint such as
  `prisma-edge dev libsql`. The auth token comes from `auth_token=` or the URL's `?authToken=`
  and travels only as `Authorization: Bearer`; it never appears in a message or a repr.
- `query()`: ONE request `[execute, close]` on a new stream (autocommit).
- `batch()`: ONE request `[batch, close]`: BEGIN IMMEDIATE, the statements, COMMIT. Each
  statement runs only while the transaction is open (`is_autocommit` is false) and is followed
  by a ROLLBACK that runs only if it failed, so the first failure ends the transaction and skips
  the rest. A result is returned only when the COMMIT's success was read back.
- `run_steps()`: the same for a write program whose steps carry Hrana conditions of their own
  (a statement that runs only if a probe step failed, or succeeded).
- `transaction()`: an interactive transaction on one stream: the server returns a `baton` with
  every reply and the next request must present it. BEGIN rides with the first statement and
  COMMIT (or ROLLBACK) with the stream's `close`, so a transaction of n statements costs n
  requests, and one of none costs none. A libSQL server drops a stream idle for about 10 s,
  rolling back what it held.
- `execute_script()`: trusted DDL, one `execute` per statement in ONE request (what `db push`
  and a migration runner need).

Errors: SQLite's messages map to the typed errors (`protocols/sqlite.py`); HTTP 401/403 ->
AuthenticationError; 5xx -> ConnectionError (an expired stream says so); malformed or oversized
replies -> ProtocolError.
"""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import json
import re
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from prisma_edge import __version__
from prisma_edge.errors import (
    AuthenticationError,
    ClientError,
    ConnectionError,
    PrismaEdgeError,
    ProtocolError,
    TimeoutError,
    TransactionExpiredError,
    redact,
)
from prisma_edge.fetch_adapters.base import AdapterStats, Dialect, IsolationLevel, Query, ResultSet
from prisma_edge.fetch_adapters.protocols import hrana
from prisma_edge.fetch_adapters.protocols.sqlite import error_from_message
from prisma_edge.fetch_adapters.timeouts import current_statement_timeout
from prisma_edge.fetch_adapters.transports.fetch import (
    Fetch,
    answer_lost,
    check_url,
    default_fetch,
    is_loopback_host,
    mark_outcome_unknown,
)
from prisma_edge.redact import Secrets, scrub_error

__all__ = ["LibsqlAdapter", "LibsqlTransaction"]

MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_READ_ONLY = re.compile(r"^\s*(select|explain)\b", re.IGNORECASE)  # runs without the writer turn
Json = dict[str, Any]


class LibsqlAdapter:
    """An Adapter for Turso / libSQL (or `prisma-edge dev libsql`) over fetch.

    Args:
        url: `libsql://host`, `https://host` or, for a loopback endpoint, `http://127.0.0.1:PORT`;
            an `?authToken=` in the URL is taken as the token.
        auth_token: the database token (`turso db tokens create <db>`); required except on loopback.
        fetch: the transport; default `transport.default_fetch()` for the running runtime.
        timeout: seconds per HTTP request.
    """

    dialect: Dialect = "sqlite"

    def __init__(self, url: str, *, auth_token: str | None = None, fetch: Fetch | None = None,
                 timeout: float = 30.0, max_response_bytes: int = MAX_RESPONSE_BYTES) -> None:
        self._base, self._host, url_token = _parse_url(url)
        token = auth_token if auth_token is not None else url_token
        if not token and not is_loopback_host(urlsplit(self._base).hostname or ""):
            raise ClientError("a libSQL URL needs an auth token: pass auth_token=... (Turso: `turso db tokens create <db>`)")
        self._token = token or None
        self._secrets = Secrets.from_url(url) | Secrets.of(self._token)
        self._pipeline = urljoin(self._base, "v3/pipeline")
        check_url(self._pipeline)
        self._fetch = fetch if fetch is not None else default_fetch()
        self._own_fetch = fetch is None  # ours to close (its kept-alive connections)
        self._timeout = timeout
        self._max_response = max_response_bytes
        self._closed = False
        self._writer_lock: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None
        self.stats = AdapterStats()

    def __repr__(self) -> str:
        return f"LibsqlAdapter({self._base})"

    # -- Connection ------------------------------------------------------------------------------

    async def query(self, query: Query) -> ResultSet:
        """Run one statement in ONE request, autocommit (a write waits for this client's writer turn)."""
        requests = [{"type": "execute", "stmt": hrana.stmt(query.sql, query.params)}, {"type": "close"}]
        async with contextlib.nullcontext() if _READ_ONLY.match(query.sql) else self._writer():
            reply = await self._send(None, requests, statements=1)
        return _execute_result(self._result(reply, 0))

    def _writer(self) -> asyncio.Lock:
        """One write transaction of this client at a time, as SQLite itself allows one writer.

        Without it, a burst of writes fills every connection with requests the server parks on
        SQLite's lock while the transaction holding that lock waits for a connection to send its
        next statement: they all time out. Waiting here is not counted against any timeout.
        """
        loop = asyncio.get_running_loop()
        if self._writer_lock is None or self._writer_lock[0] is not loop:
            self._writer_lock = (loop, asyncio.Lock())
        return self._writer_lock[1]

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """Run statements atomically in ONE request (SQLite is always serializable: `isolation` is accepted as is)."""
        if not queries:
            return []
        results = await self.run_steps([{"stmt": hrana.stmt(q.sql, q.params)} for q in queries])
        if any(r is None for r in results):
            raise ProtocolError("libSQL skipped a statement of a batch without reporting an error")
        return results  # type: ignore[return-value]

    async def run_steps(self, steps: Sequence[Json]) -> list[ResultSet | None]:
        """Run Hrana batch steps (`{"stmt", "condition"?, "probe"?}`, conditions indexing these
        steps) inside BEGIN IMMEDIATE ... COMMIT in ONE request; None for a step that was skipped.

        A step marked `probe` fails on purpose and only steers the conditions of later steps. Any
        other failure rolls the transaction back at once (a ROLLBACK step right after it), so
        every later step, which needs an open transaction, is skipped, and its error is raised.
        Results are returned only after the COMMIT was seen to succeed.
        """
        self._check_open()
        in_tx = hrana.cond_not(hrana.is_autocommit())
        at: list[int] = []  # program step -> its index on the wire
        wire: list[Json] = [{"stmt": {"sql": "BEGIN IMMEDIATE"}}]
        fatal: list[int] = []
        for step in steps:
            cond = step.get("condition")
            at.append(len(wire))
            wire.append({"stmt": step["stmt"], "condition": hrana.cond_and(in_tx, _shift(cond, at)) if cond else in_tx})
            if not step.get("probe"):
                fatal.append(at[-1])
                wire.append({"stmt": {"sql": "ROLLBACK"}, "condition": hrana.cond_and(hrana.cond_error(at[-1]), in_tx)})
        commit = len(wire)
        wire.append({"stmt": {"sql": "COMMIT"}, "condition": in_tx})
        wire.append({"stmt": {"sql": "ROLLBACK"}, "condition": hrana.cond_and(hrana.cond_not(hrana.cond_ok(commit)), in_tx)})
        async with self._writer():
            reply = await self._send(None, [{"type": "batch", "batch": {"steps": wire}}, {"type": "close"}],
                                     statements=len(fatal))
        result = self._result(reply, 0).get("result")
        outcomes = result.get("step_results") if isinstance(result, dict) else None
        errs = result.get("step_errors") if isinstance(result, dict) else None
        if not isinstance(outcomes, list) or not isinstance(errs, list) or len(outcomes) != len(wire) or len(errs) != len(wire):
            raise ProtocolError("libSQL answered a batch with step lists of the wrong size")
        for i in (0, *fatal, commit):
            if errs[i] is not None:
                raise self._sql_error(errs[i])
        if outcomes[commit] is None:
            raise ProtocolError("libSQL skipped the COMMIT of a batch without reporting an error")
        return [_execute_result(outcomes[i]) if outcomes[i] is not None else None for i in at]

    @contextlib.asynccontextmanager
    async def transaction(self, *, isolation: IsolationLevel | None = None,
                          timeout: float | None = None) -> AsyncIterator[LibsqlTransaction]:
        """An interactive transaction on one stream: COMMIT on exit, ROLLBACK on an exception.

        Args:
            isolation: accepted (SQLite transactions are serializable).
            timeout: seconds the transaction may stay open; later statements raise TransactionExpiredError (P2028)
                and the exit rolls back.
        """
        self._check_open()
        async with self._writer():
            tx = LibsqlTransaction(self, timeout)
            try:
                yield tx
            except BaseException:
                await tx._finish(commit=False)
                raise
            if tx._expired():
                await tx._finish(commit=False)
                raise tx._expiry()
            await tx._finish(commit=True)

    async def execute_script(self, statements: Sequence[str]) -> None:
        """Run trusted statements (DDL) one after another in ONE request, outside a transaction;
        the first failure raises (later statements still ran: Hrana pipelines do not stop)."""
        if not statements:
            return
        requests: list[Json] = [{"type": "execute", "stmt": hrana.stmt(s, want_rows=False)} for s in statements]
        reply = await self._send(None, [*requests, {"type": "close"}], statements=len(statements))
        for i in range(len(statements)):
            self._result(reply, i)

    async def close(self) -> None:
        self._closed = True
        closer = getattr(self._fetch, "close", None)
        if self._own_fetch and closer is not None:
            await closer()

    async def __aenter__(self) -> LibsqlAdapter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- wire ------------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise ClientError("the libSQL adapter is closed")

    async def _send(self, baton: str | None, requests: list[Json], *, statements: int, url: str | None = None) -> Json:
        """POST one pipeline; returns the reply body (`baton`, `base_url`, `results`)."""
        self._check_open()
        headers = {"Content-Type": "application/json", "User-Agent": f"prisma-edge/{__version__}"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        try:
            body = json.dumps({"baton": baton, "requests": requests}, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ClientError("the SQL text or a value contains a lone surrogate, which is not valid UTF-8") from None
        self.stats.round_trips += 1
        self.stats.statements += statements
        timeout = current_statement_timeout(self._timeout)
        try:
            resp = await self._fetch("POST", url or self._pipeline, headers, body, timeout=timeout)
        except PrismaEdgeError as e:
            raise self._redacted(e) from None
        except builtins.TimeoutError:
            raise TimeoutError(f"libSQL at {self._host} did not answer within {timeout} s (outcome unknown)",
                               outcome_unknown=True) from None
        except OSError as e:
            raise ConnectionError(self._scrub(f"cannot reach libSQL at {self._host}: {e}")) from None
        with answer_lost():
            return self._reply(int(resp.status), bytes(resp.body), len(requests))

    def _reply(self, status: int, data: bytes, expected: int) -> Json:
        if len(data) > self._max_response:
            raise ProtocolError(f"libSQL reply is too large ({len(data)} bytes > {self._max_response})")
        if status != 200:
            raise self._http_error(status, data)
        try:
            reply = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            reply = None
        if not isinstance(reply, dict) or not isinstance(reply.get("results"), list) or len(reply["results"]) != expected:
            raise ProtocolError(f"libSQL sent a malformed pipeline reply ({len(data)} bytes)")
        return reply

    def _result(self, reply: Json, i: int) -> Json:
        """The response of request i, or its error raised."""
        item = reply["results"][i]
        if not isinstance(item, dict):
            raise mark_outcome_unknown(ProtocolError("libSQL sent a pipeline result that is not an object"))
        if item.get("type") == "error":
            raise self._sql_error(item.get("error"))
        response = item.get("response")
        if item.get("type") != "ok" or not isinstance(response, dict):
            raise mark_outcome_unknown(ProtocolError(f"libSQL sent a pipeline result of type {item.get('type')!r}"))
        return response

    def _sql_error(self, error: Any) -> PrismaEdgeError:
        message = str(error.get("message") or "") if isinstance(error, dict) else str(error)
        code = str(error.get("code") or "") if isinstance(error, dict) else ""
        return self._redacted(error_from_message(message, code))

    def _http_error(self, status: int, data: bytes) -> PrismaEdgeError:
        try:
            body = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            body = None
        if isinstance(body, dict):
            text, code = str(body.get("message") or body.get("error") or ""), str(body.get("code") or "")
        else:
            text, code = data[:300].decode("utf-8", "replace").strip(), ""
        text = self._scrub(text)
        if status in (401, 403):
            return AuthenticationError(f"libSQL rejected the auth token (HTTP {status}): {text}", status=status)
        if code == "STREAM_EXPIRED":
            return ConnectionError(f"libSQL closed the transaction's stream after inactivity; it was rolled back: {text}",
                                   status=status)
        if status in (408, 504):
            return TimeoutError(f"libSQL timed out (HTTP {status}): {text}", status=status)
        if status >= 500 or status == 429:
            return ConnectionError(f"libSQL server error (HTTP {status}): {text}", status=status)
        return ProtocolError(f"unexpected reply from libSQL: HTTP {status}: {text}", status=status)

    def _scrub(self, text: str) -> str:
        return redact(text, self._secrets)

    def _redacted(self, e: PrismaEdgeError) -> PrismaEdgeError:
        scrub_error(e, self._secrets)
        return e

    def _stream_url(self, base_url: Any, current: str) -> str:
        """Where a stream's next request goes: the server's `base_url` only on the same host, so the
        token never follows a reply to another origin."""
        if not isinstance(base_url, str) or not base_url:
            return current
        try:
            moved, here = urlsplit(base_url), urlsplit(self._pipeline)
        except ValueError:
            return current
        if moved.hostname != here.hostname or moved.scheme not in ("http", "https"):
            return current
        target = urljoin(base_url if base_url.endswith("/") else base_url + "/", "v3/pipeline")
        check_url(target)
        return target


class LibsqlTransaction:
    """The Connection inside `adapter.transaction()`: statements run one request at a time on one stream."""

    dialect: Dialect = "sqlite"

    def __init__(self, adapter: LibsqlAdapter, timeout: float | None) -> None:
        self._a = adapter
        self._baton: str | None = None
        self._url = adapter._pipeline
        self._started = False
        self._done = False
        self._lock = asyncio.Lock()
        self._deadline = time.monotonic() + timeout if timeout else None
        self._timeout = timeout

    def _expired(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline

    def _expiry(self) -> TransactionExpiredError:
        """Prisma's P2028: the transaction outlived its timeout (it is rolled back)."""
        assert self._deadline is not None and self._timeout is not None
        return TransactionExpiredError.after(self._timeout, time.monotonic() - self._deadline + self._timeout)

    async def _pipeline(self, requests: list[Json], statements: int) -> Json:
        reply = await self._a._send(self._baton, requests, statements=statements, url=self._url)
        baton = reply.get("baton")
        self._baton = baton if isinstance(baton, str) else None
        self._url = self._a._stream_url(reply.get("base_url"), self._url)
        return reply

    async def query(self, query: Query) -> ResultSet:
        if self._done:
            raise ClientError("this transaction is already closed")
        if self._expired():
            raise self._expiry()
        async with self._lock:
            execute = {"type": "execute", "stmt": hrana.stmt(query.sql, query.params)}
            if self._started:
                reply = await self._pipeline([execute], 1)
                return _execute_result(self._a._result(reply, 0))
            reply = await self._pipeline([{"type": "execute", "stmt": {"sql": "BEGIN IMMEDIATE"}}, execute], 1)
            self._a._result(reply, 0)  # a failed BEGIN raises: nothing ran in a transaction
            self._started = True
            return _execute_result(self._a._result(reply, 1))

    async def batch(self, queries: Sequence[Query], *, isolation: IsolationLevel | None = None) -> list[ResultSet]:
        """Inside a transaction: all or nothing via a savepoint, in ONE request."""
        if isolation is not None:
            raise ClientError("isolation can only be set when the transaction starts")
        if len(queries) <= 1:
            return [await self.query(q) for q in queries]
        await self.query(Query("SAVEPOINT pe_batch"))
        async with self._lock:
            steps: list[Json] = []
            for i, q in enumerate(queries):
                steps.append({"stmt": hrana.stmt(q.sql, q.params), **({"condition": hrana.cond_ok(i - 1)} if i else {})})
            n = len(queries)
            steps.append({"stmt": {"sql": "RELEASE pe_batch"}, "condition": hrana.cond_ok(n - 1)})
            undo = hrana.cond_not(hrana.cond_ok(n))
            steps.append({"stmt": {"sql": "ROLLBACK TO pe_batch"}, "condition": undo})
            steps.append({"stmt": {"sql": "RELEASE pe_batch"}, "condition": undo})
            reply = await self._pipeline([{"type": "batch", "batch": {"steps": steps}}], n)
            result = self._a._result(reply, 0).get("result") or {}
            errs, outcomes = result.get("step_errors") or [], result.get("step_results") or []
            for e in errs[:n]:
                if e is not None:
                    raise self._a._sql_error(e)
            if len(outcomes) < n or any(o is None for o in outcomes[:n]):
                raise ProtocolError("libSQL skipped a statement of a batch without reporting an error")
            return [_execute_result(o) for o in outcomes[:n]]

    async def _finish(self, *, commit: bool) -> None:
        """COMMIT (raising if it fails) or ROLLBACK (best effort), with the stream's close in the same
        request: a stream closed without COMMIT rolls back on the server."""
        if self._done:
            return
        self._done = True
        if not self._started:
            return
        async with self._lock:
            end = [{"type": "execute", "stmt": {"sql": "COMMIT" if commit else "ROLLBACK"}}, {"type": "close"}]
            if commit:
                self._a._result(await self._pipeline(end, 0), 0)
                return
            with contextlib.suppress(PrismaEdgeError):
                await self._pipeline(end, 0)


def _parse_url(url: str) -> tuple[str, str, str | None]:
    """(base URL ending in `/`, host for messages, the URL's `authToken` if any)."""
    try:
        u = urlsplit(url)
        hostname = u.hostname
        _ = u.port
    except ValueError:
        raise ClientError(f"invalid libSQL URL: {redact(url)}") from None
    scheme = u.scheme.lower()
    if scheme not in ("libsql", "https", "http") or not hostname:
        raise ClientError(f"a libSQL URL must be libsql://, https:// (or http:// on loopback): {redact(url)}")
    query = dict(parse_qsl(u.query, keep_blank_values=True))
    token = query.pop("authToken", None)
    tls = query.pop("tls", None)
    if scheme == "libsql":
        scheme = "http" if tls == "0" else "https"
    host = u.netloc.rpartition("@")[2]
    if scheme == "http" and not is_loopback_host(hostname):
        raise ClientError(f"plain http:// is only allowed for a loopback endpoint, not {host}; use https://")
    path = u.path if u.path.endswith("/") else u.path + "/"
    base = urlunsplit((scheme, host, path, urlencode(query), ""))
    return base, host, token


def _shift(cond: Json, at: list[int]) -> Json:
    """A condition over program steps, re-indexed to the wire's steps."""
    kind = cond.get("type")
    if kind in ("ok", "error"):
        return {"type": kind, "step": at[int(cond["step"])]}
    if kind == "not":
        return {"type": "not", "cond": _shift(cond["cond"], at)}
    if kind in ("and", "or"):
        return {"type": kind, "conds": [_shift(c, at) for c in cond["conds"]]}
    return cond


def _execute_result(response: Json) -> ResultSet:
    """A ResultSet from an `execute` response or a batch step's `StmtResult`."""
    result = response.get("result", response) if response.get("type") == "execute" else response
    with answer_lost():
        columns, rows, affected, last = hrana.decode_result(result)
    return ResultSet(columns, rows, ("unknown",) * len(columns), affected, last)
