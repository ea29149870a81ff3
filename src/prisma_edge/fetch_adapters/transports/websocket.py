"""WebSocket transports: the byte pipe the Neon WebSocket adapter runs PostgreSQL over.

A WebSocket transport is three coroutines (DESIGN.md decision 5), the same as `ByteStream`:

    await ws.send(data)   # one binary message
    await ws.recv()       # the next binary message; b"" once the connection has closed
    await ws.close()

`recv()` returns b"" at the end, like a socket's EOF, so the PostgreSQL layer can still report a
FATAL error that arrived just before the server hung up. A failure to connect or to send raises
`prisma_edge.errors.ConnectionError` (`TimeoutError` for a connect timeout); a text message (the
Neon proxy never sends one) is a `ProtocolError`.

Implementations, chosen by `connect_websocket()` from `sys.platform`:

- `PyodideWebSocket`: the JS `WebSocket` of browsers, Node (global, or the `ws` package installed
  as `globalThis.WebSocket`) and Cloudflare Python Workers; `binaryType = "arraybuffer"`, messages
  queued by `onmessage`. `js` / `pyodide.ffi` are imported inside it, lazily.
- `WebsocketsWebSocket`: CPython through the `websockets` package (the optional extra
  `prisma-edge[websockets]`, imported lazily), no compression, no keep-alive pings (the Neon
  proxy ignores them, and the JS driver sends none).

`check_ws_url` refuses plain `ws://` to anything but a loopback host: the password travels inside.
Messages name host and port only, never the query string.
"""

from __future__ import annotations

import asyncio
import sys
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from prisma_edge import errors
from prisma_edge.fetch_adapters.transports.urls import parse_endpoint

__all__ = [
    "ConnectWebSocket",
    "PyodideWebSocket",
    "WebSocket",
    "WebsocketsWebSocket",
    "check_ws_url",
    "connect_websocket",
]


class WebSocket(Protocol):
    """An open WebSocket carrying binary messages (a `protocols.postgres.session.ByteStream`).

    Implementations also have a `closed` property, so a pool can drop a socket the server
    closed while it sat idle.
    """

    async def send(self, data: bytes) -> None: ...

    async def recv(self) -> bytes:
        """The next binary message; b"" once the connection has closed."""
        ...

    async def close(self) -> None: ...


ConnectWebSocket = Callable[[str, "float | None"], Awaitable[WebSocket]]
"""`await connect(url, timeout) -> WebSocket`: how an adapter opens its sockets (tests may wrap it)."""


def check_ws_url(url: str) -> str:
    """The `host:port` of a ws(s) URL (for messages); refuses plain ws:// beyond loopback.

    Raises:
        ClientError: not a ws/wss URL, no host, or `ws://` to a host that is not loopback.
    """
    return parse_endpoint(url, schemes=("ws", "wss")).where  # the one URL parser (transports/urls.py)


async def connect_websocket(url: str, timeout: float | None = None) -> WebSocket:
    """Open a WebSocket with the runtime's implementation (JS in Pyodide/Workers, else websockets)."""
    if sys.platform == "emscripten":
        return await PyodideWebSocket.connect(url, timeout)
    return await WebsocketsWebSocket.connect(url, timeout)


# -- CPython: the websockets package ----------------------------------------------------------


class WebsocketsWebSocket:
    """A `websockets` (>= 13, asyncio API) client connection."""

    def __init__(self, conn: Any, where: str) -> None:
        self._conn = conn
        self._where = where

    def __repr__(self) -> str:
        return f"<WebsocketsWebSocket {self._where}>"

    @property
    def closed(self) -> bool:
        """The connection has ended (closed by either side, or lost)."""
        from websockets.protocol import State  # noqa: PLC0415

        return self._conn.state is State.CLOSED

    @classmethod
    async def connect(cls, url: str, timeout: float | None = None) -> WebsocketsWebSocket:
        where = check_ws_url(url)
        try:
            from websockets.asyncio.client import connect  # noqa: PLC0415 - optional extra
        except ImportError:
            raise errors.ClientError(
                "the Neon WebSocket adapter needs the websockets package in CPython: "
                "pip install 'prisma-edge[websockets]'"
            ) from None
        from websockets.exceptions import InvalidHandshake  # noqa: PLC0415

        try:
            async with asyncio.timeout(timeout):
                conn = await connect(
                    url, compression=None, ping_interval=None, max_size=None, open_timeout=None,
                    proxy=None, user_agent_header=None,
                )  # fmt: skip
        except TimeoutError:
            raise errors.TimeoutError(f"opening the WebSocket to {where} took longer than {timeout:g} s") from None
        except InvalidHandshake as e:
            raise errors.ConnectionError(f"the WebSocket handshake with {where} failed: {type(e).__name__}") from None
        except OSError as e:
            reason = e.strerror or type(e).__name__
            raise errors.ConnectionError(f"cannot reach {where}: {reason}") from None
        return cls(conn, where)

    async def send(self, data: bytes) -> None:
        from websockets.exceptions import ConnectionClosed  # noqa: PLC0415

        try:
            await self._conn.send(data)
        except ConnectionClosed:
            raise errors.ConnectionError(f"the WebSocket to {self._where} is closed") from None
        except OSError as e:
            raise errors.ConnectionError(f"lost the WebSocket to {self._where}: {type(e).__name__}") from None

    async def recv(self) -> bytes:
        from websockets.exceptions import ConnectionClosed  # noqa: PLC0415

        try:
            data = await self._conn.recv()
        except ConnectionClosed:
            return b""
        if isinstance(data, str):
            raise errors.ProtocolError(f"{self._where} sent a text WebSocket message; PostgreSQL bytes come in binary ones")
        return data

    async def close(self) -> None:
        try:
            await self._conn.close()
        except Exception:  # noqa: BLE001 - closing a broken socket must not raise
            self._conn.transport.abort()

    def abort(self) -> None:
        """Drop the connection at once, without the closing handshake (a stalled peer never answers it)."""
        self._conn.transport.abort()


