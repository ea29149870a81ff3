"""Neon over WebSocket: the PostgreSQL protocol through Neon's proxy, as `Pool`/`Client` speak it (protocols.md B).

Everything above the socket is shared with `postgres` (TCP): `protocols.postgres.session.PgWireAdapter` keeps a pool of
`PgSession`s driving the sans-I/O `pgwire` machine; this module only opens the byte stream, a
WebSocket (`transports.websocket`: the JS `WebSocket` in Pyodide and Workers, `websockets` in CPython).

- URL, as `@neondatabase/serverless` 1.x builds it (B.1): `wss://<host>/v2` by default (the
  port is not used); `ws_proxy="host:port/path"` gives `<scheme>://host:port/path?address=<host>:<port>`
  (the driver's string `wsProxy`), and a callable `(host, port) -> "host:port/path"` is used
  verbatim (its function form). The scheme is `wss`, or `ws` when the proxy host is loopback
  (plain ws to anything else is refused); a `ws_proxy` may also spell its scheme out.
- Connect is pipelined like the driver's default `pipelineConnect: "password"` (B.2/B.3): the
  StartupMessage, the cleartext password and the first statement with its Sync go in ONE
  WebSocket message, because Neon's proxy always asks for a cleartext password. A proxy in front
  of a server that asks for something else needs `pipeline_connect=False` (MD5 / SCRAM then work).
- `query()` one round trip; `batch()` BEGIN + statements + COMMIT in one flight; `transaction()`
  interactive (COMMIT on exit, ROLLBACK on an exception, `timeout` rolls back and raises
  `TimeoutError`). A connection lost inside a transaction raises `ConnectionError` saying nothing
  was committed: PostgreSQL aborts a transaction whose client vanished.
- Concurrent operations share a pool of at most `pool_size` WebSockets; more wait their turn.
- The password is never in a message or a repr (`redact`); the WebSocket URL holds no secret.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from prisma_edge import errors
from prisma_edge.fetch_adapters.base import IsolationLevel
from prisma_edge.fetch_adapters.protocols.postgres.session import (
    APPLICATION_NAME,
    ByteStream,
    PgSession,
    PgTransaction,
    PgWireAdapter,
)
from prisma_edge.fetch_adapters.transports.fetch import is_loopback_host
from prisma_edge.fetch_adapters.transports.websocket import ConnectWebSocket, check_ws_url, connect_websocket
from prisma_edge.redact import Secrets, scrub_error

__all__ = ["NeonWsAdapter", "ws_url"]

WsProxy = str | Callable[[str, int], str]


class NeonWsAdapter(PgWireAdapter):
    """An `Adapter` over Neon's WebSocket proxy (see the module docstring).

    Args:
        url: `postgres(ql)://user:password@host[:port]/db[?options=..&application_name=..]`.
        ws_proxy: where the proxy is, when not Neon's default (`"127.0.0.1:4444/v2"` for
            `prisma-edge dev neon`), as a string or `(host, port) -> str`, like `neonConfig.wsProxy`.
        pool_size: WebSockets kept open, and used at most at once.
        timeout: seconds to open a WebSocket and log in.
        statement_timeout: seconds each statement's exchange may take (per call:
            `timeouts.statement_timeout`); then TimeoutError and the WebSocket is closed.
        pipeline_connect: send startup + password + first statement in one flight (Neon's proxy
            always asks for a cleartext password); False logs in first, with any method.
        connect: opens a WebSocket, `await connect(url, timeout)`; default `connect_websocket`.
        application_name: sent at start-up unless the URL names one.
    """

    def __init__(
        self,
        url: str,
        *,
        ws_proxy: WsProxy | None = None,
        pool_size: int = 5,
        timeout: float | None = 30.0,
        statement_timeout: float | None = 30.0,
        pipeline_connect: bool = True,
        connect: ConnectWebSocket | None = None,
        application_name: str | None = None,
    ) -> None:
        cfg = _parse_url(url)
        self.ws_url = ws_url(cfg["host"], int(cfg["port"]), ws_proxy)
        self._where = check_ws_url(self.ws_url)
        if pipeline_connect and cfg.get("password") is None:
            raise errors.ClientError(
                "the database URL has no password; Neon's WebSocket proxy asks for one "
                "(pipeline_connect=False for a server that does not)"
            )
        self._connect = connect or connect_websocket
        super().__init__(
            user=cfg["user"],
            database=cfg["database"],
            password=cfg.get("password"),
            application_name=application_name or cfg.get("application_name") or APPLICATION_NAME,
            options={"options": cfg["options"]} if cfg.get("options") else None,
            pipeline_auth="cleartext" if pipeline_connect else None,
            pool_size=pool_size,
            timeout=timeout,
            statement_timeout=statement_timeout,
            label=f"postgresql://{cfg['user']}@{cfg['host']}/{cfg['database']} via {self._where}",
            secrets=Secrets.from_url(url),
        )

    async def _open_stream(self) -> ByteStream:
        try:
            return await self._connect(self.ws_url, self.timeout)
        except errors.PrismaEdgeError as e:
            raise scrub_error(e, self._secrets) from None

    @contextlib.asynccontextmanager
    async def _session(self) -> AsyncIterator[PgSession]:
        """A pooled session, after dropping those whose WebSocket closed while idle.

        Neon closes idle connections (a compute suspends, the proxy restarts), and the JS `Pool`
        drops such clients too: without this, the next operation would fail on a dead socket.
        """
        stale = [s for s in self._idle if _stream_closed(s)]
        if stale:
            self._idle = [s for s in self._idle if s not in stale]
            for s in stale:
                await s.close()
        async with super()._session() as s:
            yield s

    @contextlib.asynccontextmanager
    async def transaction(
        self, *, isolation: IsolationLevel | None = None, timeout: float | None = None
    ) -> AsyncIterator[PgTransaction]:
        """An interactive transaction on one pooled WebSocket (see `PgWireAdapter.transaction`).

        Raises:
            ConnectionError: the connection was lost inside the transaction (nothing was
                committed), or during COMMIT (its outcome is unknown).
            TimeoutError: the body ran longer than `timeout`; the transaction was rolled back.
        """
        async with super().transaction(isolation=isolation, timeout=timeout) as tx:
            try:
                yield tx
            except errors.ConnectionError as e:
                if type(e) is not errors.ConnectionError:  # timeouts, bad logins, protocol errors
                    raise
                raise errors.ConnectionError(
                    f"{e.message}: the transaction was not committed (PostgreSQL rolls back a "
                    "transaction whose connection is lost); retry it on a new connection"
                ) from e


def _stream_closed(session: PgSession) -> bool:
    # PgSession keeps its stream private; transports.websocket sockets say whether they have ended
    stream: Any = getattr(session, "_stream", None)
    return bool(getattr(stream, "closed", False))


def ws_url(host: str, port: int, ws_proxy: WsProxy | None = None) -> str:
    """The WebSocket URL for a database host, as `@neondatabase/serverless` builds it (B.1)."""
    if ws_proxy is None:
        target = f"{host}/v2"
    elif callable(ws_proxy):
        target = ws_proxy(host, port)
    else:
        sep = "&" if "?" in ws_proxy else "?"
        target = f"{ws_proxy}{sep}address={host}:{port}"
    if "://" in target:
        return target
    proxy_host = urlsplit(f"//{target}").hostname or ""
    return f"{'ws' if is_loopback_host(proxy_host) else 'wss'}://{target}"


def _parse_url(url: str) -> dict[str, str]:
    """user/password/host/port/database (+ options, application_name) of a postgres URL."""
    try:
        p = urlsplit(url)
        hostname, port = p.hostname, p.port
    except ValueError:
        raise errors.ClientError("the database URL is not a valid URL") from None
    if p.scheme not in ("postgres", "postgresql"):
        raise errors.ClientError(f"the database URL must start with postgresql:// (got {p.scheme or 'no'} scheme)")
    query = dict(parse_qsl(p.query, keep_blank_values=True))
    user = unquote(p.username or "")
    if not user or not hostname:
        raise errors.ClientError("the database URL is missing its user or host")
    out = {
        "host": f"[{hostname}]" if ":" in hostname else hostname,
        "port": str(port or 5432),
        "user": user,
        "database": unquote(p.path.lstrip("/")) or user,
        **{k: v for k, v in query.items() if k in ("application_name", "options")},
    }
    if p.password is not None:
        out["password"] = unquote(p.password)
    return out
