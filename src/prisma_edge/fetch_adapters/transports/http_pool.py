"""Keep-alive HTTP/1.1 for CPython: a small pool of `http.client` connections per origin (issue 15 item 2).

A new TCP (and TLS) connection per request made every operation two or three round trips; with
a pool, 50 sequential queries use one connection. `HttpPool.request()` is blocking (the async
transport runs it in its own threads, the sync client calls it directly):

- connections are keyed by (scheme, host, port) from `urls.Endpoint`, the same parse the URL
  policy checked; at most `max_idle` idle ones are kept per origin, `close()` closes them all;
- https is verified (`ssl.create_default_context()`: certificate chain and host name);
- redirects are never followed (`http.client` has no such logic); the caller turns a 3xx into an
  error;
- an idle connection the server has closed (readable at rest: EOF) is dropped before use; a
  request whose send fails on a reused connection is retried once on a fresh one (nothing reached
  the server); once a request has been sent, a failure is never retried: the error says the
  outcome is unknown (`outcome_unknown` in its meta) when the server may have applied it;
- with a `proxy` (`proxies.Proxy`, from HTTPS_PROXY / NO_PROXY), https endpoints go through a
  CONNECT tunnel: the proxy relays TLS it cannot read;
- `abort(handle)` shuts the socket of a request in flight, so a timeout on the async side ends
  the blocking read at once instead of leaving a thread behind.
"""

from __future__ import annotations

import http.client
import select
import socket
import ssl
import threading
from collections.abc import Mapping

from prisma_edge import errors
from prisma_edge.fetch_adapters.transports.proxies import Proxy
from prisma_edge.fetch_adapters.transports.urls import Endpoint

__all__ = ["HttpPool", "InFlight"]

Key = tuple[str, str, int]


class InFlight:
    """The connection a request is using, so another thread can abort it."""

    __slots__ = ("conn", "aborted")

    def __init__(self) -> None:
        self.conn: http.client.HTTPConnection | None = None
        self.aborted = False


