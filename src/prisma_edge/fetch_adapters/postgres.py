"""PostgreSQL straight over TCP (asyncio), driving the sans-I/O `pgwire` state machine. CPython only.

`PgDirectAdapter` is the `PgWireAdapter` of `protocols.postgres.session` (sessions, pool, batches, transactions:
see that module for the semantics) over asyncio TCP, or a Unix socket, with libpq's URL format
and `sslmode` negotiation (SSLRequest, then TLS on the same socket). This module is only that:
opening the stream and reading the URL.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from prisma_edge import errors
from prisma_edge.fetch_adapters.protocols.pgwire import PipelineAuth, messages
from prisma_edge.fetch_adapters.protocols.postgres.session import (  # the session layer, re-exported for old imports
    APPLICATION_NAME,
    ByteStream,
    PgSession,
    PgTransaction,
    PgWireAdapter,
    begin_sql,
)
from prisma_edge.fetch_adapters.transports.fetch import is_loopback_host
from prisma_edge.redact import Secrets

__all__ = ["ByteStream", "PgDirectAdapter", "PgSession", "PgTransaction", "PgWireAdapter", "begin_sql", "parse_url"]

SslMode = Literal["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]


class PgDirectAdapter(PgWireAdapter):
    """PostgreSQL over asyncio TCP (CPython): local development, the devserver, benchmarks.

    Args:
        url: `postgresql://user:password@host:port/database?sslmode=..&application_name=..`;
            `?host=/dir` selects a Unix socket directory.
        ssl: an `ssl.SSLContext` (TLS required, verified as the context says), True (TLS with
            verification), False (no TLS), or None: from `sslmode` (default `prefer`, but `disable`
            for loopback hosts and Unix sockets).
        timeout: seconds to open the connection and log in.
        statement_timeout: seconds each statement's exchange may take (per call:
            `timeouts.statement_timeout`); then TimeoutError and the connection is closed.
        pool_size: sessions kept, and used at most at once.
        pipeline_auth: "trust" or "cleartext" when the server's authentication is known, to send
            the first statement in the same flight as the startup packet.
    """

    def __init__(
        self,
        url: str,
        *,
        ssl: Any = None,
        timeout: float | None = 30.0,
        statement_timeout: float | None = 30.0,
        pool_size: int = 5,
        pipeline_auth: PipelineAuth | None = None,
        application_name: str | None = None,
    ) -> None:
        cfg = parse_url(url)
        self._host, self._port = cfg["host"], int(cfg["port"])
        self._sslmode = _sslmode(cfg.get("sslmode"), ssl, self._host)
        self._ssl_arg = ssl
        super().__init__(
            user=cfg["user"],
            database=cfg["database"],
            password=cfg.get("password"),
            application_name=application_name or cfg.get("application_name") or APPLICATION_NAME,
            options={"options": cfg["options"]} if cfg.get("options") else None,
            pipeline_auth=pipeline_auth,
            pool_size=pool_size,
            timeout=timeout,
            statement_timeout=statement_timeout,
            label=f"postgresql://{cfg['user']}@{self._host}:{self._port}/{cfg['database']}",
            secrets=Secrets.from_url(url),
        )

    async def _open_stream(self) -> ByteStream:
        where = f"{self._host}:{self._port}"
        try:
            if self._host.startswith("/"):
                reader, writer = await asyncio.open_unix_connection(f"{self._host}/.s.PGSQL.{self._port}")
            else:
                reader, writer = await asyncio.open_connection(self._host, self._port)
        except OSError as e:
            raise errors.ConnectionError(f"cannot reach PostgreSQL at {where}: {self._redact(e)}") from None
        stream = _AsyncioStream(reader, writer)
        if self._sslmode == "disable" or self._host.startswith("/"):
            return stream
        try:
            await self._start_tls(stream)
        except BaseException:
            await stream.close()
            raise
        return stream

    async def _start_tls(self, stream: _AsyncioStream) -> None:
        import ssl as _ssl

        where = f"{self._host}:{self._port}"
        self.stats.round_trips += 1
        await stream.send(messages.ssl_request())
        try:
            answer = await stream.reader.readexactly(1)
        except (OSError, asyncio.IncompleteReadError):
            raise errors.ConnectionError(f"PostgreSQL at {where} hung up after SSLRequest") from None
        if answer == b"N":
            if self._sslmode in ("prefer", "allow"):
                return
            raise errors.ConnectionError(f"PostgreSQL at {where} does not accept TLS (sslmode={self._sslmode})")
        if answer != b"S":
            raise errors.ProtocolError(f"unexpected answer {answer!r} to SSLRequest from {where}")
        if isinstance(self._ssl_arg, _ssl.SSLContext):
            ctx = self._ssl_arg
        else:
            ctx = _ssl.create_default_context()
            if self._sslmode in ("prefer", "allow", "require"):  # libpq: encrypt, do not verify
                ctx.check_hostname = False
                ctx.verify_mode = _ssl.CERT_NONE
            elif self._sslmode == "verify-ca":
                ctx.check_hostname = False
        try:
            await stream.writer.start_tls(ctx, server_hostname=self._host if ctx.check_hostname else None)
        except (OSError, _ssl.SSLError) as e:
            raise errors.ConnectionError(f"TLS with PostgreSQL at {where} failed: {self._redact(e)}") from None

    def _redact(self, e: BaseException) -> str:
        return errors.redact(str(e), self._secrets)


class _AsyncioStream:
    """ByteStream over asyncio streams."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def recv(self) -> bytes:
        return await self.reader.read(256 * 1024)

    def abort(self) -> None:
        self.writer.transport.abort()

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(Exception):
            await self.writer.wait_closed()


def parse_url(url: str) -> dict[str, str]:
    """host/port/user/password/database (+ sslmode, application_name, options) of a libpq URL."""
    try:
        p = urlsplit(url)
        port, hostname = p.port, p.hostname
    except ValueError:
        raise errors.ClientError(f"invalid PostgreSQL URL: {errors.redact(url)}") from None
    if p.scheme not in ("postgres", "postgresql"):
        raise errors.ClientError("the database URL must start with postgresql://")
    query = dict(parse_qsl(p.query, keep_blank_values=True))
    user = unquote(p.username or "") or query.get("user", "")
    if not user:
        raise errors.ClientError("the database URL has no user name")
    out = {
        "host": query.get("host") or unquote(hostname or "") or "localhost",
        "port": str(port or query.get("port") or 5432),
        "user": user,
        "database": unquote(p.path.lstrip("/")) or query.get("dbname") or user,
        **{k: v for k, v in query.items() if k in ("sslmode", "application_name", "options")},
    }
    password = unquote(p.password) if p.password is not None else query.get("password")
    if password is not None:
        out["password"] = password
    return out


def _sslmode(mode: str | None, ssl: Any, host: str) -> SslMode:
    if ssl is False:
        return "disable"
    if ssl is True:
        return "verify-full"
    if ssl is not None:
        return "require"
    if mode is None:
        return "disable" if host.startswith("/") or is_loopback_host(host) else "prefer"
    if mode not in ("disable", "allow", "prefer", "require", "verify-ca", "verify-full"):
        raise errors.ClientError(f"unknown sslmode {mode!r}")
    return mode  # type: ignore[return-value]