# -- Pyodide / Cloudflare Workers: the JS WebSocket -------------------------------------------

_OPEN = 1
_END = object()  # queued by onclose: no message follows


class PyodideWebSocket:
    """The JavaScript `WebSocket` (browser, Node with a global WebSocket, Cloudflare Workers)."""

    def __init__(self, where: str) -> None:
        self._where = where
        self._ws: Any = None
        self._proxies: list[Any] = []
        self._queue: deque[Any] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._opened: asyncio.Future[None] | None = None
        self._closed = False
        self._close_info = ""

    def __repr__(self) -> str:
        return f"<PyodideWebSocket {self._where}>"

    @property
    def closed(self) -> bool:
        """The connection has ended (closed by either side, or lost)."""
        return self._closed or self._ws is None

    @classmethod
    async def connect(cls, url: str, timeout: float | None = None) -> PyodideWebSocket:
        where = check_ws_url(url)
        import js  # type: ignore[import-not-found]  # noqa: PLC0415 - Pyodide only
        from pyodide.ffi import JsException, create_proxy  # type: ignore[import-not-found]  # noqa: PLC0415

        self = cls(where)
        loop = asyncio.get_running_loop()
        self._opened = loop.create_future()
        try:
            ws = js.WebSocket.new(url)
        except JsException as e:
            raise errors.ConnectionError(f"cannot open a WebSocket to {where}: {_js_name(e)}") from None
        ws.binaryType = "arraybuffer"
        self._ws = ws
        handlers = {"onopen": self._on_open, "onmessage": self._on_message, "onclose": self._on_close,
                    "onerror": self._on_error}  # fmt: skip
        for name, fn in handlers.items():
            proxy = create_proxy(fn)
            self._proxies.append(proxy)
            setattr(ws, name, proxy)
        try:
            async with asyncio.timeout(timeout):
                await self._opened
        except BaseException as e:
            self._shutdown()
            if isinstance(e, TimeoutError):
                raise errors.TimeoutError(f"opening the WebSocket to {where} took longer than {timeout:g} s") from None
            raise
        return self

    # JS event handlers (called by the JS event loop, on the Python thread)

    def _on_open(self, _event: Any) -> None:
        if self._opened is not None and not self._opened.done():
            self._opened.set_result(None)

    def _on_message(self, event: Any) -> None:
        data = event.data
        self._push(data if isinstance(data, str) else data.to_bytes())

    def _on_error(self, _event: Any) -> None:
        self._close_info = self._close_info or "error"

    def _on_close(self, event: Any) -> None:
        self._closed = True
        self._close_info = f"code {getattr(event, 'code', '?')}"
        if self._opened is not None and not self._opened.done():
            self._opened.set_exception(
                errors.ConnectionError(f"cannot open a WebSocket to {self._where} ({self._close_info})")
            )
        self._push(_END)  # the handlers are released by close(): not from inside one of them

    def _push(self, item: Any) -> None:
        self._queue.append(item)
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    # the WebSocket interface

    async def send(self, data: bytes) -> None:
        ws = self._ws
        if ws is None or self._closed or ws.readyState != _OPEN:
            raise errors.ConnectionError(f"the WebSocket to {self._where} is closed")
        import js  # type: ignore[import-not-found]  # noqa: PLC0415

        payload = js.Uint8Array.new(len(data))
        payload.assign(data)
        ws.send(payload)

    async def recv(self) -> bytes:
        while not self._queue:
            if self._ws is None:
                return b""
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        item = self._queue[0]
        if item is _END:
            return b""  # stays queued: every later recv() sees the end too
        self._queue.popleft()
        if isinstance(item, str):
            raise errors.ProtocolError(f"{self._where} sent a text WebSocket message; PostgreSQL bytes come in binary ones")
        return item

    async def close(self) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None and not self._closed:
            self._closed = True
            try:
                ws.close(1000)
            except Exception:  # noqa: BLE001 - already closing
                pass
        self._release_handlers(ws)
        self._push(_END)

    def _release_handlers(self, ws: Any) -> None:
        if ws is not None:
            for name in ("onopen", "onmessage", "onclose", "onerror"):
                setattr(ws, name, None)
        for proxy in self._proxies:
            proxy.destroy()
        self._proxies = []


def _js_name(e: BaseException) -> str:
    try:
        return str(e.js_error.name)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - describing the error must not fail
        return type(e).__name__