class HttpPool:
    """Idle keep-alive connections per origin; thread-safe."""

    def __init__(
        self, *, max_idle: int = 4, ssl_context: ssl.SSLContext | None = None, proxy: Proxy | None = None
    ) -> None:
        self.max_idle = max_idle
        self._ctx = ssl_context
        self.proxy = proxy
        self._idle: dict[Key, list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()
        self._closed = False
        self.opened = 0  # connections opened so far (tests and benchmarks read it)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, {}
        for conns in idle.values():
            for c in conns:
                c.close()

    def abort(self, handle: InFlight) -> None:
        handle.aborted = True
        conn = handle.conn
        sock = getattr(conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def request(
        self,
        method: str,
        ep: Endpoint,
        headers: Mapping[str, str],
        body: bytes,
        timeout: float | None,
        handle: InFlight | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """Send one request and read the whole answer: (status, headers, body)."""
        handle = handle or InFlight()
        key = (ep.scheme, ep.host, ep.port)
        via = self.proxy if self.proxy is not None and self.proxy.applies_to(ep) else None
        for attempt in (0, 1):
            conn, reused = self._take(key, ep, timeout)
            handle.conn = conn
            if handle.aborted:
                conn.close()
                raise errors.TimeoutError(f"no answer from {ep.where} (aborted)")
            try:
                conn.request(
                    method,
                    ep.target,
                    body=body if method not in ("GET", "HEAD") else None,
                    headers=dict(headers),
                )
            except (ConnectionError, OSError, http.client.HTTPException) as e:
                conn.close()
                if reused and attempt == 0 and not isinstance(e, TimeoutError):
                    continue  # the server had closed it: nothing was received, send again
                raise _failure(e, ep, sent=False, via=via) from None
            try:
                resp = conn.getresponse()
                data = resp.read()
            except http.client.IncompleteRead as e:
                conn.close()
                raise errors.ProtocolError(
                    f"the response from {ep.where} was cut short ({len(e.partial)} bytes received); the request "
                    "was sent, so whether it was applied is unknown (outcome unknown)",
                    outcome_unknown=True,
                ) from None
            except BaseException as e:  # noqa: BLE001 - every failure closes the connection
                conn.close()
                if handle.aborted:
                    raise errors.TimeoutError(
                        f"no answer from {ep.where} (timed out)", outcome_unknown=True
                    ) from None
                if isinstance(e, (OSError, http.client.HTTPException)):
                    raise _failure(e, ep, sent=True, via=via) from None
                raise
            headers_out = {k.lower(): v for k, v in resp.getheaders()}
            if resp.will_close:
                conn.close()
            else:
                self._give_back(key, conn)
            return resp.status, headers_out, data
        raise AssertionError("unreachable")  # pragma: no cover

    def _take(self, key: Key, ep: Endpoint, timeout: float | None) -> tuple[http.client.HTTPConnection, bool]:
        with self._lock:
            if self._closed:
                raise errors.ClientError("this HTTP transport is closed")
            idle = self._idle.get(key, [])
            while idle:
                conn = idle.pop()
                if _still_open(conn):
                    conn.timeout = timeout
                    if conn.sock is not None:
                        conn.sock.settimeout(timeout)
                    return conn, True
                conn.close()
            self.opened += 1
        if ep.secure:
            ctx = self._ctx or ssl.create_default_context()
            proxy = self.proxy
            if proxy is not None and proxy.applies_to(ep):  # TLS to ep.host, inside a CONNECT tunnel
                conn = http.client.HTTPSConnection(proxy.host, proxy.port, timeout=timeout, context=ctx)
                conn.set_tunnel(ep.host, ep.port, headers=dict(proxy.headers))
                return conn, False
            return http.client.HTTPSConnection(ep.host, ep.port, timeout=timeout, context=ctx), False
        return http.client.HTTPConnection(ep.host, ep.port, timeout=timeout), False

    def _give_back(self, key: Key, conn: http.client.HTTPConnection) -> None:
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if not self._closed and len(idle) < self.max_idle:
                idle.append(conn)
                return
        conn.close()


def _still_open(conn: http.client.HTTPConnection) -> bool:
    """An idle keep-alive socket that is readable has been closed by the server (or sent junk)."""
    sock = conn.sock
    if sock is None:
        return False
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


def _failure(e: BaseException, ep: Endpoint, *, sent: bool, via: Proxy | None = None) -> errors.ConnectionError:
    where = ep.where if via is None else f"{ep.where} (through the proxy {via.where})"
    if via is not None and isinstance(e, OSError) and str(e).startswith("Tunnel connection failed"):
        answer = str(e).partition(":")[2].strip()  # "407 Proxy Authentication Required": no secret
        return errors.ConnectionError(f"the proxy {via.where} refused the tunnel to {ep.where}: {answer}")
    unknown = {"outcome_unknown": True} if sent else {}
    tail = (
        "; the request was sent, so whether the server applied it is unknown (outcome unknown)"
        if sent
        else ""
    )
    if isinstance(e, TimeoutError):
        return errors.TimeoutError(f"no answer from {where} (timed out){tail}", **unknown)
    if isinstance(e, socket.gaierror):
        return errors.ConnectionError(f"cannot resolve the host of {where} (DNS lookup failed)")
    if isinstance(e, ssl.SSLCertVerificationError):
        return errors.ConnectionError(f"the TLS certificate of {where} did not verify: {e.verify_message}")
    if isinstance(e, ConnectionRefusedError):
        return errors.ConnectionError(f"cannot reach {where}: connection refused")
    if isinstance(e, http.client.RemoteDisconnected):
        return errors.ConnectionError(f"{where} closed the connection without answering{tail}", **unknown)
    if isinstance(e, http.client.HTTPException):
        return errors.ProtocolError(f"{where} broke the HTTP protocol: {type(e).__name__}{tail}", **unknown)
    if isinstance(e, OSError):
        return errors.ConnectionError(
            f"lost the connection to {where}: {e.strerror or type(e).__name__}{tail}", **unknown
        )
    return errors.ConnectionError(f"cannot reach {where}: {type(e).__name__}{tail}", **unknown)
