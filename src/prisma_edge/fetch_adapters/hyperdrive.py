"""PostgreSQL through Cloudflare Hyperdrive: the wire protocol over a Workers TCP socket.

`HyperdriveAdapter(self.env.HYPERDRIVE)` (or the binding's `connectionString`) speaks the
PostgreSQL v3 protocol, the project's sans-I/O `pgwire` machine driven by the session layer the
`postgres` and `neon_ws` adapters share (`protocols.postgres.session.PgWireAdapter`), over a
socket from `cloudflare:sockets` (`transports.sockets`). Hyperdrive answers at the binding's
host as a PostgreSQL server and pools the real connections itself, near the database.

One connection per request. A socket belongs to the request that opened it, and Hyperdrive
already pools, so this adapter holds at most one connection and is meant to live for one
request: make it inside the handler and close it before returning (`async with
db.with_adapter(HyperdriveAdapter(self.env.HYPERDRIVE)) as rdb:`), which leaves no connection
open. Using it from another request is refused with a `ClientError` saying so, before any I/O:
workerd itself would leave such an operation hanging until it cancels the request. The adapter
knows its request by a context variable: each request's handler runs in its own asyncio task,
with its own copy of the context, and the adapter marks the context it is first used in (an
adapter made at import is bound to the first request that uses it). Any use after `close()` is
refused too.

Semantics are PostgreSQL's and the session layer's: `query()` one round trip, `batch()` one
flight in a transaction, `transaction()` interactive. The login is not pipelined by default
(Hyperdrive chooses the authentication method); `sslmode` comes from the URL, with `disable` for
Hyperdrive's own hosts (`*.hyperdrive.local`) and loopback, `prefer` elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextvars import ContextVar
from typing import Any

from prisma_edge import errors
from prisma_edge.fetch_adapters.base import IsolationLevel
from prisma_edge.fetch_adapters.postgres import parse_url
from prisma_edge.fetch_adapters.protocols.pgwire import PipelineAuth, messages
from prisma_edge.fetch_adapters.protocols.postgres.session import (
    APPLICATION_NAME,
    ByteStream,
    PgSession,
    PgTransaction,
    PgWireAdapter,
)
from prisma_edge.fetch_adapters.transports.fetch import is_loopback_host
from prisma_edge.fetch_adapters.transports.sockets import WorkersSocket

__all__ = ["HyperdriveAdapter"]

_PLAIN_SSLMODES = ("disable", "allow")
# The request a context belongs to: a fresh object per request (see the module docstring).
_REQUEST: ContextVar[object | None] = ContextVar("prisma_edge_request", default=None)
_ACROSS_REQUESTS = (
    "this HyperdriveAdapter was opened while serving another request: in Workers a connection belongs "
    "to the request that opened it (workerd would leave this operation hanging). Make the adapter "
    "inside each request: `async with db.with_adapter(HyperdriveAdapter(self.env.HYPERDRIVE)) as rdb:`"
)


def _in_task() -> bool:
    try:
        return asyncio.current_task() is not None
    except RuntimeError:  # no event loop running (CPython, at import)
        return False


def _current_request() -> object:
    marker = _REQUEST.get()
    if marker is None:
        marker = object()
        _REQUEST.set(marker)
    return marker


class HyperdriveAdapter(PgWireAdapter):
    """An `Adapter` over Hyperdrive (or any PostgreSQL a Worker reaches over TCP); see the module docstring.

    Args:
        target: the Hyperdrive binding (`env.HYPERDRIVE`, whose `connectionString` is used) or a
            `postgresql://` connection string.
        connect: `cloudflare:sockets`' `connect` (default: from the Workers SDK).
        timeout: seconds to open the connection and log in.
        pipeline_auth: "cleartext" or "trust" when the server's login is known, to send the first
            statement with the startup packet.
    """

    def __init__(self, target: Any, *, connect: Any = None, timeout: float | None = 30.0,
                 pipeline_auth: PipelineAuth | None = None, application_name: str | None = None) -> None:
        url = target if isinstance(target, str) else getattr(target, "connectionString", None)
        if not isinstance(url, str) and url is not None:
            url = str(url)
        if not url:
            raise errors.ClientError("HyperdriveAdapter needs the Hyperdrive binding (env.HYPERDRIVE) or a postgresql:// URL")
        cfg = parse_url(url)
        self._host, self._port = cfg["host"], int(cfg["port"])
        mode = cfg.get("sslmode") or ("disable" if self._host.endswith(".hyperdrive.local") or is_loopback_host(self._host)
                                      else "prefer")
        if mode not in ("disable", "allow", "prefer", "require", "verify-ca", "verify-full"):
            raise errors.ClientError(f"unknown sslmode {mode!r}")
        self._sslmode = mode
        self._connect = connect
        # made in a request handler: that request (tasks it starts later see the same marker);
        # made at import: bound to the first request that uses it
        self._request: object | None = _current_request() if _in_task() else None
        super().__init__(
            user=cfg["user"], database=cfg["database"], password=cfg.get("password"),
            application_name=application_name or cfg.get("application_name") or APPLICATION_NAME,
            options={"options": cfg["options"]} if cfg.get("options") else None,
            pipeline_auth=pipeline_auth, pool_size=1, timeout=timeout,
            label=f"postgresql://{cfg['user']}@{self._host}:{self._port}/{cfg['database']}",
        )  # fmt: skip

    def _check_request(self) -> None:
        current = _current_request()
        if self._request is None:
            self._request = current
        elif self._request is not current:
            raise errors.ClientError(_ACROSS_REQUESTS)

    @contextlib.asynccontextmanager
    async def _session(self) -> AsyncIterator[PgSession]:
        self._check_request()
        async with super()._session() as s:
            yield s

    @contextlib.asynccontextmanager
    async def transaction(self, *, isolation: IsolationLevel | None = None,
                          timeout: float | None = None) -> AsyncIterator[PgTransaction]:
        self._check_request()
        async with super().transaction(isolation=isolation, timeout=timeout) as tx:
            yield tx

    async def _open_stream(self) -> ByteStream:
        tls = "off" if self._sslmode in _PLAIN_SSLMODES else "starttls"
        sock = await WorkersSocket.open(self._host, self._port, secure_transport=tls, connect=self._connect)
        if tls == "off":
            return sock
        try:
            return await self._start_tls(sock)
        except BaseException:
            await sock.close()
            raise

    async def _start_tls(self, sock: WorkersSocket) -> ByteStream:
        """PostgreSQL's SSLRequest, then the runtime's TLS on the same connection (`startTls()`)."""
        self.stats.round_trips += 1
        await sock.send(messages.ssl_request())
        answer = await sock.recv()
        if answer[:1] == b"S" and len(answer) == 1:
            return await sock.start_tls()
        if answer[:1] == b"N" and len(answer) == 1:
            if self._sslmode == "prefer":
                return sock
            raise errors.ConnectionError(f"PostgreSQL at {self._host}:{self._port} does not accept TLS (sslmode={self._sslmode})")
        raise errors.ProtocolError(f"unexpected answer to SSLRequest from {self._host}:{self._port}")
