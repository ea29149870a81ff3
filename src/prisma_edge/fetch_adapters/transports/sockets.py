"""TCP sockets in Cloudflare Workers: `connect()` of `cloudflare:sockets`, as a `ByteStream`.

The Workers runtime gives outbound TCP through `connect(address, options)`, a socket with a
`readable` and a `writable` stream (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/).
Python Workers reach the module with `workers.import_from_javascript("cloudflare:sockets")`
(Cloudflare's SDK; the offline workerd runs of this repository give the same name). This module
wraps such a socket in the three coroutines the PostgreSQL session layer drives
(`protocols.postgres.session.ByteStream`): `send(bytes)`, `recv() -> bytes` (b"" at the end),
`close()`, plus `start_tls()` for PostgreSQL's SSLRequest upgrade (`secureTransport: "starttls"`).

One rule of the runtime shapes its use: an I/O object belongs to the request that created it.
workerd leaves an operation on another request's socket hanging until it cancels the request as
hung, so the Hyperdrive adapter refuses such use itself, before any I/O (one connection per
request).

`js` / `pyodide.ffi` are imported inside the calls, so importing this module costs nothing
outside Pyodide.
"""

from __future__ import annotations

import contextlib
from typing import Any, Literal

from prisma_edge import errors

__all__ = ["WorkersSocket", "cloudflare_connect"]

SecureTransport = Literal["off", "on", "starttls"]


def cloudflare_connect() -> Any:
    """The runtime's `connect` (from `cloudflare:sockets`, through the Python Workers SDK).

    Raises:
        ClientError: not inside Cloudflare Workers (or their local runtime).
    """
    try:
        from workers import import_from_javascript  # type: ignore[import-not-found]  # noqa: PLC0415 - Workers only
    except ImportError:
        raise errors.ClientError(
            "TCP sockets need Cloudflare Workers' `cloudflare:sockets` (Python Workers with compatibility "
            "date 2026-09-08 or later); outside Workers use adapter=\"postgres\" (asyncio TCP)"
        ) from None
    return import_from_javascript("cloudflare:sockets").connect


class WorkersSocket:
    """An open Workers TCP socket as a byte stream (see the module docstring)."""

    def __init__(self, socket: Any, where: str) -> None:
        self._socket = socket
        self._where = where
        self._writer = socket.writable.getWriter()
        self._reader = socket.readable.getReader()
        self.closed = False

    def __repr__(self) -> str:
        return f"<WorkersSocket {self._where}{' closed' if self.closed else ''}>"

    @classmethod
    async def open(cls, host: str, port: int, *, secure_transport: SecureTransport = "off",
                   connect: Any = None) -> WorkersSocket:
        """Connect and wait until the socket is open.

        Raises:
            ConnectionError: the runtime could not open it (refused, unreachable, not allowed).
        """
        import js  # type: ignore[import-not-found]  # noqa: PLC0415
        from pyodide.ffi import JsException, to_js  # type: ignore[import-not-found]  # noqa: PLC0415

        connect = connect or cloudflare_connect()
        where = f"{host}:{port}"
        options = to_js({"secureTransport": secure_transport, "allowHalfOpen": False}, dict_converter=js.Object.fromEntries)
        address = to_js({"hostname": host, "port": port}, dict_converter=js.Object.fromEntries)
        try:
            socket = connect(address, options)
            await socket.opened
        except JsException as e:
            raise _error(e, f"cannot reach {where}") from None
        return cls(socket, where)

    async def send(self, data: bytes) -> None:
        import js  # type: ignore[import-not-found]  # noqa: PLC0415
        from pyodide.ffi import JsException  # type: ignore[import-not-found]  # noqa: PLC0415

        chunk = js.Uint8Array.new(len(data))
        chunk.assign(data)
        try:
            await self._writer.write(chunk)
        except JsException as e:
            self.closed = True
            raise _error(e, f"sending to {self._where} failed") from None

    async def recv(self) -> bytes:
        from pyodide.ffi import JsException  # type: ignore[import-not-found]  # noqa: PLC0415

        try:
            result = await self._reader.read()
        except JsException as e:
            self.closed = True
            raise _error(e, f"reading from {self._where} failed") from None
        if result.done:
            self.closed = True
            return b""
        return bytes(result.value.to_bytes())

    async def start_tls(self) -> WorkersSocket:
        """The same connection upgraded to TLS (opened with `secure_transport="starttls"`)."""
        from pyodide.ffi import JsException  # type: ignore[import-not-found]  # noqa: PLC0415

        self._reader.releaseLock()
        self._writer.releaseLock()
        try:
            tls = self._socket.startTls()
            await tls.opened
        except JsException as e:
            raise _error(e, f"TLS with {self._where} failed") from None
        return WorkersSocket(tls, self._where)

    async def close(self) -> None:
        self.closed = True
        socket, self._socket = self._socket, None
        if socket is not None:
            with contextlib.suppress(Exception):  # the peer may be gone already
                await socket.close()


def _error(e: BaseException, what: str) -> errors.ConnectionError:
    text = str(getattr(e, "message", "") or e)
    return errors.ConnectionError(f"{what}: {errors.redact(text)[:200]}")
