"""Neon over HTTP: `POST /sql`, one request per statement and one per batch (protocols.md A).

The adapter speaks what `@neondatabase/serverless` 1.x sends, so it works against Neon and
against the local endpoint (`prisma-edge dev neon`):

- endpoint: `https://api.<host without its first label>/sql` (Neon's default), or `endpoint=`
  verbatim (the driver's `neonConfig.fetchEndpoint`), e.g. `http://127.0.0.1:4444/sql`;
- headers `Neon-Connection-String` (the URL re-serialised as `postgresql:` with an
  `application_name` added when missing), `Neon-Raw-Text-Output: true`, `Neon-Array-Mode: true`,
  and for batches `Neon-Batch-Isolation-Level` / `Neon-Batch-Read-Only` / `Neon-Batch-Deferrable`;
- every parameter as text (`pg_types.encode_param`), every result cell decoded by its OID.

HTTP cannot hold an interactive transaction: `transaction()` raises `UnsupportedError` and
`batch()` is the atomic unit (Neon runs a batch as one transaction).

Errors: HTTP 400 carries PostgreSQL's error fields, mapped with `protocols.postgres.errors`; 413 (request too
large) -> `ClientError`; 507 (response too large) -> `DatabaseError`; 401/403 ->
`AuthenticationError`; 408/504 -> `TimeoutError`; other statuses -> `ConnectionError` (5xx, 429)
or `ProtocolError`; a body that is not the JSON Neon sends -> `ProtocolError`. The password and
the connection string are redacted from every message and never shown in a repr.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from prisma_edge import __version__, errors
from prisma_edge.fetch_adapters.base import (
    AdapterStats,
    Connection,
    Dialect,
    IsolationLevel,
    Query,
    ResultSet,
)
from prisma_edge.fetch_adapters.protocols.postgres import types as pg_types
from prisma_edge.fetch_adapters.protocols.postgres.errors import error_from_sqlstate
from prisma_edge.fetch_adapters.timeouts import current_statement_timeout
from prisma_edge.fetch_adapters.transports.fetch import (
    Fetch,
    FetchResponse,
    answer_lost,
    check_url,
    default_fetch,
    is_loopback_host,
)
from prisma_edge.redact import Secrets, scrub_error

__all__ = ["NeonHttpAdapter", "derive_endpoint"]

APPLICATION_NAME = f"prisma-edge/{__version__}"
DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024 + 64 * 1024  # Neon's 10 MiB result limit plus JSON overhead
_ISOLATION = frozenset({"ReadUncommitted", "ReadCommitted", "RepeatableRead", "Serializable"})
_AUTH_HINTS = ("password authentication failed", "authentication credentials", "authorization bearer token")


class NeonHttpAdapter:
    """An `Adapter` over Neon's HTTP API.

    Args:
        url: the database connection string, `postgres(ql)://user:password@host[:port]/db[?...]`.
        fetch: the transport; default `transport.default_fetch()` (JS fetch in Pyodide/Workers).
        endpoint: the `/sql` URL to post to, when not Neon's default (local endpoints, proxies).
        timeout: seconds for one request, connect to last byte.
        max_response_bytes: larger responses are refused (`ProtocolError`) rather than parsed.
        auth_token: a JWT sent as `Authorization: Bearer` (Neon Authorize), instead of a password.
        application_name: added to the connection string when it has none (the JS driver adds
            its npm package name the same way).
    """

    dialect: Dialect = "postgres"

    def __init__(
        self,
        url: str,
        *,
        fetch: Fetch | None = None,
        endpoint: str | None = None,
        timeout: float | None = 30.0,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        auth_token: str | None = None,
        application_name: str = APPLICATION_NAME,
    ) -> None:
        parts = _parse_connection_string(url)
        self._password = parts["password"]
        self._connection_string = _serialise(url, application_name)
        self._label = f"postgresql://{parts['user']}@{parts['host']}/{parts['database']}"
        self.endpoint = endpoint or derive_endpoint(parts["hostname"], jwt_auth=auth_token is not None)
        check_url(self.endpoint)
        self._fetch = fetch or default_fetch()
        self._own_fetch = fetch is None  # ours to close (its kept-alive connections)
        self.timeout = timeout
        self.max_response_bytes = max_response_bytes
        self._auth_token = auth_token
        self._secrets = (Secrets.from_url(url) | Secrets.from_url(self._connection_string)
                         | Secrets.of(self._password, auth_token))
        self.stats = AdapterStats()
        self._closed = False

    def __repr__(self) -> str:
        return f"<NeonHttpAdapter {self._label} via {self.endpoint}>"

    # -- Adapter protocol -------------------------------------------------------------------

    async def query(self, query: Query) -> ResultSet:
        """Run one statement: one HTTP request, autocommit."""
        payload = {"query": query.sql, "params": [pg_types.encode_param(p) for p in query.params]}
        body = await self._post(payload, {}, statements=1)
        with answer_lost():
            return _result_set(body)

    async def batch(
        self,
        queries: Sequence[Query],
        *,
        isolation: IsolationLevel | None = None,
        read_only: bool = False,
        deferrable: bool = False,
    ) -> list[ResultSet]:
        """Run statements in one transaction, in ONE request; all or nothing.

        On an error the server rolls the whole batch back and only the error comes back.
        """
        if not queries:
            return []
        headers: dict[str, str] = {}
        if isolation is not None:
            if isolation not in _ISOLATION:
                raise errors.UnsupportedError(
                    f"isolation level {isolation!r} is not available on PostgreSQL; "
                    f"use one of {', '.join(sorted(_ISOLATION))}"
                )
            headers["Neon-Batch-Isolation-Level"] = isolation
        if read_only:
            headers["Neon-Batch-Read-Only"] = "true"
        if deferrable:
            headers["Neon-Batch-Deferrable"] = "true"
        payload = {
            "queries": [
                {"query": q.sql, "params": [pg_types.encode_param(p) for p in q.params]} for q in queries
            ]
        }
        body = await self._post(payload, headers, statements=len(queries))
        with answer_lost():
            results = body.get("results") if isinstance(body, dict) else None
            if not isinstance(results, list) or len(results) != len(queries):
                raise errors.ProtocolError("Neon returned an unexpected batch result (no `results` list of the right size)")
            return [_result_set(r) for r in results]

    def transaction(
        self, *, isolation: IsolationLevel | None = None, timeout: float | None = None
    ) -> AbstractAsyncContextManager[Connection]:
        """Not possible over HTTP: every request is its own session."""
        raise errors.UnsupportedError(
            "Interactive transactions need a session, which Neon's HTTP API does not keep: use the "
            "WebSocket adapter (neon_ws) for `transaction()`, or `batch()`, which runs a list of "
            "statements atomically in one HTTP request."
        )

    async def close(self) -> None:
        self._closed = True
        closer = getattr(self._fetch, "close", None)
        if self._own_fetch and closer is not None:
            await closer()

    async def __aenter__(self) -> NeonHttpAdapter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- wire -------------------------------------------------------------------------------

    async def _post(self, payload: dict[str, Any], extra: Mapping[str, str], *, statements: int) -> Any:
        if self._closed:
            raise errors.ClientError("this NeonHttpAdapter is closed")
        headers = {
            "Content-Type": "text/plain;charset=UTF-8",  # what fetch sends for the JS driver's string body
            "Neon-Connection-String": self._connection_string,
            "Neon-Raw-Text-Output": "true",
            "Neon-Array-Mode": "true",
            **extra,
        }
        if self._auth_token is not None:
            headers["Authorization"] = f"Bearer {self._auth_token}"
        try:
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError) as e:
            raise errors.ClientError(f"cannot serialise the request: {e}") from None
        self.stats.round_trips += 1
        self.stats.statements += statements
        try:
            return await self._exchange(headers, data)
        except errors.PrismaEdgeError as e:  # every error leaving the adapter, server texts included
            raise scrub_error(e, self._secrets) from None

    async def _exchange(self, headers: Mapping[str, str], data: bytes) -> Any:
        resp = await self._fetch("POST", self.endpoint, headers, data, timeout=current_statement_timeout(self.timeout))
        with answer_lost():
            return self._answer(resp)

    def _answer(self, resp: FetchResponse) -> Any:
        if len(resp.body) > self.max_response_bytes:
            raise errors.ProtocolError(
                f"the response ({len(resp.body)} bytes) is larger than max_response_bytes ({self.max_response_bytes})"
            )
        if resp.status == 200:
            try:
                return resp.json()
            except ValueError:
                raise errors.ProtocolError(
                    f"Neon returned HTTP 200 with a body that is not JSON ({len(resp.body)} bytes)"
                ) from None
        raise self._http_error(resp)

    def _redact(self, text: str) -> str:
        return errors.redact(text, self._secrets)

    def _http_error(self, resp: FetchResponse) -> errors.PrismaEdgeError:
        status = resp.status
        try:
            body = resp.json()
        except ValueError:
            body = None
        if status == 400 and isinstance(body, dict) and isinstance(body.get("message"), str):
            return self._error_from_json(body)
        message = body.get("message") if isinstance(body, dict) else None
        message = message or (body.get("msg") if isinstance(body, dict) else None)
        text = self._redact(str(message) if message else resp.text()[:300].strip())
        shown = f"Server error (HTTP status {status}): {text}" if text else f"Server error (HTTP status {status})"
        if status == 413:
            return errors.ClientError(f"{shown} (the request is too large for the endpoint)", status=status)
        if status == 507:
            return errors.DatabaseError(f"{shown} (select fewer rows or columns)", status=status)
        if status in (401, 403):
            return errors.AuthenticationError(shown, status=status)
        if status in (408, 504):
            return errors.TimeoutError(shown, status=status)
        if status >= 500 or status == 429:
            return errors.ConnectionError(shown, status=status)
        if status == 400:
            return errors.ProtocolError(f"{shown} (not Neon's JSON error shape)", status=status)
        return errors.ProtocolError(f"unexpected answer from the Neon endpoint: {shown}", status=status)

    def _error_from_json(self, body: Mapping[str, Any]) -> errors.PrismaEdgeError:
        message = self._redact(body["message"])
        code = body.get("code") or ""
        if code:
            err = error_from_sqlstate(
                code,
                message,
                detail=body.get("detail"),
                constraint=body.get("constraint"),
                column=body.get("column"),
                table=body.get("table"),
                secrets=(self._secrets,),
            )
            err.meta.setdefault("schema", body.get("schema"))
            err.meta.setdefault("hint", body.get("hint"))
            return err
        # not a database error: the proxy's own refusal (bad header, auth, parse error)
        lowered = message.lower()
        if any(h in lowered for h in _AUTH_HINTS):
            return errors.AuthenticationError(f"Authentication failed against the database server: {message}")
        return errors.DatabaseError(message, status=400)


# -- connection strings -----------------------------------------------------------------------


def _parse_connection_string(url: str) -> dict[str, str]:
    """user/password/host/database of a postgres URL, checked like the JS driver does."""
    try:
        p = urlsplit(url)
        hostname, port = p.hostname or "", p.port
    except ValueError:
        raise errors.ClientError("the database URL is not a valid URL") from None
    if p.scheme not in ("postgres", "postgresql"):
        raise errors.ClientError(f"the database URL must start with postgresql:// (got {p.scheme or 'no'} scheme)")
    database = unquote(p.path.lstrip("/"))
    if not p.username or not hostname or hostname == "-" or not database:
        raise errors.ClientError("the database URL is missing its user, host or database name")
    host = f"{hostname}:{port}" if port else hostname
    return {
        "user": unquote(p.username),
        "password": unquote(p.password or ""),
        "hostname": hostname,
        "host": host,
        "database": database,
    }


def _serialise(url: str, application_name: str) -> str:
    """`postgresql:` scheme, `application_name` appended when missing; encoding kept."""
    p = urlsplit(url)
    query = p.query
    if not any(k == "application_name" for k, _ in parse_qsl(query, keep_blank_values=True)):
        extra = urlencode({"application_name": application_name}, quote_via=quote)
        query = f"{query}&{extra}" if query else extra
    rest = p.netloc + p.path
    return f"postgresql://{rest}" + (f"?{query}" if query else "")


def derive_endpoint(hostname: str, *, jwt_auth: bool = False) -> str:
    """Neon's default `/sql` URL for a compute host: its first DNS label becomes `api.`.

    `ep-x-123.us-east-2.aws.neon.tech` -> `https://api.us-east-2.aws.neon.tech/sql`
    (`apiauth.` with a JWT). IP addresses and one-label hosts have no such API host.

    Raises:
        ClientError: for such hosts; pass `endpoint=` (e.g. `http://127.0.0.1:PORT/sql`).
    """
    labels = hostname.split(".")
    is_ip = all(part.isdigit() for part in labels) or ":" in hostname
    if len(labels) < 2 or is_ip or is_loopback_host(hostname):
        raise errors.ClientError(
            f"cannot derive a Neon HTTP endpoint from the host {hostname!r}: pass endpoint= "
            "(for a local endpoint started with `prisma-edge dev neon`, the URL it prints)"
        )
    return "https://" + ("apiauth." if jwt_auth else "api.") + ".".join(labels[1:]) + "/sql"


# -- results ----------------------------------------------------------------------------------


def _result_set(body: Any) -> ResultSet:
    """One Neon result object (`fields`, `rows`, `rowCount`) as a ResultSet."""
    if not isinstance(body, dict) or not isinstance(body.get("rows"), list):
        raise errors.ProtocolError("Neon returned a result without a `rows` list")
    fields = body.get("fields") or []
    try:
        names = tuple(str(f["name"]) for f in fields)
        oids = [int(f["dataTypeID"]) for f in fields]
    except (KeyError, TypeError, ValueError):
        raise errors.ProtocolError("Neon returned malformed `fields`") from None
    decoders = [pg_types.decoder(oid) for oid in oids]
    width = len(decoders)
    rows: list[tuple[Any, ...]] = []
    try:
        for raw in body["rows"]:
            if isinstance(raw, dict):  # object rows (a server that ignored Neon-Array-Mode)
                raw = [raw.get(n) for n in names]
            if len(raw) != width:
                raise ValueError("row width")
            rows.append(tuple([
                None if c is None else dec(c) if c.__class__ is str else _typed_cell(oid, c)
                for dec, oid, c in zip(decoders, oids, raw, strict=True)
            ]))
    except (TypeError, ValueError, ArithmeticError) as e:
        raise errors.ProtocolError(f"Neon returned a row that does not match its fields ({type(e).__name__})") from None
    count = body.get("rowCount")
    return ResultSet(
        columns=names,
        rows=tuple(rows),
        column_types=tuple(pg_types.column_type(o) for o in oids),
        rows_affected=count if isinstance(count, int) else 0,
    )


def _typed_cell(oid: int, cell: Any) -> Any:
    """A cell a server sent as a JSON value (no raw text output): JSON columns back to text."""
    if pg_types.column_type(oid) == "json":
        return json.dumps(cell)
    return cell
